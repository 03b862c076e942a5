"""Canonical entities across articles: one Entity per person, organisation or place.

Local entities (an article's mention keys) are joined when their name words are equal
(kinds other than person may differ: the small model calls "UN" an ORG in one article and a
GPE in the next), when a shorter person name is the start of exactly one longer one
("Mohammed bin Zayed" ~ "Mohammed bin Zayed al Nahyan"), when a bare surname matches the
surname of exactly one full name, and when an acronym abbreviates exactly one long name
("ASEAN" ~ "Association of Southeast Asian Nations").  "Exactly one" is what keeps two
Smiths apart: a bare "Smith" with two full Smiths in the pile stays on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.analyze.aliases import (
    entity_key,
    fold,
    is_acronym,
    matches_acronym,
    name_words,
)
from storyline.models import ArticleAnalysis, Entity, EntityKind, Mention

LocalId = tuple[str, str]  # (article id, article-local entity key)


def resolve_person(
    words: tuple[str, ...], full_names: Sequence[tuple[int, tuple[str, ...]]], position: int
) -> tuple[str, ...]:
    """The full name a person mention at ``position`` refers to, within one article.

    ``full_names`` holds (offset, words) of every multi-word person mention.  A bare
    surname takes the one full name with that surname; with several, the nearest one
    before it; with none before, it stays bare (ambiguous).  A bare given name ("Sergei")
    takes the one full name starting with it.
    """
    distinct = {name for _, name in full_names}
    if len(words) > 1:
        longer = _longer_forms(words, distinct)
        return longer[0] if len(longer) == 1 else words
    by_surname = {name for name in distinct if name[-1] == words[0]}
    if len(by_surname) == 1:
        return by_surname.pop()
    if by_surname:
        before = [(start, name) for start, name in full_names if start < position]
        nearest = [name for start, name in sorted(before) if name in by_surname]
        return nearest[-1] if nearest else words
    by_given = {name for name in distinct if name[0] == words[0]}
    return by_given.pop() if len(by_given) == 1 else words


def _longer_forms(
    words: tuple[str, ...], names: Iterable[tuple[str, ...]]
) -> list[tuple[str, ...]]:
    """Longer names that start with ``words``, or share its first and last word."""
    return sorted(
        name
        for name in names
        if len(name) > len(words)
        and (name[: len(words)] == words or (name[0] == words[0] and name[-1] == words[-1]))
    )


@dataclass(frozen=True)
class _Local:
    kind: EntityKind
    words: tuple[str, ...]
    mentions: tuple[Mention, ...]


def link_entities(
    analyses: Sequence[ArticleAnalysis],
) -> tuple[tuple[Entity, ...], dict[tuple[str, str], str]]:
    """Entities across ``analyses`` and the map (article id, local key) -> entity key."""
    locals_ = _gather(analyses)
    groups = _Groups(list(locals_))
    _join_equal_names(locals_, groups)
    _join_longer_person_names(locals_, groups)
    _join_bare_surnames(locals_, groups)
    _join_mislabelled_single_words(locals_, groups)
    _join_acronyms(locals_, groups)
    entities: list[Entity] = []
    key_map: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for members in groups.members():
        entity = _entity([locals_[m] for m in members], [m[0] for m in members], taken)
        taken.add(entity.key)
        entities.append(entity)
        key_map.update({member: entity.key for member in members})
    entities.sort(key=lambda e: (-e.mention_count, e.name))
    return tuple(entities), key_map


def _gather(analyses: Sequence[ArticleAnalysis]) -> dict[LocalId, _Local]:
    mentions: dict[LocalId, list[Mention]] = {}
    for analysis in analyses:
        for mention in analysis.mentions:
            mentions.setdefault((analysis.article_id, mention.entity), []).append(mention)
    locals_ = {}
    for local_id, found in mentions.items():
        _, _, name = local_id[1].partition(":")
        locals_[local_id] = _Local(found[0].kind, tuple(name.split()), tuple(found))
    return locals_


class _Groups:
    """Union-find over local entities."""

    def __init__(self, ids: list[LocalId]) -> None:
        self._parent = {local_id: local_id for local_id in ids}

    def root(self, local_id: LocalId) -> LocalId:
        while self._parent[local_id] != local_id:
            self._parent[local_id] = self._parent[self._parent[local_id]]
            local_id = self._parent[local_id]
        return local_id

    def join(self, first: LocalId, second: LocalId) -> None:
        self._parent[self.root(second)] = self.root(first)

    def members(self) -> list[list[LocalId]]:
        grouped: dict[LocalId, list[LocalId]] = {}
        for local_id in self._parent:
            grouped.setdefault(self.root(local_id), []).append(local_id)
        return list(grouped.values())


def _join_equal_names(locals_: dict[LocalId, _Local], groups: _Groups) -> None:
    first_seen: dict[tuple[bool, tuple[str, ...]], LocalId] = {}
    for local_id, local in locals_.items():
        index = (local.kind is EntityKind.PERSON, local.words)
        groups.join(first_seen.setdefault(index, local_id), local_id)


def _join_longer_person_names(locals_: dict[LocalId, _Local], groups: _Groups) -> None:
    by_name = _person_names(locals_, multi_word=True)
    for words, local_id in by_name.items():
        longer = _longer_forms(words, by_name)
        if len({groups.root(by_name[name]) for name in longer}) == 1:
            groups.join(by_name[longer[0]], local_id)


def _join_bare_surnames(locals_: dict[LocalId, _Local], groups: _Groups) -> None:
    full = _person_names(locals_, multi_word=True)
    for words, local_id in _person_names(locals_, multi_word=False).items():
        roots = {groups.root(full[name]) for name in full if name[-1] == words[0]}
        if len(roots) == 1:
            groups.join(roots.pop(), local_id)


def _join_mislabelled_single_words(locals_: dict[LocalId, _Local], groups: _Groups) -> None:
    """A one-word "person" no full name explains, spelled like a place or organisation
    mentioned more often, is that place ("Chile" tagged PERSON in one article)."""
    surnames = {words[-1] for words in _person_names(locals_, multi_word=True)}
    counts: Counter[tuple[bool, tuple[str, ...]]] = Counter()
    others: dict[tuple[str, ...], LocalId] = {}
    for local_id, local in locals_.items():
        is_person = local.kind is EntityKind.PERSON
        counts[(is_person, local.words)] += len(local.mentions)
        if not is_person:
            others.setdefault(local.words, local_id)
    for words, local_id in _person_names(locals_, multi_word=False).items():
        if words[0] in surnames or words not in others:
            continue
        if counts[(False, words)] > counts[(True, words)]:
            groups.join(others[words], local_id)


def _join_acronyms(locals_: dict[LocalId, _Local], groups: _Groups) -> None:
    long_names: dict[tuple[str, ...], LocalId] = {}
    for local_id, local in locals_.items():
        if local.kind is not EntityKind.PERSON and len(local.words) > 1:
            long_names.setdefault(local.words, local_id)
    for local_id, local in locals_.items():
        if local.kind is EntityKind.PERSON or len(local.words) != 1:
            continue
        if not any(is_acronym(mention.text) for mention in local.mentions):
            continue
        roots = {
            groups.root(other)
            for words, other in long_names.items()
            if matches_acronym(local.words[0], words)
        }
        if len(roots) == 1:
            groups.join(roots.pop(), local_id)


def _person_names(
    locals_: dict[LocalId, _Local], *, multi_word: bool
) -> dict[tuple[str, ...], LocalId]:
    names: dict[tuple[str, ...], LocalId] = {}
    for local_id, local in locals_.items():
        if local.kind is EntityKind.PERSON and (len(local.words) > 1) == multi_word:
            names.setdefault(local.words, local_id)
    return names


def _entity(members: list[_Local], article_ids: list[str], taken: set[str]) -> Entity:
    mentions = [mention for member in members for mention in member.mentions]
    kinds: Counter[EntityKind] = Counter()
    for member in members:
        kinds[member.kind] += len(member.mentions)
    kind = kinds.most_common(1)[0][0]
    spellings = Counter(mention.text for mention in mentions)
    name = max(spellings, key=lambda s: (len(fold(s).split()), spellings[s], len(s)))
    key = entity_key(kind, name_words(name, kind))
    suffix = 2
    while key in taken:  # two entities with one name (two Smiths left apart)
        key = f"{entity_key(kind, name_words(name, kind))}~{suffix}"
        suffix += 1
    titles = Counter(mention.title for mention in mentions if mention.title)
    return Entity(
        key=key,
        name=name,
        kind=kind,
        aliases=tuple(spelling for spelling, _ in spellings.most_common()),
        titles=tuple(title for title, _ in titles.most_common()),
        mention_count=len(mentions),
        article_ids=tuple(dict.fromkeys(article_ids)),
    )
