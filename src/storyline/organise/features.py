"""Article vectors for story clustering: TF-IDF of title, body, entities and numbers.

Each field is weighted and L2-normalised on its own, then the four are concatenated and
normalised again, so the cosine of two articles is a weighted mean of the field cosines
(when both have every field; an empty field leaves more weight to the others).
Entities are one key per capitalised word, with or without an analysis (see
``labels.EntityNames`` for the measurement); numbers are the digit runs of title and text
(counts, scores, years).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from storyline.models import Article
from storyline.organise.text import content_words, name_keys, stop_words, words

# bench/cluster.py, tuned on newscluster_g5w1h only: squared weights are the share of each
# field in the cosine.  Titles are short and precise; entities separate same-topic events.
TITLE_WEIGHT = 0.45
BODY_WEIGHT = 0.75
ENTITY_WEIGHT = 0.5
# The lead carries the event; long tails (page noise, background) blur it (bench/cluster.py).
BODY_WORDS = 400
# ... and within it the first paragraph most of all: its first LEAD_WORDS body words count
# twice.  With digits kept in the body (as scikit-learn's tokeniser keeps them), bench/cluster.py
# --fixed, BCubed F1: newscluster_g5w1h 0.907 -> 0.915, mmds2025 0.805 -> 0.811, ecbplus
# 0.840 -> 0.839, wikiref220 unchanged; 45 to 55 words measure the same.
LEAD_WORDS = 50
# Numbers and years (counts of victims, scores, "2013") tell same-topic events apart.
# bench/cluster.py --fixed, BCubed F1: newscluster_g5w1h 0.899 -> 0.907 at 0.15 (0.25 and
# 0.35 tie there but cost wikiref220 0.5 to 0.6), mmds2025 0.797 -> 0.803, others unchanged.
NUMBER_WEIGHT = 0.15

SparseVector = dict[int, float]


@dataclass(frozen=True)
class ArticleVectors:
    """Row-normalised TF-IDF vectors of a batch of articles, in ``ids`` order."""

    ids: tuple[str, ...]
    matrix: sparse.csr_matrix
    names_columns: tuple[int, int] = (0, 0)  # [start, end) of the names field's columns

    @cached_property
    def rows(self) -> dict[str, SparseVector]:
        """Each article's vector as {column: weight}, built once and shared: do not mutate."""
        rows: dict[str, SparseVector] = {}
        indptr, indices, data = self.matrix.indptr, self.matrix.indices, self.matrix.data
        for row, article_id in enumerate(self.ids):
            span = slice(indptr[row], indptr[row + 1])
            rows[article_id] = dict(zip(indices[span].tolist(), data[span].tolist(), strict=True))
        return rows


def vectorise(
    articles: Sequence[Article], name_lists: Mapping[str, Sequence[str]] | None = None
) -> ArticleVectors:
    """TF-IDF vectors of the articles, fitted on this batch.

    The names field holds one key per capitalised word (``text.name_keys``); ``name_lists``
    (article id -> those keys) saves finding them again when the caller already has them.
    """
    if not articles:
        return ArticleVectors((), sparse.csr_matrix((0, 1), dtype=np.float64))
    titles = [content_words(article.title) for article in articles]
    bodies = [body_terms(article.text) for article in articles]
    entities = [
        list(name_lists[article.id])
        if name_lists is not None and article.id in name_lists
        else name_keys(f"{article.title}\n{article.text}")
        for article in articles
    ]
    blocks = [
        _field(titles, TITLE_WEIGHT),
        _field(bodies, BODY_WEIGHT),
        _field(entities, ENTITY_WEIGHT),
        _field([numbers(f"{item.title}\n{item.text}") for item in articles], NUMBER_WEIGHT),
    ]
    matrix = normalize(sparse.hstack(blocks, format="csr"))
    names_start = blocks[0].shape[1] + blocks[1].shape[1]
    return ArticleVectors(
        tuple(article.id for article in articles),
        sparse.csr_matrix(matrix),
        (names_start, names_start + blocks[2].shape[1]),
    )


def _field(tokens: Sequence[Sequence[str]], weight: float) -> sparse.csr_matrix:
    if not any(tokens):
        return sparse.csr_matrix((len(tokens), 1), dtype=np.float64)
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, lowercase=False)
    matrix = vectorizer.fit_transform(tokens)
    return sparse.csr_matrix(matrix * weight)


def body_terms(text: str) -> list[str]:
    """The first BODY_WORDS words bar stop words and single characters, lead counted twice.

    Numbers stay (a year or a death toll in running text tells sibling events apart), as in
    scikit-learn's default tokeniser.
    """
    stops = stop_words()
    terms = [w for w in words(text) if len(w) > 1 and w not in stops][:BODY_WORDS]
    return terms + terms[:LEAD_WORDS]


def numbers(text: str) -> list[str]:
    """Numbers of two digits or more ("1,500" gives "500"): single digits say little."""
    return [w for w in words(text) if w.isdigit() and len(w) >= 2]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def cosine(one: SparseVector, other: SparseVector) -> float:
    """Dot product of two sparse vectors (both already L2-normalised: their cosine)."""
    if len(one) > len(other):
        one, other = other, one
    get: Callable[[int, float], float] = other.get
    return sum(weight * get(term, 0.0) for term, weight in one.items())


def names_cosine(one: SparseVector, other: SparseVector, columns: tuple[int, int]) -> float:
    """Cosine of the names fields alone (each renormalised): how alike two articles are in
    words that do not depend on the language they are written in."""
    start, end = columns
    one_names = {term: weight for term, weight in one.items() if start <= term < end}
    other_names = {term: weight for term, weight in other.items() if start <= term < end}
    norms = _norm(one_names) * _norm(other_names)
    return cosine(one_names, other_names) / norms if norms else 0.0


def _norm(vector: SparseVector) -> float:
    return float(sum(weight * weight for weight in vector.values()) ** 0.5)
