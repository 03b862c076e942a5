"""Thread labels: the years part never claims more than the stories' dates allow."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.models import Story
from storyline.organise.labels import EntityNames
from storyline.organise.options import OrganiseOptions
from storyline.organise.threads import link_vectors, thread_years

KEYS = ("person:ana lima", "person:omar haddad", "place:port vale")


def story(
    name: str, earliest: dt.date | None, latest: dt.date | None, keys: tuple[str, ...] = KEYS
) -> Story:
    return Story(
        id=f"story:{name}",
        label=name,
        article_ids=(name,),
        earliest=earliest,
        latest=latest,
        key_entities=keys,
        place=None,
        algorithm="test",
    )


def day(year: int, month: int = 1, date: int = 1) -> dt.date:
    return dt.date(year, month, date)


# --------------------------------------------------------------------------- edge cases first


def test_a_thread_with_no_dated_story_names_no_year() -> None:
    assert thread_years([story("a", None, None), story("b", None, None)]) == ""


def test_an_undated_story_is_named_not_dropped_from_the_years() -> None:
    stories = [story("a", day(2013, 7, 1), day(2013, 7, 2)), story("b", None, None)]
    assert thread_years(stories) == "2013, and undated"


def test_a_story_known_only_from_below_leaves_the_thread_open_ended() -> None:
    stories = [story("a", day(2013, 7, 1), day(2013, 7, 2)), story("b", day(2013, 3, 2), None)]
    assert thread_years(stories) == "2013 or later"


def test_a_later_lower_bound_still_gives_the_first_known_year() -> None:
    stories = [story("a", day(2013, 7, 1), day(2013, 7, 2)), story("b", day(2016, 1, 1), None)]
    assert thread_years(stories) == "2013 or later"


def test_a_story_known_only_from_above_leaves_the_start_open() -> None:
    stories = [story("a", day(2014, 5, 1), day(2014, 5, 1)), story("b", None, day(2016, 3, 31))]
    assert thread_years(stories) == "2016 or before"


def test_bounds_open_on_both_sides_say_so() -> None:
    stories = [story("a", None, day(2012, 12, 31)), story("b", day(2016, 1, 1), None)]
    assert thread_years(stories) == "2012 or before–2016 or later"


def test_an_open_range_and_an_undated_story_are_both_named() -> None:
    stories = [story("a", day(2012, 6, 1), None), story("b", None, None)]
    assert thread_years(stories) == "2012 or later, and undated"


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        ([(day(2024, 3, 4), day(2024, 3, 5))], "2024"),
        ([(day(2024, 3, 4), day(2024, 3, 5)), (day(2026, 1, 9), day(2026, 1, 9))], "2024–2026"),
        ([(day(2025, 12, 30), day(2026, 1, 2))], "2025–2026"),  # one story over New Year
    ],
)
def test_fully_dated_threads_give_their_year_span(
    bounds: list[tuple[dt.date, dt.date]], expected: str
) -> None:
    stories = [story(str(number), *pair) for number, pair in enumerate(bounds)]
    assert thread_years(stories) == expected


# --------------------------------------------------------------------------- invariants

BOUND = st.one_of(st.none(), st.dates(min_value=day(1990), max_value=day(2030)))


@given(st.lists(st.tuples(BOUND, BOUND), min_size=1, max_size=6))
def test_the_label_admits_every_undated_or_open_story(
    bounds: list[tuple[dt.date | None, dt.date | None]],
) -> None:
    stories = [story(str(n), *sorted_pair(pair)) for n, pair in enumerate(bounds)]
    label = thread_years(stories)
    dated = [s for s in stories if s.earliest or s.latest]
    assert label.endswith("undated") == (0 < len(dated) < len(stories))
    assert ("or later" in label) == any(s.latest is None for s in dated)
    assert ("or before" in label) == any(s.earliest is None for s in dated)
    years = sorted({d.year for s in dated for d in (s.earliest, s.latest) if d})
    span = label.removesuffix(", and undated")
    if years and "or " not in span:  # a closed span is exactly the known years
        first, _, last = span.partition("–")
        assert (int(first), int(last or first)) == (years[0], years[-1])


def sorted_pair(pair: tuple[dt.date | None, dt.date | None]) -> tuple[dt.date | None, ...]:
    earliest, latest = pair
    if earliest and latest and earliest > latest:
        return latest, earliest
    return earliest, latest


# --------------------------------------------------------------------------- through threading


def test_a_linked_undated_follow_up_shows_in_the_thread_label() -> None:
    summit = story("summit", day(2013, 7, 1), day(2013, 7, 2))
    follow_up = story("follow-up", None, None)
    vectors = {
        "summit": {"port": 1.0, "talks": 1.0, "lima": 1.0},
        "follow-up": {"port": 1.0, "talks": 1.0, "haddad": 1.0},
    }
    names = EntityNames([], {}, None)
    (thread,) = link_vectors([follow_up, summit], vectors, names, OrganiseOptions())
    assert thread.story_ids == ("story:summit", "story:follow-up")
    assert thread.label.endswith(" · 2013, and undated")
