"""Metadata stated at the top of a plain-text article: Markdown front matter, and header
lines (bylines, date lines, source lines, "Author:"-style fields) before the body's first
prose line.  They become SourceMetadata and leave the text; a container's or page's own
metadata still wins over them (extract merges the two).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.ingest.header_dates import read_date
from storyline.ingest.header_lines import Fact, header_facts, tidy_case
from storyline.models import SourceMetadata

# Header lines are looked for among the first this many non-blank lines: a title and the
# eight lines a byline, date, source and deck can take (invented outlet styles in
# tests/test_ingest_text_headers.py need at most six).
HEADER_WINDOW_LINES = 9
# A line this long (words) is body text, and so is a shorter one that ends a sentence:
# the header zone ends there ("Published reports say ..." stays).
PROSE_MIN_WORDS = 10
SENTENCE_MIN_WORDS = 5
# A first line is the title candidate unless longer than this (99th percentile of the titles
# in ../shared/eval is 172 characters, about 30 words).
TITLE_MAX_WORDS = 30
FRONT_MATTER = "text:front-matter"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_LINE = re.compile(r"^(?:[A-Za-z_][\w -]*:.*|\s+-\s*.*|\s+\S.*|#.*)$")
_FRONT_MATTER_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "publishdate": "published",
    "pubdate": "published", "published_at": "published", "date_published": "published",
    "updated": "updated", "lastmod": "updated", "modified": "updated",
    "date_modified": "updated", "updated_at": "updated",
    "author": "author", "authors": "author", "byline": "author", "creator": "author",
    "source": "outlet", "outlet": "outlet", "publication": "outlet", "publisher": "outlet",
    "site": "outlet", "site_name": "outlet",
    "url": "url", "link": "url", "canonical_url": "url", "canonical": "url",
    "permalink": "url", "source_url": "url",
}  # fmt: skip
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
_HEADING = re.compile(r"^#{1,6}\s")


@dataclass(frozen=True)
class Header:
    """A text without its header lines, and what they stated."""

    text: str
    metadata: SourceMetadata


def take_header(text: str) -> Header:
    """Front matter and header lines at the start of ``text`` (newlines normalised), as
    metadata; the text keeps every other line as it was."""
    facts: list[Fact] = []
    front = _FRONT_MATTER.match(text)
    if front is not None and _is_front_matter(front.group("body")):
        facts.extend(_front_matter_facts(front.group("body")))
        text = text[front.end() :]
    lines = text.split("\n")
    kept = [True] * len(lines)
    for position, index in enumerate(_header_zone(lines)):
        found = header_facts(lines[index], title_position=position == 0)
        if found is not None:
            facts.extend(found)
            kept[index] = False
    if not facts:
        return Header(text, SourceMetadata())
    remaining = "\n".join(line for line, keep in zip(lines, kept, strict=True) if keep)
    return Header(remaining, _metadata(facts))


def _header_zone(lines: list[str]) -> list[int]:
    """Indices of the first non-blank lines, up to the first prose line or body heading."""
    zone: list[int] = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if len(zone) == HEADER_WINDOW_LINES or (zone and _HEADING.match(line.strip())):
            break
        if _is_prose(line, first=not zone) and header_facts(line) is None:
            break
        zone.append(index)
    return zone


def _is_prose(line: str, first: bool) -> bool:
    """Body text; a first line is a title candidate unless far too long for one."""
    text = line.strip().strip("*_")
    words = len(text.split())
    if text[:1].islower():
        return True
    if first:
        return words > TITLE_MAX_WORDS
    if words >= PROSE_MIN_WORDS:
        return True
    return words >= SENTENCE_MIN_WORDS and _SENTENCE_END.search(text) is not None


def _is_front_matter(body: str) -> bool:
    """Only "key: value" lines, one of them a key it knows ("Photos: ..." between two rules
    is a caption, not front matter)."""
    lines = [line for line in body.split("\n") if line.strip()]
    keys = [line.partition(":")[0].strip().lower() for line in lines]
    return all(_FRONT_MATTER_LINE.match(line) for line in lines) and any(
        key in _FRONT_MATTER_KEYS for key in keys
    )


def _front_matter_facts(body: str) -> list[Fact]:
    values: dict[str, list[str]] = {}
    key = ""
    for line in body.split("\n"):
        item = re.match(r"^\s+-\s*(.+)$", line)
        if item is not None and key:
            values.setdefault(key, []).append(_unquote(item.group(1)))
            continue
        pair = re.match(r"^([A-Za-z_][\w -]*?)\s*:\s*(.*)$", line)
        if pair is None:
            continue
        key = _FRONT_MATTER_KEYS.get(pair.group(1).strip().lower(), "")
        value = pair.group(2).strip()
        if key and value:
            values.setdefault(key, []).extend(_inline_list(value))
    return [fact for field, found in values.items() for fact in _front_fact(field, found)]


def _front_fact(field: str, found: list[str]) -> list[Fact]:
    if field in ("published", "updated"):
        stamp = _front_date(found[0])
        return [Fact(field, stamp, FRONT_MATTER)] if stamp is not None else []
    if field == "author":
        return [Fact(field, ", ".join(tidy_case(name) for name in found))]
    return [Fact(field, found[0])]


def _inline_list(value: str) -> list[str]:
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(part) for part in value[1:-1].split(",") if part.strip()]
    return [_unquote(value)]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _front_date(value: str) -> dt.datetime | None:
    reading = read_date(value)
    if reading is not None:
        return reading.value
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _metadata(facts: list[Fact]) -> SourceMetadata:
    """The first statement of each field wins; an update date stands in for a missing
    publication date (its published_source says so)."""
    first: dict[str, Fact] = {}
    for fact in facts:
        if fact.value is not None and fact.field not in first:
            first[fact.field] = fact
    stamp = first.get("published") or first.get("updated")
    return SourceMetadata(
        title=_text(first.get("title")),
        url=_text(first.get("url")),
        outlet=_text(first.get("outlet")),
        author=_text(first.get("author")),
        published=stamp.value if stamp and isinstance(stamp.value, dt.datetime) else None,
        published_source=stamp.rule if stamp else None,
    )


def _text(fact: Fact | None) -> str | None:
    return fact.value if fact is not None and isinstance(fact.value, str) else None
