"""Spans spaCy marks as DATE that are not one date: a part of the day alone, an age or a
count, a label number, the modal verb "may", and habitual times (TimeML SET)."""

from __future__ import annotations

from spacy.tokens import Span

from storyline.analyze.date_resolve import MAX_HEAD_STEPS

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
    "$", "£", "€", "¥", "us$", "rs", "rs.",
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


def is_modal_may(span: Span) -> bool:
    """spaCy now and then calls the modal verb "may" a DATE: "it may rain", "May 10, 2017"
    alone on a line is still a date."""
    first = span[0]
    return first.lower_ == "may" and (
        (first.tag_ == "MD" and len(span) == 1) or first.text == "may"
    )
