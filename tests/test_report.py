"""Report dispatch, file writing, the JSON format and the helpers all formats share."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import build_article
from storyline.codec import from_jsonable
from storyline.errors import ConfigError
from storyline.models import (
    ArticleAnalysis,
    Briefing,
    Citation,
    DateSource,
    Granularity,
    PublicationDate,
    Qualifier,
    Sentence,
    Story,
    Thread,
    TimelineEvent,
    TimeValue,
)
from storyline.report import render, write_report
from storyline.report.json import SCHEMA
from storyline.report.text import (
    LEAD_MAX_CHARS,
    anchor,
    lead,
    publication_label,
    safe_href,
    time_label,
)
from test_report_briefings import port_briefing, problems_only

FORMATS = ("md", "html", "json")


# --------------------------------------------------------------------------- dispatch


def test_render_rejects_an_unknown_format_with_a_hint() -> None:
    with pytest.raises(ConfigError, match=r"unknown report format 'pdf'.*md, html, json"):
        render(Briefing(articles=()), "pdf")


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("out.md", "# Briefing"),
        ("out.markdown", "# Briefing"),
        ("out.html", "<!DOCTYPE html>"),
        ("OUT.HTM", "<!DOCTYPE html>"),
        ("out.json", '"schema"'),
    ],
)
def test_write_report_picks_the_format_from_the_suffix(
    tmp_path: Path, name: str, marker: str
) -> None:
    path = tmp_path / "reports" / name
    write_report(port_briefing(), path)
    assert marker in path.read_text(encoding="utf-8")[:40]


@pytest.mark.parametrize("name", ["out.txt", "out", "out.md.bak", "out.pdf"])
def test_write_report_refuses_a_suffix_it_cannot_map_and_writes_nothing(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(ConfigError, match="cannot tell the report format"):
        write_report(port_briefing(), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_briefing(fmt: str) -> None:
    text = render(Briefing(articles=()), fmt)
    assert text.endswith("\n")
    if fmt != "json":
        assert "Nothing to report" in text
        assert "0 articles" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_briefing_with_only_problems_lists_each_input_what_and_what_to_do(fmt: str) -> None:
    text = render(problems_only(), fmt)
    for needle in ("empty.txt", "the file is empty", "remove it", "feed.xml (item 2)", "warning"):
        assert needle in text
    assert "Nothing to report" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_dangling_references_render_without_links_instead_of_failing(fmt: str) -> None:
    article = build_article("Body.", title="Kept", article_id="kept")
    briefing = Briefing(
        articles=(article,),
        stories=(Story("s", "Story", ("kept", "gone"), None, None, ("person:nobody",), None, "t"),),
        threads=(Thread("t", "Thread", ("s", "missing-story"), "t"),),
        timelines=(
            ("t", (TimelineEvent(None, "Said somewhere.", (Citation("gone", 0, 4, "Lost"),)),)),
            ("no-such-thread", (TimelineEvent(None, "Orphan.", (Citation("kept", 0, 4),)),)),
        ),
    )
    text = render(briefing, fmt)
    assert "Kept" in text
    if fmt != "json":
        assert "Lost" in text
        assert "#article-gone" not in text
        assert "Nobody" in text
        assert "Orphan." in text


# --------------------------------------------------------------------------- json


def test_json_report_carries_the_schema_version_and_the_codec_encoding() -> None:
    data = json.loads(render(port_briefing(), "json"))
    assert data["schema"] == SCHEMA
    assert data["generated"] == "2026-03-12T09:30:00"
    assert [a["id"] for a in data["articles"]][:2] == ["wire", "copy"]
    assert data["problems"][0]["severity"] == "error"


def test_json_report_reads_back_into_an_equal_briefing() -> None:
    # Timelines are left out: codec decodes tuple[str, tuple[...]] items as plain lists.
    briefing = dataclasses.replace(port_briefing(), timelines=())
    data = json.loads(render(briefing, "json"))
    assert from_jsonable(Briefing, data) == briefing


def test_json_report_keeps_unicode_unescaped() -> None:
    article = build_article("Doce heridos en el puerto.", title="Huelga: ¿qué pasó? 港口罢工")
    assert "Huelga: ¿qué pasó? 港口罢工" in render(Briefing(articles=(article,)), "json")


@given(st.text(max_size=200))
def test_json_report_round_trips_any_title_and_text(text: str) -> None:
    article = build_article(text or "x", title=text, article_id="a")
    briefing = Briefing(articles=(article,))
    assert from_jsonable(Briefing, json.loads(render(briefing, "json"))) == briefing


# --------------------------------------------------------------------------- shared helpers


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "https://",
        "",
        None,
    ],
)
def test_safe_href_refuses_anything_but_absolute_http_urls(url: str | None) -> None:
    assert safe_href(url) is None


def test_safe_href_percent_encodes_characters_that_could_break_out_of_a_link() -> None:
    href = safe_href('https://x.example/a"><img src=x onerror=alert(1)>(b)')
    assert href == "https://x.example/a%22%3E%3Cimg%20src=x%20onerror=alert%281%29%3E%28b%29"


def test_safe_href_keeps_an_ordinary_url_as_it_is() -> None:
    url = "https://news.example/2024/03/04/story?id=5&page=2#top"
    assert safe_href(url) == url


def test_anchor_is_always_a_safe_fragment() -> None:
    assert anchor("article", 'x" onclick="1') == "article-x-onclick-1"
    assert anchor("story", "") == "story-x"
    assert anchor("thread", "thread-8949ddae") == "thread-8949ddae"


def test_lead_takes_the_first_two_sentences_of_the_first_paragraph() -> None:
    article = build_article(
        "Intro\n\nOne. Two. Three.\n\nNext paragraph.", headings=("Intro",), article_id="a"
    )
    start = article.text.index("One")
    sentences = tuple(
        Sentence(article.text.index(s), article.text.index(s) + len(s), 1)
        for s in ("One.", "Two.", "Three.")
    )
    analysis = ArticleAnalysis("a", "test", "en", True, sentences=sentences)
    assert start == sentences[0].start
    assert lead(article, analysis) == "One. Two."


def test_lead_without_analysis_is_the_first_paragraph_cut_at_a_word() -> None:
    long_paragraph = " ".join(["word"] * 400)
    article = build_article(f"{long_paragraph}\n\nSecond.")
    text = lead(article, None)
    assert text.endswith("…")
    assert len(text) <= LEAD_MAX_CHARS + 1
    assert text[:-1].split() == ["word"] * len(text[:-1].split())


def test_lead_of_an_article_with_only_headings_is_empty() -> None:
    assert lead(build_article("Heading", headings=("Heading",)), None) == ""


@pytest.mark.parametrize(
    ("published", "label"),
    [
        (PublicationDate(), "date unknown"),
        (
            PublicationDate(DateSource.INFERRED, None, dt.date(2024, 3, 4), dt.date(2024, 3, 4)),
            "2024-03-04 (inferred)",
        ),
        (
            PublicationDate(DateSource.INFERRED, None, dt.date(2024, 3, 4), dt.date(2024, 3, 10)),
            "between 2024-03-04 and 2024-03-10 (inferred)",
        ),
        (
            PublicationDate(DateSource.INFERRED, None, dt.date(2019, 1, 1), None),
            "on or after 2019-01-01 (inferred)",
        ),
        (
            PublicationDate(DateSource.INFERRED, None, None, dt.date(2013, 9, 1)),
            "on or before 2013-09-01 (inferred)",
        ),
        (
            PublicationDate(DateSource.METADATA, dt.datetime(2024, 3, 4, 9, 30)),
            "2024-03-04",
        ),
    ],
)
def test_publication_label_says_how_sure_the_date_is(
    published: PublicationDate, label: str
) -> None:
    assert publication_label(published) == label


def test_time_label_spells_out_a_qualifier() -> None:
    value = TimeValue(dt.date(2013, 7, 1), dt.date(2013, 7, 31), Granularity.MONTH)
    assert time_label(value) == "2013-07"
    assert time_label(dataclasses.replace(value, qualifier=Qualifier.BEFORE)) == "before 2013-07"
