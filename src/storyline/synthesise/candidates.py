"""Candidate sentences of a story for the extractive summary, and who states each one.

Every sentence of every member article becomes a ``Candidate`` (its span stripped of
surrounding white space, so ``article.text[start:end] == text``).  Candidates stating the
same thing are grouped: the story's ``SentenceLink``s join them, and so does a small edit
distance between their normalised words (syndicated copies, a one-word edit).  Articles
that share most of their sentences, or that one ``DuplicateGroup`` holds, are copies of one
another and count as one *source*, so a wire story printed by three sites does not
corroborate itself three times.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from storyline.models import Article, ArticleAnalysis, Citation, DuplicateGroup
from storyline.organise import SentenceLink
from storyline.organise.disjoint import DisjointSet
from storyline.organise.text import sentences, trimmed, words

# Two sentences whose normalised words score at least this (rapidfuzz ``ratio``) state the
# same thing: a syndicated copy or a one-word edit.  Tuned on bench/summary.py, DUC 2003
# (0.85 / 0.9 / 0.95 gave the same ROUGE; 0.9 is the conservative middle).
DUPLICATE_SIMILARITY = 90
# An article whose sentences are at least this share copies of another article's is a copy
# of it: one source.  Wire copies share nearly all; two reports of one event share few.
COPY_SHARE = 0.6
# Sentences below this many words are fragments; a copy check on them matches by chance.
MIN_MATCH_WORDS = 5
_ROWS_PER_BLOCK = 512


@dataclass(frozen=True)
class Candidate:
    """One source sentence: where it is, what it says, and how its article is placed."""

    number: int  # index in the story's candidate list
    citation: Citation
    text: str
    tokens: tuple[str, ...]  # lower-cased words
    article_rank: int  # article's place in the story's reading order (date, then id)
    position: int  # sentence index within its article
    day: dt.date | None


@dataclass(frozen=True)
class StoryCandidates:
    """The candidates of one story, grouped by what they state, and each article's source."""

    candidates: tuple[Candidate, ...]
    group_of: tuple[int, ...]  # candidate number -> group id (its lowest member number)
    members: Mapping[int, tuple[int, ...]]  # group id -> candidate numbers, in order
    source_of: Mapping[str, str]  # article id -> source id (the first article of its copies)
    # candidate number -> the candidates one link or one near-duplicate match joins to it
    # directly.  A group is transitive (A like B, B like C); only these state what A does.
    neighbours: Mapping[int, frozenset[int]]


def reading_order(articles: Sequence[Article]) -> list[Article]:
    """Articles de-duplicated by id, earliest first (undated last), then by id."""
    unique = {article.id: article for article in articles}
    return sorted(unique.values(), key=_article_key)


def _article_key(article: Article) -> tuple[dt.date, str]:
    return (article.published.day or dt.date.max, article.id)


def story_candidates(
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    links: Sequence[SentenceLink],
    duplicates: Sequence[DuplicateGroup] = (),
) -> StoryCandidates:
    """Every sentence of ``articles``, grouped with the sentences stating the same thing;
    ``duplicates`` (which may cover more than these articles) join copies into one source."""
    ordered = reading_order(articles)
    candidates = tuple(_candidates(ordered, analyses))
    joined = DisjointSet(range(len(candidates)))
    neighbours: dict[int, set[int]] = {}
    for first, second in [*_linked_pairs(candidates, links), *_near_duplicate_pairs(candidates)]:
        joined.union(first, second)
        neighbours.setdefault(first, set()).add(second)
        neighbours.setdefault(second, set()).add(first)
    members: dict[int, tuple[int, ...]] = {}
    group_of = [0] * len(candidates)
    for group in joined.groups():
        numbers = tuple(sorted(group))
        members[numbers[0]] = numbers
        for number in numbers:
            group_of[number] = numbers[0]
    source_of = _sources(ordered, candidates, group_of, duplicates)
    direct = {number: frozenset(found) for number, found in neighbours.items()}
    return StoryCandidates(candidates, tuple(group_of), members, source_of, direct)


