"""Byte streams: put sniffed bytes back, read with a cap, and gunzip with a bomb guard."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from storyline.errors import InputError

# Compressed bytes fed to zlib per step; with max_length on output this bounds memory
# to ~2 chunks whatever the compression ratio.
GZIP_CHUNK_BYTES = 64 * 1024


class DecompressedTooLarge(InputError):
    """A gzip member inflates past ``max_decompressed_bytes`` (a likely gzip bomb)."""


class TruncatedGzip(InputError):
    """A gzip stream ends in the middle of a member, or holds corrupt data."""


TRUNCATION_CODES = frozenset({"truncated-gzip", "truncated-warc"})


class Prefixed(io.RawIOBase):
    """``head`` followed by the rest of ``stream``: undoes reading bytes to sniff them."""

    def __init__(self, head: bytes, stream: BinaryIO | io.RawIOBase) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._stream.read(len(buffer)) or b""
        buffer[: len(data)] = data
        return len(data)


class Gunzip(io.RawIOBase):
    """Decompress a (multi-member) gzip stream lazily; each member is capped at ``limit``.

    A WARC.gz holds one member per record, so a per-member cap refuses a bomb without
    refusing a large archive.  Damaged data ends the stream early and is recorded in
    ``damage`` (raising would lose the bytes buffered readers hold), so readers yield the
    items before it and the caller reports it.
    """

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._member_output = 0
        self._pending = b""  # compressed bytes not yet given to zlib
        self._started = False  # any compressed byte of the current member seen
        self.damage: TruncatedGzip | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self.damage is None:
            try:
                data = self._inflate(len(buffer))
            except TruncatedGzip as error:
                self.damage = error
                return 0
            if data is None:
                return 0
            if data:
                buffer[: len(data)] = data
                return len(data)
        return 0

    def _inflate(self, size: int) -> bytes | None:
        """Up to ``size`` bytes, b"" when more input is needed, None at a clean end."""
        if not self._pending:
            self._pending = self._stream.read(GZIP_CHUNK_BYTES)
            if not self._pending:
                if self._started and not self._inflater.eof:
                    raise TruncatedGzip("the gzip data ends in the middle of a member")
                return None
        self._started = True
        try:
            data = self._inflater.decompress(self._pending, size)
        except zlib.error as error:
            raise TruncatedGzip(f"the gzip data is corrupt ({error})") from error
        self._pending = self._inflater.unconsumed_tail
        self._count(len(data))
        if self._inflater.eof:
            self._next_member(self._inflater.unused_data)
        return data

    def _count(self, produced: int) -> None:
        self._member_output += produced
        if self._member_output > self._limit:
            raise DecompressedTooLarge(
                f"a gzip member inflates past {self._limit:,} bytes (a likely gzip bomb)"
            )

    def _next_member(self, rest: bytes) -> None:
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._member_output = 0
        self._pending = rest.lstrip(b"\x00")  # some writers pad members with NULs
        self._started = bool(self._pending)


def read_head(stream: BinaryIO | io.RawIOBase, size: int) -> bytes:
    """Read up to ``size`` bytes, looping over short reads (pipes, gzip members)."""
    parts: list[bytes] = []
    total = 0
    while total < size:
        part = stream.read(size - total)
        if not part:
            break
        parts.append(part)
        total += len(part)
    return b"".join(parts)


def read_capped(stream: BinaryIO, limit: int) -> bytes | None:
    """All of ``stream``, or None as soon as it proves longer than ``limit`` bytes."""
    data = read_head(stream, limit + 1)
    return None if len(data) > limit else data


def buffered(raw: io.RawIOBase) -> io.BufferedReader:
    return io.BufferedReader(raw, buffer_size=GZIP_CHUNK_BYTES)
