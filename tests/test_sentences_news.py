"""Sentence repairs for patterns an audit of real wire and web news found the parser missing.

Every text here is invented; each test fails without its repair in
storyline.analyze.sentences (the splitter is fed the parser's wrong candidate start).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import build_article
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.sentences import split_sentences, split_text


def pieces(text: str, *starts: str) -> list[str]:
    """The sentences of ``text`` when the parser proposed a start at each of ``starts``."""
    return [text[s:e] for s, e in split_text(text, [text.index(start) for start in starts])]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def split(nlp: Language, text: str) -> list[str]:
    article = build_article(text)
    return [article.text[s.start : s.end] for s in split_sentences(nlp(article.text), article)]


# --------------------------------------------------------------------------- photo credits


def test_an_agency_credit_after_a_truncated_caption_stays_with_the_caption() -> None:
    text = "Rescuers search the rubble in Bayamo, Cuba, on Monday... (Associated Press)"
    assert pieces(text, "(Associated") == [text]


def test_an_agency_credit_after_a_caption_without_final_stop_stays_with_it() -> None:
    text = "Voters queue outside a school in Tarnow (Reuters)"
    assert pieces(text, "(Reuters") == [text]


def test_a_photo_credit_after_a_full_sentence_stays_a_sentence_of_its_own() -> None:
    text = "Voters queued outside a school in Tarnow. (Photo: Anna Kral, Reuters)"
    assert pieces(text, "(Photo") == [
        "Voters queued outside a school in Tarnow.",
        "(Photo: Anna Kral, Reuters)",
    ]


def test_an_agency_credit_is_not_split_off_by_the_missed_boundary_rule() -> None:
    text = "Firefighters battle the blaze near Oakmont... (AFP) Officials ordered evacuations."
    assert pieces(text) == [
        "Firefighters battle the blaze near Oakmont... (AFP)",
        "Officials ordered evacuations.",
    ]


# --------------------------------------------------------------------------- datelines


def test_a_dateline_with_a_state_abbreviation_and_agency_stays_with_its_sentence() -> None:
    text = "TUCSON, Ariz. (AP) -- A dust storm closed the interstate on Friday."
    assert pieces(text, "(AP)") == [text]


def test_a_dateline_with_a_state_abbreviation_and_a_dash_stays_with_its_sentence() -> None:
    text = "SACRAMENTO, Calif. _ State lawmakers passed the budget late Thursday."
    assert pieces(text, "_ State") == [text]


def test_an_agency_parenthesis_opening_a_piece_before_a_dash_continues_it() -> None:
    text = "Officials met in SEATTLE (Reuters) - The port reopened after a strike."
    assert pieces(text, "(Reuters)") == [text]


# --------------------------------------------------------------------------- clock times


def test_a_time_zone_after_pm_continues_the_sentence() -> None:
    text = "The deadline expires at 5 p.m. Eastern time on Friday."
    assert pieces(text, "Eastern") == [text]


def test_a_named_local_time_after_am_continues_the_sentence() -> None:
    text = "The missile was fired at 7 a.m. South Korean time from the coast."
    assert pieces(text, "South") == [text]


def test_an_abbreviated_month_after_am_continues_the_sentence() -> None:
    text = "The final out came at 12:51 a.m. Oct. 28, 2019."
    assert pieces(text, "Oct.") == [text]


def test_a_new_sentence_after_pm_is_still_split() -> None:
    text = "The polls closed at 8 p.m. Turnout was low across the district."
    assert pieces(text, "Turnout") == [
        "The polls closed at 8 p.m.",
        "Turnout was low across the district.",
    ]


# --------------------------------------------------------------------------- stray pieces


def test_a_piece_opening_with_a_comma_continues_the_one_before() -> None:
    text = "MADRID, Jan 4 (Reuters) - Prices fell."
    assert pieces(text, ", Jan") == [text]


def test_a_piece_opening_with_a_colon_continues_the_one_before() -> None:
    text = "@maria_k: my phone lost half its charge overnight."
    assert pieces(text, ": my") == [text]


def test_a_bare_list_number_joins_the_item_it_numbers() -> None:
    text = "Two things changed. 2. The board now meets monthly."
    assert pieces(text, "2.", "The board") == [
        "Two things changed.",
        "2. The board now meets monthly.",
    ]


def test_a_first_name_split_from_its_surname_before_a_comma_is_rejoined() -> None:
    text = "Stars with their own labels include Keira Holloway, Dana Pruitt and others."
    assert pieces(text, "Holloway") == [text]


def test_a_lone_first_name_split_from_its_surname_in_a_heading_is_rejoined() -> None:
    text = "Keira Holloway, Holloway Home"
    assert pieces(text, "Holloway,") == [text]


def test_a_headline_glued_to_a_sentence_opening_with_the_stays_split() -> None:
    text = "Senate Passes Farm Bill The measure now goes to the House."
    assert pieces(text, "The measure") == [
        "Senate Passes Farm Bill",
        "The measure now goes to the House.",
    ]


# --------------------------------------------------------------------------- with the model


def test_captions_with_agency_credits_split_only_between_captions(nlp: Language) -> None:
    text = (
        "A man walks past a flooded shop in Cork, Ireland, Tuesday, Nov. 3, 2020. "
        "Heavy rain caused flooding across... (Associated Press)"
    )
    assert split(nlp, text) == [
        "A man walks past a flooded shop in Cork, Ireland, Tuesday, Nov. 3, 2020.",
        "Heavy rain caused flooding across... (Associated Press)",
    ]


def test_a_wire_dateline_with_a_state_stays_whole(nlp: Language) -> None:
    text = "BOISE, Idaho (AP) -- Crews contained the fire. Nobody was hurt."
    assert split(nlp, text) == [
        "BOISE, Idaho (AP) -- Crews contained the fire.",
        "Nobody was hurt.",
    ]


# --------------------------------------------------------------------------- wire quotes


def test_an_opening_wire_quote_set_apart_after_a_full_stop_moves_to_its_sentence() -> None:
    text = "He wants peace with his neighbours. '' We can settle this quickly,'' he said."
    assert pieces(text, "We can") == [
        "He wants peace with his neighbours.",
        "'' We can settle this quickly,'' he said.",
    ]


def test_an_opening_wire_quote_set_apart_is_not_given_back_as_a_closing_one() -> None:
    text = "The talks failed. '' Nobody wanted a deal,'' an aide said."
    assert pieces(text, "'' Nobody") == [
        "The talks failed.",
        "'' Nobody wanted a deal,'' an aide said.",
    ]


def test_a_missed_boundary_before_a_set_apart_wire_quote_is_found() -> None:
    text = "The talks failed. '' Nobody wanted a deal,'' an aide said."
    assert pieces(text) == ["The talks failed.", "'' Nobody wanted a deal,'' an aide said."]


def test_an_exclamation_inside_nested_quotes_before_the_speaker_is_one_sentence() -> None:
    text = "``She told us, `Stop right there!''' Aldana said. The hearing resumed."
    assert pieces(text, "Aldana", "The hearing") == [
        "``She told us, `Stop right there!''' Aldana said.",
        "The hearing resumed.",
    ]


def test_a_utc_time_in_parentheses_after_pm_continues_the_sentence() -> None:
    text = "The storm was 300 km away at 10 p.m. (1400 GMT), forecasters said."
    assert pieces(text, "(1400") == [text]


# --------------------------------------------------------------------------- second audit


def test_a_month_abbreviation_ending_a_date_range_keeps_its_day() -> None:
    text = "The festival runs Aug. 28-Sept. 4 in the old harbour."
    assert pieces(text, "4 in") == [text]


def test_a_contraction_after_etc_opens_a_new_sentence() -> None:
    text = "The panel lists his birthplace, schools, etc. You'll also see related topics."
    assert pieces(text) == [
        "The panel lists his birthplace, schools, etc.",
        "You'll also see related topics.",
    ]


def test_a_cnn_style_credit_opening_the_story_stays_with_its_sentence() -> None:
    text = "(CNN) Rescuers pulled six people from the collapsed building on Friday."
    assert pieces(text, "Rescuers") == [text]


def test_a_place_and_credit_opening_the_story_stays_with_its_sentence() -> None:
    text = "Tirana, Albania (CNN) Thousands marched through the capital."
    assert pieces(text, "Thousands") == [text]


def test_a_leading_initial_before_a_first_name_and_surname_stays_in_the_sentence() -> None:
    text = "The memo went to the counsel (as did H. Rowan Pell, who ran the unit)."
    assert pieces(text, "Rowan") == [text]


def test_a_single_letter_ending_a_sentence_still_splits() -> None:
    text = "The team chose option B. Officials said it was cheaper."
    assert pieces(text, "Officials") == [
        "The team chose option B.",
        "Officials said it was cheaper.",
    ]


# --------------------------------------------------------------------------- third audit


def test_an_initial_inside_a_photo_credit_stays_with_the_name() -> None:
    text = "(AP Photo/R. Dana Okafor)"
    assert pieces(text, "Dana") == [text]


def test_a_surname_followed_by_a_lowercase_verb_rejoins_its_first_name() -> None:
    text = "Witnesses said the driver Tomasz Wielgorski accelerated into the square."
    assert pieces(text, "Wielgorski") == [text]


def test_a_surname_followed_by_a_parenthesis_rejoins_a_lone_first_name() -> None:
    text = "Maren Lindqvist (left) and her sister were last seen on Friday."
    assert pieces(text, "Lindqvist") == [text]


def test_a_quoted_question_with_its_mark_outside_takes_a_short_attribution() -> None:
    text = "``Is that really the only objection'' you have? Corwin asked. Nobody answered."
    assert pieces(text, "Corwin", "Nobody") == [
        "``Is that really the only objection'' you have? Corwin asked.",
        "Nobody answered.",
    ]


def test_an_unquoted_question_before_a_long_sentence_with_said_still_splits() -> None:
    text = "Who will pay? Officials said the state would cover most of the cost this year."
    assert pieces(text, "Officials") == [
        "Who will pay?",
        "Officials said the state would cover most of the cost this year.",
    ]


def test_a_caption_ending_in_a_credit_does_not_swallow_the_next_sentence() -> None:
    text = "Voters queue outside a school in Tarnow (Reuters) Officials said turnout was high."
    assert pieces(text, "Officials") == [
        "Voters queue outside a school in Tarnow (Reuters)",
        "Officials said turnout was high.",
    ]
