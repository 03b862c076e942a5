"""Turning SQLite's failures into StoreErrors that say what to do, and checking a store."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from storyline.errors import StoreError

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S")

REPAIR_HINT = "re-run the ingest into a new --db file; the inputs are the source of truth"


def store_errors(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Decorate a store method so SQLite failures surface as StoreError with a hint."""

    def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.IntegrityError as error:
            hint = (
                "store the article before its analyses"
                if "FOREIGN KEY" in str(error)
                else "each key may appear once per save; report this as a bug"
            )
            raise StoreError(f"{method.__name__}: {error}", hint=hint) from error
        except sqlite3.OperationalError as error:
            hint = (
                "another storyline process is writing this store; wait or use another --db"
                if "locked" in str(error)
                else ""
            )
            raise StoreError(f"{method.__name__}: {error}", hint=hint) from error
        except UnicodeEncodeError as error:
            raise StoreError(
                f"{method.__name__}: text is not valid Unicode ({error.reason})",
                hint="decode the input with errors='replace' before storing it",
            ) from error

    functools.update_wrapper(wrapper, method)
    return wrapper


def check_integrity(conn: sqlite3.Connection) -> None:
    """Raise StoreError unless the pages, foreign keys and search index are all sound."""
    try:
        pages = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        # rank 1: compare the index with the articles it indexes, not only with itself
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        raise StoreError(f"store check failed: {error}", hint=REPAIR_HINT) from error
    if pages != ["ok"] or orphans:
        found = "; ".join(pages[:3]) if pages != ["ok"] else f"{len(orphans)} orphan rows"
        raise StoreError(f"store check failed: {found}", hint=REPAIR_HINT)
