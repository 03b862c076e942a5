"""Word lists and small clues for attributing quotes: reporting verbs, role titles,
nationalities and the grammatical gender of the people an article names.

The lists are English; another language adds its own beside them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.models import Mention

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
     "predict", "admit", "concede", "report", "assert", "maintain", "reiterate", "write",
     "tweet", "allege", "emphasise", "emphasize", "testify", "complain", "remark"}
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
     "student", "worker", "farmer", "father", "mother", "son", "daughter", "owner",
     "nurse", "picket", "guard", "pilot", "chef", "cook", "clerk", "citizen", "parent",
     "patient", "victim", "relative", "neighbour", "neighbor", "friend", "colleague",
     "customer", "client", "tourist", "visitor", "fan", "coach", "employee", "staffer",
     "volunteer", "refugee", "migrant", "local", "veteran", "militant", "insurgent", "cop",
     "surgeon", "medic", "paramedic", "priest", "imam", "bishop", "monk", "nun", "child",
     "boy", "girl", "youth", "graduate", "intern", "delegate", "representative", "inmate",
     "detainee", "suspect", "defendant", "plaintiff", "eyewitness", "merchant", "consultant",
     "accountant", "mechanic", "entrepreneur", "captain", "sergeant", "lieutenant",
     "colonel", "ranger", "wife", "husband", "brother", "sister", "guest", "athlete"}
)  # fmt: skip
# Endings of agent nouns that name people ("striker", "protester", "activist", "gunman"),
# for speakers the list above misses; NOT_PERSON_NOUNS holds the common exceptions.
PERSON_SUFFIXES = ("er", "or", "ist", "man", "woman", "person", "ian")
NOT_PERSON_NOUNS = frozenset(
    {"paper", "newspaper", "letter", "order", "number", "center", "centre", "computer",
     "filter", "monitor", "regulator", "operator", "provider", "carrier", "broadcaster",
     "publisher", "retailer", "manufacturer", "insurer", "lender", "producer", "exporter",
     "importer", "supplier", "developer", "power", "water", "border", "matter", "chapter",
     "quarter", "register", "poster", "trailer", "container", "tower", "cluster", "sector",
     "factor", "error", "mirror", "floor", "door", "colour", "color", "motor", "reactor",
     "corridor", "tractor", "indicator", "elevator", "calculator", "charter", "filer",
     "counter", "character", "layer", "weather", "river", "disaster", "barrier", "answer",
     "transfer", "offer", "other", "former", "latter", "another", "manner", "dinner",
     "summer", "winter", "november", "october", "september", "december", "hammer", "banner",
     "cancer", "fever", "tumor", "tumour", "rumor", "rumour",
     "minor", "major", "honor", "honour", "favor", "favour", "labor", "labour", "vigor",
     "airliner", "freighter", "tanker", "trawler", "helicopter", "scanner", "printer",
     "trigger", "server", "browser", "router"}
)  # fmt: skip
# The one spoken to comes first after these verbs ("told Kerry the talks ..."), so a
# clause that starts with a name or pronoun after them starts with the listener.
ADDRESSEE_VERBS = frozenset({"tell", "assure", "inform", "remind", "notify", "brief"})
# These may take a listener ("warned them prices would rise") or not ("warned prices ...").
OPTIONAL_ADDRESSEE_VERBS = frozenset({"warn", "promise", "advise", "caution", "ask"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
COMPLEMENTIZER_WORDS = frozenset({"that", "whether", "if"})
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
    if _misparsed_naming_cue(verb):
        return _nominal_root(verb)
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return _apposition_before(verb)
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


def _apposition_before(verb: Token) -> Token | None:
    """'..., a source close to the talks said on condition of anonymity': the parser hung
    the speaker from the noun before the comma; the phrase between that comma and the
    verb, headed by a noun, is the subject."""
    if verb.dep_ != "ROOT" or verb.i < 2:
        return None
    sentence = verb.sent
    commas = [t.i for t in sentence if t.text == "," and t.i < verb.i]
    if not commas or commas[-1] >= verb.i - 1:
        return None
    phrase = verb.doc[commas[-1] + 1 : verb.i]
    root = phrase.root
    if root.pos_ not in {"NOUN", "PROPN"} or root.dep_ != "appos" or root.i < verb.i - 12:
        return None
    return root


def _misparsed_naming_cue(verb: Token) -> bool:
    """'Delgado, who led the walkout, called the deal "..."': after a comma, with an object
    of its own, "called" is the sentence's verb although the parser hung it from a noun
    (a group *called* "X" has neither the comma nor the object)."""
    if verb.lemma_.lower() not in NAMING_VERBS or verb.dep_ != "acl" or verb.i == 0:
        return False
    after_comma = verb.doc[verb.i - 1].text == ","
    return after_comma and any(c.dep_ == "dobj" and c.pos_ != "PROPN" for c in verb.children)


def _nominal_root(verb: Token) -> Token | None:
    """The name the parser made the sentence's root ("Delgado, who led ..., called ...",
    parsed with "Delgado" as root): it is the subject of the verb it governs."""
    root = verb.sent.root
    nominal = root.pos_ in {"PROPN", "PRON"} and root.i < verb.i
    return root if nominal and root in verb.ancestors else None


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
    if lemma not in SPEECH_VERBS:
        return False
    if token.dep_ in NAMING_DEPS and not _misparsed_naming_cue(token):
        return False
    if lemma in NAMING_VERBS and any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        return False
    if token.lemma_.lower() == "accord":
        return token.lower_ == "according"
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def is_person_noun(token: Token) -> bool:
    """A common noun naming a person: a listed one ("official"), an agent noun ("striker",
    "protester", "activist"), or one a "who" clause describes ("one man, who asked ...")."""
    if token.pos_ not in {"NOUN", "PROPN"} or (token.pos_ == "PROPN" and not token.is_lower):
        return False
    lemma = token.lemma_.lower()
    if lemma in PERSON_NOUNS:
        return True
    if any(c.dep_ == "relcl" and c.left_edge.lower_ in {"who", "whom"} for c in token.children):
        return True
    agent = lemma.endswith(PERSON_SUFFIXES) and len(lemma) > 4
    return agent and lemma not in NOT_PERSON_NOUNS


def reports_speech(verb: Token) -> bool:
    """A reporting verb in any clause, even one that describes ("a video in which one
    fighter said ..."): enough to make its subject someone a later "he" may continue."""
    return verb.lemma_.lower() in SPEECH_VERBS and verb.tag_.startswith("VB")


def is_addressee(token: Token) -> bool:
    """The one spoken to, never the speaker: the object of "told" ("told the Herald",
    "asked him"), or "to X" after a reporting verb ("said to reporters")."""
    head = token.head
    if token.dep_ in {"compound", "appos"} and head is not token:
        token, head = head, head.head
    if token.dep_ in OBJECT_DEPS:
        listening = ADDRESSEE_VERBS | OPTIONAL_ADDRESSEE_VERBS
        return head.lemma_.lower() in listening and is_speech_verb(head)
    if token.dep_ == "pobj" and head.lower_ == "to":
        return is_speech_verb(head.head) and head.head.lemma_.lower() != "accord"
    return False


def reported_clause_start(verb: Token, clause: Token) -> int:
    """The first token of what ``verb`` reports through ``clause``: its subject included
    when the parser hung it from the verb ("told Kerry diplomatic efforts had ..." with
    "efforts" as an object), the listener excluded ("told the Gazette city workers ...")."""
    start = clause.left_edge.i
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS | {"expl"}), None)
    if subject is None:
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and verb.i < c.i < start]
        if not objects:
            return start
        subject = objects[-1]  # the clause's subject taken for the verb's object
        start = min(start, subject.left_edge.i)
    if verb.doc[start].lower_ in COMPLEMENTIZER_WORDS and start < subject.left_edge.i:
        start += 1  # "told the Courier that prices ...", "that" parsed as an object
    lemma = verb.lemma_.lower()
    if lemma not in ADDRESSEE_VERBS | OPTIONAL_ADDRESSEE_VERBS or _has_listener(verb, subject):
        return start
    return _past_listener(verb.doc, start, subject.i, lemma in ADDRESSEE_VERBS)


