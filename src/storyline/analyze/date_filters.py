"""What the grammar around a DATE span says: whether it is one date at all (not a part of the
day alone, an age or a count, a label number, the modal verb "may", a habitual time (TimeML
SET), part of a name), and the tense of the verb it hangs from."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from storyline.analyze.date_resolve import Tense
from storyline.analyze.temporal_rules import Kind, Parsed, normalise_text
from storyline.analyze.temporal_words import (
    CLOCK_WORDS,
    FORWARD_MODIFIERS,
    FORWARD_NOUNS,
    FUTURE_AUX,
    INTENT_VERBS,
    PART_OF_DAY_RE,
    PAST_AUX,
    PRESENT_AUX,
    WEEKDAY_NAMES_RE,
    WEEKDAYS,
)

MAX_HEAD_STEPS = 10  # how far up the tree to look for the governing verb
_LEFT_EXTENDERS = {"this", "last", "next", "early", "late", "mid", "earlier", "later", "past"}
# "the next day" counts from the story's last date; "next day" alone would read deictic.
_NARRATIVE_WORDS = {"next", "previous", "following", "preceding", "same", "prior"}
_ANAPHORIC = re.compile(
    r"\b(?:the (?:next|previous|following|preceding|same|prior)|that(?: same)?) "
    rf"(?:day|week|weekend|month|quarter|year|decade|{PART_OF_DAY_RE}|{WEEKDAY_NAMES_RE})s?\b"
)
# Date words that, capitalised mid-sentence, belong to a name ("USA Today", "This Morning").
_NAME_WORDS = {"today", "tonight", "tomorrow", "yesterday", "this"}
_ONE_WORD_HOLIDAYS = {"christmas", "halloween", "easter", "thanksgiving", "hanukkah"}
_RANGE_WORDS = {"to", "and", "through", "until", "till", "thru", "-", "–"}
# Parts of the day: never a date alone ("the morning shift"), but they stay with the day
# they follow ("Thursday evening", which spaCy splits into a DATE and a TIME).
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "mornings", "evenings", "nights"}
# Adverbs that make a weekday or month habitual ("Monday is usually our busiest morning"):
# TimeML marks such times as a SET, not as one day.
_FREQUENCY_ADVERBS = {
    "usually", "always", "often", "normally", "typically", "generally", "traditionally",
    "rarely", "seldom", "sometimes", "frequently", "routinely", "regularly", "invariably",
    "customarily", "habitually",
}  # fmt: skip
_SET_DETERMINERS = {"every", "each"}
# Words before a bare four-digit number that make it a label, not a year: "flight 2019".
_NUMBER_LABELS = {
    "no", "no.", "number", "nos", "#", "room", "flight", "route", "highway", "gate", "page",
    "platform", "bus", "line", "model", "article", "section", "code", "unit", "block",
    "suite", "seat", "row", "channel", "track", "pier", "berth", "bay", "lot", "item",
    "copyright", "©", "(c)", "$", "£", "€", "¥", "us$", "rs", "rs.",
}  # fmt: skip
_AMOUNT_AFTER = {"%", "percent", "per", "cent", "km", "kilometres", "kilometers", "miles", "mph"}


def is_bare_part_of_day(span: Span) -> bool:
    """ "evening", "the morning" alone: a time of some day, not a date ("this morning" and
    "last night" keep their determiner and stay dates)."""
    words = [t.lower_ for t in span if t.lower_ not in ("the", "a", "an", "in", "on")]
    return bool(words) and all(word in PARTS_OF_DAY for word in words)


def is_bare_number(span: Span) -> bool:
    """An age ("Rocha, 67,"), a count or a label that spaCy called a DATE.  Only a four-digit
    number can be a year, and only where a year reads naturally."""
    words = [t for t in span if not t.is_punct]
    if len(words) != 1 or not words[0].like_num:
        return False  # "six." and "67" are numbers; "the 1990s", "2010-2012" are not
    text = words[0].text
    if not text.isdigit() or len(text) != 4 or not 1800 <= int(text) <= 2099:
        return True
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in _NUMBER_LABELS or after in _AMOUNT_AFTER:
        return True
    # "1999 workers", "some 2000 people": a number counting the noun it modifies
    root = span.root
    counted = root.dep_ == "nummod" and root.head.tag_ == "NNS" and root.head.i > root.i
    return counted and before in ("about", "some", "nearly", "almost", "over", "than", "around")


def is_habitual(span: Span) -> bool:
    """A recurring weekday or month: "every Friday", "Monday is usually our busiest
    morning", "we often close in August".  A modifier ("this Monday") makes it one day."""
    doc = span.doc
    if span[0].lower_ in ("this", "last", "next", "coming"):
        return False
    if span[0].lower_ in _SET_DETERMINERS:
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in _SET_DETERMINERS:
        return True
    node = span.root
    for _ in range(MAX_HEAD_STEPS):
        if node.pos_ in ("VERB", "AUX"):
            return any(c.lower_ in _FREQUENCY_ADVERBS for c in node.children)
        if node.head is node:
            break
        node = node.head
    return False


