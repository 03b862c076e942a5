"""The embedded SQLite store: one file, WAL journal, foreign keys, batched transactions.

Writes outside an explicit ``transaction()`` are grouped into batches that commit every
``BATCH_ARTICLES`` units or ``BATCH_SECONDS``, whichever comes first.  A batch only ever
commits *before* an ``add_raw`` or *after* an ``add_article``, so an article and the raw
input written just before it always share a transaction: a process killed at any moment
leaves whole articles, and re-running the ingest adds exactly the missing ones (ids are
content hashes, inserts ignore what exists).
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from storyline import codec
from storyline.errors import StoreError
from storyline.models import (
    Article,
    ArticleAnalysis,
    DuplicateGroup,
    Entity,
    Problem,
    RawDocument,
    Story,
    Thread,
)
from storyline.store import results, search
from storyline.store.failures import check_integrity, store_errors
from storyline.store.migrations import migrate
from storyline.store.queries import UNKNOWN_DATE_KEY, published_text
from storyline.store.records import Organisation, SearchHit, StoreCounts

# Set with bench/ingest.py --store-only (3000 articles, median of 3 on a shared 2-core box):
# 1 article per commit 660/s, 20: 1200/s, 200: 1370/s, 1000: 1950/s, one transaction 1900/s;
# above 200 the gain was within run-to-run noise.  The real pipeline (150-600 articles/s)
# commits on the 1 s bound first, which also bounds what a crash can lose.
BATCH_ARTICLES = 200
BATCH_SECONDS = 1.0
PAGE_SIZE = 500  # rows per query while streaming articles; bounds memory
BUSY_TIMEOUT_MS = 5000  # wait this long for another writer before reporting "locked"
PREFIX_END = "\U0010ffff"  # sorts after every character an id can hold


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``path``; None means in memory."""
    file = None if path is None or str(path) == ":memory:" else Path(path)
    target = file or ":memory:"
    if file is not None and not file.parent.is_dir():
        raise StoreError(f"cannot create store {file}: {file.parent} is not a directory")
    try:
        conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open store {target}: {error}") from error
    try:
        _configure(conn, in_memory=file is None)
        migrate(conn)
    except sqlite3.Error as error:
        conn.close()
        raise StoreError(
            f"cannot open store {target}: {error}",
            hint="is it a storyline store? check the --db path, or start a new store file",
        ) from error
    except BaseException:
        conn.close()
        raise
    return Store(conn, file)


