"""Who said it: find the reporting cue next to a quote and resolve its subject to a speaker.

A cue is a reporting verb ("said", "told", "termed") with its subject, or a bare name in
the forms ``Speaker: "..."`` and ``"..." — Speaker``.  The subject is resolved, in order:
an entity mention whose span holds its head word; a surname seen elsewhere in the article
("Mr. Obama" = Obama); a pronoun ("he") to the nearest preceding person that was the subject
of its clause; a role noun ("the president", "the top US diplomat") to the nearest person
whose title fits; anything else ("a senior US official", "officials") is an unnamed speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from storyline.analyze.aliases import entity_key, name_words
from storyline.analyze.speaker_clues import (
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RANKS,
    ROLE_TITLES,
    SUBJECT_DEPS,
    entity_nations,
    indefinite_before,
    is_addressee,
    is_person_noun,
    is_role_nominal,
    nation,
    precedes_subjectless_cue,
    reports_speech,
    subject_span,
    title_fits,
)
from storyline.analyze.speaker_gender import FEMALE_PRONOUNS, entity_genders, name_gender
from storyline.analyze.speaker_names import (
    NAME_WORD,
    full_names,
    fullest_key,
    looks_like_name,
    name_around,
    not_a_person,
    organisation_by_word,
    surname_keys,
    unlisted_person,
    unlisted_speakers,
)
from storyline.models import EntityKind, Mention, SpeakerKind


@dataclass(frozen=True)
class Speaker:
    kind: SpeakerKind
    key: str | None  # entity key when NAMED
    text: str | None  # the words naming the speaker in the cue


UNKNOWN_SPEAKER = Speaker(SpeakerKind.UNKNOWN, None, None)
# How far back "he" may take an unnamed speaker's description ("one striker"): about three
# news sentences; farther, a description might belong to someone else (checked by hand on
# DUC 2003 and news_cluster articles: beyond it "she" took a director's description).
DESCRIPTION_REACH_CHARS = 400
MARK_CHARACTERS = " '\"`“”‘’«»„"


@dataclass(frozen=True)
class Cue:
    """A reporting cue: its verb lemma (None for bare-name forms), subject and span."""

    verb: str | None
    subject: Span | None
    start: int
    end: int


@dataclass(frozen=True)
class Candidate:
    """An earlier possible antecedent of a pronoun: a person, or an unnamed speaker."""

    offset: int
    speaker: Speaker
    is_subject: bool
    is_addressee: bool = False  # "told the Herald": the listener, never a later "he"
    is_plural: bool = False  # "officials said": never a later "he" or "she"


@dataclass(frozen=True)
class ArticleContext:
    """What resolution needs about one article, computed once."""

    doc: Doc
    mentions: tuple[Mention, ...]  # sorted by start
    mention_starts: tuple[int, ...]
    quoted: tuple[tuple[int, int], ...]  # spans inside quote marks
    blocks: tuple[tuple[int, int], ...]  # (start, end) of each block
    persons: tuple[Candidate, ...]  # named persons outside quotes, in order
    genders: Mapping[str, str] = field(default_factory=dict)  # entity key -> "male"/"female"
    full_names: Mapping[str, str] = field(default_factory=dict)  # surname -> fullest person key

    def block_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the block holding ``offset`` (or the gap after a block)."""
        index = bisect.bisect_right(self.blocks, (offset, 1 << 62)) - 1
        return self.blocks[index] if index >= 0 else (0, len(self.doc.text))


