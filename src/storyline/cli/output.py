"""What every command shares: the console, exit codes, JSON output and progress bars."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from storyline import codec
from storyline.errors import StorylineError
from storyline.models import Problem
from storyline.store import Store, open_store

DEFAULT_DB = Path("storyline.db")


class ExitCode(IntEnum):
    """Documented exit codes (README, `storyline --help`)."""

    OK = 0  # everything was read and processed
    FAILED = 1  # nothing useful was done: a storyline error (message says what to do)
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


def print_json(value: Any) -> None:
    typer.echo(json.dumps(codec.to_jsonable(value), ensure_ascii=False, indent=2))


def report_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    err = console(stderr=True)
    for problem in problems:
        label = "error" if problem.severity == "error" else "warning"
        err.print(f"[bold]{label}[/bold]: {problem.describe()}", markup=True, highlight=False)


def fail(error: StorylineError) -> typer.Exit:
    console(stderr=True).print(f"[bold red]error[/bold red]: {error}", markup=True)
    return typer.Exit(ExitCode.FAILED)


@contextmanager
def store_at(db: Path, must_exist: bool = True) -> Iterator[Store]:
    """Open the store for a command, turning our errors into a clean CLI exit."""
    if must_exist and not db.exists():
        console(stderr=True).print(
            f"error: no store at {db} (run `storyline ingest PATH --db {db}` first)"
        )
        raise typer.Exit(ExitCode.FAILED)
    try:
        with open_store(db) as store:
            yield store
    except StorylineError as error:
        raise fail(error) from error
