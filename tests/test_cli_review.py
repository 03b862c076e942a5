"""What a demanding first-time user hit: markup in article text, ids without their tag, a
store ingesting itself, quiet empty batches, and unclear messages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builders import build_article
from storyline.analyze import ANALYZER_VERSION
from storyline.cli import app
from storyline.cli.ids import IdNotFound, matching_ids, resolve_id
from storyline.cli.output import ExitCode
from storyline.models import (
    ArticleAnalysis,
    EntityKind,
    Mention,
    Origin,
    Problem,
    Quote,
    SpeakerKind,
    Story,
    Thread,
)
from storyline.organise import ORGANISER_VERSION
from storyline.pipeline import BriefOptions, brief
from storyline.store import open_store

# Rich markup look-alikes in every kind of untrusted text: each must print as it is.
TITLE = "[bold]Strike[/bold] ends at [red]Gate 4[/red]"
OUTLET = "[i]Harbour Herald[/i]"
LABEL = "[blink]Port strike[/blink] · Harbourton"
THREAD_LABEL = "[u]Harbourton port dispute[/u]"
ENTITY = "[red]Ana[/red] Ribeiro"
SPEAKER = "[b]a senior union official[/b]"
PROBLEM_FILE = "[red]feed[/red].xml"
BODY = "Pickets gathered at the port's main gate on Monday, the union said."
STORY_IDS = ("story:3b6f94b5bad6aa01", "story:3b6f00000000bb02", "story:72c23e0000000003")
THREAD_ID = "thread:cfa13c727113fdd3"


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


@pytest.fixture(autouse=True)
def wide_plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables wide enough not to wrap, and no colour unless a test asks for it."""
    monkeypatch.setenv("COLUMNS", "250")
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "review.db"
    article = build_article(BODY, title=TITLE, outlet=OUTLET, article_id="a1b2c3d4e5f60718")
    mention = Mention(0, 11, ENTITY, EntityKind.PERSON, "person:ana ribeiro")
    quote = Quote(0, 8, "Pickets", SpeakerKind.UNNAMED, None, SPEAKER, "say")
    analysis = ArticleAnalysis(
        article.id, ANALYZER_VERSION, "en", True, mentions=(mention,), quotes=(quote,)
    )
    stories = [
        Story(key, LABEL, (article.id,), dt.date(2024, 3, 4), None, (), None, "test")
        for key in STORY_IDS
    ]
    thread = Thread(THREAD_ID, THREAD_LABEL, STORY_IDS, "test")
    with open_store(path) as store:
        store.add_article(article)
        store.save_analysis(analysis)
        store.add_problem(Problem(Origin(PROBLEM_FILE), "bad", "a [b]bad[/b] item", "fix [i]it"))
        store.save_organisation(ORGANISER_VERSION, [], stories, [thread], [(THREAD_ID, ())])
    return path


# --------------------------------------------------------------------------- 1 markup


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["articles"], [TITLE, OUTLET]),
        (["show", "a1b2"], [TITLE, OUTLET]),
        (["search", "gate"], [TITLE]),
        (["stories"], [LABEL]),
        (["threads"], [THREAD_LABEL, LABEL]),
        (["entities"], [ENTITY]),
        (["quotes"], [SPEAKER]),
        (["problems"], [PROBLEM_FILE, "a [b]bad[/b] item", "fix [i]it"]),
    ],
)
def test_untrusted_text_prints_literally_and_is_never_read_as_markup(
    db: Path, command: list[str], expected: list[str]
) -> None:
    result = run(*command, "--db", str(db))
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in result.stdout, command


