"""The organise stage: near-duplicates, sentence links, stories, threads and timelines.

::

    organise(articles, analyses, entity_map, options)
      1. find_duplicates   MinHash/LSH on paragraph shingles -> DuplicateGroup
      2. cluster_stories   incremental centroid clustering of representatives, a merge
                           pass, and a split pass for stories holding two dense groups -> Story
      3. link_threads      stories sharing actors and topic, any time apart -> Thread
      4. build_timeline    dated events per thread, merged across sources -> TimelineEvent
      5. link_sentences    the same sentence in several articles of a story -> SentenceLink

Every algorithm has a versioned name stored with its output (``Story.algorithm``, ...).
Analyses are optional: without them entities are capitalised names, sentences a plain
punctuation split, and timelines hold only the day each story starts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storyline.models import (
    Article,
    ArticleAnalysis,
    DuplicateGroup,
    Story,
    Thread,
    TimelineEvent,
)
from storyline.organise.duplicates import find_duplicates, representatives
from storyline.organise.features import vectorise
from storyline.organise.labels import EntityNames
from storyline.organise.options import OrganiseOptions
from storyline.organise.sentences import SentenceLink, link_sentences
from storyline.organise.stories import cluster_stories, cluster_vectors, first_by_id
from storyline.organise.threads import link_threads, link_vectors
from storyline.organise.timeline import build_timeline

ORGANISER_VERSION = "organise.v6"

__all__ = [
    "ORGANISER_VERSION",
    "Organisation",
    "OrganiseOptions",
    "SentenceLink",
    "build_timeline",
    "cluster_stories",
    "find_duplicates",
    "link_sentences",
    "link_threads",
    "organise",
]


@dataclass(frozen=True)
class Organisation:
    """What the organise stage found; single-article items are stories whose id starts
    with ``item:``."""

    duplicates: tuple[DuplicateGroup, ...]
    sentence_links: tuple[SentenceLink, ...]
    stories: tuple[Story, ...]
    threads: tuple[Thread, ...]
    timelines: tuple[tuple[str, tuple[TimelineEvent, ...]], ...]  # (thread id, events)


def organise(
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis] | None = None,
    entity_map: Mapping[tuple[str, str], str] | None = None,
    options: OrganiseOptions = OrganiseOptions(),
) -> Organisation:
    """Duplicates, stories, sentence links, threads and per-thread timelines of ``articles``."""
    by_id = first_by_id(articles)
    unique = list(by_id.values())
    duplicates = find_duplicates(unique, options)
    rep_of = representatives(duplicates)
    leaders = [article for article in unique if rep_of.get(article.id, article.id) == article.id]
    names = EntityNames(unique, analyses or {}, entity_map)
    found = vectorise(leaders, names.name_keys)
    vectors = found.rows
    stories = cluster_vectors(by_id, analyses, duplicates, names, found, options)
    threads = link_vectors(stories, vectors, names, options)
    by_story = {story.id: story for story in stories}
    timelines = []
    for thread in threads:
        chosen = [by_story[key] for key in thread.story_ids]
        # Only the thread's own articles: passing every article made this quadratic.
        cited = [by_id[key] for story in chosen for key in story.article_ids]
        timelines.append((thread.id, build_timeline(chosen, cited, analyses, options)))
    return Organisation(
        duplicates=duplicates,
        sentence_links=link_sentences(stories, unique, analyses, options),
        stories=stories,
        threads=threads,
        timelines=tuple(timelines),
    )
