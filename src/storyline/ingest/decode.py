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
# Text that is UTF-8 but for a few stray single-byte characters (a cp1252 quote pasted into
# a UTF-8 file) is decoded as UTF-8 with the strays read as cp1252, when at least this share
# of its non-ASCII bytes form valid UTF-8 sequences.  cp1252, latin-1, KOI8-R and Shift_JIS
# test texts in /tmp conformance runs scored 0.0-0.3; mixed texts 0.9+.
MIXED_UTF8_MIN_SHARE = 0.8
_UTF8_OR_STRAY = re.compile(
    rb"([\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})|[\x80-\xff]"
)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# BOM-less UTF-16 outside ASCII is recognised when its first 256 units hold a few ASCII units
# (line breaks, spaces), no NUL unit, few units made of two ASCII bytes (ASCII misread as
# UTF-16), and printable characters throughout.  Measured: Japanese, Chinese, Russian,
# Korean, Greek, Hebrew, German and French UTF-16 samples all recognised in the right byte
# order; 5 of 7,900 4 KB slices of binaries, .so, .pyc, .png, .gz and .mo files (none of
# their heads) and none of 300 random buffers taken as text.
UTF16_MIN_PRINTABLE_SHARE = 0.97
UTF16_MIN_ASCII_UNITS = 2
UTF16_MAX_PAIRED_ASCII_SHARE = 0.6


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
    """UTF-16 without a BOM: ASCII text leaves a NUL in every other byte; text in other
    scripts (CJK) must decode cleanly into printable characters in one byte order only."""
    sample = head[:512]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    for order in ("utf-16-le", "utf-16-be"):
        if _wide_text(sample, order):
            return order
    return None


def _wide_text(sample: bytes, encoding: str) -> bool:
    """UTF-16 text in a non-Latin script: some ASCII units (line breaks, spaces, digits),
    no NUL units, and printable characters throughout."""
    text = sample[: len(sample) - len(sample) % 2].decode(encoding, errors="replace")
    ascii_units = sum("\t" <= char <= "~" for char in text)
    if ascii_units < UTF16_MIN_ASCII_UNITS or "\x00" in text:
        return False
    # ASCII read as UTF-16 pairs two ASCII bytes in every unit; real text does so less often
    # (kana, U+30xx, which Japanese is mostly made of, are never counted).
    wide = [ord(char) for char in text if char > "~"]
    paired_ascii = sum(
        0x20 <= code >> 8 <= 0x7E and code >> 8 != 0x30 and 0x20 <= code & 0xFF <= 0x7E
        for code in wide
    )
    if paired_ascii > UTF16_MAX_PAIRED_ASCII_SHARE * len(wide):
        return False
    return _printable_share(text) >= UTF16_MIN_PRINTABLE_SHARE


def _printable_share(text: str) -> float:
    """Share of printable characters (or line breaks and tabs) in ``text``; 0 when it holds
    more than one undecodable unit (a pair cut at the end is allowed): random binary data
    has a lone surrogate every ~30 units."""
    if text.count("\ufffd") > 1:
        return 0.0
    good = sum(char.isprintable() or char in "\n\r\t" for char in text)
    return good / len(text)


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
    matches = list(from_bytes(data[start : start + GUESS_SAMPLE_BYTES]))
    if not matches or matches[0].encoding == "ascii":
        return "cp1252"
    # The least chaotic decodings, then the most coherent one (charset-normalizer's own
    # first pick can be a rare code page: iso8859_14 for Polish iso8859_2 text).
    calm = min(match.chaos for match in matches)
    candidates = [match for match in matches if match.chaos <= calm]
    best = max(candidates, key=lambda match: match.coherence)
    # Short samples often tie between code pages; prefer the most common one, cp1252.
    tied = [m for m in candidates if m.coherence >= best.coherence]
    if any("cp1252" in match.could_be_from_charset for match in tied):
        return "cp1252"
    return normalise_charset(best.encoding) or "cp1252"


def scrub(text: str) -> str:
    """``text`` without lone surrogates (JSON "\\ud800", bad character references), which
    no encoder accepts: each becomes U+FFFD so storing or printing the text cannot fail."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with stray non-UTF-8 bytes read as cp1252, when it is mostly UTF-8."""
    valid = stray = 0
    for match in _UTF8_OR_STRAY.finditer(data):
        if match.group(1):
            valid += len(match.group(1))
        else:
            stray += 1
    if not valid or valid < MIXED_UTF8_MIN_SHARE * (valid + stray):
        return None
    return _UTF8_OR_STRAY.sub(_redecoded, data).decode("utf-8")


def _redecoded(match: re.Match[bytes]) -> bytes:
    if match.group(1):
        return match.group(1)
    return match.group(0).decode("cp1252", errors="replace").encode("utf-8")


def decode(data: bytes, *, charset: str | None = None, markup: bool = False) -> Decoded:
    """Decode ``data``: BOM, BOM-less UTF-16, UTF-8, a charset the transport stated, UTF-8
    with a few stray cp1252 bytes, the markup's own declaration, then charset-normalizer's
    guess; errors become U+FFFD, never exceptions."""
    bom = bom_encoding(data)
    if bom is not None:
        return Decoded(data.decode(bom, errors="replace").lstrip("\ufeff"), bom)
    # UTF-16 holding ASCII is valid UTF-8 (with a NUL every other byte), so test it first.
    # Valid UTF-8 beats the transport's charset: servers often label UTF-8 pages latin-1
    # (an old default), and non-ASCII text in a single-byte code page is almost never
    # valid UTF-8 by chance.
    for candidate in (bomless_utf16(data), "utf-8", normalise_charset(charset)):
        if candidate and (text := _strict(data, candidate)) is not None:
            return Decoded(text, candidate)
    if (text := mostly_utf8(data)) is not None:
        return Decoded(text, "utf-8")
    declared = declared_charset(data) if markup else None
    if declared and declared != "utf-8" and (text := _strict(data, declared)) is not None:
        return Decoded(text, declared)
    guessed = guess_encoding(data)
    return Decoded(data.decode(guessed, errors="replace"), guessed, guessed=True)


def decode_with(data: bytes, encoding: str | None) -> str:
    """Decode with an encoding ingest already chose (fast path for extract); UTF-8 with
    stray cp1252 bytes is decoded as ``decode`` did, the strays read as cp1252."""
    if encoding:
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            return decode(data).text
        if encoding == "utf-8" and "\ufffd" in text:
            text = mostly_utf8(data) or text
        return text.lstrip("\ufeff")
    return decode(data).text


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    for parameter in (content_type or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None
