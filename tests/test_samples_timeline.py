"""The real samples, given their publication dates as a JSONL feed would, end to end.

The sample files carry no dates (and the 2016 one has no year anywhere in its text), so the
dates go in as metadata, the way a JSON export or an HTML page states them. The texts are read
from ../shared at run time, never copied here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.models import Briefing
from storyline.pipeline import brief
from storyline.store import open_store

PUBLISHED = {"000": "2013-07-01", "001": "2013-07-02", "004": "2016-03-24"}


@pytest.fixture(scope="module")
def dated_briefing(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Briefing:
    feed = tmp_path_factory.mktemp("dated") / "samples.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for path in sorted(samples_dir.glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            record = {"title": title, "text": body, "date": PUBLISHED[path.name[:3]]}
            out.write(json.dumps(record) + "\n")
    with open_store(None) as store:
        return brief(store, [str(feed)])


def test_two_stories_in_one_thread(dated_briefing: Briefing) -> None:
    shown = dated_briefing.stories
    assert len(shown) == 2
    assert sorted(len(s.article_ids) for s in shown) == [1, 2]
    assert len(dated_briefing.threads) == 1
    assert set(dated_briefing.threads[0].story_ids) == {s.id for s in shown}


def test_the_thread_timeline_holds_the_dated_events_of_both_years(
    dated_briefing: Briefing,
) -> None:
    ((_, events),) = dated_briefing.timelines
    by_label: dict[str, list[str]] = {}
    for event in events:
        if event.when is not None:
            by_label.setdefault(event.when.label(), []).append(event.description)
    assert any("Geneva conference" in d for d in by_label["2012-06"])  # June 2012 conference
    assert any("last month" in d for d in by_label["2013-06"])  # June 2013 decision to arm
    assert any("Brunei" in d for d in by_label["2013-07-01"] + by_label["2013-07-02"])
    assert any("attacks in Brussels" in d for d in by_label["2016-03-22"])  # "Tuesday's attacks"
    assert any("in Moscow on Thursday" in d for d in by_label["2016-03-24"])
    assert all(e.citations for e in events)


@pytest.fixture(scope="module")
def undated_briefing(samples_dir: Path) -> Briefing:
    with open_store(None) as store:
        return brief(store, [str(samples_dir)])


def test_undated_samples_get_dates_only_from_their_own_story(undated_briefing: Briefing) -> None:
    """The files carry no dates.  The CBS report's "On June 16" is placed in 2013 because the
    other report of its story is dated to 2013 by its text (and a day before June 16, 2013
    would put a past "June 16" more than half a year back); the 2016 report, alone in its
    story and with no year in its text, gets no date at all."""
    ((_, events),) = undated_briefing.timelines
    dated = {event.when.label(): event for event in events if event.when is not None}
    interview = dated["2013-06-16"]
    assert "June 16" in interview.description and "rebels" in interview.description
    assert all(event.when.earliest.year in (2012, 2013) for event in events if event.when)
    moscow = [event for event in events if "Moscow on Thursday" in event.description]
    assert moscow and all(event.when is None for event in moscow)