def build_context(
    doc: Doc,
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
    blocks: Sequence[tuple[int, int]],
) -> ArticleContext:
    ordered = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
    starts = tuple(m.start for m in ordered)
    names = MappingProxyType(full_names(doc, ordered))
    base = ArticleContext(doc, ordered, starts, tuple(quoted), tuple(blocks), (), {}, names)
    persons = [
        Candidate(
            m.start,
            Speaker(SpeakerKind.NAMED, _person_key(base, m), m.text),
            _mention_is_subject(doc, m),
            _mention_is_addressee(doc, m),
        )
        for m in ordered
        if (m.kind is EntityKind.PERSON or name_around(doc, m))
        and not is_quoted(base, m.start)
        and not not_a_person(name_around(doc, m) or m.text)  # "TfL", "Cape Erimo"
    ]
    subjects = [t for t in doc if t.dep_ in SUBJECT_DEPS and not is_quoted(base, t.idx)]
    for token in subjects:
        speaking = is_person_noun(token) and reports_speech(token.head)
        named = _person_in(base, subject_span(token)) is not None  # "his wife, He Xintong"
        if speaking and not named and not is_role_nominal(token):
            # "one member said ...": an unnamed speaker a later "he said" may continue.
            words = subject_span(token).text.strip(MARK_CHARACTERS)
            unnamed = Speaker(SpeakerKind.UNNAMED, None, words)
            plural = token.tag_ in ("NNS", "NNPS")
            persons.append(Candidate(token.idx, unnamed, True, is_plural=plural))
    untagged = unlisted_speakers(
        subjects, lambda t: _mention_holding(base, t.idx) is not None, names
    )
    persons.extend(Candidate(o, Speaker(SpeakerKind.NAMED, k, w), True) for o, k, w in untagged)
    base = replace(base, full_names=MappingProxyType({**surname_keys(untagged), **names}))
    persons.sort(key=lambda candidate: candidate.offset)
    # Role nouns second, so that "the diplomat" can continue an earlier "a diplomat".
    first_pass = replace(base, persons=tuple(persons))
    for token in (t for t in subjects if is_role_nominal(t)):
        speaker = resolve_role(first_pass, subject_span(token), token.idx)
        if speaker.kind is SpeakerKind.NAMED or is_person_noun(token):
            persons.append(Candidate(token.idx, speaker, True))
    persons.sort(key=lambda candidate: candidate.offset)
    genders = entity_genders(doc, ordered, lambda offset: is_quoted(base, offset))
    context = replace(base, persons=tuple(persons), genders=MappingProxyType(genders))
    return _with_pronoun_genders(context, genders)


def _with_pronoun_genders(context: ArticleContext, genders: dict[str, str]) -> ArticleContext:
    """Genders learnt from the pronouns that continue a person, in reading order: after
    "Okafor rejected the plan. He said ...", Okafor is a man, so a later "she" skips him."""
    for token in context.doc:
        if token.lower_ not in {"he", "she"} or token.dep_ not in SUBJECT_DEPS:
            continue
        if is_quoted(context, token.idx):
            continue
        gender = "female" if token.lower_ == "she" else "male"
        found = _antecedent(context, token.idx, gender)
        key = found.speaker.key if found is not None else None
        if key is not None and key not in genders:
            genders[key] = gender
            context = replace(context, genders=MappingProxyType(dict(genders)))
    return context


def _person_key(context: ArticleContext, mention: Mention) -> str:
    """The key of the person a mention names, under the fullest name the article gives
    ("Lima" -> "person:ana lima"); a place or organisation keeps its own key unless its
    name is a person's surname here ("Lima said" after "Ana Lima")."""
    rebuilt = name_around(context.doc, mention)
    if rebuilt is not None:
        return entity_key(EntityKind.PERSON, name_words(rebuilt))
    if mention.kind is EntityKind.PERSON:
        return fullest_key(context.full_names, mention.entity)
    if mention.kind in {EntityKind.PLACE, EntityKind.ORGANISATION}:
        return context.full_names.get(mention.text.lower(), mention.entity)
    return mention.entity


def is_quoted(context: ArticleContext, offset: int) -> bool:
    return any(start <= offset < end for start, end in context.quoted)


def _mention_is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # A sentence-root name is its topic ("Delgado, who led the walkout, called the deal").
    nominal_root = root.dep_ == "ROOT" and root.pos_ == "PROPN"
    source = root.dep_ == "pobj" and root.head.head.lower_ == "according"  # "according to X"
    return (
        nominal_root
        or source
        or precedes_subjectless_cue(span)
        or root.dep_ in SUBJECT_DEPS
        or (root.dep_ in {"compound", "appos"} and root.head.dep_ in SUBJECT_DEPS)
    )


