"""``read``: turn paths, directories, stdin and URLs into RawDocuments, streamed."""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storyline.ingest.decode import charset_of, decode
from storyline.ingest.detect import SNIFF_BYTES, Format, binary_kind, sniff
from storyline.ingest.feed import read_feed
from storyline.ingest.jsonl import read_json, read_jsonl
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import binary, empty, problem, too_large
from storyline.ingest.streams import (
    TRUNCATION_CODES,
    DecompressedTooLarge,
    Gunzip,
    Prefixed,
    buffered,
    read_capped,
    read_head,
)
from storyline.ingest.url import (
    Fetcher,
    FetchRefused,
    HttpxFetcher,
    check_scheme,
    host_of,
    literal_address,
    refuse_private,
)
from storyline.ingest.warc import read_warc
from storyline.models import Origin, Problem, RawDocument, SourceMetadata

STDIN = "-"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Formats read item by item from a stream; any other format is one document read whole.
_STREAMED = (Format.JSONL, Format.WARC)


@dataclass(frozen=True)
class _Input:
    """One byte stream to read, and what is known about it before sniffing."""

    location: str
    name: str  # file name or URL path: a format hint only
    size: int | None = None  # known size in bytes (files)
    url: str | None = None
    charset: str | None = None  # from an HTTP Content-Type


def read(
    sources: Iterable[str],
    options: IngestOptions = IngestOptions(),
    fetcher: Fetcher | None = None,
) -> Iterator[RawDocument | Problem]:
    """Every document in ``sources`` (paths, directories, "-" for stdin, http(s) URLs).

    Bad items are yielded as Problems and the batch goes on; nothing is held beyond the
    item being read, so memory stays flat however many articles stream through.
    """
    fetcher = fetcher or HttpxFetcher(options)  # cheap: httpx is imported on first fetch
    for source in sources:
        if source == STDIN:
            yield from _guarded(_Input("<stdin>", ""), _stdin(), options)
        elif _URL.match(source):
            yield from _read_url(source, options, fetcher)
        else:
            yield from _read_path(Path(source), options)


def _stdin() -> BinaryIO:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return io.BytesIO(sys.stdin.read().encode("utf-8"))  # a text-only stdin (tests, IDEs)


def _read_path(path: Path, options: IngestOptions) -> Iterator[RawDocument | Problem]:
    if path.is_dir():
        for file in walk_files(path):
            yield from _read_file(file, options)
    elif path.exists():
        yield from _read_file(path, options)
    else:
        yield problem(
            Origin(str(path)),
            "missing-path",
            "no file or directory exists at this path",
            "check the spelling and the working directory",
        )


