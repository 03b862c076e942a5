"""Commands over the stored corpus: ingest, clean, articles, show, search, problems."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from storyline.clean import clean, explain
from storyline.cli.output import (
    DEFAULT_DB,
    ExitCode,
    console,
    fail,
    print_json,
    progress_reporter,
    report_problems,
    store_at,
)
from storyline.errors import ConfigError, StorylineError
from storyline.ingest import IngestOptions, extract, read
from storyline.ingest import parse_field_map as ingest_field_map
from storyline.models import Article, Problem
from storyline.pipeline import ingest_into

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="SQLite store file (created when missing).")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


def parse_field_map(fields: list[str]) -> tuple[tuple[str, str], ...]:
    """The --field options as pairs; a malformed one is a usage error."""
    try:
        return ingest_field_map(fields)
    except ConfigError as error:
        raise typer.BadParameter(str(error)) from error


def ingest(
    sources: list[str] = typer.Argument(..., help="Files, directories, URLs, or - for stdin."),
    db: Path = DB_OPTION,
    field: list[str] = typer.Option(
        [], "--field", help="Map a JSON field: NAME=PATH (e.g. text=article.body). Repeatable."
    ),
    allow_private_urls: bool = typer.Option(
        False, "--allow-private-urls", help="Allow URLs on loopback/private addresses."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Read articles from files, directories, feeds, WARCs or URLs into the store.

    Example: storyline ingest ../shared/samples/syria-talks --db news.db
    """
    options = IngestOptions(field_map=parse_field_map(field), allow_private_urls=allow_private_urls)
    with store_at(db, must_exist=False) as store, progress_reporter() as progress:
        try:
            report = ingest_into(store, sources, options, progress=progress)
        except StorylineError as error:
            raise fail(error) from error
    if as_json:
        print_json(report)
    else:
        console().print(
            f"{len(report.added)} new, {len(report.unchanged)} already stored, "
            f"{len(report.errors)} skipped -> {db}"
        )
    report_problems(report.problems)
    if report.errors:
        raise typer.Exit(ExitCode.PARTIAL)


def clean_command(
    source: str = typer.Argument(..., help="One file (or URL) to extract and clean."),
    explain_removals: bool = typer.Option(
        False, "--explain", help="List every removal with the rule that made it."
    ),
    as_json: bool = JSON_OPTION,
) -> None:
    """Show what cleaning keeps and removes for one input, without storing anything.

    Example: storyline clean article.html --explain
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read([source]):
        draft = item if isinstance(item, Problem) else extract(item)
        if isinstance(draft, Problem):
            problems.append(draft)
        else:
            articles.append(clean(draft))
    if as_json:
        print_json(articles)
    for article in articles if not as_json else ():
        console().print(f"[bold]{article.title}[/bold]\n", markup=True)
        console().print(article.text, markup=False)
        if explain_removals:
            console().print("\n" + explain(article), markup=False)
    report_problems(problems)
    if problems:
        raise typer.Exit(ExitCode.PARTIAL)


def articles(
    db: Path = DB_OPTION,
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List stored articles.

    Example: storyline articles --db news.db --outlet "Example Wire"
    """
    with store_at(db) as store:
        rows = list(store.iter_articles(outlet=outlet))
    if as_json:
        print_json([_summary(a) for a in rows])
        return
    table = Table("id", "published", "outlet", "title", "removed")
    for article in rows:
        day = article.published.day or article.published.earliest
        table.add_row(
            article.id[:12],
            str(day or "?"),
            article.outlet or "",
            article.title,
            str(len(article.removals)),
        )
    console().print(table)


def _summary(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "removals": len(article.removals),
    }


def show(
    article_id: str = typer.Argument(..., help="Article id (a unique prefix is enough)."),
    db: Path = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Show one article: metadata, clean text and what cleaning removed.

    Example: storyline show 3f2a9c --db news.db
    """
    with store_at(db) as store:
        article = store.get_article(article_id)
    if article is None:
        console(stderr=True).print(f"error: no article with id {article_id!r} in {db}")
        raise typer.Exit(ExitCode.FAILED)
    if as_json:
        print_json(article)
        return
    out = console()
    out.print(f"[bold]{article.title}[/bold]", markup=True)
    day = article.published
    out.print(
        f"id {article.id} · {article.outlet or 'unknown outlet'} · "
        f"published {day.day or day.earliest or 'unknown'} ({day.source}) · "
        f"place {article.place or '-'} · {article.url or article.origin.describe()}",
        markup=False,
    )
    out.print("\n" + article.text + "\n", markup=False)
    out.print(explain(article), markup=False)


def search(
    query: str = typer.Argument(..., help="Full-text query (SQLite FTS5 syntax)."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many hits."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Full-text search over stored articles.

    Example: storyline search "peace talks" --db news.db
    """
    with store_at(db) as store:
        try:
            hits = store.search(query, limit=limit)
        except StorylineError as error:
            raise fail(error) from error
    if as_json:
        print_json(hits)
        return
    table = Table("id", "title", "snippet")
    for hit in hits:
        table.add_row(hit.article_id[:12], hit.title, hit.snippet)
    console().print(table)


def problems(db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """List the bad inputs recorded by earlier runs, with what to do about each.

    Example: storyline problems --db news.db
    """
    with store_at(db) as store:
        found = store.problems()
    if as_json:
        print_json(found)
        return
    table = Table("input", "problem", "what to do")
    for problem in found:
        table.add_row(problem.origin.describe(), problem.message, problem.hint)
    console().print(table)
