"""Documents as they pass through ingest, extract and clean: where each came from, what went
wrong, and the clean article with every removal recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


# --- provenance
@dataclass(frozen=True)
class Origin:
    """Where a document came from: a path or URL, and the item inside it."""

    location: str  # file path, URL, or "<stdin>"
    member: str | None = None  # "line 12", "item 3", "record 5", None for a whole file

    def describe(self) -> str:
        return f"{self.location} ({self.member})" if self.member else self.location


class Severity(StrEnum):
    ERROR = "error"  # the item was skipped
    WARNING = "warning"  # the item was kept, with a caveat


@dataclass(frozen=True)
class Problem:
    """One bad input item, reported instead of crashing the batch."""

    origin: Origin
    code: str  # stable, kebab-case: "empty-file", "invalid-json", "truncated-warc", ...
    message: str  # what is wrong, in a sentence
    hint: str  # what the user can do about it
    stage: str = "ingest"
    severity: Severity = Severity.ERROR

    def describe(self) -> str:
        return f"{self.origin.describe()}: {self.message} ({self.hint})"


# --- ingest
@dataclass(frozen=True)
class SourceMetadata:
    """Metadata a container or page states about an article (all optional)."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    published_source: str | None = None  # "html-meta", "json:date", "warc-date", "feed", ...
    language: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class RawDocument:
    """The bytes of one input item, kept byte for byte, plus what the container said.

    ``raw`` is the smallest byte-exact unit holding the article: a whole file, one JSONL
    line, one WARC record's HTTP payload, or a whole feed (shared by its items).
    ``body`` is set when a container already separated the article body (a JSON field, a
    feed entry's content); ``body_type`` says whether that body is markup or text.
    """

    raw: bytes
    media_type: str  # media type of ``raw``: "text/plain", "text/html", "application/json", ...
    origin: Origin
    metadata: SourceMetadata = field(default_factory=SourceMetadata)
    body: str | None = None
    body_type: str = "text/plain"  # "text/plain" | "text/html"
    encoding: str | None = None  # the encoding ``raw`` was decoded with, when text
    partial: bool = False  # True when only a summary/teaser was available (feeds)


@dataclass(frozen=True)
class Draft:
    """An extracted but not yet cleaned article: title, paragraphs and metadata."""

    title: str
    paragraphs: tuple[str, ...]
    metadata: SourceMetadata
    origin: Origin
    raw_id: str  # sha256 of RawDocument.raw
    partial: bool = False
    heading_indices: tuple[int, ...] = ()  # paragraphs the markup marked as headings


# --- clean
class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


@dataclass(frozen=True)
class Block:
    """A paragraph or heading of the clean text; sentences never cross a block."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Removal:
    """Text that cleaning took out, with the rule that did it and why."""

    rule: str  # "promo-line", "media-item", "related-headline", "outlet-boilerplate", ...
    text: str
    paragraph: int  # index into Draft.paragraphs the text came from; -1 for the title
    reason: str


class DateSource(StrEnum):
    METADATA = "metadata"  # stated by the page, feed, JSON record or WARC header
    INFERRED = "inferred"  # bounded by evidence in the text
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PublicationDate:
    """When an article was published: exact from metadata, a range from evidence, or unknown."""

    source: DateSource = DateSource.UNKNOWN
    value: dt.datetime | None = None  # exact timestamp, metadata only
    earliest: dt.date | None = None
    latest: dt.date | None = None
    origin: str | None = None  # "html-meta", "json:published", "warc-date", "text", ...
    evidence: tuple[str, ...] = ()  # sentences or notes that bound an inferred range

    @property
    def known(self) -> bool:
        return self.source is not DateSource.UNKNOWN

    @property
    def day(self) -> dt.date | None:
        """The publication day, when known to the day."""
        if self.value is not None:
            return self.value.date()
        if self.earliest is not None and self.earliest == self.latest:
            return self.earliest
        return None


@dataclass(frozen=True)
class Article:
    """A clean article: the unit every later stage works on."""

    id: str  # content hash of title + extracted body; stable across re-ingests
    title: str
    text: str  # clean text; blocks separated by a blank line
    blocks: tuple[Block, ...]
    origin: Origin
    raw_id: str
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    place: str | None = None  # from a dateline ("MOSCOW:")
    published: PublicationDate = field(default_factory=PublicationDate)
    removals: tuple[Removal, ...] = ()
    partial: bool = False

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]
