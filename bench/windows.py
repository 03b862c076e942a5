"""Dates of undated reports, placed from their story's other reports, beside simple peers.

Run by hand::

    .venv/bin/python bench/windows.py                    # news_cluster and DUC 2003
    .venv/bin/python bench/windows.py --duc2006 20       # also 20 DUC 2006 clusters

Every dated article of the labelled story pools in ../shared/eval (news_cluster events, DUC
topic clusters) is read twice: once with its publication day, once with it hidden.  With the
day, the analyser resolves its relative mentions ("on June 16", "last month", "on Thursday");
those values are the reference (the analyser's own reading, not human labels: this measures
what losing the day costs, and how much of it a story's other reports win back).  Without
it, each system gives what values it can:

- ``range middle``: the analyser alone, resolving against the middle of a range of at most
  62 days that the article's own text bounds (``analyze.dates.reference_for``).
- ``range placed``: the analyser alone, placing a mention over a wider range its own text
  bounds when every day of it gives one value (``analyze.placing``).
- ``story middle``: resolve against the middle day of the story's other reports (what a tool
  that assumes an undated copy appeared with its story would do).
- ``window ±N ≤S``: ``organise.windows``, the gold story as the story: a mention is placed
  only when every day of the window (the other reports' days widened by N days, within the
  article's own bounds) gives it the same value, and only when the other reports spread over
  at most S days.

``placed`` counts values given, ``agree`` those equal to the reference; precision is
agree / placed and coverage agree / reference mentions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "src"))
sys.path.insert(0, str(PROJECT / "bench"))

from cluster import eval_article  # noqa: E402
from storyline.analyze.date_resolve import REFERENCE_KINDS  # noqa: E402
from storyline.analyze.dates import find_dates, find_expressions  # noqa: E402
from storyline.analyze.nlp import load_pipeline  # noqa: E402
from storyline.analyze.published import infer_publication  # noqa: E402
from storyline.analyze.sentences import split_sentences  # noqa: E402
from storyline.models import (  # noqa: E402
    Article,
    ArticleAnalysis,
    DateMention,
    DateSource,
    PublicationDate,
)
from storyline.organise import windows  # noqa: E402

EVAL = PROJECT.parent / "shared" / "eval"
# (slack days either side, most days the other reports may spread over); None: no limit
VARIANTS = ((3, None), (14, None), (31, None), (92, None), (3, 31), (14, 7), (14, 31), (14, 92),
            (31, 31))  # fmt: skip
MAX_ARTICLE_CHARS = 20_000  # longer pages are mostly comments; the parse would dominate


@dataclass(frozen=True)
class Read:
    """One article read with and without its day."""

    article: Article  # with its day
    hidden: Article  # the same, day hidden
    reference: dict[tuple[int, int], str]  # relative mentions resolved with the day: labels
    own: tuple[DateMention, ...]  # mentions found with the day hidden
    inferred: PublicationDate  # what the text bounds without the day
    middle: dict[tuple[int, int], str]  # resolved against the story's middle day


def load_stories(duc2006: int) -> Iterator[tuple[str, list[Article]]]:
    pool = EVAL / "clusters" / "newscluster_g5w1h.jsonl.gz"
    for record in _records(pool):
        by_story: dict[str, list[Article]] = {}
        for document in record["documents"]:
            article = _article(document, "news_cluster")
            if article is not None:
                by_story.setdefault(document["cluster_id"], []).append(article)
        yield from (("news_cluster", members) for members in by_story.values())
    for name, limit in (("duc2003", None), ("duc2006", duc2006)):
        for index, record in enumerate(_records(EVAL / "mds" / f"{name}.jsonl.gz")):
            if limit is not None and index >= limit:
                break
            members = [a for d in record["documents"] if (a := _article(d, name)) is not None]
            yield name, members


def _records(path: Path) -> Iterator[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def _article(document: dict[str, str], pool: str) -> Article | None:
    """``bench/cluster.py``'s eval Article, for a dated document with text (long pages cut)."""
    if not document.get("date") or not (document.get("text") or "").strip():
        return None
    return eval_article({**document, "text": document["text"][:MAX_ARTICLE_CHARS]}, pool)


