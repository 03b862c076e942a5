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

Modules: ``documents`` (provenance, ingest, clean), ``analysis`` (analyze) and
``organisation`` (organise, synthesise, deliver); every name is importable from here.
"""

from __future__ import annotations

from storyline.models.analysis import (
    ArticleAnalysis,
    DateMention,
    Entity,
    EntityKind,
    Figure,
    Granularity,
    Mention,
    Qualifier,
    Quote,
    RelativeDate,
    Sentence,
    SpeakerKind,
    TimeValue,
)
from storyline.models.documents import (
    Article,
    Block,
    BlockKind,
    DateSource,
    Draft,
    Origin,
    Problem,
    PublicationDate,
    RawDocument,
    Removal,
    Severity,
    SourceMetadata,
)
from storyline.models.organisation import (
    Briefing,
    Citation,
    DuplicateGroup,
    Story,
    StorySummary,
    SummarySentence,
    Thread,
    TimelineEvent,
)

__all__ = [
    "Article",
    "ArticleAnalysis",
    "Block",
    "BlockKind",
    "Briefing",
    "Citation",
    "DateMention",
    "DateSource",
    "Draft",
    "DuplicateGroup",
    "Entity",
    "EntityKind",
    "Figure",
    "Granularity",
    "Mention",
    "Origin",
    "Problem",
    "PublicationDate",
    "Qualifier",
    "Quote",
    "RawDocument",
    "RelativeDate",
    "Removal",
    "Sentence",
    "Severity",
    "SourceMetadata",
    "SpeakerKind",
    "Story",
    "StorySummary",
    "SummarySentence",
    "Thread",
    "TimeValue",
    "TimelineEvent",
]
