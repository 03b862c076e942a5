"""JSON records: find the articles in a value and read their fields (with --field paths)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from storyline.ingest.dates import parse_timestamp
from storyline.models import SourceMetadata

# Field names tried in order for each canonical field (first non-empty wins).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "text": ("text", "content", "body", "article", "maintext", "articleBody", "full_text"),
    "url": ("url", "link", "canonical_url", "href"),
    "published": (
        "date", "published", "published_at", "pubDate", "date_publish", "datePublished",
        "publish_date", "publication_date", "publishedAt", "created_at",
    ),
    "outlet": ("source", "outlet", "site", "publisher", "source_domain", "sitename", "site_name"),
    "author": ("author", "byline", "authors", "creator"),
    "language": ("language", "lang", "locale"),
}  # fmt: skip
# Keys of a wrapper object (or JSONL line) whose list holds the articles.
LIST_KEYS = ("articles", "items", "data", "documents", "results", "entries", "stories", "posts")
# Keys of a nested object holding a field's string ({"content": {"rendered": "..."}}).
NESTED_VALUE_KEYS = ("rendered", "text", "value", "html", "name", "title", "href", "url")
_MARKUP = re.compile(
    r"<(p|div|br|h[1-6]|ul|ol|li|blockquote|article|section|span|a|em|strong)\b", re.I
)


@dataclass(frozen=True)
class Record:
    """The fields of one JSON article record."""

    text: str | None
    text_field: str | None
    metadata: SourceMetadata
    is_markup: bool


def article_values(value: Any, field_map: Mapping[str, str]) -> Iterator[tuple[int | None, Any]]:
    """(1-based item number or None, value) for each article in a JSON value."""
    if isinstance(value, list):
        yield from ((index, item) for index, item in enumerate(value, 1))
        return
    if isinstance(value, dict) and _lookup(value, "text", field_map)[0] is None:
        for key in LIST_KEYS:
            items = value.get(key)
            if isinstance(items, list) and any(isinstance(item, dict) for item in items):
                yield from ((index, item) for index, item in enumerate(items, 1))
                return
    yield None, value


def read_record(value: dict[str, Any], field_map: Mapping[str, str]) -> Record:
    text, text_field = _lookup(value, "text", field_map)
    stamp_text, stamp_field = _lookup(value, "published", field_map)
    published = parse_timestamp(stamp_text) if stamp_text is not None else None
    metadata = SourceMetadata(
        title=_string(_lookup(value, "title", field_map)[0]),
        url=_string(_lookup(value, "url", field_map)[0]),
        outlet=_string(_lookup(value, "outlet", field_map)[0]),
        author=_string(_lookup(value, "author", field_map)[0]),
        published=published,
        published_source=f"json:{stamp_field}" if published else None,
        language=_string(_lookup(value, "language", field_map)[0]),
    )
    body = _string(text, paragraphs=True)
    return Record(body, text_field, metadata, bool(body and _MARKUP.search(body[:5000])))


def _lookup(
    value: dict[str, Any], name: str, field_map: Mapping[str, str]
) -> tuple[Any, str | None]:
    """(value, field path) of the first non-empty candidate field for ``name``."""
    if name in field_map:
        path = field_map[name]
        return _at_path(value, path), path
    for key in FIELD_NAMES[name]:
        found = value.get(key)
        if found not in (None, "", [], {}):
            return found, key
    return None, None


def _at_path(value: Any, path: str) -> Any:
    """Follow a dotted path ("article.body", "authors.0.name") through dicts and lists."""
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _string(value: Any, *, paragraphs: bool = False) -> str | None:
    """A field's text: strings as is, lists joined, nested objects by their usual key."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        parts = [part for item in value if (part := _string(item, paragraphs=paragraphs))]
        return ("\n\n" if paragraphs else ", ").join(parts) or None
    if isinstance(value, dict):
        for key in NESTED_VALUE_KEYS:
            if (found := _string(value.get(key), paragraphs=paragraphs)) is not None:
                return found
    return None


def describe_fields(value: dict[str, Any]) -> str:
    names = sorted(str(key) for key in value)
    shown = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
    return shown or "no fields"
