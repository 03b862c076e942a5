"""What a report shows, in display order, independent of the output format.

``build_view`` turns a :class:`~storyline.models.Briefing` into the plain frozen view objects
of ``report.views`` (re-exported here); the Markdown and HTML renderers only lay them out.
Every quote, figure, date and timeline entry carries the :class:`SourceRef` of the article
it came from, so each statement in a report can cite its source.  A briefing may hold any
subset of the pipeline's output: no stories, stories without threads, articles no story
claims, problems only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from storyline.models import (
    Article,
    ArticleAnalysis,
    Briefing,
    Citation,
    Problem,
    PublicationDate,
    Story,
    StorySummary,
    Thread,
    TimelineEvent,
)
from storyline.report.evidence import (
    Evidence,
    FigureGroup,
    QuoteView,
    ResolvedDate,
    SourceRef,
    StatementView,
    collect_evidence,
    statement_views,
)
from storyline.report.text import (
    anchor,
    date_range_label,
    key_name,
    lead,
    one_line,
    publication_label,
    safe_href,
    time_label,
)
from storyline.report.views import (
    ArticleView,
    BriefingView,
    EventView,
    OutletGroup,
    ProblemView,
    RemovalView,
    SourceGroup,
    StoryView,
    ThreadView,
)

# Display choice: the most central entities of a story, enough to say who it is about.
MAX_KEY_ENTITIES = 8
UNKNOWN_OUTLET = "unknown outlet"
_WHITESPACE = re.compile(r"\s+")

__all__ = [
    "ArticleView",
    "BriefingView",
    "EventView",
    "FigureGroup",
    "OutletGroup",
    "ProblemView",
    "QuoteView",
    "RemovalView",
    "ResolvedDate",
    "SourceGroup",
    "SourceRef",
    "StatementView",
    "StoryView",
    "ThreadView",
    "build_view",
]


@dataclass(frozen=True)
class _Index:
    """Lookups over one briefing, built once."""

    briefing: Briefing
    articles: dict[str, Article]
    analyses: dict[str, ArticleAnalysis]
    entity_names: dict[str, str]
    views: dict[str, ArticleView]
    summaries: dict[str, StorySummary]

    def refs(self, article_ids: Iterable[str]) -> tuple[SourceRef, ...]:
        return tuple(self.ref(article_id) for article_id in article_ids)

    def ref(self, article_id: str, outlet: str | None = None) -> SourceRef:
        view = self.views.get(article_id)
        if view is None:
            return SourceRef(article_id, outlet or UNKNOWN_OUTLET, None)
        return SourceRef(article_id, outlet or view.outlet, view.anchor)

    def entity_name(self, key: str) -> str:
        return self.entity_names.get(key) or key_name(key)


def build_view(briefing: Briefing) -> BriefingView:
    """Everything a report shows about ``briefing``, grouped and ordered for reading."""
    index = _index(briefing)
    stories = {story.id: story for story in briefing.stories}
    threaded = {sid for thread in briefing.threads for sid in thread.story_ids}
    timelines = dict(briefing.timelines)
    threads = [_thread_view(index, t, stories, timelines.get(t.id, ())) for t in briefing.threads]
    known_threads = {thread.id for thread in briefing.threads}
    threads += [
        _orphan_timeline(index, thread_id, events)
        for thread_id, events in briefing.timelines
        if thread_id not in known_threads and events
    ]
    loose = [_story_view(index, s) for s in briefing.stories if s.id not in threaded]
    claimed = {aid for story in briefing.stories for aid in story.article_ids}
    unassigned = [a for a in briefing.articles if a.id not in claimed]
    return BriefingView(
        generated=briefing.generated.isoformat(timespec="minutes") if briefing.generated else None,
        article_count=len(briefing.articles),
        outlet_count=len({a.outlet for a in briefing.articles if a.outlet}),
        threads=tuple(threads),
        stories=tuple(loose),
        unassigned=_by_outlet(index, unassigned),
        problems=tuple(_problem_view(p) for p in briefing.problems),
    )


def _index(briefing: Briefing) -> _Index:
    analyses = {analysis.article_id: analysis for analysis in briefing.analyses}
    views = {a.id: _article_view(a, analyses.get(a.id)) for a in briefing.articles}
    return _Index(
        briefing=briefing,
        articles={article.id: article for article in briefing.articles},
        analyses=analyses,
        entity_names={entity.key: entity.name for entity in briefing.entities},
        views=views,
        summaries={summary.story_id: summary for summary in briefing.summaries},
    )


def _article_view(article: Article, analysis: ArticleAnalysis | None) -> ArticleView:
    return ArticleView(
        article_id=article.id,
        anchor=anchor("article", article.id),
        title=one_line(article.title) or "(untitled)",
        outlet=source_label(article),
        href=safe_href(article.url),
        date_label=publication_label(_publication(article, analysis)),
        author=article.author,
        place=article.place,
        language=article.language,
        location=article.origin.describe(),
        lead=lead(article, analysis),
        removals=tuple(RemovalView(r.rule, r.text, r.reason) for r in article.removals),
        partial=article.partial,
        note=analysis.note if analysis else None,
    )


def source_label(article: Article) -> str:
    """How a citation names its source: the outlet, else the URL's host, else the input file.

    Several articles of unknown outlet must still be told apart in citations.
    """
    if article.outlet and one_line(article.outlet):
        return one_line(article.outlet)
    host = urlsplit(article.url or "").hostname
    if host:
        return host.removeprefix("www.")
    name = PurePath(article.origin.location).name or UNKNOWN_OUTLET
    return f"{name} ({article.origin.member})" if article.origin.member else name


def _publication(article: Article, analysis: ArticleAnalysis | None) -> PublicationDate:
    """The article's own date, or the range analysis inferred when the article had none."""
    if not article.published.known and analysis is not None and analysis.published.known:
        return analysis.published
    return article.published