def walk_files(directory: Path) -> Iterator[Path]:
    """Files below ``directory`` in sorted path order, skipping hidden files and
    directories; symlinked directories are not followed (they can loop)."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(Path(entry.path))
        elif not entry.is_dir():
            yield Path(entry.path)


def _read_file(path: Path, options: IngestOptions) -> Iterator[RawDocument | Problem]:
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            yield problem(
                Origin(str(path)),
                "not-a-file",
                "the path is a device, socket or pipe, not a regular file",
                "pass regular files or directories",
            )
            return
        stream = path.open("rb")
    except OSError as error:
        yield problem(
            Origin(str(path)),
            "unreadable-path",
            f"the file cannot be opened ({error.strerror or error})",
            "check its permissions",
        )
        return
    with stream:
        yield from _guarded(_Input(str(path), path.name, size=status.st_size), stream, options)


def _read_url(
    url: str, options: IngestOptions, fetcher: Fetcher
) -> Iterator[RawDocument | Problem]:
    origin = Origin(url)
    try:
        check_scheme(url)
        literal = literal_address(host_of(url))
        if literal and not options.allow_private_urls:
            refuse_private(url, [literal])  # checked here too, whatever the fetcher does
        page = fetcher.fetch(url)
    except FetchRefused as error:
        yield problem(origin, error.code, str(error.args[0]), error.hint)
        return
    except Exception as error:  # an injected fetcher may raise anything
        yield problem(
            origin, "unreachable", f"the URL could not be fetched ({error})", "check the URL"
        )
        return
    if len(page.content) > options.max_bytes:
        yield too_large(origin, options.max_bytes, "page")
        return
    source = _Input(
        url, page.url.split("?")[0], len(page.content), page.url, charset_of(page.content_type)
    )
    yield from _guarded(source, io.BytesIO(page.content), options)


def _guarded(
    source: _Input, stream: BinaryIO, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    """Read one stream; a damaged stream ends with a Problem after what could be read."""
    origin = Origin(source.location)
    try:
        yield from _read_stream(source, stream, options, gunzipped=False)
    except DecompressedTooLarge as error:
        yield problem(
            origin,
            "gzip-bomb",
            str(error.args[0]),
            "raise --max-decompressed-bytes if it is legitimate",
        )
    except (OSError, EOFError) as error:
        yield problem(origin, "unreadable-path", f"reading failed ({error})", "check the file")
    except Exception as error:  # a parser's bug or limit must not end the batch
        yield problem(
            origin,
            "read-failed",
            f"reading stopped with {type(error).__name__}: {error}",
            "items before this point were read; check or convert the file",
        )


def _read_stream(
    source: _Input, stream: BinaryIO | Gunzip, options: IngestOptions, *, gunzipped: bool
) -> Iterator[RawDocument | Problem]:
    head = read_head(stream, SNIFF_BYTES)
    kind = sniff(head, source.name)
    origin = Origin(source.location)
    if kind is Format.GZIP and not gunzipped:
        yield from _read_gzip(source, buffered(Prefixed(head, stream)), options)
    elif kind is Format.EMPTY:
        if not _damaged(stream):
            yield empty(origin)
    elif kind in (Format.BINARY, Format.GZIP):
        yield binary(origin, binary_kind(head) or "nested gzip data")
    elif kind in _STREAMED:
        rest = buffered(Prefixed(head, stream))
        reader = read_warc if kind is Format.WARC else read_jsonl
        yield from reader(rest, source.location, options)
    elif source.size is not None and source.size > options.max_bytes and not gunzipped:
        yield too_large(origin, options.max_bytes)  # refused from its size, before reading
    else:
        data = read_capped(buffered(Prefixed(head, stream)), options.max_bytes)
        if data is None:
            yield too_large(origin, options.max_bytes)
        elif not _damaged(stream):  # a damaged gzip is reported by _read_gzip
            yield from _whole(source, data, kind, options)


def _damaged(stream: BinaryIO | Gunzip) -> bool:
    return isinstance(stream, Gunzip) and stream.damage is not None


def _read_gzip(
    source: _Input, stream: BinaryIO, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    gunzip = Gunzip(stream, options.max_decompressed_bytes)
    name = source.name.removesuffix(".gz").removesuffix(".gzip")
    inner = _Input(source.location, name, None, source.url, source.charset)
    reported = False
    for item in _read_stream(inner, gunzip, options, gunzipped=True):
        reported = isinstance(item, Problem) and item.code in TRUNCATION_CODES
        yield item
    if gunzip.damage is not None and not reported:
        yield problem(
            Origin(source.location),
            "truncated-gzip",
            f"{gunzip.damage.args[0]}; any items before the damage were read",
            "re-download or repair the file",
        )


def _whole(
    source: _Input, data: bytes, kind: Format, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    if kind is Format.JSON:
        yield from read_json(data, source.location, options)
    elif kind is Format.FEED:
        yield from read_feed(data, source.location)
    else:
        markup = kind is Format.HTML
        decoded = decode(data, charset=source.charset, markup=markup)
        yield RawDocument(
            raw=data,
            media_type=kind.value,
            origin=Origin(source.location),
            metadata=SourceMetadata(url=source.url),
            encoding=decoded.encoding,
        )
