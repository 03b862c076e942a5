"""Regressions from the second review of figures: what a number counts after a copula,
vague quantities as lower bounds with their vague words, fractions of a scale, headings and
dates that are not claims, and speakers only for figures someone is reported to state.
All texts are invented."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from spacy.language import Language

from builders import build_article
from storyline.analyze import analyze_article
from storyline.analyze.figure_values import vague_quantity
from storyline.analyze.nlp import load_pipeline
from storyline.models import Figure

PUBLISHED = dt.date(2025, 5, 14)


@cache
def nlp() -> Language:
    return load_pipeline("en")


def figures(text: str, headings: tuple[str, ...] = ()) -> list[Figure]:
    article = build_article(text, published=PUBLISHED, headings=headings)
    return list(analyze_article(article, nlp()).figures)


def by_text(found: list[Figure], text: str) -> Figure:
    matching = [f for f in found if f.text == text]
    assert matching, f"no figure {text!r} in {[f.text for f in found]}"
    return matching[0]


# --------------------------------------------------------------------------- what is counted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fourteen people were hurt at the depot. The hospital said nine of the injured "
            "were pickets and five were guards.",
            {"nine": "pickets", "five": "guards"},
        ),
        (
            "Six people were arrested. Police said four were students and two were journalists.",
            {"four": "students", "two": "journalists"},
        ),
    ],
)
def test_a_number_followed_by_were_counts_its_own_noun(text: str, expected: dict[str, str]) -> None:
    found = figures(text)
    assert {words: by_text(found, words).counts for words in expected} == expected


def test_a_distance_counts_nothing_it_is_near() -> None:
    found = figures("The flood came within a few hundred metres of the school on Tuesday.")
    distance = by_text(found, "a few hundred metres")
    assert (distance.unit, distance.counts) == ("metres", None)


# --------------------------------------------------------------------------- vague quantities


@pytest.mark.parametrize(
    ("text", "words", "value", "approximation"),
    [
        (
            "Several hundred farmers blocked the ring road with tractors on Monday.",
            "Several hundred",
            300,
            "several",
        ),
        ("A few dozen riot police watched from the bridge.", "A few dozen", 24, "a few"),
        (
            "Residents said a few hundred metres of the embankment had collapsed.",
            "a few hundred metres",
            200,
            "a few",
        ),
    ],
)
def test_vague_quantities_are_lower_bounds_with_their_vague_words(
    text: str, words: str, value: float, approximation: str
) -> None:
    figure = by_text(figures(text), words)
    assert (figure.value, figure.approximation) == (value, approximation)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("dozens", (24, "dozens of")),
        ("hundreds", (200, "hundreds of")),
        ("tens of thousands", (20_000, "tens of thousands of")),
        ("several thousand", (3_000, "several")),
        ("1,200", None),
        ("a dozen", None),
    ],
)
def test_vague_quantity_reads_vague_words_only(
    words: str, expected: tuple[float, str] | None
) -> None:
    assert vague_quantity(words) == expected


def test_half_a_million_euros_is_a_figure_in_euros() -> None:
    found = figures("Half a million euros in fish was lost when the cold store failed.")
    figure = next(f for f in found if f.text.lower().startswith("half a million"))
    assert (figure.value, figure.unit) == (500_000, "EUR")


# --------------------------------------------------------------------------- not claims


def test_a_heading_or_section_label_is_not_a_claim() -> None:
    text = (
        "Round two\n\nNegotiators met for nine hours on Tuesday.\n\nDay five\n\n"
        "About 3,000 workers stayed away from the plant."
    )
    found = figures(text, headings=("Round two",))
    assert [f.text for f in found] == ["About 3,000"]


@pytest.mark.parametrize(
    "text",
    [
        "The board met on Tuesday, 12 May 2025, and approved the budget.",
        "BERLIN, 12 May 2025 (Wire) — The board approved the budget.",
    ],
)
def test_the_day_of_a_date_is_not_a_figure(text: str) -> None:
    assert [f.text for f in figures(text)] == []


# --------------------------------------------------------------------------- speakers


def test_a_figure_near_a_speaker_but_outside_his_words_has_no_speaker() -> None:
    text = (
        '"We will not move," Luis Ferreira said, drawing cheers from several hundred '
        "pickets outside the gate."
    )
    assert by_text(figures(text), "several hundred").speaker is None


def test_a_figure_in_a_relative_clause_about_the_speaker_has_no_speaker() -> None:
    text = (
        "Finance Minister Clara Holm, who has backed a €300 million plan to modernise the "
        'yard, said on Sunday that the offer was "generous and final".'
    )
    assert by_text(figures(text), "€300 million").speaker is None


def test_a_figure_inside_a_quote_takes_the_quote_speaker() -> None:
    text = '"Today I sold eleven newspapers," said kiosk owner Marta Quintal.'
    assert by_text(figures(text), "eleven").speaker == "person:marta quintal"
