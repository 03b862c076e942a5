"""Entity mentions in one article: spaCy's entities, cleaned, titled and keyed.

The small English model finds most names but leaves news-typical debris: possessives
("Bashar al Assad's"), a headline verb glued on ("Kerry Says"), the "State" of "Secretary
of State" as an organisation, a surname labelled ORG in one sentence and PERSON in the
next, a dateline city read as a person.  Each is fixed here with a cheap rule; then every
mention gets a key shared by all its spellings in the article ("Kerry", "John Kerry",
"Secretary of State John Kerry" -> "person:john kerry").  Cross-article linking lives in
entity_linking.py and is re-exported here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from storyline.analyze.aliases import (
    DEPARTMENTS,
    HEADLINE_VERBS,
    HONORIFICS,
    LOWERCASE_TITLE_MODIFIERS,
    PLACE_ALIASES,
    TITLE_CONNECTORS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    entity_key,
    fold,
    is_acronym,
    matches_acronym,
    name_words,
)
from storyline.analyze.entity_linking import link_entities, resolve_person
from storyline.models import Article, EntityKind, Mention

__all__ = ["find_mentions", "link_entities"]

KIND_BY_LABEL = {
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORGANISATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "NORP": EntityKind.GROUP,
}
_LEADING_DETERMINERS = frozenset(("the", "a", "an"))
_POSSESSIVE_TOKENS = frozenset(("'s", "’s", "'", "’"))
# Country spellings spaCy often leaves untagged when used as a modifier ("the U.S. embassy").
_HYPHEN = re.compile(r"\s*[-‐‑–]\s*")
_COUNTRY_TOKENS = frozenset(("U.S.", "U.S", "US", "USA", "U.S.A.", "U.K.", "UK"))


@dataclass(frozen=True)
class _Candidate:
    start: int  # character offsets into the article text
    end: int
    text: str
    kind: EntityKind
    words: tuple[str, ...]
    title: str | None = None
    block_initial: bool = False  # the first word of a block (dateline position)


def find_mentions(doc: Doc, article: Article) -> tuple[Mention, ...]:
    """Every PERSON/ORG/GPE/LOC/NORP/FAC mention in ``doc``, with article-local keys."""
    places = frozenset(
        fold(ent.text) for ent in doc.ents if ent.label_ in ("GPE", "LOC")
    ) | frozenset(PLACE_ALIASES)
    text = article.text  # doc.text would rebuild the string on every access
    candidates = [c for ent in doc.ents for c in _candidates(doc, text, ent, places)]
    candidates.extend(_untagged_countries(doc, text, candidates))
    candidates.sort(key=lambda c: c.start)
    candidates = _fix_kinds(candidates, article)
    keys = _local_keys(candidates)
    return tuple(
        Mention(c.start, c.end, c.text, kind, key, c.title)
        for c, (kind, key) in zip(candidates, keys, strict=True)
    )


# --------------------------------------------------------------------------- candidates


def _candidates(doc: Doc, text: str, ent: Span, places: frozenset[str]) -> Iterator[_Candidate]:
    kind = KIND_BY_LABEL.get(ent.label_)
    if kind is None:
        return
    tokens = _trim(list(ent))
    inner_title = _leading_title(tokens) if kind is EntityKind.PERSON else []
    tokens = tokens[len(inner_title) :]
    if not any(char.isalpha() for token in tokens for char in token.text):
        return
    if kind is EntityKind.ORGANISATION and _is_department_in_title(doc, tokens):
        return
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    parts = _hyphen_parts(text, start, end)
    if len(parts) > 1 and all(fold(text[a:b]) in places for a, b in parts):
        for part_start, part_end in parts:  # "U.S.-Russia talks": two places, no organisation
            yield _make(text, part_start, part_end, EntityKind.PLACE, None)
        return
    title_end = inner_title[0].i if inner_title else tokens[0].i
    title = _title_text([*_title_before(doc, title_end), *inner_title])
    yield _make(text, start, end, kind, title if kind is EntityKind.PERSON else None)


def _make(text: str, start: int, end: int, kind: EntityKind, title: str | None) -> _Candidate:
    name = text[start:end]
    position = start
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    block_initial = position == 0 or text[position - 1] == "\n"
    return _Candidate(start, end, name, kind, name_words(name, kind), title, block_initial)


def _text(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop a leading 'the', a trailing possessive or punctuation, a glued headline verb."""
    while tokens and tokens[0].lower_ in _LEADING_DETERMINERS:
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _POSSESSIVE_TOKENS or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if len(tokens) > 1 and tokens[-1].lower_ in HEADLINE_VERBS and tokens[-1].text[:1].isupper():
        tokens = tokens[:-1]
    return tokens


