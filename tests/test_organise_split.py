"""The split pass: a story holding two dense groups of reports becomes two stories."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from sklearn.preprocessing import normalize

from builders import build_article
from storyline.models import Article
from storyline.organise import OrganiseOptions, cluster_stories, split
from storyline.organise.features import vectorise
from storyline.organise.split import (
    SMALLEST_GROUP,
    SplitSpace,
    bisect_group,
    latent_vectors,
    split_group,
    split_story,
)


def _unit(vector: list[float]) -> np.ndarray:
    array = np.array(vector, dtype=np.float64)
    return array / np.linalg.norm(array)


def _group(centre: list[float], size: int, prefix: str, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        f"{prefix}{n}": _unit(list(np.array(centre) + rng.normal(0, 0.02, len(centre))))
        for n in range(size)
    }


def test_two_dense_groups_are_split_and_the_first_members_group_comes_first() -> None:
    latent = {**_group([1, 0, 0], 6, "a", 1), **_group([0, 1, 0], 6, "b", 2)}
    members = ["b0", *sorted(latent)]
    members = list(dict.fromkeys(members))
    groups = split_group(members, latent)
    assert [set(group) for group in groups] == [
        {f"b{n}" for n in range(6)},
        {f"a{n}" for n in range(6)},
    ]
    assert groups[0][0] == "b0"  # the story keeps its id with its first member


def test_one_dense_group_stays_whole() -> None:
    latent = _group([1, 0, 0], 12, "a", 3)
    assert split_group(sorted(latent), latent) == [sorted(latent)]


def test_a_story_too_small_for_two_groups_is_not_tried() -> None:
    latent = {**_group([1, 0, 0], 3, "a", 4), **_group([0, 1, 0], 3, "b", 5)}
    assert 2 * SMALLEST_GROUP > 6
    assert split_group(sorted(latent), latent) == [sorted(latent)]


def test_groups_amid_much_noise_are_not_trusted() -> None:
    latent = {**_group([1, 0, 0, 0], 6, "a", 6), **_group([0, 1, 0, 0], 6, "b", 7)}
    rng = np.random.default_rng(8)
    for n in range(6):  # scattered reports: a third of the story
        latent[f"z{n}"] = _unit(list(rng.normal(0, 1, 4)))
    assert split_group(sorted(latent), latent) == [sorted(latent)]


def test_members_without_a_latent_vector_are_kept() -> None:
    latent = {**_group([1, 0, 0], 6, "a", 9), **_group([0, 1, 0], 6, "b", 10)}
    groups = split_group([*sorted(latent), "new"], latent)
    assert len(groups) == 3 and groups[-1] == ["new"]


def test_latent_vectors_are_unit_length_and_need_enough_articles() -> None:
    few = [build_article(f"Report {n} on the vote.", article_id=f"a{n}") for n in range(3)]
    assert latent_vectors(vectorise(few)) == {}
    many = [_heist(n, "Lyon") for n in range(12)]
    latent = latent_vectors(vectorise(many))
    assert set(latent) == {article.id for article in many}
    assert all(abs(float(np.linalg.norm(vector)) - 1.0) < 1e-9 for vector in latent.values())


# Two jewel heists in one city, months apart and undated: the same topic words, other details.
_EARLY = (
    "Four robbers disguised as women stole diamonds worth 80 million euros from the Harry "
    "Winston store on the Avenue Montaigne in {city}, police said. The gang threatened staff "
    "with a handgun and escaped on foot with rings, necklaces and watches."
)
_LATE = (
    "Thieves rammed a four-by-four into the Chopard boutique near the Place Vendome in {city} "
    "and set the car ablaze, police said. The masked men grabbed watches and rings worth two "
    "million euros before fleeing on scooters through the morning traffic."
)
_WORDS = ("Reports", "Witnesses", "Investigators", "Officials", "Prosecutors", "Neighbours")


def _heist(number: int, city: str) -> Article:
    text = (_EARLY if number % 2 == 0 else _LATE).format(city=city)
    extra = f"{_WORDS[number % len(_WORDS)]} described the raid as brazen, outlet {number} said."
    title = "Diamond heist in " + city if number % 2 == 0 else "Ram-raid on jewellers in " + city
    return build_article(f"{text}\n\n{extra}", title=title, article_id=f"h{number:02d}")


def test_two_heists_merged_by_the_first_passes_are_split_into_two_stories() -> None:
    articles = [_heist(n, "Paris") for n in range(12)]
    loose = OrganiseOptions(story_threshold=0.05, story_merge_threshold=0.05)
    merged = cluster_stories(
        articles, None, (), None, dataclasses.replace(loose, story_split=False)
    )
    assert len(merged) == 1  # the premise: a low threshold joins both heists
    stories = cluster_stories(articles, None, (), None, loose)
    assert {frozenset(story.article_ids) for story in stories} == {
        frozenset(a.id for n, a in enumerate(articles) if n % 2 == 0),
        frozenset(a.id for n, a in enumerate(articles) if n % 2 == 1),
    }


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_the_split_does_not_depend_on_input_order(seed: int) -> None:
    articles = [_heist(n, "Paris") for n in range(12)]
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    loose = OrganiseOptions(story_threshold=0.05, story_merge_threshold=0.05)
    first = cluster_stories(articles, None, (), None, loose)
    again = cluster_stories(shuffled, None, (), None, loose)
    assert {s.article_ids for s in first} == {s.article_ids for s in again}


def test_a_story_from_an_earlier_run_is_never_split() -> None:
    articles = [_heist(n, "Paris") for n in range(12)]
    loose = OrganiseOptions(story_threshold=0.05, story_merge_threshold=0.05)
    unsplit = dataclasses.replace(loose, story_split=False)
    (earlier,) = cluster_stories(articles[:10], None, (), None, unsplit)
    stories = cluster_stories(articles, None, (), None, loose, existing=(earlier,))
    (kept,) = [story for story in stories if "h00" in story.article_ids]
    assert set(earlier.article_ids) <= set(kept.article_ids)


# ------------------------------------------------------------------------- bisection


def _reports(events: dict[str, int], seed: int) -> SplitSpace:
    """TF-IDF-like rows: every report shares the topic's words (columns 0-9) and draws
    five of its event's eight detail words (names, numbers) and two stray words."""
    rng = np.random.default_rng(seed)
    rows, ids = [], []
    for number, (prefix, size) in enumerate(events.items()):
        for index in range(size):
            row = np.zeros(60)
            row[:10] = rng.uniform(0.5, 1.0, 10)
            details = 10 + 8 * number + rng.choice(8, 5, replace=False)
            row[details] = rng.uniform(0.8, 1.2, 5)
            row[40 + rng.choice(20, 2, replace=False)] = 0.3
            rows.append(row)
            ids.append(f"{prefix}{index:02d}")
    matrix = sparse.csr_matrix(normalize(np.array(rows)))
    return SplitSpace({}, matrix, {key: row for row, key in enumerate(ids)})


