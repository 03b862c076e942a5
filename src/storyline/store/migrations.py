"""The store's schema, as an ordered list of recorded migrations.

Like sqlite-utils' ``sqlite-migrate``: each migration is a plain Python function that
receives the connection, and its name is written to the ``migrations`` table in the same
transaction that ran it.  Opening a store applies the missing ones, in order, once.  A
store whose table names a migration this version does not know was written by a newer
storyline and is refused, so an old version never scribbles over a schema it cannot read.

Never edit a migration that has shipped: append a new one.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storyline.errors import StoreError

MIGRATION_SET = "storyline"


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _create_raw(conn: sqlite3.Connection) -> None:
    # Input bytes keyed by their sha256: a feed shared by 50 items is stored once.
    conn.execute(
        """CREATE TABLE raw (
            id TEXT PRIMARY KEY,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            location TEXT NOT NULL,
            bytes BLOB NOT NULL
        )"""
    )


def _create_articles(conn: sqlite3.Connection) -> None:
    # raw_id is deliberately not a foreign key: articles may arrive without their raw input
    # (imports, tests), and ingest writes both rows in one transaction anyway.
    conn.execute(
        """CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            outlet TEXT,
            url TEXT,
            published TEXT,
            sort_key TEXT NOT NULL,
            language TEXT,
            raw_id TEXT NOT NULL,
            data TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX articles_by_date ON articles (sort_key, id)")
    conn.execute("CREATE INDEX articles_by_outlet ON articles (outlet, sort_key, id)")
    conn.execute("CREATE INDEX articles_by_raw ON articles (raw_id)")


def _create_search(conn: sqlite3.Connection) -> None:
    # External-content FTS5 over a view, so the text is stored once (inside the JSON) and
    # snippet() can still read it back.  Articles are immutable: insert and delete suffice.
    conn.execute(
        """CREATE VIEW articles_search AS
           SELECT rowid AS rid, title, json_extract(data, '$.text') AS text FROM articles"""
    )
    conn.execute(
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles_search', content_rowid='rid',
            tokenize='porter unicode61 remove_diacritics 2'
        )"""
    )
    conn.execute(
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text)
            VALUES (new.rowid, new.title, json_extract(new.data, '$.text'));
        END"""
    )
    conn.execute(
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, json_extract(old.data, '$.text'));
        END"""
    )


def _create_problems(conn: sqlite3.Connection) -> None:
    # `fingerprint` makes re-running the same ingest add nothing new.
    conn.execute(
        """CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            run_id TEXT,
            stage TEXT NOT NULL,
            code TEXT NOT NULL,
            location TEXT NOT NULL,
            data TEXT NOT NULL
        )"""
    )


def _create_analyses(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE analyses (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            analyzer TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (article_id, analyzer)
        )"""
    )
    conn.execute("CREATE INDEX analyses_by_analyzer ON analyses (analyzer, article_id)")


def _create_entities(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE entity_sets (
            algorithm TEXT PRIMARY KEY,
            saved TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE entities (
            algorithm TEXT NOT NULL REFERENCES entity_sets (algorithm) ON DELETE CASCADE,
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            mention_count INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (algorithm, key)
        )"""
    )


def _create_organisations(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE organisations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            version TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            saved TEXT NOT NULL
        )"""
    )
    # One row per duplicate group, story, thread or timeline, in the algorithm's order.
    conn.execute(
        """CREATE TABLE organisation_items (
            organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            position INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (organisation_id, kind, position)
        )"""
    )


def _index_from_python(conn: sqlite3.Connection) -> None:
    # bench/ingest.py --store-only: the insert trigger's json_extract re-parsed every
    # article's JSON (~6 KB) and made indexing 0.66 ms/article against 0.37 ms when
    # Store.add_article passes the text it already holds.  Deletes keep their trigger.
    conn.execute("DROP TRIGGER articles_fts_insert")


MIGRATIONS: Sequence[Migration] = (
    Migration("m001_raw", _create_raw),
    Migration("m002_articles", _create_articles),
    Migration("m003_search", _create_search),
    Migration("m004_problems", _create_problems),
    Migration("m005_analyses", _create_analyses),
    Migration("m006_entities", _create_entities),
    Migration("m007_organisations", _create_organisations),
    Migration("m008_index_from_python", _index_from_python),
)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names recorded in the ``migrations`` table, oldest first."""
    rows = conn.execute(
        "SELECT name FROM migrations WHERE migration_set = ? ORDER BY applied, rowid",
        (MIGRATION_SET,),
    ).fetchall()
    return [name for (name,) in rows]


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the missing migrations, each in its own transaction; return the names applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    conn.execute(
        """CREATE TABLE IF NOT EXISTS migrations (
            migration_set TEXT NOT NULL,
            name TEXT NOT NULL,
            applied TEXT NOT NULL,
            PRIMARY KEY (migration_set, name)
        )"""
    )
    done = applied_migrations(conn)
    _refuse_newer(done, migrations)
    applied = []
    for migration in migrations:
        if migration.name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO migrations (migration_set, name, applied) VALUES (?, ?, ?)",
                (MIGRATION_SET, migration.name, dt.datetime.now(dt.UTC).isoformat()),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(migration.name)
    return applied


def _refuse_newer(done: Sequence[str], migrations: Sequence[Migration]) -> None:
    known = {migration.name for migration in migrations}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"this store was written by a newer storyline (unknown schema migrations: "
            f"{', '.join(unknown)})",
            hint="upgrade storyline, or open a different --db file",
        )
