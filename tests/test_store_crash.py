"""Crash safety, for real: a writer process killed with SIGKILL half-way through an ingest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storyline.store import open_store

TOTAL = 3000

# The child stores TOTAL articles, each with its own raw input, the way an ingest does.
# Half-way it says so and slows down, so the parent's SIGKILL lands mid-batch.
WRITER = textwrap.dedent(
    """
    import dataclasses, hashlib, sys, time
    sys.path.insert(0, sys.argv[3])
    from builders import build_article
    from storyline.models import Origin, RawDocument
    from storyline.store import open_store

    path, total = sys.argv[1], int(sys.argv[2])
    with open_store(path) as store:
        for n in range(total):
            data = f"<html><body><p>Dispatch {n} from the wire.</p></body></html>".encode()
            raw = RawDocument(data, "text/html", Origin(f"wire/{n}.html"))
            raw_id = store.add_raw(raw)
            article = build_article(f"Dispatch {n} from the wire.", title=f"Dispatch {n}")
            store.add_article(dataclasses.replace(article, raw_id=raw_id))
            if n == total // 2:
                print("half-way", flush=True)
            if n > total // 2:
                time.sleep(0.001)
    print("done", flush=True)
    """
)


def run_writer(path: Path, kill_half_way: bool) -> str:
    """Run the writer; kill it with SIGKILL as soon as it is half-way, if asked."""
    tests_dir = str(Path(__file__).parent)
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(TOTAL), tests_dir],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    ) as child:
        assert child.stdout is not None
        first_line = child.stdout.readline().strip()
        if kill_half_way and first_line == "half-way":
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            return "killed"
        rest = child.stdout.read()
        child.wait(timeout=120)
    return (first_line + " " + rest).strip()


def orphaned_articles(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(
            conn.execute(
                "SELECT count(*) FROM articles WHERE raw_id NOT IN (SELECT id FROM raw)"
            ).fetchone()[0]
        )
    finally:
        conn.close()


def integrity(path: Path) -> str:
    """SQLite's own page check, on a bare connection before the store touches the file."""
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_ingest_killed_half_way_leaves_a_consistent_store_and_a_rerun_finishes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.db"
    assert run_writer(path, kill_half_way=True) == "killed"

    assert integrity(path) == "ok"
    assert orphaned_articles(path) == 0
    with open_store(path) as store:
        store.check()
        survived = store.count_articles()
        assert 0 < survived < TOTAL
        assert store.counts().raw >= survived

    assert run_writer(path, kill_half_way=False).endswith("done")

    assert integrity(path) == "ok"
    with open_store(path) as store:
        store.check()
        assert store.count_articles() == TOTAL
        assert store.counts().raw == TOTAL
        assert len(store.search("dispatch", limit=TOTAL + 1)) == TOTAL
