"""End to end: the CLI and pipeline on the real samples, the examples and a batch of bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.cli.output import ExitCode
from storyline.pipeline import ingest_into
from storyline.store import open_store

runner = CliRunner()


def test_ingesting_the_samples_twice_stores_three_articles_once(
    samples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    first = runner.invoke(app, ["ingest", str(samples_dir), "--db", str(db), "--json"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["ingest", str(samples_dir), "--db", str(db), "--json"])
    assert second.exit_code == 0, second.output
    assert len(json.loads(first.stdout)["added"]) == 3
    again = json.loads(second.stdout)
    assert again["added"] == [] and len(again["unchanged"]) == 3
    with open_store(db) as store:
        assert store.count_articles() == 3


def test_stored_samples_are_clean(samples_dir: Path) -> None:
    with open_store(None) as store:
        ingest_into(store, [str(samples_dir)])
        texts = {a.title: a for a in store.iter_articles()}
    moscow = next(a for title, a in texts.items() if "Moscow" in title)
    assert moscow.text.count("was in Moscow on Thursday") == 1
    assert moscow.place is not None and "moscow" in moscow.place.lower()
    everything = "\n".join(a.text for a in texts.values())
    for noise in [
        "Watch CBSN Live",
        "Bloomberg Terminal",
        "CBS News App",
        "05:58",
        "Hezbollah chief vows",
        "Chrome Safari",
    ]:
        assert noise not in everything
    for kept in ["Lavrov termed that decision", "death toll in Syria", "a senior US official"]:
        assert kept in everything


def test_a_batch_with_bad_items_stores_the_good_ones_and_reports_each_bad_one(
    tmp_path: Path,
) -> None:
    good = "Harbour deal signed\n\nThe port authority signed the deal on Monday, officials said."
    (tmp_path / "good.txt").write_text(good, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    lines = [
        json.dumps({"title": "One", "text": "The first record is a full sentence of news."}),
        "{not json",
        json.dumps({"title": "Three", "text": "The third record is also a sentence of news."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "broken.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: resp")[:30])
    db = tmp_path / "bad.db"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert "line 2" in result.stderr
    with open_store(db) as store:
        titles = {a.title for a in store.iter_articles()}
        assert {"Harbour deal signed", "One", "Three"} <= titles
        assert len(store.problems()) >= 4


def test_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == ExitCode.FAILED
    assert "storyline ingest" in result.stderr


@pytest.mark.parametrize("suffix", [".md", ".html", ".json"])
def test_brief_writes_a_report_of_the_samples(
    samples_dir: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"report{suffix}"
    result = runner.invoke(app, ["brief", str(samples_dir), "-o", str(out), "--no-analysis"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Kerry" in text and "Lavrov" in text


@pytest.mark.model
def test_every_summary_sentence_of_the_example_briefing_is_a_cited_source_sentence(
    tmp_path: Path,
) -> None:
    from storyline.pipeline import brief

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    with open_store(tmp_path / "x.db") as store:
        briefing = brief(store, [str(corpus)])
    texts = {article.id: article.text for article in briefing.articles}
    outlets = {article.id: article.outlet for article in briefing.articles}
    members = {story.id: set(story.article_ids) for story in briefing.stories}
    assert [s.story_id for s in briefing.summaries] == [s.id for s in briefing.stories]
    shown = 0
    for summary in briefing.summaries:
        for sentence in (*summary.sentences, *summary.single_source):
            shown += 1
            first = sentence.citations[0]  # the sentence shown, verbatim
            shown_text = texts[first.article_id][first.start : first.end]
            assert " ".join(shown_text.split()) == " ".join(sentence.text.split())
            for citation in sentence.citations:  # the others state it, maybe reworded
                assert citation.article_id in members[summary.story_id]
                assert citation.outlet == outlets[citation.article_id]
                assert texts[citation.article_id][citation.start : citation.end].strip()
    assert shown > len(briefing.stories)  # not an empty briefing that passes trivially
    wire_stories = [s for s in briefing.summaries if len(members[s.story_id]) > 2]
    assert any(
        len({c.article_id for c in sentence.citations}) > 1
        for summary in wire_stories
        for sentence in summary.sentences
    )  # the strike story's syndicated lead cites its copy as well
