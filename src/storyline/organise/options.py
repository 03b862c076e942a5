"""The one options object of the organise stage, validated once.

Every default comes from the constant at the top of the module that uses it, where a comment
names the benchmark that set it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from storyline.errors import ConfigError
from storyline.organise.duplicates import (
    DUPLICATE_JACCARD_THRESHOLD,
    MINHASH_PERMUTATIONS,
    SHINGLE_WORDS,
)
from storyline.organise.sentences import SENTENCE_LINK_SIMILARITY
from storyline.organise.stories import (
    MIN_STORY_ARTICLES,
    STORY_MERGE_THRESHOLD,
    STORY_SIMILARITY_THRESHOLD,
    STORY_WINDOW_DAYS,
)
from storyline.organise.threads import THREAD_ENTITY_OVERLAP, THREAD_TOPIC_SIMILARITY
from storyline.organise.timeline import TIMELINE_MERGE_SIMILARITY

_FRACTIONS = (
    "duplicate_threshold",
    "story_threshold",
    "story_merge_threshold",
    "thread_entity_overlap",
    "thread_topic_similarity",
    "sentence_link_similarity",
    "timeline_merge_similarity",
)


@dataclass(frozen=True)
class OrganiseOptions:
    """Thresholds of the organise stage; copy with ``dataclasses.replace``."""

    duplicate_threshold: float = DUPLICATE_JACCARD_THRESHOLD  # estimated Jaccard of shingles
    shingle_words: int = SHINGLE_WORDS
    minhash_permutations: int = MINHASH_PERMUTATIONS
    story_threshold: float = STORY_SIMILARITY_THRESHOLD  # cosine to a story's centroid
    story_merge_threshold: float = STORY_MERGE_THRESHOLD  # centroid cosine, second pass
    story_window_days: int = STORY_WINDOW_DAYS  # farther from a story's dates: a new story
    min_story_articles: int = MIN_STORY_ARTICLES  # distinct non-duplicate articles to be shown
    story_split: bool = True  # split stories holding two dense groups (organise.split)
    thread_entity_overlap: float = THREAD_ENTITY_OVERLAP
    thread_topic_similarity: float = THREAD_TOPIC_SIMILARITY
    sentence_link_similarity: float = SENTENCE_LINK_SIMILARITY  # rapidfuzz ratio / 100
    timeline_merge_similarity: float = TIMELINE_MERGE_SIMILARITY
    seed: int = 1  # MinHash seed: fixed so that runs are reproducible

    def __post_init__(self) -> None:
        for name in _FRACTIONS:
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"OrganiseOptions.{name} is {value}; it must be in [0, 1]")
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name not in _FRACTIONS and (not isinstance(value, int) or value < 0):
                raise ConfigError(f"OrganiseOptions.{item.name} must be a non-negative integer")
        if self.shingle_words < 1 or self.minhash_permutations < 16:
            raise ConfigError(
                "OrganiseOptions needs shingle_words >= 1 and minhash_permutations >= 16"
            )
