"""Commands over the organised corpus: organise, stories, threads, timeline."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline.cli.analysis import _analyses
from storyline.cli.ids import short_id
from storyline.cli.output import (
    DB_OPTION,
    JSON_OPTION,
    console,
    note,
    plural,
    print_json,
    store_at,
    wanted_id,
)
from storyline.models import TimelineEvent
from storyline.organise import ORGANISER_VERSION, Organisation
from storyline.organise.condense import condense
from storyline.pipeline import link_store_entities, organise_store
from storyline.report.text import time_label
from storyline.store import Store


def _organisation(store: Store, refresh: bool = False) -> Organisation:
    stored = None if refresh else store.load_organisation()
    if stored is not None and stored.algorithm == ORGANISER_VERSION:
        return Organisation(
            duplicates=stored.duplicates,
            sentence_links=(),
            stories=stored.stories,
            threads=stored.threads,
            timelines=stored.timelines,
        )
    analyses = _analyses(store)
    _, entity_map = link_store_entities(store, analyses)
    return organise_store(store, analyses, entity_map)


def organise(db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Find near-duplicates, group articles into stories and stories into threads.

    Example: storyline organise --db news.db
    """
    with store_at(db) as store:
        result = _organisation(store, refresh=True)
    if as_json:
        print_json(result)
        return
    console().print(
        f"{plural(len(result.duplicates), 'duplicate group')}, "
        f"{plural(len(result.stories), 'story', 'stories')}, "
        f"{plural(len(result.threads), 'thread')}",
        markup=False,
    )


def stories(db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """List stories (events) with their dates, key entities and articles.

    Example: storyline stories --db news.db --json
    """
    with store_at(db) as store:
        result = _organisation(store)
    if as_json:
        print_json(result.stories)
        return
    if not result.stories:
        note("no stories found (run `storyline organise` after `storyline ingest`)")
        return
    table = Table("story", "dates", "label", "articles")
    for story in result.stories:
        dates = f"{story.earliest or '?'} .. {story.latest or '?'}"
        label = escape(story.label)
        table.add_row(short_id(story.id), dates, label, str(len(story.article_ids)))
    console().print(table)


def threads(db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """List threads: stories about the same actors and topic, linked over time.

    Example: storyline threads --db news.db
    """
    with store_at(db) as store:
        result = _organisation(store)
    if as_json:
        print_json(result.threads)
        return
    if not result.threads:
        note("no threads found (run `storyline organise` after `storyline ingest`)")
        return
    labels = {s.id: s.label for s in result.stories}
    out = console()
    for thread in result.threads:
        out.print(f"[bold]{escape(short_id(thread.id))}[/bold] {escape(thread.label)}", markup=True)
        for story_id in thread.story_ids:
            out.print(f"  - {labels.get(story_id, story_id)}", markup=False)


def timeline(
    thread: str | None = typer.Argument(
        None, help="Thread id or prefix, with or without 'thread:' (default: every thread)."
    ),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    top: int = typer.Option(
        0,
        "--top",
        min=0,
        help="Keep the N dated events cited by the most articles, per thread (0: every event).",
    ),
) -> None:
    """Show the dated timeline of a thread, every event with its sources.

    With --top N each thread keeps its N most cited dated events, in date order.

    Example: storyline timeline 7c1e --db news.db --top 10
    """
    with store_at(db) as store:
        result = _organisation(store)
        outlets = {a.id: a.outlet or a.id[:8] for a in store.iter_articles()}
    known = [t.id for t in result.threads] + [tid for tid, _ in result.timelines]
    wanted = wanted_id(thread, known, "thread", "`storyline threads`")
    chosen = [
        (tid, condense(events, top) if top > 0 else events)
        for tid, events in result.timelines
        if wanted is None or tid == wanted
    ]
    if as_json:
        print_json([{"thread_id": tid, "events": events} for tid, events in chosen])
        return
    if not any(events for _, events in chosen):
        note("no dated events found" + (f" in {wanted}" if wanted else ""))
        return
    out = console()
    for tid, events in chosen:
        out.print(f"[bold]{escape(short_id(tid))}[/bold]", markup=True)
        for event in events:
            when = time_label(event.when) if event.when else "undated"
            names = [outlets.get(c.article_id, c.article_id[:8]) for c in event.citations]
            # The description's own source, then those reporting the event in other words.
            others = sorted(set(names[1:]) - {names[0]}) if names else []
            also = f" · also reported by {', '.join(others)}" if others else ""
            placers = [outlets.get(key, key[:8]) for key in event.dated_by]
            if placers:  # an undated report's "on June 16", placed by its story's others
                also += f" · date placed by the story's other reports {', '.join(placers)}"
            sources = f"  [{names[0]}]{also}" if names else ""
            out.print(_event_line(event, f"  {when:>16}  ", sources))


def _event_line(event: TimelineEvent, before: str, after: str) -> Text:
    """``event``'s description with the words that dated it in bold.

    A style span rather than markup, so brackets in article text are never read as markup;
    Rich drops the style when printing to a pipe.
    """
    line = Text(before + event.description + after)
    if event.date_span is not None:
        start, end = event.date_span
        line.stylize("bold", len(before) + start, len(before) + end)
    return line
