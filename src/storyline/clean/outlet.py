"""The outlet of an article: a publication name, not a feed title or a section.

* ``publication_name("Coastline Wire - Top stories") == "Coastline Wire"``: feed and page
  titles glue a section to the name with " - ", " | ", " : ", " > " or " » "; a part made only
  of section words (Top stories, Latest news, Home, World, RSS, Feed, ...) is dropped from
  either end.  A name is never reduced to nothing, and a part that is not a section ("Middle
  East", a headline) stops the stripping, so unknown shapes are kept as written.
* ``outlet_from_agency("Reuters")``: the parenthesised agency of a wire dateline
  ("WASHINGTON (Reuters) -") names the outlet when the metadata names none; syndicated copy
  whose metadata names its publisher keeps that publisher.
"""

from __future__ import annotations

import re

from storyline.clean.lines import word_set

_SEPARATOR_RE = re.compile(r"(\s+(?:[-–—|:>»›]|::)\s+|:\s+)")  # captured: kept when rejoining
_FEED_SUFFIX_RE = re.compile(r"\s+(?:RSS|Atom)(?:\s+feeds?)?$", re.IGNORECASE)
# Words that section and feed names are made of ("Top stories", "Latest news", "World").
_SECTION_WORDS = word_set(
    """top latest breaking main all most recent popular read news stories story headlines
    home homepage front page world national local international politics business economy
    markets money sport sports tech technology science health opinion opinions comment
    entertainment culture arts lifestyle travel weather video videos rss feed feeds atom
    articles posts blog uk us europe asia africa americas and & the en english edition"""
)
# Parts with more words than this are never sections ("Latest news from the harbour town").
_SECTION_MAX_WORDS = 4
# A parenthesised dateline tag that is not an agency: a date or an update label.
_NOT_AGENCY_RE = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"update|updated|corrected|correction|file|photo|video|breaking)\w*\b|^\d",
    re.IGNORECASE,
)


def _is_section(part: str) -> bool:
    tokens = part.casefold().split()
    return 0 < len(tokens) <= _SECTION_MAX_WORDS and all(t in _SECTION_WORDS for t in tokens)


def publication_name(outlet: str | None) -> str | None:
    """The publication name of a feed/page title (see the module docstring); None if blank."""
    if outlet is None or not outlet.strip():
        return None
    pieces = _SEPARATOR_RE.split(" ".join(outlet.split()))  # part, separator, part, ...
    while len(pieces) > 1 and _is_section(pieces[-1]):
        del pieces[-2:]
    while len(pieces) > 1 and _is_section(pieces[0]):
        del pieces[:2]
    name = "".join(pieces)
    stripped = _FEED_SUFFIX_RE.sub("", name)
    return stripped if stripped.strip() else name


def outlet_from_agency(agency: str | None) -> str | None:
    """The agency of a wire dateline as an outlet name, or None when it is no agency."""
    if agency is None:
        return None
    agency = " ".join(agency.split())
    if len(agency) < 2 or _NOT_AGENCY_RE.search(agency):
        return None
    return agency
