"""Quantities an article claims, with what they count, so sources can be compared.

Candidates are spaCy's CARDINAL, MONEY, PERCENT and QUANTITY entities.  Dates, years,
ordinals and hyphenated modifiers ("a two-day meeting", "a 10-point plan") are not claims and
are skipped.  What a number counts comes from the dependency tree: the noun it modifies
("2,000 fighters"), the participle it goes with ("300 injured"), the noun after "of"
("12 percent of voters"), or the subject of the clause it completes ("the death toll was
estimated at more than 10,000").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from storyline.models import Article, DateMention, Figure, Mention, Sentence, TimeValue

FIGURE_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
APPROXIMATIONS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "nearly", "almost", "about", "around", "approximately", "roughly", "some",
    "over", "under", "close to", "upwards of", "an estimated", "estimated", "just over",
    "just under", "more then",
)  # fmt: skip
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollars": "USD",
              "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
              "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "rupees": "INR"}  # fmt: skip
# Participles and adjectives that are themselves the unit: "31 dead and 300 injured".
CASUALTY_WORDS = {"dead", "killed", "injured", "wounded", "hurt", "missing", "arrested",
                  "displaced", "detained", "evacuated", "hospitalised", "hospitalized"}  # fmt: skip
REPORTING_VERBS = {"say", "tell", "report", "estimate", "announce", "state", "claim", "add",
                   "put", "count", "confirm", "record", "document", "tally", "show"}  # fmt: skip
SMALL_WORD_NUMBER = 10  # "the two men": spelled-out numbers below this after a determiner
# Verbs whose subject is what a number measures: "the toll rose to 93,000".
LEVEL_VERBS = {
    "be", "reach", "rise", "fall", "climb", "stand", "total", "estimate", "put", "exceed",
    "top", "hit", "increase", "decrease", "grow", "drop", "jump", "double", "number", "near",
    "surpass", "pass", "soar", "plunge", "decline", "remain",
}  # fmt: skip
PRONOUNS = {"it", "this", "that", "which", "they"}
ANAPHORA_OPENERS = ("at the time", "at that time", "then", "back then")

_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(thousand|million|billion|trillion|bn|mn|tn|k|m|b)?\b"
)


def find_figures(
    doc: Doc,
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    dates: tuple[DateMention, ...],
) -> tuple[Figure, ...]:
    """Every quantity claim of the article, in text order."""
    figures: list[Figure] = []
    for ent in doc.ents:
        if ent.label_ not in FIGURE_LABELS or _is_not_a_claim(ent, dates):
            continue
        value = parse_value(ent.text)
        if value is None:
            continue
        counts = _counts(ent)
        if counts in PRONOUNS:
            counts = figures[-1].counts if figures else None
        figures.append(
            Figure(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                value=value,
                unit=_unit(ent),
                counts=counts,
                approximation=_approximation(ent),
                date=_date(ent, article, sentences, dates),
                speaker=_speaker(ent, mentions),
            )
        )
    return tuple(figures)


def parse_value(text: str) -> float | None:
    """The number in "more than 93,000", "$4.5 billion", "12 percent", "two"; None if none."""
    lowered = text.lower().replace("\u00a0", " ")
    match = _NUMBER.search(lowered)
    if match is not None:
        value = float(match.group(1).replace(",", ""))
        scale = match.group(2)
        if scale is None:
            after = lowered[match.end() :].split()
            scale = after[0] if after and after[0] in SCALES else None
        return value * SCALES.get(scale or "", 1.0)
    words = re.sub(r"[^a-z ]", " ", lowered).split()
    for size in (2, 1):
        for index in range(len(words) - size + 1):
            phrase = " ".join(words[index : index + size])
            if phrase in NUMBER_WORDS:
                scale = words[index + size] if index + size < len(words) else ""
                return NUMBER_WORDS[phrase] * SCALES.get(scale, 1.0)
    return None


def _is_not_a_claim(ent: Span, dates: tuple[DateMention, ...]) -> bool:
    doc = ent.doc
    if any(d.start < ent.end_char and ent.start_char < d.end for d in dates):
        return True
    if ent.end < len(doc) and doc[ent.end].text in ("-", "–") and not doc[ent.end - 1].whitespace_:
        return True  # "a 10-point plan"
    if "-" in ent.text and re.search(r"[a-z]-[a-z]", ent.text.lower()):
        return True  # "two-hour", "three-member": modifiers
    if ent.label_ == "CARDINAL" and re.fullmatch(r"(1[89]|20)\d\d", ent.text.strip()):
        return True  # a year spaCy missed
    if ent.label_ == "CARDINAL" and ent.text.lower() in NUMBER_WORDS:
        value = NUMBER_WORDS[ent.text.lower()]
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if value < SMALL_WORD_NUMBER and (
            before in ("the", "these", "those", "both") or value == 1
        ):
            return True  # "the two men", "one member"
    joiners = ("plus", "times", "x")  # "a two plus two meeting"
    if ent.start > 0 and doc[ent.start - 1].lower_ in joiners:
        return True
    return ent.end < len(doc) and doc[ent.end].lower_ in joiners


def _approximation(ent: Span) -> str | None:
    text = ent.text.lower()
    before = " ".join(t.lower_ for t in ent.doc[max(0, ent.start - 3) : ent.start])
    for phrase in APPROXIMATIONS:
        if text.startswith(phrase + " ") or before.endswith(" " + phrase) or before == phrase:
            return phrase
    return None


def _unit(ent: Span) -> str | None:
    text = ent.text.lower()
    if ent.label_ == "PERCENT":
        return "%"
    if ent.label_ == "MONEY":
        for mark, code in CURRENCIES.items():
            if text.startswith(mark) or f" {mark}" in f" {text}":
                return code
        words = [t.lower_ for t in ent if t.is_alpha and t.lower_ not in SCALES]
        return words[-1] if words else None  # "20 baht", "55 cents"
    if ent.label_ == "QUANTITY":
        words = [t.lower_ for t in ent if t.is_alpha and t.lower_ not in SCALES]
        measure = [w for w in words if not any(w == a for a in APPROXIMATIONS)]
        return measure[-1] if measure else None
    counted = _counted_word(ent)
    return counted.lower_ if counted is not None else None


def _counted_word(ent: Span) -> Token | None:
    """The noun or participle a bare number counts: "2,000 fighters", "300 injured"."""
    root = ent.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound") and head.i >= ent.end:
        return head
    if head.lower_ in CASUALTY_WORDS and head.i >= ent.end:
        return head
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.lower_ in CASUALTY_WORDS:
        return following
    return None


def _counts(ent: Span) -> str | None:
    """What is counted: the modified noun phrase, an "of" object, or the clause subject."""
    counted = _counted_word(ent)
    if counted is not None and ent.label_ != "PERCENT":
        return _noun_phrase(counted, ent)
    root = ent.root
    of_objects = [c for c in root.children if c.lower_ == "of"]
    if of_objects:
        objects = [c for c in of_objects[0].children if c.dep_ == "pobj"]
        if objects:
            return _noun_phrase(objects[0], ent)
    if ent.label_ == "PERCENT" and counted is not None:
        return _noun_phrase(counted, ent)
    subject = _clause_subject(root)
    return _noun_phrase(subject, ent) if subject is not None else None


def _clause_subject(token: Token) -> Token | None:
    """The subject of a verb that states a level: "the toll was estimated at 10,000"."""
    node = token
    for _ in range(4):
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_ not in LEVEL_VERBS:
            return None
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].i < token.i:
            return subjects[0]
        if node.head is node or node.pos_ in ("VERB", "AUX"):
            break
    return None


def _noun_phrase(token: Token, ent: Span) -> str:
    """The noun with its compound and adjective modifiers: "death toll", "Syrian fighters"."""
    if token.lower_ in PRONOUNS:
        return token.lower_
    parts = [
        c
        for c in token.lefts
        if c.dep_ in ("compound", "amod")
        and not ent.start <= c.i < ent.end
        and c.ent_type_ not in FIGURE_LABELS
    ]
    return " ".join([*(p.text for p in parts), token.text]).lower()


def _date(
    ent: Span, article: Article, sentences: tuple[Sentence, ...], dates: tuple[DateMention, ...]
) -> TimeValue | None:
    """The dated mention of the figure's sentence, nearest first; "At the time" looks back."""
    index = next((i for i, s in enumerate(sentences) if s.start <= ent.start_char < s.end), None)
    if index is None:
        return None
    sentence = sentences[index]
    inside = [d for d in dates if sentence.start <= d.start < sentence.end and d.value]
    if inside:
        nearest = min(inside, key=lambda d: abs(d.start - ent.start_char))
        return nearest.value
    opening = article.text[sentence.start : sentence.end].lstrip().lower()
    if index > 0 and opening.startswith(ANAPHORA_OPENERS):
        previous = sentences[index - 1]
        before = [d for d in dates if previous.start <= d.start < previous.end and d.value]
        if before:
            return before[-1].value
    return None


def _speaker(ent: Span, mentions: tuple[Mention, ...]) -> str | None:
    """Who states it: the agent ("estimated by the UN"), a reporting verb's subject, or
    "according to X"."""
    node = ent.root
    for _ in range(6):
        node = node.head
        for child in node.children:
            if child.dep_ == "agent" or (child.lower_ == "according" and node.pos_ == "VERB"):
                found = _mention_under(child, mentions)
                if found is not None:
                    return found
        if node.lemma_ in REPORTING_VERBS:
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    found = _mention_under(child, mentions)
                    if found is not None:
                        return found
        if node.head is node:
            break
    sentence = ent.sent
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(ent.doc):
            return _mention_under(token, mentions)
    return None


def _mention_under(token: Token, mentions: tuple[Mention, ...]) -> str | None:
    start = min(t.idx for t in token.subtree)
    end = max(t.idx + len(t) for t in token.subtree)
    for mention in mentions:
        if start <= mention.start and mention.end <= end:
            return mention.entity
    return None
