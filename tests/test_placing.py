"""Placing a relative date over a window of possible publication days (analyze.placing)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.analyze.date_resolve import Tense, resolve
from storyline.analyze.placing import MAX_WINDOW_DAYS, place
from storyline.analyze.temporal_rules import Kind, Parsed
from storyline.models import Granularity, Qualifier, RelativeDate, TimeValue


def _yearless(month: int, day: int | None = None, tense: str = "past") -> RelativeDate:
    return RelativeDate("yearless", tense, month=month, day=day)


def test_a_past_month_day_takes_the_only_year_the_window_allows() -> None:
    # Before June 16, 2013 a past "June 16" would be 2012's, more than half a year back:
    # news drops the year only for recent dates, so those days do not fit.
    placed = place(_yearless(6, 16), dt.date(2013, 2, 1), dt.date(2013, 10, 1))
    assert placed == TimeValue(dt.date(2013, 6, 16), dt.date(2013, 6, 16), Granularity.DAY)


def test_a_window_across_two_possible_years_places_nothing() -> None:
    assert place(_yearless(1, 10), dt.date(2013, 6, 1), dt.date(2014, 6, 1)) is None


def test_last_month_needs_a_window_inside_one_month() -> None:
    last_month = RelativeDate("shift", "past", unit="month", amount=-1)
    assert place(last_month, dt.date(2013, 6, 24), dt.date(2013, 7, 20)) is None
    june = place(last_month, dt.date(2013, 7, 2), dt.date(2013, 7, 20))
    assert june is not None and june.label() == "2013-06"


def test_a_weekday_is_placed_only_when_every_day_of_the_window_gives_the_same_one() -> None:
    thursday = RelativeDate("weekday", "past", index=3)
    friday, saturday = dt.date(2024, 3, 8), dt.date(2024, 3, 9)
    placed = place(thursday, friday, saturday)
    assert placed is not None and placed.label() == "2024-03-07"
    assert place(thursday, friday - dt.timedelta(days=2), saturday) is None  # Wed: Feb 29


def test_a_day_of_last_year_is_placed_when_the_window_lies_in_one_year() -> None:
    last_year = RelativeDate("yearless", "past", month=6, day=12, year_shift=-1)
    placed = place(last_year, dt.date(2014, 1, 20), dt.date(2014, 10, 1))
    assert placed is not None and placed.label() == "2013-06-12"
    assert place(last_year, dt.date(2013, 12, 1), dt.date(2014, 2, 1)) is None  # 2012 or 2013


def test_the_qualifier_read_in_the_text_is_kept() -> None:
    after = RelativeDate("yearless", "future", qualifier=Qualifier.AFTER, month=8)
    placed = place(after, dt.date(2013, 3, 2), dt.date(2013, 9, 1))
    assert placed is not None and placed.label() == "2013-08"
    assert placed.qualifier is Qualifier.AFTER


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [
        (dt.date(2013, 5, 1), dt.date(2013, 4, 1)),  # reversed
        (dt.date(2010, 1, 1), dt.date(2010, 1, 1) + dt.timedelta(days=MAX_WINDOW_DAYS + 1)),
    ],
)
def test_reversed_or_too_wide_windows_place_nothing(earliest: dt.date, latest: dt.date) -> None:
    assert place(_yearless(6, 16), earliest, latest) is None


def test_kinds_that_need_no_publication_day_or_have_none_are_not_placed() -> None:
    every_friday = RelativeDate("set", "present", index=4)
    assert place(every_friday, dt.date(2024, 3, 8), dt.date(2024, 3, 8)) is None


@given(
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    month=st.integers(1, 12),
    date=st.integers(1, 28),
    tense=st.sampled_from([Tense.PAST, Tense.FUTURE]),
)
def test_a_one_day_window_places_as_the_analyser_resolves_that_day(
    day: dt.date, month: int, date: int, tense: Tense
) -> None:
    relative = RelativeDate("yearless", tense.value, month=month, day=date)
    resolved = resolve(Parsed(Kind.YEARLESS, month=month, day=date), day, tense)
    placed = place(relative, day, day)
    assert placed is None or placed == resolved  # None: more than half a year away
    if resolved is not None and abs((resolved.earliest - day).days) <= 150:
        assert placed == resolved
