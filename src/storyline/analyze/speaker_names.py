"""The fullest name of a speaker in an article, so that a quote cued "Lima said" comes out
under "Ana Lima" as "Delgado said" comes out under "Marco Delgado".

The entity stage sometimes keeps only part of a name: spaCy may tag the surname of "Ana
Lima" as the city and leave "Ana" out.  A one-word person or place mention right after
capitalised name words that no mention covers ("spokeswoman Ana Lima") is read as that
longer name; role words and honorifics ("Minister", "Mr") are never part of it.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from storyline.analyze.aliases import entity_key, name_words
from storyline.analyze.speaker_clues import PERSON_NOUNS, RANKS, ROLE_TITLES
from storyline.models import EntityKind, Mention

FIRST_NAME_WORDS = 2  # "Ana Lima", "Ana Paula Lima": at most two words before the surname
NOT_NAME_WORDS = frozenset(
    {"inspector", "detective", "constable", "superintendent", "sheriff", "officer",
     "sergeant", "father", "sister", "brother", "uncle", "aunt", "saint", "st", "lord",
     "lady", "dame", "madam", "the", "a", "an", "in", "at", "of", "from"}
)  # fmt: skip
SURNAME_KINDS = frozenset({EntityKind.PERSON, EntityKind.PLACE})


def full_names(doc: Doc, mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Surname (lowercase) -> the person key of the one fullest name with that surname:
    person mentions of several words, and names rebuilt around one-word mentions."""
    candidates: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.kind is EntityKind.PERSON and len(words) > 1:
            candidates.setdefault(words[-1].lower(), set()).add(mention.entity)
        rebuilt = name_around(doc, mention)
        if rebuilt is not None:
            key = entity_key(EntityKind.PERSON, name_words(rebuilt))
            candidates.setdefault(rebuilt.split()[-1].lower(), set()).add(key)
    return {surname: keys.pop() for surname, keys in candidates.items() if len(keys) == 1}


def name_around(doc: Doc, mention: Mention) -> str | None:
    """'Ana Lima' for a one-word mention 'Lima' after the uncovered name word 'Ana'."""
    if mention.kind not in SURNAME_KINDS or len(mention.text.split()) != 1:
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    first = span.start
    while first > 0 and span.start - first < FIRST_NAME_WORDS and _first_name(doc[first - 1]):
        if doc[first - 1].sent.start != span.sent.start:
            break
        first -= 1
    if first == span.start:
        return None
    return " ".join([*(t.text for t in doc[first : span.start]), mention.text])


def _first_name(token: Token) -> bool:
    lower = token.lower_.rstrip(".")
    if token.pos_ != "PROPN" or not token.is_title or token.ent_type_ not in {"", "PERSON"}:
        return False
    listed = lower in RANKS or lower in ROLE_TITLES or lower in PERSON_NOUNS
    return not listed and lower not in NOT_NAME_WORDS


def fullest_key(names: Mapping[str, str], key: str) -> str:
    """``key`` or, for a one-word person key, the fuller name with that surname."""
    kind, _, name = key.partition(":")
    if kind != EntityKind.PERSON.value or " " in name:
        return key
    return names.get(name, key)
