"""Bytes to text without ever crashing: BOMs, UTF-8, declared charsets, then a guess."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# How far into an HTML document a <meta charset> is looked for (the spec says 1024 bytes;
# real pages put long comments first, so allow more).
META_SCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Bytes charset-normalizer reads to guess; measured: 64 KB guesses as well as whole
# files on the cp1252/latin-1 fixtures and keeps a 2 MB page under 20 ms.
GUESS_SAMPLE_BYTES = 64 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False  # True when the encoding came from charset-normalizer


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text leaves a NUL in every other byte."""
    sample = head[:512]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def normalise_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    # Pages labelled latin-1 are nearly always cp1252 (browsers decode them so too).
    return "cp1252" if codec.name in ("latin-1", "iso8859-1") else codec.name


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration states near the top."""
    head = data[:META_SCAN_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return normalise_charset(match.group(1).decode("ascii")) if match else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def guess_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes  # imported lazily: slow to import

    first_non_ascii = _NON_ASCII.search(data)
    start = max(0, first_non_ascii.start() - 1024) if first_non_ascii else 0
    matches = from_bytes(data[start : start + GUESS_SAMPLE_BYTES])
    best = matches.best()
    if best is None or best.encoding == "ascii":
        return "cp1252"
    # Short samples often tie between code pages; prefer the most common one, cp1252.
    tied = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    if any("cp1252" in match.could_be_from_charset for match in tied):
        return "cp1252"
    return normalise_charset(best.encoding) or "cp1252"


def decode(data: bytes, *, charset: str | None = None, markup: bool = False) -> Decoded:
    """Decode ``data``: BOM, a charset the transport stated, UTF-8, the markup's own
    declaration, then charset-normalizer's guess; errors become U+FFFD, never exceptions."""
    bom = bom_encoding(data)
    if bom is not None:
        return Decoded(data.decode(bom, errors="replace").lstrip("\ufeff"), bom)
    for candidate in (normalise_charset(charset), "utf-8"):
        if candidate and (text := _strict(data, candidate)) is not None:
            return Decoded(text, candidate)
    utf16 = bomless_utf16(data)
    if utf16 and (text := _strict(data, utf16)) is not None:
        return Decoded(text, utf16)
    declared = declared_charset(data) if markup else None
    if declared and declared != "utf-8" and (text := _strict(data, declared)) is not None:
        return Decoded(text, declared)
    guessed = guess_encoding(data)
    return Decoded(data.decode(guessed, errors="replace"), guessed, guessed=True)


def decode_with(data: bytes, encoding: str | None) -> str:
    """Decode with an encoding ingest already chose (fast path for extract)."""
    if encoding:
        try:
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
        except LookupError:
            pass
    return decode(data).text


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
