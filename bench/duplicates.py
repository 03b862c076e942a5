"""Choose the near-duplicate threshold on labelled pairs built from real eval texts.

Positives are synthetic copies of real articles (from the eval clustering pools): a few
words edited, outlet boilerplate added, paragraphs reordered, all three at once, and a
shortened copy (the last third cut).  Hard negatives are two different articles about the
same event (same ``cluster_id``).  Run by hand::

    .venv/bin/python bench/duplicates.py [--pairs 600]

Ours: the MinHash estimate of paragraph-shingle Jaccard (``organise.duplicates``), checked
end to end through ``find_duplicates`` (LSH candidates) at the chosen threshold.  Peer, in
the same run on the same shingles: the exact Jaccard (what MinHash estimates), and
rapidfuzz ``ratio`` over the whole texts.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).parent))
from cluster import EVAL_DIR, eval_article, load_pool
from storyline.models import Article
from storyline.organise import OrganiseOptions, find_duplicates
from storyline.organise.duplicates import shingles, signatures

THRESHOLDS = tuple(round(0.2 + 0.05 * step, 2) for step in range(13))
# Invented outlet furniture, the kind cleaning sometimes leaves behind.
HEADERS = ("Watch live coverage", "Updated 5 minutes ago", "Share this story", "Advertisement")
FOOTERS = (
    "Copyright 2024 The Example Wire. All rights reserved.",
    "Sign up for our morning newsletter to get the day's top stories.",
    "Follow us on social media for more updates.",
)
MIN_WORDS = 120


@dataclass(frozen=True)
class Pair:
    one: Article
    other: Article
    kind: str
    duplicate: bool


def edit_words(text: str, rate: float, rng: random.Random) -> str:
    paragraphs = []
    for paragraph in text.split("\n\n"):
        tokens = paragraph.split()
        kept = []
        for token in tokens:
            roll = rng.random()
            if roll < rate / 2:
                continue  # deleted
            kept.append(token.upper() if roll < rate else token)  # replaced by another form
        paragraphs.append(" ".join(kept))
    return "\n\n".join(p for p in paragraphs if p)


def variant(article: Article, kind: str, rng: random.Random) -> Article:
    paragraphs = article.text.split("\n\n")
    if kind == "edits":
        text = edit_words(article.text, 0.03, rng)
    elif kind == "boilerplate":
        text = "\n\n".join([rng.choice(HEADERS), *paragraphs, *rng.sample(FOOTERS, 2)])
    elif kind == "reordered":
        text = "\n\n".join(rng.sample(paragraphs, len(paragraphs)))
    elif kind == "shortened":
        text = "\n\n".join(paragraphs[: max(1, 2 * len(paragraphs) // 3)])
    else:  # all three of edits, boilerplate and reordering
        shuffled = "\n\n".join(rng.sample(paragraphs, len(paragraphs)))
        text = "\n\n".join([rng.choice(HEADERS), edit_words(shuffled, 0.05, rng), FOOTERS[0]])
    doc = {"id": f"{article.id}~{kind}", "title": article.title, "text": text.replace("\n\n", "\n")}
    return eval_article(doc, "synthetic")


def labelled_pairs(count: int, seed: int) -> list[Pair]:
    rng = random.Random(seed)
    articles, clusters = [], defaultdict(list)
    for path in sorted(EVAL_DIR.glob("*.jsonl.gz")):
        pool = load_pool(path)
        for article in pool.articles:
            if len(article.text.split()) >= MIN_WORDS:
                articles.append(article)
                clusters[(pool.name, pool.gold[article.id])].append(article)
    kinds = ("edits", "boilerplate", "reordered", "combined", "shortened")
    pairs = [
        Pair(source, variant(source, kind, rng), kind, True)
        for source in rng.sample(articles, count // len(kinds))
        for kind in kinds
    ]
    groups = [group for group in clusters.values() if len(group) > 1]
    for _ in range(count):
        one, other = rng.sample(rng.choice(groups), 2)
        pairs.append(Pair(one, other, "same-event", False))
    return pairs


def exact_jaccard(pair: Pair, options: OrganiseOptions) -> float:
    one, other = (
        shingles(pair.one, options.shingle_words),
        shingles(pair.other, options.shingle_words),
    )
    return len(one & other) / len(one | other) if one | other else 0.0


def minhash_jaccard(pair: Pair, options: OrganiseOptions) -> float:
    found = signatures([pair.one, pair.other], options)
    return float(found[pair.one.id].jaccard(found[pair.other.id]))


def text_ratio(pair: Pair, options: OrganiseOptions) -> float:
    return fuzz.ratio(pair.one.text, pair.other.text) / 100.0


def prf(
    scores: Sequence[float], pairs: Sequence[Pair], threshold: float
) -> tuple[float, float, float]:
    hits = sum(1 for s, p in zip(scores, pairs, strict=True) if s >= threshold and p.duplicate)
    said = sum(1 for s in scores if s >= threshold)
    truth = sum(1 for p in pairs if p.duplicate)
    precision, recall = hits / said if said else 1.0, hits / truth if truth else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if hits else 0.0


def end_to_end(pairs: Sequence[Pair], options: OrganiseOptions) -> tuple[float, float]:
    """Pair precision and recall of find_duplicates (LSH candidates) over all pair members."""
    articles = {a.id: a for p in pairs for a in (p.one, p.other)}
    groups = find_duplicates(list(articles.values()), options)
    group_of = {member: group.id for group in groups for member in group.members}
    said = [group_of.get(p.one.id, "a") == group_of.get(p.other.id, "b") for p in pairs]
    hits = sum(1 for s, p in zip(said, pairs, strict=True) if s and p.duplicate)
    return hits / max(1, sum(said)), hits / max(1, sum(1 for p in pairs if p.duplicate))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=600, help="positives (and as many negatives)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    pairs = labelled_pairs(args.pairs, args.seed)
    options = OrganiseOptions()
    methods: dict[str, Callable[[Pair, OrganiseOptions], float]] = {
        "minhash (ours)": minhash_jaccard,
        "exact jaccard": exact_jaccard,
        "rapidfuzz ratio": text_ratio,
    }
    print(f"{len(pairs)} labelled pairs: {sum(p.duplicate for p in pairs)} positive")
    best: dict[str, tuple[float, float]] = {}
    for name, method in methods.items():
        started = time.perf_counter()
        scores = [method(pair, options) for pair in pairs]
        seconds = time.perf_counter() - started
        print(f"\n{name} ({seconds:.1f} s)\n{'threshold':>9} {'P':>6} {'R':>6} {'F1':>6}")
        for threshold in THRESHOLDS:
            precision, recall, f1 = prf(scores, pairs, threshold)
            print(f"{threshold:9.2f} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
            if f1 > best.get(name, (0.0, -1.0))[1]:
                best[name] = (threshold, f1)
        _per_kind(scores, pairs, best[name][0])
    for name, (threshold, f1) in best.items():
        print(f"best {name}: threshold {threshold} F1 {f1:.3f}")
    precision, recall = end_to_end(pairs, options)
    print(
        f"find_duplicates at the shipped {options.duplicate_threshold}: "
        f"pair P {precision:.3f} R {recall:.3f}"
    )


def _per_kind(scores: Sequence[float], pairs: Sequence[Pair], threshold: float) -> None:
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for score, pair in zip(scores, pairs, strict=True):
        by_kind[pair.kind].append((score >= threshold) == pair.duplicate)
    parts = [f"{kind} {sum(v) / len(v):.2f}" for kind, v in sorted(by_kind.items())]
    print(f"  correct at {threshold}: " + ", ".join(parts))


if __name__ == "__main__":
    main()