def read_story(nlp: object, members: Sequence[Article]) -> list[Read]:
    reads = []
    docs = nlp.pipe(a.text for a in members)  # type: ignore[attr-defined]
    days = [a.published.day for a in members]
    for index, (article, doc) in enumerate(zip(members, docs, strict=True)):
        hidden = replace(article, published=PublicationDate())
        sentences = split_sentences(doc, article)
        wanted = {
            (x.start, x.end) for x in find_expressions(doc) if x.parsed.kind in REFERENCE_KINDS
        }
        reference = {
            (m.start, m.end): m.value.label()
            for m in find_dates(doc, article, sentences, article.published)
            if (m.start, m.end) in wanted and m.value is not None
        }
        inferred = infer_publication(doc, hidden, sentences)
        own = find_dates(doc, hidden, sentences, inferred)
        others = sorted(d for i, d in enumerate(days) if i != index and d is not None)
        middle: dict[tuple[int, int], str] = {}
        if others:
            centre = others[0] + (others[-1] - others[0]) / 2
            stamp = dt.datetime.combine(centre, dt.time())
            guess = PublicationDate(DateSource.METADATA, stamp, centre, centre, "bench")
            for mention in find_dates(doc, hidden, sentences, guess):
                if (mention.start, mention.end) in reference and mention.value is not None:
                    middle[(mention.start, mention.end)] = mention.value.label()
        reads.append(Read(article, hidden, reference, own, inferred, middle))
    return reads


def story_window(
    reads: Sequence[Read], index: int, slack: int, span: int | None
) -> windows.Window | None:
    """``organise.windows`` for the hidden article among its story's other (dated) reports."""
    target = reads[index]
    members = [r.hidden if i == index else r.article for i, r in enumerate(reads)]
    analysis = ArticleAnalysis(target.article.id, "bench", "en", True, published=target.inferred)
    found = windows.publication_windows(
        members, {target.article.id: analysis}, slack, span if span is not None else 10**6
    )
    return found.get(target.article.id)


def score(reads: Sequence[Read], index: int, tally: dict[str, list[int]]) -> None:
    read = reads[index]
    total = len(read.reference)
    own = {(m.start, m.end): m for m in read.own if (m.start, m.end) in read.reference}
    systems: dict[str, dict[tuple[int, int], str]] = {
        "range middle": _labels(own, "publication-range"),
        "range placed": _labels(own, "publication-range:placed"),
        "story middle": read.middle,
    }
    for slack, span in VARIANTS:
        window = story_window(reads, index, slack, span)
        placed = {k: windows.placed(m, window) for k, m in own.items()}
        systems[f"window ±{slack} ≤{span or '∞'}"] = {
            k: m.value.label() for k, m in placed.items() if m.value is not None
        }
    for name, values in systems.items():
        counts = tally.setdefault(name, [0, 0, 0])
        agree = sum(read.reference[k] == label for k, label in values.items())
        counts[0] += total
        counts[1] += len(values)
        counts[2] += agree


def _labels(
    mentions: dict[tuple[int, int], DateMention], anchor: str
) -> dict[tuple[int, int], str]:
    return {k: m.value.label() for k, m in mentions.items() if m.value and m.anchor == anchor}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duc2006", type=int, default=0, help="DUC 2006 clusters to add")
    args = parser.parse_args()
    nlp = load_pipeline("en")
    tallies: dict[str, dict[str, list[int]]] = {}
    for pool, members in load_stories(args.duc2006):
        if len(members) < 2:
            continue
        reads = read_story(nlp, members)
        for index in range(len(reads)):
            score(reads, index, tallies.setdefault(pool, {}))
    print(f"{'pool':<14}{'system':<17}{'reference':>10}{'placed':>8}{'agree':>7}"
          f"{'precision':>11}{'coverage':>10}")  # fmt: skip
    for pool, tally in tallies.items():
        for name, (total, placed, agree) in tally.items():
            precision = agree / placed if placed else 0.0
            coverage = agree / total if total else 0.0
            print(f"{pool:<14}{name:<17}{total:>10}{placed:>8}{agree:>7}"
                  f"{precision:>11.3f}{coverage:>10.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
