"""The briefing as Markdown (CommonMark; GitHub renders it as it is).

Untrusted article text is escaped wherever it would change the rendering: ``#`` or ``>``
opening a line, emphasis and link brackets, raw HTML such as ``<script>``, and entity
references.  Only http(s) URLs become links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from storyline.models import Briefing
from storyline.report.text import one_line
from storyline.report.view import (
    ArticleView,
    BriefingView,
    EventView,
    FigureGroup,
    OutletGroup,
    ProblemView,
    SourceGroup,
    SourceRef,
    StatementView,
    StoryView,
    ThreadView,
    build_view,
)

__all__ = ["md_escape", "render_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Markers that start a heading, quote, list or setext underline at the start of a line.
_MD_LINE_START = re.compile(r"^([#>+=-]|\d+[.)])")


def md_escape(text: str) -> str:
    """``text`` on one line, with everything Markdown or HTML would interpret escaped."""
    escaped = _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", one_line(text)))
    return _MD_LINE_START.sub(lambda m: f"{m[1][:-1]}\\{m[1][-1]}", escaped)


def render_markdown(briefing: Briefing) -> str:
    """The whole report as one Markdown document."""
    view = build_view(briefing)
    return "\n".join(_document(view)).rstrip() + "\n"


def _document(view: BriefingView) -> Iterator[str]:
    yield "# Briefing"
    yield ""
    yield _summary(view)
    yield ""
    if view.empty:
        yield "Nothing to report: no articles were read and no problems were found."
        yield ""
    for thread in view.threads:
        yield from _thread(thread)
    if view.stories:
        yield "## Stories"
        yield ""
        for story in view.stories:
            yield from _story(story, level=3)
    if view.unassigned:
        yield "## Other articles" if view.story_count else "## Articles"
        yield ""
        for group in view.unassigned:
            yield from _outlet_group(group)
    if view.problems:
        yield from _problems(view.problems)


def _summary(view: BriefingView) -> str:
    parts = [
        _count(view.article_count, "article")
        + (f" from {_count(view.outlet_count, 'outlet')}" if view.outlet_count else ""),
        _count(view.story_count, "story", "stories"),
        _count(len(view.threads), "thread"),
        _count(len(view.problems), "problem"),
    ]
    if view.generated:
        parts.insert(0, f"Generated {view.generated}")
    return " · ".join(parts)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _cite(refs: tuple[SourceRef, ...]) -> str:
    return " ".join(_cite_one(ref) for ref in refs)


def _cite_one(ref: SourceRef) -> str:
    outlet = md_escape(ref.outlet)
    return f"[{outlet}](#{ref.anchor})" if ref.anchor else f"\\[{outlet}\\]"


def _thread(thread: ThreadView) -> Iterator[str]:
    yield f'## <a id="{thread.anchor}"></a>Thread: {md_escape(thread.label)}'
    yield ""
    if thread.timeline or thread.undated:
        yield "### Timeline"
        yield ""
        yield from _events(thread.timeline)
        if thread.undated:
            yield ""
            yield "Undated:"
            yield ""
            yield from _events(thread.undated)
        yield ""
    for story in thread.stories:
        yield from _story(story, level=3)


def _events(events: tuple[EventView, ...]) -> Iterator[str]:
    """One line per event: the description's own source, then the other sources that report
    the event in their own words ("also reported by"), which need not state every word of it."""
    for event in events:
        when = md_escape(event.when)
        also = f" · also reported by {_cite(event.sources[1:])}" if event.sources[1:] else ""
        dated = (
            f" · date placed by the story's other reports {_cite(event.dated_by)}"
            if event.dated_by
            else ""
        )
        yield f"- **{when}**: {_description(event)} {_cite(event.sources[:1])}{also}{dated}"


def _description(event: EventView) -> str:
    """The description with the words that dated it in bold.

    Each piece is escaped on its own, so no escape or entity reaches across the marks; the
    spaces joining the pieces are kept (``md_escape`` would strip them).  ``**`` only opens
    and closes emphasis where CommonMark's flanking rules allow ("(2012)s" would show the
    asterisks), so words glued to punctuation there are wrapped in ``<strong>`` instead.
    """
    if not event.date_words:
        return md_escape(event.description)
    before, words, after = (
        _escape_keeping_edges(piece) for piece in (event.before, event.date_words, event.after)
    )
    if _may_open(before[-1:], words[0]) and _may_close(words[-1], after[:1]):
        return f"{before}**{words}**{after}"
    return f"{before}<strong>{words}</strong>{after}"


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _may_open(previous: str, first: str) -> bool:
    """Whether ``**`` between ``previous`` and ``first`` is a left-flanking delimiter run."""
    return not _punctuation(first) or not previous or previous.isspace() or _punctuation(previous)


def _may_close(last: str, following: str) -> bool:
    """Whether ``**`` between ``last`` and ``following`` is a right-flanking delimiter run."""
    return not _punctuation(last) or not following or following.isspace() or _punctuation(following)


def _escape_keeping_edges(text: str) -> str:
    core = text.strip()
    if not core:
        return text
    opening = text[: len(text) - len(text.lstrip())]
    closing = text[len(text.rstrip()) :]
    return f"{opening}{md_escape(core)}{closing}"


def _story(story: StoryView, level: int) -> Iterator[str]:
    yield f'{"#" * level} <a id="{story.anchor}"></a>Story: {md_escape(story.label)}'
    yield ""
    place = f" · {md_escape(story.place)}" if story.place else ""
    yield f"*{md_escape(story.date_range)}*{place}"
    yield ""
    yield from _statements("Summary", story.summary)
    yield from _sources(story)
    if story.key_entities:
        yield "**Key entities:** " + ", ".join(md_escape(name) for name in story.key_entities)
        yield ""
    yield from _quotes(story)
    yield from _statements("Reported by one source only", story.single_source)
    yield from _dates(story)
    yield from _figures(story.figures)
    for article in story.articles:
        yield from _article(article, level + 1)


def _statements(heading: str, statements: tuple[StatementView, ...]) -> Iterator[str]:
    """Source sentences, each followed by every article that states it."""
    if not statements:
        return
    yield f"**{heading}**"
    yield ""
    for statement in statements:
        only = "; ".join(md_escape(fact) for fact in statement.only_here)
        given = f" (only this source gives: {only})" if only else ""
        yield f"- {md_escape(statement.text)} {_cite(statement.sources)}{given}"
    yield ""


def _sources(story: StoryView) -> Iterator[str]:
    articles = _count(len(story.articles), "article")
    outlets = f" from {_count(len(story.outlets), 'outlet')}" if story.outlets else ""
    independent = _count(len(story.sources), "independent source")
    yield f"**Sources:** {articles}{outlets}, {independent}"
    yield ""
    for group in story.sources:
        yield _source_line(group)
    yield ""


def _source_line(group: SourceGroup) -> str:
    items = "; ".join(
        f"[{md_escape(a.outlet)}](#{a.anchor}): {md_escape(a.title)} ({md_escape(a.date_label)})"
        for a in group.articles
    )
    if not group.duplicate:
        return f"- {items}"
    similarity = f", similarity {group.similarity:.2f}" if group.similarity is not None else ""
    return f"- Near-duplicates, counted once{similarity}: {items}"


def _quotes(story: StoryView) -> Iterator[str]:
    if not story.quotes:
        return
    yield "**Quotes**"
    yield ""
    for quote in story.quotes:
        fragment = " (fragment)" if quote.partial else ""
        # Reported speech is the writer's wording: no quotation marks around it.
        words = f"“{md_escape(quote.text)}”" if quote.direct else md_escape(quote.text)
        reported = "" if quote.direct else " (reported)"
        yield (f"- {words}{fragment}{reported}: {md_escape(quote.speaker)} {_cite(quote.sources)}")
    yield ""


def _dates(story: StoryView) -> Iterator[str]:
    if not story.dates:
        return
    yield "**Dates**"
    yield ""
    for date in story.dates:
        yield f"- “{md_escape(date.text)}” = {md_escape(date.label)} {_cite(date.sources)}"
    yield ""


def _figures(groups: tuple[FigureGroup, ...]) -> Iterator[str]:
    if not groups:
        return
    yield "**Figures**"
    yield ""
    for group in groups:
        warning = " (sources disagree)" if group.disagree else ""
        figures = "; ".join(f"{md_escape(f.text)} {_cite(f.sources)}" for f in group.figures)
        yield f"- {md_escape(group.measure)}{warning}: {figures}"
    yield ""


def _article(article: ArticleView, level: int) -> Iterator[str]:
    yield f'{"#" * level} <a id="{article.anchor}"></a>{md_escape(article.title)}'
    yield ""
    yield " · ".join(_article_facts(article))
    yield ""
    if article.note:
        yield f"*{md_escape(article.note)}*"
        yield ""
    if article.lead:
        yield f"> {md_escape(article.lead)}"
        yield ""
    if article.removals:
        yield "Removed by cleaning:"
        yield ""
        for removal in article.removals:
            yield f"- {md_escape(removal.rule)}: “{md_escape(removal.text)}”"
        yield ""


def _article_facts(article: ArticleView) -> list[str]:
    facts = [f"**{md_escape(article.outlet)}**", md_escape(article.date_label)]
    if article.author:
        facts.append(f"by {md_escape(article.author)}")
    if article.place:
        facts.append(md_escape(article.place))
    if article.language:
        facts.append(f"language {md_escape(article.language)}")
    if article.partial:
        facts.append("summary only")
    if article.href:
        facts.append(f"[original]({article.href})")
    facts.append(f"input {md_escape(article.location)}")
    return facts


def _outlet_group(group: OutletGroup) -> Iterator[str]:
    yield f"### {md_escape(group.outlet)}"
    yield ""
    for article in group.articles:
        yield from _article(article, level=4)


def _problems(problems: tuple[ProblemView, ...]) -> Iterator[str]:
    yield "## Problems"
    yield ""
    for problem in problems:
        yield (
            f"- **{md_escape(problem.severity)}** {md_escape(problem.code)} "
            f"({md_escape(problem.stage)}) in {md_escape(problem.location)}: "
            f"{md_escape(problem.message)} What to do: {md_escape(problem.hint)}"
        )
    yield ""