def test_two_events_of_one_topic_are_bisected_when_hdbscan_sees_one_group() -> None:
    space = _reports({"quake": 8, "later": 7}, seed=1)
    members = ["later03", *sorted(space.rows)]
    members = list(dict.fromkeys(members))
    groups = split_story(members, space)
    assert [{key[:5] for key in group} for group in groups] == [{"later"}, {"quake"}]
    assert groups[0][0] == "later03"  # the story keeps its id with its first member


def test_reports_of_one_event_are_not_bisected() -> None:
    space = _reports({"quake": 16}, seed=2)
    assert bisect_group(sorted(space.rows), space) == [sorted(space.rows)]


def test_a_handful_of_odd_reports_is_not_cut_off_as_an_event() -> None:
    space = _reports({"quake": 12, "odd": SMALLEST_GROUP - 1}, seed=3)
    assert bisect_group(sorted(space.rows), space) == [sorted(space.rows)]


def test_three_events_are_cut_into_three_by_bisecting_again() -> None:
    space = _reports({"aa": 7, "bb": 7, "cc": 7}, seed=4)
    groups = bisect_group(sorted(space.rows), space)
    assert sorted(sorted({key[:2] for key in group}) for group in groups) == [
        ["aa"],
        ["bb"],
        ["cc"],
    ]


def test_bisection_does_not_depend_on_member_order() -> None:
    space = _reports({"quake": 8, "later": 7}, seed=5)
    members = sorted(space.rows)
    shuffled = members[:]
    random.Random(5).shuffle(shuffled)
    first = {frozenset(group) for group in bisect_group(members, space)}
    assert {frozenset(group) for group in bisect_group(shuffled, space)} == first


def test_members_without_a_row_stay_together_and_too_large_stories_are_not_tried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    space = _reports({"quake": 8, "later": 7}, seed=6)
    groups = bisect_group([*sorted(space.rows), "new"], space)
    assert len(groups) == 3 and groups[-1] == ["new"]
    monkeypatch.setattr(split, "MAX_BISECT_ARTICLES", 14)
    assert bisect_group(sorted(space.rows), space) == [sorted(space.rows)]