def _candidates(
    ordered: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> list[Candidate]:
    found: list[Candidate] = []
    for rank, article in enumerate(ordered):
        position = 0
        for sentence in sentences(article, analyses.get(article.id)):
            start, end = trimmed(article.text, sentence.start, sentence.end)
            if start == end:
                continue
            text = article.text[start:end]
            citation = Citation(article.id, start, end, article.outlet)
            found.append(
                Candidate(
                    number=len(found),
                    citation=citation,
                    text=text,
                    tokens=tuple(words(text)),
                    article_rank=rank,
                    position=position,
                    day=article.published.day,
                )
            )
            position += 1
    return found


def _linked_pairs(
    candidates: Sequence[Candidate], links: Sequence[SentenceLink]
) -> list[tuple[int, int]]:
    """Pairs of candidates a sentence link joins (matched by overlapping span): every
    two sentences of one link, as the link says they all state the same thing."""
    by_article: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_article.setdefault(candidate.citation.article_id, []).append(candidate)
    pairs: list[tuple[int, int]] = []
    for link in links:
        numbers = [
            found.number
            for citation in link.citations
            if (found := _overlapping(by_article.get(citation.article_id, []), citation))
        ]
        pairs.extend(
            (first, second)
            for index, first in enumerate(numbers)
            for second in numbers[index + 1 :]
            if first != second
        )
    return pairs


def _overlapping(candidates: Sequence[Candidate], citation: Citation) -> Candidate | None:
    """The candidate sharing most of ``citation``'s span, if it shares more than half of the
    shorter of the two (a link found with another sentence split must not pull a
    neighbouring sentence into the group on a few shared characters)."""
    best, best_overlap = None, 0
    for candidate in candidates:
        overlap = min(candidate.citation.end, citation.end) - max(
            candidate.citation.start, citation.start
        )
        shorter = min(
            candidate.citation.end - candidate.citation.start, citation.end - citation.start
        )
        if overlap > best_overlap and 2 * overlap > shorter:
            best, best_overlap = candidate, overlap
    return best


def _near_duplicate_pairs(candidates: Sequence[Candidate]) -> list[tuple[int, int]]:
    """Pairs of candidates of different articles within a small edit distance."""
    eligible = [c for c in candidates if len(c.tokens) >= MIN_MATCH_WORDS]
    if len(eligible) < 2:
        return []
    normals = [" ".join(c.tokens) for c in eligible]
    pairs: list[tuple[int, int]] = []
    # Row blocks keep the score matrix small for stories of thousands of sentences.
    for offset in range(0, len(normals), _ROWS_PER_BLOCK):
        scores = process.cdist(
            normals[offset : offset + _ROWS_PER_BLOCK],
            normals,
            scorer=fuzz.ratio,
            score_cutoff=DUPLICATE_SIMILARITY,
            dtype=np.uint8,
            workers=1,
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            first, second = eligible[offset + int(i)], eligible[int(j)]
            if first.number < second.number and (
                first.citation.article_id != second.citation.article_id
            ):
                pairs.append((first.number, second.number))
    return pairs


def _sources(
    ordered: Sequence[Article],
    candidates: Sequence[Candidate],
    group_of: Sequence[int],
    duplicates: Sequence[DuplicateGroup],
) -> dict[str, str]:
    """Article id -> source id (its copies' earliest article): an article mostly made of
    another's sentences is its copy, and so are the members of one duplicate group."""
    ids = {article.id for article in ordered}
    copies = DisjointSet([article.id for article in ordered])
    for first, second in _shared_sentence_copies(ordered, candidates, group_of):
        copies.union(first, second)
    for duplicate in duplicates:
        inside = [key for key in duplicate.members if key in ids]
        for key in inside[1:]:
            copies.union(inside[0], key)
    rank = {article.id: index for index, article in enumerate(ordered)}
    source_of: dict[str, str] = {}
    for group in copies.groups():
        head = min(group, key=rank.__getitem__)
        source_of.update((key, head) for key in group)
    return source_of


def _shared_sentence_copies(
    ordered: Sequence[Article], candidates: Sequence[Candidate], group_of: Sequence[int]
) -> list[tuple[str, str]]:
    """Pairs of articles at least ``COPY_SHARE`` of whose sentences state the same things."""
    groups_by_article: dict[str, set[int]] = {article.id: set() for article in ordered}
    for candidate in candidates:
        if len(candidate.tokens) >= MIN_MATCH_WORDS:
            groups_by_article[candidate.citation.article_id].add(group_of[candidate.number])
    pairs: list[tuple[str, str]] = []
    for index, article in enumerate(ordered):
        mine = groups_by_article[article.id]
        for other in ordered[index + 1 :]:
            theirs = groups_by_article[other.id]
            smaller = min(len(mine), len(theirs))
            if smaller and len(mine & theirs) >= COPY_SHARE * smaller:
                pairs.append((article.id, other.id))
    return pairs


# A quotation: opened by " “ or `` and closed by " ” or '' (sources mix them: Multi-News
# writes "...'', DUC ``...''), or in curly single quotes.
_QUOTED = re.compile(r"(?:``|[\"“”])(?:(?!'')[^\"“”])*(?:''|[\"“”])|‘[^‘’]*’")


def quoted_share(text: str) -> float:
    """Share of the characters of ``text`` that sit between quote marks."""
    inside = sum(len(match.group()) for match in _QUOTED.finditer(text))
    return inside / len(text) if text else 0.0
