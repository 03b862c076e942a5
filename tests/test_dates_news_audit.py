"""Date errors found auditing the timelines of real news clusters, on invented sentences.

Each test names a pattern that recurs in news (a surname "May", a paper called "... Today",
"the next day", "June 12 last year", "Monday through Friday", "Monday, August 3" from an
older caption), not one sentence of the audited set.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from builders import build_article
from storyline.analyze.date_resolve import Tense, resolve, resolve_stamped
from storyline.analyze.dates import find_dates
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.sentences import split_sentences
from storyline.analyze.temporal_rules import Kind, parse
from storyline.models import DateMention, Qualifier

MONDAY = dt.date(2019, 10, 7)
WEDNESDAY = dt.date(2021, 3, 10)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def mentions(nlp: Language, text: str, published: dt.date = MONDAY) -> list[DateMention]:
    article = build_article(text, published=published)
    doc = nlp(article.text)
    return list(find_dates(doc, article, split_sentences(doc, article), article.published))


def labels(nlp: Language, text: str, published: dt.date = MONDAY) -> dict[str, str]:
    """Each mention's text and its value's label ("none" when it names no day)."""
    return {m.text: m.value.label() if m.value else "none" for m in mentions(nlp, text, published)}


# --------------------------------------------------------------------------- rules, no model


def test_a_yearless_day_with_last_year_is_in_the_year_before_the_reference() -> None:
    assert resolve(parse("June 12 last year"), MONDAY, Tense.PRESENT).label() == "2018-06-12"
    assert resolve(parse("March 3 of last year"), MONDAY, Tense.PAST).label() == "2018-03-03"
    assert resolve(parse("May this year"), MONDAY, Tense.PAST).label() == "2019-05"
    assert resolve(parse("in February next year"), MONDAY, Tense.NONE).label() == "2020-02"


def test_a_yearless_day_given_with_its_weekday_takes_a_year_where_they_agree() -> None:
    # 3 August fell on a Monday in 2015 and 2020, not in 2018 or 2019
    value = resolve(parse("Monday, August 3"), MONDAY, Tense.PAST)
    assert value is not None and value.label() == "2015-08-03"
    # a weekday that agrees with the usual year changes nothing
    agreeing = resolve(parse("Tuesday, October 1"), MONDAY, Tense.PAST)
    assert agreeing is not None and agreeing.label() == "2019-10-01"


def test_comparison_words_before_ago_keep_the_expression_a_date() -> None:
    parsed = parse("more than five years ago")
    assert (parsed.kind, parsed.unit, parsed.amount) == (Kind.SHIFT, "year", -5)
    assert parse("less than two weeks ago").kind is Kind.SHIFT


# --------------------------------------------------------------------------- find_dates


def test_narrative_next_and_previous_units_name_no_day(nlp: Language) -> None:
    found = labels(
        nlp,
        "The storm hit the coast in 2015. The next day, rescuers reached the village. "
        "The pair divorced in 2009 and had separated the previous year.",
    )
    assert found["The next day"] == "none"
    assert all(value == "none" for text, value in found.items() if "previous" in text)
    assert "2019-10-08" not in found.values()  # no "next day" from publication
    assert "2018" not in found.values()


def test_a_month_of_that_year_is_not_this_year(nlp: Language) -> None:
    found = labels(nlp, "The audit found the leak began in late January of that year.")
    assert "2019-01-21/2019-01-31" not in found.values()


def test_last_year_after_a_day_moves_it_back_a_year(nlp: Language) -> None:
    found = labels(nlp, "A gunman opened fire inside a club in Tampa on June 12 last year.")
    assert "2018-06-12" in found.values()


def test_surname_may_and_a_paper_called_today_are_not_dates(nlp: Language) -> None:
    found = labels(
        nlp,
        'Prime Minister Theresa May said the talks had failed. "He kept to himself," '
        "a neighbour told Florida Today. Later she hosted This Morning alone.",
    )
    assert "2019-05" not in found.values()
    assert "2019-10-07" not in found.values()


def test_a_capitalised_today_that_starts_a_sentence_is_still_today(nlp: Language) -> None:
    found = labels(nlp, "Today the council voted to close the bridge.")
    assert found.get("Today") == "2019-10-07"


def test_may_followed_by_a_day_is_still_a_date(nlp: Language) -> None:
    found = labels(nlp, "The ship reached Lagos on May 3, 2019, after a storm.")
    assert "2019-05-03" in found.values()


def test_a_weekday_range_under_a_present_verb_is_a_schedule(nlp: Language) -> None:
    found = labels(nlp, "The clinic is open Monday through Friday for walk-in patients.")
    assert found.get("Monday") == "none" and found.get("Friday") == "none"
    past = labels(nlp, "The trial ran Monday through Friday last week.", WEDNESDAY)
    assert "2021-03-08" in past.values()


def test_a_holiday_naming_a_kind_of_party_is_not_a_date(nlp: Language) -> None:
    found = labels(nlp, "Gunmen stormed a Christmas office party in Leeds in December 2015.")
    assert list(found.values()) == ["2015-12"]


def test_copyright_years_are_not_dates(nlp: Language) -> None:
    found = labels(nlp, "Copyright 1998 Harbour Media Group. All rights reserved.")
    assert "1998" not in found.values()


def test_an_iso_date_is_read_whole_not_cut_to_its_year(nlp: Language) -> None:
    found = labels(nlp, "Updated: 2019-10-06 14:20 By staff reporters")
    assert "2019-10-06" in found.values()
    assert "2019" not in found.values()


def test_a_year_range_whose_end_spacy_missed_is_joined(nlp: Language) -> None:
    found = labels(
        nlp, "She worked as a croupier at the Grand Casino in Reno, Nev. from 2010 to 2013."
    )
    assert "2010-01-01/2013-12-31" in found.values()


def test_comparison_before_ago_sets_the_qualifier(nlp: Language) -> None:
    found = mentions(nlp, "More than five years ago, the group urged followers to act.")
    dated = [m for m in found if m.value is not None]
    assert dated and dated[0].value is not None
    assert (dated[0].value.label(), dated[0].value.qualifier) == ("2014", Qualifier.BEFORE)


def test_a_clock_am_read_as_a_verb_does_not_set_the_tense(nlp: Language) -> None:
    text = "The jet left Boston at 10:15 am on Tuesday and landed in Dublin at 9 pm."
    assert labels(nlp, text, dt.date(2021, 3, 7)).get("Tuesday") == "2021-03-02"


def test_a_scheduled_end_under_a_past_verb_is_the_coming_day(nlp: Language) -> None:
    text = "The raid came days before the scheduled end of the state of emergency on July 26."
    assert "2019-07-26" not in labels(nlp, text, dt.date(2020, 7, 15)).values()
    assert "2020-07-26" in labels(nlp, text, dt.date(2020, 7, 15)).values()


def test_a_purpose_infinitive_under_a_caption_present_is_not_future(nlp: Language) -> None:
    text = "Fans dive over a barrier to take cover from gunfire on Sunday night."
    assert labels(nlp, text).get("Sunday night") == "2019-10-06"


def test_a_weekday_and_a_day_split_by_spacy_are_one_date(nlp: Language) -> None:
    found = labels(
        nlp, "In a statement, the singer said Monday, August 3, that the tour was over.",
        dt.date(2018, 2, 6),
    )  # fmt: skip
    assert found.get("Monday, August 3") == "2015-08-03"
    assert "2018-02-05" not in found.values()


def test_an_undated_caption_day_with_a_disagreeing_weekday_is_not_placed_in_its_window() -> None:
    from storyline.analyze.placing import place
    from storyline.models import RelativeDate

    def relative(weekday: int | None) -> RelativeDate:
        return RelativeDate(
            kind="yearless", tense="past", qualifier=Qualifier.AT, confidence=0.85,
            month=8, day=3, index=weekday,
        )  # fmt: skip

    window = (dt.date(2018, 1, 20), dt.date(2018, 2, 6))
    assert place(relative(None), *window) is not None  # 2017-08-03 on every day
    assert place(relative(parse("Monday, August 3").index), *window) is None


def test_a_past_day_just_after_the_publication_stamp_is_not_a_year_back() -> None:
    stamped = dt.date(2019, 11, 14)  # a report stamped a day before its writer's local day
    assert resolve_stamped(parse("Nov. 15"), stamped, Tense.PAST).label() == "2019-11-15"
    assert resolve_stamped(parse("Nov. 16"), stamped, Tense.PAST).label() == "2018-11-16"
    november = resolve_stamped(parse("November"), dt.date(2019, 10, 31), Tense.PAST)
    assert november is not None and november.label() == "2018-11"
