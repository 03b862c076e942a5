"""The HTML report: self-contained, readable, and safe with hostile article text."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import build_article
from storyline.models import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Entity,
    EntityKind,
    Origin,
    Problem,
    Quote,
    Removal,
    SpeakerKind,
    Story,
    TimelineEvent,
)
from storyline.report import render
from test_report_briefings import on_day, port_briefing, problems_only

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAKER = '"><img src=x onerror=alert(1)>'
# Tags the template itself writes; article text must never add one.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "article",
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "span", "strong", "em",
    "blockquote", "details", "summary", "code", "q", "time", "mark",
}  # fmt: skip


class Page(HTMLParser):
    """Every start tag with its attributes, and the page's ids."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def attribute_values(self, name: str) -> list[str]:
        return [attrs[name] or "" for _, attrs in self.tags if name in attrs]


def hostile_briefing() -> Briefing:
    article = build_article(
        f"Lead with {SCRIPT} inside.\n\nSecond paragraph.",
        title=SCRIPT,
        outlet=f"Wire{ATTRIBUTE_BREAKER}",
        url=f"https://x.example/{ATTRIBUTE_BREAKER}",
        article_id=f"id{ATTRIBUTE_BREAKER}",
    )
    article = dataclasses.replace(
        article,
        author=SCRIPT,
        place=ATTRIBUTE_BREAKER,
        removals=(Removal(SCRIPT, ATTRIBUTE_BREAKER, 0, SCRIPT),),
    )
    js_link = build_article("Body.", title="JS", url="javascript:alert(1)", article_id="js")
    start = article.text.index(SCRIPT)
    quote = Quote(start, start + len(SCRIPT), SCRIPT, SpeakerKind.NAMED, "person:x", None, "say")
    return Briefing(
        articles=(article, js_link),
        analyses=(ArticleAnalysis(article.id, "test", "en", True, quotes=(quote,)),),
        entities=(Entity("person:x", SCRIPT, EntityKind.PERSON),),
        stories=(
            Story(SCRIPT, SCRIPT, (article.id, "js"), None, None, ("person:x",), SCRIPT, "t"),
        ),
        problems=(Problem(Origin(SCRIPT, ATTRIBUTE_BREAKER), SCRIPT, SCRIPT, SCRIPT),),
    )


# --------------------------------------------------------------------------- safety


def test_hostile_text_never_becomes_markup() -> None:
    text = render(hostile_briefing(), "html")
    page = Page(text)
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    assert SCRIPT not in text
    assert "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)


def test_links_are_only_http_or_anchors_within_the_page() -> None:
    page = Page(render(hostile_briefing(), "html"))
    hrefs = page.attribute_values("href")
    assert hrefs
    assert all(href.startswith(("#", "https://", "http://")) for href in hrefs)
    assert not any("javascript" in href.lower() for href in hrefs)
    assert "https://x.example/%22%3E%3Cimg%20src=x%20onerror=alert%281%29%3E" in hrefs


def test_ids_are_unique_and_every_anchor_link_has_a_target() -> None:
    page = Page(render(port_briefing(), "html"))
    ids = page.attribute_values("id")
    assert len(ids) == len(set(ids))
    fragments = {href[1:] for href in page.attribute_values("href") if href.startswith("#")}
    assert fragments
    assert fragments <= set(ids)


def test_the_page_is_self_contained() -> None:
    text = render(port_briefing(), "html")
    page = Page(text)
    assert not page.attribute_values("src")
    assert not any(tag in ("script", "link", "iframe", "img") for tag, _ in page.tags)
    assert "@import" not in text
    assert "url(" not in text
    assert '<meta charset="utf-8">' in text


# --------------------------------------------------------------------------- content


def test_cleaning_removals_are_collapsed_in_details() -> None:
    text = render(port_briefing(), "html")
    assert '<details class="removals">' in text
    assert "<summary>Cleaning removed 1 item</summary>" in text
    assert "<code>promo-line</code> “Watch NNews Live”" in text


def test_timeline_is_in_date_order_and_cites_outlets() -> None:
    text = render(port_briefing(), "html")
    first = text.index('<span class="when">2024-03-04</span>')
    second = text.index('<span class="when">2026-03-11</span>')
    assert first < second
    assert '<a class="cite" href="#article-wire">[Coastline Wire]</a>' in text
    assert '<a class="cite" href="#article-copy">[Daily Meridian]</a>' in text


