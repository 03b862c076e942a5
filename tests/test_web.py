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