def _sort_key(article: Article) -> tuple[dt.date, str, str]:
    return (article.published.day or dt.date.max, article.outlet or "", article.title)


def _by_outlet(index: _Index, articles: list[Article]) -> tuple[OutletGroup, ...]:
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in sorted(articles, key=_sort_key):
        groups[index.views[article.id].outlet].append(article)
    return tuple(
        OutletGroup(outlet, tuple(index.views[a.id] for a in members))
        for outlet, members in sorted(groups.items(), key=lambda item: item[0].casefold())
    )


def _story_view(index: _Index, story: Story) -> StoryView:
    members = sorted(
        (index.articles[aid] for aid in story.article_ids if aid in index.articles),
        key=_sort_key,
    )
    member_ids = [article.id for article in members]
    evidence: Evidence = collect_evidence(
        members, index.analyses, index.entity_name, lambda aid: index.ref(aid)
    )
    articles = tuple(index.views[aid] for aid in member_ids)
    summary = index.summaries.get(story.id)
    return StoryView(
        anchor=anchor("story", story.id),
        label=one_line(story.label) or "(unlabelled story)",
        date_range=date_range_label(story.earliest, story.latest),
        place=story.place,
        sources=_source_groups(index, member_ids),
        outlets=tuple(sorted({a.outlet for a in members if a.outlet}, key=str.casefold)),
        key_entities=tuple(index.entity_name(k) for k in story.key_entities[:MAX_KEY_ENTITIES]),
        quotes=evidence.quotes,
        dates=evidence.dates,
        figures=evidence.figures,
        articles=articles,
        summary=statement_views(summary.sentences, index.ref) if summary else (),
        single_source=statement_views(summary.single_source, index.ref) if summary else (),
    )