def is_in_name(span: Span) -> bool:
    """A date word that is part of a name: "Theresa May", "Florida Today", the show "This
    Morning".  In prose "today" and "this" are lower case mid-sentence; capitalised they name
    something (unless the sentence is a title-case headline)."""
    first = span[0]
    if first.i == 0 or not first.is_title or first.is_sent_start:
        return False
    previous = first.doc[first.i - 1]
    if first.lower_ == "may":  # a surname after a given name, "May 3" excepted
        following = first.doc[span.end] if span.end < len(first.doc) else None
        dated = following is not None and following.like_num
        return previous.pos_ == "PROPN" and previous.is_title and not dated and len(span) == 1
    if first.lower_ not in _NAME_WORDS or (previous.is_punct and previous.text != ","):
        return False
    words = [t for t in first.sent if t.is_alpha and len(t) > 3 and t.pos_ != "PROPN"]
    return sum(t.is_lower for t in words) * 2 >= len(words)  # prose, not a headline


def is_holiday_modifier(span: Span) -> bool:
    """A holiday naming a kind of thing, not a day: "a Christmas office party", "Halloween
    costumes" ("the Christmas Day attack" keeps its day)."""
    root = span.root
    single = len(span) == 1 and root.lower_ in _ONE_WORD_HOLIDAYS
    return single and root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN")


def is_habitual_range(span: Span, tense: Tense, cue: str) -> bool:
    """ "open Monday through Friday", "delivered Monday to Friday": a weekday range that a
    present or participle verb makes a schedule.  A past or future verb makes it one week
    ("the trial ran Monday through Friday")."""
    doc = span.doc
    after = doc[span.end : span.end + 2]
    before = doc[max(0, span.start - 2) : span.start]
    ranged = (len(after) == 2 and after[0].lower_ in _RANGE_WORDS and _is_weekday(after[1])) or (
        len(before) == 2 and before[1].lower_ in _RANGE_WORDS and _is_weekday(before[0])
    )
    concrete = tense is Tense.FUTURE or (tense is Tense.PAST and cue != "VBN")
    return ranged and not concrete and span[0].lower_ not in ("this", "last", "next", "coming")


def _is_weekday(token: Token) -> bool:
    return token.lower_ in WEEKDAYS and token.is_title


def is_modal_may(span: Span) -> bool:
    """spaCy now and then calls the modal verb "may" a DATE: "it may rain", "May 10, 2017"
    alone on a line is still a date."""
    first = span[0]
    return first.lower_ == "may" and (
        (first.tag_ == "MD" and len(span) == 1) or first.text == "may"
    )


# --------------------------------------------------------------------------- tense


def governing_tense(token: Token) -> tuple[Tense, str]:
    """The tense of the verb a date hangs from, and the word or tag that decided it.

    A "to" infinitive ("agreed to hold talks after August") is later than its head verb,
    not of its tense: future when the head is future or an intent verb; a present head leaves
    it open ("dive over a fence to take cover on Sunday night" is a caption's present).  A
    past verb does not date a thing said to lie ahead ("came before the scheduled end of the
    emergency on July 26"): its tense is left open.
    """
    node, infinitive, forward_noun = token, False, ""
    if token.head is token:
        return Tense.NONE, ""
    node = token.head  # the span's own words ("May 10") never decide its tense
    for _ in range(MAX_HEAD_STEPS):
        if _is_verb(node):
            if not _is_to_infinitive(node):
                tense, cue = _tense_of(node)
                if forward_noun and tense is Tense.PAST:
                    return Tense.NONE, forward_noun
                if not infinitive:
                    return tense, cue
                forward = tense is Tense.FUTURE or node.lemma_ in INTENT_VERBS
                return (Tense.FUTURE if forward else Tense.NONE), "to"
            infinitive = True
        forward_noun = forward_noun or _forward_word(node)
        if node.head is node:
            break
        node = node.head
    return Tense.NONE, "to" if infinitive else ""


def _is_verb(node: Token) -> bool:
    """A verb that can carry the tense; not "am" of a clock time ("at 11:36 am on Tuesday"),
    which the tagger now and then reads as the verb "be"."""
    if node.pos_ not in ("VERB", "AUX") or (node.tag_ == "VBG" and not _aux_words(node)):
        return False
    after_number = node.i > 0 and node.doc[node.i - 1].text[:1].isdigit()  # "11:36 am"
    clock = node.lower_ in CLOCK_WORDS and after_number
    return not clock


