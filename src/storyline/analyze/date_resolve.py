"""Place a parsed temporal expression on the calendar, given a reference day and a tense
(the tense of the verb it hangs from: :func:`storyline.analyze.date_filters.governing_tense`).

The reference day is the article's publication day (or the middle of its inferred range).
Tense picks the direction for expressions without a year or week: "Kerry met on Thursday"
is the latest Thursday on or before the reference day, "will travel on Thursday" the next
one on or after it, and a present tense takes the nearest.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from enum import StrEnum

from storyline.analyze.temporal_rules import Kind, Parsed
from storyline.analyze.temporal_words import RECENT_SPAN
from storyline.models import Granularity, TimeValue

Interval = tuple[dt.date, dt.date]

# Where "early", "mid" and "late" cut a month (days) and a year (months); a convention
# recorded in tests/data/dates.jsonl.
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


# How far back a yearless "June 24" may lie: news style drops the year only for recent
# dates.  Half a year keeps the three samples' true dates inside their ranges.
YEARLESS_PAST_MAX_DAYS = 183
YEARLESS_FUTURE_MAX_DAYS = 183
# How far a publication stamp may lag the writer's day (time zones, UTC stamps): "sent on
# Nov. 15" in a report stamped Nov. 14 is the next day, not a year back.  Not applied to
# weekdays, where bench/dates.py holds a past Sunday six days back.
PUBLICATION_LAG_DAYS = 1
# How far back a yearless day given with its weekday is looked for: a weekday and a day of the
# month meet again within 11 years, a pair from a caption gallery is rarely older than this.
WEEKDAY_YEARS_BACK = 8
# Kinds whose value follows from the publication day alone ("June 24", "Thursday", "last
# month", "recent weeks"): without that day they stay unresolved, kept as a RelativeDate.
REFERENCE_KINDS = frozenset({Kind.YEARLESS, Kind.WEEKDAY, Kind.SHIFT, Kind.RECENT})


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    NONE = "none"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months; OverflowError past the calendar (years 1 to 9999), as
    ``date + timedelta`` raises, so that "2016 years ago" said in 2016 resolves to nothing."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"{months} months from {day} leaves the calendar")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_interval(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_interval(day: dt.date) -> Interval:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _value(interval: Interval, granularity: Granularity) -> TimeValue:
    return TimeValue(interval[0], interval[1], granularity)


def _shift(day: dt.date, unit: str, amount: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120}
    return add_months(day, amount * months[unit])


def _unit_interval(day: dt.date, unit: str) -> TimeValue:
    """The calendar unit (week, month, ...) that holds ``day``."""
    if unit == "day":
        return _value((day, day), Granularity.DAY)
    if unit == "week":
        return _value(week_interval(day), Granularity.WEEK)
    if unit == "month":
        return _value(month_interval(day.year, day.month), Granularity.MONTH)
    if unit == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        start = dt.date(day.year, first, 1)
        return _value((start, month_interval(day.year, first + 2)[1]), Granularity.QUARTER)
    if unit == "decade":
        first_year = day.year // 10 * 10
        interval = (dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))
        return _value(interval, Granularity.DECADE)
    return _value((dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)), Granularity.YEAR)


def _pick_year(make: Callable[[int], Interval], ref: dt.date, tense: Tense) -> Interval:
    """The occurrence of a yearless interval that the tense points to."""
    candidates = [make(year) for year in (ref.year - 1, ref.year, ref.year + 1)]
    if tense is Tense.PAST:
        return [c for c in candidates if c[0] <= ref][-1]
    if tense is Tense.FUTURE:
        return next(c for c in candidates if c[1] >= ref)

    def distance(candidate: Interval) -> int:
        if candidate[0] <= ref <= candidate[1]:
            return 0
        return min(abs((candidate[0] - ref).days), abs((candidate[1] - ref).days))

    return min(candidates, key=distance)  # ties keep the earlier: news reports the past


def _part(interval: Interval, part: str | None, decade: bool = False) -> Interval:
    start, end = interval
    if part is None:
        return interval
    if decade:
        low, high = DECADE_PARTS[part]
        return dt.date(start.year + low, 1, 1), dt.date(start.year + high, 12, 31)
    if start.month == end.month:
        low, high = MONTH_PARTS[part]
        last = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=low), start.replace(day=min(high, last))
    low, high = YEAR_PARTS[part]
    return dt.date(start.year, low, 1), month_interval(start.year, high)[1]


def _season(year: int, first_month: int) -> Interval:
    start = dt.date(year, first_month, 1)
    return start, add_months(start, 3) - dt.timedelta(days=1)


def _calendar_make(parsed: Parsed) -> tuple[Callable[[int], Interval], Granularity] | None:
    """For ABSOLUTE/YEARLESS parses: a function from a year to the interval, and its grain."""
    if parsed.unit == "quarter" and parsed.index:
        first = 3 * parsed.index - 2
        return (lambda y: (dt.date(y, first, 1), month_interval(y, first + 2)[1])), (
            Granularity.QUARTER
        )
    if parsed.unit == "half" and parsed.index:
        first = 6 * parsed.index - 5
        return (lambda y: (dt.date(y, first, 1), month_interval(y, first + 5)[1])), (
            Granularity.RANGE
        )
    if parsed.unit == "season" and parsed.index:
        index = parsed.index
        return (lambda y: _season(y, index)), Granularity.RANGE
    month, day = parsed.month, parsed.day
    if month is None:
        return None
    if day is not None:
        return _day_make(month, day, parsed.day_end, parsed.month_end)
    grain = Granularity.RANGE if parsed.part else Granularity.MONTH
    return (lambda y: _part(month_interval(y, month), parsed.part)), grain


def _day_make(
    month: int, day: int, day_end: int | None, month_end: int | None
) -> tuple[Callable[[int], Interval], Granularity] | None:
    def make(year: int) -> Interval:
        last = calendar.monthrange(year, month)[1]
        start = dt.date(year, month, min(day, last))
        if day_end is None:
            return start, start
        end_month = month_end or month
        end_last = calendar.monthrange(year, end_month)[1]
        return start, dt.date(year, end_month, min(day_end, end_last))

    if day_end is not None and (month_end or month) == month and day_end <= day:
        return None
    return make, Granularity.DAY if day_end is None else Granularity.RANGE


def resolve_absolute(parsed: Parsed) -> TimeValue | None:
    """An expression that carries its own year; None for everything else."""
    if parsed.kind is not Kind.ABSOLUTE or parsed.year is None:
        return None
    if parsed.decade is not None:
        interval = (dt.date(parsed.decade, 1, 1), dt.date(parsed.decade + 9, 12, 31))
        grain = Granularity.RANGE if parsed.part else Granularity.DECADE
        return _value(_part(interval, parsed.part, decade=True), grain)
    if parsed.unit == "years":  # "from 2010 to 2012"
        last = parsed.year + parsed.amount
        return _value((dt.date(parsed.year, 1, 1), dt.date(last, 12, 31)), Granularity.RANGE)
    made = _calendar_make(parsed)
    if made is None:
        interval = (dt.date(parsed.year, 1, 1), dt.date(parsed.year, 12, 31))
        grain = Granularity.RANGE if parsed.part else Granularity.YEAR
        return _value(_part(interval, parsed.part), grain)
    make, grain = made
    return _value(make(parsed.year), grain)


def _resolve_yearless(parsed: Parsed, ref: dt.date, tense: Tense) -> TimeValue | None:
    made = _calendar_make(parsed)
    if made is None:
        return None
    make, grain = made
    if parsed.year_shift is not None:  # "June 12 last year"
        return _value(make(ref.year + parsed.year_shift), grain)
    if parsed.day is not None and parsed.index is not None:  # "Monday, August 3": the year
        named = _year_of_weekday(make, parsed.index, ref, tense)  # whose August 3 is a Monday
        if named is not None:
            return _value(named, grain)
    if parsed.amount:  # "last May", "next March": strictly before or after the reference
        candidates = [make(year) for year in (ref.year - 1, ref.year, ref.year + 1)]
        if parsed.amount < 0:
            return _value([c for c in candidates if c[1] < ref][-1], grain)
        return _value(next(c for c in candidates if c[0] > ref), grain)
    return _value(_pick_year(make, ref, tense), grain)


def _year_of_weekday(
    make: Callable[[int], Interval], weekday: int, ref: dt.date, tense: Tense
) -> Interval | None:
    """The occurrence nearest ``ref`` on the named weekday, past or future as the tense says;
    a caption written years ago keeps its day ("Gavin Rossdale said Monday, August 3")."""
    years = range(ref.year - WEEKDAY_YEARS_BACK, ref.year + 2)
    fitting = [c for c in map(make, years) if c[0].weekday() == weekday]
    if tense is Tense.PAST:
        fitting = [c for c in fitting if c[0] <= ref]
    elif tense is Tense.FUTURE:
        fitting = [c for c in fitting if c[1] >= ref]
    return min(fitting, key=lambda c: abs((c[0] - ref).days), default=None)


def _resolve_weekday(parsed: Parsed, ref: dt.date, tense: Tense) -> TimeValue:
    target = parsed.index or 0
    back = (ref.weekday() - target) % 7  # days since the latest such weekday, 0 = today
    ahead = (target - ref.weekday()) % 7
    if parsed.amount < 0:
        offset = -(back or 7)
    elif parsed.amount > 0:
        offset = ahead or 7
    elif tense is Tense.FUTURE:
        offset = ahead
    elif tense is Tense.PAST or back <= ahead:
        offset = -back
    else:
        offset = ahead
    day = ref + dt.timedelta(days=offset)
    if parsed.unit == "weekend":
        return _value((day, day + dt.timedelta(days=1)), Granularity.RANGE)
    return _value((day, day), Granularity.DAY)


def _season_shift(first_month: int, amount: int, ref: dt.date) -> Interval:
    """ "this summer" is the nearest one, "last summer" the latest that ended before ``ref``."""
    seasons = [_season(year, first_month) for year in range(ref.year - 2, ref.year + 2)]
    if amount < 0:
        return [s for s in seasons if s[1] < ref][-1]
    if amount > 0:
        return next(s for s in seasons if s[0] > ref)
    return _pick_year(lambda y: _season(y, first_month), ref, Tense.NONE)


def _resolve_shift(parsed: Parsed, ref: dt.date) -> TimeValue | None:
    unit = parsed.unit or "day"
    if unit == "weekend":
        saturday = week_interval(_shift(ref, "week", parsed.amount))[0] + dt.timedelta(days=5)
        return _value((saturday, saturday + dt.timedelta(days=1)), Granularity.RANGE)
    if unit == "season" and parsed.index:
        return _value(_season_shift(parsed.index, parsed.amount, ref), Granularity.RANGE)
    value = _unit_interval(_shift(ref, unit, parsed.amount), unit)
    if parsed.part and unit in ("month", "year"):
        return _value(_part((value.earliest, value.latest), parsed.part), Granularity.RANGE)
    return value


def _resolve_recent(parsed: Parsed, ref: dt.date) -> TimeValue:
    unit = parsed.unit or "day"
    size = parsed.amount or -RECENT_SPAN[unit]
    other = _shift(ref, unit, size)
    interval = (other, ref) if size < 0 else (ref, other)
    return _value(interval, Granularity.RANGE)


def _resolve_offset(parsed: Parsed) -> TimeValue | None:
    if parsed.anchor is None:
        return None
    anchor = resolve_absolute(parsed.anchor)
    if anchor is None:
        return None
    unit = parsed.unit or "year"
    earliest = _shift(anchor.earliest, unit, parsed.amount)
    latest = _shift(anchor.latest, unit, parsed.amount)
    if anchor.granularity is Granularity.MONTH:
        latest = month_interval(latest.year, latest.month)[1]
    return TimeValue(earliest, latest, anchor.granularity)


def resolve(parsed: Parsed, ref: dt.date | None, tense: Tense) -> TimeValue | None:
    """The interval an expression names, or None (durations, vague, no reference, or a date
    outside the calendar: "exactly 2016 years ago", said in 2016)."""
    try:
        return _resolve(parsed, ref, tense)
    except OverflowError:
        return None


def resolve_stamped(parsed: Parsed, ref: dt.date | None, tense: Tense) -> TimeValue | None:
    """:func:`resolve` against a publication stamp that may lag the writer's day: a past
    yearless day falling just after the stamp is that day, not the same day a year back."""
    value = resolve(parsed, ref, tense)
    single_day = value is not None and value.earliest == value.latest
    if ref is None or not single_day or parsed.kind is not Kind.YEARLESS or tense is not Tense.PAST:
        return value
    lagged = resolve(parsed, ref + dt.timedelta(days=PUBLICATION_LAG_DAYS), tense)
    return lagged if lagged is not None and lagged.earliest > ref else value


def _resolve(parsed: Parsed, ref: dt.date | None, tense: Tense) -> TimeValue | None:
    if parsed.kind is Kind.ABSOLUTE:
        return resolve_absolute(parsed)
    if parsed.kind is Kind.OFFSET:
        return _resolve_offset(parsed)
    if ref is None:
        return None
    if parsed.kind is Kind.YEARLESS:
        return _resolve_yearless(parsed, ref, tense)
    if parsed.kind is Kind.WEEKDAY:
        return _resolve_weekday(parsed, ref, tense)
    if parsed.kind is Kind.SHIFT:
        return _resolve_shift(parsed, ref)
    if parsed.kind is Kind.RECENT:
        return _resolve_recent(parsed, ref)
    return None
