"""Publication windows from a story's other reports, and the relative dates they place.

An article with no publication day of its own may still say "on June 16" or "on Thursday":
the analyser keeps such a mention unresolved, with its parse (``RelativeDate``).  The other
reports of its story appeared at about the same time, so their dates, widened by
``STORY_WINDOW_SLACK_DAYS`` either side, bound when it appeared too; its own inferred bounds
narrow that further.  A long-running story, whose other reports appeared more than
``MAX_STORY_SPAN_DAYS`` apart, bounds nothing: its undated report may come from any part of
it.  A mention is then placed only if every day of the window gives it the same value
(``storyline.analyze.placing.place``): "on June 16", told in the past tense in a story of
2013 reports, is 2013-06-16, while "last month" over a two-month window stays unplaced.
Nothing is picked from a range, and a window the article's own dates contradict places
nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.analyze.placing import place
from storyline.models import Article, ArticleAnalysis, DateMention
from storyline.organise.evidence import article_span

# How far before or after its story's other reports an undated report may have appeared.
# Set with MAX_STORY_SPAN_DAYS by bench/windows.py (each dated report's day hidden, its gold
# story as the story), analyzer v7: ±14 days within 31 agrees with the true day's reading
# on 95.7% of 346 placed news_cluster mentions and 98.6% of 288 DUC 2003 ones; ±3 gives
# 93.9 / 98.7%, ±31 95.4 / 96.5%, and no spread limit 93.6 / 97.3% with 4 wrong of 4 on
# DUC 2006's years-long topics.
STORY_WINDOW_SLACK_DAYS = 14
# A report's inferred range wider than this bounds its story's window too loosely to use.
MAX_REPORT_RANGE_DAYS = 366
# Other reports that appeared more than this many days apart do not tell when one more did:
# the story is a long-running one, and its undated report may be from any part of it.
MAX_STORY_SPAN_DAYS = 31
# A date placed from the story's window is less sure than one from the article's own day:
# the report may have appeared outside the window.
PLACED_CONFIDENCE_FACTOR = 0.8


@dataclass(frozen=True)
class Window:
    """The days an article may have appeared on, and the reports that bound them."""

    earliest: dt.date
    latest: dt.date
    bounded_by: tuple[str, ...]  # ids of the other reports that set its first and last day

    def note(self) -> str:
        return f"story-window:{self.earliest.isoformat()}/{self.latest.isoformat()}"


def publication_windows(
    members: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    slack_days: int = STORY_WINDOW_SLACK_DAYS,
    max_span_days: int = MAX_STORY_SPAN_DAYS,
) -> dict[str, Window]:
    """For each member without a publication day: the window its story's other reports set,
    within its own inferred bounds.  Members with a day, or with no usable window, are left
    out.  The cost is one sort of the story's dated reports, so a big story stays cheap."""
    spans = {a.id: article_span(a, analyses.get(a.id)) for a in members}
    bounded = [
        _Bounds(key, span.earliest, span.latest)
        for key, span in spans.items()
        if span is not None
        and span.earliest is not None
        and span.latest is not None
        and (span.latest - span.earliest).days <= MAX_REPORT_RANGE_DAYS
    ]
    by_low = sorted(bounded, key=lambda b: (b.low, b.key))
    by_high = sorted(bounded, key=lambda b: (b.high, b.key))
    windows: dict[str, Window] = {}
    for article in members:
        own = spans[article.id]
        if own is not None and own.exact:
            continue
        first, last_low = _ends(by_low, article.id)
        first_high, last = _ends(by_high, article.id)
        if first is None or last is None or last_low is None or first_high is None:
            continue  # no other report bounds it
        # How far apart the other reports must have appeared, at least: their days' span,
        # less what their ranges leave open (one report known only to a range spreads not).
        if (last_low.low - first_high.high).days > max_span_days:
            continue
        slack = dt.timedelta(days=slack_days)
        earliest, latest = first.low - slack, last.high + slack
        if own is not None:
            earliest = max(earliest, own.earliest or earliest)
            latest = min(latest, own.latest or latest)
        if earliest <= latest:
            windows[article.id] = Window(earliest, latest, tuple(sorted({first.key, last.key})))
    return windows


@dataclass(frozen=True)
class _Bounds:
    key: str
    low: dt.date
    high: dt.date


def _ends(ordered: Sequence[_Bounds], left_out: str) -> tuple[_Bounds | None, _Bounds | None]:
    """The first and the last of ``ordered`` that is not ``left_out``."""
    first = next((b for b in ordered[:2] if b.key != left_out), None)
    last = next((b for b in reversed(ordered[-2:]) if b.key != left_out), None)
    return first, last


def placed(mention: DateMention, window: Window | None) -> DateMention:
    """``mention`` with the value its relative date has over ``window``, when it has one;
    else ``mention`` unchanged."""
    if mention.value is not None or mention.relative is None or window is None:
        return mention
    value = place(mention.relative, window.earliest, window.latest)
    if value is None:
        return mention
    confidence = round(mention.relative.confidence * PLACED_CONFIDENCE_FACTOR, 3)
    return replace(mention, value=value, confidence=confidence, anchor=window.note())
