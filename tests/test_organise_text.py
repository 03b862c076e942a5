"""The organise stage's text helpers: sentence split, words, names, publication time."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import build_article
from storyline.models import ArticleAnalysis, DateSource, Granularity, PublicationDate, TimeValue
from storyline.organise.features import numbers
from storyline.organise.text import name_keys, publication_time, sentences, trimmed, words


def _split(text: str) -> list[str]:
    article = build_article(text)
    return [article.text[s.start : s.end] for s in sentences(article, None)]


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Secretary of State met Mr. Lavrov in Brunei on Monday to discuss Syria.",
        "Gen. Ortiz and Sen. Malley flew to the U.N. General Assembly with Dr. Okafor.",
        "The ruling by Judge J. Harlow Quinn was read out on Jan. 5 at No. 10 Downing Street.",
        "Mrs. Adeyemi, Ms. Brandt and Gov. Reyes visited St. Petersburg and Mt. Kenya.",
    ],
)
def test_titles_initials_and_dotted_acronyms_do_not_end_a_sentence(text: str) -> None:
    assert _split(text) == [text]


def test_real_sentence_ends_still_split_next_to_abbreviations() -> None:
    text = (
        "Mr. Haddad arrived late. The talks began at noon! Did the U.N. envoy attend? "
        "He said no. Officials met again in 2019. “We are close,” said Dr. Lind."
    )
    assert _split(text) == [
        "Mr. Haddad arrived late.",
        "The talks began at noon!",
        "Did the U.N. envoy attend?",
        "He said no.",
        "Officials met again in 2019.",
        "“We are close,” said Dr. Lind.",
    ]


def test_a_sentence_after_a_closing_quote_or_bracket_is_split_as_before() -> None:
    text = "Troops withdrew (as agreed.) Prices rose. “It is over.” The port reopened."
    assert _split(text) == [
        "Troops withdrew (as agreed.)",
        "Prices rose.",
        "“It is over.”",
        "The port reopened.",
    ]


# --------------------------------------------------------------------------- words


def test_digits_and_latin_letters_next_to_cjk_stay_words_of_their_own() -> None:
    assert words("北京2013年7月APEC峰会") == ["北京", "2013", "年", "7", "月", "apec", "峰会"]
    assert numbers("2013年7月1日") == ["2013"]  # the year is still seen, no fake "20", "01"


def test_cjk_runs_without_other_characters_are_bigrams_as_before() -> None:
    assert words("首脑会议 开幕") == ["首脑", "脑会", "会议", "开幕"]
    assert words("Kerry met 拉夫罗夫") == ["kerry", "met", "拉夫", "夫罗", "罗夫"]


def test_extension_b_compatibility_ideographs_and_hangul_jamo_are_cjk() -> None:
    assert words("𠀀𠀁𠀂") == ["𠀀𠀁", "𠀁𠀂"]  # CJK Extension B
    assert words("丽館x") == ["丽館", "x"]  # compatibility ideographs
    assert words("한") == ["하", "ᅡᆫ"]  # Hangul Jamo


def test_text_without_cjk_is_plain_lower_case_words() -> None:
    assert words("Talks in Brunei, 2013: U.S.-Russia") == [
        "talks",
        "in",
        "brunei",
        "2013",
        "u",
        "s",
        "russia",
    ]


_MIXED = st.text(alphabet=st.sampled_from("北京年月한국𠀀丽ᄒ2013ab Z-."), max_size=30)


@given(_MIXED)
def test_no_word_mixes_cjk_with_other_characters(text: str) -> None:
    for word in words(text):
        cjk = [("\u1100" <= c <= "\u11ff") or c >= "\u3040" for c in word]
        assert all(cjk) or not any(cjk), word
        assert len(word) <= 2 or not any(cjk)  # CJK runs are at most bigrams


# --------------------------------------------------------------------------- names


def test_a_capital_of_any_script_starts_a_name() -> None:
    text = "Édouard Philippe met Ökonom Ångström and Владимир Путин in Zürich."
    assert name_keys(text) == [
        "name:édouard",
        "name:philippe",
        "name:ökonom",
        "name:ångström",
        "name:владимир",
        "name:путин",
        "name:zürich",
    ]


def test_cyrillic_lower_case_words_and_stop_words_are_not_names() -> None:
    text = "встреча прошла в Москве. The officials left. Officials said so."
    assert name_keys(text) == ["name:москве", "name:officials"]


def test_english_names_keep_their_particles_out_and_possessives_stripped() -> None:
    text = "Mr. Kerry's talks with Bashar al-Assad, Ursula von der Leyen and the U.S. in May."
    assert name_keys(text) == [
        "name:kerry",
        "name:bashar",
        "name:assad",
        "name:ursula",
        "name:leyen",
        "name:u.s",
    ]


def test_a_capital_inside_a_hyphenated_or_elided_word_starts_a_name() -> None:
    assert name_keys("the ex-President met d'Estaing and al-Qaeda's envoy") == [
        "name:president",
        "name:estaing",
        "name:qaeda",
    ]
    assert name_keys("an iPhone, 3D printing and a US-made jet") == ["name:us-made"]


# --------------------------------------------------------------------------- publication time

_RANGE = PublicationDate(DateSource.INFERRED, None, dt.date(2013, 7, 1), dt.date(2013, 7, 10))


def _analysis(published: PublicationDate) -> ArticleAnalysis:
    return ArticleAnalysis("a", "test.v1", "en", False, published=published)


def test_a_metadata_day_is_a_day_value() -> None:
    article = build_article("Text.", published=dt.date(2013, 7, 2), article_id="a")
    day = dt.date(2013, 7, 2)
    assert publication_time(article, _analysis(_RANGE)) == TimeValue(day, day, Granularity.DAY)


def test_a_narrow_inferred_range_stays_a_range() -> None:
    article = build_article("Text.", article_id="a")
    assert publication_time(article, _analysis(_RANGE)) == TimeValue(
        dt.date(2013, 7, 1), dt.date(2013, 7, 10), Granularity.RANGE
    )


@pytest.mark.parametrize(
    "published",
    [
        PublicationDate(DateSource.INFERRED, None, dt.date(2013, 7, 1), dt.date(2013, 9, 1)),
        PublicationDate(DateSource.INFERRED, None, dt.date(2013, 7, 1), None),
        PublicationDate(DateSource.UNKNOWN, None, dt.date(2013, 7, 1), dt.date(2013, 7, 1)),
        PublicationDate(),
    ],
    ids=["wide-range", "open-range", "unknown-source", "nothing"],
)
def test_wide_open_or_unknown_dates_give_no_publication_time(published: PublicationDate) -> None:
    article = dataclasses.replace(build_article("Text.", article_id="a"), published=published)
    assert publication_time(article, _analysis(published)) is None


def test_trimmed_drops_the_white_space_around_a_span_and_keeps_an_empty_one_empty() -> None:
    text = "Intro.  \n The port reopened. \nEnd"
    start, end = trimmed(text, 6, 29)
    assert text[start:end] == "The port reopened."
    assert trimmed(text, 6, 9) == (9, 9)  # white space only
    assert trimmed(text, 0, 6) == (0, 6)
