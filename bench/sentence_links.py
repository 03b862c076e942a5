"""Benchmark the sentence-link threshold of organise/sentences.py.

Run: .venv/bin/python bench/sentence_links.py [--examples 15] [--no-real]

A link makes a summary cite an outlet as stating a sentence, so linking two sentences that
state different facts ("12 injured" / "14 injured", "accepted" / "rejected") is a
faithfulness error; missing a syndicated copy only loses a citation.  Precision comes first.

1. Labelled pairs, tests/data/sentence_pairs.jsonl (invented): positives are one statement
   as edited copy, negatives share most words but state something else.  Each pair has a
   ``kind`` and a ``split`` (tune / held-out, fixed before any score was looked at).  A pair
   is linked when it is a candidate (shares a word 4-gram, as the organiser requires) and
   its score reaches the threshold.  Linkers, side by side:
     fuzzy       max(rapidfuzz ratio, token_sort_ratio) of the normalised words (v1)
     fuzzy+claim the same, and ``organise.sentences.same_statement``: the shipped linker
     ratio       rapidfuzz ratio alone
     tfidf       cosine of scikit-learn TF-IDF vectors (word 1-2 grams, fit on the tune
                 texts), its threshold chosen on the tune split
2. Real candidate pairs from DUC 2003 and DUC 2006 (AP/NYT wire clusters, one story per
   record), generated exactly as the organiser does: the score distribution and examples
   in the 0.7-0.9 band.  Their texts are printed, never stored.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz
from sklearn.feature_extraction.text import TfidfVectorizer

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from builders import build_article  # noqa: E402
from storyline.organise import sentences as linking  # noqa: E402
from storyline.organise.text import words  # noqa: E402

DATA = PROJECT / "tests" / "data" / "sentence_pairs.jsonl"
EVAL = PROJECT.parent / "shared" / "eval" / "mds"
REAL_SETS = ("duc2003", "duc2006")
THRESHOLDS = (0.70, 0.75, 0.80, 0.85, 0.90, 0.95)
TFIDF_GRID = tuple(round(0.30 + 0.05 * step, 2) for step in range(14))  # 0.30 .. 0.95
NEGATIVE_KINDS = ("figure", "negation", "actor", "day", "same_story")
Scorer = Callable[[str, str], float]
Guard = Callable[[str, str], bool]


@dataclass(frozen=True)
class Pair:
    kind: str
    same: bool
    split: str
    one: str
    other: str
    candidate: bool  # shares a word 4-gram: the organiser would score it at all


@dataclass(frozen=True)
class Linker:
    name: str
    score: Scorer
    guard: Guard | None = None

    def links(self, pair: Pair, threshold: float) -> bool:
        if not pair.candidate or self.score(pair.one, pair.other) < threshold:
            return False
        return self.guard is None or self.guard(pair.one, pair.other)


def load_pairs(path: Path = DATA) -> list[Pair]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        one, other = record["a"], record["b"]
        shared = _grams(one) & _grams(other)
        found.append(
            Pair(record["kind"], record["same"], record["split"], one, other, bool(shared))
        )
    return found


def _grams(text: str) -> set[str]:
    tokens = words(text)
    size = linking.GRAM_WORDS
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _normal(text: str) -> str:
    return " ".join(words(text))


def organiser_score(one: str, other: str) -> float:
    return linking._similarity(_normal(one), _normal(other))


def ratio_score(one: str, other: str) -> float:
    return fuzz.ratio(_normal(one), _normal(other)) / 100.0


def tfidf_scorer(texts: Sequence[str]) -> Scorer:
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b")
    vectorizer.fit(texts)

    def score(one: str, other: str) -> float:
        matrix = vectorizer.transform([one, other])
        return float((matrix[0] @ matrix[1].T).toarray()[0, 0])

    return score


def prf(linker: Linker, pairs: Sequence[Pair], threshold: float) -> tuple[float, float, float]:
    linked = [pair for pair in pairs if linker.links(pair, threshold)]
    true = sum(pair.same for pair in linked)
    positives = sum(pair.same for pair in pairs)
    precision = true / len(linked) if linked else 1.0
    recall = true / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def false_links(linker: Linker, pairs: Sequence[Pair], threshold: float) -> Counter[str]:
    return Counter(pair.kind for pair in pairs if not pair.same and linker.links(pair, threshold))


def best_threshold(linker: Linker, tune: Sequence[Pair], grid: Sequence[float]) -> float:
    """The grid threshold with the best tune F1; ties go to the higher (safer) threshold."""
    return max(grid, key=lambda threshold: (prf(linker, tune, threshold)[2], threshold))


def print_table(linkers: Sequence[tuple[Linker, float]], pairs: Sequence[Pair]) -> None:
    tune = [pair for pair in pairs if pair.split == "tune"]
    held = [pair for pair in pairs if pair.split == "held-out"]
    totals = Counter((pair.kind, pair.split) for pair in pairs if not pair.same)
    heads = [f"{kind} {totals[kind, 'tune']}/{totals[kind, 'held-out']}" for kind in NEGATIVE_KINDS]
    kinds = " ".join(f"{head:>15}" for head in heads)
    print("false links per negative kind: linked tune/held-out (header: pairs of that kind)")
    print(
        f"{'linker':<11} {'thr':>5} | {'tune P':>6} {'R':>5} {'F1':>5} | "
        f"{'held P':>6} {'R':>5} {'F1':>5} |{kinds}"
    )
    for linker, threshold in linkers:
        tune_row = " ".join(f"{v:>5.3f}" for v in prf(linker, tune, threshold))
        held_row = " ".join(f"{v:>5.3f}" for v in prf(linker, held, threshold))
        tune_false = false_links(linker, tune, threshold)
        held_false = false_links(linker, held, threshold)
        counts = " ".join(
            f"{f'{tune_false[kind]}/{held_false[kind]}':>15}" for kind in NEGATIVE_KINDS
        )
        print(f"{linker.name:<11} {threshold:>5.2f} | {tune_row} | {held_row} |{counts}")


def print_missed(linker: Linker, pairs: Sequence[Pair], threshold: float) -> None:
    """Recall of each positive kind (all splits), and the pairs not candidates at all."""
    kinds = sorted({pair.kind for pair in pairs if pair.same})
    cells = []
    for kind in kinds:
        own = [pair for pair in pairs if pair.same and pair.kind == kind]
        found = sum(linker.links(pair, threshold) for pair in own)
        cells.append(f"{kind} {found}/{len(own)}")
    print(f"{linker.name} at {threshold:.2f}, positives linked per kind: " + ", ".join(cells))
    missing = sum(not pair.candidate for pair in pairs)
    print(f"  pairs sharing no word 4-gram (never candidates): {missing} of {len(pairs)}")


def labelled_report(pairs: Sequence[Pair]) -> None:
    counts = Counter((pair.split, pair.same) for pair in pairs)
    print(
        f"Labelled pairs: {len(pairs)} (tune {counts['tune', True]}+/{counts['tune', False]}-,"
        f" held-out {counts['held-out', True]}+/{counts['held-out', False]}-)\n"
    )
    organiser = Linker("fuzzy", organiser_score)
    guarded = Linker("fuzzy+claim", organiser_score, linking.same_statement)
    ratio = Linker("ratio", ratio_score)
    tune_texts = [text for pair in pairs if pair.split == "tune" for text in (pair.one, pair.other)]
    tfidf = Linker("tfidf", tfidf_scorer(tune_texts))
    rows: list[tuple[Linker, float]] = []
    for linker in (organiser, guarded, ratio):
        rows.extend((linker, threshold) for threshold in THRESHOLDS)
    tune = [pair for pair in pairs if pair.split == "tune"]
    for linker in (organiser, guarded, ratio):
        rows.append((linker, best_threshold(linker, tune, THRESHOLDS)))
    rows.append((tfidf, best_threshold(tfidf, tune, TFIDF_GRID)))
    print_table(rows, pairs)
    print("(last four rows: each linker at the threshold with the best tune F1)\n")
    for linker, threshold in ((organiser, 0.8), (guarded, linking.SENTENCE_LINK_SIMILARITY)):
        print_missed(linker, pairs, threshold)
    print()


def real_pairs(name: str) -> Iterator[tuple[float, str, str]]:
    """(score, one, other) of every candidate pair the organiser would score, per record."""
    with gzip.open(EVAL / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            members = [
                build_article(doc["text"], outlet=doc.get("source"), article_id=f"{name}-{n}")
                for n, doc in enumerate(record["documents"])
                if doc.get("text", "").strip()
            ]
            candidates = list(linking._candidates(members, {}))
            for first, second in sorted(linking._pairs(candidates)):
                one, other = candidates[first], candidates[second]
                score = linking._similarity(one.normal, other.normal)
                yield score, _text(one), _text(other)


def _text(candidate: linking._Candidate) -> str:
    citation = candidate.citation
    return " ".join(candidate.article.text[citation.start : citation.end].split())


def real_report(examples: int) -> None:
    found = [
        pair
        for name in REAL_SETS
        if (EVAL / f"{name}.jsonl.gz").exists()
        for pair in real_pairs(name)
    ]
    if not found:
        print("DUC sets not found under", EVAL)
        return
    print(f"Real candidate pairs (DUC 2003 + 2006, organiser candidate generation): {len(found)}")
    edges = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0001)
    for low, high in itertools.pairwise(edges):
        band = [pair for pair in found if low <= pair[0] < high]
        changed = sum(not linking.same_statement(one, other) for _, one, other in band)
        print(
            f"  {low:.2f}-{min(high, 1.0):.2f}: {len(band):>6} pairs, "
            f"{changed:>5} with different figures/negations/days"
        )
    band = [pair for pair in found if 0.7 <= pair[0] < 0.9]
    chosen = sorted(random.Random(7).sample(band, min(examples, len(band))), reverse=True)
    print(f"\n{len(chosen)} examples in the 0.70-0.90 band (seeded sample):")
    for score, one, other in chosen:
        verdict = "same claims" if linking.same_statement(one, other) else "CLAIMS DIFFER"
        print(f"\n[{score:.3f}, {verdict}]\n  A: {one[:300]}\n  B: {other[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=15)
    parser.add_argument("--no-real", action="store_true", help="skip the DUC pairs")
    arguments = parser.parse_args()
    labelled_report(load_pairs())
    if not arguments.no_real:
        real_report(arguments.examples)


if __name__ == "__main__":
    main()
