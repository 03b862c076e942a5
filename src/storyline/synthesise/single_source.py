"""Single-source statements: what only one outlet of a story reports.

A reader comparing outlets wants to know which facts rest on one source alone: a toll, a
name, a detail no other report confirms.  Within a story, sources are counted as the
summary counts them: an article and its syndicated copies (``DuplicateGroup``) are one
source.  A sentence of one source is a single-source statement when

* it carries *facts*: numbers (two digits or more, or any figure with a digit) and
  capitalised names past the sentence's first word;
* at least one of those facts appears in no other source's text at all (so "31 dead" in
  every report is not exclusive, while "the 12th floor" that one outlet alone gives is);
* no other source states a near-identical sentence (a ``SentenceLink`` joining it to
  another source's sentence);
* it is the writer's statement: it holds no direct quote and no double quotation mark
  (the story's quotes are listed apart, speaker by speaker, and a sentence cut from a
  longer quote would show a mark without its pair).

Statements are ranked by how many exclusive facts they carry, then by how early they come
in their article (leads carry the news), and the first ``MAX_STATEMENTS`` are kept.  A
story told by a single source has no single-source statements: everything in it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from storyline.models import (
    Article,
    ArticleAnalysis,
    Citation,
    DuplicateGroup,
    Story,
    SummarySentence,
)
from storyline.organise import SentenceLink
from storyline.organise.text import name_keys, sentences, words

ALGORITHM = "synthesise.single_source.v1"
# Display choice: a handful per story, enough to show what to double-check.
MAX_STATEMENTS = 5
# Sentences shorter than this are fragments ("Police said.") whose facts mean little alone.
MIN_WORDS = 6
_QUOTE_MARKS = frozenset('"“”„«»')
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_OPENING_WORD = re.compile(r"\W*\w+")


@dataclass(frozen=True)
class _Statement:
    citation: Citation
    text: str
    exclusive: int  # facts no other source mentions
    rank: tuple[int, int, str, int]  # ordering key: fewer-is-better components


def single_source_statements(
    story: Story,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    duplicates: Sequence[DuplicateGroup],
    links: Sequence[SentenceLink],
) -> tuple[SummarySentence, ...]:
    """The statements of ``story`` that only one of its sources makes, most telling first.

    ``articles`` are the story's members; ``duplicates`` and ``links`` may cover more than
    the story (only the parts about its members are used).
    """
    members = {article.id: article for article in articles if article.id in story.article_ids}
    source_of = _sources(members, duplicates)
    if len(set(source_of.values())) < 2:
        return ()
    facts_by_source = _facts_by_source(members, source_of)
    confirmed = _linked_across_sources(links, source_of)
    found = [
        statement
        for article in sorted(members.values(), key=lambda a: a.id)
        for statement in _statements(article, analyses.get(article.id), source_of, facts_by_source)
        if (statement.citation.article_id, statement.citation.start) not in confirmed
    ]
    chosen = _one_per_text(sorted(found, key=lambda statement: statement.rank))
    return tuple(SummarySentence(s.text, (s.citation,)) for s in chosen[:MAX_STATEMENTS])


def _sources(
    members: Mapping[str, Article], duplicates: Sequence[DuplicateGroup]
) -> dict[str, str]:
    """Article id -> source id: the first member (by id) of its duplicate group, or itself."""
    source_of = {key: key for key in members}
    for group in duplicates:
        inside = sorted(key for key in group.members if key in members)
        for key in inside:
            source_of[key] = inside[0]
    return source_of


def _facts(text: str) -> set[str]:
    """Numbers and names of ``text``, lower-cased; a sentence's first word is not a name."""
    opening = _OPENING_WORD.match(text)
    rest = text[opening.end() :] if opening else text
    numbers = {match.group().replace(",", "").rstrip(".") for match in _NUMBER.finditer(text)}
    names = {key.split(":", 1)[-1] for key in name_keys(rest)}
    return {number for number in numbers if len(number) >= 2} | names


def _facts_by_source(
    members: Mapping[str, Article], source_of: Mapping[str, str]
) -> dict[str, set[str]]:
    """Every fact each source mentions anywhere (title or text), over all its copies."""
    found: dict[str, set[str]] = {}
    for key, article in members.items():
        bucket = found.setdefault(source_of[key], set())
        bucket.update(_facts(article.title))
        bucket.update(_text_facts(article.text))
        bucket.update(words(article.place or ""))  # a dateline cleaning took out of the text
    return found


def _text_facts(text: str) -> set[str]:
    """Facts a whole text mentions: its numbers, and every word lower-cased (a name that
    opens another source's sentence, or is written in lower case there, still counts)."""
    numbers = {match.group().replace(",", "").rstrip(".") for match in _NUMBER.finditer(text)}
    return {number for number in numbers if len(number) >= 2} | set(words(text))


def _linked_across_sources(
    links: Sequence[SentenceLink], source_of: Mapping[str, str]
) -> set[tuple[str, int]]:
    """(article id, sentence start) of every sentence another source states too."""
    confirmed: set[tuple[str, int]] = set()
    for link in links:
        cited = [c for c in link.citations if c.article_id in source_of]
        if len({source_of[c.article_id] for c in cited}) > 1:
            confirmed.update((c.article_id, c.start) for c in cited)
    return confirmed


def _statements(
    article: Article,
    analysis: ArticleAnalysis | None,
    source_of: Mapping[str, str],
    facts_by_source: Mapping[str, set[str]],
) -> Iterator[_Statement]:
    source = source_of[article.id]
    elsewhere = set().union(*(facts for key, facts in facts_by_source.items() if key != source))
    quoted = [(q.start, q.end) for q in analysis.quotes if q.direct] if analysis else []
    for position, sentence in enumerate(sentences(article, analysis)):
        raw = article.text[sentence.start : sentence.end]
        text = raw.strip()
        start = sentence.start + len(raw) - len(raw.lstrip())
        end = start + len(text)
        if len(words(text)) < MIN_WORDS or _quoted(text, quoted, start, end):
            continue
        exclusive = {fact for fact in _facts(text) if fact not in elsewhere}
        if exclusive:
            citation = Citation(article.id, start, end, article.outlet)
            rank = (-len(exclusive), position, article.id, start)
            yield _Statement(citation, text, len(exclusive), rank)


def _quoted(text: str, quoted: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the sentence quotes someone: a direct quote overlaps it, or it holds a
    double quotation mark (all the evidence there is without an analysis)."""
    return any(q_start < end and start < q_end for q_start, q_end in quoted) or bool(
        _QUOTE_MARKS.intersection(text)
    )


def _one_per_text(statements: Sequence[_Statement]) -> list[_Statement]:
    """A sentence a source repeats (a body pasted twice, a copy) is listed once."""
    seen: set[str] = set()
    kept = []
    for statement in statements:
        key = " ".join(words(statement.text))
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept
