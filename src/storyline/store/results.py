"""SQL for the later stages' results: analyses, entities, organisations, problems.

Plain functions over a connection; ``Store`` calls them inside its transactions.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence

from storyline import codec
from storyline.models import (
    ArticleAnalysis,
    DuplicateGroup,
    Entity,
    Problem,
    Story,
    Thread,
    TimelineEvent,
)
from storyline.store.queries import problem_fingerprint, split_algorithm
from storyline.store.records import Organisation

# Rows fetched per query while streaming analyses; bounds memory, not tuned further.
PAGE_SIZE = 500

Timelines = Sequence[tuple[str, Sequence[TimelineEvent]]]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


# --------------------------------------------------------------------------- problems


def add_problem(conn: sqlite3.Connection, problem: Problem, run_id: str | None) -> None:
    conn.execute(
        """INSERT INTO problems (fingerprint, run_id, stage, code, location, data)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING""",
        (
            problem_fingerprint(problem),
            run_id,
            problem.stage,
            problem.code,
            problem.origin.location,
            codec.dumps(problem),
        ),
    )


def problems(conn: sqlite3.Connection, run_id: str | None) -> list[Problem]:
    if run_id is None:
        rows = conn.execute("SELECT data FROM problems ORDER BY id").fetchall()
    else:
        rows = conn.execute(
            "SELECT data FROM problems WHERE run_id = ? ORDER BY id", (run_id,)
        ).fetchall()
    return [codec.loads(Problem, data) for (data,) in rows]


# --------------------------------------------------------------------------- analyses


def save_analysis(conn: sqlite3.Connection, analysis: ArticleAnalysis) -> None:
    conn.execute(
        """INSERT INTO analyses (article_id, analyzer, data) VALUES (?, ?, ?)
           ON CONFLICT (article_id, analyzer) DO UPDATE SET data = excluded.data""",
        (analysis.article_id, analysis.analyzer, codec.dumps(analysis)),
    )


def get_analysis(
    conn: sqlite3.Connection, article_id: str, analyzer: str
) -> ArticleAnalysis | None:
    row = conn.execute(
        "SELECT data FROM analyses WHERE article_id = ? AND analyzer = ?",
        (article_id, analyzer),
    ).fetchone()
    return None if row is None else codec.loads(ArticleAnalysis, row[0])


def iter_analyses(conn: sqlite3.Connection, analyzer: str) -> Iterator[ArticleAnalysis]:
    """Every analysis by ``analyzer``, by article id, a page at a time.

    Each page is a fresh query (keyset pagination), so the caller may write to the store
    between items without disturbing the iteration.
    """
    last = ""
    while True:
        rows = conn.execute(
            """SELECT article_id, data FROM analyses
               WHERE analyzer = ? AND article_id > ? ORDER BY article_id LIMIT ?""",
            (analyzer, last, PAGE_SIZE),
        ).fetchall()
        for _, data in rows:
            yield codec.loads(ArticleAnalysis, data)
        if len(rows) < PAGE_SIZE:
            return
        last = rows[-1][0]


# --------------------------------------------------------------------------- entities


def save_entities(conn: sqlite3.Connection, entities: Sequence[Entity], algorithm: str) -> None:
    conn.execute("DELETE FROM entity_sets WHERE algorithm = ?", (algorithm,))
    conn.execute("INSERT INTO entity_sets (algorithm, saved) VALUES (?, ?)", (algorithm, _now()))
    conn.executemany(
        """INSERT INTO entities (algorithm, key, name, kind, mention_count, data)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (
            (algorithm, e.key, e.name, e.kind.value, e.mention_count, codec.dumps(e))
            for e in entities
        ),
    )


def entities(conn: sqlite3.Connection, algorithm: str | None) -> list[Entity]:
    """The entities of ``algorithm``, or of the set saved last; most mentioned first."""
    if algorithm is None:
        row = conn.execute(
            "SELECT algorithm FROM entity_sets ORDER BY saved DESC, rowid DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return []
        algorithm = row[0]
    rows = conn.execute(
        "SELECT data FROM entities WHERE algorithm = ? ORDER BY mention_count DESC, key",
        (algorithm,),
    ).fetchall()
    return [codec.loads(Entity, data) for (data,) in rows]


# --------------------------------------------------------------------------- organisations


def save_organisation(
    conn: sqlite3.Connection,
    algorithm: str,
    duplicates: Sequence[DuplicateGroup],
    stories: Sequence[Story],
    threads: Sequence[Thread],
    timelines: Timelines,
) -> None:
    name, version = split_algorithm(algorithm)
    conn.execute("DELETE FROM organisations WHERE name = ?", (name,))
    cursor = conn.execute(
        "INSERT INTO organisations (name, version, algorithm, saved) VALUES (?, ?, ?, ?)",
        (name, version, algorithm, _now()),
    )
    organisation_id = cursor.lastrowid
    items: list[tuple[str, str, str]] = [
        *(("duplicate", group.id, codec.dumps(group)) for group in duplicates),
        *(("story", story.id, codec.dumps(story)) for story in stories),
        *(("thread", thread.id, codec.dumps(thread)) for thread in threads),
        *(("timeline", thread_id, codec.dumps(tuple(events))) for thread_id, events in timelines),
    ]
    conn.executemany(
        """INSERT INTO organisation_items (organisation_id, kind, position, item_id, data)
           VALUES (?, ?, ?, ?, ?)""",
        (
            (organisation_id, kind, n, item_id, data)
            for n, (kind, item_id, data) in enumerate(items)
        ),
    )


def load_organisation(conn: sqlite3.Connection, algorithm: str | None) -> Organisation | None:
    """The organisation saved under ``algorithm``'s name, or the one saved last."""
    if algorithm is None:
        row = conn.execute(
            "SELECT id, algorithm, saved FROM organisations ORDER BY saved DESC, id DESC LIMIT 1"
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT id, algorithm, saved FROM organisations WHERE name = ?",
            (split_algorithm(algorithm)[0],),
        ).fetchone()
    if row is None:
        return None
    organisation_id, full_name, saved = row
    items: dict[str, list[tuple[str, str]]] = {}
    for kind, item_id, data in conn.execute(
        """SELECT kind, item_id, data FROM organisation_items
           WHERE organisation_id = ? ORDER BY position""",
        (organisation_id,),
    ):
        items.setdefault(kind, []).append((item_id, data))
    return Organisation(
        duplicates=tuple(codec.loads(DuplicateGroup, d) for _, d in items.get("duplicate", [])),
        stories=tuple(codec.loads(Story, d) for _, d in items.get("story", [])),
        threads=tuple(codec.loads(Thread, d) for _, d in items.get("thread", [])),
        timelines=tuple(
            (thread_id, codec.loads(tuple[TimelineEvent, ...], d))
            for thread_id, d in items.get("timeline", [])
        ),
        algorithm=full_name,
        saved=dt.datetime.fromisoformat(saved),
    )