def _has_listener(verb: Token, subject: Token) -> bool:
    """The verb already has its listener outside the clause ("told reporters the ...")."""
    return any(
        (c.dep_ in OBJECT_DEPS and c is not subject and c.i < subject.left_edge.i)
        or (c.dep_ == "prep" and c.lower_ == "to")
        for c in verb.children
    )


def _past_listener(doc: Doc, start: int, subject_index: int, required: bool) -> int:
    """``start`` moved past a listener the parser put inside the clause: an object pronoun,
    a person noun ("lawmakers"), or, when the verb needs a listener, a name ("the Herald")."""
    first = doc[start]
    if first.lower_ in OBJECT_PRONOUNS and start < subject_index:
        return start + 1
    position = start + 1 if first.lower_ == "the" else start
    if position >= subject_index:
        return start
    if doc[position].tag_ == "NNS" and is_person_noun(doc[position]):
        return position + 1
    if not required:
        return start
    end = position
    while end < subject_index and doc[end].pos_ == "PROPN":
        end += 1
    if end < len(doc) and doc[end].tag_ == "POS":
        end -= 1  # "told CNN Abe's opponents ...": the possessor belongs to the subject
    return end if end > position else start


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


def precedes_subjectless_cue(name: Span) -> bool:
    """'"...," a lawmaker, Eric Ciotti, told France Info': a name followed by a comma and a
    reporting verb the parser gave no subject is that verb's speaker."""
    after = name.doc[name.end : name.end + 2]
    if len(after) < 2 or after[0].text != "," or not is_speech_verb(after[1]):
        return False
    return not any(c.dep_ in SUBJECT_DEPS for c in after[1].children)


def indefinite_before(head: Token, floor: int) -> list[int]:
    """Offsets, from ``floor`` up to ``head``, of subjects introducing someone unnamed by
    the same noun ("One senior Democratic senator ... summed up"), which a later "the
    senator" continues rather than a senator named elsewhere (DUC 2003 audit)."""
    return [
        token.idx
        for token in head.doc[: head.i]
        if token.idx >= floor
        and token.dep_ in SUBJECT_DEPS
        and token.lemma_ == head.lemma_
        and any(c.dep_ in {"det", "nummod"} and c.lower_ in {"a", "an", "one"} for c in token.lefts)
    ]
