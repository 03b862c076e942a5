"""Citations name their source even when the outlet is unknown."""

from __future__ import annotations

from dataclasses import replace

from builders import build_article
from storyline.models import Briefing, Origin
from storyline.report import render
from storyline.report.view import source_label


def test_outlet_wins_then_url_host_then_input_file_name() -> None:
    article = build_article("The harbour reopened on Monday.", outlet="Coastline Wire")
    assert source_label(article) == "Coastline Wire"
    no_outlet = replace(article, outlet=None, url="https://www.harbour-news.example/a/1")
    assert source_label(no_outlet) == "harbour-news.example"
    from_file = replace(no_outlet, url=None, origin=Origin("/data/in/004_harbour.txt"))
    assert source_label(from_file) == "004_harbour.txt"
    from_feed = replace(from_file, origin=Origin("/data/feed.xml", "item 3"))
    assert source_label(from_feed) == "feed.xml (item 3)"


def test_articles_of_unknown_outlet_are_not_counted_as_one_outlet() -> None:
    articles = tuple(
        replace(
            build_article(f"Story number {n} happened.", outlet=None), origin=Origin(f"in/{n}.txt")
        )
        for n in range(3)
    )
    text = render(Briefing(articles=articles), "md")
    assert "3 articles from" not in text
    assert "0.txt" in text and "2.txt" in text


def test_a_story_of_unknown_outlets_does_not_claim_outlets() -> None:
    from storyline.models import Story

    articles = tuple(
        replace(
            build_article(f"Talks number {n} ended.", outlet=None), origin=Origin(f"in/{n}.txt")
        )
        for n in range(2)
    )
    story = Story("story:1", "Talks", tuple(a.id for a in articles), None, None, (), None, "t")
    text = render(Briefing(articles=articles, stories=(story,)), "md")
    assert "**Sources:** 2 articles, " in text
