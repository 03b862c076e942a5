"""Sentence links: one sentence stated by several articles of a story, so a summary can cite
every outlet that states it.

Within each story, sentences of different articles are candidates when they share a rare
word 4-gram (an index, not all pairs); a candidate pair is linked when its normalised texts
are within a small edit distance or are a close paraphrase with the same words reordered
(rapidfuzz ``ratio`` or ``token_sort_ratio``) and the two make the same claims: the same
figures, negations and named days (``same_statement``).  Wording alone cannot tell
"12 people were injured" from "14 people were injured" (0.98): every text-similarity
threshold that links edited copies links those too.  Linked sentences form one SentenceLink.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from storyline.models import Article, ArticleAnalysis, Citation, Story
from storyline.organise.claims import day_words, same_claims
from storyline.organise.disjoint import DisjointSet
from storyline.organise.text import sentences, words

if TYPE_CHECKING:
    from storyline.organise.options import OrganiseOptions

ALGORITHM = "organise.sentences.fuzzy-claims.v2"
# Kept at 0.8 by bench/sentence_links.py (tests/data/sentence_pairs.jsonl, 210 invented
# pairs, with the claims check): tune F1 0.785 / 0.788 / 0.764 / 0.745 at 0.7 / 0.75 / 0.8 /
# 0.85.  0.75 wins on tune by 3 of 72 positives, too few to pay for a riskier link (a lost
# link costs a citation, a false one states a fact for an outlet), and on DUC 2003+2006
# candidate pairs 0.75-0.8 is mostly wire boilerplate and partial restatements while
# 0.8-0.85 is mostly edited copy.  Held-out at 0.8: P 0.763, R 0.935, F1 0.841.  Precision
# is set by the claims check, not the threshold: at 0.8 it lifts tune precision 0.485 ->
# 0.706 (no figure or day negative linked, negations 16 -> 4); the false links left (an
# actor swapped, "accepted" / "rejected") score >= 0.9, and only 0.95 removes most of them.
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
    normal: str  # lower-cased words joined by spaces: what the similarity compares

    @property
    def text(self) -> str:
        """The sentence as written: figures keep their separators ("4,000")."""
        return self.article.text[self.citation.start : self.citation.end]


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
        one, other = candidates[first], candidates[second]
        score = _similarity(one.normal, other.normal)
        if score >= options.sentence_link_similarity and same_statement(one.text, other.text):
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


def same_statement(one: str, other: str) -> bool:
    """Whether two near-identical sentences make the same claims: the same figures and
    negations (``organise.claims.same_claims``) and the same named days and months.

    Symmetric, as a link says every citation states the linked sentence: "approved on
    Tuesday" and "approved" are not linked (a summary may still cite the longer for the
    shorter, through synthesise's own ``states_as_much`` check).  Equality of claims is
    transitive, so a group joined pair by pair makes one set of claims throughout.
    """
    return same_claims(one, other) and day_words(one) == day_words(other)
