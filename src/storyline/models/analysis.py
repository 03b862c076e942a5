"""What the analyze stage finds in one article: sentences, entity mentions and canonical
entities, quotes with speakers, resolved dates and figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from storyline.models.documents import PublicationDate


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
class RelativeDate:
    """A date placed from the publication day ("on June 24", "on Thursday", "last month"),
    kept as parsed when that day is not known: a later stage that learns roughly when the
    article appeared (from the other reports of its story) can still place it.

    The fields are the analyser's parse (``storyline.analyze.temporal_rules.Parsed``) of the
    expression; ``storyline.analyze.placing.place`` turns them into a value.
    """

    kind: str  # "yearless", "weekday", "shift" or "recent"
    tense: str  # of the verb it dates: "past", "present", "future" or "none"
    qualifier: Qualifier = Qualifier.AT
    confidence: float = 0.0  # of a placement, once a publication window allows one
    month: int | None = None
    day: int | None = None
    day_end: int | None = None
    month_end: int | None = None
    unit: str | None = None
    amount: int = 0
    index: int | None = None
    part: str | None = None
    year_shift: int | None = None  # "June 12 last year": -1; "in May this year": 0


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: TimeValue | None  # None when the expression cannot be resolved (a duration, "soon")
    confidence: float  # 0..1
    anchor: str  # what it was resolved against: "publication", "mention:June 2012", "absolute"
    # Set when ``value`` is None only because the publication day is not known.
    relative: RelativeDate | None = None


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
