"""What organise, synthesise and deliver produce from many articles: duplicate groups,
stories, threads, timelines, cited summaries, and the briefing that gathers them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storyline.models.analysis import ArticleAnalysis, Entity, TimeValue
from storyline.models.documents import Article, Problem


# --- organise
@dataclass(frozen=True)
class Citation:
    article_id: str
    start: int
    end: int
    outlet: str | None = None


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles that are the same copy (syndicated, lightly edited); counted once."""

    id: str
    representative: str  # article id shown for the group
    members: tuple[str, ...]  # every article id, representative included
    similarity: float  # lowest estimated Jaccard between the representative and a member
    algorithm: str


@dataclass(frozen=True)
class Story:
    """Articles about one event."""

    id: str
    label: str
    article_ids: tuple[str, ...]
    earliest: dt.date | None
    latest: dt.date | None
    key_entities: tuple[str, ...]  # entity keys, most central first
    place: str | None
    algorithm: str


@dataclass(frozen=True)
class Thread:
    """Stories linked over time: same actors and topic, different events."""

    id: str
    label: str
    story_ids: tuple[str, ...]  # in date order
    algorithm: str


@dataclass(frozen=True)
class TimelineEvent:
    when: TimeValue | None  # None only for undated events, which are listed apart
    description: str  # a source sentence, verbatim
    citations: tuple[Citation, ...]
    story_id: str | None = None
    # Offsets [start, end) of the date expression within ``description`` that gave ``when``,
    # so a reader sees why the event is listed (None for an event dated by a story's first
    # day, or undated).
    date_span: tuple[int, int] | None = None
    # Ids of the story's other reports whose publication days placed ``when``, for a date an
    # undated report gives without its year or day ("on June 16"); empty when the report's
    # own date did.
    dated_by: tuple[str, ...] = ()


# --- synthesise
@dataclass(frozen=True)
class SummarySentence:
    """A source sentence, verbatim, with every article that states it."""

    text: str  # the first citation's sentence
    citations: tuple[Citation, ...]  # the sentence shown first, then the others stating it
    # For a single-source statement: the facts in ``text`` no other source gives, as
    # written there ("North Terminal", "1,800"); empty otherwise.
    only_here: tuple[str, ...] = ()


@dataclass(frozen=True)
class StorySummary:
    """An extractive summary of one story: nothing in it is not a source sentence."""

    story_id: str
    sentences: tuple[SummarySentence, ...]  # in reading order
    single_source: tuple[SummarySentence, ...] = ()  # salient statements only one outlet makes
    algorithm: str = ""  # versioned name, e.g. "synthesise.summary.v1"


# --- deliver
@dataclass(frozen=True)
class Briefing:
    """Everything a report shows, gathered by ``pipeline.brief``."""

    articles: tuple[Article, ...]
    analyses: tuple[ArticleAnalysis, ...] = ()
    entities: tuple[Entity, ...] = ()
    duplicates: tuple[DuplicateGroup, ...] = ()
    stories: tuple[Story, ...] = ()
    threads: tuple[Thread, ...] = ()
    timelines: tuple[tuple[str, tuple[TimelineEvent, ...]], ...] = ()  # (thread id, events)
    problems: tuple[Problem, ...] = ()
    generated: dt.datetime | None = None
    summaries: tuple[StorySummary, ...] = ()