def test_show_heads_the_article_with_its_title_as_written(db: Path) -> None:
    result = run("show", "a1b2", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == TITLE


def test_a_search_snippet_shows_the_matched_word_without_its_brackets(db: Path) -> None:
    result = run("search", "gate", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "at the port's main gate on Monday" in result.stdout
    assert "[gate]" not in result.stdout


def test_a_search_snippet_bolds_the_matched_word_at_a_terminal(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = run("search", "gate", "--db", str(db))
    assert "main \x1b[1mgate\x1b[0m on Monday" in result.stdout


# --------------------------------------------------------------------------- 2 ids


@pytest.mark.parametrize("wanted", ["cfa13c727113fdd3", "cfa1", "thread:cfa1", THREAD_ID])
def test_timeline_takes_a_thread_id_or_prefix_with_or_without_its_tag(
    db: Path, wanted: str
) -> None:
    result = run("timeline", wanted, "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    assert [t["thread_id"] for t in json.loads(result.stdout)] == [THREAD_ID]


def test_an_ambiguous_story_prefix_is_an_error_listing_the_candidates(db: Path) -> None:
    result = run("summary", "3b6f", "--db", str(db))
    assert result.exit_code == ExitCode.FAILED
    assert "ambiguous" in result.stderr
    assert STORY_IDS[0] in result.stderr and STORY_IDS[1] in result.stderr
    assert STORY_IDS[2] not in result.stderr


def test_an_unknown_thread_names_the_command_listing_them(db: Path) -> None:
    result = run("timeline", "zz99", "--db", str(db))
    assert result.exit_code == ExitCode.FAILED
    assert "no thread 'zz99'" in result.stderr and "storyline threads" in result.stderr


def test_id_matching_prefers_an_exact_id_and_never_matches_an_empty_prefix() -> None:
    ids = ["story:ab", "story:abc", "thread:ab"]
    assert matching_ids("ab", ids) == ["story:ab"]
    assert matching_ids("story:abc", ids) == ["story:abc"]
    assert matching_ids("thread:a", ids) == ["thread:ab"]  # a tag given must match
    assert matching_ids("story:", ids) == [] and matching_ids("  ", ids) == []
    with pytest.raises(IdNotFound, match="ambiguous"):
        resolve_id("a", ["story:ab", "story:ac"], "story", "`storyline stories`")


# --------------------------------------------------------------------------- 3 own store


def test_ingesting_the_folder_holding_the_store_leaves_the_store_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "strike.txt").write_text("Port strike\n\n" + BODY + "\n", encoding="utf-8")
    for companion in ("news.db-wal", "news.db-shm"):  # as a live store leaves them
        (tmp_path / companion).write_bytes(b"\x00\x01binary\x00" * 20)
    monkeypatch.chdir(tmp_path)
    first = run("ingest", ".", "--db", "news.db")
    assert first.exit_code == ExitCode.OK, first.output
    assert "binary" not in first.stderr and "news.db-wal" in first.stderr  # a note says so
    again = run("ingest", ".", "--db", str(tmp_path / "news.db"))  # the same store, resolved
    assert again.exit_code == ExitCode.OK, again.output
    assert "0 new, 1 already stored, 0 skipped" in again.stdout


def test_a_path_too_long_to_look_up_is_a_reported_problem_not_a_crash(tmp_path: Path) -> None:
    good = tmp_path / "strike.txt"
    good.write_text("Port strike\n\n" + BODY + "\n", encoding="utf-8")
    result = run("ingest", "a" * 5000, str(good), "--db", str(tmp_path / "n.db"))
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert "cannot be looked up" in result.stderr and "1 new, 0 already stored, 1 skipped" in (
        result.stdout
    )


# --------------------------------------------------------------------------- 4 Python API


def test_brief_takes_path_objects_and_a_single_source_given_alone(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "strike.txt").write_text("Port strike\n\n" + BODY + "\n", encoding="utf-8")
    options = BriefOptions(analyse=False)
    for sources in ([folder], folder, str(folder), (str(folder) for _ in range(1))):
        with open_store(None) as store:
            briefing = brief(store, sources, options)  # type: ignore[arg-type]
        assert len(briefing.articles) == 1, sources
        assert not briefing.problems, sources


@pytest.mark.parametrize("sources", [b"articles", 3, [b"articles"], [None]])
def test_brief_rejects_sources_that_are_not_paths_or_urls(sources: object) -> None:
    with open_store(None) as store, pytest.raises(TypeError, match="source"):
        brief(store, sources)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- 5 empty batches


def test_ingesting_an_empty_folder_warns_and_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".hidden").write_text("not read", encoding="utf-8")
    result = run("ingest", str(empty), "--db", str(tmp_path / "n.db"))
    assert result.exit_code == ExitCode.FAILED
    assert "no articles found" in result.stderr and str(empty) in result.stderr
    assert "Pass files, folders or URLs" in result.stderr  # what to do


def test_an_empty_folder_beside_good_input_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    good = tmp_path / "strike.txt"
    good.write_text("Port strike\n\n" + BODY + "\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = run("ingest", str(tmp_path / "empty"), str(good), "--db", str(db))
    assert result.exit_code == ExitCode.OK, result.output
    assert "warning" in result.stderr and "no articles found" in result.stderr
    problems = run("problems", "--db", str(db), "--json")
    assert [p["code"] for p in json.loads(problems.stdout)] == ["no-articles-found"]


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_brief_with_no_article_fails_and_writes_no_report(tmp_path: Path, kind: str) -> None:
    source = tmp_path / kind
    if kind == "empty":
        source.mkdir()
    report = tmp_path / "x.md"
    result = run("brief", str(source), "-o", str(report), "--no-analysis")
    assert result.exit_code == ExitCode.FAILED, result.output
    assert "nothing was ingested" in result.stderr and not report.exists()


def test_some_bad_inputs_beside_good_ones_still_exit_3(tmp_path: Path) -> None:
    good = tmp_path / "strike.txt"
    good.write_text("Port strike\n\n" + BODY + "\n", encoding="utf-8")
    report = tmp_path / "x.md"
    args = ["brief", str(good), str(tmp_path / "missing"), "-o", str(report), "--no-analysis"]
    result = run(*args)
    assert result.exit_code == ExitCode.PARTIAL, result.output
    assert report.exists() and "1 article," in result.stderr


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        (['{"title": "A", "text": "' + BODY + '"}', "{broken"], ExitCode.PARTIAL),
        (["{broken", '{"title": "no text"}'], ExitCode.FAILED),
    ],
)
def test_clean_exits_with_the_same_code_with_or_without_json(
    tmp_path: Path, lines: list[str], code: ExitCode
) -> None:
    source = tmp_path / "broken.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("clean", str(source)).exit_code == code
    assert run("clean", str(source), "--json").exit_code == code


# --------------------------------------------------------------------------- 7 messages


def test_an_unknown_entity_kind_is_a_usage_error_listing_the_kinds(db: Path) -> None:
    result = run("entities", "--kind", "foo", "--db", str(db))
    assert result.exit_code == ExitCode.USAGE
    assert all(kind.value in result.output for kind in EntityKind)
    assert run("entities", "--kind", "Person", "--db", str(db)).exit_code == 0


def test_a_speaker_with_no_quotes_gets_a_note_on_stderr(db: Path) -> None:
    result = run("quotes", "--speaker", "Nobody", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout == "" and "no quotes found" in result.stderr and "Nobody" in result.stderr


def test_a_timeline_with_no_dated_events_gets_a_note_on_stderr(db: Path) -> None:
    result = run("timeline", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout == "" and "no dated events found" in result.stderr


def test_only_ingest_says_it_creates_a_missing_store() -> None:
    assert "created when missing" in run("ingest", "--help").output
    for command in ("articles", "search", "timeline", "entities", "analyze", "serve"):
        help_text = " ".join(run(command, "--help").output.split())  # unwrapped
        assert "created when missing" not in help_text and "must exist" in help_text, command


def test_quotes_name_their_outlet_and_list_a_reported_quotes_words_once(tmp_path: Path) -> None:
    path = tmp_path / "quotes.db"
    text = 'Delgado said the strike would last "as long as it takes" at the port.'
    article = build_article(text, title="Strike", outlet="Harbour Post", article_id="q1")
    reported = text.index("the strike")
    fragment = text.index("as long")
    quotes = (
        Quote(
            reported,
            text.index(" at the port"),
            text[reported : text.index(" at the port")],
            SpeakerKind.UNNAMED,
            None,
            "Delgado",
            "say",
            direct=False,
        ),
        Quote(
            fragment,
            fragment + 15,
            "as long as it takes",
            SpeakerKind.UNNAMED,
            None,
            "Delgado",
            "say",
        ),
    )
    with open_store(path) as store:
        store.add_article(article)
        store.save_analysis(
            ArticleAnalysis(article.id, ANALYZER_VERSION, "en", True, quotes=quotes)
        )
    shown = run("quotes", "--db", str(path)).stdout  # type: ignore[attr-defined]
    assert "(reported)  [Harbour Post]" in shown
    assert "“as long as it takes”" not in shown  # inside the reported quote already
    listed = json.loads(run("quotes", "--json", "--db", str(path)).stdout)  # type: ignore[attr-defined]
    assert sum(len(items) for items in listed.values()) == 2  # JSON keeps every quote
