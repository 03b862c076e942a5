"""Second pass of story clustering: merge stories whose centroids are close.

A single pass splits a story when its first articles differ from later ones; this pass
joins such pieces, best pair first (centroid linkage), re-scoring a merged story against
its candidates.  Besides dates and places, two pieces whose main names disagree are scored
lower (``evidence.names_agreement``).  Candidates come from an index of each centroid's top
terms, never from all pairs.  Two stories that both existed before the call are never
merged, so earlier results stay stable.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.organise.evidence import (
    NUMBER_CONFLICT_RAISE,
    Evidence,
    agreement,
    names_agreement,
    numbers_conflict,
    other_languages,
)
from storyline.organise.features import SparseVector, cosine, names_cosine

INDEX_TERMS = 32  # top centroid terms used to find merge candidates
POSTING_LIMIT = 64  # most recent pieces looked up per term
CANDIDATES = 24  # pieces sharing most top terms that are scored exactly (bench/scale.py)


@dataclass
class Piece:
    """A story during merging: the sum of its article vectors, its dates and places."""

    total: SparseVector
    evidence: Evidence
    frozen: bool  # an existing story: may absorb pieces, never another frozen one


def merge_pieces(
    pieces: Sequence[Piece],
    threshold: float,
    window_days: int,
    names_columns: tuple[int, int] = (0, 0),
) -> list[list[int]]:
    """Groups of piece numbers to merge, each group in ascending order; ``names_columns``
    (``ArticleVectors.names_columns``) compare pieces in different languages on names."""
    work = {number: _copy(piece) for number, piece in enumerate(pieces)}
    normal = {number: _normalised(piece.total) for number, piece in work.items()}
    groups = {number: [number] for number in work}
    version = dict.fromkeys(work, 0)
    postings: dict[int, list[int]] = {}
    for number in work:
        _index(number, normal[number], postings)
    heap: list[tuple[float, int, int, int, int]] = []
    limits = (threshold, window_days, names_columns)
    for number in sorted(work):
        _push(number, work, normal, postings, version, heap, limits)
    while heap:
        _, first, second, first_version, second_version = heapq.heappop(heap)
        if version.get(first) != first_version or version.get(second) != second_version:
            continue
        keep, gone = (second, first) if work[second].frozen else (first, second)
        _absorb(work[keep], work.pop(gone))
        groups[keep].extend(groups.pop(gone))
        version.pop(gone)
        version[keep] += 1
        normal[keep] = _normalised(work[keep].total)
        _index(keep, normal[keep], postings)
        _push(keep, work, normal, postings, version, heap, limits)
    return [sorted(group) for group in groups.values()]


def _push(
    number: int,
    work: dict[int, Piece],
    normal: dict[int, SparseVector],
    postings: dict[int, list[int]],
    version: dict[int, int],
    heap: list[tuple[float, int, int, int, int]],
    limits: tuple[float, int, tuple[int, int]],  # threshold, window in days, names columns
) -> None:
    threshold, window_days, names_columns = limits
    piece = work[number]
    shared: Counter[int] = Counter()
    for term in _top(normal[number]):
        shared.update(set(postings.get(term, ())[-POSTING_LIMIT:]))
    for other in sorted(number for number, _ in shared.most_common(CANDIDATES)):
        if other == number or other not in work or (piece.frozen and work[other].frozen):
            continue
        factor = agreement(piece.evidence, work[other].evidence, window_days)
        if factor is None:
            continue
        factor *= names_agreement(piece.evidence, work[other].evidence)
        score = factor * cosine(normal[number], normal[other])
        if other_languages(piece.evidence, work[other].evidence):
            names = names_cosine(normal[number], normal[other], names_columns)
            score = max(score, factor * names)
        if numbers_conflict(piece.evidence, work[other].evidence):
            score /= NUMBER_CONFLICT_RAISE  # the adaptive threshold: conflicting numbers
        if score >= threshold:
            first, second = min(number, other), max(number, other)
            heapq.heappush(heap, (-score, first, second, version[first], version[second]))


def _index(number: int, vector: SparseVector, postings: dict[int, list[int]]) -> None:
    for term in _top(vector):
        postings.setdefault(term, []).append(number)


def _top(vector: SparseVector) -> list[int]:
    return heapq.nlargest(INDEX_TERMS, vector, key=vector.__getitem__)


def _normalised(total: SparseVector) -> SparseVector:
    norm = sum(weight * weight for weight in total.values()) ** 0.5
    return {term: weight / norm for term, weight in total.items()} if norm else {}


def _copy(piece: Piece) -> Piece:
    return Piece(dict(piece.total), piece.evidence.copy(), piece.frozen)


def _absorb(keep: Piece, gone: Piece) -> None:
    for term, weight in gone.total.items():
        keep.total[term] = keep.total.get(term, 0.0) + weight
    keep.evidence.absorb(gone.evidence)
    keep.frozen = keep.frozen or gone.frozen
