"""Threads: stories linked over time by shared actors and topic, with no time limit.

Two stories are linked when their key entities overlap enough (overlap coefficient: shared
keys over the smaller set) and their centroids are similar enough in topic.  Candidates
come from an index of entity keys, never from all pairs; linked stories form one thread
(connected components, so the result does not depend on input order).  Every shown story
belongs to exactly one thread, alone if nothing links to it; a single-article item appears
in a thread only when it is linked to another story.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from storyline.models import Article, ArticleAnalysis, Story, Thread
from storyline.organise.disjoint import DisjointSet
from storyline.organise.duplicates import find_duplicates, representatives
from storyline.organise.features import SparseVector, cosine, vectorise
from storyline.organise.labels import EntityNames, story_order
from storyline.organise.stories import first_by_id

if TYPE_CHECKING:
    from storyline.organise.options import OrganiseOptions

ALGORITHM = "organise.threads.v2"
# Set on the invented follow-up fixtures and the real syria-talks sample: the 2013 Brunei
# meeting and its 2016 Moscow sequel share half of their key names and have a topic cosine
# of ~0.2; the cosine is only a sanity check, the shared actors carry the link.
THREAD_ENTITY_OVERLAP = 0.5
THREAD_TOPIC_SIMILARITY = 0.12
POSTING_LIMIT = 200  # most recent earlier stories looked up per entity key
THREAD_NAMES = 2  # names shown in a thread label (story labels: labels.LABEL_NAMES)
CENTROID_TERMS = 300  # a story's topic for threading: its heaviest terms are enough


def link_threads(
    stories: Sequence[Story],
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis] | None,
    entity_map: Mapping[tuple[str, str], str] | None,
    options: OrganiseOptions,
) -> tuple[Thread, ...]:
    """Threads over ``stories``, using the articles' vectors for topic similarity.

    Vectors are made as ``organise`` makes them: over the representatives of duplicate
    groups and the ungrouped articles, so a wire copy printed five times does not weigh five
    times in its story's centroid (and the threads equal ``organise``'s).
    """
    unique = list(first_by_id(articles).values())
    rep_of = representatives(find_duplicates(unique, options))
    leaders = [article for article in unique if rep_of.get(article.id, article.id) == article.id]
    names = EntityNames(unique, analyses or {}, entity_map)
    vectors = vectorise(leaders, names.name_keys).rows
    return link_vectors(stories, vectors, names, options)


def link_vectors(
    stories: Sequence[Story],
    vectors: Mapping[str, SparseVector],
    names: EntityNames,
    options: OrganiseOptions,
) -> tuple[Thread, ...]:
    """``link_threads`` with vectors and entity names already computed."""
    ordered = sorted(stories, key=story_order)
    centroids = [_centroid(story, vectors) for story in ordered]
    linked = DisjointSet(range(len(ordered)))
    for first, second in sorted(_candidate_pairs(ordered, options.thread_entity_overlap)):
        # Candidates already share enough key entities; the topic is the remaining check.
        if cosine(centroids[first], centroids[second]) >= options.thread_topic_similarity:
            linked.union(first, second)
    groups = [[ordered[number] for number in sorted(group)] for group in linked.groups()]
    return tuple(
        _thread(group, names)
        for group in groups
        if len(group) > 1 or group[0].id.startswith("story:")
    )


def _centroid(story: Story, vectors: Mapping[str, SparseVector]) -> SparseVector:
    """The story's mean vector cut to its ``CENTROID_TERMS`` heaviest terms, normalised."""
    total: SparseVector = {}
    for article_id in story.article_ids:
        for term, weight in vectors.get(article_id, {}).items():
            total[term] = total.get(term, 0.0) + weight
    if len(total) > CENTROID_TERMS:
        total = dict(heapq.nlargest(CENTROID_TERMS, total.items(), key=lambda item: item[1]))
    norm = sum(weight * weight for weight in total.values()) ** 0.5
    return {term: weight / norm for term, weight in total.items()} if norm else {}


