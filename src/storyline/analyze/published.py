"""The article's own date: from metadata when stated, else a range bounded by its text.

Evidence comes from the article's temporal expressions and the tense of their verbs:

* a dated past event ("drafted in June 2012") puts publication on or after it;
* a dated future event ("will vote in March 2014") puts publication on or before it;
* an offset from a dated anchor ("came a year after the June 2012 conference") dates the
  reported event, which news reports soon after it happens;
* a past month-day without a year ("on June 24") is, in news style, within the last months:
  publication falls on or after that day in a year the other evidence allows;
* a future month without a year ("will not start until after August") is within the next
  months;
* "last month"/"this year" beside a named month or year fixes the month or year.

Dated evidence gives bounds, yearless evidence filters the days between them; the result is
the smallest range holding every day that satisfies all of it.  Evidence that contradicts
the rest is dropped, weakest kind first; nothing at all is guessed: no dated evidence, no
range.  Today's date is never used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from storyline.analyze.date_resolve import (
    YEARLESS_FUTURE_MAX_DAYS,
    YEARLESS_PAST_MAX_DAYS,
    Tense,
    resolve,
    resolve_absolute,
)
from storyline.analyze.dates import Expression, find_expressions
from storyline.analyze.temporal_rules import Kind, Parsed
from storyline.models import (
    Article,
    DateSource,
    PublicationDate,
    Qualifier,
    Sentence,
)

# "a year after X" is approximate: the event lies this many days either side of X + 1 year.
OFFSET_SLACK_DAYS = {"day": 1, "week": 3, "month": 15, "year": 92, "decade": 730}
# News reports an event this many days after it happened, at most, for offset evidence.
REPORTING_DELAY_DAYS = 31
# Only these auxiliaries make a future clear enough to bound publication ("could" is not).
CLEAR_FUTURE_CUES = {"will", "'ll", "shall", "wo", "may", "might", "going"}
# A dated event bounds publication only as a time adjunct of a verb: "drafted in June 2012",
# not "the 2022 World Cup", "a challenge for 2012" or "growth of 2 percent in 1999".
ADJUNCT_PREPOSITIONS = {"in", "on", "during", "since", "at", "from", "by", "before", "until", ""}
FUTURE_PREPOSITIONS = ADJUNCT_PREPOSITIONS | {"after", "for"}
ADJUNCT_ROLES = {"pobj", "npadvmod", "tmod", "advmod", "obl"}
# Past-tense verbs whose dated object is a target, not an event: "projected growth for 1999".
FORECAST_VERBS = {
    "predict", "project", "forecast", "expect", "estimate", "plan", "schedule", "target",
    "aim", "set", "budget", "anticipate", "foresee", "promise", "pledge", "vow", "slate",
}  # fmt: skip
# Bounds are widened by a day: a wire dated in one time zone reports a day of another.
TIME_ZONE_SLACK = dt.timedelta(days=1)
# Most days to scan when yearless evidence filters a range (three years).
MAX_FILTER_DAYS = 3 * 366

# Page furniture whose dates are not the story's: embedded posts, update and correction notes.
FURNITURE = re.compile(
    r"https?://|\bpic\.twitter|\(@\w+\)|\b(?:article|story|post|report|page) (?:was|has been|is)"
    r" (?:amended|updated|corrected|changed)|\bupdated:? |\bcorrection\b",
    re.IGNORECASE,
)
# What may stand between "last year" and the year it names: "last year, in 2015,".
NAMING_GAP = re.compile(r"[\s,(–—-]*(?:in\s+|of\s+)?")

DayTest = Callable[[dt.date], bool]


@dataclass(frozen=True)
class Evidence:
    """One constraint on the publication day, and the sentence that states it."""

    note: str
    rank: int  # how much it is trusted; the lowest is dropped first on conflict
    earliest: dt.date | None = None
    latest: dt.date | None = None
    test: DayTest | None = None  # for yearless evidence: does a candidate day fit?


def infer_publication(
    doc: Doc, article: Article, sentences: tuple[Sentence, ...]
) -> PublicationDate:
    """``article.published`` when metadata stated it; else a range from the text, or UNKNOWN."""
    if article.published.source is DateSource.METADATA:
        return article.published
    expressions = find_expressions(doc)
    evidence = [e for x in expressions for e in _evidence(x, expressions, article, sentences)]
    return combine(evidence)


def combine(evidence: list[Evidence]) -> PublicationDate:
    """Intersect the evidence; drop the weakest kind while it conflicts."""
    ranked = sorted(evidence, key=lambda e: -e.rank)
    while ranked:
        bounds = _intersect([e for e in ranked if e.test is None])
        if bounds is not None and (bounds[0] or bounds[1]):
            tests = [e for e in ranked if e.test is not None]
            filtered = _filter(bounds, tests)
            if filtered is not None:
                used = tuple(e.note for e in ranked if _binds(e, bounds, filtered))
                return PublicationDate(
                    DateSource.INFERRED,
                    earliest=filtered[0],
                    latest=filtered[1],
                    origin="text",
                    evidence=used,
                )
        weakest = ranked[-1].rank
        ranked = [e for e in ranked if e.rank != weakest]
    return PublicationDate()


def _binds(
    evidence: Evidence,
    bounds: tuple[dt.date | None, dt.date | None],
    filtered: tuple[dt.date | None, dt.date | None, bool],
) -> bool:
    """Whether a piece of evidence set one end of the range (what the reader is shown)."""
    if evidence.test is not None:
        return filtered[:2] != bounds
    return (evidence.earliest is not None and evidence.earliest == bounds[0]) or (
        evidence.latest is not None and evidence.latest == bounds[1]
    )


def _intersect(bounds: list[Evidence]) -> tuple[dt.date | None, dt.date | None] | None:
    lows = [e.earliest for e in bounds if e.earliest is not None]
    highs = [e.latest for e in bounds if e.latest is not None]
    low, high = max(lows, default=None), min(highs, default=None)
    if low and high and low > high:
        return None
    return low, high


def _filter(
    bounds: tuple[dt.date | None, dt.date | None], tests: list[Evidence]
) -> tuple[dt.date | None, dt.date | None, bool] | None:
    """Narrow the bounds to days passing every yearless test; None when none passes."""
    low, high = bounds
    if not tests:
        return low, high, False

    def fits(day: dt.date) -> bool:
        return all(e.test is not None and e.test(day) for e in tests)

    if low is not None and high is not None and (high - low).days > MAX_FILTER_DAYS:
        return low, high, False
    if low is not None:
        stop = high or low + dt.timedelta(days=MAX_FILTER_DAYS)
        low = _first(low, stop, fits, 1)
        if low is None:
            return None
    if high is not None:
        stop = low or high - dt.timedelta(days=MAX_FILTER_DAYS)
        high = _first(high, stop, fits, -1)
        if high is None:
            return None
    return low, high, True


def _first(start: dt.date, stop: dt.date, fits: DayTest, step: int) -> dt.date | None:
    day, one = start, dt.timedelta(days=step)
    while (day <= stop) if step > 0 else (day >= stop):
        if fits(day):
            return day
        day += one
    return None


# --------------------------------------------------------------------------- evidence


def _evidence(
    expression: Expression,
    expressions: list[Expression],
    article: Article,
    sentences: tuple[Sentence, ...],
) -> list[Evidence]:
    context = _sentence_text(expression, article, sentences)
    if FURNITURE.search(context):
        return []
    kind = expression.parsed.kind
    if kind is Kind.ABSOLUTE:
        return _absolute_evidence(expression, context)
    if kind is Kind.OFFSET:
        return _offset_evidence(expression, context)
    if kind is Kind.YEARLESS:
        return _yearless_evidence(expression, context)
    if kind is Kind.SHIFT:
        return _named_shift_evidence(expression, expressions, article.text, context)
    return []


def _note(context: str, claim: str) -> str:
    return f"{context} [{claim}]"


def _is_event_time(expression: Expression, prepositions: set[str], on_verb: bool = True) -> bool:
    """The expression dates the event of its verb, not a noun or a forecast target."""
    return (
        (expression.on_verb or not on_verb)
        and expression.role in ADJUNCT_ROLES
        and expression.preposition in prepositions
        and expression.verb not in FORECAST_VERBS
    )


def _absolute_evidence(expression: Expression, context: str) -> list[Evidence]:
    value = resolve_absolute(expression.parsed)
    if value is None or not _is_event_time(expression, ADJUNCT_PREPOSITIONS):
        return []
    qualifier = expression.qualifier
    if expression.tense is Tense.PAST and qualifier not in (Qualifier.BEFORE, Qualifier.UNTIL):
        earliest = value.earliest - TIME_ZONE_SLACK
        claim = f"past event dated {value.label()}: on or after {earliest}"
        return [Evidence(_note(context, claim), 3, earliest=earliest)]
    clear_future = expression.tense is Tense.FUTURE and expression.tense_cue in CLEAR_FUTURE_CUES
    if clear_future and qualifier not in (Qualifier.AFTER, Qualifier.SINCE):
        latest = value.latest + TIME_ZONE_SLACK
        claim = f"future event dated {value.label()}: on or before {latest}"
        return [Evidence(_note(context, claim), 3, latest=latest)]
    return []


def _offset_evidence(expression: Expression, context: str) -> list[Evidence]:
    if expression.tense not in (Tense.PAST, Tense.PRESENT):
        return []
    value = resolve(expression.parsed, None, expression.tense)
    if value is None:
        return []
    slack = dt.timedelta(days=OFFSET_SLACK_DAYS.get(expression.parsed.unit or "year", 92))
    earliest = value.earliest - slack
    latest = value.latest + slack + dt.timedelta(days=REPORTING_DELAY_DAYS)
    claim = f"reported event about {value.label()}: between {earliest} and {latest}"
    return [Evidence(_note(context, claim), 2, earliest=earliest, latest=latest)]


def _yearless_evidence(expression: Expression, context: str) -> list[Evidence]:
    parsed = expression.parsed
    if parsed.month is None or parsed.unit is not None:
        return []
    if expression.tense is Tense.PAST and expression.qualifier not in (
        Qualifier.BEFORE,
        Qualifier.UNTIL,
    ):
        if not _is_event_time(expression, ADJUNCT_PREPOSITIONS, on_verb=False):
            return []
        claim = f"past {expression.text} without a year: up to {YEARLESS_PAST_MAX_DAYS} days before"
        return [Evidence(_note(context, claim), 1, test=_recent_past_test(parsed))]
    if expression.tense is Tense.FUTURE and expression.tense_cue in CLEAR_FUTURE_CUES:
        claim = (
            f"future {expression.text} without a year: up to {YEARLESS_FUTURE_MAX_DAYS} days ahead"
        )
        return [Evidence(_note(context, claim), 1, test=_near_future_test(parsed))]
    return []


def _recent_past_test(parsed: Parsed) -> DayTest:
    def test(day: dt.date) -> bool:
        later = day + TIME_ZONE_SLACK
        value = resolve(parsed, later, Tense.PAST)
        return value is not None and 0 <= (later - value.earliest).days <= YEARLESS_PAST_MAX_DAYS

    return test


def _near_future_test(parsed: Parsed) -> DayTest:
    def test(day: dt.date) -> bool:
        earlier = day - TIME_ZONE_SLACK
        value = resolve(parsed, earlier, Tense.FUTURE)
        return value is not None and 0 <= (value.latest - earlier).days <= YEARLESS_FUTURE_MAX_DAYS

    return test


def _named_shift_evidence(
    shift: Expression, expressions: list[Expression], text: str, context: str
) -> list[Evidence]:
    """ "last month, in June" fixes the month; "last year's 2012 vote" fixes the year."""
    unit, amount = shift.parsed.unit, shift.parsed.amount
    if unit not in ("month", "year") or shift.parsed.part is not None:
        return []
    for other in expressions:
        between = text[shift.end : other.start]
        if other.start < shift.end or not NAMING_GAP.fullmatch(between):
            continue
        named = replace(other.parsed, kind=Kind.ABSOLUTE) if other.parsed.year else other.parsed
        if unit == "year" and named.kind is Kind.ABSOLUTE and named.month is None and named.year:
            year = named.year - amount
            claim = f"{shift.text} is {named.year}: published in {year}"
            low, high = dt.date(year, 1, 1), dt.date(year, 12, 31)
            return [Evidence(_note(context, claim), 2, low, high)]
        if unit == "month" and named.month is not None and named.day is None:
            month = (named.month - 1 - amount) % 12 + 1
            claim = f"{shift.text} is month {named.month}: published in month {month}"
            return [Evidence(_note(context, claim), 1, test=_month_test(month))]
    return []


def _month_test(month: int) -> DayTest:
    def test(day: dt.date) -> bool:
        return day.month == month

    return test


def _sentence_text(
    expression: Expression, article: Article, sentences: tuple[Sentence, ...]
) -> str:
    for sentence in sentences:
        if sentence.start <= expression.start < sentence.end:
            return article.text[sentence.start : sentence.end].strip()
    return expression.text
