"""One header line of a plain-text article, read strictly: a byline, a date line, a source
line, a labelled field ("Author: ...") or an outlet and date ("Bay Herald — 12 May 2025").

A line counts only when every part of it is header: "By the end of the week, ..." and
"Published reports say ..." are prose, because their words are neither names, a role, an
outlet nor a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.ingest.header_dates import read_date

# Origins of a date found in a text header (SourceMetadata.published_source).
DATE_LINE = "text:date-line"
UPDATED_LINE = "text:updated-line"
BYLINE_DATE = "text:byline"
DATE_FIELD = "text:date-field"

# Parts of one line: "By JANE DOE | Bay Herald", "Bay Herald — 12 May 2025".
_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+[—–-]\s+")
_EMPHASIS = re.compile(r"[*_]{1,3}")  # Markdown: "**Published:** 12 May 2025", "*By Jane Doe*"
_FIELD = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(?P<value>\S.*)$")
_BY = re.compile(
    r"^(?:by|written by|words by|story by|reported by|reporting by)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_UPDATED_WORDS = (
    r"(?:last\s+)?updated|modified|mis à jour|actualizado|aktualisiert|aggiornato|atualizado"
)
_DATE_PREFIX = re.compile(
    rf"^(?:(?P<updated>{_UPDATED_WORDS})|published|posted|first published|publié|publicado"
    r"|veröffentlicht|pubblicato)(?:\s+(?:on|at|le|el|am|il|em))?\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# BBC style: "21 July 2013 Last updated at 11:11 GMT".
_DAY_THEN_UPDATE = re.compile(
    rf"^(?P<day>.+?)\s+(?:{_UPDATED_WORDS})(?:\s+at)?\s+(?P<time>.+)$", re.IGNORECASE
)
_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_URL = re.compile(r"^<?https?://[^\s<>]+>?$")
_FIELD_KINDS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "publication date": "published",
    "posted": "published", "published on": "published", "dateline date": "published",
    "updated": "updated", "last updated": "updated", "modified": "updated",
    "author": "author", "authors": "author", "by": "author", "byline": "author",
    "writer": "author",
    "source": "outlet", "outlet": "outlet", "publication": "outlet", "publisher": "outlet",
    "newspaper": "outlet", "site": "outlet",
    "url": "url", "link": "url", "original url": "url", "canonical url": "url",
}  # fmt: skip
_ROLE_ENDINGS = {
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
    "editors", "columnist", "contributor", "chief", "staff", "journalist", "producer",
    "analyst", "desk", "team", "contributors", "office",
}  # fmt: skip
_OUTLET_WORDS = {
    "herald", "times", "news", "post", "journal", "gazette", "tribune", "wire", "daily",
    "press", "chronicle", "observer", "courier", "telegraph", "guardian", "express", "review",
    "mail", "star", "standard", "independent", "radio", "tv", "television", "agency",
    "network", "magazine", "weekly", "online", "today", "record", "bulletin", "dispatch",
    "monitor", "register", "inquirer", "sentinel", "examiner", "globe", "mirror", "echo",
    "media", "report", "insider", "digest", "broadcasting", "channel", "service", "bureau",
    "gaceta", "diario", "zeitung", "reuters", "bloomberg", "xinhua", "interfax", "newspapers",
}  # fmt: skip
_PARTICLES = {"de", "del", "da", "di", "du", "van", "von", "der", "den", "le", "la", "al",
              "el", "bin", "ibn", "dos", "das", "ter", "y"}  # fmt: skip
# Capitalised words that open sentences or name times, never a person's name.
_NOT_NAMES = {
    "the", "a", "an", "our", "this", "that", "these", "those", "its", "his", "her", "their",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "staff", "special", "editorial", "news", "photo",
}  # fmt: skip
_NAMES_MAX_TOKENS = 5
_OUTLET_MAX_WORDS = 6


@dataclass(frozen=True)
class Fact:
    """One thing a header line states: ``field`` is "title", "author", "outlet", "url",
    "published" or "updated"; a date-shaped value that cannot be resolved is None."""

    field: str
    value: str | dt.datetime | None
    rule: str = ""
    strong: bool = True  # False: an outlet or label that alone does not make a header line


def header_facts(line: str, title_position: bool = False) -> tuple[Fact, ...] | None:
    """What ``line`` states when it is wholly a header line, else None.  In the title's
    position a headline in title case can look like "Name Name, Role": only a byline, a
    date or a labelled field counts there."""
    line = line.strip() if "://" in line else _EMPHASIS.sub("", line).strip()
    if not line or len(line) > 160:
        return None
    readers = _TITLE_POSITION_READERS if title_position else _READERS
    whole = _segment_facts(line, readers) or _date_line(_SEPARATOR.sub(", ", line))
    if whole is None:
        segments = [part for part in _SEPARATOR.split(line) if part]
        parts = [_segment_facts(segment, readers) for segment in segments]
        if len(segments) < 2 or any(part is None for part in parts):
            return None
        whole = tuple(fact for part in parts if part for fact in part)
    return whole if any(fact.strong for fact in whole) else None


def _segment_facts(segment: str, readers: tuple[_Reader, ...]) -> tuple[Fact, ...] | None:
    for reader in readers:
        facts = reader(segment)
        if facts is not None:
            return facts
    return None


def _field(segment: str) -> tuple[Fact, ...] | None:
    found = _FIELD.match(segment)
    kind = _FIELD_KINDS.get(found.group("key").strip().lower()) if found else None
    if found is None or kind is None:
        return None
    value = found.group("value").strip()
    if kind in ("published", "updated"):
        reading = read_date(value)
        rule = UPDATED_LINE if kind == "updated" else DATE_FIELD
        return (Fact(kind, reading.value, rule),) if reading else None
    if kind == "author":
        return _byline(f"By {value}")
    if kind == "outlet":
        return (Fact("outlet", tidy_case(value)),) if is_outlet_name(value, loose=True) else None
    if kind == "url":
        return _url(value)
    return (Fact("title", value),) if len(value) <= 200 else None


def _byline(segment: str) -> tuple[Fact, ...] | None:
    found = _BY.match(segment)
    if found is None:
        return None
    parts = [part.strip() for part in _split_caps_name(found.group("rest").strip()).split(",")]
    if len(parts) == 1 and _is_role(parts[0]):
        return (Fact("role", None),)  # "By Herald Staff"
    joined = next((i for i, part in enumerate(parts) if _AND.search(part)), 0)
    authors = _names(", ".join(parts[: joined + 1]))
    if authors is None:
        if len(parts) == 1 and is_outlet_name(parts[0], loose=False):
            return (Fact("outlet", tidy_case(parts[0])),)  # "By Reuters", "By AFP"
        return None
    tail = _tail(parts[joined + 1 :])
    return None if tail is None else (Fact("author", ", ".join(authors)), *tail)


def _split_caps_name(rest: str) -> str:
    """ "KATE BEEM Knight Ridder Newspapers" (wire style): the capitals are the name, the
    rest the affiliation, as if a comma stood between them."""
    found = re.match(r"^((?:[A-Z][A-Z.'’-]+\s+){1,4}[A-Z][A-Z'’-]+)\s+([A-Z][a-z].*)$", rest)
    return f"{found.group(1)}, {found.group(2)}" if found else rest


def _tail(parts: list[str]) -> tuple[Fact, ...] | None:
    """A byline's parts after its names: roles, places and affiliations (stating nothing),
    outlets and a date.  A second name without "and" is read as an affiliation: "By Jane
    Doe, Bay Herald" is far more common than two authors joined by a comma."""
    facts: list[Fact] = []
    for index, part in enumerate(parts):
        reading = read_date(", ".join(parts[index:]))
        if reading is not None:
            return (*facts, Fact("published", reading.value, BYLINE_DATE))
        if _is_role(part) or _is_place(part):
            continue
        if is_outlet_name(part, loose=False):
            facts.append(Fact("outlet", tidy_case(part)))
        elif not is_outlet_name(part, loose=True):
            return None  # "By Jane Doe, who covered the trial": prose
    return tuple(facts)


