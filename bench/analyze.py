"""Throughput of the analyze stage against the bare spaCy pipeline, side by side.

Run: .venv/bin/python bench/analyze.py [--records N] [--processes]

Texts: the DUC 2003 documents in ../shared/eval/mds/duc2003.jsonl.gz (AP/NYT wire copy),
or, without them, the real samples in ../shared/samples/syria-talks repeated.  Measures, in
one process: the model load time, words/s of the bare ``nlp.pipe`` on the texts, words/s of
the whole ``analyze()`` stage, their ratio (goal: analyze costs at most 30 % on top of the
parse), and the time of each rule step on the parsed docs.  With ``--processes`` it also
runs both with two processes.  Each run is repeated (``--repeat``) and the fastest kept.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
sys.path.insert(0, str(PROJECT / "tests"))

from builders import build_article  # noqa: E402
from storyline.analyze import AnalyzeOptions, analyze  # noqa: E402
from storyline.analyze.dates import find_dates  # noqa: E402
from storyline.analyze.entities import find_mentions, link_entities  # noqa: E402
from storyline.analyze.figures import find_figures  # noqa: E402
from storyline.analyze.nlp import load_pipeline  # noqa: E402
from storyline.analyze.published import infer_publication  # noqa: E402
from storyline.analyze.quotes import find_quotes  # noqa: E402
from storyline.analyze.sentences import split_sentences  # noqa: E402
from storyline.models import Article  # noqa: E402

DUC = SHARED / "eval" / "mds" / "duc2003.jsonl.gz"
SAMPLES = SHARED / "samples" / "syria-talks"


def duc_articles(records: int) -> list[Article]:
    articles = []
    with gzip.open(DUC, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= records:
                break
            for document in json.loads(line)["documents"]:
                text = document["text"].replace("\n", "\n\n")
                title = document.get("title") or document["id"]
                articles.append(build_article(text, title=title, article_id=document["id"]))
    return articles


def sample_articles(copies: int) -> list[Article]:
    articles = []
    for copy in range(copies):
        for path in sorted(SAMPLES.glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
            body = [line for line in lines[1:] if len(line.split()) >= 8]
            articles.append(
                build_article("\n\n".join(body), title=lines[0], article_id=f"{path.stem}-{copy}")
            )
    return articles


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def timed_cpu(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds of ``work`` in this process (CPU time is steadier than wall
    time on a shared machine, but misses worker processes)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def bare_parse(nlp: Any, texts: list[str], processes: int) -> list[Any]:
    return list(nlp.pipe(texts, batch_size=32, n_process=processes))


def whole_stage(articles: list[Article], options: AnalyzeOptions) -> list[Any]:
    return list(analyze(articles, options))


def step_times(articles: list[Article], docs: list[Any]) -> dict[str, float]:
    """Seconds each rule step takes over all docs (the steps run in pipeline order)."""
    totals = dict.fromkeys(
        ("sentences", "mentions", "quotes", "published", "dates", "figures"), 0.0
    )
    for article, doc in zip(articles, docs, strict=True):
        seconds, sentences = timed(lambda: split_sentences(doc, article))  # noqa: B023
        totals["sentences"] += seconds
        seconds, mentions = timed(lambda: find_mentions(doc, article))  # noqa: B023
        totals["mentions"] += seconds
        seconds, _ = timed(lambda: find_quotes(doc, article, sentences, mentions))  # noqa: B023
        totals["quotes"] += seconds
        seconds, published = timed(lambda: infer_publication(doc, article, sentences))  # noqa: B023
        totals["published"] += seconds
        seconds, dates = timed(lambda: find_dates(doc, article, sentences, published))  # noqa: B023
        totals["dates"] += seconds
        seconds, _ = timed(lambda: find_figures(doc, article, sentences, mentions, dates))  # noqa: B023
        totals["figures"] += seconds
    return totals


def side_by_side(
    nlp: Any, articles: list[Article], processes: int, repeat: int
) -> tuple[float, list[Any], list[Any]]:
    """Print the bare parse and the whole stage with ``processes``; return the bare CPU
    seconds, the parsed docs and the analyses."""
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    parse = functools.partial(bare_parse, nlp, texts, processes)
    analyse = functools.partial(whole_stage, articles, AnalyzeOptions(n_process=processes))
    bare_runs, full_runs = [], []
    for _ in range(repeat):  # alternate the two so that load drifts hit both alike
        bare_runs.append(timed_cpu(parse))
        full_runs.append(timed_cpu(analyse))
    bare, bare_cpu, docs = min(bare_runs, key=lambda run: run[0])
    full, full_cpu, analyses = min(full_runs, key=lambda run: run[0])
    cpu = processes == 1  # worker processes' CPU time is not counted
    print(
        f"{f'bare nlp.pipe ({processes} proc)':<30} {bare:7.2f} {words / bare:8.0f} {'':>6}"
        f" {f'{bare_cpu:7.2f}' if cpu else '      -'}"
    )
    print(
        f"{f'analyze() ({processes} proc)':<30} {full:7.2f} {words / full:8.0f} {full / bare:6.2f}"
        + (f" {full_cpu:7.2f} {full_cpu / bare_cpu:6.2f}" if cpu else "       -      -")
    )
    return bare_cpu, docs, analyses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30, help="DUC clusters to read (max 30)")
    parser.add_argument("--processes", action="store_true", help="also run with 2 processes")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the fastest counts")
    args = parser.parse_args()
    load_seconds, _ = timed(lambda: load_pipeline.__wrapped__("en"))  # uncached: a cold load
    nlp = load_pipeline("en")  # the cached pipeline analyze() uses, in every process
    articles = duc_articles(args.records) if DUC.exists() else sample_articles(40)
    words = sum(len(article.text.split()) for article in articles)
    print(f"{len(articles)} articles, {words} words; model load {load_seconds:.2f} s (CPU)")
    print(f"{'run':<30} {'wall s':>7} {'words/s':>8} {'ratio':>6} {'cpu s':>7} {'ratio':>6}")
    bare_cpu, docs, analyses = side_by_side(nlp, articles, 1, args.repeat)
    if args.processes:
        side_by_side(nlp, articles, 2, args.repeat)
    link_seconds, (entities, _) = timed(lambda: link_entities(analyses))
    print(f"{'link_entities (CPU s)':<30} {link_seconds:7.2f}  ({len(entities)} entities)")
    print("\nrule steps on the parsed docs (1 process, CPU seconds):")
    for step, seconds in step_times(articles, docs).items():
        print(f"  {step:<12} {seconds:7.2f} s  {100 * seconds / bare_cpu:5.1f} % of the bare parse")


if __name__ == "__main__":
    main()
