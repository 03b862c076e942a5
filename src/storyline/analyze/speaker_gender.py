"""The grammatical gender of the people an article names, from the article's own evidence:
honorifics and gendered role words ("Mrs", "spokeswoman"), and the pronouns used in
sentences where only one person is named.  Used so that "he" never resolves to a woman.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from storyline.models import EntityKind, Mention

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_WORDS = frozenset(
    {"mr", "mr.", "sir", "lord", "king", "prince", "duke", "spokesman", "congressman",
     "businessman", "father", "husband", "brother", "son"}
)  # fmt: skip
FEMALE_WORDS = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "duchess",
     "spokeswoman", "congresswoman", "businesswoman", "chairwoman", "mother", "wife",
     "sister", "daughter"}
)  # fmt: skip
WORD_VOTE = 2  # an honorific or gendered role word outweighs one pronoun (invented set)


def entity_genders(
    doc: Doc, mentions: Sequence[Mention], quoted: Callable[[int], bool]
) -> dict[str, str]:
    """ "male"/"female" for people the article marks clearly: honorifics and role words,
    and pronouns outside quotes in sentences where they are the only person named."""
    votes: dict[str, Counter[str]] = {}
    if not doc.has_annotation("SENT_START"):
        return {}
    for mention in mentions:
        if mention.kind is EntityKind.PERSON:
            words = f"{mention.title or ''} {mention.text}".lower().split()
            tally = votes.setdefault(mention.entity, Counter())
            tally["male"] += WORD_VOTE * sum(w in MALE_WORDS for w in words)
            tally["female"] += WORD_VOTE * sum(w in FEMALE_WORDS for w in words)
    for sentence in doc.sents:
        people = {
            m.entity
            for m in mentions
            if m.kind is EntityKind.PERSON and sentence.start_char <= m.start < sentence.end_char
        }
        if len(people) != 1:
            continue
        tally = votes.setdefault(people.pop(), Counter())
        for token in sentence:
            if not quoted(token.idx):
                tally["male"] += token.lower_ in MALE_PRONOUNS
                tally["female"] += token.lower_ in FEMALE_PRONOUNS
    return {key: _verdict(tally) for key, tally in votes.items() if _verdict(tally)}


def _verdict(tally: Counter[str]) -> str:
    if tally["male"] > tally["female"]:
        return "male"
    if tally["female"] > tally["male"]:
        return "female"
    return ""
