"""Word lists and small clues for attributing quotes: reporting verbs, role titles,
nationalities and the grammatical gender of the people an article names.

The lists are English; another language adds its own beside them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from storyline.models import EntityKind, Mention

SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "term", "call", "warn", "ask", "reply", "respond", "answer",
     "explain", "insist", "argue", "claim", "state", "declare", "announce", "acknowledge",
     "admit", "note", "stress", "emphasise", "emphasize", "observe", "remark", "comment",
     "write", "tweet", "post", "describe", "dub", "label", "brand", "vow", "promise", "pledge",
     "urge", "suggest", "indicate", "predict", "conclude", "recall", "concede", "deny",
     "confirm", "report", "allege", "assert", "maintain", "mention", "joke", "quip", "shout",
     "scream", "whisper", "cry", "exclaim", "complain", "caution", "boast", "accord",
     "testify", "proclaim", "reiterate", "retort", "counter", "lament", "plead", "demand",
     "order", "threaten", "advise", "quote", "recount"}
)  # fmt: skip
# Verbs that report speech through a complement clause ("Kerry said that ...").
INDIRECT_VERBS = frozenset(
    {"say", "tell", "add", "announce", "acknowledge", "indicate", "stress", "warn", "insist",
     "argue", "claim", "note", "explain", "state", "declare", "confirm", "deny", "suggest",
     "predict", "admit", "concede", "report", "assert", "maintain", "reiterate", "write"}
)  # fmt: skip
# Dependency labels under which a "speech" verb names or describes instead ("a group
# called 'X'", "the so-called 'Y'").
NAMING_DEPS = frozenset({"acl", "amod", "compound", "relcl"})
# Verbs that name rather than report when passive ("it is called a 'meteor'").
NAMING_VERBS = frozenset({"call", "term", "dub", "label", "brand", "describe", "name"})
# Abbreviated ranks and honorifics the parser may take for the subject ("said Maj. Perry").
RANKS = frozenset(
    {"mr", "mrs", "ms", "dr", "maj", "gen", "col", "lt", "sgt", "capt", "adm", "sen", "rep",
     "gov", "prof", "rev", "sir", "cpl", "cmdr", "insp", "supt", "det"}
)  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
DASHES = frozenset({"-", "–", "—", "--"})
# Role nouns and the title words that may stand for them in a Mention.title.
ROLE_TITLES: dict[str, tuple[str, ...]] = {
    "president": ("president",),
    "secretary": ("secretary",),
    "minister": ("minister",),
    "diplomat": ("secretary of state", "foreign minister", "foreign secretary", "ambassador"),
    "leader": ("president", "prime minister", "chancellor", "leader", "premier", "king"),
    "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson"),
    "spokeswoman": ("spokeswoman", "spokesman", "spokesperson"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "envoy": ("envoy", "ambassador"),
    "ambassador": ("ambassador",),
    "general": ("general",),
    "senator": ("senator", "sen."),
    "governor": ("governor", "gov."),
    "mayor": ("mayor",),
    "chief": ("chief", "head", "director"),
    "head": ("head", "chief", "director"),
    "director": ("director",),
    "chairman": ("chairman", "chair"),
    "commander": ("commander", "general"),
    "king": ("king",),
    "queen": ("queen",),
    "judge": ("judge",),
    "prosecutor": ("prosecutor", "attorney"),
    "candidate": ("candidate",),
    "pope": ("pope",),
}
# Head nouns of unnamed speakers that a later "he"/"she" may refer to.
PERSON_NOUNS = frozenset(
    {"official", "spokesman", "spokeswoman", "spokesperson", "member", "diplomat", "source",
     "aide", "adviser", "advisor", "analyst", "expert", "witness", "resident", "man", "woman",
     "officer", "commander", "activist", "lawmaker", "senator", "ambassador", "envoy",
     "negotiator", "director", "chief", "minister", "secretary", "president", "leader",
     "executive", "lawyer", "attorney", "judge", "doctor", "survivor", "soldier", "fighter",
     "rebel", "candidate", "scientist", "professor", "researcher", "economist", "teacher",
     "student", "worker", "farmer", "father", "mother", "son", "daughter", "owner"}
)  # fmt: skip
US_ALIASES = frozenset({"us", "usa", "american", "united states"})
NATIONAL_ENDINGS = ("ian", "an", "ese", "ish")


def entity_nations(mentions: Sequence[Mention]) -> dict[str, set[str]]:
    nations: dict[str, set[str]] = {}
    for mention in mentions:
        words = (mention.title or "").split()
        nations.setdefault(mention.entity, set()).update(
            nation(word) for word in words if looks_national(word)
        )
    return nations


def title_fits(title: str, keywords: tuple[str, ...], phrase: str) -> bool:
    lower = title.lower()
    if "of state" in phrase and "of state" not in lower:
        return False
    return any(keyword in lower for keyword in keywords)


def looks_national(word: str) -> bool:
    bare = word.replace(".", "")
    if bare.lower() in US_ALIASES or bare in {"UK", "EU", "UN"}:
        return True
    return word[:1].isupper() and bare.endswith(NATIONAL_ENDINGS) and not bare.endswith("man")


def nation(word: str) -> str:
    bare = word.replace(".", "").lower()
    return "us" if bare in US_ALIASES else bare[:4]


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


# --------------------------------------------------------------------------- parse clues


def subject_span(token: Token) -> Span:
    """The words of a subject: its subtree, cut at a comma or clause it governs."""
    doc = token.doc
    start, end = token.left_edge.i, token.i + 1
    for right in token.rights:
        if right.dep_ in {"relcl", "acl", "punct", "appos", "cc", "conj"} or right.is_punct:
            break
        end = right.right_edge.i + 1
    return doc[start:end]


def verb_subject(verb: Token) -> Token | None:
    """The subject of a verb, climbing through participles, infinitives and conjuncts.

    For an active "quote" the one quoted is the object ("the agency quoted Warawut").
    """
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        if current.lemma_.lower() == "quote":
            quoted_person = [c for c in current.children if c.dep_ == "dobj"]
            if quoted_person:
                return quoted_person[0]
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            # The parser may hang a stray subject from a heading above; take the nearest.
            child = min(subjects, key=lambda subject: abs(subject.i - verb.i))
            if child.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return child
        climbs = {"xcomp", "conj", "advcl", "ccomp", "prep", "pcomp"}
        current = current.head if current.dep_ in climbs and current.head != current else None
    return _word_before(verb) or _name_after(verb)


def _word_before(verb: Token) -> Token | None:
    """When the parse gives no subject ("Officials say" parsed as two roots), a noun or
    pronoun right before the verb in the same sentence stands in."""
    if verb.i == 0:
        return None
    previous = verb.doc[verb.i - 1]
    if "\n" in previous.text_with_ws:
        return None
    return previous if previous.pos_ in {"NOUN", "PROPN", "PRON"} else None


def _name_after(verb: Token) -> Token | None:
    """'said Garcia, who ...' parsed without a subject: the proper noun after the verb."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None or following.pos_ != "PROPN":
        return None
    while following.dep_ == "compound" and following.head.i > following.i:
        following = following.head
    return following


def according_to_source(token: Token) -> Token | None:
    """The source in "according to X", or None."""
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def is_speech_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in SPEECH_VERBS or token.dep_ in NAMING_DEPS:
        return False
    if lemma in NAMING_VERBS and any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        return False
    if token.lemma_.lower() == "accord":
        return token.lower_ == "according"
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def is_role_nominal(token: Token) -> bool:
    """A definite role noun: "the president", "Russia's foreign minister"."""
    # The tagger sometimes calls a lowercase role noun a proper noun ("the minister said").
    noun = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower)
    if not noun or (token.lower_ not in ROLE_TITLES and token.lemma_.lower() not in ROLE_TITLES):
        return False
    return any(
        child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in {"the", "this", "that"})
        for child in token.children
    )
