"""The view objects a report lays out: plain, frozen, free of any output format.

``report.view.build_view`` fills them from a briefing; the Markdown and HTML renderers only
read them.  Every statement carries the ``SourceRef`` of the article it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.report.evidence import (
    FigureGroup,
    QuoteView,
    ResolvedDate,
    SourceRef,
    StatementView,
)


@dataclass(frozen=True)
class RemovalView:
    rule: str
    text: str
    reason: str


@dataclass(frozen=True)
class ArticleView:
    article_id: str
    anchor: str
    title: str
    outlet: str
    href: str | None  # only ever an http(s) URL
    date_label: str
    author: str | None
    place: str | None
    language: str | None
    location: str  # the input it came from
    lead: str
    removals: tuple[RemovalView, ...]
    partial: bool
    note: str | None  # e.g. why it was not analysed


@dataclass(frozen=True)
class SourceGroup:
    """One independent source: a single article, or near-duplicates counted once."""

    articles: tuple[ArticleView, ...]
    similarity: float | None  # set for near-duplicate groups

    @property
    def duplicate(self) -> bool:
        return len(self.articles) > 1


@dataclass(frozen=True)
class StoryView:
    anchor: str
    label: str
    date_range: str
    place: str | None
    sources: tuple[SourceGroup, ...]
    outlets: tuple[str, ...]
    key_entities: tuple[str, ...]
    quotes: tuple[QuoteView, ...]
    dates: tuple[ResolvedDate, ...]
    figures: tuple[FigureGroup, ...]
    articles: tuple[ArticleView, ...]
    summary: tuple[StatementView, ...] = ()  # cited source sentences, in reading order
    single_source: tuple[StatementView, ...] = ()  # what only one of its sources reports


@dataclass(frozen=True)
class EventView:
    """A timeline entry; its description on one line, cut around the words that dated it
    (``date_words``, empty when the story's first day dated it or it is undated)."""

    when: str
    before: str
    date_words: str
    after: str
    sources: tuple[SourceRef, ...]
    # The story's other reports whose publication days placed the date (an undated report's
    # "on June 16"); empty when the report's own date did.
    dated_by: tuple[SourceRef, ...] = ()

    @property
    def description(self) -> str:
        return self.before + self.date_words + self.after


@dataclass(frozen=True)
class ThreadView:
    anchor: str
    label: str
    stories: tuple[StoryView, ...]
    timeline: tuple[EventView, ...]
    undated: tuple[EventView, ...]


@dataclass(frozen=True)
class OutletGroup:
    outlet: str
    articles: tuple[ArticleView, ...]


@dataclass(frozen=True)
class ProblemView:
    location: str
    code: str
    severity: str
    stage: str
    message: str
    hint: str


@dataclass(frozen=True)
class BriefingView:
    generated: str | None
    article_count: int
    outlet_count: int
    threads: tuple[ThreadView, ...]
    stories: tuple[StoryView, ...]  # stories no thread holds
    unassigned: tuple[OutletGroup, ...]  # articles no story holds, by outlet
    problems: tuple[ProblemView, ...]

    @property
    def story_count(self) -> int:
        return len(self.stories) + sum(len(thread.stories) for thread in self.threads)

    @property
    def empty(self) -> bool:
        return not (self.article_count or self.threads or self.problems)
