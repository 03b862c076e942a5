"""The synthesise stage: per story, a cited extractive summary and what only one source reports.

::

    from storyline.synthesise import summarise_stories

    summaries = summarise_stories(stories, articles, analyses, duplicates, sentence_links)

Modules: ``candidates`` (a story's sentences, grouped when several articles state them, and
its independent sources), ``summary`` (scoring and selection), ``single_source``
(statements no other source confirms) and ``stories`` (both, over every story).
"""

from __future__ import annotations

from storyline.synthesise.single_source import single_source_statements
from storyline.synthesise.stories import summarise_stories
from storyline.synthesise.summary import ALGORITHM as SUMMARY_ALGORITHM
from storyline.synthesise.summary import SummaryOptions, summarise_candidates, summarise_story

__all__ = [
    "SUMMARY_ALGORITHM",
    "SummaryOptions",
    "single_source_statements",
    "summarise_candidates",
    "summarise_stories",
    "summarise_story",
]
