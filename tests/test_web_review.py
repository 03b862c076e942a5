"""The web UI as a first-time reader meets it: list pages, HTML errors for browsers, articles
named by title, highlighted search words, and every piece of article text escaped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from builders import build_article
from storyline.models import Citation, Entity, EntityKind, Story, Thread, TimelineEvent
from storyline.organise import ORGANISER_VERSION
from storyline.store import open_store
from storyline.web import create_app

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
HERALD = "Harbourton Herald"
STORY_ID = "story:4ce77d0000000001"
THREAD_ID = "thread:cfa13c727113fdd3"
BROWSER = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
ARTICLES = [
    ("h1", f"{SCRIPT} Dockers strike at Gate 4", HERALD, dt.date(2024, 3, 4)),
    ("h2", "Port talks collapse after six hours", HERALD, dt.date(2024, 3, 6)),
    ("n3", "Strike ends with a five-year deal", None, None),
]
BODY = "Pickets gathered at the port's main gate on Monday, the union said.\n\n<b>{}</b>"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    db = tmp_path / "web.db"
    stories = [
        Story(
            STORY_ID, f"{SCRIPT} Harbourton strike", ("h1", "h2", "n3"), None, None, (), None, "t"
        )
    ]
    thread = Thread(THREAD_ID, f"{SCRIPT} Harbourton port dispute", (STORY_ID,), "t")
    event = TimelineEvent(None, f"{SCRIPT} Dockers walked out.", (Citation("h1", 0, 9, HERALD),))
    entity = Entity("person:ana ribeiro", "Ana Ribeiro", EntityKind.PERSON, ("Ana Ribeiro",))
    with open_store(db) as store:
        for key, title, outlet, day in ARTICLES:
            text = BODY.format(title)
            store.add_article(
                build_article(text, title=title, outlet=outlet, published=day, article_id=key)
            )
        store.save_organisation(ORGANISER_VERSION, [], stories, [thread], [(THREAD_ID, (event,))])
        store.save_entities([entity], "test.entities")
    return TestClient(create_app(db))


@pytest.mark.parametrize(
    "path", ["/stories/nope", "/timeline/nope", "/articles/nope", "/no-such-page"]
)
def test_a_browser_gets_an_html_not_found_page(client: TestClient, path: str) -> None:
    page = client.get(path, headers=BROWSER)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in page.text and '{"detail"' not in page.text


@pytest.mark.parametrize("params", [{}, {"format": "json"}])
def test_api_clients_and_json_twins_keep_json_errors(
    client: TestClient, params: dict[str, str]
) -> None:
    headers = BROWSER if params else {"accept": "application/json"}
    answer = client.get("/stories/nope", params=params, headers=headers)
    assert answer.status_code == 404
    assert "no story 'nope'" in answer.json()["detail"]


def test_the_not_found_page_escapes_the_id_it_was_given(client: TestClient) -> None:
    page = client.get(f"/stories/{SCRIPT}", headers=BROWSER)
    assert page.status_code == 404 and SCRIPT not in page.text


@pytest.mark.parametrize(
    ("path", "key"), [("/stories", "stories"), ("/threads", "threads"), ("/articles", "articles")]
)
def test_the_list_pages_the_readme_names_exist_with_json_twins(
    client: TestClient, path: str, key: str
) -> None:
    page = client.get(path, headers=BROWSER)
    assert page.status_code == 200
    assert ESCAPED in page.text and SCRIPT not in page.text
    assert len(client.get(path, params={"format": "json"}).json()[key]) >= 1


def test_counts_are_pluralised(client: TestClient) -> None:
    threads, stories = client.get("/threads").text, client.get("/stories").text
    assert "1 story" in threads and "1 stories" not in threads
    assert "1 story" in stories and "3 articles" in client.get(f"/stories/{STORY_ID}").text
    assert "1 articles" not in client.get("/").text


def test_a_story_lists_its_articles_by_title_outlet_and_date(client: TestClient) -> None:
    page = client.get(f"/stories/{STORY_ID}").text
    articles = page[page.index("<h2>Articles</h2>") :]
    assert f"{ESCAPED} Dockers strike at Gate 4</a>" in articles
    assert "Port talks collapse after six hours</a>" in articles
    assert f"{HERALD} · 2024-03-04" in articles and f"{HERALD} · 2024-03-06" in articles
    assert '"/articles/n3">Strike ends with a five-year deal</a>' in articles  # no outlet


@pytest.mark.parametrize(("path", "prefix"), [("/stories/", "4ce7"), ("/timeline/", "cfa13")])
def test_item_pages_take_an_id_prefix_without_its_tag(
    client: TestClient, path: str, prefix: str
) -> None:
    assert client.get(path + prefix).status_code == 200


def test_search_highlights_matched_words_and_escapes_the_snippet(client: TestClient) -> None:
    page = client.get("/search", params={"q": "gate"}).text
    assert "main <mark>gate</mark> on Monday" in page
    assert "[gate]" not in page and SCRIPT not in page
    broken = client.get("/search", params={"q": SCRIPT})
    assert broken.status_code == 200 and SCRIPT not in broken.text


def test_entities_list_other_spellings_without_repeating_the_name(client: TestClient) -> None:
    page = client.get("/entities").text
    assert "Ana Ribeiro" in page and "also" not in page


@pytest.mark.parametrize("path", [f"/stories/{STORY_ID}", f"/timeline/{THREAD_ID}", "/articles/h1"])
def test_item_pages_escape_article_text(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assert ESCAPED in page.text and SCRIPT not in page.text


def test_an_undated_story_and_an_article_of_unknown_outlet_read_as_the_report_says(
    client: TestClient,
) -> None:
    listing = client.get("/stories", headers=BROWSER).text
    assert "undated · 3 articles" in listing and "? – ?" not in listing
    page = client.get(f"/stories/{STORY_ID}").text
    articles = page[page.index("<h2>Articles</h2>") :]
    # No outlet: named by its input, as reports name it, never "unknown outlet".
    n3 = articles[articles.index('"/articles/n3"') :].split("</li>")[0]
    assert "unknown outlet" not in n3 and "date unknown" in n3
