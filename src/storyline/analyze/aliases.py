"""Name normalisation shared by mention finding and cross-article linking (English lists).

Two spellings are one name when their *name words* are equal: case, diacritics, dots,
hyphens and possessives are folded away, and name particles ("al-", "bin", "von") are
dropped after the first word, so "Bashar al-Assad", "Bashar Assad" and "Bashar al Assad"
all read ("bashar", "assad").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from storyline.models import EntityKind


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string ("mr mrs ms"), for compact tuned constants."""
    return frozenset(text.split())


# Particles inside Arabic, Dutch, German, Romance names; dropped unless they open the name
# ("Ben Carson" keeps "ben", "Abu" is a name word, not a particle).
PARTICLES = word_set("al el ad ash as bin ibn bint ben von van der den de da di du dos la le")
GENERATIONAL_SUFFIXES = word_set("jr sr ii iii iv")
# Courtesy titles: stripped from names, but not roles, so never kept as Mention.title.
HONORIFICS = word_set("mr mrs ms miss mx dr sir dame lord lady madam")
# Words a role in front of a name is made of ("Russian Foreign Minister", "Secretary of
# State").  TITLE_HEADS must appear for the words to count as a role.
TITLE_HEADS = word_set(
    "president minister secretary senator sen rep representative congressman congresswoman "
    "governor gov mayor chancellor premier king queen prince princess sheikh emir sultan "
    "pope ayatollah general gen admiral adm colonel col lieutenant lt captain capt sergeant "
    "sgt major maj commander cmdr chief director ambassador envoy spokesman spokeswoman "
    "spokesperson judge justice chairman chairwoman chair ceo leader commissioner attorney "
    "prosecutor officer diplomat prof professor rev reverend bishop archbishop cardinal mr "
    "mrs ms dr"
)
TITLE_MODIFIERS = word_set(
    "former acting deputy vice interim foreign defence defense prime crown state interior "
    "finance foreign-affairs general-secretary secretary-general top senior chief first "
    "lady supreme assistant under junior executive managing special federal national"
)
# Modifiers that belong to a role even in lower case ("former President"); the others
# count only capitalised ("under Gen. Pinochet" is no "Under Secretary").
LOWERCASE_TITLE_MODIFIERS = word_set("former acting interim deputy")
TITLE_CONNECTORS = frozenset(("of", "for", "the"))
# Government departments a secretary or minister is "of": inside a role, never an ORG.
DEPARTMENTS = word_set(
    "state defense defence treasury interior justice commerce energy agriculture labor "
    "labour education health transportation transport homeland security foreign affairs "
    "home office finance trade"
)
# Verbs that headline style glues to a name ("..., Kerry Says").
HEADLINE_VERBS = word_set(
    "says said warns urges vows meets calls tells orders seeks denies rejects agrees backs "
    "slams visits arrives announces plans wins loses pushes presses signs speaks insists "
    "claims admits accuses blames threatens defends resigns quits dies hails welcomes "
    "condemns"
)
# Spellings of one place that no acronym rule can join ("America" is not "U.S.").
PLACE_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "us": ("united", "states"),
        "usa": ("united", "states"),
        "united states": ("united", "states"),
        "united states of america": ("united", "states"),
        "america": ("united", "states"),
        "uk": ("united", "kingdom"),
        "britain": ("united", "kingdom"),
        "great britain": ("united", "kingdom"),
        "united kingdom": ("united", "kingdom"),
        "uae": ("united", "arab", "emirates"),
    }
)
ACRONYM_SKIP = frozenset(("of", "the", "and", "for", "&", "on", "in", "de"))

# A particle opening a name is dropped when it cannot be a given name: "bin"/"ibn"
# always ("Bin Laden"), "al"/"el" only written as one ("al-Assad", "al Assad"), others
# only in lower case ("von Trapp"); "Al Gore" and "Van Morrison" keep their first word.
_LEADING_PARTICLE = re.compile(
    r"^(?:(?i:bin|ibn|bint)\s+|(?i:al|el|ad|ash)[-‐‑]|(?:al|el|von|van|de|da|di|du|la|le)\s)"
)
_PLURAL = re.compile(r"[^s]s$")  # not "Swiss"
_SPLIT = re.compile(r"[\s\-‐‑–—/]+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def fold(text: str) -> str:
    """Lowercase, no diacritics, no dots or apostrophes, one space between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _POSSESSIVE.sub("", plain.strip())
    plain = plain.replace(".", "").replace("'", "").replace("’", "").casefold()
    return " ".join(word for word in _SPLIT.split(plain) if word)


def name_words(text: str, kind: EntityKind = EntityKind.PERSON) -> tuple[str, ...]:
    """The words two spellings of one name share; see the module docstring."""
    if kind is EntityKind.PERSON:
        text = _LEADING_PARTICLE.sub("", text.strip())
    folded = fold(text)
    if kind is not EntityKind.PERSON and folded in PLACE_ALIASES:
        return PLACE_ALIASES[folded]
    words = folded.split()
    if kind is EntityKind.PERSON:
        words = [w for i, w in enumerate(words) if i == 0 or w not in PARTICLES]
        while len(words) > 1 and words[-1] in GENERATIONAL_SUFFIXES:
            words.pop()
    elif words and words[0] == "the":
        words = words[1:]
    if kind is EntityKind.GROUP and words and _PLURAL.search(words[-1]):
        words[-1] = words[-1][:-1]  # "Russians" and "Russian", "Saudis" and "Saudi"
    return tuple(words)


def entity_key(kind: EntityKind, words: Sequence[str]) -> str:
    return f"{kind.value}:{' '.join(words)}"


def is_acronym(text: str) -> bool:
    """'UN', 'U.N.', 'ASEAN', 'NATO': two to six capitals, dots allowed."""
    letters = text.replace(".", "").strip()
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def matches_acronym(acronym: str, words: Sequence[str]) -> bool:
    """True when ``acronym`` abbreviates ``words`` ("ASEAN" ~ association of southeast
    asian nations): every significant word gives its first letter, and a letter may also
    come from inside the current word ("S-E" of "southeast")."""
    letters = acronym.replace(".", "").lower()
    significant = [w for w in words if w not in ACRONYM_SKIP]
    if len(significant) < 2 or len(letters) < len(significant):
        return False
    return _cover(letters, significant, 0, 0)


def _cover(letters: str, words: Sequence[str], letter: int, word: int) -> bool:
    if word == len(words):
        return letter == len(letters)
    if letter == len(letters) or letters[letter] != words[word][0]:
        return False
    # The word gives its first letter, then possibly more letters from its inside.
    rest = words[word][1:]
    end = letter + 1
    while True:
        if _cover(letters, words, end, word + 1):
            return True
        if end == len(letters):
            return False
        position = rest.find(letters[end])
        if position < 0:
            return False
        rest = rest[position + 1 :]
        end += 1