def _date_line(segment: str) -> tuple[Fact, ...] | None:
    prefixed = _DATE_PREFIX.match(segment)
    reading = read_date(prefixed.group("rest") if prefixed else segment)
    if reading is not None:
        updated = prefixed is not None and prefixed.group("updated") is not None
        kind, rule = ("updated", UPDATED_LINE) if updated else ("published", DATE_LINE)
        return (Fact(kind, reading.value, rule),)
    split = _DAY_THEN_UPDATE.match(segment)
    reading = read_date(f"{split.group('day')}, {split.group('time')}") if split else None
    return (Fact("updated", reading.value, UPDATED_LINE),) if reading else None


def _names_with_role(segment: str) -> tuple[Fact, ...] | None:
    """ "Jane Doe, Staff Writer": names then a role, without "By"."""
    head, _, role = segment.partition(",")
    names = _names(head)
    if names is None or not role.strip() or not _is_role(role.strip()):
        return None
    return (Fact("author", ", ".join(names)),)


def _url(segment: str) -> tuple[Fact, ...] | None:
    return (Fact("url", segment.strip("<>")),) if _URL.match(segment) else None


def _outlet_or_label(segment: str) -> tuple[Fact, ...] | None:
    """A part beside a date: an outlet when it reads as one, else a label stating nothing."""
    if is_outlet_name(segment, loose=False):
        return (Fact("outlet", tidy_case(segment), strong=False),)
    if _is_role(segment) or _names(segment) is not None:
        return (Fact("label", None, strong=False),)
    return None


