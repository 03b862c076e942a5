"""Sentence links: one sentence stated by several articles of a story, so a summary can cite
every outlet that states it.

Within each story, sentences of different articles are candidates when they share a rare
word 4-gram (an index, not all pairs); a candidate pair is linked when its normalised texts
are within a small edit distance or are a close paraphrase with the same words reordered
(rapidfuzz ``ratio`` or ``token_sort_ratio``).  Linked sentences form one SentenceLink.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from storyline.models import Article, ArticleAnalysis, Citation, Story
from storyline.organise.disjoint import DisjointSet
from storyline.organise.text import sentences, words

if TYPE_CHECKING:
    from storyline.organise.options import OrganiseOptions

ALGORITHM = "organise.sentences.fuzzy.v1"
# Chosen by hand, not yet benchmarked: on the invented fixtures a one-word edit scores
# >= 0.94 and the same quote with a different attribution 0.81, while different sentences
# about one event stay far below.
SENTENCE_LINK_SIMILARITY = 0.8
MIN_SENTENCE_WORDS = 6  # shorter sentences ("He said.") match by chance
GRAM_WORDS = 4
COMMON_GRAM = 50  # a 4-gram in more sentences than this is a stock phrase, not evidence


@dataclass(frozen=True)
class SentenceLink:
    """One statement found in several articles: every citation states it."""

    text: str  # the first citation's sentence, verbatim
    citations: tuple[Citation, ...]  # one per stating sentence, in story article order
    similarity: float  # lowest score of the links that joined the group, 0..1
    story_id: str | None = None
    algorithm: str = ALGORITHM


@dataclass(frozen=True)
class _Candidate:
    article: Article
    citation: Citation
    normal: str


def link_sentences(
    stories: Sequence[Story],
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis] | None,
    options: OrganiseOptions,
) -> tuple[SentenceLink, ...]:
    """Sentence links of every story with two or more articles."""
    by_id = {article.id: article for article in articles}
    links: list[SentenceLink] = []
    for story in stories:
        members = [by_id[key] for key in story.article_ids if key in by_id]
        if len(members) > 1:
            links.extend(_story_links(story.id, members, analyses or {}, options))
    return tuple(links)


def _story_links(
    story_id: str,
    members: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    options: OrganiseOptions,
) -> Iterator[SentenceLink]:
    candidates = list(_candidates(members, analyses))
    linked = DisjointSet(range(len(candidates)))
    lowest: dict[int, float] = {}
    for first, second in sorted(_pairs(candidates)):
        score = _similarity(candidates[first].normal, candidates[second].normal)
        if score >= options.sentence_link_similarity:
            linked.union(first, second)
            lowest[first] = min(score, lowest.get(first, 1.0))
    for group in linked.groups():
        chosen = [candidates[number] for number in sorted(group)]
        if len({candidate.article.id for candidate in chosen}) < 2:
            continue
        head = chosen[0].citation
        yield SentenceLink(
            text=chosen[0].article.text[head.start : head.end],
            citations=tuple(candidate.citation for candidate in chosen),
            similarity=round(min(lowest.get(number, 1.0) for number in group), 4),
            story_id=story_id,
        )


def _candidates(
    members: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> Iterator[_Candidate]:
    for article in members:
        for sentence in sentences(article, analyses.get(article.id)):
            tokens = words(article.text[sentence.start : sentence.end])
            if len(tokens) >= MIN_SENTENCE_WORDS:
                citation = Citation(article.id, sentence.start, sentence.end, article.outlet)
                yield _Candidate(article, citation, " ".join(tokens))


def _pairs(candidates: Sequence[_Candidate]) -> set[tuple[int, int]]:
    postings: dict[str, list[int]] = {}
    for number, candidate in enumerate(candidates):
        tokens = candidate.normal.split()
        grams = {" ".join(tokens[i : i + GRAM_WORDS]) for i in range(len(tokens) - GRAM_WORDS + 1)}
        for gram in grams:
            postings.setdefault(gram, []).append(number)
    pairs: set[tuple[int, int]] = set()
    for posting in postings.values():
        if len(posting) > COMMON_GRAM:
            continue
        for i, first in enumerate(posting):
            for second in posting[i + 1 :]:
                if candidates[first].article.id != candidates[second].article.id:
                    pairs.add((first, second))
    return pairs


def _similarity(one: str, other: str) -> float:
    return max(fuzz.ratio(one, other), fuzz.token_sort_ratio(one, other)) / 100.0
