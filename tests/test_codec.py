"""The codec round-trips every model losslessly, nested and fixed-shape tuples included."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from builders import build_article
from storyline import codec
from storyline.models import (
    Briefing,
    Citation,
    Granularity,
    Qualifier,
    TimelineEvent,
    TimeValue,
)


def test_a_briefing_with_timelines_round_trips() -> None:
    event = TimelineEvent(
        when=TimeValue(
            dt.date(2012, 6, 1), dt.date(2012, 6, 30), Granularity.MONTH, Qualifier.AFTER
        ),
        description="The conference met in June 2012.",
        citations=(Citation("a1", 0, 31, "Example Wire"),),
        story_id="s1",
        date_span=(21, 30),
    )
    briefing = Briefing(
        articles=(build_article("Talks began.", published=dt.date(2013, 7, 2)),),
        timelines=(("t1", (event,)),),
        generated=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
    )
    assert codec.loads(Briefing, codec.dumps(briefing)) == briefing


def test_enums_and_dates_become_plain_json_values() -> None:
    value = TimeValue(dt.date(2013, 7, 1), dt.date(2013, 7, 7), Granularity.WEEK)
    assert codec.to_jsonable(value) == {
        "earliest": "2013-07-01",
        "latest": "2013-07-07",
        "granularity": "week",
        "qualifier": "at",
    }


def test_a_timeline_event_stored_before_date_spans_loads_without_one() -> None:
    event = TimelineEvent(None, "Talks began.", (Citation("a1", 0, 12),), "s1", (0, 5))
    stored = codec.to_jsonable(event)
    assert stored["date_span"] == [0, 5]
    del stored["date_span"]  # what organise.timeline.v2 wrote
    assert codec.from_jsonable(TimelineEvent, stored) == dataclasses.replace(event, date_span=None)


@given(st.none() | st.tuples(st.integers(0, 500), st.integers(0, 500)))
def test_a_timeline_events_date_span_round_trips(date_span: tuple[int, int] | None) -> None:
    event = TimelineEvent(None, "Talks began.", (Citation("a1", 0, 12),), None, date_span)
    assert codec.loads(tuple[TimelineEvent, ...], codec.dumps((event,))) == (event,)
