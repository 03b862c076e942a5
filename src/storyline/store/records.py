"""Values the store returns that are not pipeline models: search hits, organisations, counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storyline.models import DuplicateGroup, Story, Thread, TimelineEvent


@dataclass(frozen=True)
class SearchHit:
    """One full-text search result; a higher ``score`` is a better match."""

    article_id: str
    title: str
    snippet: str  # matched words wrapped in the store's SNIPPET_MARKS
    score: float


@dataclass(frozen=True)
class Organisation:
    """One saved result of the organise stage: duplicates, stories, threads and timelines."""

    duplicates: tuple[DuplicateGroup, ...]
    stories: tuple[Story, ...]
    threads: tuple[Thread, ...]
    timelines: tuple[tuple[str, tuple[TimelineEvent, ...]], ...]  # (thread id, events)
    algorithm: str  # the full versioned name it was saved under
    saved: dt.datetime | None = None


@dataclass(frozen=True)
class StoreCounts:
    """How many rows each kind of record has; for ``storyline db info`` style summaries."""

    raw: int
    articles: int
    analyses: int
    problems: int
    entities: int
