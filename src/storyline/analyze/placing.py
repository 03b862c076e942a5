"""Place a date given relative to publication once a window for that day is known.

The analyser resolves "on June 24", "on Thursday" or "last month" against the article's
publication day.  When that day is unknown the mention keeps its parse instead
(``models.RelativeDate``) and is placed in whatever window for the publication day is known:
the range the article's own text bounds (``analyze.published``), or later, in the organiser,
the days the other reports of the same story appeared.

A value is given only when every day of the window that the expression allows gives the same
one, so nothing is picked from a range.  "On June 16" in a past-tense sentence, in a window
from 2013-02-01 to 2013-10-01, is 2013-06-16 whatever the day: a news report drops the year
only for a date of the last months, so a day before June 16, 2013 would put the date more
than ``YEARLESS_PAST_MAX_DAYS`` back and is not allowed.  "Last month" in the same window
could be any of eight months and stays unplaced; "on Thursday" needs a window inside one week.
"""

from __future__ import annotations

import datetime as dt

from storyline.analyze.date_resolve import (
    REFERENCE_KINDS,
    YEARLESS_FUTURE_MAX_DAYS,
    YEARLESS_PAST_MAX_DAYS,
    Tense,
    resolve,
)
from storyline.analyze.temporal_rules import Kind, Parsed
from storyline.models import RelativeDate, TimeValue

# A wider window could not give one value to any placeable kind: a yearless date may lie half
# a year back, so two windows' ends more than a year apart always give two years.
MAX_WINDOW_DAYS = 400


def place(relative: RelativeDate, earliest: dt.date, latest: dt.date) -> TimeValue | None:
    """The value ``relative`` has for every publication day in [earliest, latest] that it
    allows, or None when those days disagree, none is allowed, or the window is too wide."""
    if latest < earliest or (latest - earliest).days > MAX_WINDOW_DAYS:
        return None
    kind = Kind(relative.kind)
    if kind not in REFERENCE_KINDS:
        return None
    parsed = Parsed(
        kind,
        month=relative.month,
        day=relative.day,
        day_end=relative.day_end,
        month_end=relative.month_end,
        unit=relative.unit,
        amount=relative.amount,
        index=relative.index,
        part=relative.part,
        year_shift=relative.year_shift,
    )
    tense = Tense(relative.tense)
    found: TimeValue | None = None
    day = earliest
    while day <= latest:
        value = resolve(parsed, day, tense)
        if value is None:
            return None
        if _allowed(parsed, tense, day, value):
            if found is not None and value != found:
                return None
            found = value
        day += dt.timedelta(days=1)
    if found is None:
        return None
    return TimeValue(found.earliest, found.latest, found.granularity, relative.qualifier)


def _allowed(parsed: Parsed, tense: Tense, day: dt.date, value: TimeValue) -> bool:
    """Whether publication on ``day`` fits a yearless date read as ``value``: it lies in the
    last months when told in the past tense, in the next months in the future, either way
    otherwise.  "Last May", "June 12 last year" and the other kinds name their year by the
    publication day and fit every day."""
    if parsed.kind is not Kind.YEARLESS or parsed.amount or parsed.year_shift is not None:
        return True
    past = 0 <= (day - value.earliest).days <= YEARLESS_PAST_MAX_DAYS
    future = 0 <= (value.latest - day).days <= YEARLESS_FUTURE_MAX_DAYS
    if tense is Tense.PAST:
        return past
    if tense is Tense.FUTURE:
        return future
    return past or future
