"""Commands over what analysis found: analyze, entities, quotes, dates."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from storyline.batch import dask_analyzer
from storyline.cli.output import (
    DB_OPTION,
    JSON_OPTION,
    console,
    fail,
    note,
    print_json,
    progress_reporter,
    store_at,
)
from storyline.errors import StorylineError
from storyline.models import ArticleAnalysis, Entity, EntityKind, Quote
from storyline.pipeline import analyse_store, link_store_entities
from storyline.report.evidence import shown_quotes
from storyline.report.text import time_label
from storyline.report.view import source_label
from storyline.store import Store


def _analyses(store: Store, dask_scheduler: str | None = None) -> list[ArticleAnalysis]:
    with progress_reporter() as progress:
        try:
            analyzer = dask_analyzer(dask_scheduler) if dask_scheduler else None
            return analyse_store(store, progress, analyzer)
        except StorylineError as error:
            raise fail(error) from error


def analyze(
    db: Path = DB_OPTION,
    dask_scheduler: str | None = typer.Option(
        None,
        "--dask",
        help="Run on Dask: processes, threads, synchronous, or a tcp://HOST:PORT cluster.",
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Analyse every stored article (sentences, entities, quotes, dates, figures); cached.

    Example: storyline analyze --db news.db --dask processes
    """
    with store_at(db) as store:
        analyses = _analyses(store, dask_scheduler)
        link_store_entities(store, analyses)
    if as_json:
        print_json(analyses)
        return
    if not analyses:
        note("no articles found to analyse (run `storyline ingest` first)")
        return
    table = Table("article", "language", "sentences", "mentions", "quotes", "dates", "figures")
    for a in analyses:
        table.add_row(
            a.article_id[:12],
            escape(a.language or "?"),
            *(str(len(x)) for x in (a.sentences, a.mentions, a.quotes, a.dates, a.figures)),
        )
    console().print(table)


def entities(
    db: Path = DB_OPTION,
    kind: EntityKind | None = typer.Option(  # an Enum: Click rejects others, listing these
        None, "--kind", case_sensitive=False, help="Only entities of this kind."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """List canonical entities with their kinds, spellings, mention counts and articles.

    Example: storyline entities --db news.db --kind person
    """
    with store_at(db) as store:
        found, _ = link_store_entities(store, _analyses(store))
    rows = [e for e in found if kind is None or e.kind == kind]
    rows.sort(key=lambda e: (-e.mention_count, e.name))
    if as_json:
        print_json(rows)
        return
    if not rows:
        note("no entities found" + (f" of kind {kind.value}" if kind else ""))
        return
    table = Table("entity", "kind", "mentions", "articles", "also written")
    for entity in rows:
        others = ", ".join(a for a in entity.aliases if a != entity.name)
        table.add_row(
            escape(entity.name),
            str(entity.kind),
            str(entity.mention_count),
            str(len(entity.article_ids)),
            escape(others),
        )
    console().print(table)


def quotes(
    db: Path = DB_OPTION,
    speaker: str | None = typer.Option(None, "--speaker", help="Only quotes by this speaker."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List quotes grouped by speaker, each with its article.

    Example: storyline quotes --db news.db --speaker Kerry
    """
    with store_at(db) as store:
        analyses = _analyses(store)
        found, entity_map = link_store_entities(store, analyses)
        sources = {article.id: source_label(article) for article in store.iter_articles()}
    names = {e.key: e.name for e in found}
    by_speaker: dict[str, list[tuple[str, Quote]]] = defaultdict(list)
    for analysis in analyses:
        # As the reports list them: the words a reported quote holds are not listed again.
        for quote in analysis.quotes if as_json else shown_quotes(analysis.quotes):
            by_speaker[_speaker_name(analysis, quote, entity_map, names)].append(
                (analysis.article_id, quote)
            )
    if speaker:
        wanted = speaker.casefold()
        by_speaker = {k: v for k, v in by_speaker.items() if wanted in k.casefold()}
    if as_json:
        print_json(
            {
                name: [{"article_id": a, "quote": q} for a, q in items]
                for name, items in by_speaker.items()
            }
        )
        return
    if not by_speaker:
        note(f"no quotes found by a speaker matching {speaker!r}" if speaker else "no quotes found")
        return
    out = console()
    for name in sorted(by_speaker, key=lambda n: -len(by_speaker[n])):
        out.print(f"[bold]{escape(name)}[/bold]", markup=True)
        for article_id, quote in by_speaker[name]:
            # Reported speech is the writer's wording: no quotation marks around it.
            words = f"“{quote.text}”" if quote.direct else f"{quote.text} (reported)"
            source = sources.get(article_id, article_id[:8])
            out.print(f"  {words}  [{source}]", markup=False)


def _speaker_name(
    analysis: ArticleAnalysis,
    quote: Quote,
    entity_map: dict[tuple[str, str], str],
    names: dict[str, str],
) -> str:
    if quote.speaker is not None:
        key = entity_map.get((analysis.article_id, quote.speaker), quote.speaker)
        return names.get(key, quote.speaker_text or key)
    if quote.speaker_kind == "unnamed":
        return f"{quote.speaker_text} (unnamed)"
    return "(speaker unknown)"


def dates(
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List each article's publication date (with its evidence) and resolved date mentions.

    Example: storyline dates --db news.db
    """
    with store_at(db) as store:
        analyses = _analyses(store)
    if as_json:
        print_json(
            [
                {"article_id": a.article_id, "published": a.published, "dates": a.dates}
                for a in analyses
            ]
        )
        return
    if not analyses:
        note("no analysed articles found (run `storyline ingest` first)")
        return
    out = console()
    for a in analyses:
        p = a.published
        span = p.day or (f"{p.earliest} .. {p.latest}" if p.earliest or p.latest else "unknown")
        out.print(f"[bold]{a.article_id[:12]}[/bold] ", markup=True, end="")
        out.print(f"published {span} ({p.source})", markup=False)
        for evidence in p.evidence:
            out.print(f"    evidence: {evidence}", markup=False)
        for mention in a.dates:
            value = time_label(mention.value) if mention.value else "unresolved"
            out.print(f"  {mention.text!r:40} -> {value}", markup=False)


def entity_names(found: list[Entity] | tuple[Entity, ...]) -> dict[str, str]:
    return {e.key: e.name for e in found}
