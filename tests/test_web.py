"""The local web UI: pages render, untrusted text is escaped, every page has a JSON twin."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from builders import build_article
from storyline.store import open_store
from storyline.web import create_app

HOSTILE_TITLE = "<script>alert(1)</script> Port strike ends"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    db = tmp_path / "web.db"
    with open_store(db) as store:
        store.add_article(
            build_article(
                "Dock workers voted on Tuesday to end the strike, the union said.",
                title=HOSTILE_TITLE,
                url="javascript:alert(1)",
                article_id="a1b2c3d4e5f60718",
            )
        )
        store.add_article(
            build_article(
                "The harbour reopened on Wednesday after nine days, officials said.",
                title="Harbour reopens",
                url="https://news.example/harbour",
                article_id="ffee0011",
            )
        )
    return TestClient(create_app(db))


def test_home_lists_articles_with_their_titles_escaped(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert(1)" not in page.text


def test_article_page_shows_text_and_never_links_a_javascript_url(client: TestClient) -> None:
    page = client.get("/articles/a1b2c3d4e5f60718")
    assert page.status_code == 200
    assert "Dock workers voted" in page.text
    assert "javascript:" not in page.text
    assert 'href="https://news.example/harbour"' in client.get("/articles/ffee0011").text


def test_every_page_has_a_json_twin(client: TestClient) -> None:
    data = client.get("/articles/a1b2c3d4e5f60718", params={"format": "json"}).json()
    assert data["article"]["title"] == HOSTILE_TITLE
    assert {a["id"] for a in client.get("/", params={"format": "json"}).json()["articles"]} == {
        "a1b2c3d4e5f60718",
        "ffee0011",
    }


def test_search_finds_words_and_an_unknown_article_is_404(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "harbour", "format": "json"}).json()["hits"]
    assert [h["article_id"] for h in hits] == ["ffee0011"]
    assert client.get("/articles/nope").status_code == 404


def test_a_story_page_shows_its_cited_summary_escaped_and_an_unknown_story_is_404(
    tmp_path: Path,
) -> None:
    from storyline.organise import organise

    hostile = "<b>Dock workers</b> voted on Tuesday to end the nine-day strike at the port."
    articles = [
        build_article(hostile, title="Strike ends", outlet="Wire", article_id="w1"),
        build_article(
            hostile + "\n\nThe union will meet again on Friday.",
            title="Port strike over",
            outlet="Herald",
            article_id="h1",
        ),
    ]
    db = tmp_path / "story.db"
    with open_store(db) as store:
        for article in articles:
            store.add_article(article)
        result = organise(articles)
        store.save_organisation(
            "test", result.duplicates, result.stories, result.threads, result.timelines
        )
    client = TestClient(create_app(db))
    (story,) = result.stories
    assert f'href="/stories/{story.id}"' in client.get("/").text
    page = client.get(f"/stories/{story.id}").text
    assert "&lt;b&gt;Dock workers&lt;/b&gt;" in page and "<b>Dock" not in page
    assert "[Wire]" in page and "[Herald]" in page
    data = client.get(f"/stories/{story.id}", params={"format": "json"}).json()
    assert data["summary"]["story_id"] == story.id and data["summary"]["sentences"]
    assert client.get("/stories/story:nope").status_code == 404


def test_a_timeline_date_placed_by_other_reports_links_them(tmp_path: Path) -> None:
    import datetime as dt

    from storyline.models import Citation, Granularity, TimelineEvent, TimeValue
    from storyline.organise import ORGANISER_VERSION

    june_16 = TimeValue(dt.date(2013, 6, 16), dt.date(2013, 6, 16), Granularity.DAY)
    event = TimelineEvent(
        june_16, "Talks broke down on June 16.", (Citation("u1", 0, 28, None),), "s1",
        (20, 27), dated_by=("<d1>",),
    )  # fmt: skip
    db = tmp_path / "placed.db"
    with open_store(db) as store:
        store.save_organisation(ORGANISER_VERSION, [], [], [], [("t1", [event])])
    page = TestClient(create_app(db)).get("/timeline/t1").text
    assert "date placed by the story's other reports" in page
    assert 'href="/articles/&lt;d1&gt;"' in page and "<d1>" not in page
