"""The codec round-trips every model losslessly, nested and fixed-shape tuples included."""

from __future__ import annotations

import datetime as dt

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
