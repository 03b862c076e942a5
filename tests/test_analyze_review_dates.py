"""Regressions from the review of date mentions: parts of the day, ages and other bare
numbers, and habitual weekdays.  All texts are invented."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from builders import build_article
from storyline.analyze.dates import find_dates
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.sentences import split_sentences
from storyline.analyze.temporal_rules import Kind, parse
from storyline.models import DateMention

FRIDAY = dt.date(2024, 3, 8)
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "the morning", "the night"}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def dates_in(nlp: Language, text: str, published: dt.date = FRIDAY) -> tuple[DateMention, ...]:
    article = build_article(text, published=published)
    doc = nlp(article.text)
    return find_dates(doc, article, split_sentences(doc, article), article.published)


def labels(mentions: tuple[DateMention, ...]) -> dict[str, str | None]:
    return {m.text: m.value.label() if m.value else None for m in mentions}


# --------------------------------------------------------------------------- parts of day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PORTVILLE: Nine people were hurt on Thursday evening when police cleared a "
            "picket line outside the depot.",
            {"Thursday evening": "2024-03-07"},
        ),
        (
            "The ferry operator said 14 crossings were cancelled by Tuesday afternoon. Crews "
            "battled the blaze until late on Wednesday night, the fire service said.",
            {"Tuesday afternoon": "2024-03-05", "Wednesday night": "2024-03-06"},
        ),
    ],
)
def test_a_part_of_day_after_a_weekday_is_one_mention_on_that_day(
    nlp: Language, text: str, expected: dict[str, str]
) -> None:
    found = dates_in(nlp, text)
    assert labels(found) == expected
    assert not {m.text.lower() for m in found} & PARTS_OF_DAY


@pytest.mark.parametrize(
    "text",
    [
        "Almost all of the 1,900 nurses on the morning and day shifts stayed at home.",
        "About 600 people spent the night in a school gym after the river burst its banks.",
        "Volunteers worked through the night to fill sandbags along the embankment. Her "
        "father had worked on the night shift at the smelter for thirty years.",
        "Forecasters said winds would strengthen in the afternoon and ease by evening.",
    ],
)
def test_a_bare_part_of_day_is_never_a_date(nlp: Language, text: str) -> None:
    found = dates_in(nlp, text)
    assert not [m for m in found if m.text.lower().split()[-1] in PARTS_OF_DAY]


def test_relative_parts_of_day_name_the_publication_day_or_its_neighbours(
    nlp: Language,
) -> None:
    text = (
        "Officials met again this morning to review the plan. Two men were arrested last "
        "night near the stadium.\n\nResidents will gather at the town hall tonight, and the "
        "strike committee will meet tomorrow evening. She landed in Lisbon yesterday afternoon."
    )
    assert labels(dates_in(nlp, text)) == {
        "this morning": "2024-03-08",
        "last night": "2024-03-07",
        "tonight": "2024-03-08",
        "tomorrow evening": "2024-03-09",
        "yesterday afternoon": "2024-03-07",
    }


def test_tonight_parses_as_the_reference_day() -> None:
    parsed = parse("tonight")
    assert (parsed.kind, parsed.unit, parsed.amount) == (Kind.SHIFT, "day", 0)


@pytest.mark.parametrize("text", ["evening", "night", "afternoon"])
def test_a_part_of_day_alone_parses_as_no_day(text: str) -> None:
    assert parse(text).kind is Kind.VAGUE


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "text",
    [
        "Amelia Rocha, 67, said she had lost everything in the flood.",
        "The driver, 45, was taken to hospital with minor injuries, police said.",
        "Jonas Berg, 31, and his brother, 28, were charged on Tuesday. The last strike at "
        "the port, in 2019, lasted five days.",
    ],
)
def test_an_age_is_not_a_date_but_a_year_in_context_is(nlp: Language, text: str) -> None:
    found = dates_in(nlp, text)
    assert not [m for m in found if m.text.strip().isdigit() and len(m.text.strip()) < 4]
    if "2019" in text:
        assert labels(found).get("2019") == "2019"


# --------------------------------------------------------------------------- habitual


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ('"Monday is usually our busiest morning," said the cafe owner.', "Monday"),
        ("The fish market opens every Friday at dawn.", "every Friday"),
        ("Traders say Tuesday is normally the quietest day of the week.", "Tuesday"),
    ],
)
def test_a_habitual_weekday_resolves_to_no_single_day(
    nlp: Language, text: str, expression: str
) -> None:
    found = [m for m in dates_in(nlp, text) if m.text in expression or expression in m.text]
    assert found
    assert all(m.value is None for m in found)


def test_a_weekday_with_a_modifier_is_still_one_day_beside_a_habitual_one(
    nlp: Language,
) -> None:
    text = "Wednesday is always slow at the market, but last Wednesday it was packed."
    assert labels(dates_in(nlp, text)) == {"Wednesday": None, "last Wednesday": "2024-03-06"}


@pytest.mark.parametrize(
    "text", ["every Friday", "each Monday", "Mondays", "on Sundays", "Sunday mornings"]
)
def test_recurring_times_parse_as_a_set(text: str) -> None:
    assert parse(text).kind is Kind.SET


# --------------------------------------------------------------------------- last May


def test_a_month_after_last_or_next_is_the_nearest_one_wholly_before_or_after(
    nlp: Language,
) -> None:
    text = (
        "The plant has been idle since last October, when the owners filed for protection. "
        "Creditors met last May and will meet again next March."
    )
    found = labels(dates_in(nlp, text, published=dt.date(2023, 10, 18)))
    assert found == {"last October": "2022-10", "last May": "2023-05", "next March": "2024-03"}


@pytest.mark.parametrize(("text", "amount"), [("last may", -1), ("next march", 1)])
def test_last_and_next_before_a_month_parse_as_a_yearless_month(text: str, amount: int) -> None:
    parsed = parse(text)
    assert (parsed.kind, parsed.amount) == (Kind.YEARLESS, amount)