def _mention_is_addressee(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and is_addressee(span.root)


def resolve(context: ArticleContext, subject: Span) -> Speaker:
    """The speaker a cue's subject names."""
    head = subject.root
    text = subject.text.strip(MARK_CHARACTERS)
    mention = (
        _mention_holding(context, head.idx)
        or _person_in(context, subject)
        or _person_after_rank(context, head)
    )
    if mention is not None:
        return Speaker(SpeakerKind.NAMED, _person_key(context, mention), text)
    lower = head.lower_
    if lower in PERSON_PRONOUNS:
        gender = "female" if lower in FEMALE_PRONOUNS else "male"
        found = _antecedent(context, head.idx, gender)
        if found is None:
            return UNKNOWN_SPEAKER
        if found.speaker.kind is SpeakerKind.UNNAMED and _nearby(context, found, head.idx):
            return found.speaker  # "he" right after "one striker ... told": that description
        return Speaker(found.speaker.kind, found.speaker.key, text)
    if lower == "it":
        organisation = _organisation_before(context, head.idx)
        return Speaker(SpeakerKind.NAMED, organisation, text) if organisation else UNKNOWN_SPEAKER
    if head.pos_ == "PRON":
        plural = lower in PLURAL_PRONOUNS
        return Speaker(SpeakerKind.UNNAMED, None, text) if plural else UNKNOWN_SPEAKER
    if is_role_nominal(head):
        return resolve_role(context, subject, head.idx)
    known = NAME_WORD.fullmatch(head.text) and _person_by_surname(context, head.text)
    if (head.pos_ == "PROPN" and not head.is_lower) or looks_like_name(head) or known:
        same_name = _person_by_surname(context, head.text)
        if same_name is None and NAME_WORD.fullmatch(head.text):
            same_name = unlisted_person(subject)
        if same_name is None:
            return Speaker(SpeakerKind.UNKNOWN, None, text)
        return Speaker(SpeakerKind.NAMED, fullest_key(context.full_names, same_name), text)
    body = organisation_by_word(context.mentions, subject, lambda at: is_quoted(context, at))
    return Speaker(SpeakerKind.NAMED if body else SpeakerKind.UNNAMED, body, text)


def _person_in(context: ArticleContext, subject: Span) -> Mention | None:
    """A person named by the subject's own name words or an apposition to it.

    "Tomas Richter" whose mention covers only "Tomas", "the minister, Ruth Adler"; never
    a possessor ("Kerry's spokesman" is not Kerry).
    """
    head = subject.root
    tokens = [c for c in head.children if c.dep_ == "compound"]
    for appos in (c for c in head.children if c.dep_ == "appos"):
        tokens.extend(appos.subtree)
    for token in tokens:
        mention = _mention_holding(context, token.idx)
        if mention is not None and mention.kind is EntityKind.PERSON:
            return mention
    return None


def _person_after_rank(context: ArticleContext, head: Token) -> Mention | None:
    """ "said Maj. Perry L. Nouis": the parser took the rank for the subject."""
    if head.lower_.rstrip(".") not in RANKS:
        return None
    for token in head.doc[head.i + 1 : head.i + 3]:
        mention = _mention_holding(context, token.idx)
        if mention is not None and mention.kind is EntityKind.PERSON:
            return mention
    return None


def person_before(context: ArticleContext, verb: Token) -> Span | None:
    """The person mention ending right before ``verb`` ("... John Kerry said"), if any."""
    if verb.i == 0:
        return None
    mention = _mention_holding(context, verb.doc[verb.i - 1].idx)
    if (
        mention is None
        or mention.kind is not EntityKind.PERSON
        or is_quoted(context, mention.start)
    ):
        return None
    return verb.doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _mention_holding(context: ArticleContext, offset: int) -> Mention | None:
    index = bisect.bisect_right(context.mention_starts, offset)
    for mention in reversed(context.mentions[max(0, index - 4) : index]):
        if mention.start <= offset < mention.end:
            return mention
    return None


def _person_by_surname(context: ArticleContext, surname: str) -> str | None:
    keys = {
        m.entity
        for m in context.mentions
        if m.kind is EntityKind.PERSON and m.text.split()[-1].lower() == surname.lower()
    }
    return keys.pop() if len(keys) == 1 else None


def _antecedent(context: ArticleContext, offset: int, gender: str) -> Candidate | None:
    """The nearest earlier subject person (or speaker) of a fitting gender, else the
    nearest earlier fitting person; never the one spoken to ("told the Herald")."""
    earlier = [
        c
        for c in context.persons
        if c.offset < offset
        and not (c.is_addressee or c.is_plural)
        and _gender_of(context, c.speaker) in {gender, ""}
    ]
    for candidate in reversed(earlier):
        if candidate.is_subject:
            return candidate
    return earlier[-1] if earlier else None


def _gender_of(context: ArticleContext, speaker: Speaker) -> str:
    """The article's own evidence first, then the given name written ("Lisa Lange")."""
    return context.genders.get(speaker.key or "") or name_gender(speaker.text or "")


def _nearby(context: ArticleContext, candidate: Candidate, offset: int) -> bool:
    """The candidate is in the block of ``offset`` or the one before, and a few sentences
    back at most: close enough for a pronoun to take its description without a name to
    check the gender against."""
    blocks = [block for block in context.blocks if block[0] <= offset]
    floor = blocks[-2][0] if len(blocks) > 1 else 0
    return candidate.offset >= max(floor, offset - DESCRIPTION_REACH_CHARS)


def _organisation_before(context: ArticleContext, offset: int) -> str | None:
    """The organisation an "it said" most likely continues: the last one named before,
    in the same or the previous block."""
    blocks = [block for block in context.blocks if block[0] <= offset]
    floor = blocks[-2][0] if len(blocks) > 1 else 0
    for mention in reversed(context.mentions):
        before = floor <= mention.start < offset and not is_quoted(context, mention.start)
        if before and mention.kind is EntityKind.ORGANISATION:
            return mention.entity
    return None


def resolve_role(context: ArticleContext, subject: Span, offset: int) -> Speaker:
    """A role noun phrase to the nearest person titled alike (before, else after).

    A nationality in the phrase ("the top US diplomat") prefers people whose titles in
    this article carry that nationality, then people whose titles carry none.
    """
    head = subject.root
    keywords = ROLE_TITLES.get(head.lemma_.lower(), (head.lemma_.lower(),))
    phrase = " ".join(t.lower_ for t in subject if t.dep_ not in {"det", "poss", "case"})
    qualifiers = {nation(t.text) for t in subject if t.text[:1].isupper() and t.dep_ != "det"}
    qualifiers.discard(nation(head.text))
    nations = entity_nations(context.mentions)
    fitting = [
        m
        for m in context.mentions
        if m.kind is EntityKind.PERSON and m.title and title_fits(m.title, keywords, phrase)
    ]
    tiers = [fitting]
    if qualifiers:
        same = [m for m in fitting if nations.get(m.entity, set()) & qualifiers]
        unknown = [m for m in fitting if not nations.get(m.entity)]
        tiers = [same, unknown]
    unnamed = Speaker(SpeakerKind.UNNAMED, None, subject.text)
    introduced = _unnamed_introduced(context, head, offset)
    for tier in tiers:
        before = [m for m in tier if m.start < offset]
        after = [m for m in tier if m.start > offset]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is not None and (introduced is None or introduced < chosen.start):
            return Speaker(SpeakerKind.NAMED, chosen.entity, subject.text)
    return unnamed


def _unnamed_introduced(context: ArticleContext, head: Token, offset: int) -> int | None:
    """Where "a diplomat" last spoke before "the diplomat" at ``offset``, if it did."""
    found = [
        c.offset
        for c in context.persons
        if c.offset < offset
        and c.speaker.kind is SpeakerKind.UNNAMED
        and (c.speaker.text or "").lower().split()[-1:] == [head.lower_]
    ]  # or "One senior senator, now in his fourth term, summed up ...", whatever the verb
    return max([*found[-1:], *indefinite_before(head, context.block_at(offset)[0])], default=None)
