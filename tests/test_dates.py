"""Temporal expressions: parsing, resolution against a reference day, and find_dates."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from builders import build_article
from storyline.analyze.date_resolve import Tense, resolve
from storyline.analyze.dates import find_dates
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.sentences import split_sentences
from storyline.analyze.temporal_rules import Kind, parse
from storyline.analyze.temporal_words import WEEKDAYS
from storyline.models import (
    DateMention,
    DateSource,
    Granularity,
    PublicationDate,
    Qualifier,
    TimeValue,
)

TUESDAY = dt.date(2013, 7, 2)
THURSDAY = dt.date(2016, 3, 24)
# Measured by bench/dates.py: 0.995 on the whole set, 0.975 on the blind part.
MIN_VALUE_ACCURACY = 0.95
MIN_BLIND_ACCURACY = 0.9

days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def dates_in(nlp: Language, text: str, published: dt.date | None = TUESDAY) -> list[DateMention]:
    article = build_article(text, published=published)
    doc = nlp(article.text)
    return list(find_dates(doc, article, split_sentences(doc, article), article.published))


def label_of(nlp: Language, text: str, expression: str, published: dt.date = TUESDAY) -> str:
    found = [m for m in dates_in(nlp, text, published) if expression in m.text]
    assert found, f"no mention of {expression!r} in {[m.text for m in dates_in(nlp, text)]}"
    value = found[0].value
    return value.label() if value else "none"


def label(text: str, ref: dt.date = TUESDAY, tense: Tense = Tense.NONE) -> str:
    value = resolve(parse(text), ref, tense)
    return value.label() if value else "none"


# --------------------------------------------------------------------------- rules, no model


def test_month_word_may_alone_is_still_a_month_when_spacy_calls_it_a_date() -> None:
    assert label("May", tense=Tense.PAST) == "2013-05"


def test_tense_picks_the_previous_or_next_weekday() -> None:
    assert label("Thursday", tense=Tense.PAST) == "2013-06-27"
    assert label("Thursday", tense=Tense.FUTURE) == "2013-07-04"
    assert label("Tuesday", tense=Tense.PAST) == "2013-07-02"  # the article day itself
    assert label("Tuesday", tense=Tense.FUTURE) == "2013-07-02"


def test_last_and_next_weekday_never_mean_the_reference_day() -> None:
    assert label("last Tuesday") == "2013-06-25"
    assert label("next Tuesday") == "2013-07-09"


def test_yearless_month_crosses_the_year_boundary_by_tense() -> None:
    january = dt.date(2014, 1, 10)
    assert label("December", january, Tense.PAST) == "2013-12"
    assert label("February", january, Tense.FUTURE) == "2014-02"
    assert label("March 1", january, Tense.PRESENT) == "2014-03-01"


def test_deictic_expressions_resolve_against_the_reference_day() -> None:
    assert label("last month") == "2013-06"
    assert label("this week's") == "2013-W27"
    assert label("early next week") == "2013-W28"
    assert label("two weeks ago") == "2013-W25"
    assert label("next year") == "2014"
    assert label("in recent months") == "2013-01-02/2013-07-02"


def test_absolute_forms_need_no_reference() -> None:
    for text, expected in [
        ("June 2012", "2012-06"),
        ("the 1990s", "1990s"),
        ("Q3 2012", "2012-Q3"),
        ("mid-2014", "2014-05-01/2014-08-31"),
        ("March 24-26, 2016", "2016-03-24/2016-03-26"),
        ("24 March 2016", "2016-03-24"),
        ("Sept. 11, 2001", "2001-09-11"),
    ]:
        value = resolve(parse(text), None, Tense.NONE)
        assert value is not None and value.label() == expected, text


def test_offset_from_a_dated_anchor_keeps_the_anchor_grain() -> None:
    parsed = parse("a year after the June 2012")
    assert parsed.kind is Kind.OFFSET and parsed.anchor_text == "june 2012"
    assert label("a year after the June 2012") == "2013-06"


def test_durations_and_narrative_times_have_no_value() -> None:
    for text in ("two-year-old", "two-day", "months", "the next day", "a long time"):
        assert label(text) == "none", text


def test_impossible_day_ranges_are_not_resolved() -> None:
    assert label("March 26-24") == "none"


def test_relative_expressions_without_reference_stay_unresolved() -> None:
    assert resolve(parse("last month"), None, Tense.PAST) is None


@given(days, st.sampled_from(sorted(WEEKDAYS)), st.sampled_from(list(Tense)))
def test_a_bare_weekday_is_that_weekday_within_a_week(
    ref: dt.date, weekday: str, tense: Tense
) -> None:
    value = resolve(parse(weekday), ref, tense)
    assert value is not None
    assert value.earliest.weekday() == WEEKDAYS[weekday]
    assert abs((value.earliest - ref).days) <= 6


@given(days, st.sampled_from(["last month", "this month", "next month", "last year", "May 5"]))
def test_resolved_values_are_ordered_intervals(ref: dt.date, text: str) -> None:
    for tense in Tense:
        value = resolve(parse(text), ref, tense)
        assert value is not None and value.earliest <= value.latest


@given(days)
def test_last_month_is_the_calendar_month_before(ref: dt.date) -> None:
    value = resolve(parse("last month"), ref, Tense.PAST)
    assert value is not None and value.granularity is Granularity.MONTH
    assert value.latest + dt.timedelta(days=1) == ref.replace(day=1)


# --------------------------------------------------------------------------- find_dates


def test_pronouns_and_modal_verbs_are_not_dates(nlp: Language) -> None:
    text = "We may see a deal, we said, and we sat down with them."
    assert dates_in(nlp, text) == []


def test_clock_times_are_not_dates_but_day_times_are(nlp: Language) -> None:
    mentions = dates_in(nlp, "The vote closed at 10 a.m. and results came last night.")
    assert [m.text for m in mentions] == ["last night"]
    assert mentions[0].value is not None and mentions[0].value.label() == "2013-07-01"


def test_met_on_thursday_is_past_and_will_travel_on_thursday_is_next(nlp: Language) -> None:
    text = "Kerry met Lavrov on Thursday. He will travel to Paris on Friday."
    assert label_of(nlp, text, "Thursday") == "2013-06-27"
    assert label_of(nlp, text, "Friday") == "2013-07-05"


def test_article_day_is_its_own_weekday(nlp: Language) -> None:
    text = "Kerry was in Moscow on Thursday to meet the president."
    assert label_of(nlp, text, "Thursday", THURSDAY) == "2016-03-24"


def test_possessive_week_is_taken_whole(nlp: Language) -> None:
    mention = next(m for m in dates_in(nlp, "This week's attacks killed 31.") if "week" in m.text)
    assert mention.text == "This week's"
    assert mention.value is not None and mention.value.label() == "2013-W27"


def test_anchor_inside_an_offset_is_a_mention_of_its_own(nlp: Language) -> None:
    text = "The agreement came a year after the June 2012 Geneva conference."
    mentions = {m.text: m for m in dates_in(nlp, text)}
    assert mentions["June 2012"].value == TimeValue(
        dt.date(2012, 6, 1), dt.date(2012, 6, 30), Granularity.MONTH
    )
    offset = next(m for m in mentions.values() if m.text.startswith("a year after"))
    assert offset.anchor == "mention:june 2012"
    assert offset.value is not None and offset.value.qualifier is Qualifier.ABOUT


def test_preposition_sets_the_qualifier(nlp: Language) -> None:
    text = "Talks may not occur until after August, and the truce has held since March 2013."
    mentions = {m.text: m for m in dates_in(nlp, text)}
    assert mentions["August"].value is not None
    assert mentions["August"].value.qualifier is Qualifier.AFTER
    assert mentions["March 2013"].value is not None
    assert mentions["March 2013"].value.qualifier is Qualifier.SINCE


def test_spacy_split_ranges_are_joined(nlp: Language) -> None:
    assert label_of(nlp, "The army fought the rebels from 2010 to 2012.", "2010") == (
        "2010-01-01/2012-12-31"
    )


def test_unknown_publication_leaves_relative_dates_unresolved(nlp: Language) -> None:
    mentions = {m.text: m for m in dates_in(nlp, "Last month the June 2012 deal broke.", None)}
    last_month = mentions["Last month"]
    assert last_month.value is None and last_month.anchor == "unresolved"
    assert last_month.confidence == 0.0
    assert any(m.value is not None and m.anchor == "absolute" for m in mentions.values())


def test_unresolved_relative_dates_keep_their_parse_for_a_later_window(nlp: Language) -> None:
    mentions = {m.text: m for m in dates_in(nlp, "Talks broke down on June 16, aides said.", None)}
    june = mentions["June 16"]
    assert june.value is None
    assert june.relative is not None
    assert (june.relative.kind, june.relative.month, june.relative.day) == ("yearless", 6, 16)
    assert june.relative.tense == "past"
    assert june.relative.confidence > 0


def test_a_day_of_last_year_keeps_its_shift_for_a_later_window(nlp: Language) -> None:
    text = "The company filed for bankruptcy on June 12 last year, its lawyers said."
    (mention,) = [m for m in dates_in(nlp, text, None) if m.text.startswith("June 12")]
    assert mention.value is None
    assert mention.relative is not None and mention.relative.year_shift == -1


def test_a_wide_inferred_range_places_a_date_only_when_every_day_agrees(nlp: Language) -> None:
    article = build_article("The envoy said talks broke down on June 16 and resume last month.")
    doc = nlp(article.text)
    five_months = PublicationDate(
        DateSource.INFERRED, None, dt.date(2013, 6, 20), dt.date(2013, 11, 14), "text"
    )
    mentions = {
        m.text: m for m in find_dates(doc, article, split_sentences(doc, article), five_months)
    }
    june = mentions["June 16"]
    assert june.value is not None and june.value.label() == "2013-06-16"
    assert june.anchor == "publication-range:placed"
    assert mentions["last month"].value is None  # any of five months: not picked


def test_inferred_range_is_a_weaker_reference(nlp: Language) -> None:
    article = build_article("Prices rose last month, traders said.")
    doc = nlp(article.text)
    exact = PublicationDate(DateSource.METADATA, None, TUESDAY, TUESDAY, "test")
    ranged = PublicationDate(
        DateSource.INFERRED, None, dt.date(2013, 6, 20), dt.date(2013, 7, 14), "text"
    )
    sentences = split_sentences(doc, article)
    (sure,) = find_dates(doc, article, sentences, exact)
    (unsure,) = find_dates(doc, article, sentences, ranged)
    assert sure.value == unsure.value
    assert unsure.confidence < sure.confidence
    assert unsure.anchor == "publication-range"


def test_mentions_point_at_their_text(nlp: Language) -> None:
    text = "On Wednesday, officials said the vote of May 5 would stand until next year."
    article = build_article(text, published=TUESDAY)
    for mention in dates_in(nlp, text):
        assert article.text[mention.start : mention.end] == mention.text


# --------------------------------------------------------------------------- labelled set


def _bench() -> object:
    path = Path(__file__).parent.parent / "bench" / "dates.py"
    spec = importlib.util.spec_from_file_location("bench_dates", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def test_labelled_set_value_accuracy(samples_dir: Path) -> None:
    bench = _bench()
    outcomes = bench.evaluate(samples_dir, with_baseline=False)  # type: ignore[attr-defined]
    assert len(outcomes) >= 150
    blind = [o for o in outcomes if o.kind.endswith("*")]
    assert bench.accuracy(outcomes) >= MIN_VALUE_ACCURACY  # type: ignore[attr-defined]
    assert bench.accuracy(blind) >= MIN_BLIND_ACCURACY  # type: ignore[attr-defined]


def test_a_shift_past_the_calendar_resolves_to_nothing_instead_of_failing() -> None:
    # A sermon quoted in a 2016 report: "exactly 2016 years ago" would be year 0.
    assert label("2016 years ago", ref=dt.date(2016, 1, 8)) == "none"
    assert label("9000 years from now", ref=dt.date(2016, 1, 8)) == "none"
    assert label("15 years ago", ref=dt.date(2016, 1, 8)) == "2001"
