"""Single-source statements: what only one outlet of a story reports.

A reader comparing outlets wants to know which facts rest on one source alone: a toll, a
name, a detail no other report confirms.  Within a story, sources are counted as the
summary counts them: an article and its syndicated copies (``DuplicateGroup``) are one
source, and so are articles the summary's candidates found to be copies (most of their
sentences shared) when ``copies`` passes them.  A sentence of one source is a single-source
statement when

* it carries *facts*: numbers of two digits or more ("1,500" and "1500" are one) and
  capitalised names past the sentence's first word, compared word by word without inner
  dots or apostrophes ("U.S." is "US", "Jean-Marc" is "Jean Marc");
* at least one of those facts appears in no other source's text at all (so "31 dead" in
  every report is not exclusive, while "the 12th floor" that one outlet alone gives is);
* no other source states a near-identical sentence (a ``SentenceLink`` joining it to
  another source's sentence that gives the same figures and negations: "37 died" does not
  confirm "31 died");
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
from storyline.organise.claims import same_claims
from storyline.organise.disjoint import DisjointSet
from storyline.organise.text import name_keys, sentences, trimmed, words

ALGORITHM = "synthesise.single_source.v1"
# Display choice: a handful per story, enough to show what to double-check.
MAX_STATEMENTS = 5
# Sentences shorter than this are fragments ("Police said.") whose facts mean little alone.
MIN_WORDS = 6
# Double marks, and the opening single marks British outlets quote with (a closing ’ is
# also an apostrophe, so it is no evidence); CJK corner brackets.
_QUOTE_MARKS = frozenset('"“”„«»‘‹「」『』')
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_OPENING_WORD = re.compile(r"\W*\w+")
# A possessive, then a dot or apostrophe inside a word: "Kerry's" is "Kerry", and "U.S."
# and "US", "O'Brien" and "OBrien" are one fact.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_INNER_MARK = re.compile(r"(?<=\w)[.'’](?=\w)")
_TOKEN = re.compile(r"\S+")
# Words that make a number readable beside it: its scale, unit or month.
_NUMBER_COMPANY = frozenset(
    {
        *("thousand", "million", "billion", "trillion", "percent", "per", "cent", "%"),
        *("degrees", "hectares", "acres", "km", "kilometres", "kilometers", "miles", "metres"),
        *("meters", "tonnes", "tons", "euros", "dollars", "pounds", "yen", "yuan"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
    }
)
# Stripped from a word before it is shown as a fact: "Terminal," shows as "Terminal".
_EDGE_PUNCTUATION = ",;:!?()[]{}\"'“”‘’«»"


@dataclass(frozen=True)
class _Statement:
    citation: Citation
    text: str
    exclusive: frozenset[str]  # facts no other source mentions
    rank: tuple[int, int, str, int]  # ordering key: fewer-is-better components


def single_source_statements(
    story: Story,
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    duplicates: Sequence[DuplicateGroup],
    links: Sequence[SentenceLink],
    copies: Mapping[str, str] | None = None,
) -> tuple[SummarySentence, ...]:
    """The statements of ``story`` that only one of its sources makes, most telling first.

    ``articles`` are the story's members; ``duplicates`` and ``links`` may cover more than
    the story (only the parts about its members are used).  ``copies`` maps article id to
    source id as ``candidates.StoryCandidates.source_of`` does: a lightly edited wire copy
    no duplicate group holds must not confirm its original.
    """
    inside = set(story.article_ids)
    members = {article.id: article for article in articles if article.id in inside}
    source_of = _sources(members, duplicates, copies or {})
    if len(set(source_of.values())) < 2:
        return ()
    sources_of_fact = _sources_of_fact(members, source_of)
    confirmed = _linked_across_sources(links, members, source_of)
    found = [
        statement
        for article in sorted(members.values(), key=lambda a: a.id)
        for statement in _statements(article, analyses.get(article.id), source_of, sources_of_fact)
        if (statement.citation.article_id, statement.citation.start) not in confirmed
    ]
    chosen = _one_per_text(sorted(found, key=lambda statement: statement.rank))
    return tuple(
        SummarySentence(s.text, (s.citation,), exclusive_phrases(s.text, s.exclusive))
        for s in chosen[:MAX_STATEMENTS]
    )


def _shown_word(token: str) -> str:
    """``token`` without the punctuation around it; a final full stop stays on an
    abbreviation ("U.S.") and goes from a word ending a sentence ("2031.")."""
    word = token.strip(_EDGE_PUNCTUATION)
    if word.endswith(".") and "." not in word[:-1]:
        word = word[:-1]
    return word


def exclusive_phrases(text: str, exclusive: frozenset[str]) -> tuple[str, ...]:
    """The words of ``text`` that carry an ``exclusive`` fact, as written there, each phrase
    once, in text order.  A phrase reaches over the words that make the fact readable: the
    rest of a capitalised name ("Harbourton Logistics" when only "Logistics" is exclusive),
    and a number's scale, unit or month ("€35 million", "40 percent", "June 16")."""
    tokens = [
        (match.start(), match.group(), _shown_word(match.group()))
        for match in _TOKEN.finditer(text)
    ]
    marked = [
        bool(shown) and bool((_numbers(shown) | set(_fact_words(shown))) & exclusive)
        for _, _, shown in tokens
    ]
    for index in range(len(tokens)):
        if marked[index]:
            _widen(tokens, marked, index)
    phrases: list[str] = []
    index = 0
    while index < len(tokens):
        if not marked[index]:
            index += 1
            continue
        first = index
        while index + 1 < len(tokens) and marked[index + 1] and not _closes(tokens[index][1]):
            index += 1
        start = text.index(tokens[first][2], tokens[first][0])
        last_start, _, last_shown = tokens[index]
        end = text.index(last_shown, last_start) + len(last_shown)
        phrases.append(text[start:end])
        index += 1
    return tuple(dict.fromkeys(phrases))


