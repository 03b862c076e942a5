"""The sources a command passes to ingest: the store's own files left out, empty folders
reported, and the verdict on a batch that read nothing.

``storyline ingest . --db news.db`` must not read news.db (or its -wal and -shm files) as
articles, and ``storyline ingest empty/`` must say that it found nothing. Both are decided
here, before ingest runs, so the ingest stage stays unaware of where the CLI keeps its store.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.cli.output import console, note
from storyline.ingest.sources import walk_files
from storyline.models import Origin, Problem, Severity

STDIN = "-"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # what ingest treats as a URL
# SQLite's companion files: write-ahead log, shared memory index, rollback journal.
STORE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")
ARTICLE_FORMATS = "text, Markdown, HTML, JSON/JSONL, RSS/Atom or WARC"


@dataclass(frozen=True)
class Sources:
    """What to ingest, and what was left out before reading."""

    to_read: tuple[str, ...]
    store_files_left_out: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()  # folders holding no file, paths that cannot be checked


def prepare_sources(sources: Sequence[str], db: Path | None) -> Sources:
    """``sources`` with the store at ``db`` left out; folders holding no file reported."""
    own = _store_files(db) if db is not None else frozenset()
    to_read: list[str] = []
    left_out: list[str] = []
    problems: list[Problem] = []
    for source in sources:
        path = Path(source)
        if source == STDIN or _URL.match(source):
            to_read.append(source)
        elif (unusable := _unusable(path)) is not None:
            problems.append(unusable)
        elif not path.exists():
            to_read.append(source)  # ingest reports a missing path itself
        elif not path.is_dir():
            (left_out if path.resolve() in own else to_read).append(source)
        else:
            kept, store_files = _folder_files(source, own)
            to_read += kept
            left_out += store_files
            if not kept:
                problems.append(_empty_folder(source))
    return Sources(tuple(to_read), tuple(left_out), tuple(problems))


def _unusable(path: Path) -> Problem | None:
    """A Problem when ``path`` cannot even be looked up (a name too long, a denied folder)."""
    try:
        path.exists()
    except OSError as error:
        return Problem(
            Origin(str(path)[:200]),
            "unusable-path",
            f"the path cannot be looked up ({error.strerror or error})",
            "check the path: its length, spelling and the permissions of its folders",
            stage="ingest",
        )
    return None


def _store_files(db: Path) -> frozenset[Path]:
    store = db.resolve()
    return frozenset(store.with_name(store.name + suffix) for suffix in STORE_FILE_SUFFIXES)


def _folder_files(folder: str, own: frozenset[Path]) -> tuple[list[str], list[str]]:
    """What to read of ``folder`` and which store files were left out of it.

    The folder itself when the store is not below it (ingest walks it, streaming), else its
    files one by one without the store's.
    """
    path = Path(folder)
    if not any(file.is_relative_to(path.resolve()) for file in own):
        return ([folder] if next(walk_files(path), None) else []), []
    files = list(walk_files(path))
    kept = [str(file) for file in files if file.resolve() not in own]
    return kept, [str(file) for file in files if file.resolve() in own]


def _empty_folder(folder: str) -> Problem:
    return Problem(
        Origin(folder),
        "no-articles-found",
        "no articles found: the folder holds no files (hidden files are skipped)",
        f"pass a folder or files holding articles: {ARTICLE_FORMATS}",
        stage="ingest",
        severity=Severity.WARNING,
    )


def report_left_out(sources: Sources) -> None:
    if sources.store_files_left_out:
        files = ", ".join(sources.store_files_left_out)
        note(f"note: left out the store's own files ({files}): a store is never ingested")


def nothing_read(
    problems: Sequence[Problem], inputs: Sequence[str], outcome: str = "nothing was ingested"
) -> None:
    """Say why a batch read no article at all (the caller exits with ExitCode.FAILED)."""
    if any(problem.severity is Severity.ERROR for problem in problems):
        why = "every input was bad or held no article (each one is listed above)"
    else:
        why = f"no articles found in {', '.join(inputs) or 'the inputs'}"
    console(stderr=True).print(
        f"error: {outcome}: {why}. Pass files, folders or URLs holding articles "
        f"({ARTICLE_FORMATS}).",
        markup=False,
    )