def _forward_word(node: Token) -> str:
    """The word that makes a noun lie ahead: "the scheduled end", "the deadline"."""
    if node.pos_ not in ("NOUN", "PROPN"):
        return ""
    if node.lemma_.lower() in FORWARD_NOUNS:
        return node.lower_
    modifiers = (c for c in node.children if c.dep_ in ("amod", "compound") and c.i < node.i)
    return next((c.lower_ for c in modifiers if c.lower_ in FORWARD_MODIFIERS), "")


def _is_to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and "to" in _aux_words(verb) and verb.head is not verb


def _aux_words(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]


def _tense_of(verb: Token) -> tuple[Tense, str]:
    aux = _aux_words(verb)
    if verb.tag_ == "MD":
        aux = [verb.lower_, *aux]
    for word in aux:
        if word in FUTURE_AUX or word == "going":
            return Tense.FUTURE, word
    forward = verb.lemma_ in INTENT_VERBS and (verb.tag_ in ("VBN", "VBZ", "VBP") or aux)
    if forward and not any(word in PAST_AUX for word in aux):
        return Tense.FUTURE, verb.lemma_
    for word in aux:
        if word in PAST_AUX:
            return Tense.PAST, word
    for word in aux:
        if word in PRESENT_AUX:  # "is fired", "is shaped": present passive
            return Tense.PRESENT, word
    if verb.tag_ in ("VBD", "VBN"):
        return Tense.PAST, verb.tag_
    if verb.tag_ in ("VBZ", "VBP"):
        return Tense.PRESENT, verb.tag_
    return Tense.NONE, verb.tag_


# --------------------------------------------------------------------------- span boundaries


def fix_span(ent: Span) -> Span | None:
    """Stop at a line break, take in "this"/"last" before and a possessive after, and the
    "the" of "the next day" (spaCy leaves it out, and without it the day is deictic)."""
    doc = ent.doc
    start, end = ent.start, ent.end
    for token in ent:
        if "\n" in token.text or (token.i > start and "\n" in doc[token.i - 1].whitespace_):
            end = token.i
            break
    if end <= start:
        return None
    while start > 0 and doc[start - 1].lower_ in _LEFT_EXTENDERS and not doc[start - 1].is_sent_end:
        start -= 1
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start].lower_ in _NARRATIVE_WORDS:
        start -= 1
    if end < len(doc) and _is_part_of_day_after(doc[end]):
        end += 1
    if end < len(doc) and doc[end].tag_ == "POS":
        end += 1
    return doc[start:end]


def _is_part_of_day_after(token: Token) -> bool:
    """ "evening" right after "Thursday": part of the same date, unless it modifies a noun
    of its own ("Monday night shift") or starts a new line."""
    if token.lower_ not in PARTS_OF_DAY or token.dep_ in ("compound", "amod"):
        return False
    previous = token.doc[token.i - 1]
    return "\n" not in previous.whitespace_ and not previous.is_punct


def drop_article(span: Span) -> Span:
    if len(span) > 1 and span[0].lower_ == "the":
        return span[1:]
    return span


def is_anaphoric(text: str) -> bool:
    """A time counted from the story's own last date, which no reference day fixes: "the
    next day", "the previous month", "later that year", "late January of that year"."""
    return _ANAPHORIC.search(normalise_text(text)) is not None


def year_range_end(span: Span) -> int | None:
    """Where "from 2010 to 2013" ends when spaCy tagged only "2010" (or "between 2002 and"
    and "2009" apart): the token after the second year, or None."""
    doc = span.doc
    words = [t for t in span if t.lower_ not in ("from", "between")]
    opened = span[0].lower_ in ("from", "between") or (
        span.start > 0 and doc[span.start - 1].lower_ in ("from", "between")
    )
    if not opened or not words or not _is_year(words[0]):
        return None
    index = span.end
    if words[-1].lower_ not in _RANGE_WORDS:
        if index >= len(doc) or doc[index].lower_ not in _RANGE_WORDS:
            return None
        index += 1
    if index < len(doc) and _is_year(doc[index]):
        return index + 1
    return None


def _is_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4 and 1800 <= int(token.text) <= 2099


def numeric_date(text: str) -> Parsed | None:
    """Numeric absolute dates ("2013-07-02", "07/02/2013") through dateparser, strictly."""
    if not any(ch.isdigit() for ch in text) or not any(ch in "-/." for ch in text):
        return None
    settings: Any = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = _dateparser().parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return Parsed(Kind.ABSOLUTE, year=parsed.year, month=parsed.month, day=parsed.day)


@cache
def _dateparser() -> Any:
    import dateparser  # slow to import: only when a numeric date appears

    return dateparser