def _widen(tokens: Sequence[tuple[int, str, str]], marked: list[bool], index: int) -> None:
    """Mark the neighbours that belong to the fact at ``index`` (see exclusive_phrases)."""
    shown = tokens[index][2]
    if _NUMBER.search(shown):
        belongs = _number_company
    elif shown[:1].isupper():
        belongs = _capitalised
    else:
        return
    step = index
    while step + 1 < len(tokens) and not _closes(tokens[step][1]) and belongs(tokens[step + 1][2]):
        step += 1
        marked[step] = True
    step = index
    while step > 0 and not _closes(tokens[step - 1][1]) and belongs(tokens[step - 1][2]):
        step -= 1
        marked[step] = True


def _closes(token: str) -> bool:
    """Whether a token ends a phrase: punctuation after it ("Capital," "Terminal.")."""
    return token[-1:] in ",;:)!?" or (token.endswith(".") and _shown_word(token) == token[:-1])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _number_company(word: str) -> bool:
    return word.lower() in _NUMBER_COMPANY


def _sources(
    members: Mapping[str, Article],
    duplicates: Sequence[DuplicateGroup],
    copies: Mapping[str, str],
) -> dict[str, str]:
    """Article id -> source id: the first (by id) of the articles its duplicate groups and
    ``copies`` join it to, or itself."""
    joined = DisjointSet(sorted(members))
    for group in duplicates:
        inside = [key for key in group.members if key in members]
        for key in inside[1:]:
            joined.union(inside[0], key)
    for key, source in copies.items():
        if key in members and source in members:
            joined.union(source, key)
    source_of: dict[str, str] = {}
    for joined_ids in joined.groups():
        source_of.update((key, min(joined_ids)) for key in joined_ids)
    return source_of


def _facts(text: str) -> set[str]:
    """Numbers and name words of ``text``, lower-cased; a sentence's first word is not a
    name.  A name is split into its words so that it meets ``_text_facts`` of another text
    however that text hyphenates or dots it."""
    opening = _OPENING_WORD.match(text)
    rest = text[opening.end() :] if opening else text
    names = {
        piece
        for key in name_keys(rest)
        for piece in _fact_words(key.split(":", 1)[-1])
        if len(piece) > 1
    }
    return _numbers(text) | names


def _numbers(text: str) -> set[str]:
    """Numbers of two digits or more, without thousands separators or a final full stop."""
    numbers = {match.group().replace(",", "").rstrip(".") for match in _NUMBER.finditer(text)}
    return {number for number in numbers if len(number) >= 2}


def _text_facts(text: str) -> set[str]:
    """Facts a whole text mentions: its numbers, and every word lower-cased (a name that
    opens another source's sentence, or is written in lower case there, still counts)."""
    return _numbers(text) | set(_fact_words(text))


def _fact_words(text: str) -> list[str]:
    """Words of ``text`` without possessives or dots and apostrophes inside words."""
    return words(_INNER_MARK.sub("", _POSSESSIVE.sub("", text)))


def _sources_of_fact(
    members: Mapping[str, Article], source_of: Mapping[str, str]
) -> dict[str, set[str]]:
    """Fact -> every source mentioning it anywhere (title, text, place), over all copies."""
    found: dict[str, set[str]] = {}
    for key, article in members.items():
        mentioned = _text_facts(article.title) | _text_facts(article.text)
        mentioned.update(words(article.place or ""))  # a dateline cleaning took out of the text
        for fact in mentioned:
            found.setdefault(fact, set()).add(source_of[key])
    return found


def _linked_across_sources(
    links: Sequence[SentenceLink], members: Mapping[str, Article], source_of: Mapping[str, str]
) -> set[tuple[str, int]]:
    """(article id, sentence start) of every sentence another source states too: a link
    joins it to another source's sentence giving the same figures and negations."""
    confirmed: set[tuple[str, int]] = set()
    for link in links:
        cited = [
            _stripped(c, members[c.article_id].text)
            for c in link.citations
            if c.article_id in members
        ]
        texts = {c: members[c.article_id].text[c.start : c.end] for c in cited}
        for one in cited:
            if any(
                source_of[other.article_id] != source_of[one.article_id]
                and same_claims(texts[one], texts[other])
                for other in cited
            ):
                confirmed.add((one.article_id, one.start))
    return confirmed


def _stripped(citation: Citation, text: str) -> Citation:
    """``citation`` without the white space around its sentence, as statements cite it (a
    link may cite a sentence with its leading white space)."""
    start, end = trimmed(text, citation.start, citation.end)
    return Citation(citation.article_id, start, end, citation.outlet)


def _statements(
    article: Article,
    analysis: ArticleAnalysis | None,
    source_of: Mapping[str, str],
    sources_of_fact: Mapping[str, set[str]],
) -> Iterator[_Statement]:
    own = {source_of[article.id]}
    quoted = [(q.start, q.end) for q in analysis.quotes if q.direct] if analysis else []
    for position, sentence in enumerate(sentences(article, analysis)):
        start, end = trimmed(article.text, sentence.start, sentence.end)
        text = article.text[start:end]
        if len(words(text)) < MIN_WORDS or _quoted(text, quoted, start, end):
            continue
        exclusive = {fact for fact in _facts(text) if sources_of_fact.get(fact, own) <= own}
        if exclusive:
            citation = Citation(article.id, start, end, article.outlet)
            rank = (-len(exclusive), position, article.id, start)
            yield _Statement(citation, text, frozenset(exclusive), rank)


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
