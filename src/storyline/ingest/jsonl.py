"""JSON documents and JSON Lines: one RawDocument per article record."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from storyline.ingest.decode import decode
from storyline.ingest.options import IngestOptions
from storyline.ingest.problems import problem, too_large
from storyline.ingest.records import article_values, describe_fields, read_record
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
    number = 0
    while True:
        line = stream.readline(options.max_bytes + 1)
        if not line:
            return
        number += 1
        origin = Origin(location, f"line {number}")
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield too_large(origin, options.max_bytes, "line")
            continue
        raw = line.rstrip(b"\r\n")
        if raw.strip():
            yield from _line_documents(raw, origin, fields)


def _line_documents(
    raw: bytes, origin: Origin, fields: Mapping[str, str]
) -> Iterator[RawDocument | Problem]:
    decoded = decode(raw)
    value = _parse(decoded.text, origin, whole_file=False)
    if isinstance(value, Problem):
        yield value
        return
    yield from _documents(value, raw, origin, fields, decoded.encoding)


def _parse(text: str, origin: Origin, *, whole_file: bool) -> Any:
    """The parsed JSON value, or the Problem saying where it is malformed and what to do."""
    try:
        return json.loads(text)
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
    for item, article in article_values(value, fields):
        member = origin.member if item is None else _join(origin.member, f"item {item}")
        yield _document(article, raw, Origin(origin.location, member), fields, encoding)


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
