"""The one options object of the clean stage, with its tuned defaults.

Every default below was set by reading every removal ``clean`` made on the real samples
(``../shared/samples``) and on the 690 noisy web articles of
``../shared/eval/mds/multinews_val_sample.jsonl.gz`` (which lines went, which stayed), then
checked against the invented outlet fixtures in ``tests/fixtures/clean``.  They lean towards
keeping text: a missed promo line costs little downstream, a lost sentence costs a citation.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import ConfigError

# A line with sentence punctuation and at least this many words "reads as prose": no line rule
# (promo, media item, related headline) removes it.  Only repeats, learned outlet boilerplate,
# an imperative call to action naming a product ("Subscribe to get this newsletter in your
# inbox every Friday."), the trailing-tagline rule (a promo word foreign to the whole body)
# and the explicit furniture forms of ``furniture`` (copyright footers, support appeals,
# photo captions ending in a credit) may.
PROSE_MIN_WORDS = 8
# Promo/call-to-action lines are short: "Watch CBSN Live", "Sign up for our newsletter".
PROMO_MAX_WORDS = 12
# Share of a line's words that must come from the promo lexicon for it to be "dominated" by it.
PROMO_MIN_SHARE = 0.5
# Lines in a leading/trailing run of UI-like lines ("Chrome Safari Continue") are this short.
EDGE_RUN_MAX_WORDS = 6
# A trailing tagline ("Before it's here, it's on the ... Terminal.") has at most this many words.
TAGLINE_MAX_WORDS = 10
# Inline related headlines: "Putin orders troops out of Syria" (6) ... 16 words.
RELATED_MIN_WORDS = 5
RELATED_MAX_WORDS = 16
# Section headings: any short line (<= HEADING_SHORT_WORDS) before prose, or a quoted, Title
# Case or ALL CAPS line up to HEADING_MAX_WORDS.
HEADING_SHORT_WORDS = 4
HEADING_MAX_WORDS = 10
# A single repeated paragraph is dropped when it is at least this long; shorter repeats are
# dropped only inside a run of REPEAT_MIN_RUN consecutive repeated paragraphs.
REPEAT_MIN_WORDS = 12
REPEAT_MIN_RUN = 2
# Datelines are searched in the first lines of the body only.
DATELINE_SEARCH_LINES = 4
# Footers, appeals and captions (``furniture``) may remove prose-like lines, so each form has
# its own length cap, set from the longest such line in the Multi-News read-through:
# "Copyright (c) 2017 NPR. All rights reserved. Visit our website terms ..." (24 words), a
# newsletter pitch with its fine print (27), a two-sentence AP caption with its credit (48).
FOOTER_MAX_WORDS = 40
APPEAL_MAX_WORDS = 30
CAPTION_MAX_WORDS = 50
# Learned outlet boilerplate: a normalised line seen in >= this many distinct articles of one
# outlet, and in >= this share of that outlet's articles.
BOILERPLATE_MIN_ARTICLES = 3
BOILERPLATE_MIN_SHARE = 0.3
# Lines longer than this are never learned as boilerplate (long text is content, even when an
# outlet republishes it).
BOILERPLATE_MAX_WORDS = 40


@dataclass(frozen=True)
class CleanOptions:
    """Thresholds of the clean stage (see the module constants for what each one means).

    Copy with ``dataclasses.replace``; values are checked once, on construction.
    """

    prose_min_words: int = PROSE_MIN_WORDS
    promo_max_words: int = PROMO_MAX_WORDS
    promo_min_share: float = PROMO_MIN_SHARE
    edge_run_max_words: int = EDGE_RUN_MAX_WORDS
    tagline_max_words: int = TAGLINE_MAX_WORDS
    related_min_words: int = RELATED_MIN_WORDS
    related_max_words: int = RELATED_MAX_WORDS
    heading_short_words: int = HEADING_SHORT_WORDS
    heading_max_words: int = HEADING_MAX_WORDS
    repeat_min_words: int = REPEAT_MIN_WORDS
    repeat_min_run: int = REPEAT_MIN_RUN
    dateline_search_lines: int = DATELINE_SEARCH_LINES
    footer_max_words: int = FOOTER_MAX_WORDS
    appeal_max_words: int = APPEAL_MAX_WORDS
    caption_max_words: int = CAPTION_MAX_WORDS
    boilerplate_min_articles: int = BOILERPLATE_MIN_ARTICLES
    boilerplate_min_share: float = BOILERPLATE_MIN_SHARE
    boilerplate_max_words: int = BOILERPLATE_MAX_WORDS
    remove_related_headlines: bool = True  # False keeps them as plain paragraphs
    # False keeps promo lines, footers, appeals, captions, media items and edge runs
    remove_promo: bool = True

    def __post_init__(self) -> None:
        for name in ("promo_min_share", "boilerplate_min_share"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ConfigError(f"CleanOptions.{name} must be in (0, 1]")
        if self.related_min_words > self.related_max_words:
            raise ConfigError("CleanOptions.related_min_words exceeds related_max_words")
        if min(self.prose_min_words, self.repeat_min_run, self.boilerplate_min_articles) < 1:
            raise ConfigError("CleanOptions word and article counts must be at least 1")
