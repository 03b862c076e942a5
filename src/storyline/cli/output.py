"""What every command shares: the console, exit codes, JSON output and progress bars."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from storyline import codec
from storyline.cli.ids import IdNotFound, resolve_id
from storyline.errors import StorylineError
from storyline.models import Problem, Severity
from storyline.store import Store, open_store

DEFAULT_DB = Path("storyline.db")

# `ingest` creates its store; every other command reads one and refuses a missing file.
NEW_DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="SQLite store file (created when missing).")
DB_OPTION = typer.Option(
    DEFAULT_DB, "--db", help="SQLite store file, made by `storyline ingest` (must exist)."
)
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


class ExitCode(IntEnum):
    """Documented exit codes (README, `storyline --help`)."""

    OK = 0  # everything was read and processed
    FAILED = 1  # nothing useful was done: an error, or no input held an article
    USAGE = 2  # the command line was wrong (Typer/Click's own code)
    PARTIAL = 3  # done, but some inputs were bad and skipped (each one reported)


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def wants_progress() -> bool:
    """Progress bars only for a person at a terminal: never in pipes or CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress_reporter() -> Iterator[Any]:
    """A pipeline progress callback drawing one Rich bar per stage (or doing nothing)."""
    if not wants_progress():
        yield lambda stage, done, total: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console(stderr=True), transient=True) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 story"``, ``"3 stories"``: the count with the noun it needs."""
    noun = singular if count == 1 else plural_form or singular + "s"
    return f"{count} {noun}"


def print_json(value: Any) -> None:
    typer.echo(json.dumps(codec.to_jsonable(value), ensure_ascii=False, indent=2))


def report_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    err = console(stderr=True)
    for problem in problems:
        label = "error" if problem.severity == "error" else "warning"
        # The description quotes file names and article text: escaped, never read as markup.
        err.print(f"[bold]{label}[/bold]: {escape(problem.describe())}", markup=True)


def note(message: str) -> None:
    """A one-line note on stderr (e.g. "no quotes found"), so stdout stays parseable."""
    console(stderr=True).print(message, markup=False)


def batch_exit_code(items_read: int, problems: Iterable[Problem]) -> ExitCode:
    """The documented exit code of a run that read ``items_read`` items with ``problems``.

    Nothing read at all is a failure (1), whatever the reason; something read beside bad
    inputs is a partial success (3); warnings alone do not change a success.
    """
    if items_read == 0:
        return ExitCode.FAILED
    if any(problem.severity is Severity.ERROR for problem in problems):
        return ExitCode.PARTIAL
    return ExitCode.OK


def fail(error: StorylineError) -> typer.Exit:
    console(stderr=True).print(f"[bold red]error[/bold red]: {escape(str(error))}", markup=True)
    return typer.Exit(ExitCode.FAILED)


@contextmanager
def store_at(db: Path, must_exist: bool = True) -> Iterator[Store]:
    """Open the store for a command, turning our errors into a clean CLI exit."""
    if must_exist and not db.exists():
        console(stderr=True).print(
            f"error: no store at {db} (run `storyline ingest PATH --db {db}` first)", markup=False
        )
        raise typer.Exit(ExitCode.FAILED)
    try:
        with open_store(db) as store:
            yield store
    except StorylineError as error:
        raise fail(error) from error


def wanted_id(wanted: str | None, ids: list[str], kind: str, listing: str) -> str | None:
    """The id ``wanted`` names among ``ids`` (None: every one), or a clean exit saying why
    not (no such id, or a prefix naming several: ``cli.ids.resolve_id``)."""
    if wanted is None:
        return None
    try:
        return resolve_id(wanted, ids, kind, listing)
    except IdNotFound as error:
        console(stderr=True).print(f"error: {error}", markup=False)
        raise typer.Exit(ExitCode.FAILED) from error