def _candidate_pairs(stories: Sequence[Story], overlap: float) -> set[tuple[int, int]]:
    """Pairs of earlier and later stories sharing enough key entities to be linked: shared
    keys over the smaller story's keys at least ``overlap``, counted exactly (each story's
    keys are distinct) among the ``POSTING_LIMIT`` latest stories per key."""
    postings: dict[str, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for number, story in enumerate(stories):
        shared: Counter[int] = Counter()
        for key in story.key_entities:
            shared.update(postings.get(key, ())[-POSTING_LIMIT:])
        for other, count in shared.items():
            smaller = min(len(story.key_entities), len(stories[other].key_entities))
            if count >= overlap * smaller:
                pairs.add((other, number))
        for key in story.key_entities:
            postings.setdefault(key, []).append(number)
    return pairs


def _thread(stories: Sequence[Story], names: EntityNames) -> Thread:
    shared: Counter[str] = Counter()
    for story in stories:
        shared.update(story.key_entities)
    keys = sorted(shared, key=lambda key: (-shared[key], key))
    label_names = names.label_names(keys, THREAD_NAMES)
    parts = (", ".join(label_names), _shared_place(stories), thread_years(stories))
    label = " · ".join(part for part in parts if part)
    digest = hashlib.sha256(stories[0].id.encode()).hexdigest()[:16]
    return Thread(
        id=f"thread:{digest}",
        label=label or "Untitled thread",
        story_ids=tuple(story.id for story in stories),
        algorithm=ALGORITHM,
    )


def _shared_place(stories: Sequence[Story]) -> str | None:
    """The place every story of the thread that names one names, when it is one place (a
    port's strike and its deal); none when they differ (a meeting in Brunei, then Moscow)."""
    places = {story.place for story in stories if story.place}
    return places.pop() if len(places) == 1 else None


def thread_years(stories: Sequence[Story]) -> str:
    """The years a thread's stories are known to fall in, never narrower than the evidence.

    Stories dated on both sides give "2013" or "2013–2016": every story lies in those years.
    A story known only from below (an inferred "2012 or later") leaves the end open, and one
    known only from above the start: "2012 or later", "2016 or before", as story labels say
    it.  With both kinds the only facts are that the thread starts by the earliest upper
    bound and ends no earlier than the latest lower bound: "2012 or before–2016 or later",
    or, when those bounds cross, "2016 or before, 2012 or later" (no year is then sure to lie
    inside the thread).  A story with no date at all is named, not dropped: "2013, and
    undated".  Empty when no story is dated.
    """
    dated = [story for story in stories if story.earliest or story.latest]
    undated = ", and undated" if len(dated) < len(stories) else ""
    if not dated:
        return ""
    lower = [story.earliest for story in dated if story.earliest is not None]
    upper = [story.latest for story in dated if story.latest is not None]
    open_before, open_after = len(lower) < len(dated), len(upper) < len(dated)
    if open_before and open_after:
        return _open_both(min(upper), max(lower)) + undated
    if open_before:
        return f"{_last_year(dated)} or before{undated}"
    if open_after:
        return f"{_first_year(dated)} or later{undated}"
    first, last = _first_year(dated), _last_year(dated)
    return (f"{first}–{last}" if last != first else str(first)) + undated


def _first_year(stories: Sequence[Story]) -> int:
    return min(day.year for story in stories for day in (story.earliest, story.latest) if day)


def _last_year(stories: Sequence[Story]) -> int:
    return max(day.year for story in stories for day in (story.earliest, story.latest) if day)


def _open_both(starts_by: dt.date, ends_from: dt.date) -> str:
    """The thread starts on or before ``starts_by`` and ends on or after ``ends_from``."""
    if starts_by.year <= ends_from.year:
        return f"{starts_by.year} or before–{ends_from.year} or later"
    return f"{starts_by.year} or before, {ends_from.year} or later"