def _source_groups(index: _Index, member_ids: list[str]) -> tuple[SourceGroup, ...]:
    """Near-duplicate members of the story counted once, every member still listed."""
    members = set(member_ids)
    groups: list[SourceGroup] = []
    grouped: set[str] = set()
    for group in index.briefing.duplicates:
        inside = [aid for aid in member_ids if aid in group.members and aid not in grouped]
        if len(inside) > 1:
            groups.append(SourceGroup(tuple(index.views[a] for a in inside), group.similarity))
            grouped.update(inside)
    singles = [SourceGroup((index.views[a],), None) for a in member_ids if a not in grouped]
    order = {aid: position for position, aid in enumerate(member_ids) if aid in members}
    return tuple(
        sorted(groups + singles, key=lambda g: order[g.articles[0].article_id]),
    )


def _thread_view(
    index: _Index,
    thread: Thread,
    stories: dict[str, Story],
    events: tuple[TimelineEvent, ...],
) -> ThreadView:
    dated, undated = _event_views(index, events)
    return ThreadView(
        anchor=anchor("thread", thread.id),
        label=one_line(thread.label) or "(unlabelled thread)",
        stories=tuple(
            _story_view(index, stories[sid]) for sid in thread.story_ids if sid in stories
        ),
        timeline=dated,
        undated=undated,
    )


def _orphan_timeline(
    index: _Index, thread_id: str, events: tuple[TimelineEvent, ...]
) -> ThreadView:
    dated, undated = _event_views(index, events)
    return ThreadView(anchor("thread", thread_id), f"Timeline {thread_id}", (), dated, undated)


def _event_views(
    index: _Index, events: tuple[TimelineEvent, ...]
) -> tuple[tuple[EventView, ...], tuple[EventView, ...]]:
    dated = sorted(
        ((e.when, e) for e in events if e.when is not None),
        key=lambda pair: (pair[0].earliest, pair[0].latest),
    )
    undated = [e for e in events if e.when is None]
    return (
        tuple(_event_view(index, e) for _, e in dated),
        tuple(_event_view(index, e) for e in undated),
    )


def _event_view(index: _Index, event: TimelineEvent) -> EventView:
    before, date_words, after = _cut(event.description, event.date_span)
    when = time_label(event.when) if event.when else "undated"
    sources = _citation_refs(index, event.citations)
    return EventView(when, before, date_words, after, sources, index.refs(event.dated_by))


def _cut(text: str, span: tuple[int, int] | None) -> tuple[str, str, str]:
    """``text`` on one line as (before, ``span``'s words, after); whitespace at the edges of
    the span goes outside it, so a renderer's marks hug the words.  A span that does not fit
    ``text`` (a hand-edited store) marks nothing rather than the wrong words."""
    if span is None or not 0 <= span[0] < span[1] <= len(text) or not text[slice(*span)].strip():
        return one_line(text), "", ""
    start, end = span
    start += len(text[start:end]) - len(text[start:end].lstrip())
    end -= len(text[start:end]) - len(text[start:end].rstrip())
    before, words, after = (
        _WHITESPACE.sub(" ", part) for part in (text[:start], text[start:end], text[end:])
    )
    return before.lstrip(), words, after.rstrip()


def _citation_refs(index: _Index, citations: tuple[Citation, ...]) -> tuple[SourceRef, ...]:
    refs: dict[str, SourceRef] = {}
    for citation in citations:
        refs.setdefault(citation.article_id, index.ref(citation.article_id, citation.outlet))
    return tuple(refs.values())


def _problem_view(problem: Problem) -> ProblemView:
    return ProblemView(
        location=problem.origin.describe(),
        code=problem.code,
        severity=problem.severity.value,
        stage=problem.stage,
        message=_as_sentence(problem.message),
        hint=_as_sentence(problem.hint),
    )


def _as_sentence(text: str) -> str:
    """``text`` ending in a full stop, so that two messages read as two sentences."""
    text = one_line(text)
    return text if not text or text[-1] in ".!?" else f"{text}."
