"""JSON documents and JSON Lines: one RawDocument per article record."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from storyline.ingest.decode import bom_encoding, bomless_utf16, decode
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import problem, too_large
from storyline.ingest.records import article_values, describe_fields, read_record
from storyline.ingest.streams import read_capped
from storyline.models import Origin, Problem, RawDocument

# Bytes read per step while skipping the rest of an over-long JSONL line.
SKIP_CHUNK_BYTES = 1024 * 1024
FIELD_HINT = "name the text field with --field text=PATH (a dotted path, e.g. article.body)"


def read_json(
    data: bytes, location: str, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    """A whole JSON document: an object, an array of objects, or a wrapper with a list."""
    origin = Origin(location)
    decoded = decode(data)
    value = _parse(decoded.text, origin, whole_file=True)
    if isinstance(value, Problem):
        yield value
        return
    yield from _documents(value, data, origin, options.field_paths(), decoded.encoding)


def read_jsonl(
    stream: BinaryIO, location: str, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    """JSON Lines, streamed: one line in memory at a time; a bad line is reported and skipped."""
    fields = options.field_paths()
    line = stream.readline(options.max_bytes + 1)
    if (wide := _wide_encoding(line)) is not None:
        yield from _read_wide(line, stream, wide, location, options)
        return
    number = 0
    while line:
        number += 1
        origin = Origin(location, f"line {number}")
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield too_large(origin, options.max_bytes, "line")
        elif (raw := line.rstrip(b"\r\n")).strip():
            decoded = decode(raw)
            yield from _line_documents(decoded.text, raw, origin, fields, decoded.encoding)
        line = stream.readline(options.max_bytes + 1)


def _wide_encoding(first_line: bytes) -> str | None:
    """UTF-16 or UTF-32, whose line breaks are not single bytes, else None."""
    encoding = bom_encoding(first_line) or bomless_utf16(first_line)
    return encoding if encoding and encoding != "utf-8" else None


def _read_wide(
    first: bytes, stream: BinaryIO, encoding: str, location: str, options: IngestOptions
) -> Iterator[RawDocument | Problem]:
    """JSON Lines in UTF-16/32 (as Windows tools write them), read whole and split as text;
    each line's ``raw`` is its bytes in the file's encoding."""
    rest = read_capped(stream, options.max_bytes)
    if rest is None:
        yield too_large(Origin(location), options.max_bytes)
        return
    text = (first + rest).decode(encoding, errors="replace").lstrip("\ufeff")
    fields = options.field_paths()
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            line = line.rstrip("\r")
            raw = line.encode(encoding, errors="replace")
            origin = Origin(location, f"line {number}")
            yield from _line_documents(line, raw, origin, fields, encoding)


def _line_documents(
    text: str, raw: bytes, origin: Origin, fields: Mapping[str, str], encoding: str
) -> Iterator[RawDocument | Problem]:
    value = _parse(text, origin, whole_file=False)
    if isinstance(value, Problem):
        yield value
        return
    yield from _documents(value, raw, origin, fields, encoding)


def _parse(text: str, origin: Origin, *, whole_file: bool) -> Any:
    """The parsed JSON value, or the Problem saying where it is malformed and what to do."""
    try:
        return json.loads(text, parse_int=_integer)
    except RecursionError:
        return _too_deep(origin)
    except json.JSONDecodeError as error:
        if whole_file:
            message = f"the JSON is malformed at line {error.lineno}, column {error.colno}"
            message += f": {error.msg}"
            hint = "fix the JSON, or write one object per line (JSONL)"
        else:
            message = f"the line is not valid JSON (column {error.colno}: {error.msg})"
            hint = "fix or remove that line; the other lines were read"
        return problem(origin, "invalid-json", message, hint)


def _integer(digits: str) -> int | float:
    """An integer literal; past Python's int-parsing limit a float (inf), not an error, so
    a record holding one stray huge number is still read."""
    try:
        return int(digits)
    except ValueError:
        return float(digits)


def _too_deep(origin: Origin) -> Problem:
    return problem(
        origin, "invalid-json", "the JSON is nested too deeply to read", "flatten the record"
    )


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while (chunk := stream.readline(SKIP_CHUNK_BYTES)) and not chunk.endswith(b"\n"):
        pass


def _documents(
    value: Any, raw: bytes, origin: Origin, fields: Mapping[str, str], encoding: str
) -> Iterator[RawDocument | Problem]:
    found = False
    for item, article in article_values(value, fields):
        found = True
        member = origin.member if item is None else _join(origin.member, f"item {item}")
        yield _document(article, raw, Origin(origin.location, member), fields, encoding)
    if not found:  # "[]" or {"articles": []}: say so rather than yield nothing at all
        yield problem(
            origin,
            "no-articles",
            "the JSON holds an empty list, so there is no article to read",
            "check the export that wrote it",
            warning=True,
        )


def _join(outer: str | None, inner: str) -> str:
    return f"{outer}, {inner}" if outer else inner


def _document(
    value: Any, raw: bytes, origin: Origin, fields: Mapping[str, str], encoding: str
) -> RawDocument | Problem:
    if not isinstance(value, dict):
        return problem(
            origin,
            "json-not-object",
            f"expected a JSON object for an article, found {type(value).__name__}",
            "give each article as an object with a text field",
        )
    record = read_record(value, fields)
    if record.text is None:
        where = f"'{fields['text']}'" if "text" in fields else "text, content, body or article"
        return problem(
            origin,
            "no-text-field",
            f"the record has no {where} field with text; it has: {describe_fields(value)}",
            FIELD_HINT,
        )
    return RawDocument(
        raw=raw,
        media_type="application/json",
        origin=origin,
        metadata=record.metadata,
        body=record.text,
        body_type="text/html" if record.is_markup else "text/plain",
        encoding=encoding,
    )
