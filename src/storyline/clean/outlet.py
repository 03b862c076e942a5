"""The outlet of an article: a publication name, not a feed title or a section.

* ``publication_name("Coastline Wire - Top stories") == "Coastline Wire"``: feed and page
  titles glue a section to the name with " - ", " | ", " : ", " > " or " » "; a part made only
  of section words (Top stories, Latest news, Home, World, RSS, Feed, ...) is dropped from
  either end.  A name is never reduced to nothing, and a part that is not a section ("Middle
  East", a headline) stops the stripping, so unknown shapes are kept as written.
* ``outlet_from_agency("Reuters")``: the parenthesised agency of a wire dateline
  ("WASHINGTON (Reuters) -") names the outlet when the metadata names none; syndicated copy
  whose metadata names its publisher keeps that publisher.
* ``copyright_holder("Copyright NNews 2024. All rights reserved.") == "NNews"``: the holder
  a removed copyright footer names is the outlet when neither the metadata nor a dateline
  names one (a saved page or a text file usually keeps its footer, not its masthead).
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


# "Copyright NNews 2024", "© 2024 Harbourton Herald.", "Copyright (c) 2023 The Ledger Ltd,
# all rights reserved": the holder's name before or after the year.
_HOLDER_AFTER_YEAR_RE = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:(?:19|20)\d\d\s*[-–]\s*)?(?:19|20)\d\d,?\s+(?:by\s+)?"
    r"(?P<holder>[^.,;:|]+)",
    re.IGNORECASE,
)
_HOLDER_BEFORE_YEAR_RE = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?P<holder>[^.,;:|\d]+?)\s*,?\s*(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# Words a footer's holder ends with that are not part of the outlet's name.
_HOLDER_TAIL_RE = re.compile(
    r"\s+(?:all rights reserved|ltd|limited|inc|llc|plc|gmbh|s\.?a|media group)\.?$",
    re.IGNORECASE,
)
_HOLDER_MAX_WORDS = 6


def copyright_holder(footer: str) -> str | None:
    """The name a copyright footer gives its holder, or None when it names none."""
    line = " ".join(footer.split())
    match = _HOLDER_AFTER_YEAR_RE.match(line) or _HOLDER_BEFORE_YEAR_RE.match(line)
    if match is None:
        return None
    holder = _HOLDER_TAIL_RE.sub("", match["holder"].strip(" -–—"))
    holder = _HOLDER_TAIL_RE.sub("", holder)
    words = holder.split()
    if not words or len(words) > _HOLDER_MAX_WORDS or not words[0][:1].isupper():
        return None
    if holder.casefold() in {"all rights reserved", "the author", "the authors"}:
        return None
    return holder
