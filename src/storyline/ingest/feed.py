"""RSS and Atom feeds via feedparser: one RawDocument per entry, sharing the feed's bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storyline.ingest.dates import from_struct
from storyline.ingest.decode import scrub
from storyline.ingest.html import fragment_paragraphs
from storyline.ingest.problems import problem
from storyline.models import Origin, Problem, RawDocument, SourceMetadata

# A numeric character reference feedparser cannot turn into a character (it raises
# ValueError on &#1114112; and &#xD800;, losing the whole feed).
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,24}));")
_REPLACEMENT_CHARREF = b"&#xFFFD;"
# The end of a complete feed: its root element's closing tag, within this many final bytes.
_CLOSING_ROOT = re.compile(rb"</\s*(rss|feed|rdf:rdf)\b", re.I)
CLOSING_TAG_SCAN_BYTES = 1024


def read_feed(data: bytes, location: str) -> Iterator[RawDocument | Problem]:
    parsed, truncated = _parse(data)
    entries = parsed.get("entries") or []
    if truncated:
        yield _truncated(Origin(location))
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


def _parse(data: bytes) -> tuple[Any, bool]:
    """feedparser's result, and whether the feed is cut short; a cut feed is re-read after
    lxml closes its open elements, so the text of the last, unfinished item is kept."""
    import feedparser  # imported lazily: slow to import

    parseable = _CHARREF.sub(_valid_charref, data)
    parsed = feedparser.parse(parseable)
    tail = data[-CLOSING_TAG_SCAN_BYTES:].replace(b"\x00", b"")  # UTF-16/32 feeds too
    truncated = bool(parsed.get("bozo")) and not _CLOSING_ROOT.search(tail)
    if truncated and (closed := _closed(parseable)) is not None:
        reparsed = feedparser.parse(closed)
        if _with_body(reparsed) > _with_body(parsed):
            parsed = reparsed
    return parsed, truncated


def _with_body(parsed: Any) -> int:
    return sum(_entry_body(entry)[0] is not None for entry in parsed.get("entries") or [])


def _valid_charref(match: re.Match[bytes]) -> bytes:
    hex_digits, digits = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(digits)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return _REPLACEMENT_CHARREF
    return match.group(0)


def _closed(data: bytes) -> bytes | None:
    """The feed with its unclosed elements closed by lxml's recovering parser."""
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError:
        return None
    if root is None:
        return None
    return bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True))


def _truncated(origin: Origin) -> Problem:
    return problem(
        origin,
        "truncated-feed",
        "the feed ends before its closing tag, so its last item may be incomplete",
        "the items it holds were read; fetch the feed again for a complete copy",
        warning=True,
    )


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
        title=_title(entry),
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
        return scrub(best["value"]), _body_type(best.get("type")), False
    summary = _clean(entry.get("summary"))
    if summary is None:
        return None, "text/plain", True
    detail = entry.get("summary_detail") or {}
    return summary, _body_type(detail.get("type")), True


def _title(entry: Any) -> str | None:
    """The entry's title as text: an HTML title (Atom type="html") loses its markup."""
    title = _clean(entry.get("title"))
    detail = entry.get("title_detail") or {}
    if title is None or _body_type(detail.get("type")) != "text/html" or "<" not in title:
        return title
    return " ".join(fragment_paragraphs(title)[0]) or None


def _body_type(declared: str | None) -> str:
    return "text/html" if declared and "html" in declared else "text/plain"


def _author(entry: Any) -> str | None:
    detail = entry.get("author_detail") or {}
    return _clean(detail.get("name")) or _clean(entry.get("author"))


def _clean(value: Any) -> str | None:
    return scrub(value).strip() or None if isinstance(value, str) else None
