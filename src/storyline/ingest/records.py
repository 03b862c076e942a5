"""JSON records: find the articles in a value and read their fields (with --field paths)."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from storyline.ingest.dates import parse_timestamp
from storyline.ingest.decode import scrub
from storyline.models import SourceMetadata

# Field names tried in order for each canonical field (first usable one wins); the layouts of
# news-please, NewsAPI, the Guardian and NYT APIs, WordPress and schema.org exports.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "webTitle"),
    "text": (
        "text", "content", "body", "article", "maintext", "articleBody", "full_text",
        "bodyText", "body_text", "article_text", "lead_paragraph", "content_html",
        "content_text",
    ),
    "url": ("url", "link", "canonical_url", "href", "webUrl", "web_url", "permalink"),
    "published": (
        "date", "published", "published_at", "pubDate", "date_publish", "datePublished",
        "publish_date", "publication_date", "publishedAt", "created_at", "webPublicationDate",
        "pub_date", "published_date", "publishedDate", "date_published",
    ),
    "outlet": ("source", "outlet", "site", "publisher", "source_domain", "sitename", "site_name"),
    "author": ("author", "byline", "authors", "creator"),
    "language": ("language", "lang", "locale"),
}  # fmt: skip
# Keys of a wrapper object (or JSONL line) whose list holds the articles.
LIST_KEYS = (
    "articles", "items", "data", "documents", "results", "entries", "stories", "posts", "docs",
    "hits",
)  # fmt: skip
# Keys of an object nested in a record (or wrapping it) that holds the record's fields:
# {"article": {...}}, {"data": {...}}, Elasticsearch's {"_source": {...}}, Guardian "fields".
RECORD_KEYS = (
    "article", "data", "_source", "fields", "attributes", "item", "story", "post", "document",
    "record", "response", "result",
)  # fmt: skip
# How deep wrappers and nested records are followed; real layouts need 2 or 3.
MAX_NESTING = 4
# Keys of a nested object holding a field's string ({"content": {"rendered": "..."}}); the
# text field accepts only text-like keys, so {"article": {"title": ...}} is not its body.
NESTED_VALUE_KEYS = ("rendered", "text", "value", "html", "main", "name", "title", "href", "url")
NESTED_TEXT_KEYS = ("rendered", "text", "value", "html")
# Keys of a date object: MongoDB's {"$date": ...}, {"$date": {"$numberLong": "..."}}.
NESTED_DATE_KEYS = ("$date", "$numberLong", "date", "value", "iso", "timestamp")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
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


def article_values(
    value: Any, field_map: Mapping[str, str], depth: int = 0
) -> Iterator[tuple[int | None, Any]]:
    """(1-based item number or None, value) for each article in a JSON value."""
    if isinstance(value, list):
        yield from ((index, item) for index, item in enumerate(value, 1))
        return
    if isinstance(value, dict) and _field(value, "text", field_map)[0] is None:
        for key in LIST_KEYS:
            items = value.get(key)
            if isinstance(items, list) and any(isinstance(item, dict) for item in items):
                yield from ((index, item) for index, item in enumerate(items, 1))
                return
        for key in (*RECORD_KEYS, *LIST_KEYS):  # {"response": {"results": [...]}}
            inner = value.get(key)
            if isinstance(inner, dict) and depth < MAX_NESTING and _holds_list(inner):
                yield from article_values(inner, field_map, depth + 1)
                return
    yield None, value


def _holds_list(value: dict[str, Any], depth: int = 0) -> bool:
    if any(isinstance(value.get(key), list) for key in LIST_KEYS):
        return True
    return depth < MAX_NESTING and any(
        isinstance(value.get(key), dict) and _holds_list(value[key], depth + 1)
        for key in (*RECORD_KEYS, *LIST_KEYS)
    )


def read_record(value: dict[str, Any], field_map: Mapping[str, str]) -> Record:
    text, text_field = _field(value, "text", field_map)
    published, stamp_field = _field(value, "published", field_map)
    stamp = published if isinstance(published, dt.datetime) else None
    metadata = SourceMetadata(
        title=_text_of(value, "title", field_map),
        url=_text_of(value, "url", field_map),
        outlet=_text_of(value, "outlet", field_map),
        author=_text_of(value, "author", field_map),
        published=stamp,
        published_source=f"json:{stamp_field}" if stamp else None,
        language=_text_of(value, "language", field_map),
    )
    body = text if isinstance(text, str) else None
    return Record(body, text_field, metadata, bool(body and _MARKUP.search(body[:5000])))


def _text_of(value: dict[str, Any], name: str, field_map: Mapping[str, str]) -> str | None:
    found = _field(value, name, field_map)[0]
    return found if isinstance(found, str) else None


def _field(
    value: dict[str, Any], name: str, field_map: Mapping[str, str], depth: int = 0
) -> tuple[str | dt.datetime | None, str | None]:
    """(usable value, field path) of the first candidate field for ``name``: the record's
    own keys first, then those of the records nested in it."""
    if name in field_map:
        path = field_map[name]
        return _convert(_at_path(value, path), name), path
    for key in FIELD_NAMES[name]:
        if (found := _convert(value.get(key), name)) is not None:
            return found, key
    if depth < MAX_NESTING:
        for key in RECORD_KEYS:
            inner = value.get(key)
            if isinstance(inner, dict):
                nested, nested_path = _field(inner, name, field_map, depth + 1)
                if nested is not None:
                    return nested, f"{key}.{nested_path}"
    return None, None


def _convert(value: Any, name: str) -> str | dt.datetime | None:
    if value is None:
        return None
    if name == "published":
        return _timestamp(value)
    if name == "text":
        return _string(value, NESTED_TEXT_KEYS, separator="\n\n")
    return _string(value, NESTED_VALUE_KEYS, separator=", ")


def _timestamp(value: Any, depth: int = 0) -> dt.datetime | None:
    if isinstance(value, dict) and depth < MAX_NESTING:
        for key in NESTED_DATE_KEYS:
            if key in value and (stamp := _timestamp(value[key], depth + 1)) is not None:
                return stamp
        return None
    return parse_timestamp(value)


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


def _string(value: Any, keys: tuple[str, ...], separator: str, depth: int = 0) -> str | None:
    """A field's text: strings as is, lists joined, nested objects by their usual key.
    Nesting deeper than MAX_NESTING is ignored: a hostile record cannot exhaust the stack."""
    if isinstance(value, str):
        text = scrub(value)
        if _ENTITY.search(text) and not _MARKUP.search(text):
            text = html.unescape(text)  # "Smith &amp; Jones" in a scraped plain-text field
        return text.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if depth >= MAX_NESTING:
        return None
    if isinstance(value, list):
        parts = [part for item in value if (part := _string(item, keys, separator, depth + 1))]
        return separator.join(parts) or None
    if isinstance(value, dict):
        for key in keys:
            if (found := _string(value.get(key), keys, separator, depth + 1)) is not None:
                return found
    return None


def describe_fields(value: dict[str, Any]) -> str:
    names = sorted(scrub(str(key)) for key in value)
    shown = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
    return shown or "no fields"