def _leading_title(tokens: Sequence[Token]) -> list[Token]:
    """The title words spaCy included at the front of a PERSON span."""
    count = 0
    while count < len(tokens) - 1 and _is_title_word(tokens[count]):
        count += 1
    return list(tokens[:count])


def _is_title_word(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    if word in TITLE_HEADS or word in HONORIFICS or word in LOWERCASE_TITLE_MODIFIERS:
        return True
    return word in TITLE_MODIFIERS and token.text[:1].isupper()


def _title_before(doc: Doc, index: int) -> list[Token]:
    """The role words right in front of token ``index`` ("Russian Foreign Minister")."""
    words: list[Token] = []
    position = index - 1
    while position >= 0:
        token = doc[position]
        if not (_is_title_word(token) or _is_title_filler(token)):
            break
        words.insert(0, token)
        position -= 1
    while words and (words[0].lower_ in TITLE_CONNECTORS or words[0].text == "-"):
        words.pop(0)
    return words


def _is_title_filler(token: Token) -> bool:
    """Connectors, departments and nationalities that sit inside a role."""
    if token.lower_ in TITLE_CONNECTORS or token.text == "-":
        return True
    if token.lower_ in DEPARTMENTS and token.text[:1].isupper():
        return True
    return token.ent_type_ == "NORP" or (is_acronym(token.text) and token.ent_type_ == "GPE")


def _title_text(tokens: Sequence[Token]) -> str | None:
    if not any(t.lower_.rstrip(".") in TITLE_HEADS - HONORIFICS for t in tokens):
        return None
    return _text(tokens).replace(" - ", "-") or None


def _is_department_in_title(doc: Doc, tokens: Sequence[Token]) -> bool:
    """'State' in 'Secretary of State': the department of a role, not an organisation."""
    if not all(t.lower_ in DEPARTMENTS for t in tokens) or tokens[0].i < 2:
        return False
    connector, head = doc[tokens[0].i - 1], doc[tokens[0].i - 2]
    return connector.lower_ == "of" and head.lower_.rstrip(".") in TITLE_HEADS


def _hyphen_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the hyphen-joined parts of ``text[start:end]``."""
    parts, part_start = [], start
    for match in _HYPHEN.finditer(text, start, end):
        parts.append((part_start, match.start()))
        part_start = match.end()
    parts.append((part_start, end))
    return [(a, b) for a, b in parts if b > a]


def _untagged_countries(doc: Doc, text: str, found: Sequence[_Candidate]) -> Iterator[_Candidate]:
    """'U.S.'/'US' tokens spaCy left untagged, unless the sentence is shouting capitals."""
    covered = {offset for c in found for offset in range(c.start, c.end)}
    for token in doc:
        if token.text not in _COUNTRY_TOKENS or token.idx in covered or token.ent_type_:
            continue
        if token.text.isalpha() and _in_capitals(doc, token):
            continue  # "TALK TO US": the pronoun
        yield _make(text, token.idx, token.idx + len(token.text), EntityKind.PLACE, None)


def _in_capitals(doc: Doc, token: Token) -> bool:
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.text.isupper() and len(t.text) > 1 for t in neighbours)


# --------------------------------------------------------------------------- kind fixes


def _fix_kinds(candidates: list[_Candidate], article: Article) -> list[_Candidate]:
    persons = {c.words[-1] for c in candidates if c.kind is EntityKind.PERSON and len(c.words) > 1}
    places = {c.words for c in candidates if c.kind is EntityKind.PLACE}
    majority = _majority_kinds(candidates)
    fixed = []
    for index, candidate in enumerate(candidates):
        kind = candidate.kind
        if len(candidate.words) == 1 and candidate.words[0] in persons:
            kind = EntityKind.PERSON  # "Lavrov" tagged ORG where "Sergei Lavrov" is a person
        elif _is_dateline(candidates, index, article):
            kind = EntityKind.PLACE
        elif kind is EntityKind.GROUP and candidate.words in places:
            kind = EntityKind.PLACE  # a group label used as a place name
        elif kind is not EntityKind.PERSON or len(candidate.words) == 1:
            kind = majority.get(candidate.words, kind)  # "Chile" once PERSON, mostly GPE
        if kind is not candidate.kind:
            words = name_words(candidate.text, kind)
            candidate = replace(candidate, kind=kind, words=words, title=None)
        fixed.append(candidate)
    return fixed


def _majority_kinds(candidates: Sequence[_Candidate]) -> dict[tuple[str, ...], EntityKind]:
    """The clearly most frequent kind of each spelling tagged with several kinds."""
    counts: dict[tuple[str, ...], Counter[EntityKind]] = {}
    for candidate in candidates:
        counts.setdefault(candidate.words, Counter())[candidate.kind] += 1
    majority = {}
    for words, kinds in counts.items():
        ranked = kinds.most_common(2)
        if len(ranked) > 1 and ranked[0][1] > ranked[1][1]:
            majority[words] = ranked[0][0]
    return majority


def _is_dateline(candidates: Sequence[_Candidate], index: int, article: Article) -> bool:
    """'Bandar Seri Begawan, Brunei ...' opening a block: a place, whatever the label."""
    candidate = candidates[index]
    if candidate.kind is EntityKind.PLACE:
        return False
    if article.place and fold(article.place) == fold(candidate.text):
        return True
    if not candidate.block_initial or index + 1 >= len(candidates):
        return False
    following = candidates[index + 1]
    gap = article.text[candidate.end : following.start]
    return following.kind is EntityKind.PLACE and gap.strip() == ","


# --------------------------------------------------------------------------- keys


def _local_keys(candidates: Sequence[_Candidate]) -> list[tuple[EntityKind, str]]:
    """Kind and key of each candidate; spellings of one entity in the article share a key."""
    full_people = [
        (c.start, c.words) for c in candidates if c.kind is EntityKind.PERSON and len(c.words) > 1
    ]
    long_forms = {
        c.words for c in candidates if len(c.words) > 1 and c.kind is not EntityKind.PERSON
    }
    keys = []
    for candidate in candidates:
        if candidate.kind is EntityKind.PERSON:
            full_name = resolve_person(candidate.words, full_people, candidate.start)
            keys.append((EntityKind.PERSON, entity_key(EntityKind.PERSON, full_name)))
            continue
        words: tuple[str, ...] = candidate.words
        kind: EntityKind = candidate.kind
        if is_acronym(candidate.text):
            matching = [form for form in long_forms if matches_acronym(candidate.text, form)]
            if len(matching) == 1:
                words = matching[0]
                kind = _kind_of(candidates, words, kind)
        keys.append((kind, entity_key(kind, words)))
    return keys


def _kind_of(
    candidates: Sequence[_Candidate], words: tuple[str, ...], default: EntityKind
) -> EntityKind:
    return next((c.kind for c in candidates if c.words == words), default)