def test_reports_sharing_no_words_at_all_are_not_cut() -> None:
    rows = {f"r{n:02d}": n for n in range(20)}
    space = SplitSpace({}, sparse.csr_matrix(np.eye(20)), rows)  # every pair orthogonal
    # Ward cuts twenty equidistant reports into halves of ten: only the guard refuses it.
    assert bisect_group(sorted(rows), space) == [sorted(rows)]


def test_words_only_one_report_uses_do_not_hide_two_events() -> None:
    # Two events told in short reports and in long ones full of words no other report uses
    # (quotes, background): the long reports look unlike everything, and would be cut off
    # together were those words counted.
    rng = np.random.default_rng(7)
    rows, ids = [], []
    for number, prefix in enumerate(("fire", "flood")):
        for index in range(8):
            row = np.zeros(10 + 16 + 8 * 60)
            row[:10] = rng.uniform(0.5, 1.0, 10)
            row[10 + 8 * number + rng.choice(8, 5, replace=False)] = rng.uniform(0.8, 1.2, 5)
            if index % 2:
                own = 26 + 60 * (4 * number + index // 2)
                row[own : own + 60] = 0.6
            rows.append(row)
            ids.append(f"{prefix}{index:02d}")
    matrix = sparse.csr_matrix(normalize(np.array(rows)))
    space = SplitSpace({}, matrix, {key: row for row, key in enumerate(ids)})
    groups = bisect_group(sorted(space.rows), space)
    assert sorted(sorted({key[:4] for key in group}) for group in groups) == [["fire"], ["floo"]]


def _two_topical_events(seed: int) -> SplitSpace:
    """Two events of one topic whose reports share most words: across the events reports
    are about two thirds as alike as within one, too alike for a cut on content alone."""
    rng = np.random.default_rng(seed)
    rows, ids = [], []
    for number, prefix in enumerate(("launch", "test")):
        for index in range(7):
            row = np.zeros(60)
            row[:10] = rng.uniform(0.5, 1.0, 10)
            row[10 + 8 * number + rng.choice(8, 5, replace=False)] = rng.uniform(0.4, 0.6, 5)
            row[40 + rng.choice(20, 2, replace=False)] = 0.3
            rows.append(row)
            ids.append(f"{prefix}{index:02d}")
    matrix = sparse.csr_matrix(normalize(np.array(rows)))
    return SplitSpace({}, matrix, {key: row for row, key in enumerate(ids)})


def _dated(space: SplitSpace, day_of: dict[str, dt.date]) -> SplitSpace:
    days = {key: day.toordinal() for key, day in day_of.items()}
    return dataclasses.replace(space, days=days)


def _months_apart(keys: list[str]) -> dict[str, dt.date]:
    """Launch reports over two weeks of one February, test reports over a later autumn."""
    return {
        key: dt.date(2016, 2, 6) + dt.timedelta(days=2 * int(key[-2:]))
        if key.startswith("launch")
        else dt.date(2017, 8, 28) + dt.timedelta(days=9 * int(key[-2:]))
        for key in keys
    }


def test_two_events_months_apart_are_cut_on_content_and_time() -> None:
    space = _two_topical_events(seed=1)
    members = sorted(space.rows)
    assert bisect_group(members, space) == [members]  # content alone: not separated enough
    groups = bisect_group(members, _dated(space, _months_apart(members)))
    assert sorted(sorted({key[:4] for key in group}) for group in groups) == [
        ["laun"],
        ["test"],
    ]


def test_the_same_reports_within_one_week_stay_one_story() -> None:
    space = _two_topical_events(seed=2)
    members = sorted(space.rows)
    week = {key: dt.date(2017, 8, 28) + dt.timedelta(days=n % 7) for n, key in enumerate(members)}
    assert bisect_group(members, _dated(space, week)) == [members]


def test_one_event_told_over_months_is_not_cut_for_its_dates_alone() -> None:
    space = _reports({"quake": 14}, seed=3)
    members = sorted(space.rows)
    months = {key: dt.date(2017, 1, 1) + dt.timedelta(days=30 * n) for n, key in enumerate(members)}
    assert bisect_group(members, _dated(space, months)) == [members]


def test_a_story_mostly_undated_is_not_judged_by_its_few_dates() -> None:
    space = _two_topical_events(seed=4)
    members = sorted(space.rows)
    few = dict(list(_months_apart(members).items())[:6])  # 6 of 14 reports dated
    assert bisect_group(members, _dated(space, few)) == [members]


def test_split_space_keeps_the_days_it_is_given() -> None:
    articles = [build_article(f"Report {n} on the harbour fire.", title=f"Fire {n}") for n in "ab"]
    vectors = vectorise(articles)
    space = split.split_space(vectors, {articles[0].id: 736000})
    assert space.days == {articles[0].id: 736000}
    assert split.split_space(vectors).days == {}
