"""The plain, frozen data that flows between storyline's stages.

Data flows one way::

    ingest  -> RawDocument | Problem
    extract -> Draft                 (title, body paragraphs, metadata; still noisy)
    clean   -> Article               (clean text, blocks, removals, dateline place)
    analyze -> ArticleAnalysis       (sentences, mentions, quotes, dates, figures)
    organise -> DuplicateGroup, Story, Thread, TimelineEvent
    synthesise -> StorySummary       (cited extractive summaries, single-source statements)
    deliver -> reports, store, web

Every offset (``start``/``end``) is a character offset into ``Article.text`` unless a
field's comment says otherwise.  Dates are ``datetime.date``/``datetime`` values, never
strings.  Collections are tuples so that every value here is immutable and hashable where
its fields are.
"""

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


# --- analyze
@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Article.blocks


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"  # nationalities, religious and political groups (spaCy NORP)
    OTHER = "other"


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in one article."""

    start: int
    end: int
    text: str
    kind: EntityKind
    entity: str  # canonical entity key within the article ("person:john kerry")
    title: str | None = None  # role or title in front of the name ("Secretary of State")


@dataclass(frozen=True)
class Entity:
    """A canonical entity: one person, organisation or place across spellings and articles."""

    key: str  # stable key, e.g. "person:john kerry"
    name: str  # the fullest common spelling, e.g. "John Kerry"
    kind: EntityKind
    aliases: tuple[str, ...] = ()  # every spelling seen
    titles: tuple[str, ...] = ()  # roles seen with the name
    mention_count: int = 0
    article_ids: tuple[str, ...] = ()


class SpeakerKind(StrEnum):
    NAMED = "named"  # resolved to an entity
    UNNAMED = "unnamed"  # "a senior US official"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Quote:
    start: int  # span of the quoted words, marks excluded
    end: int
    text: str
    speaker_kind: SpeakerKind
    speaker: str | None  # entity key when NAMED
    speaker_text: str | None  # the words naming the speaker ("he", "a senior US official")
    verb: str | None  # reporting verb lemma ("say", "tell", "term")
    direct: bool = True
    partial: bool = False  # a fragment inside a sentence ("termed that decision 'a disaster'")
    cue_start: int | None = None  # span of the attribution ("Kerry said")
    cue_end: int | None = None


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    RANGE = "range"


class Qualifier(StrEnum):
    AT = "at"
    BEFORE = "before"
    AFTER = "after"
    SINCE = "since"
    UNTIL = "until"
    ABOUT = "about"


@dataclass(frozen=True)
class TimeValue:
    """A normalised time: the interval [earliest, latest] at a granularity."""

    earliest: dt.date
    latest: dt.date
    granularity: Granularity
    qualifier: Qualifier = Qualifier.AT

    def label(self) -> str:
        """A TIMEX-like value: 2013-07-02, 2013-W27, 2013-07, 2013-Q3, 2013, 2010s, or a range."""
        e = self.earliest
        iso_year, iso_week, _ = e.isocalendar()
        labels = {
            Granularity.DAY: e.isoformat(),
            Granularity.WEEK: f"{iso_year}-W{iso_week:02d}",
            Granularity.MONTH: f"{e.year}-{e.month:02d}",
            Granularity.QUARTER: f"{e.year}-Q{(e.month - 1) // 3 + 1}",
            Granularity.YEAR: str(e.year),
            Granularity.DECADE: f"{e.year // 10}0s",
        }
        return labels.get(self.granularity, f"{e.isoformat()}/{self.latest.isoformat()}")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: TimeValue | None  # None when the expression cannot be resolved (a duration, "soon")
    confidence: float  # 0..1
    anchor: str  # what it was resolved against: "publication", "mention:June 2012", "absolute"


@dataclass(frozen=True)
class Figure:
    """A quantity claimed in an article, kept for cross-source comparison."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None  # "dead", "injured", "people", "%", "USD", ...
    counts: str | None  # what is counted ("death toll", "fighters")
    approximation: str | None = None  # "more than", "about", "at least"
    date: TimeValue | None = None
    speaker: str | None = None  # entity key of whoever states it, when stated


@dataclass(frozen=True)
class ArticleAnalysis:
    article_id: str
    analyzer: str  # versioned name, e.g. "analyze.en.v1"
    language: str | None
    analysed: bool  # False for languages we have no model for
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    published: PublicationDate = field(default_factory=PublicationDate)
    note: str | None = None  # e.g. "not analysed: language 'fr' has no model yet"


# --- organise
@dataclass(frozen=True)
class Citation:
    article_id: str
    start: int
    end: int
    outlet: str | None = None


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles that are the same copy (syndicated, lightly edited); counted once."""

    id: str
    representative: str  # article id shown for the group
    members: tuple[str, ...]  # every article id, representative included
    similarity: float  # lowest estimated Jaccard between the representative and a member
    algorithm: str


@dataclass(frozen=True)
class Story:
    """Articles about one event."""

    id: str
    label: str
    article_ids: tuple[str, ...]
    earliest: dt.date | None
    latest: dt.date | None
    key_entities: tuple[str, ...]  # entity keys, most central first
    place: str | None
    algorithm: str


@dataclass(frozen=True)
class Thread:
    """Stories linked over time: same actors and topic, different events."""

    id: str
    label: str
    story_ids: tuple[str, ...]  # in date order
    algorithm: str


@dataclass(frozen=True)
class TimelineEvent:
    when: TimeValue | None  # None only for undated events, which are listed apart
    description: str  # a source sentence, verbatim
    citations: tuple[Citation, ...]
    story_id: str | None = None
    # Offsets [start, end) of the date expression within ``description`` that gave ``when``,
    # so a reader sees why the event is listed (None for an event dated by a story's first
    # day, or undated).
    date_span: tuple[int, int] | None = None


# --- synthesise
@dataclass(frozen=True)
class SummarySentence:
    """A source sentence, verbatim, with every article that states it."""

    text: str  # the first citation's sentence
    citations: tuple[Citation, ...]  # the sentence shown first, then the others stating it


@dataclass(frozen=True)
class StorySummary:
    """An extractive summary of one story: nothing in it is not a source sentence."""

    story_id: str
    sentences: tuple[SummarySentence, ...]  # in reading order
    single_source: tuple[SummarySentence, ...] = ()  # salient statements only one outlet makes
    algorithm: str = ""  # versioned name, e.g. "synthesise.summary.v1"


# --- deliver
@dataclass(frozen=True)
class Briefing:
    """Everything a report shows, gathered by ``pipeline.brief``."""

    articles: tuple[Article, ...]
    analyses: tuple[ArticleAnalysis, ...] = ()
    entities: tuple[Entity, ...] = ()
    duplicates: tuple[DuplicateGroup, ...] = ()
    stories: tuple[Story, ...] = ()
    threads: tuple[Thread, ...] = ()
    timelines: tuple[tuple[str, tuple[TimelineEvent, ...]], ...] = ()  # (thread id, events)
    problems: tuple[Problem, ...] = ()
    generated: dt.datetime | None = None
    summaries: tuple[StorySummary, ...] = ()