def _names(text: str) -> list[str] | None:
    """People's names, "Jane Doe", "JANE DOE and John Roe", "Ana de la Cruz in Brussels"."""
    text = re.sub(r"\s+in\s+\S.*$", lambda m: "" if _is_place(m.group(0)) else m.group(0), text)
    chunks = [chunk.strip() for chunk in re.split(rf",|{_AND.pattern}", text, flags=re.I)]
    names = [_name(chunk) for chunk in chunks if chunk]
    if not names or any(name is None for name in names):
        return None
    return [name for name in names if name]


def _name(text: str) -> str | None:
    tokens = text.split()
    if not 2 <= len(tokens) <= _NAMES_MAX_TOKENS or tokens[0].lower() in _PARTICLES:
        return None
    for token in tokens:
        bare = re.sub(r"[.'’-]", "", token)
        if token.lower() in _PARTICLES:
            continue
        if not bare.isalpha() or not token[0].isupper() or bare.lower() in _NOT_NAMES:
            return None
        if bare.lower() in _ROLE_ENDINGS or bare.lower() in _OUTLET_WORDS:
            return None
    return tidy_case(text)


def _is_role(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _OUTLET_MAX_WORDS or not words[0][:1].isupper():
        return False
    last = words[-1].strip(".").lower()
    return last in _ROLE_ENDINGS or text.lower().startswith("special to ")


def _is_place(text: str) -> bool:
    """ "in Brussels" after a byline's names."""
    found = re.fullmatch(r"\s*in\s+((?:[A-Z][\w'’.-]*\s*){1,3})", text)
    return found is not None


def is_outlet_name(text: str, loose: bool) -> bool:
    """ "Bay Herald", "BBC", "bayherald.example"; ``loose`` (after "Source:") accepts any
    short run of capitalised words."""
    words = text.split()
    if not words or len(words) > _OUTLET_MAX_WORDS or text.rstrip()[-1:] in ".!?:;":
        return False
    if re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", text):
        return True
    if not all(_capitalised(word) for word in words):
        return False
    lowered = {word.strip("'’.,").lower() for word in words}
    acronym = len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", words[0]) is not None
    return loose or acronym or bool(lowered & _OUTLET_WORDS)


def _capitalised(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit() or word.lower() in {"of", "the", "and", "&"}


def tidy_case(text: str) -> str:
    """An all-caps name in title case ("JANE DOE" -> "Jane Doe"); short acronyms stay."""
    if not text.isupper() or len(text.replace(" ", "")) <= 4:
        return text
    return " ".join(word if len(word) <= 3 and word.isalpha() and not _vowel(word) else
                    word.title() for word in text.split())  # fmt: skip


def _vowel(word: str) -> bool:
    return any(letter in "AEIOU" for letter in word)


_Reader = Callable[[str], tuple[Fact, ...] | None]
_READERS: tuple[_Reader, ...] = (
    _field, _byline, _date_line, _names_with_role, _url, _outlet_or_label,
)  # fmt: skip
_TITLE_POSITION_READERS: tuple[_Reader, ...] = (_field, _byline, _date_line, _url, _outlet_or_label)
