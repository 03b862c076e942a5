"""`storyline summary`: each story's cited summary, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.cli.output import ExitCode

runner = CliRunner()
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("summary") / "news.db"
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db)])
    assert result.exit_code in (ExitCode.OK, ExitCode.PARTIAL), result.output
    return db


@pytest.mark.model
def test_json_holds_a_summary_per_story_with_verbatim_cited_sentences(store_path: Path) -> None:
    result = runner.invoke(app, ["summary", "--db", str(store_path), "--json"])
    assert result.exit_code == 0, result.output
    summaries = json.loads(result.stdout)
    stories = json.loads(runner.invoke(app, ["stories", "--db", str(store_path), "--json"]).stdout)
    assert [s["story_id"] for s in summaries] == [s["id"] for s in stories]
    assert any(summary["sentences"] for summary in summaries)
    for summary in summaries:
        for sentence in summary["sentences"]:
            assert sentence["text"] and sentence["citations"]


@pytest.mark.model
def test_one_story_by_id_prefix_as_text_and_an_unknown_story_is_an_error(
    store_path: Path,
) -> None:
    stories = json.loads(runner.invoke(app, ["stories", "--db", str(store_path), "--json"]).stdout)
    wanted = max(stories, key=lambda story: len(story["article_ids"]))
    prefix = wanted["id"].split(":", 1)[-1][:6]
    result = runner.invoke(app, ["summary", prefix, "--db", str(store_path)])
    assert result.exit_code == 0, result.output
    assert wanted["label"] in result.output and "  - " in result.output
    missing = runner.invoke(app, ["summary", "zzzz-no-such", "--db", str(store_path)])
    assert missing.exit_code == ExitCode.FAILED
    assert "no story" in missing.output


@pytest.mark.model
def test_words_sets_the_length_of_each_summary(store_path: Path) -> None:
    def sentences(words: str) -> int:
        result = runner.invoke(
            app, ["summary", "--db", str(store_path), "--json", "--words", words]
        )
        assert result.exit_code == 0, result.output
        return sum(len(summary["sentences"]) for summary in json.loads(result.stdout))

    assert sentences("10") < sentences("250")
    assert runner.invoke(app, ["summary", "--db", str(store_path), "--words", "0"]).exit_code == 2
