"""Datelines: the place (and wire agency) in front of a story's first sentence.

Recognised forms, in the first lines of the body only:

* a line that is only an ALL CAPS place: ``MOSCOW:``, ``WASHINGTON (Reuters) -``;
* an ALL CAPS place (optionally ", State", ", Month Day", "(Agency)") and a dash or colon
  before the first sentence: ``FT LAUDERDALE (CBSMiami) – A man ...``, ``LONDON (AP) _ An
  influential ...`` (AP's wire copy writes the dash as an underscore);
* an agency alone: ``(CNN) -- Cliven Bundy ...`` (no place), also without the dash as web
  copy prints it (``(CNN)North Korean leader ...``, ``WASHINGTON (Reuters) The ...``);
* a mixed-case place with an agency or a ", Country" part and a dash: ``Kabul, Afghanistan —``;
* a mixed-case "City, Country" glued to the sentence without punctuation:
  ``Bandar Seri Begawan, Brunei Secretary of State John Kerry said ...``.  Gazetteer-free: the
  place is 1-4 capitalised words, a comma, 1-3 capitalised words, and the sentence must start
  with a clause opener (a determiner, pronoun, preposition or title such as "Secretary",
  "President", "Police") followed by a lowercase word within eight words.  Conservative by
  design: "John Kerry, Sergei Lavrov and ..." or "On Monday, Kerry said" do not match.
  Precision on the Multi-News read-through: no false place seen; recall misses glued places
  whose sentence starts with a bare name ("Kabul, Afghanistan Taliban fighters ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.lines import word_set

_CAPS_WORD = r"[A-Z][A-Z.'’-]*"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,4}}"
_MIXED_WORD = r"[A-Z][\w.'’-]*"
_MIXED_PLACE = rf"{_MIXED_WORD}(?:\s+{_MIXED_WORD}){{0,3}}"
_REGION = rf"(?:,\s*{_MIXED_WORD}(?:\s+{_MIXED_WORD}){{0,2}})?"
_MONTH_DAY = r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
_AGENCY = r"\((?P<agency>[A-Z][\w .&'’-]{0,30})\)"
_DASH = r"(?:-{1,2}|[–—]|_(?=\s))"  # AP wire copy writes " _ " for the dash

_CAPS_ALONE_RE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}){_REGION}{_MONTH_DAY}(?:\s*{_AGENCY})?\s*(?::|{_DASH})?$"
)
_CAPS_PREFIX_RE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}{_REGION}){_MONTH_DAY}(?:\s*{_AGENCY})?\s*(?::|{_DASH})\s+"
    r"(?=[\"“‘A-Z0-9])"
)
_AGENCY_PREFIX_RE = re.compile(rf"^{_AGENCY}\s*{_DASH}\s+(?=[\"“‘A-Z0-9])")
# No dash: "(CNN)North Korean leader ...", "WASHINGTON (Reuters) The U.S. ..." (web copy often
# drops it).  The agency is a short capitalised name and prose must follow.
_GLUED_AGENCY_RE = re.compile(
    rf"^(?:(?P<place>{_CAPS_PLACE}{_REGION}){_MONTH_DAY}\s*)?"
    r"\((?P<agency>[A-Z][\w.&'’-]{1,20}(?:\s[A-Z][\w.&'’-]*){0,2})\)\s*"
    r"(?=[\"“‘]?[A-Z][\w'’-]*\s+[\w\"“‘])"
)
_MIXED_AGENCY_RE = re.compile(
    rf"^(?P<place>{_MIXED_PLACE}{_REGION}){_MONTH_DAY}\s*{_AGENCY}\s*{_DASH}\s+(?=[\"“‘A-Z0-9])"
)
_MIXED_REGION_DASH_RE = re.compile(
    rf"^(?P<place>{_MIXED_PLACE},\s*{_MIXED_WORD}(?:\s+{_MIXED_WORD}){{0,2}})\s+{_DASH}\s+"
    r"(?=[\"“‘A-Z0-9])"
)
_GLUED_CITY_RE = re.compile(rf"^(?P<city>{_MIXED_PLACE}),\s+")
_CAPITALISED_RE = re.compile(r"^[A-Z][\w.'’-]*$")
# Clause openers that can start a news sentence right after a glued dateline.
_OPENERS = word_set(
    """The A An In On At After Before When While As During Amid Despite Following Speaking
    He She It They We I His Her Their Two Three Four Several Many Some Officials Police
    Rebels Troops Authorities Residents Government Secretary President Prime Foreign Defence
    Defense Minister Chancellor King Queen Prince Senator Sen. Rep. Gov. Governor Mayor
    Mr. Mrs. Ms. Dr. Gen. General Chief Former Senior Top U.S. US UN"""
)
# Capitalised words that start sentences or name times, never places.
_NOT_PLACE_WORDS = _OPENERS | word_set(
    """This That These Those Last Next Earlier Later Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October
    November December But And Yet So Meanwhile However"""
)
# ALL CAPS labels that look like datelines but are not places.
_LABELS = word_set(
    """UPDATE UPDATED BREAKING EXCLUSIVE WATCH VIDEO PHOTOS LIVE ANALYSIS OPINION COMMENT
    CORRECTION EDITOR'S NOTE EDITORS NOTE FILE PHOTO PHOTOS ADVERTISEMENT RELATED READ MORE
    AUDIO PODCAST SPONSORED PROMOTED GRAPHIC WARNING L-R R-L LEFT RIGHT CENTRE CENTER TOP
    BOTTOM ABOVE BELOW INSET PICTURED"""
)


_QUOTES = "\"“‘'"


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of ``line``: ``prefix`` is removed from it.

    ``agency`` is the parenthesised wire tag as written ("Reuters", "Coastline Wire"), if any.
    """

    prefix: str
    place: str | None
    whole_line: bool
    agency: str | None = None


