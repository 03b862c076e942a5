"""Condensing a timeline to the dates that matter most: the dates most articles cite.

news-tls's date-selection baseline ranks dates by how many sources mention them; a long
thread's timeline shown as ``storyline timeline --top N`` keeps its N most cited dates, one
event each.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from storyline.models import Granularity, Qualifier, TimelineEvent, TimeValue

# Finer first: a day says more than the month around it.
GRANULARITY_ORDER = {granularity: rank for rank, granularity in enumerate(Granularity)}


def condense(events: Sequence[TimelineEvent], top: int) -> tuple[TimelineEvent, ...]:
    """The events of the ``top`` most salient dates of ``events``, one per date, in date order.

    A date (its days and granularity, whatever qualifier an event gives it: "before March 4"
    also cites March 4) has a salience: the number of distinct articles citing any event on it, as
    news-tls's date-selection baseline ranks dates by how many sources mention them.  Ties go
    to the finer granularity (a day says more than the month around it), then the earlier
    date, then the description, so the choice is deterministic.  Each kept date shows its
    most cited event, whose other sources on that date follow its own citations (they report
    that day in other sentences: "also reported by"); a sentence that two dates would show
    is shown for the more salient one only.  Undated events are dropped; ``top`` <= 0 keeps
    every dated event as it is.
    """
    dated = [(event.when, event) for event in events if event.when is not None]
    if top <= 0:
        return tuple(event for _, event in sorted(dated, key=_date_order))
    by_date: dict[tuple[int, int, Granularity], list[TimelineEvent]] = {}
    for when, event in dated:
        key = (when.earliest.toordinal(), when.latest.toordinal(), when.granularity)
        by_date.setdefault(key, []).append(event)
    merged = [_one_event(group) for group in by_date.values()]
    ranked = sorted(
        ((event.when, event) for event in merged if event.when is not None), key=_salience_order
    )
    kept: list[tuple[TimeValue, TimelineEvent]] = []
    shown: set[tuple[str, str]] = set()
    for when, event in ranked:
        told = (event.citations[0].article_id, event.description)
        if told in shown:
            continue  # one sentence dated twice ("... started on Tuesday", and its day) shows once
        shown.add(told)
        kept.append((when, event))
        if len(kept) == top:
            break
    return tuple(event for _, event in sorted(kept, key=_date_order))


def _one_event(group: Sequence[TimelineEvent]) -> TimelineEvent:
    """The most cited event of one date (on ties the one nearest the top of its article: leads
    carry the news), with every other article citing that date after its own citations."""
    lead = max(  # ties: a date told plainly ("on March 4", not "before"), then nearest a lead
        group,
        key=lambda e: (
            len({c.article_id for c in e.citations}),
            e.when is not None and e.when.qualifier is Qualifier.AT,
            -e.citations[0].start,
        ),
    )
    cited = {citation.article_id for citation in lead.citations}
    others = []
    for event in group:
        for citation in event.citations:
            if citation.article_id not in cited:
                cited.add(citation.article_id)
                others.append(citation)
    return dataclasses.replace(lead, citations=(*lead.citations, *others))


def _salience_order(pair: tuple[TimeValue, TimelineEvent]) -> tuple[int, int, int, str]:
    """Most cited articles first; then finer granularity, earlier date, description."""
    when, event = pair
    sources = len({citation.article_id for citation in event.citations})
    rank = GRANULARITY_ORDER[when.granularity]
    return (-sources, rank, when.earliest.toordinal(), event.description)


def _date_order(pair: tuple[TimeValue, TimelineEvent]) -> tuple[int, int, int, str]:
    """The order of ``build_timeline``'s dated events, the description breaking ties."""
    when, event = pair
    rank = GRANULARITY_ORDER[when.granularity]
    return (when.earliest.toordinal(), rank, (when.latest - when.earliest).days, event.description)
