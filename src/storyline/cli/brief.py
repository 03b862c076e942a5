"""The one-shot command: every stage from sources to a report file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from storyline.cli.corpus import parse_field_map
from storyline.cli.output import (
    ExitCode,
    batch_exit_code,
    console,
    fail,
    plural,
    progress_reporter,
    report_problems,
    store_at,
)
from storyline.cli.sources import nothing_read, prepare_sources, report_left_out
from storyline.errors import StorylineError
from storyline.ingest import IngestOptions
from storyline.models import Briefing
from storyline.pipeline import BriefOptions, gather_briefing, ingest_into
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

    When no input holds an article, no report is written and the exit code is 1.

    Example: storyline brief ../shared/samples/syria-talks -o briefing.html
    """
    ingest_options = IngestOptions(
        field_map=parse_field_map(field), allow_private_urls=allow_private_urls
    )
    options = BriefOptions(ingest=ingest_options, analyse=not no_analysis)
    with tempfile.TemporaryDirectory() as scratch:
        path = db or Path(scratch) / "brief.db"
        briefing, code = _run(sources, path, options)
        report_problems(briefing.problems)
        if code is not ExitCode.FAILED:
            try:
                write_report(briefing, output)
            except StorylineError as error:
                raise fail(error) from error
    if code is ExitCode.FAILED:
        nothing_read(briefing.problems, sources)
        console(stderr=True).print(f"no report written to {output}", markup=False)
        raise typer.Exit(code)
    console(stderr=True).print(
        f"{plural(len(briefing.articles), 'article')}, "
        f"{plural(len(briefing.stories), 'story', 'stories')}, "
        f"{plural(len(briefing.threads), 'thread')} -> {output}",
        markup=False,
    )
    raise typer.Exit(code)


def _run(sources: list[str], db: Path, options: BriefOptions) -> tuple[Briefing, ExitCode]:
    """The briefing (the same steps as ``storyline.brief``) and the run's exit code.

    When no input held an article the later stages are skipped: the briefing is empty.
    """
    prepared = prepare_sources(sources, db)
    report_left_out(prepared)
    with store_at(db, must_exist=False) as store, progress_reporter() as progress:
        try:
            report = ingest_into(store, prepared.to_read, options.ingest, options.clean, progress)
            for problem in prepared.problems:
                store.add_problem(problem)
            problems = (*prepared.problems, *report.problems)
            read = len(report.added) + len(report.unchanged)
            briefing = (
                gather_briefing(store, options.analyse, problems, progress)
                if read
                else Briefing(articles=(), problems=problems)
            )
        except StorylineError as error:
            raise fail(error) from error
    return briefing, batch_exit_code(read, briefing.problems)