def _tidy_place(place: str) -> str | None:
    place = place.strip(" ,:-–—")
    if sum(char.isalpha() for char in place) < 3 or set(place.upper().split()) & _LABELS:
        return None
    return " ".join(_tidy_word(word) for word in place.split())


def _tidy_word(word: str) -> str:
    """MOSCOW -> Moscow; "U.S." and mixed-case words stay as written."""
    if word.isupper() and len(word) > 2 and "." not in word:
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def _is_place_word(word: str) -> bool:
    return bool(_CAPITALISED_RE.match(word)) and word not in _NOT_PLACE_WORDS


def _glued(line: str) -> Dateline | None:
    """ "City, Country Opener ..." where Opener starts a clause (see the module docstring)."""
    city = _GLUED_CITY_RE.match(line)
    if city is None or not all(_is_place_word(word) for word in city.group("city").split()):
        return None
    tokens = line[city.end() :].split()
    for size in range(1, 4):
        country, opener, following = tokens[:size], tokens[size : size + 1], tokens[size + 1 :]
        if not opener or not all(_is_place_word(word) for word in country):
            return None
        if opener[0] in _OPENERS and any(word[:1].islower() for word in following[:8]):
            prefix = f"{city.group(0)}{' '.join(country)} "
            return Dateline(prefix, _tidy_place(prefix), whole_line=False)
    return None


def find_dateline(line: str) -> Dateline | None:
    """The dateline at the start of ``line``, if any (see the module docstring for the forms)."""
    alone = _CAPS_ALONE_RE.match(line)
    if alone and (alone.group("agency") or line.endswith((":", "-", "–", "—"))):
        place = _tidy_place(alone.group("place"))
        return Dateline(line, place, True, alone.group("agency")) if place else None
    for pattern in (_CAPS_PREFIX_RE, _MIXED_AGENCY_RE, _MIXED_REGION_DASH_RE):
        match = pattern.match(line)
        if match:
            place = _tidy_place(match.group("place"))
            speaker = match.group(0).rstrip().endswith(":") and line[match.end() :][:1] in _QUOTES
            if place and not speaker and not (set(place.split()) & _NOT_PLACE_WORDS):
                return Dateline(match.group(0), place, False, match.groupdict().get("agency"))
    agency = _AGENCY_PREFIX_RE.match(line)
    if agency:
        return Dateline(agency.group(0), None, False, agency.group("agency"))
    return _glued_agency(line) or _glued(line)


def _glued_agency(line: str) -> Dateline | None:
    """ "(CNN)North Korean ..." or "WASHINGTON (Reuters) The ...": an agency tag without the
    dash, when the tag is no label ("(Updated)", "(Photo)") and a sentence follows."""
    match = _GLUED_AGENCY_RE.match(line)
    if match is None or set(match.group("agency").upper().split()) & _LABELS:
        return None
    rest = line[match.end() :]
    if not any(word[:1].islower() for word in rest.split()[1:9]):
        return None  # "(AP) NEW YORK TIMES ..." or a list of names: no prose follows
    place = _tidy_place(match.group("place")) if match.group("place") else None
    if match.group("place") and (place is None or set(place.split()) & _NOT_PLACE_WORDS):
        return None
    return Dateline(match.group(0), place, False, match.group("agency"))
