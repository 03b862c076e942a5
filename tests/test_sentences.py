"""Sentence splitting: block-bounded, news-robust, and pinned on the labelled set."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from builders import build_article
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.sentences import split_sentences, split_text
from storyline.models import Article

LABELLED = Path(__file__).parent / "data" / "sentences.jsonl"
# Floors under the figures bench/sentences.py measured on the whole labelled set
# (boundary F1 0.99, exact sentences 0.99); a drop below means a rule regressed.
MIN_BOUNDARY_F1 = 0.97
MIN_EXACT = 0.95


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def sentences_of(nlp: Language, article: Article) -> list[str]:
    doc = nlp(article.text)
    return [article.text[s.start : s.end] for s in split_sentences(doc, article)]


def split(nlp: Language, text: str) -> list[str]:
    return sentences_of(nlp, build_article(text))


# --------------------------------------------------------------------------- rules, no model


def test_split_text_merges_a_split_after_a_title_abbreviation() -> None:
    text = "Gen. Tomas Reyes arrived."
    assert split_text(text, [5]) == [(0, len(text))]


def test_split_text_merges_the_attribution_after_a_comma_quote() -> None:
    text = "“We will win,” he said."
    assert split_text(text, [15]) == [(0, len(text))]


def test_split_text_gives_a_stray_closing_quote_back_to_its_sentence() -> None:
    text = "He said: “It is over.” Then he left."
    starts = [text.index("”"), text.index("Then")]
    assert [text[s:e] for s, e in split_text(text, starts)] == [
        "He said: “It is over.”",
        "Then he left.",
    ]


def test_split_text_keeps_us_before_a_capitalised_noun_but_splits_before_the() -> None:
    army = "The U.S. Army left."
    assert split_text(army, [army.index("Army")]) == [(0, len(army))]
    final = "He thanked the U.S. The talks ended."
    assert len(split_text(final, [final.index("The talks")])) == 2


def test_split_text_adds_a_boundary_the_parser_missed() -> None:
    text = "Prices rose sharply. Wages did not."
    assert [text[s:e] for s, e in split_text(text, [])] == [
        "Prices rose sharply.",
        "Wages did not.",
    ]


def test_split_text_keeps_decimals_and_month_abbreviations_whole() -> None:
    text = "Growth was 3.5 percent by Sept. 30 last year."
    assert split_text(text, [text.index("30")]) == [(0, len(text))]


def test_split_text_of_blank_text_is_empty() -> None:
    assert split_text("   ", []) == []


# --------------------------------------------------------------------------- with the model


def test_no_sentence_crosses_a_heading_without_final_punctuation(nlp: Language) -> None:
    article = build_article(
        "Rebels seize border town\n\nFighters took the town on Sunday, monitors said.",
        headings=("Rebels seize border town",),
    )
    assert sentences_of(nlp, article) == [
        "Rebels seize border town",
        "Fighters took the town on Sunday, monitors said.",
    ]


def test_bullet_lines_inside_one_block_are_separate_sentences(nlp: Language) -> None:
    text = "The deal includes:\n• a prisoner swap\n• two open crossings"
    assert split(nlp, text) == ["The deal includes:", "• a prisoner swap", "• two open crossings"]


def test_multi_sentence_quote_with_attribution(nlp: Language) -> None:
    text = "“We are ready to talk. We always were,” the commander said. His group holds the valley."
    assert split(nlp, text) == [
        "“We are ready to talk.",
        "We always were,” the commander said.",
        "His group holds the valley.",
    ]


def test_question_quote_followed_by_named_attribution_is_one_sentence(nlp: Language) -> None:
    text = '"Who pays for the damage?" Ramirez asked at the hearing. Nobody answered.'
    assert split(nlp, text)[0] == '"Who pays for the damage?" Ramirez asked at the hearing.'


def test_sentences_are_stripped_ordered_and_inside_their_block(nlp: Language) -> None:
    article = build_article(
        "WASHINGTON (AP) — The Senate voted late Friday.  It passed 61 to 38.\n\n"
        "“That is a win,” Sen. Dana Kowal said.\n\nThe House votes next week."
    )
    sentences = split_sentences(nlp(article.text), article)
    assert [s.block for s in sentences] == [0, 0, 1, 2]
    for previous, current in itertools.pairwise(sentences):
        assert previous.end <= current.start
    for sentence in sentences:
        block = article.blocks[sentence.block]
        text = article.text[sentence.start : sentence.end]
        assert block.start <= sentence.start < sentence.end <= block.end
        assert text == text.strip() and text


_word = st.sampled_from(["Talks", "resumed", "in", "Geneva", "U.S.", "said", "Mr.", "3.5", "on"])
_paragraph = st.lists(_word, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=4))
def test_every_non_space_character_is_in_exactly_one_sentence(paragraphs: list[str]) -> None:
    article = build_article("\n\n".join(paragraphs))
    sentences = split_sentences(load_pipeline("en")(article.text), article)
    covered = [0] * len(article.text)
    for sentence in sentences:
        assert article.blocks[sentence.block].start <= sentence.start
        assert sentence.end <= article.blocks[sentence.block].end
        for offset in range(sentence.start, sentence.end):
            covered[offset] += 1
    for offset, char in enumerate(article.text):
        assert covered[offset] <= 1
        assert char.isspace() or covered[offset] == 1


def test_labelled_set_meets_the_pinned_floor(nlp: Language) -> None:
    true_pos = predicted = gold_total = exact = sentences = 0
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        article = build_article(record["text"])
        assert article.text == record["text"]
        gold, position = set(), 0
        for sentence in record["sentences"]:
            start = article.text.index(sentence, position)
            position = start + len(sentence)
            gold.add((start, position))
        guess = {(s.start, s.end) for s in split_sentences(nlp(article.text), article)}
        last = max(end for _, end in gold)
        gold_ends = {end for _, end in gold if end < last}
        guess_ends = {end for _, end in guess if end < last}
        true_pos += len(gold_ends & guess_ends)
        predicted += len(guess_ends)
        gold_total += len(gold_ends)
        exact += len(gold & guess)
        sentences += len(gold)
    precision, recall = true_pos / predicted, true_pos / gold_total
    assert sentences >= 150
    assert 2 * precision * recall / (precision + recall) >= MIN_BOUNDARY_F1
    assert exact / sentences >= MIN_EXACT


def test_a_doc_without_sentence_annotation_is_split_by_the_rules_alone() -> None:
    article = build_article("Talks resumed in Geneva. The U.S. Army was not there.\n\nNo deal")
    doc = spacy.blank("en")(article.text)
    assert [article.text[s.start : s.end] for s in split_sentences(doc, article)] == [
        "Talks resumed in Geneva.",
        "The U.S. Army was not there.",
        "No deal",
    ]


def test_split_text_keeps_a_wire_dateline_with_an_underscore_dash_whole() -> None:
    text = "LONDON (AP) _ A lawmaker backed the request on Saturday."
    assert split_text(text, [text.index("A lawmaker")]) == [(0, len(text))]
