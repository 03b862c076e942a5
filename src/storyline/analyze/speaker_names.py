"""The fullest name of a speaker in an article, so that a quote cued "Lima said" comes out
under "Ana Lima" as "Delgado said" comes out under "Marco Delgado".

The entity stage sometimes keeps only part of a name: spaCy may tag the surname of "Ana
Lima" as the city and leave "Ana" out.  A one-word person or place mention right after
capitalised name words that no mention covers ("spokeswoman Ana Lima") is read as that
longer name; role words and honorifics ("Minister", "Mr") are never part of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from storyline.analyze.aliases import entity_key, name_words
from storyline.analyze.speaker_clues import (
    PERSON_NOUNS,
    RANKS,
    ROLE_TITLES,
    reports_speech,
    subject_span,
)
from storyline.models import EntityKind, Mention

FIRST_NAME_WORDS = 2  # "Ana Lima", "Ana Paula Lima": at most two words before the surname
NOT_NAME_WORDS = frozenset(
    {"inspector", "detective", "constable", "superintendent", "sheriff", "officer",
     "sergeant", "father", "sister", "brother", "uncle", "aunt", "saint", "st", "lord",
     "lady", "dame", "madam", "the", "a", "an", "in", "at", "of", "from"}
)  # fmt: skip
SURNAME_KINDS = frozenset({EntityKind.PERSON, EntityKind.PLACE})
BODY_WORDS = frozenset(
    {"agency", "association", "authority", "bank", "board", "branch", "commission",
     "committee", "company", "council", "court", "department", "group", "institute",
     "ministry", "office", "party", "police", "service", "union", "university",
     "cape", "mount", "lake", "river", "island", "street"}  # places tagged as people
)  # fmt: skip
NAME_WORD = re.compile(r"[A-Z][\w'’.-]*[a-z]")  # a capitalised name word, no marks around


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


def looks_like_name(head: Token) -> bool:
    """A capitalised word the tagger called a noun ("Pablo said"), not at a sentence start."""
    return head.is_title and not head.is_sent_start and bool(NAME_WORD.fullmatch(head.text))


def unlisted_person(subject: Span) -> str:
    """A key, in the entity stage's format, for a name the entity stage did not tag
    ('"...," Steck said'): the capitalised name words at the subject's head."""
    head = subject.root
    words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
    return entity_key(EntityKind.PERSON, name_words(" ".join(t.text for t in words)))


def unlisted_speakers(
    subjects: Sequence[Token], tagged: Callable[[Token], bool], surnames: Mapping[str, str]
) -> list[tuple[int, str, str]]:
    """(offset, person key, words) of speakers the entity stage left untagged, so that a
    later "he said" can continue them: a capitalised name of two words or more ("Whit
    Honea, a father of two, said"), or the known surname of a fuller name ("Musk has
    said" after "Elon Musk"), as the subject of a reporting verb."""
    found = []
    for token in subjects:
        if tagged(token) or token.pos_ != "PROPN" or not NAME_WORD.fullmatch(token.text):
            continue
        compounds = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        words = subject_span(token)
        known = surnames.get(token.lower_) if not compounds else None
        speaking = reports_speech(token.head)
        if not (compounds or known) or not_a_person(words.text) or not speaking:
            continue
        found.append((token.idx, known or unlisted_person(words), words.text))
    return found


def surname_keys(speakers: Sequence[tuple[int, str, str]]) -> dict[str, str]:
    """Surname -> key of unlisted speakers, so that "said Honea" (which the entity stage
    took for an organisation) comes out under "Whit Honea"."""
    return {key.split()[-1]: key for _, key, _ in speakers}


def not_a_person(text: str) -> bool:
    """A name the entity stage tagged as a person that cannot be one: an acronym ("TfL",
    "RAIB": capitals for half its letters; "McCain" is a name) or a body ("The Rail
    Accident Investigation Branch")."""
    letters = [char for char in text if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    acronym = " " not in text and capitals >= 2 and 2 * capitals >= len(letters)
    return acronym or bool(BODY_WORDS & set(text.lower().split()))


def organisation_by_word(
    mentions: Sequence[Mention], subject: Span, quoted: Callable[[int], bool]
) -> str | None:
    """The organisation a definite description continues by its own word: "the zoo" after
    "Cincinnati Zoo", "the ministry" after "the Foreign Ministry" (news audit, 2026-11).
    "The company" is left alone: the last organisation named is as often a newspaper."""
    head = subject.root
    if head.pos_ != "NOUN" or subject[0].lower_ != "the" or len(subject) > 3:
        return None
    word = head.lower_
    for mention in reversed([m for m in mentions if m.end <= subject.start_char]):
        if mention.kind is not EntityKind.ORGANISATION or quoted(mention.start):
            continue
        if word in mention.text.lower().split():
            return mention.entity
    return None
