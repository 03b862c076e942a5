"""The summary command: each story's cited extractive summary and single-source statements."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from storyline.cli.analysis import _analyses
from storyline.cli.ids import short_id
from storyline.cli.organisation import _organisation
from storyline.cli.output import (
    DB_OPTION,
    JSON_OPTION,
    console,
    note,
    print_json,
    store_at,
    wanted_id,
)
from storyline.models import Story, StorySummary, SummarySentence
from storyline.organise import OrganiseOptions, link_sentences
from storyline.synthesise import SummaryOptions, summarise_stories


def summary(
    story: str | None = typer.Argument(
        None, help="Story id or prefix, with or without 'story:' (default: every story)."
    ),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
    words: int = typer.Option(
        SummaryOptions().words,
        "--words",
        min=1,
        help="Length of each summary: sentences are added until it reaches this many words.",
    ),
) -> None:
    """Summarise stories: source sentences that each cite every article stating them, and
    what only one source reports.

    Example: storyline summary 3fa2 --db news.db --words 250
    """
    with store_at(db) as store:
        result = _organisation(store)
        wanted = wanted_id(story, [s.id for s in result.stories], "story", "`storyline stories`")
        chosen = [s for s in result.stories if wanted is None or s.id == wanted]
        if not chosen:
            note("no stories found (run `storyline organise` after `storyline ingest`)")
            return
        analyses = {analysis.article_id: analysis for analysis in _analyses(store)}
        articles = list(store.iter_articles())
    # Stored organisations keep no sentence links: find them for the chosen stories only.
    links = result.sentence_links or link_sentences(chosen, articles, analyses, OrganiseOptions())
    options = SummaryOptions(words=words)
    summaries = summarise_stories(chosen, articles, analyses, result.duplicates, links, options)
    if as_json:
        print_json(summaries)
        return
    outlets = {article.id: article.outlet or article.id[:8] for article in articles}
    print_summaries(console(), chosen, summaries, outlets)


def print_summaries(
    out: Console,
    stories: Sequence[Story],
    summaries: Sequence[StorySummary],
    outlets: Mapping[str, str],
) -> None:
    """Each story's label, its cited summary and its single-source statements, as text."""
    for found, summarised in zip(stories, summaries, strict=True):
        # The label is article text: escaped, so "[/]" in a headline is shown, not parsed.
        label = escape(found.label)
        shown = escape(short_id(found.id))
        out.print(f"[bold]{shown}[/bold]  {label}", markup=True, highlight=False)
        for sentence in summarised.sentences:
            out.print(f"  - {_cited(sentence, outlets)}", markup=False, highlight=False)
        if summarised.single_source:
            out.print("  reported by one source only:", markup=False)
            for sentence in summarised.single_source:
                out.print(f"  - {_cited(sentence, outlets)}", markup=False, highlight=False)


def _cited(sentence: SummarySentence, outlets: Mapping[str, str]) -> str:
    cited = dict.fromkeys(outlets.get(c.article_id, c.article_id[:8]) for c in sentence.citations)
    only = (
        f"  (only this source gives: {'; '.join(sentence.only_here)})" if sentence.only_here else ""
    )
    return f"{' '.join(sentence.text.split())}  [{', '.join(cited)}]{only}"
