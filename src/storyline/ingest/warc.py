"""WARC archives via warcio, streamed record by record: one RawDocument per HTML response."""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

from storyline.ingest.dates import parse_timestamp
from storyline.ingest.decode import charset_of, decode
from storyline.ingest.detect import GZIP_MAGIC, Format, sniff
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import problem, too_large
from storyline.ingest.streams import (
    DecompressedTooLarge,
    Gunzip,
    TruncatedGzip,
    buffered,
    read_capped,
)
from storyline.models import Origin, Problem, RawDocument, SourceMetadata

_PAGE_RECORD_TYPES = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: BinaryIO, location: str, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    """Each HTML response (or resource) record as a document; other records are skipped."""
    from warcio.exceptions import ArchiveLoadFailed  # imported lazily

    number = 0
    iterator = _quiet_iterator()(stream, arc2warc=True)
    mismatches = 0
    try:
        for record in iterator:
            number += 1
            # warcio counts a record not followed by blank lines while moving past it.
            if iterator.err_count > mismatches:
                mismatches = iterator.err_count
                yield _length_mismatch(location, number - 1)
            if not str(record.rec_headers.get_header("Content-Length") or "").isdigit():
                # warcio reads a stray text line as an ARC header; nothing valid follows.
                yield _damaged(location, number - 1, f"record {number} has no valid length")
                return
            if record.rec_type is None:
                yield _untyped(location, number)
            elif record.rec_type in _PAGE_RECORD_TYPES:
                document = _page(record, location, number, options)
                if document is not None:
                    yield document
                if isinstance(document, Problem) and document.code == "truncated-warc":
                    return
    except (ArchiveLoadFailed, TruncatedGzip) as error:
        yield _damaged(location, number, str(error.args[0] if error.args else error))
        return
    if iterator.err_count > mismatches:
        yield _length_mismatch(location, number)


@functools.cache
def _quiet_iterator() -> type[Any]:
    """warcio's ArchiveIterator without its stderr warning, which becomes a Problem here."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        INC_RECORD = ""

    return QuietArchiveIterator


def _length_mismatch(location: str, number: int) -> Problem:
    return problem(
        Origin(location, f"record {number}"),
        "warc-length-mismatch",
        f"record {number} is not followed by the blank lines that end a WARC record, so its "
        "Content-Length is probably wrong: its page may be cut short or run into the next",
        "the other records were read; re-download or repair the archive",
        warning=True,
    )


def _untyped(location: str, number: int) -> Problem:
    return problem(
        Origin(location, f"record {number}"),
        "invalid-warc-record",
        f"record {number} has no WARC-Type header and was skipped",
        "the other records were read; check how the archive was written",
        warning=True,
    )


def _damaged(location: str, number: int, reason: str) -> Problem:
    where = f"after record {number}" if number else "at its start"
    return problem(
        Origin(location, where if number else "record 1"),
        "truncated-warc",
        f"the WARC is damaged {where}: {reason}",
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
    if payload.startswith(GZIP_MAGIC):  # compressed, without a Content-Encoding header
        payload = _gunzipped(payload, options)
        if payload is None:
            return problem(
                origin,
                "unreadable-payload",
                "the record's page is gzip data that is damaged or inflates past the limits",
                "the other records were read; check the archive",
            )
    if not declared_html and sniff(payload[:4096]) is not Format.HTML:
        return None
    return _document(record, payload, origin, charset_of(content_type))


def _gunzipped(payload: bytes, options: IngestOptions) -> bytes | None:
    stream = Gunzip(io.BytesIO(payload), min(options.max_decompressed_bytes, options.max_bytes))
    try:
        inflated = read_capped(buffered(stream), options.max_bytes)
    except DecompressedTooLarge:
        return None
    return None if stream.damage is not None else inflated


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
