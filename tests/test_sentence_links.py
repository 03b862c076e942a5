"""Sentence links: edited copies of one statement are linked, near-identical sentences that
claim something else (another figure, a negation, another day) are not."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import build_article
from storyline.models import Article, Story
from storyline.organise import OrganiseOptions, SentenceLink, link_sentences
from storyline.organise.sentences import same_statement

PAIRS = Path(__file__).parent / "data" / "sentence_pairs.jsonl"
OPENING = "The county council met for five hours on the budget for the coming year."


def _articles(*sentences: str) -> list[Article]:
    """One article per sentence, each from its own outlet, after a distinct opening."""
    return [
        build_article(
            f"{OPENING.replace('five', str(5 + number))}\n\n{sentence}",
            outlet=f"Outlet {number}",
            article_id=f"article-{number}",
        )
        for number, sentence in enumerate(sentences)
    ]


def _links(articles: Sequence[Article]) -> tuple[SentenceLink, ...]:
    story = Story("story:test", "Test", tuple(a.id for a in articles), None, None, (), None, "t")
    return link_sentences([story], articles, {}, OrganiseOptions())


def _linked(one: str, other: str) -> bool:
    return any(len(link.citations) == 2 for link in _links(_articles(one, other)))


def _load_pairs() -> list[dict[str, object]]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            "At least 12 people were injured when the roof of the market collapsed, police said.",
            "At least 14 people were injured when the roof of the market collapsed, police said.",
        ),
        (
            "The minister said the talks with the union would resume early next week.",
            "The minister said the talks with the union would not resume early next week.",
        ),
        (
            "The two leaders will meet in Brussels on Tuesday to discuss the trade deal.",
            "The two leaders will meet in Brussels on Thursday to discuss the trade deal.",
        ),
        (
            "Three people were taken to hospital after the gas explosion in the block.",
            "Four people were taken to hospital after the gas explosion in the block.",
        ),
    ],
    ids=["figure", "negation", "weekday", "number-word"],
)
def test_near_identical_sentences_with_different_claims_are_not_linked(
    one: str, other: str
) -> None:
    assert not _linked(one, other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            '"We are not going anywhere," said Maria Okafor, who has lived there for 31 years.',
            "“We are not going anywhere,” said Maria Okafor, who has lived there for 31 years.",
        ),
        (
            "The fire started in a storage room on the ground floor and spread to the roof.",
            "The fire started in a storage room on the ground floor and spread to the roof, "
            "officials said.",
        ),
        (
            "The company, which employs about 4,000 people in the region, declined to comment.",
            "The company, which employs about 4000 people in the region, declined to comment.",
        ),
        (
            "After three days of talks, the two sides agreed to a temporary ceasefire.",
            "The two sides agreed to a temporary ceasefire after three days of talks.",
        ),
    ],
    ids=["quote-style", "attribution", "thousands-separator", "reordered"],
)
def test_edited_copies_of_one_statement_are_linked(one: str, other: str) -> None:
    assert _linked(one, other)


def test_a_trailing_clause_with_a_new_figure_is_not_linked_to_the_shorter_sentence() -> None:
    assert not _linked(
        "The storm is expected to make landfall late on Thursday.",
        "The storm is expected to make landfall late on Thursday, about 80 miles south of town.",
    )


def test_same_statement_compares_figures_negations_and_days_symmetrically() -> None:
    assert same_statement("Sales rose 8 percent on Monday.", "On Monday, sales rose 8 percent.")
    assert not same_statement("Sales rose 8 percent.", "Sales rose 18 percent.")
    assert not same_statement("The plan was approved.", "The plan was approved on Tuesday.")
    assert not same_statement("The plan was approved on Tuesday.", "The plan was approved.")
    assert not same_statement("He didn't resign.", "He did resign.")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([11, 12, 14, 41]), min_size=2, max_size=4))
def test_every_citation_of_a_link_gives_the_link_figures(counts: list[int]) -> None:
    sentences = [
        f"At least {count} people were injured when the roof of the old market collapsed."
        for count in counts
    ]
    articles = _articles(*sentences)
    texts = {a.id: a.text for a in articles}
    links = _links(articles)
    for link in links:
        for citation in link.citations:
            stated = texts[citation.article_id][citation.start : citation.end]
            assert same_statement(stated, link.text)
    linked_articles = sum(len(link.citations) for link in links)
    repeated = sum(n for n in Counter(counts).values() if n > 1)
    assert linked_articles == repeated  # every repeated figure is linked, nothing else


def test_labelled_pairs_are_well_formed_and_split_before_scoring() -> None:
    pairs = _load_pairs()
    assert len(pairs) >= 200
    assert len({pair["id"] for pair in pairs}) == len(pairs)
    for split in ("tune", "held-out"):
        labels = Counter(pair["same"] for pair in pairs if pair["split"] == split)
        assert labels[True] >= 30 and labels[False] >= 30
    assert {pair["split"] for pair in pairs} == {"tune", "held-out"}
    assert all(pair["a"] != pair["b"] and pair["kind"] for pair in pairs)


def test_no_labelled_figure_or_day_negative_is_linked_at_the_shipped_threshold() -> None:
    negatives = [p for p in _load_pairs() if not p["same"] and p["kind"] in ("figure", "day")]
    assert len(negatives) >= 30
    linked = [p["id"] for p in negatives if _linked(str(p["a"]), str(p["b"]))]
    assert linked == []
