"""Find the temporal expressions of an article and resolve each to a TimeValue.

Only spans spaCy's NER marks as DATE (and TIME spans that name a day: "last night",
"Tuesday evening") are considered: a pattern search over raw text turns "we" into Wednesday
and "may" into May.  Each span gets cheap boundary fixes ("this week's" whole, "the June
2012 Geneva conference" trimmed to "June 2012"), then is parsed
(:mod:`~storyline.analyze.temporal_rules`) and placed on the calendar against the
publication day, in the direction the governing verb's tense points
(:mod:`~storyline.analyze.date_resolve`).

Not dates: a part of the day alone ("the morning shift"; "Thursday evening" stays one
mention), an age or count spaCy called a DATE ("Rocha, 67,"), and a four-digit number
outside a year's context.  A habitual time ("every Friday", "Monday is usually our busiest
morning") is a TimeML SET: kept as a mention, resolved to no day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from storyline.analyze.date_filters import (
    PARTS_OF_DAY,
    is_bare_number,
    is_bare_part_of_day,
    is_habitual,
    is_modal_may,
)
from storyline.analyze.date_resolve import REFERENCE_KINDS, Tense, governing_tense, resolve
from storyline.analyze.placing import place
from storyline.analyze.temporal_rules import Kind, Parsed, parse
from storyline.models import (
    Article,
    DateMention,
    PublicationDate,
    Qualifier,
    RelativeDate,
    Sentence,
    TimeValue,
)

# Confidence per kind of resolution.  Set by hand from bench/dates.py: absolute forms were
# always right, tense-picked weekdays and yearless months the least reliable.
CONFIDENCE = {
    Kind.ABSOLUTE: 0.95,
    Kind.SHIFT: 0.9,
    Kind.RECENT: 0.6,
    Kind.WEEKDAY: 0.85,
    Kind.YEARLESS: 0.85,
    Kind.OFFSET: 0.75,
}
UNKNOWN_TENSE_FACTOR = 0.85  # weekday/yearless resolved without a tense to guide it
RANGE_REFERENCE_FACTOR = 0.5  # resolved against the middle of an inferred range
# An inferred publication range wider than this is no reference for "last month".
RANGE_REFERENCE_MAX_DAYS = 62
# Placed over a wider inferred range, a date has one value on every day of it, but the range
# itself is inferred; not measured, set between the middle guess above and a known day.
PLACED_IN_RANGE_FACTOR = 0.8

_LEFT_EXTENDERS = {"this", "last", "next", "early", "late", "mid", "earlier", "later", "past"}
_QUALIFIER_WORDS = {
    "after": Qualifier.AFTER,
    "following": Qualifier.AFTER,
    "before": Qualifier.BEFORE,
    "ahead": Qualifier.BEFORE,
    "prior": Qualifier.BEFORE,
    "since": Qualifier.SINCE,
    "until": Qualifier.UNTIL,
    "till": Qualifier.UNTIL,
    "through": Qualifier.UNTIL,
    "by": Qualifier.UNTIL,
    "around": Qualifier.ABOUT,
    "about": Qualifier.ABOUT,
    "circa": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
}


@dataclass(frozen=True)
class Reference:
    """The day relative expressions are resolved against, and how far to trust it."""

    day: dt.date | None
    factor: float  # multiplies the confidence of relative resolutions
    anchor: str


@dataclass(frozen=True)
class Expression:
    """One temporal span after boundary fixes, with its parse and grammatical context."""

    start: int
    end: int
    text: str
    parsed: Parsed
    tense: Tense
    tense_cue: str  # the auxiliary, verb lemma or tag that decided the tense
    role: str  # dependency label of the span's root: "pobj", "npadvmod", "compound", ...
    preposition: str  # the preposition it is the object of ("in", "for"), or ""
    on_verb: bool  # True when it (or its preposition) hangs directly from a verb
    verb: str  # lemma of the governing verb, or ""
    qualifier: Qualifier


def reference_for(published: PublicationDate) -> Reference:
    day = published.day
    if day is not None:
        return Reference(day, 1.0, "publication")
    if published.earliest and published.latest:
        width = (published.latest - published.earliest).days
        if width <= RANGE_REFERENCE_MAX_DAYS:
            middle = published.earliest + dt.timedelta(days=width // 2)
            return Reference(middle, RANGE_REFERENCE_FACTOR, "publication-range")
    return Reference(None, 0.0, "unresolved")


def find_dates(
    doc: Doc, article: Article, sentences: tuple[Sentence, ...], published: PublicationDate
) -> tuple[DateMention, ...]:
    """Every DATE/TIME expression of the article, resolved against ``published``."""
    reference = reference_for(published)
    mentions: list[DateMention] = []
    for expression in find_expressions(doc):
        mentions.extend(_mentions(expression, reference, published))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return tuple(mentions)


def find_expressions(doc: Doc) -> list[Expression]:
    """The temporal spans of a parsed text with their parse, tense and qualifier."""
    found: list[Expression] = []
    taken: set[int] = set()
    ents = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    for index, ent in enumerate(ents):
        if ent.start in taken:
            continue
        span = _fix_span(doc, ent)
        if span is None or is_bare_part_of_day(span) or is_bare_number(span):
            continue
        span, parsed = _parse_span(span)
        if index + 1 < len(ents):
            span, parsed = _join_split(span, parsed, ents[index + 1])
        if ent.label_ == "TIME" and parsed.kind not in (Kind.SHIFT, Kind.WEEKDAY, Kind.SET):
            continue  # clock times and hour-long durations are not dates
        if is_modal_may(span):
            continue
        if parsed.kind in (Kind.WEEKDAY, Kind.YEARLESS) and is_habitual(span):
            parsed = Parsed(Kind.SET)
        taken.update(range(span.start, span.end))
        tense, cue = governing_tense(span.root)
        preposition, on_verb, verb = _attachment(span)
        found.append(
            Expression(
                span.start_char,
                span.end_char,
                span.text,
                parsed,
                tense,
                cue,
                span.root.dep_,
                preposition,
                on_verb,
                verb,
                _qualifier(span, parsed),
            )
        )
    return found


def _attachment(span: Span) -> tuple[str, bool, str]:
    """The preposition a span is the object of, whether it modifies a verb, and the verb."""
    root = span.root
    preposition = ""
    holder = root
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent"):
        preposition, holder = root.head.lower_, root.head
        while holder.head.dep_ == "prep" and holder.head.pos_ == "ADP":  # "until after"
            holder = holder.head
    comparison = holder.i > 0 and holder.doc[holder.i - 1].lower_ in ("like", "unlike", "than")
    if comparison:  # "like in 2010 she will need a runoff": not the event's time
        return "like", False, ""
    on_verb = holder.head.pos_ in ("VERB", "AUX") and holder.head is not holder
    verb = holder.head.lemma_ if on_verb else ""
    return preposition, on_verb, verb


def _fix_span(doc: Doc, ent: Span) -> Span | None:
    """Stop at a line break, take in "this"/"last" before and a possessive after."""
    start, end = ent.start, ent.end
    for token in ent:
        if "\n" in token.text or (token.i > start and "\n" in doc[token.i - 1].whitespace_):
            end = token.i
            break
    if end <= start:
        return None
    while start > 0 and doc[start - 1].lower_ in _LEFT_EXTENDERS and not doc[start - 1].is_sent_end:
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


def _parse_span(span: Span) -> tuple[Span, Parsed]:
    """Parse a span; when nothing is understood, the longest leading or trailing part that is
    ("the June 2012 Geneva conference", "the holiday season ended last weekend")."""
    parsed = parse(span.text)
    if parsed.kind is not Kind.VAGUE:
        return span, parsed
    doc = span.doc
    for size in range(len(span) - 1, 0, -1):
        for part in (doc[span.start : span.start + size], doc[span.end - size : span.end]):
            parsed = parse(part.text)
            if parsed.kind not in (Kind.VAGUE, Kind.DURATION):
                return _drop_article(part), parsed
    numeric = _numeric_date(span.text)
    if numeric is not None:
        return span, numeric
    return span, Parsed(Kind.VAGUE)


def _join_split(span: Span, parsed: Parsed, following: Span) -> tuple[Span, Parsed]:
    """spaCy splits "two years after the 2019 outbreak" and "from 2010 to 2012" in two:
    join them back when the joined text parses as one expression."""
    between = span.doc[span.start : following.start][len(span) :]
    if not 1 <= len(between) <= 2:
        return span, parsed
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    wanted = None
    if parsed.kind is Kind.DURATION and between[0].lower_ in ("after", "before", "since"):
        wanted = Kind.OFFSET
    elif parsed.kind is Kind.ABSOLUTE and before in ("from", "between"):
        wanted = Kind.ABSOLUTE
    if wanted is None:
        return span, parsed
    joined = span.doc[span.start : following.end]
    again = parse(joined.text)
    return (joined, again) if again.kind is wanted else (span, parsed)


def _drop_article(span: Span) -> Span:
    if len(span) > 1 and span[0].lower_ == "the":
        return span[1:]
    return span


def _numeric_date(text: str) -> Parsed | None:
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


def _qualifier(span: Span, parsed: Parsed) -> Qualifier:
    if parsed.kind is Kind.OFFSET:
        return Qualifier.ABOUT
    lowered = span.text.lower()
    if lowered.endswith(" ago") and lowered.startswith(("more than", "over")):
        return Qualifier.BEFORE
    if lowered.endswith(" ago") and lowered.startswith(("less than", "under")):
        return Qualifier.AFTER
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    if before[-2:] == ["until", "after"]:
        return Qualifier.AFTER
    if before and before[-1] in _QUALIFIER_WORDS:
        return _QUALIFIER_WORDS[before[-1]]
    if len(before) == 2 and before[-1] in ("to", "of") and before[0] in ("prior", "ahead"):
        return Qualifier.BEFORE
    return Qualifier.AT


def _mentions(
    expression: Expression, reference: Reference, published: PublicationDate
) -> list[DateMention]:
    parsed = expression.parsed
    value = resolve(parsed, reference.day, expression.tense)
    if value is not None:
        value = TimeValue(value.earliest, value.latest, value.granularity, expression.qualifier)
    relative = _relative(expression) if value is None and reference.day is None else None
    if relative is not None and published.earliest and published.latest:
        placed = place(relative, published.earliest, published.latest)
        if placed is not None:  # the same value on every day of the inferred range
            confidence = round(relative.confidence * PLACED_IN_RANGE_FACTOR, 3)
            mention = DateMention(
                expression.start,
                expression.end,
                expression.text,
                placed,
                confidence,
                "publication-range:placed",
            )
            return [mention]
    mention = DateMention(
        expression.start,
        expression.end,
        expression.text,
        value,
        _confidence(expression, reference) if value is not None else 0.0,
        _anchor(parsed, reference, value),
        relative,
    )
    inner = _anchor_mention(expression)
    return [mention] if inner is None else [mention, inner]


def _relative(expression: Expression) -> RelativeDate | None:
    """The parse of an expression that only lacks a publication day to be resolved, for a
    later stage that learns when the article appeared (``storyline.analyze.placing``)."""
    parsed = expression.parsed
    if parsed.kind not in REFERENCE_KINDS:
        return None
    return RelativeDate(
        kind=parsed.kind.value,
        tense=expression.tense.value,
        qualifier=expression.qualifier,
        confidence=_confidence(expression, Reference(None, 1.0, "")),
        month=parsed.month,
        day=parsed.day,
        day_end=parsed.day_end,
        month_end=parsed.month_end,
        unit=parsed.unit,
        amount=parsed.amount,
        index=parsed.index,
        part=parsed.part,
    )


def _confidence(expression: Expression, reference: Reference) -> float:
    kind = expression.parsed.kind
    confidence = CONFIDENCE.get(kind, 0.5)
    if kind in (Kind.WEEKDAY, Kind.YEARLESS) and expression.tense is Tense.NONE:
        confidence *= UNKNOWN_TENSE_FACTOR
    if kind not in (Kind.ABSOLUTE, Kind.OFFSET):
        confidence *= reference.factor
    return round(confidence, 3)


def _anchor(parsed: Parsed, reference: Reference, value: TimeValue | None) -> str:
    if parsed.kind is Kind.ABSOLUTE:
        return "absolute"
    if parsed.kind is Kind.OFFSET and value is not None:
        return f"mention:{parsed.anchor_text}"
    if parsed.kind in (Kind.DURATION, Kind.VAGUE, Kind.SET):
        return parsed.kind.value
    return reference.anchor if value is not None else "unresolved"


def _anchor_mention(expression: Expression) -> DateMention | None:
    """The dated anchor inside "a year after the June 2012", as a mention of its own."""
    parsed = expression.parsed
    if parsed.kind is not Kind.OFFSET or parsed.anchor is None or not parsed.anchor_text:
        return None
    offset = expression.text.lower().rfind(parsed.anchor_text)
    value = resolve(parsed.anchor, None, Tense.NONE)
    if offset < 0 or value is None:
        return None
    start = expression.start + offset
    end = start + len(parsed.anchor_text)
    text = expression.text[offset : offset + len(parsed.anchor_text)]
    return DateMention(start, end, text, value, CONFIDENCE[Kind.ABSOLUTE], "absolute")
