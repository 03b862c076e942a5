"""Ingest benchmark: articles/s and memory of ingest+clean+store, against trafilatura.

    python bench/ingest.py                       # sizes 200,1000: a couple of minutes
    python bench/ingest.py --sizes 1000,10000,100000 --workdir /tmp/bench  # flat memory?
    python bench/ingest.py --store-only          # the SQLite store alone
    python bench/ingest.py --sizes 1000 --formats html --two-pass  # + pipeline.ingest_into

Each (format, size) case runs in a fresh child process so that its peak RSS (getrusage
maxrss) is its own; inside that child, trafilatura's own extraction (``bare_extraction``,
default and ``fast=True``) runs on the same HTML interleaved item by item with ours, so
the time ratio compares like with like on a shared, busy machine (trafilatura's column is
extraction only; ours includes reading the files).  The goal: clean+store add at most 25%
to trafilatura's time, and memory stays flat from 1k to 100k articles.  ``--two-pass`` also
times ``pipeline.ingest_into`` itself, whose extra costs are the spill of each draft to a
temporary file and the boilerplate learning between its two passes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from storyline.models import Origin, Problem, RawDocument
from storyline.store import open_store, sqlite
from synthetic import FORMATS, Corpus, as_article, make_article, render_json, write_corpus

WARMUP_ITEMS = 10  # items run through every stage before timing: lazy imports, caches
SEARCH_QUERIES = ("relief fund", "Wierzbicki", "ceasefire AND border", '"grain exports"', "talk*")
MB = 1024 * 1024


def max_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS; this bench targets Linux).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Accumulated seconds per named stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def time(self, stage: str, work: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = work()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start
        return result


# --------------------------------------------------------------------------- child: pipeline


def run_pipeline(kind: str, size: int, root: str, db: str, trace: bool) -> dict[str, Any]:
    """Ingest, extract, clean and store a corpus, with trafilatura interleaved item by item.

    After each of our items, trafilatura extracts the next page of the same corpus (default
    settings, then ``fast=True``), so both see the same machine load at the same moment.
    """
    from storyline import ingest
    from storyline.clean import clean

    corpus = Corpus(kind, size, Path(root))
    for item in itertools.islice(ingest.read(corpus.paths()), WARMUP_ITEMS):
        if isinstance(item, RawDocument) and not isinstance(draft := ingest.extract(item), Problem):
            clean(draft)
    rss_before = max_rss_mb()
    if trace:
        tracemalloc.start()
    clock, counts = Clock(), {"articles": 0, "problems": 0}
    pages = _pages(corpus) if kind in ("html", "warc") else iter(())
    with open_store(db) as store:
        items = ingest.read(corpus.paths())
        while (item := clock.time("read", lambda: next(items, None))) is not None:
            _ingest_one(store, item, clock, counts, ingest.extract, clean)
            _trafilatura_next(pages, clock)
        clock.time("store", store.flush)
    while _trafilatura_next(pages, clock):
        pass  # pages left over when some of ours were problems
    result: dict[str, Any] = {**counts, "seconds": clock.seconds}
    result["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / MB if trace else None
    tracemalloc.stop()
    result["rss_peak_mb"], result["rss_growth_mb"] = max_rss_mb(), max_rss_mb() - rss_before
    result["db_bytes"] = Path(db).stat().st_size + _wal_size(db)
    return result


def _ingest_one(
    store: Any,
    item: RawDocument | Problem,
    clock: Clock,
    counts: dict[str, int],
    extract: Callable[[RawDocument], Any],
    clean: Callable[[Any], Any],
) -> None:
    if isinstance(item, Problem):
        store.add_problem(item)
        counts["problems"] += 1
        return
    draft = clock.time("extract", lambda: extract(item))
    if isinstance(draft, Problem):
        store.add_problem(draft)
        counts["problems"] += 1
        return
    article = clock.time("clean", lambda: clean(draft))
    counts["articles"] += clock.time("store", lambda: _store_one(store, item, article))


def _store_one(store: Any, raw: RawDocument, article: Any) -> int:
    store.add_raw(raw)
    return 1 if store.add_article(article) else 0


def _trafilatura_next(pages: Iterator[bytes], clock: Clock) -> bool:
    """Extract the next page with trafilatura (default, then fast); False when none is left."""
    page = next(pages, None)
    if page is None:
        return False
    import trafilatura  # only now: text and JSONL runs must not pay for it in memory

    clock.time("trafilatura", lambda: trafilatura.bare_extraction(page, with_metadata=True))
    clock.time(
        "trafilatura_fast",
        lambda: trafilatura.bare_extraction(page, with_metadata=True, fast=True),
    )
    return True


def _wal_size(db: str) -> int:
    wal = Path(db + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def _pages(corpus: Corpus) -> Iterator[bytes]:
    """The HTML bytes of every page: each file, or each WARC response payload."""
    if corpus.kind == "html":
        for path in corpus.paths():
            yield Path(path).read_bytes()
        return
    from warcio.archiveiterator import ArchiveIterator

    with corpus.root.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                yield record.content_stream().read()


# --------------------------------------------------------------------------- child: two-pass


class _TimedPickle:
    """Stands in for the pickle module inside storyline.pipeline: times the spill."""

    HIGHEST_PROTOCOL = pickle.HIGHEST_PROTOCOL

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def dump(self, value: Any, file: Any, protocol: int) -> None:
        self.clock.time("spill", lambda: pickle.dump(value, file, protocol=protocol))

    def load(self, file: Any) -> Any:
        return self.clock.time("spill", lambda: pickle.load(file))


def _timed_pages(pages: Iterator[bytes], clock: Clock) -> Iterator[bytes]:
    """Reading trafilatura's pages happens inside ingest_into's run: timed to leave it out."""
    while (page := clock.time("pages", lambda: next(pages, None))) is not None:
        yield page


def run_two_pass(kind: str, size: int, root: str, db: str) -> dict[str, Any]:
    """``pipeline.ingest_into`` as the CLI runs it (extract, spill, learn; clean, store).

    Its stages are timed through wrappers; trafilatura runs on the next page from the
    progress callback of the first pass, so it still shares the machine load item by item.
    What no wrapper covers is boilerplate learning and the loops ("learn+").
    """
    from storyline import ingest, pipeline
    from storyline.clean import clean

    corpus, clock = Corpus(kind, size, Path(root)), Clock()
    for item in itertools.islice(ingest.read(corpus.paths()), WARMUP_ITEMS):
        if isinstance(item, RawDocument) and not isinstance(draft := ingest.extract(item), Problem):
            clean(draft)
    pages = _timed_pages(_pages(corpus), clock)

    def timed(stage: str, work: Callable[..., Any]) -> Callable[..., Any]:
        return lambda *args: clock.time(stage, lambda: work(*args))

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "reading":
            _trafilatura_next(pages, clock)

    def read(*args: Any) -> Iterator[Any]:
        items = original_read(*args)
        while (item := clock.time("read", lambda: next(items, None))) is not None:
            yield item

    original_read = pipeline.read
    pipeline.read = read  # type: ignore[assignment]
    pipeline.extract = timed("extract", pipeline.extract)  # type: ignore[assignment]
    pipeline.clean = timed("clean", pipeline.clean)  # type: ignore[assignment]
    pipeline.pickle = _TimedPickle(clock)  # type: ignore[assignment]
    with open_store(db) as store:
        for name in ("has_article", "add_raw", "add_article", "flush"):
            setattr(store, name, timed("store", getattr(store, name)))
        start = time.perf_counter()
        report = pipeline.ingest_into(store, corpus.paths(), progress=progress)
        total = time.perf_counter() - start
    while _trafilatura_next(pages, clock):
        pass
    seconds = clock.seconds
    inside = total - seconds.get("trafilatura", 0.0) - seconds.get("trafilatura_fast", 0.0)
    ours = ("read", "extract", "spill", "clean", "store", "pages")
    seconds["learn+"] = inside - sum(seconds.get(stage, 0.0) for stage in ours)
    return {"articles": len(report.added), "problems": len(report.problems), "seconds": seconds}


# --------------------------------------------------------------------------- child: store


def run_store(size: int, db: str, batch: int | None) -> dict[str, Any]:
    """Store synthetic articles (with raw inputs) alone, then read them back and search."""
    if batch is not None:
        sqlite.BATCH_ARTICLES, sqlite.BATCH_SECONDS = batch, 3600.0
    rss_before, clock = max_rss_mb(), Clock()
    with open_store(db) as store:
        for number in range(size):
            synthetic = make_article(number)
            raw = RawDocument(render_json(synthetic).encode(), "application/json", Origin("x"))
            article = as_article(synthetic)
            clock.time("store", lambda: _store_one(store, raw, article))  # noqa: B023
        clock.time("store", store.flush)
        read = clock.time("iterate", lambda: sum(1 for _ in store.iter_articles()))
        for query in SEARCH_QUERIES:
            clock.time("search", lambda: store.search(query))  # noqa: B023
    peer = _plain_sqlite_seconds(size, db + ".peer")
    return {
        "articles": read,
        "seconds": clock.seconds,
        "peer_seconds": peer,
        "rss_growth_mb": max_rss_mb() - rss_before,
        "db_bytes": Path(db).stat().st_size + _wal_size(db),
    }


def _plain_sqlite_seconds(size: int, db: str) -> float:
    """The floor: the same JSON rows into one bare table, one transaction, no FTS."""
    import sqlite3

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE a (id TEXT PRIMARY KEY, raw BLOB, data TEXT)")
    seconds = 0.0
    conn.execute("BEGIN")
    for number in range(size):
        synthetic = make_article(number)
        raw, data = render_json(synthetic).encode(), json.dumps(as_article(synthetic).id)
        start = time.perf_counter()
        conn.execute("INSERT INTO a VALUES (?, ?, ?)", (str(number), raw, data))
        seconds += time.perf_counter() - start
    start = time.perf_counter()
    conn.execute("COMMIT")
    conn.close()
    return seconds + time.perf_counter() - start


# --------------------------------------------------------------------------- parent


def run_child(job: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(job)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def child_main(job: dict[str, Any]) -> None:
    if job["job"] == "pipeline":
        result = run_pipeline(job["kind"], job["size"], job["root"], job["db"], job["trace"])
    elif job["job"] == "two-pass":
        result = run_two_pass(job["kind"], job["size"], job["root"], job["db"])
    else:
        result = run_store(job["size"], job["db"], job.get("batch"))
    print(json.dumps(result))


def pipeline_available() -> str | None:
    """None when ingest and clean import with the agreed API, else why not."""
    try:
        from storyline import clean, ingest
    except ImportError as error:
        return f"ingest/clean not importable yet: {error}"
    missing = [
        f"{module.__name__}.{name}"
        for module, name in ((ingest, "read"), (ingest, "extract"), (clean, "clean"))
        if not callable(getattr(module, name, None))
    ]
    return f"missing {', '.join(missing)}" if missing else None


def main() -> None:
    args = parse_args()
    if args.child:
        child_main(json.loads(args.child))
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        print_store_table(args, workdir)
        if not args.store_only:
            reason = pipeline_available()
            if reason:
                print(f"\npipeline benchmark skipped: {reason}")
            else:
                print_pipeline_table(args, workdir)
                if args.two_pass:
                    print_two_pass_table(args, workdir)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


def print_store_table(args: argparse.Namespace, workdir: Path) -> None:
    print("\nSTORE ALONE (add_raw + add_article, then iterate and search)")
    header = f"{'size':>7} {'batch':>7} {'store/s':>9} {'peer/s':>9} {'ratio':>6} "
    print(header + f"{'iter/s':>9} {'search ms':>9} {'RSS+ MB':>8} {'KB/art':>7}")
    for size in args.sizes:
        batches: list[int | None] = [None]
        if size == max(args.sizes):
            batches += [b for b in args.batch_sizes if b != sqlite.BATCH_ARTICLES]
        for batch in batches:
            db = workdir / f"store-{size}-{batch}.db"
            for stale in workdir.glob(db.name + "*"):
                stale.unlink()
            result = run_child({"job": "store", "size": size, "db": str(db), "batch": batch})
            print(store_row(size, batch or sqlite.BATCH_ARTICLES, result))


def store_row(size: int, batch: int, result: dict[str, Any]) -> str:
    if "error" in result:
        return f"{size:>7} {batch:>7} error: {result['error']}"
    seconds = result["seconds"]
    rate, peer = size / seconds["store"], size / result["peer_seconds"]
    ratio = seconds["store"] / result["peer_seconds"]
    search_ms = 1000 * seconds["search"] / len(SEARCH_QUERIES)
    return (
        f"{size:>7} {batch:>7} {rate:>9.0f} {peer:>9.0f} {ratio:>6.2f} "
        f"{size / seconds['iterate']:>9.0f} {search_ms:>9.1f} {result['rss_growth_mb']:>8.1f} "
        f"{result['db_bytes'] / size / 1024:>7.1f}"
    )


def print_pipeline_table(args: argparse.Namespace, workdir: Path) -> None:
    print("\nINGEST + EXTRACT + CLEAN + STORE vs trafilatura.bare_extraction on the same pages")
    print(
        f"{'format':6} {'size':>7} {'stored':>7} {'probl':>5} {'art/s':>7} {'read':>6} "
        f"{'extract':>7} {'clean':>6} "
        f"{'store':>6} {'traf s':>7} {'fast s':>7} {'ours/tr':>7} {'(c+s)/tr':>8} "
        f"{'RSS MB':>7} {'RSS+ MB':>8} {'traced':>7}"
    )
    for kind in args.formats:
        for size in args.sizes:
            corpus = write_corpus(kind, size, workdir / "corpora")
            db = workdir / f"{kind}-{size}.db"
            for stale in workdir.glob(db.name + "*"):
                stale.unlink()
            job = {"job": "pipeline", "kind": kind, "size": size, "root": str(corpus.root)}
            result = run_child({**job, "db": str(db), "trace": args.tracemalloc})
            print(pipeline_row(kind, size, result))


def print_two_pass_table(args: argparse.Namespace, workdir: Path) -> None:
    print("\nTWO-PASS pipeline.ingest_into (extract, spill, learn; clean, store) vs trafilatura")
    print(
        f"{'format':6} {'size':>7} {'stored':>7} {'extract':>7} {'spill':>6} {'learn+':>6} "
        f"{'clean':>6} {'store':>6} {'traf s':>7} {'(c+s)/tr':>8} {'(c+s+spill+learn)/tr':>21}"
    )
    for kind in (kind for kind in args.formats if kind in ("html", "warc")):
        for size in args.sizes:
            corpus = write_corpus(kind, size, workdir / "corpora")
            db = workdir / f"two-pass-{kind}-{size}.db"
            for stale in workdir.glob(db.name + "*"):
                stale.unlink()
            job = {"job": "two-pass", "kind": kind, "size": size, "root": str(corpus.root)}
            result = run_child({**job, "db": str(db)})
            if "error" in result:
                print(f"{kind:6} {size:>7} error: {result['error']}")
                continue
            s = result["seconds"]
            added = s["clean"] + s["store"]
            print(
                f"{kind:6} {size:>7} {result['articles']:>7} {s['extract']:>7.2f} "
                f"{s['spill']:>6.2f} {s['learn+']:>6.2f} {s['clean']:>6.2f} {s['store']:>6.2f} "
                f"{s['trafilatura']:>7.2f} {added / s['trafilatura']:>8.2f} "
                f"{(added + s['spill'] + s['learn+']) / s['trafilatura']:>21.2f}"
            )


def pipeline_row(kind: str, size: int, result: dict[str, Any]) -> str:
    if "error" in result:
        return f"{kind:6} {size:>7} error: {result['error']}"
    s = dict(result["seconds"])
    default, fast = s.pop("trafilatura", None), s.pop("trafilatura_fast", None)
    total = sum(s.values())

    def cell(value: float | None, width: int, digits: int = 2) -> str:
        return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

    added = (s.get("clean", 0.0) + s.get("store", 0.0)) / default if default else None
    return (
        f"{kind:6} {size:>7} {result['articles']:>7} {result['problems']:>5} "
        f"{result['articles'] / total:>7.0f} {cell(s.get('read'), 6)} "
        f"{cell(s.get('extract'), 7)} {cell(s.get('clean'), 6)} {cell(s.get('store'), 6)} "
        f"{cell(default, 7)} {cell(fast, 7)} {cell(total / default if default else None, 7)} "
        f"{cell(added, 8)} {result['rss_peak_mb']:>7.0f} {result['rss_growth_mb']:>8.1f} "
        f"{cell(result['traced_peak_mb'], 7, 1)}"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_ints, default=[200, 1000])
    parser.add_argument("--formats", type=_names, default=list(FORMATS))
    parser.add_argument("--store-only", action="store_true", help="skip ingest and clean")
    parser.add_argument("--batch-sizes", type=_ints, default=[1, 20, 1000, 100_000])
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python memory")
    parser.add_argument(
        "--two-pass", action="store_true", help="also time pipeline.ingest_into (HTML, WARC)"
    )
    parser.add_argument("--workdir", type=Path, help="keep corpora and stores here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser.parse_args()


def _ints(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _names(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = set(names) - set(FORMATS)
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown formats {sorted(unknown)}; use {FORMATS}")
    return names


if __name__ == "__main__":
    main()
