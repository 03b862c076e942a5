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
# Frequent given names read one way almost everywhere, for people an article names but never
# marks with a pronoun or title: without them "he said" after "Lisa Lange ... Whit Honea"
# went to Lange (news_cluster audit, 2026-11).  Names used for both sexes stay out.
MALE_NAMES = frozenset(
    {"aaron", "abdul", "adam", "ahmed", "alan", "albert", "alexander", "ali", "andrew", "angelo",
     "anthony", "antonio", "barack", "ben", "benjamin", "bernard", "bill", "bob", "boris", "brian",
     "bruce", "carl", "carlos", "charles", "chris", "christian", "christopher", "colin", "craig",
     "dan", "daniel", "david", "dennis", "donald", "douglas", "edward", "emmanuel", "eric", "frank",
     "françois", "gary", "george", "gerald", "gordon", "graham", "gregory", "hans", "harold",
     "harry", "henry", "hugo", "ian", "ivan", "jack", "jacob", "james", "jason", "jean-claude",
     "jeffrey", "jeremy", "jim", "joe", "john", "jonathan", "jorge", "jose", "joseph", "juan",
     "julian", "justin", "keith", "ken", "kenneth", "kevin", "larry", "luis", "manuel", "marco",
     "mark", "martin", "matthew", "michael", "mike", "mohamed", "mohammad", "mohammed", "muhammad",
     "nicholas", "nicolas", "omar", "oscar", "patrick", "paul", "peter", "philip", "pierre",
     "rafael", "ralph", "raymond", "richard", "robert", "roger", "ronald", "ryan", "samuel",
     "scott", "sean", "sergei", "sergey", "simon", "stephen", "steve", "steven", "thomas", "tim",
     "timothy", "tom", "tony", "vladimir", "walter", "william"}
)  # fmt: skip
FEMALE_NAMES = frozenset(
    {"alice", "amanda", "amy", "ana", "angela", "angelina", "ann", "anna", "anne", "barbara",
     "betty", "carol", "caroline", "catherine", "charlotte", "christine", "claire", "cynthia",
     "deborah", "diana", "diane", "donna", "dorothy", "elizabeth", "ellen", "emily", "emma",
     "fatima", "grace", "hannah", "heather", "helen", "hillary", "isabel", "jane", "janet", "janis",
     "jennifer", "jessica", "joan", "joyce", "julia", "julie", "karen", "katherine", "kathleen",
     "kathryn", "laura", "lauren", "linda", "lisa", "margaret", "maria", "marie", "marine",
     "martha", "mary", "melissa", "michelle", "nancy", "natalia", "natalie", "nicole", "olga",
     "pamela", "patricia", "rachel", "rebecca", "ruth", "sandra", "sarah", "sharon", "sophie",
     "stephanie", "susan", "teresa", "theresa", "tricia", "victoria", "virginia", "yulia"}
)  # fmt: skip


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
            given = name_gender(mention.text)
            tally[given] += WORD_VOTE if given else 0
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


def name_gender(name: str) -> str:
    """ "male"/"female" from the given name of a written full name ("Lisa Lange"), or ""."""
    words = name.lower().split()
    if len(words) < 2:
        return ""  # a surname alone says nothing, and may stand for a relative's entity
    if words[0] in MALE_NAMES:
        return "male"
    return "female" if words[0] in FEMALE_NAMES else ""


def _verdict(tally: Counter[str]) -> str:
    if tally["male"] > tally["female"]:
        return "male"
    if tally["female"] > tally["male"]:
        return "female"
    return ""