def test_story_shows_sources_entities_quotes_dates_and_disagreeing_figures() -> None:
    text = render(port_briefing(), "html")
    assert "4 articles from 4 outlets, 3 independent sources." in text
    assert "Near-duplicates, counted once (similarity 0.91)" in text
    assert "<strong>Key entities:</strong> Ana Ribeiro, Harbourton Dockworkers Union" in text
    assert '<span class="speaker">a senior ministry official (unnamed)</span>' in text
    assert 'injured <span class="disagree">(sources disagree)</span>' in text
    assert "“on Thursday” = <time>2024-03-07</time>" in text


@pytest.mark.parametrize("briefing", [Briefing(articles=()), problems_only()])
def test_sparse_briefings_render_a_complete_page(briefing: Briefing) -> None:
    text = render(briefing, "html")
    assert text.startswith("<!DOCTYPE html>")
    assert text.rstrip().endswith("</html>")
    assert "Story:" not in text


def test_problems_are_listed_with_input_message_and_what_to_do() -> None:
    text = render(problems_only(), "html")
    assert '<code>empty-file</code> (ingest) in <span class="input">empty.txt</span>' in text
    assert "the file is empty. <em>What to do:</em> remove it." in text
    assert '<span class="severity-warning">warning</span>' in text


def test_unicode_survives_in_titles_and_outlets() -> None:
    article = build_article(
        "Cuerpo.", title="Huelga: ¿qué pasó? — 港口罢工", outlet="Gaceta Atlántica"
    )
    text = render(Briefing(articles=(article,)), "html")
    assert "Huelga: ¿qué pasó? — 港口罢工" in text
    assert "<h3>Gaceta Atlántica</h3>" in text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=60))
def test_any_title_and_outlet_render_as_text_and_never_as_markup(text: str) -> None:
    article = build_article("Body.", title=text, outlet=text, url=text, article_id="a")
    page = Page(render(Briefing(articles=(article,)), "html"))
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    assert all(href.startswith(("#", "http")) for href in page.attribute_values("href"))


def test_the_words_that_dated_an_event_are_marked_and_every_piece_is_escaped() -> None:
    description = f'{SCRIPT} vote on <i>4 March</i> & "{ATTRIBUTE_BREAKER}" after.'
    start = description.index("<i>")
    end = description.index("after") - 1
    event = TimelineEvent(
        on_day("2024-03-04"), description, (Citation("wire", 0, 9, "Wire"),), "s", (start, end)
    )
    text = render(dataclasses.replace(port_briefing(), timelines=(("port", (event,)),)), "html")
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; vote on "
        '<mark class="date-words">&lt;i&gt;4 March&lt;/i&gt; &amp; '
        "&#34;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;&#34;</mark> after."
    ) in text
    assert {tag for tag, _ in Page(text).tags} <= TEMPLATE_TAGS
    assert SCRIPT not in text and "<img" not in text and "<i>" not in text


def test_an_event_without_date_words_has_no_mark() -> None:
    text = render(port_briefing(), "html")
    assert "<mark" not in text
    assert "About 2,400 dockworkers walked off the job." in text


def test_a_date_placed_by_other_reports_names_them_in_every_format() -> None:
    briefing = port_briefing()
    teller, placer = briefing.articles[0].id, briefing.articles[-1].id
    description = "Talks broke down on June 16, the union said."
    start = description.index("June 16")
    event = TimelineEvent(
        on_day("2024-06-16"),
        description,
        (Citation(teller, 0, 9, None),),
        "s",
        (start, start + len("June 16")),
        dated_by=(placer,),
    )
    placed = dataclasses.replace(briefing, timelines=(("port", (event,)),))
    html, markdown = render(placed, "html"), render(placed, "md")
    note = "date placed by the story's other reports"
    assert f'{note} <a class="cite" href="#article-{placer}"' in html
    assert f"(#article-{placer})" in markdown.split(note, 1)[1].splitlines()[0]
    own_date = dataclasses.replace(event, dated_by=())
    unplaced = dataclasses.replace(briefing, timelines=(("port", (own_date,)),))
    assert note not in render(unplaced, "html") + render(unplaced, "md")
