"""Timelines: dated events of stories, each a verbatim source sentence with its citations.

Events come from two places: the day a story starts (the lead sentence of its earliest
dated article) and every resolved date mention inside its articles ("the June 2012 Geneva
conference" gives a 2012-06 event whose description is the sentence that says it).  A
mention that cannot be resolved ("soon", "on Thursday" with no known publication day) or
whose resolution the analyser doubts gives no event: a reader wants dated events.  A story
with no dated event at all is represented by its lead sentence as one undated event
(``when`` None), listed after the dated ones; no date is ever made up.

Events with the same date value are one event told by several sources when their sentences
are alike or share enough words besides the date itself; it cites every source.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from storyline.models import (
    Article,
    ArticleAnalysis,
    Citation,
    Granularity,
    Sentence,
    Story,
    TimelineEvent,
    TimeValue,
)
from storyline.organise.text import article_day, content_words, sentences, words

if TYPE_CHECKING:
    from storyline.organise.options import OrganiseOptions

ALGORITHM = "organise.timeline.v1"
# Chosen by hand, not yet benchmarked: the invented two-outlet fixture (same event,
# reworded) must merge and a different event in the same month must not (tests/test_timeline.py).
TIMELINE_MERGE_SIMILARITY = 0.7
MIN_DATE_CONFIDENCE = 0.5  # the analyser's own confidence below which a date is not used
# Two sentences giving one date value tell one event when they share this many content
# words besides the date ("the June 2012 Geneva conference ... transition process" and "a
# document drafted in June 2012 ... transition process"); chosen by hand on the sample and
# the invented fixtures (a different event in the same month shares none).
SHARED_EVENT_WORDS = 2
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'")
_GRANULARITY_ORDER = {granularity: rank for rank, granularity in enumerate(Granularity)}


@dataclass
class _Event:
    """An event being merged: its first description and every citation found so far."""

    when: TimeValue | None
    description: str
    story_id: str
    citations: list[Citation] = field(default_factory=list)
    topic: set[str] = field(default_factory=set)  # content words besides the date's own


def build_timeline(
    stories: Sequence[Story],
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis] | None,
    options: OrganiseOptions,
) -> tuple[TimelineEvent, ...]:
    """Dated events of ``stories`` in time order, then the undated ones."""
    by_id = {article.id: article for article in articles}
    analyses = analyses or {}
    merged: dict[str | None, list[_Event]] = {}
    for story in stories:
        members = [by_id[key] for key in story.article_ids if key in by_id]
        for event in _story_events(story.id, members, analyses):
            _merge(event, merged, options)
    events = [event for group in merged.values() for event in group]
    events.sort(key=_event_order)
    return tuple(
        TimelineEvent(event.when, event.description, tuple(event.citations), event.story_id)
        for event in events
    )


def _story_events(
    story_id: str, members: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> Iterator[_Event]:
    start = _start_event(story_id, members, analyses)
    if start is not None:
        yield start
    dated = start is not None
    for article in members:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        spans = sentences(article, analysis)
        for mention in analysis.dates:
            if mention.value is None or mention.confidence < MIN_DATE_CONFIDENCE:
                continue
            sentence = _containing(spans, mention.start)
            if sentence is not None:
                dated = True
                yield _event(mention.value, article, sentence, story_id, mention.text)
    if not dated and members:
        lead = _lead(members[0], analyses)
        if lead is not None:
            yield _event(None, members[0], lead, story_id)


def _lead(article: Article, analyses: Mapping[str, ArticleAnalysis]) -> Sentence | None:
    """The first full sentence: a standfirst or kicker without an end mark is skipped."""
    found = sentences(article, analyses.get(article.id))
    for sentence in found:
        if article.text[sentence.start : sentence.end].rstrip().endswith(_SENTENCE_ENDS):
            return sentence
    return found[0] if found else None


def _start_event(
    story_id: str, members: Sequence[Article], analyses: Mapping[str, ArticleAnalysis]
) -> _Event | None:
    dated = [(day, a) for a in members if (day := article_day(a, analyses.get(a.id))) is not None]
    if not dated:
        return None
    day, article = min(dated, key=lambda pair: (pair[0], pair[1].id))
    lead = _lead(article, analyses)
    if lead is None:
        return None
    return _event(TimeValue(day, day, Granularity.DAY), article, lead, story_id)


def _event(
    when: TimeValue | None,
    article: Article,
    sentence: Sentence,
    story_id: str,
    date_text: str = "",
) -> _Event:
    text = article.text[sentence.start : sentence.end]
    start = sentence.start + len(text) - len(text.lstrip())
    end = sentence.end - (len(text) - len(text.rstrip()))
    citation = Citation(article.id, start, end, article.outlet)
    description = article.text[start:end]
    topic = set(content_words(description)) - set(words(date_text))
    return _Event(when, description, story_id, [citation], topic)


def _containing(spans: Sequence[Sentence], offset: int) -> Sentence | None:
    return next((s for s in spans if s.start <= offset < s.end), None)


def _merge(
    event: _Event,
    merged: dict[str | None, list[_Event]],
    options: OrganiseOptions,
) -> None:
    group = merged.setdefault(None if event.when is None else event.when.label(), [])
    for known in group:
        score = fuzz.token_set_ratio(known.description, event.description) / 100.0
        # The same sentence may be read "at" a date by one outlet and "by" it by another;
        # merely related sentences must also agree on the qualifier.
        related = len(known.topic & event.topic) >= SHARED_EVENT_WORDS and _same_qualifier(
            known, event
        )
        if score >= options.timeline_merge_similarity or related:
            cited = {citation.article_id for citation in known.citations}
            # One citation per article: a body pasted twice is still one source.
            known.citations.extend(c for c in event.citations if c.article_id not in cited)
            return
    group.append(event)


def _same_qualifier(one: _Event, other: _Event) -> bool:
    return one.when is None or other.when is None or one.when.qualifier is other.when.qualifier


def _event_order(event: _Event) -> tuple[bool, int, int, int, str, int]:
    first = event.citations[0]
    if event.when is None:
        return (True, 0, 0, 0, first.article_id, first.start)
    when = event.when
    span = (when.latest - when.earliest).days
    rank = _GRANULARITY_ORDER[when.granularity]
    return (False, when.earliest.toordinal(), rank, span, first.article_id, first.start)
