"""Story clustering against a peer on the eval pools: BCubed P/R/F1 and pairwise F1.

Run by hand::

    .venv/bin/python bench/cluster.py                 # titles, texts and dates only
    .venv/bin/python bench/cluster.py --with-entities # also run storyline.analyze first

Ours: ``storyline.organise`` (MinHash duplicates, then incremental centroid clustering).
Peers: scikit-learn AgglomerativeClustering (cosine, average linkage, distance threshold) on
the very same TF-IDF vectors (``organise.features.vectorise``: an ablation of our clusterer),
and the textbook peer, scikit-learn's own TfidfVectorizer over title + text with the same
clustering (``tfidf+aggl``).  BERTopic runs too when it can be imported: it is not a project
dependency (it would pull in PyTorch), but its light-weight install runs offline with a
scikit-learn embedding (TF-IDF + TruncatedSVD, no reduction, scikit-learn's HDBSCAN)::

    python3.11 -m venv /tmp/bt
    printf '%s\n' "$PWD/.venv/lib/python3.11/site-packages" "$PWD/src" \
        > /tmp/bt/lib/python3.11/site-packages/project.pth
    /tmp/bt/bin/pip install --no-deps bertopic==0.17.4
    /tmp/bt/bin/pip install pandas plotly pyyaml
    /tmp/bt/bin/python bench/cluster.py --fixed

Its outliers (topic -1) count as clusters of one.  Every threshold (ours and the peers') is
chosen on ONE pool, ``--tune-pool`` (default newscluster_g5w1h), and applied unchanged to
the others.

Scoring: every document counts.  A predicted singleton is a cluster of one (precision 1).
Gold ``noise`` documents (WikiRef220 topics of <= 5 articles, Clust-McMs unrelated
articles) keep their own gold cluster as given; the ``F1 -noise`` column scores only the
documents that are not noise (they are still clustered together with the noise).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.clean.dateline import find_dateline
from storyline.models import (
    Article,
    ArticleAnalysis,
    Block,
    BlockKind,
    DateSource,
    Origin,
    PublicationDate,
)
from storyline.organise import OrganiseOptions, cluster_stories, find_duplicates
from storyline.organise.features import vectorise

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "clusters"
OUR_GRID = (0.15, 0.2, 0.3, 0.4)
MERGE_GRID = (0.15, 0.2, 0.25, 0.3)
# A story is one event: windows longer than a year are not tried (a sequel a year later is
# a new story in the same thread), although newscluster_g5w1h has "events" spanning years.
WINDOW_GRID = (30, 90, 180, 365)
PEER_GRID = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
BERTOPIC_GRID = (2, 3, 4, 5, 8)  # HDBSCAN min_cluster_size
BERTOPIC_DIMENSIONS = 100


# (analyses by article id, entity map) or (None, None) for titles, texts and dates only.
Context = tuple[Mapping[str, ArticleAnalysis] | None, Mapping[tuple[str, str], str] | None]
NO_ANALYSIS: Context = (None, None)


@dataclass(frozen=True)
class Pool:
    name: str
    articles: tuple[Article, ...]
    gold: dict[str, str]  # article id -> gold cluster id
    noise: frozenset[str]  # article ids in gold noise clusters


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    f1_without_noise: float
    pairwise_f1: float
    clusters: int


def eval_article(doc: Mapping[str, object], pool: str) -> Article:
    """An Article from an eval document: one block per non-empty line of its text."""
    text = str(doc.get("text") or "")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    blocks, offset = [], 0
    for paragraph in paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    published = PublicationDate()
    if doc.get("date"):
        day = dt.date.fromisoformat(str(doc["date"])[:10])
        value = dt.datetime.combine(day, dt.time())
        published = PublicationDate(DateSource.METADATA, value, day, day, "eval")
    digest = hashlib.sha256(text.encode()).hexdigest()
    # The place of a dateline, as the clean stage finds it (the text keeps it here).
    dateline = find_dateline(paragraphs[0]) if paragraphs else None
    return Article(
        id=str(doc["id"]),
        title=str(doc.get("title") or ""),
        text="\n\n".join(paragraphs),
        blocks=tuple(blocks),
        origin=Origin(f"eval:{pool}", str(doc["id"])),
        raw_id=digest,
        outlet=str(doc.get("source") or "") or None,
        place=dateline.place if dateline else None,
        published=published,
    )


def load_pool(path: Path) -> Pool:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        record = json.loads(handle.readline())
    name = path.name.removesuffix(".jsonl.gz")
    docs = record["documents"]
    noisy = {key for key, value in record["clusters"].items() if value.get("noise")}
    return Pool(
        name=name,
        articles=tuple(eval_article(doc, name) for doc in docs),
        gold={str(doc["id"]): str(doc["cluster_id"]) for doc in docs},
        noise=frozenset(str(doc["id"]) for doc in docs if doc["cluster_id"] in noisy),
    )


def score(predicted: Mapping[str, str], pool: Pool) -> Score:
    ids = list(pool.gold)
    precision, recall, f1_all = _bcubed(ids, predicted, pool.gold)
    _, _, f1_clean = _bcubed([i for i in ids if i not in pool.noise], predicted, pool.gold)
    return Score(
        precision,
        recall,
        f1_all,
        f1_clean,
        _pairwise_f1(ids, predicted, pool.gold),
        len(set(predicted.values())),
    )


def _bcubed(
    ids: Sequence[str], predicted: Mapping[str, str], gold: Mapping[str, str]
) -> tuple[float, float, float]:
    both = Counter((predicted[i], gold[i]) for i in gold)
    pred_size = Counter(predicted[i] for i in gold)
    gold_size = Counter(gold.values())
    if not ids:
        return 0.0, 0.0, 0.0
    p = sum(both[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in ids) / len(ids)
    r = sum(both[(predicted[i], gold[i])] / gold_size[gold[i]] for i in ids) / len(ids)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _pairwise_f1(
    ids: Sequence[str], predicted: Mapping[str, str], gold: Mapping[str, str]
) -> float:
    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    same_both = pairs(Counter((predicted[i], gold[i]) for i in ids))
    same_pred = pairs(Counter(predicted[i] for i in ids))
    same_gold = pairs(Counter(gold[i] for i in ids))
    if not same_both:
        return 0.0
    p, r = same_both / same_pred, same_both / same_gold
    return 2 * p * r / (p + r)


def run_ours(pool: Pool, options: OrganiseOptions, context: Context) -> dict[str, str]:
    duplicates = find_duplicates(pool.articles, options)
    stories = cluster_stories(pool.articles, context[0], duplicates, context[1], options)
    return {article_id: story.id for story in stories for article_id in story.article_ids}


def run_peer(pool: Pool, threshold: float, context: Context) -> dict[str, str]:
    vectors = vectorise(pool.articles)
    similarity = (vectors.matrix @ vectors.matrix.T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    labels = model.fit_predict(distance)
    return {article_id: str(label) for article_id, label in zip(vectors.ids, labels, strict=True)}


def run_plain_peer(pool: Pool, threshold: float, context: Context) -> dict[str, str]:
    """The textbook peer: scikit-learn TF-IDF over title + text, agglomerative clustering."""
    texts = [f"{a.title}\n{a.text}" for a in pool.articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distance = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, 2.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    labels = model.fit_predict(distance)
    return {a.id: str(label) for a, label in zip(pool.articles, labels, strict=True)}


def run_bertopic(pool: Pool, min_cluster_size: int) -> dict[str, str]:
    """BERTopic with an offline scikit-learn embedding: TF-IDF + 100-d LSA, HDBSCAN."""
    import warnings

    from bertopic import BERTopic
    from bertopic.dimensionality import BaseDimensionalityReduction
    from sklearn.cluster import HDBSCAN
    from sklearn.decomposition import TruncatedSVD
    from sklearn.pipeline import make_pipeline

    texts = [f"{a.title}\n{a.text}" for a in pool.articles]
    embedding = make_pipeline(
        TfidfVectorizer(sublinear_tf=True, stop_words="english"),
        TruncatedSVD(BERTOPIC_DIMENSIONS, random_state=1),
    )
    model = BERTopic(
        embedding_model=embedding,
        umap_model=BaseDimensionalityReduction(),
        hdbscan_model=HDBSCAN(min_cluster_size=min_cluster_size, copy=True),
        calculate_probabilities=False,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        topics, _ = model.fit_transform(texts)
    return {
        a.id: f"topic{topic}" if topic != -1 else f"outlier:{a.id}"
        for a, topic in zip(pool.articles, topics, strict=True)
    }


def bertopic_installed() -> bool:
    try:
        import bertopic  # noqa: F401
    except ImportError:
        return False
    return True


def tune_plain_peer(pool: Pool) -> float:
    return max(PEER_GRID, key=lambda t: score(run_plain_peer(pool, t, NO_ANALYSIS), pool).f1)


def tune(pool: Pool, analyses: Context) -> tuple[OrganiseOptions, float]:
    """Our thresholds and window, and the peer's distance threshold, with the best BCubed F1."""
    grid = [
        replace(OrganiseOptions(), story_threshold=t, story_merge_threshold=m, story_window_days=w)
        for t in OUR_GRID
        for m in MERGE_GRID
        for w in WINDOW_GRID
    ]
    best_ours = max(
        grid,
        key=lambda options: score(run_ours(pool, options, analyses), pool).f1,
    )
    best_peer = max(PEER_GRID, key=lambda t: score(run_peer(pool, t, analyses), pool).f1)
    return best_ours, best_peer