def _configure(conn: sqlite3.Connection, in_memory: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not in_memory:
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL never corrupts; a power cut may lose the last commits only.
        conn.execute("PRAGMA synchronous = NORMAL")


class Store:
    """Articles, their raw inputs, analyses and organisation results in one SQLite file.

    Not safe for concurrent use from several threads: open one store per thread (SQLite's
    WAL lets several readers and one writer share a file).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0  # nesting of explicit transaction() blocks
        self._batch_units = 0
        self._batch_started = 0.0

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Commit the pending batch and close the file.  Safe to call twice."""
        try:
            self.flush()
        except sqlite3.ProgrammingError:  # already closed
            return
        self._conn.close()

    @store_errors
    def flush(self) -> None:
        """Commit the pending batch now, so other connections see it."""
        if self._depth == 0 and self._conn.in_transaction:
            self._conn.execute("COMMIT")
        self._batch_units = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all; nests with savepoints."""
        if self._depth:
            yield from self._savepoint()
            return
        self.flush()
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _savepoint(self) -> Iterator[None]:
        name = f"storyline_{self._depth}"
        self._conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._conn.execute(f"ROLLBACK TO {name}")
            self._conn.execute(f"RELEASE {name}")
            raise
        else:
            self._conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _begin_unit(self) -> None:
        """Before a unit of work: commit the batch if it is due, then make sure one is open."""
        if self._depth:
            return
        if self._conn.in_transaction and self._batch_due():
            self.flush()
        if not self._conn.in_transaction:
            self._conn.execute("BEGIN")
            self._batch_units = 0
            self._batch_started = time.monotonic()

    def _end_unit(self) -> None:
        """After a whole unit of work (an article with its raw input): commit if due."""
        if self._depth:
            return
        self._batch_units += 1
        if self._batch_due():
            self.flush()

    def _batch_due(self) -> bool:
        return (
            self._batch_units >= BATCH_ARTICLES
            or time.monotonic() - self._batch_started >= BATCH_SECONDS
        )

    def check(self) -> None:
        """Raise StoreError unless the file, its foreign keys and the search index are sound."""
        self.flush()
        check_integrity(self._conn)

    # ------------------------------------------------------------------ raw inputs

    @store_errors
    def add_raw(self, raw: RawDocument) -> str:
        """Keep ``raw.raw`` byte for byte, once per content; return its sha256 id."""
        raw_id = hashlib.sha256(raw.raw).hexdigest()
        self._begin_unit()
        self._conn.execute(
            """INSERT INTO raw (id, media_type, size, location, bytes) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (id) DO NOTHING""",
            (raw_id, raw.media_type, len(raw.raw), raw.origin.location, raw.raw),
        )
        return raw_id

    @store_errors
    def raw_bytes(self, raw_id: str) -> bytes:
        row = self._conn.execute("SELECT bytes FROM raw WHERE id = ?", (raw_id,)).fetchone()
        if row is None:
            raise StoreError(f"no raw input with id {raw_id}", hint="check the id")
        return bytes(row[0])

    # ------------------------------------------------------------------ articles

    @store_errors
    def add_article(self, article: Article) -> bool:
        """Store ``article``; False (and no change at all) when its id is already stored."""
        data = codec.dumps(article)
        published = published_text(article.published)
        self._begin_unit()
        cursor = self._conn.execute(
            """INSERT INTO articles
                   (id, title, outlet, url, published, sort_key, language, raw_id, data)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
            (
                article.id,
                article.title,
                article.outlet,
                article.url,
                published,
                published or UNKNOWN_DATE_KEY,  # what sort_key() gives, computed once
                article.language,
                article.raw_id,
                data,
            ),
        )
        added = cursor.rowcount == 1
        if added:
            self._index(cursor.lastrowid, article)
        self._end_unit()
        return added

    def _index(self, rowid: int | None, article: Article) -> None:
        """Add an article to the search index (here, not by a trigger: see migration m008).

        The index must hold exactly what its content view returns, and SQLite's JSON
        functions cut text at a NUL character, so such rare texts are indexed from the view.
        """
        if "\x00" in article.text:
            self._conn.execute(
                """INSERT INTO articles_fts (rowid, title, text)
                   SELECT rid, title, text FROM articles_search WHERE rid = ?""",
                (rowid,),
            )
            return
        self._conn.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            (rowid, article.title, article.text),
        )

    @store_errors
    def has_article(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    @store_errors
    def get_article(self, article_id: str) -> Article | None:
        """The article with this id, or with this unique id prefix (as git accepts)."""
        row = self._conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        if found is None and article_id:
            rows = self._conn.execute(
                "SELECT id, data FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (article_id, article_id + PREFIX_END),
            ).fetchall()
            if len(rows) > 1:
                raise StoreError(
                    f"article id prefix {article_id!r} is ambiguous "
                    f"({rows[0][0]}, {rows[1][0]}, ...)",
                    hint="give more characters of the id",
                )
            found = (rows[0][1],) if rows else None
        return None if found is None else codec.loads(Article, found[0])

    def iter_articles(self, outlet: str | None = None) -> Iterator[Article]:
        """Every article (of ``outlet``), by publication time then id; unknown dates last.

        Streams a page at a time with a fresh query per page, so memory stays flat and the
        caller may write to the store between items.
        """
        where = "" if outlet is None else "outlet = :outlet AND"
        query = f"""SELECT sort_key, id, data FROM articles
                    WHERE {where} (sort_key, id) > (:key, :id)
                    ORDER BY sort_key, id LIMIT :limit"""
        params: dict[str, object] = {"outlet": outlet, "key": "", "id": "", "limit": PAGE_SIZE}
        while True:
            rows = self._conn.execute(query, params).fetchall()
            for _, _, data in rows:
                yield codec.loads(Article, data)
            if len(rows) < PAGE_SIZE:
                return
            params["key"], params["id"] = rows[-1][0], rows[-1][1]

    @store_errors
    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    @store_errors
    def counts(self) -> StoreCounts:
        def count(table: str) -> int:
            return int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return StoreCounts(
            raw=count("raw"),
            articles=count("articles"),
            analyses=count("analyses"),
            problems=count("problems"),
            entities=count("entities"),
        )

    # ------------------------------------------------------------------ search

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts, best match first.

        ``query`` is FTS5 syntax (``kerry AND lavrov``, ``"peace talks"``, ``talk*``).  When
        it does not parse (``al-Assad``, ``kerry:``), every word is searched as a quoted
        phrase instead.
        """
        return search.search(self._conn, query, limit)

    # ------------------------------------------------------------------ problems

    @store_errors
    def add_problem(self, problem: Problem, run_id: str | None = None) -> None:
        """Record ``problem``; an identical one already recorded is kept as it was."""
        self._begin_unit()
        results.add_problem(self._conn, problem, run_id)
        self._end_unit()

    @store_errors
    def problems(self, run_id: str | None = None) -> list[Problem]:
        """Recorded problems in the order they were first seen (of one run, if given)."""
        return results.problems(self._conn, run_id)

    # ------------------------------------------------------------------ analyses

    @store_errors
    def save_analysis(self, analysis: ArticleAnalysis) -> None:
        """Store ``analysis``, replacing the one of the same article and analyzer."""
        self._begin_unit()
        results.save_analysis(self._conn, analysis)
        self._end_unit()

    @store_errors
    def get_analysis(self, article_id: str, analyzer: str) -> ArticleAnalysis | None:
        return results.get_analysis(self._conn, article_id, analyzer)

    def iter_analyses(self, analyzer: str) -> Iterator[ArticleAnalysis]:
        return results.iter_analyses(self._conn, analyzer)

    # ------------------------------------------------------------------ entities, organisation

    @store_errors
    def save_entities(self, entities: Sequence[Entity], algorithm: str) -> None:
        """Replace the entity set of ``algorithm`` with ``entities``, atomically."""
        with self.transaction():
            results.save_entities(self._conn, entities, algorithm)

    @store_errors
    def entities(self, algorithm: str | None = None) -> list[Entity]:
        """The entities of ``algorithm`` (default: the set saved last), most mentioned first."""
        return results.entities(self._conn, algorithm)

    @store_errors
    def save_organisation(
        self,
        algorithm: str,
        duplicates: Sequence[DuplicateGroup],
        stories: Sequence[Story],
        threads: Sequence[Thread],
        timelines: results.Timelines,
    ) -> None:
        """Replace the result saved under ``algorithm``'s name (any version), atomically.

        ``algorithm`` is a versioned name such as ``"organise.v2"``: saving it replaces
        ``"organise.v1"``'s result, and the full name is kept with the new one.
        """
        with self.transaction():
            results.save_organisation(
                self._conn, algorithm, duplicates, stories, threads, timelines
            )

    @store_errors
    def load_organisation(self, algorithm: str | None = None) -> Organisation | None:
        """The result saved under ``algorithm``'s name, or the one saved last."""
        return results.load_organisation(self._conn, algorithm)
