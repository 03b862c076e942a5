"""Full-text search over the articles' FTS5 index: bm25 ranking and marked snippets."""

from __future__ import annotations

import sqlite3

from storyline.errors import StoreError
from storyline.store.queries import quoted_phrase_query
from storyline.store.records import SearchHit

TITLE_WEIGHT = 3.0  # bm25 weight of a title match against 1.0 for the body
SNIPPET_MARKS = ("[", "]")  # around each matched word in SearchHit.snippet
SNIPPET_ELLIPSIS = "…"
SNIPPET_TOKENS = 16  # words of context in a snippet; about one line of a terminal


def search(conn: sqlite3.Connection, query: str, limit: int) -> list[SearchHit]:
    """Articles matching ``query`` (FTS5 syntax, else every word as a phrase), best first."""
    if not query.strip() or limit <= 0:
        return []
    try:
        return _match(conn, query, limit)
    except sqlite3.OperationalError:
        pass  # not valid FTS5 syntax: search the words literally
    try:
        return _match(conn, quoted_phrase_query(query), limit)
    except sqlite3.OperationalError as error:
        raise StoreError(
            f"cannot search for {query!r}: {error}",
            hint='put words in double quotes, e.g. "al-Assad"',
        ) from error


def _match(conn: sqlite3.Connection, fts_query: str, limit: int) -> list[SearchHit]:
    rows = conn.execute(
        """SELECT a.id, a.title, snippet(articles_fts, 1, ?, ?, ?, ?),
                  bm25(articles_fts, ?, 1.0) AS rank
           FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid
           WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?""",
        (*SNIPPET_MARKS, SNIPPET_ELLIPSIS, SNIPPET_TOKENS, TITLE_WEIGHT, fts_query, limit),
    ).fetchall()
    # bm25() is lower-is-better; a SearchHit's score is higher-is-better.
    return [SearchHit(id_, title, snippet, -rank) for id_, title, snippet, rank in rows]
