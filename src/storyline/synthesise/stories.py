"""The synthesise stage over a whole organisation: one ``StorySummary`` per story.

Each summary holds the story's cited extractive summary (``summary.summarise_story``) and
the statements only one of its sources makes (``single_source.single_source_statements``).
Both read the same sentence links, so a sentence several outlets state cites them all in
the summary and is never listed as single-source; a single-source statement the summary
already shows is not listed again (its one citation says so).

A story told in several languages is summarised in its main one (the language most of its
articles are written in): sentences in other languages cannot be compared with it, and a
reader should not get a summary that changes language halfway.  Articles whose language
is unknown stay in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from storyline.models import (
    Article,
    ArticleAnalysis,
    DuplicateGroup,
    Story,
    StorySummary,
    SummarySentence,
)
from storyline.organise import SentenceLink
from storyline.organise.text import article_language
from storyline.synthesise.candidates import story_candidates
from storyline.synthesise.single_source import single_source_statements
from storyline.synthesise.summary import ALGORITHM as SUMMARY_ALGORITHM
from storyline.synthesise.summary import SummaryOptions, summarise_candidates


def summarise_stories(
    stories: Sequence[Story],
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis] | None,
    duplicates: Sequence[DuplicateGroup] = (),
    links: Sequence[SentenceLink] = (),
    options: SummaryOptions | None = None,
) -> tuple[StorySummary, ...]:
    """A summary of every story of ``stories``, in the same order."""
    options = options or SummaryOptions()
    analyses = analyses or {}
    by_id: dict[str, Article] = {}
    for article in articles:
        by_id.setdefault(article.id, article)
    links_of: dict[str | None, list[SentenceLink]] = {}
    for link in links:
        links_of.setdefault(link.story_id, []).append(link)
    summaries = []
    for story in stories:
        members = _in_main_language(
            [by_id[key] for key in story.article_ids if key in by_id], analyses
        )
        # A link made without a story id may belong to any story: membership sorts it out.
        story_links = links_of.get(story.id, []) + links_of.get(None, [])
        # Found once for both: the summary's sources (copies by shared sentences and by
        # duplicate group) are the ones the single-source statements count.
        found = story_candidates(members, analyses, story_links, duplicates)
        summary = summarise_candidates(found, options)
        single = single_source_statements(
            story, members, analyses, duplicates, story_links, found.source_of
        )
        summaries.append(
            StorySummary(story.id, summary, _not_in(single, summary), SUMMARY_ALGORITHM)
        )
    return tuple(summaries)


def _not_in(
    statements: Sequence[SummarySentence], summary: Sequence[SummarySentence]
) -> tuple[SummarySentence, ...]:
    """``statements`` the summary does not already show (its citations say whose they are)."""
    shown = {(c.article_id, c.start) for sentence in summary for c in sentence.citations}
    return tuple(
        statement
        for statement in statements
        if (statement.citations[0].article_id, statement.citations[0].start) not in shown
    )


def _in_main_language(
    members: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> list[Article]:
    """``members`` written in the story's main language, or in a language not known; ties
    between languages go to the one first in alphabetical order, so the choice is stable."""
    language_of = {a.id: article_language(a, analyses.get(a.id)) for a in members}
    counts = Counter(language for language in language_of.values() if language)
    if len(counts) < 2:
        return list(members)
    main = min(counts, key=lambda language: (-counts[language], language))
    return [a for a in members if language_of[a.id] in (main, None)]
