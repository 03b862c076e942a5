"""Which reader a byte stream needs, sniffed from its first bytes (the name is a hint)."""

from __future__ import annotations

import re
from enum import StrEnum

from storyline.ingest.decode import bom_encoding, bomless_utf16

# Bytes read before deciding; a feed or HTML page states itself in its first few KB.
SNIFF_BYTES = 64 * 1024
# Share of control bytes (besides tab/CR/LF/FF/ESC) above which content is called binary;
# invented cp1252, UTF-8 and UTF-16 fixtures stay at 0, PDFs and images score > 0.1.
BINARY_CONTROL_SHARE = 0.02

GZIP_MAGIC = b"\x1f\x8b"
_MAGIC_NAMES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "a SQLite database"),
)
_FEED = re.compile(rb"<(rss|rdf:RDF|feed)[\s>]", re.I)
_HTML = re.compile(
    rb"<(!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6])[\s>/]", re.I
)
_JSON_STARTS = frozenset(bytes([byte]) for byte in b'{["-0123456789tfn]')
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})
_JSON_NAMES = (".json", ".jsonl", ".ndjson")
_JSONL_NAMES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
# Archives warcio reads: WARC records, and the older ARC format's "filedesc://" header.
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


class Format(StrEnum):
    TEXT = "text/plain"
    HTML = "text/html"
    JSON = "application/json"
    JSONL = "application/x-ndjson"
    FEED = "application/rss+xml"
    WARC = "application/warc"
    GZIP = "application/gzip"
    BINARY = "application/octet-stream"
    EMPTY = "empty"


def binary_kind(head: bytes) -> str | None:
    """A description when ``head`` is binary, else None."""
    for magic, name in _MAGIC_NAMES:
        if head.startswith(magic):
            return name
    if bom_encoding(head) or bomless_utf16(head):
        return None
    sample = head[:4096]
    if b"\x00" in sample:
        return "binary data"
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return "binary data" if sample and controls / len(sample) > BINARY_CONTROL_SHARE else None


def _ascii_view(head: bytes) -> bytes:
    """The head as ASCII-compatible bytes, so UTF-16/32 markup sniffs like UTF-8."""
    encoding = bom_encoding(head) or bomless_utf16(head)
    if encoding and encoding != "utf-8":
        usable = head[: len(head) - len(head) % 4]
        text = usable.decode(encoding, errors="ignore")
        return text.encode("ascii", errors="ignore")
    return head


def sniff(head: bytes, name_hint: str = "") -> Format:
    """Guess the format of a stream from its first bytes; ``name_hint`` breaks ties."""
    if not head.strip():
        return Format.EMPTY
    if head.startswith(GZIP_MAGIC):
        return Format.GZIP
    if head.startswith(_ARCHIVE_STARTS):
        return Format.WARC
    if binary_kind(head):
        return Format.BINARY
    view = _ascii_view(head).lstrip(b"\xef\xbb\xbf \t\r\n")
    name = name_hint.lower()
    if view[:1] in (b"{", b"["):
        return _json_kind(view, name)
    if name.endswith(_JSON_NAMES) and view[:1] in _JSON_STARTS | {b'"'}:
        return Format.JSON  # a bare value ("text", 42): read as JSON, reported as no article
    start = view[:4096]
    if start[:1] == b"<" and _FEED.search(start) and not _HTML.match(_skip_prolog(start)):
        return Format.FEED
    if (start[:1] == b"<" and _HTML.search(start)) or _HTML.search(start[:512]):
        return Format.HTML
    if name_hint.lower().endswith((".html", ".htm", ".xhtml")) and b"<" in start:
        return Format.HTML
    return Format.TEXT


def _skip_prolog(start: bytes) -> bytes:
    """Skip an XML declaration, comments and processing instructions at the top."""
    return re.sub(rb"^(\s*<(\?.*?\?|!--.*?--)>)*\s*", b"", start, flags=re.S)


def _json_kind(view: bytes, name: str) -> Format:
    second = view[1:64].lstrip()[:1]
    prose = second not in (b"", b'"', b"}") and (view[:1] == b"{" or second not in _JSON_STARTS)
    if prose and not name.endswith(_JSON_NAMES):
        return Format.TEXT  # "[Updated] Storm ..." or "{Draft} ..." is prose, not JSON
    if view[:1] == b"[":
        return Format.JSONL if name.endswith(_JSONL_NAMES) else Format.JSON
    if name.endswith(_JSONL_NAMES):
        return Format.JSONL
    first_line, newline, rest = view.partition(b"\n")
    if first_line.strip() == b"{":
        return Format.JSON  # pretty-printed
    if name.endswith((".json", ".json.gz")):
        # A compact .json file has one line; several lines starting with "{" are JSONL.
        return Format.JSONL if newline and rest.lstrip().startswith(b"{") else Format.JSON
    return Format.JSONL
