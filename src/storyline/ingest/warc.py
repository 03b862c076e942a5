"""WARC archives via warcio, streamed record by record: one RawDocument per HTML response."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from storyline.ingest.dates import parse_timestamp
from storyline.ingest.decode import charset_of, decode
from storyline.ingest.detect import Format, sniff
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import problem, too_large
from storyline.ingest.streams import TruncatedGzip, read_capped
from storyline.models import Origin, Problem, RawDocument, SourceMetadata

_PAGE_RECORD_TYPES = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: BinaryIO, location: str, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    """Each HTML response (or resource) record as a document; other records are skipped."""
    from warcio.archiveiterator import ArchiveIterator  # imported lazily
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if record.rec_type in _PAGE_RECORD_TYPES:
                document = _page(record, location, number, options)
                if document is not None:
                    yield document
                if isinstance(document, Problem) and document.code == "truncated-warc":
                    return
    except (ArchiveLoadFailed, TruncatedGzip) as error:
        yield _damaged(location, number, str(error.args[0] if error.args else error))


def _damaged(location: str, number: int, reason: str) -> Problem:
    return problem(
        Origin(location, f"after record {number}"),
        "truncated-warc",
        f"the WARC is damaged after record {number}: {reason}",
        "the records before the damage were read; re-download or repair the archive",
    )


def _page(
    record: Any, location: str, number: int, options: IngestOptions
) -> RawDocument | Problem | None:
    """The record's HTML payload, None for non-page records (images, redirects, CSS)."""
    origin = Origin(location, f"record {number}")
    http = record.http_headers
    if http is not None and not str(http.get_statuscode() or "").startswith("2"):
        return None
    content_type = (http or record.rec_headers).get_header("Content-Type") or ""
    declared_html = any(kind in content_type.lower() for kind in _HTML_TYPES)
    if content_type and not declared_html and "text/plain" not in content_type.lower():
        return None
    if (record.length or 0) > options.max_bytes:
        return too_large(origin, options.max_bytes, "record")
    payload = read_capped(record.content_stream(), options.max_bytes)
    if payload is None:
        return too_large(origin, options.max_bytes, "record")
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record declares
        return _damaged(location, number - 1, f"record {number} ends early")
    if not declared_html and sniff(payload[:4096]) is not Format.HTML:
        return None
    return _document(record, payload, origin, charset_of(content_type))


def _document(
    record: Any, payload: bytes, origin: Origin, charset: str | None
) -> RawDocument | Problem:
    if not payload.strip():
        return problem(origin, "empty-file", "the record's page is empty", "nothing to do")
    headers = record.rec_headers
    stamp = parse_timestamp(headers.get_header("WARC-Date"))
    url = headers.get_header("WARC-Target-URI")
    metadata = SourceMetadata(
        url=url.strip("<>") if url else None,
        published=stamp,
        published_source="warc-date" if stamp else None,
    )
    encoding = decode(payload, charset=charset, markup=True).encoding
    return RawDocument(
        raw=payload, media_type="text/html", origin=origin, metadata=metadata, encoding=encoding
    )
