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

from spacy.tokens import Doc, Span

from storyline.analyze.date_filters import (
    drop_article,
    fix_span,
    governing_tense,
    is_anaphoric,
    is_bare_number,
    is_bare_part_of_day,
    is_habitual,
    is_habitual_range,
    is_holiday_modifier,
    is_in_name,
    is_modal_may,
    numeric_date,
    year_range_end,
)
from storyline.analyze.date_resolve import REFERENCE_KINDS, Tense, resolve, resolve_stamped
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

_OFFSET_WORDS = ("after", "before", "since")
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
        span = fix_span(ent)
        if span is None or is_bare_part_of_day(span) or is_bare_number(span):
            continue
        span, parsed = _parse_span(span)
        if index + 1 < len(ents):
            span, parsed = _join_split(span, parsed, ents[index + 1])
        span, parsed = _join_year_range(span, parsed)
        if ent.label_ == "TIME" and parsed.kind not in (Kind.SHIFT, Kind.WEEKDAY, Kind.SET):
            continue  # clock times and hour-long durations are not dates
        if is_modal_may(span) or is_in_name(span) or is_holiday_modifier(span):
            continue
        tense, cue = governing_tense(span.root)
        weekday_range = parsed.kind is Kind.WEEKDAY and is_habitual_range(span, tense, cue)
        if weekday_range or (parsed.kind in (Kind.WEEKDAY, Kind.YEARLESS) and is_habitual(span)):
            parsed = Parsed(Kind.SET)
        taken.update(range(span.start, span.end))
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


def _parse_span(span: Span) -> tuple[Span, Parsed]:
    """Parse a span; when nothing is understood, a numeric date ("2016-07-15") or else the
    longest leading or trailing part that is ("the June 2012 Geneva conference", "the holiday
    season ended last weekend").  A narrative time ("the next day") stays vague whole."""
    parsed = parse(span.text)
    if parsed.kind is not Kind.VAGUE or is_anaphoric(span.text):
        return span, parsed
    numeric = numeric_date(span.text)
    if numeric is not None:
        return span, numeric
    doc = span.doc
    for size in range(len(span) - 1, 0, -1):
        for part in (doc[span.start : span.start + size], doc[span.end - size : span.end]):
            parsed = parse(part.text)
            if parsed.kind not in (Kind.VAGUE, Kind.DURATION):
                return drop_article(part), parsed
    return span, Parsed(Kind.VAGUE)


def _join_split(span: Span, parsed: Parsed, following: Span) -> tuple[Span, Parsed]:
    """spaCy splits "two years after the 2019 outbreak", "from 2010 to 2012", "June 12 last
    year" and "Monday, August 3" in two: join them back when the joined text parses as one
    expression of the kind the first part calls for."""
    between = span.doc[span.start : following.start][len(span) :]
    if len(between) > 2 or is_anaphoric(following.text):
        return span, parsed
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    joined = span.doc[span.start : following.end]
    again = parse(joined.text)
    if parsed.kind is Kind.DURATION and between and between[0].lower_ in _OFFSET_WORDS:
        wanted = again.kind is Kind.OFFSET
    elif parsed.kind is Kind.ABSOLUTE and before in ("from", "between") and between:
        wanted = again.kind is Kind.ABSOLUTE
    elif parsed.kind is Kind.YEARLESS:  # "June 12" + "last year"
        wanted = again.year_shift is not None
    elif parsed.kind is Kind.WEEKDAY and [t.text for t in between] == [","]:
        wanted = again.day is not None and (again.index is not None or bool(again.year))
    else:
        wanted = False
    return (joined, again) if wanted else (span, parsed)


def _join_year_range(span: Span, parsed: Parsed) -> tuple[Span, Parsed]:
    """ "from 2010 to 2013" when spaCy tagged the first year alone, or "between 2002 and"
    apart from "2009"."""
    end = year_range_end(span)
    if end is None:
        return span, parsed
    start = span.start - 1 if span[0].lower_ not in ("from", "between") else span.start
    joined = span.doc[start:end]
    again = parse(joined.text)
    if again.kind is Kind.ABSOLUTE and again.unit == "years":
        return span.doc[span.start : end], again
    return span, parsed


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
    value = resolve_stamped(parsed, reference.day, expression.tense)
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
        year_shift=parsed.year_shift,
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
