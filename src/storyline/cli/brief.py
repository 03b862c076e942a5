"""The one-shot command: every stage from sources to a report file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from storyline.cli.corpus import parse_field_map
from storyline.cli.output import (
    ExitCode,
    console,
    fail,
    progress_reporter,
    report_problems,
    store_at,
)
from storyline.errors import StorylineError
from storyline.ingest import IngestOptions
from storyline.models import Severity
from storyline.pipeline import BriefOptions, brief
from storyline.report import write_report


def brief_command(
    sources: list[str] = typer.Argument(..., help="Files, directories, URLs, or - for stdin."),
    output: Path = typer.Option(
        ..., "-o", "--output", help="Report file: .md, .html or .json (format from the suffix)."
    ),
    db: Path | None = typer.Option(
        None, "--db", help="Keep the store in this file (default: a temporary store)."
    ),
    field: list[str] = typer.Option([], "--field", help="Map a JSON field: NAME=PATH."),
    allow_private_urls: bool = typer.Option(
        False, "--allow-private-urls", help="Allow URLs on loopback/private addresses."
    ),
    no_analysis: bool = typer.Option(
        False, "--no-analysis", help="Skip the language-model stages (articles only)."
    ),
) -> None:
    """Run the whole pipeline on SOURCES and write a briefing report.

    Example: storyline brief ../shared/samples/syria-talks -o briefing.html
    """
    ingest_options = IngestOptions(
        field_map=parse_field_map(field), allow_private_urls=allow_private_urls
    )
    options = BriefOptions(ingest=ingest_options, analyse=not no_analysis)
    with tempfile.TemporaryDirectory() as scratch:
        path = db or Path(scratch) / "brief.db"
        with store_at(path, must_exist=False) as store, progress_reporter() as progress:
            try:
                briefing = brief(store, sources, options, progress)
                write_report(briefing, output)
            except StorylineError as error:
                raise fail(error) from error
    report_problems(briefing.problems)
    console(stderr=True).print(
        f"{len(briefing.articles)} articles, {len(briefing.stories)} stories, "
        f"{len(briefing.threads)} threads -> {output}",
        markup=False,
    )
    if any(p.severity is Severity.ERROR for p in briefing.problems):
        raise typer.Exit(ExitCode.PARTIAL)
