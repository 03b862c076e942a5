"""Thread labels: the years part never claims more than the stories' dates allow."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.models import Article, Story
from storyline.organise import link_threads, organise, threads
from storyline.organise.features import ArticleVectors
from storyline.organise.labels import EntityNames
from storyline.organise.options import OrganiseOptions
from storyline.organise.threads import link_vectors, thread_years
from test_organise_fixtures import corpus

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


def test_bounds_open_on_both_sides_that_cross_claim_no_year_in_between() -> None:
    # "2012 or before–2016 or later" would claim the thread reaches back to 2012 and on to
    # 2016; the facts say only that it starts by 2016 and ends in 2012 or later.
    stories = [story("a", None, day(2016, 3, 31)), story("b", day(2012, 6, 1), None)]
    assert thread_years(stories) == "2016 or before, 2012 or later"


def test_bounds_open_on_both_sides_use_the_tightest_bound_of_each_side() -> None:
    stories = [
        story("a", None, day(2010, 3, 31)),
        story("b", None, day(2011, 3, 31)),
        story("c", day(2013, 6, 1), None),
        story("d", day(2014, 6, 1), day(2014, 6, 2)),
    ]
    assert thread_years(stories) == "2010 or before–2014 or later"


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


def _claims(label: str) -> tuple[int | None, int | None, int | None, int | None]:
    """What a label claims, as (start at least, start at most, end at least, end at most)."""
    span = label.removesuffix(", and undated")
    if match := re.fullmatch(r"(\d+) or before[–,] ?(\d+) or later", span):
        return None, int(match[1]), int(match[2]), None
    if match := re.fullmatch(r"(\d+) or before", span):
        return None, None, None, int(match[1])
    if match := re.fullmatch(r"(\d+) or later", span):
        return int(match[1]), None, None, None
    first, _, last = span.partition("–")
    return int(first), None, None, int(last or first)


@given(
    st.lists(st.tuples(BOUND, BOUND), min_size=1, max_size=6),
    st.lists(st.integers(min_value=-3000, max_value=3000), min_size=6, max_size=6),
)
def test_every_dating_the_stories_allow_satisfies_the_label(
    bounds: list[tuple[dt.date | None, dt.date | None]], offsets: list[int]
) -> None:
    """Place each story anywhere its bounds allow (past an open end too): the thread's first
    and last years must still be what the label says."""
    stories = [story(str(n), *sorted_pair(pair)) for n, pair in enumerate(bounds)]
    dated = [s for s in stories if s.earliest or s.latest]
    label = thread_years(stories)
    if not dated:
        assert label == ""
        return
    placed = [_somewhere(s, offset) for s, offset in zip(dated, offsets, strict=False)]
    start, end = min(placed).year, max(placed).year
    start_min, start_max, end_min, end_max = _claims(label)
    assert start_min is None or start >= start_min
    assert start_max is None or start <= start_max
    assert end_min is None or end >= end_min
    assert end_max is None or end <= end_max


def _somewhere(one: Story, offset: int) -> dt.date:
    """A day inside the story's bounds chosen by ``offset`` (any day past an open end)."""
    low, high = one.earliest, one.latest
    if low is None and high is not None:
        return high - dt.timedelta(days=abs(offset))
    if high is None and low is not None:
        return low + dt.timedelta(days=abs(offset))
    if low is None or high is None:
        raise ValueError("an undated story has no bounds")
    return low + dt.timedelta(days=abs(offset) % ((high - low).days + 1))


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


def test_a_thread_label_shows_thread_names_names(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = ("person:ana lima", "person:omar haddad", "person:rui costa")
    first, second = story("a", day(2013), day(2013), keys), story("b", day(2014), day(2014), keys)
    vectors = {"a": {"port": 1.0}, "b": {"port": 1.0}}
    names = EntityNames([], {}, None)
    monkeypatch.setattr(threads, "THREAD_NAMES", 3)
    (thread,) = link_vectors([first, second], vectors, names, OrganiseOptions())
    assert thread.label == "Ana Lima, Omar Haddad, Rui Costa · 2013–2014"
    monkeypatch.setattr(threads, "THREAD_NAMES", 1)
    (thread,) = link_vectors([first, second], vectors, names, OrganiseOptions())
    assert thread.label == "Ana Lima · 2013–2014"


def test_link_threads_vectorises_only_representatives_like_organise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = list(corpus().values())
    expected = organise(articles)
    seen: list[str] = []
    vectorise = threads.vectorise

    def recording(
        chosen: Sequence[Article], keys: Mapping[str, Sequence[str]] | None = None
    ) -> ArticleVectors:
        seen.extend(article.id for article in chosen)
        return vectorise(chosen, keys)

    monkeypatch.setattr(threads, "vectorise", recording)
    found = link_threads(expected.stories, [*articles, articles[0]], None, None, OrganiseOptions())
    assert found == expected.threads
    assert "copy" not in seen and "wire" in seen  # the wire copy's representative only
    assert sorted(seen) == sorted({article.id for article in articles} - {"copy"})


@pytest.mark.parametrize(
    ("places", "label"),
    [
        (("Harbourton", "Harbourton"), "Ana Lima · Harbourton · 2013–2014"),
        (("Harbourton", None), "Ana Lima · Harbourton · 2013–2014"),
        (("Brunei", "Moscow"), "Ana Lima · 2013–2014"),  # two places: none is the thread's
        ((None, None), "Ana Lima · 2013–2014"),
    ],
)
def test_a_thread_label_names_the_place_its_stories_share(
    places: tuple[str | None, str | None], label: str
) -> None:
    keys = ("person:ana lima",)
    first, second = story("a", day(2013), day(2013), keys), story("b", day(2014), day(2014), keys)
    first, second = (
        dataclasses.replace(one, place=place)
        for one, place in zip((first, second), places, strict=True)
    )
    vectors = {"a": {"port": 1.0}, "b": {"port": 1.0}}
    (thread,) = link_vectors([first, second], vectors, EntityNames([], {}, None), OrganiseOptions())
    assert thread.label == label
