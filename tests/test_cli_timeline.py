"""`storyline timeline`: the words that dated each event, in JSON, pipes and terminals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.models import Citation, Granularity, TimelineEvent, TimeValue
from storyline.organise import ORGANISER_VERSION
from storyline.store import open_store

MARCH = TimeValue(dt.date(2023, 3, 1), dt.date(2023, 3, 31), Granularity.MONTH)
# Rich markup and ANSI look-alikes around and inside the date words must print as they are.
DESCRIPTION = "[bold]Talks[/bold] set for [red]March 2023[/red] in Bergen."
DATE_WORDS = "[red]March 2023[/red]"
BOLD = "\x1b[1m"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    start = DESCRIPTION.index(DATE_WORDS)
    events = [
        TimelineEvent(
            MARCH,
            DESCRIPTION,
            (Citation("a1", 0, len(DESCRIPTION), "Nordic Wire"),),
            "s1",
            (start, start + len(DATE_WORDS)),
        ),
        TimelineEvent(None, "Nobody said when.", (Citation("a2", 0, 17, "Post"),), "s1"),
    ]
    path = tmp_path / "timeline.db"
    with open_store(path) as store:
        store.save_organisation(ORGANISER_VERSION, [], [], [], [("t1", events)])
    return path


def test_timeline_json_includes_each_events_date_span(db: Path) -> None:
    result = CliRunner().invoke(app, ["timeline", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    ((thread,),) = [json.loads(result.stdout)]
    dated, undated = thread["events"]
    start, end = dated["date_span"]
    assert dated["description"][start:end] == DATE_WORDS
    assert undated["date_span"] is None


def test_timeline_in_a_pipe_prints_plain_text_with_markup_left_literal(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    result = CliRunner().invoke(app, ["timeline", "t1", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"2023-03  {DESCRIPTION}  [a1]" in result.stdout  # no stored article: its id
    assert "\x1b[" not in result.stdout


def test_timeline_at_a_terminal_bolds_exactly_the_date_words(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(app, ["timeline", "t1", "--db", str(db)])
    assert result.exit_code == 0, result.output
    dated = next(line for line in result.stdout.splitlines() if "2023-03" in line)
    assert f"set for {BOLD}{DATE_WORDS}\x1b[0m in Bergen." in dated
    assert dated.count(BOLD) == 1  # nothing else on the line is bold
    undated = next(line for line in result.stdout.splitlines() if "Nobody" in line)
    assert BOLD not in undated


def test_a_date_placed_by_other_reports_names_them(tmp_path: Path) -> None:
    event = TimelineEvent(
        MARCH,
        "The union met in March.",
        (Citation("undated", 0, 23, "Post"),),
        "s1",
        (18, 23),
        dated_by=("dated-report",),
    )
    path = tmp_path / "placed.db"
    with open_store(path) as store:
        store.save_organisation(ORGANISER_VERSION, [], [], [], [("t1", [event])])
    result = CliRunner().invoke(app, ["timeline", "t1", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "date placed by the story's other reports dated-re" in result.stdout
    as_json = CliRunner().invoke(app, ["timeline", "t1", "--db", str(path), "--json"])
    ((thread,),) = [json.loads(as_json.stdout)]
    assert thread["events"][0]["dated_by"] == ["dated-report"]
