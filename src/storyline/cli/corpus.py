"""Commands over the stored corpus: ingest, clean, articles, show, search, problems."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline.clean import clean, explain
from storyline.cli.output import (
    DB_OPTION,
    JSON_OPTION,
    NEW_DB_OPTION,
    ExitCode,
    batch_exit_code,
    console,
    fail,
    note,
    print_json,
    progress_reporter,
    report_problems,
    store_at,
)
from storyline.cli.snippets import snippet_parts
from storyline.cli.sources import nothing_read, prepare_sources, report_left_out
from storyline.errors import ConfigError, StorylineError
from storyline.ingest import IngestOptions, extract_with_warnings, read
from storyline.ingest import parse_field_map as ingest_field_map
from storyline.models import Article, Problem, Severity
from storyline.pipeline import ingest_into


def parse_field_map(fields: list[str]) -> tuple[tuple[str, str], ...]:
    """The --field options as pairs; a malformed one is a usage error."""
    try:
        return ingest_field_map(fields)
    except ConfigError as error:
        raise typer.BadParameter(str(error)) from error


def ingest(
    sources: list[str] = typer.Argument(..., help="Files, directories, URLs, or - for stdin."),
    db: Path = NEW_DB_OPTION,
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
    prepared = prepare_sources(sources, db)
    report_left_out(prepared)
    with store_at(db, must_exist=False) as store, progress_reporter() as progress:
        try:
            report = ingest_into(store, prepared.to_read, options, progress=progress)
            for problem in prepared.problems:
                store.add_problem(problem)
        except StorylineError as error:
            raise fail(error) from error
    problems = (*prepared.problems, *report.problems)
    skipped = sum(problem.severity is Severity.ERROR for problem in problems)
    if as_json:
        print_json(report)
    else:
        console().print(
            f"{len(report.added)} new, {len(report.unchanged)} already stored, "
            f"{skipped} skipped -> {db}",
            markup=False,
        )
    report_problems(problems)
    code = batch_exit_code(len(report.added) + len(report.unchanged), problems)
    if code is ExitCode.FAILED:
        nothing_read(problems, sources)
    raise typer.Exit(code)


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
        if isinstance(item, Problem):
            problems.append(item)
            continue
        draft, warnings = extract_with_warnings(item)
        problems.extend(warnings)
        if isinstance(draft, Problem):
            problems.append(draft)
        else:
            articles.append(clean(draft))
    if as_json:
        print_json(articles)
    for article in articles if not as_json else ():
        console().print(f"[bold]{escape(article.title)}[/bold]\n", markup=True)
        console().print(article.text, markup=False)
        if explain_removals:
            console().print("\n" + explain(article), markup=False)
    report_problems(problems)
    # The same code with or without --json: only what was read decides it.
    code = batch_exit_code(len(articles), problems)
    if code is ExitCode.FAILED:
        nothing_read(problems, [source], "nothing to clean")
    raise typer.Exit(code)


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
    if not rows:
        note(f"no articles found in {db}" + (f" from outlet {outlet!r}" if outlet else ""))
        return
    table = Table("id", "published", "outlet", "title", "removed")
    for article in rows:
        day = article.published.day or article.published.earliest
        table.add_row(
            article.id[:12],
            str(day or "?"),
            escape(article.outlet or ""),
            escape(article.title),
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
        console(stderr=True).print(
            f"error: no article with id {article_id!r} in {db} (see `storyline articles`)",
            markup=False,
        )
        raise typer.Exit(ExitCode.FAILED)
    if as_json:
        print_json(article)
        return
    out = console()
    out.print(f"[bold]{escape(article.title)}[/bold]", markup=True)
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
    if not hits:
        note(f"no articles found matching {query!r}")
        return
    table = Table("id", "title", "snippet")
    for hit in hits:
        table.add_row(hit.article_id[:12], escape(hit.title), highlighted_snippet(hit.snippet))
    console().print(table)


def highlighted_snippet(snippet: str) -> Text:
    """The snippet with its matched words in bold; a Text, so nothing in it is markup."""
    text = Text()
    for part, matched in snippet_parts(snippet):
        text.append(part, style="bold" if matched else None)
    return text


def problems(db: Path = DB_OPTION, as_json: bool = JSON_OPTION) -> None:
    """List the bad inputs recorded by earlier runs, with what to do about each.

    Example: storyline problems --db news.db
    """
    with store_at(db) as store:
        found = store.problems()
    if as_json:
        print_json(found)
        return
    if not found:
        note(f"no problems recorded in {db}")
        return
    table = Table("input", "problem", "what to do")
    for problem in found:
        table.add_row(
            *(escape(x) for x in (problem.origin.describe(), problem.message, problem.hint))
        )
    console().print(table)
