"""Quantity claims: value, unit, what is counted, approximation, date and speaker."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from builders import build_article
from storyline.analyze.dates import find_dates
from storyline.analyze.figures import find_figures, parse_value
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.sentences import split_sentences
from storyline.models import (
    Article,
    Block,
    BlockKind,
    DateSource,
    EntityKind,
    Figure,
    Mention,
    Origin,
    PublicationDate,
)

PUBLISHED = dt.date(2013, 7, 1)
ENTITY_LABELS = {"ORG": EntityKind.ORGANISATION, "PERSON": EntityKind.PERSON}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def figures_of(nlp: Language, article: Article) -> list[Figure]:
    doc = nlp(article.text)
    sentences = split_sentences(doc, article)
    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, ENTITY_LABELS[e.label_], f"x:{e.text.lower()}")
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    )
    dates = find_dates(doc, article, sentences, article.published)
    return list(find_figures(doc, article, sentences, mentions, dates))


def figures_in(nlp: Language, text: str) -> dict[str, Figure]:
    return {f.text: f for f in figures_of(nlp, build_article(text, published=PUBLISHED))}


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("more than 93,000", 93_000.0),
        ("$4.5 billion", 4.5e9),
        ("12 percent", 12.0),
        ("7.5%", 7.5),
        ("1.2 million", 1.2e6),
        ("two", 2.0),
        ("a dozen", 12.0),
        ("€300m", 300e6),
    ],
)
def test_values_are_read_with_their_scale(text: str, value: float) -> None:
    assert parse_value(text) == pytest.approx(value)


def test_words_without_a_number_have_no_value() -> None:
    assert parse_value("dozens") is None


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_round_trip(number: int) -> None:
    assert parse_value(f"{number:,}") == number


# --------------------------------------------------------------------------- invented text


def test_death_toll_with_approximation_date_and_speaker(nlp: Language) -> None:
    text = (
        "The agreement came a year after the June 2012 Geneva conference. At the time, the "
        "death toll was estimated by the United Nations at more than 10,000. It has now "
        "reached more than 93,000, the world body says."
    )
    figures = figures_in(nlp, text)
    then, now = figures["more than 10,000"], figures["more than 93,000"]
    assert (then.value, then.counts, then.approximation) == (10_000, "death toll", "more than")
    assert then.date is not None and then.date.label() == "2012-06"
    assert then.speaker == "x:the united nations"
    assert (now.value, now.counts, now.approximation) == (93_000, "death toll", "more than")


def test_casualties_are_two_figures_with_their_units(nlp: Language) -> None:
    figures = figures_in(nlp, "Tuesday's attacks in Brussels left 31 dead and 300 injured.")
    assert (figures["31"].value, figures["31"].unit) == (31, "dead")
    assert (figures["300"].value, figures["300"].unit) == (300, "injured")


def test_money_and_percent_units(nlp: Language) -> None:
    figures = figures_in(nlp, "The company paid $4.5 billion for the unit, a 12 percent premium.")
    assert figures["$4.5 billion"].unit == "USD"
    assert (figures["12 percent"].unit, figures["12 percent"].counts) == ("%", "premium")


def test_money_without_a_symbol_keeps_its_currency_word(nlp: Language) -> None:
    figures = figures_in(nlp, "Visitors paid the 20 baht entrance fee to see the peak.")
    assert [(f.value, f.unit) for f in figures.values()] == [(20, "baht")]


def test_counted_noun_and_of_object(nlp: Language) -> None:
    figures = figures_in(
        nlp, "About 2,000 fighters crossed the border. Some 12 percent of voters backed him."
    )
    assert (figures["About 2,000"].counts, figures["About 2,000"].approximation) == (
        "fighters",
        "about",
    )
    assert figures["Some 12 percent"].counts == "voters"


def test_durations_years_ordinals_and_joined_numbers_are_not_figures(nlp: Language) -> None:
    text = (
        "After a two-day meeting in 2013, the first of its kind, the two men agreed on a "
        "10-point plan. We have a two plus two meeting in July."
    )
    assert figures_in(nlp, text) == {}


def test_figures_point_at_their_text(nlp: Language) -> None:
    article = build_article("Police said 40 people were arrested and 12 were hurt.")
    for figure in figures_of(nlp, article):
        assert article.text[figure.start : figure.end] == figure.text


# --------------------------------------------------------------------------- real samples


def raw_article(path: Path, published: dt.date) -> Article:
    """The sample file as an Article, text unchanged, so offsets are those of the file."""
    text = path.read_text(encoding="utf-8")
    blocks = tuple(
        Block(BlockKind.PARAGRAPH, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
    )
    stamp = dt.datetime.combine(published, dt.time())
    date = PublicationDate(DateSource.METADATA, stamp, published, published, "test")
    return Article(path.stem, "", text, blocks, Origin(str(path)), path.stem, published=date)


def by_offset(figures: list[Figure], start: int, end: int) -> Figure:
    return next(f for f in figures if (f.start, f.end) == (start, end))


def test_sample_death_tolls_by_offset(nlp: Language, samples_dir: Path) -> None:
    figures = figures_of(nlp, raw_article(samples_dir / "000_2a4eebc2c487a5e8.txt", PUBLISHED))
    then, now = by_offset(figures, 2988, 3004), by_offset(figures, 3025, 3041)
    assert (then.value, then.approximation, then.counts) == (10_000, "more than", "death toll")
    assert (now.value, now.approximation, now.counts) == (93_000, "more than", "death toll")
    assert then.speaker is not None and "un" in then.speaker


def test_sample_casualties_by_offset(nlp: Language, samples_dir: Path) -> None:
    path = samples_dir / "004_3547bc4d967f8385.txt"
    figures = figures_of(nlp, raw_article(path, dt.date(2016, 3, 24)))
    assert by_offset(figures, 2420, 2422).unit == "dead"
    assert by_offset(figures, 2432, 2435).unit == "injured"
    assert len(figures) == 4  # the body is pasted twice; "the two men" is no claim