def analyse(pool: Pool) -> Context:
    """Analyses and the cross-article entity map from storyline.analyze, when installed."""
    try:
        from storyline.analyze import analyze
        from storyline.analyze.entity_linking import link_entities
    except ImportError as error:
        sys.exit(f"--with-entities needs storyline.analyze ({error})")
    found = list(analyze(pool.articles))
    _, entity_map = link_entities(found)
    return {item.article_id: item for item in found}, entity_map


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune-pool", default="newscluster_g5w1h")
    parser.add_argument("--with-entities", action="store_true")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--fixed", action="store_true", help="no tuning: shipped defaults")
    args = parser.parse_args()
    pools = [load_pool(path) for path in sorted(args.eval_dir.glob("*.jsonl.gz"))]
    analyses = {pool.name: analyse(pool) if args.with_entities else NO_ANALYSIS for pool in pools}
    tuning = next(pool for pool in pools if pool.name == args.tune_pool)
    if args.fixed:
        options, peer_threshold = OrganiseOptions(), PEER_DEFAULT
    else:
        options, peer_threshold = tune(tuning, analyses[tuning.name])
    plain_threshold = tune_plain_peer(tuning)
    with_bertopic = bertopic_installed()
    if with_bertopic:
        size = max(BERTOPIC_GRID, key=lambda n: score(run_bertopic(tuning, n), tuning).f1)
        print(f"BERTopic min_cluster_size={size} (chosen on {tuning.name})")
    else:
        print("BERTopic is not installed: not run (see this script's docstring)")
    print(
        f"thresholds from {tuning.name}: ours story_threshold={options.story_threshold} "
        f"merge={options.story_merge_threshold} window={options.story_window_days}d; "
        f"peer distance_threshold={peer_threshold}; plain peer {plain_threshold}"
    )
    print(HEADER)
    print("-" * len(HEADER))
    for pool in pools:
        context = analyses[pool.name]
        report(pool, "storyline", partial(run_ours, pool, options, context))
        report(pool, "agglomerative", partial(run_peer, pool, peer_threshold, context))
        report(pool, "tfidf+aggl", partial(run_plain_peer, pool, plain_threshold, context))
        if with_bertopic:
            report(pool, "bertopic", partial(run_bertopic, pool, size))


HEADER = (
    f"{'pool':<24} {'system':<14} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'F1-noise':>8} "
    f"{'pair F1':>7} {'#cl':>5} {'gold':>5} {'sec':>6}"
)


def report(pool: Pool, system: str, run: Callable[[], dict[str, str]]) -> None:
    started = time.perf_counter()
    result = score(run(), pool)
    seconds = time.perf_counter() - started
    gold = len(set(pool.gold.values()))
    print(
        f"{pool.name:<24} {system:<14} {result.precision:6.3f} {result.recall:6.3f} "
        f"{result.f1:6.3f} {result.f1_without_noise:8.3f} {result.pairwise_f1:7.3f} "
        f"{result.clusters:5d} {gold:5d} {seconds:6.2f}"
    )


PEER_DEFAULT = 0.9  # the peer's distance threshold tuned on newscluster_g5w1h (see the table)

if __name__ == "__main__":
    main()
