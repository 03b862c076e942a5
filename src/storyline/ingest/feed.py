"""RSS and Atom feeds via feedparser: one RawDocument per entry, sharing the feed's bytes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storyline.ingest.dates import from_struct
from storyline.ingest.problems import problem
from storyline.models import Origin, Problem, RawDocument, SourceMetadata


def read_feed(data: bytes, location: str) -> Iterator[RawDocument | Problem]:
    import feedparser  # imported lazily: slow to import

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        yield _no_entries(Origin(location), parsed)
        return
    channel = parsed.get("feed", {})
    atom = str(parsed.get("version", "")).startswith("atom")
    media_type = "application/atom+xml" if atom else "application/rss+xml"
    outlet = _clean(channel.get("title"))
    context = _Channel(outlet, _clean(channel.get("language")), _clean(parsed.get("encoding")))
    for number, entry in enumerate(entries, 1):
        yield _entry_document(entry, data, Origin(location, f"item {number}"), context, media_type)


def _no_entries(origin: Origin, parsed: Any) -> Problem:
    if parsed.get("bozo") and not parsed.get("feed"):
        reason = parsed.get("bozo_exception")
        return problem(
            origin,
            "invalid-feed",
            f"the feed cannot be parsed ({reason})",
            "check that the file is a complete RSS or Atom document",
        )
    return problem(
        origin,
        "empty-feed",
        "the feed has no items",
        "fetch the feed again later, or ingest the article pages themselves",
    )


@dataclass(frozen=True)
class _Channel:
    """What the feed says about all its items."""

    outlet: str | None
    language: str | None
    encoding: str | None


def _entry_document(
    entry: Any, data: bytes, origin: Origin, channel: _Channel, media_type: str
) -> RawDocument | Problem:
    body, body_type, partial = _entry_body(entry)
    if body is None:
        return problem(
            origin,
            "empty-entry",
            "the feed item has neither content nor a summary",
            "ingest the article page from the item's link instead",
        )
    published = from_struct(entry.get("published_parsed") or entry.get("updated_parsed"))
    metadata = SourceMetadata(
        title=_clean(entry.get("title")),
        url=_clean(entry.get("link")),
        outlet=channel.outlet,
        author=_author(entry),
        published=published,
        published_source="feed" if published else None,
        language=_clean(entry.get("language")) or channel.language,
    )
    return RawDocument(
        raw=data,
        media_type=media_type,
        origin=origin,
        metadata=metadata,
        body=body,
        body_type=body_type,
        encoding=channel.encoding,
        partial=partial,
    )


def _entry_body(entry: Any) -> tuple[str | None, str, bool]:
    """(body, body type, partial): full content when present, else the summary."""
    contents = [item for item in entry.get("content") or [] if _clean(item.get("value"))]
    if contents:
        best = max(contents, key=lambda item: len(item.get("value", "")))
        return best["value"], _body_type(best.get("type")), False
    summary = _clean(entry.get("summary"))
    if summary is None:
        return None, "text/plain", True
    detail = entry.get("summary_detail") or {}
    return summary, _body_type(detail.get("type")), True


def _body_type(declared: str | None) -> str:
    return "text/html" if declared and "html" in declared else "text/plain"


def _author(entry: Any) -> str | None:
    detail = entry.get("author_detail") or {}
    return _clean(detail.get("name")) or _clean(entry.get("author"))


def _clean(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
