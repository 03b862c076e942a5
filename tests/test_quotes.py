"""Quotes and speakers: quote marks, cues, speaker resolution, indirect speech, benchmarks."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import build_article
from storyline.analyze.quote_marks import MarkFamily, find_quoted_spans
from storyline.analyze.quotes import QuoteOptions, find_quotes
from storyline.models import Quote, SpeakerKind

BENCH = Path(__file__).resolve().parent.parent / "bench" / "quotes.py"


@cache
def harness() -> ModuleType:
    """bench/quotes.py: the labelled sets, the analysis inputs and the scorer."""
    spec = importlib.util.spec_from_file_location("quotes_bench", BENCH)
    if spec is None or spec.loader is None:
        raise ImportError(BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["quotes_bench"] = module
    spec.loader.exec_module(module)
    return module


def quotes_of(text: str, options: QuoteOptions | None = None) -> tuple[Quote, ...]:
    article = build_article(text)
    doc, sentences, mentions = harness().analyse(article)
    if options is None:
        return find_quotes(doc, article, sentences, mentions)
    return find_quotes(doc, article, sentences, mentions, options)


def direct(text: str) -> list[Quote]:
    return [q for q in quotes_of(text) if q.direct]


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text, [(0, len(text))])]


# --------------------------------------------------------------------------- quote marks


def test_apostrophes_are_not_quote_marks() -> None:
    assert spans("There’s no sign the rebels’ offensive slowed; Assad’s forces didn't act.") == []


def test_straight_curly_guillemet_and_low_marks_all_pair() -> None:
    text = 'He said "one", then “two”, then «three» and „vier“.'
    assert spans(text) == ["one", "two", "three", "vier"]


def test_single_marks_quote_but_keep_inner_apostrophes() -> None:
    assert spans("‘We won’t stop until they’re back,’ said Niamh O’Brien.") == [
        "We won’t stop until they’re back,"
    ]


def test_typewriter_marks_of_wire_copy_pair() -> None:
    text = "``Set that alarm clock,'' she advised, ``and `look up' at midnight.''"
    assert spans(text) == ["Set that alarm clock,", "and `look up' at midnight."]


def test_quote_inside_quote_is_one_top_level_span() -> None:
    text = "“They said ‘take it or leave it’ to us,” Moreno said."
    assert spans(text) == ["They said ‘take it or leave it’ to us,"]


def test_paragraph_left_open_links_to_the_reopened_paragraph() -> None:
    text = "“We lost homes.\n\n“But not our spirit,” he said."
    found = find_quoted_spans(text, [(0, 15), (17, len(text))])
    assert [(s.close_mark is None, s.continued) for s in found] == [(True, False), (False, True)]
    assert found[0].family is MarkFamily.DOUBLE


@given(st.text(alphabet="ab ’'\"“”‘«»\n.", max_size=60))
def test_quoted_spans_are_ordered_and_inside_the_text(text: str) -> None:
    found = find_quoted_spans(text, [(0, len(text))])
    for span in found:
        assert 0 <= span.open_mark < span.start <= span.end <= len(text)
    assert all(a.end <= b.open_mark for a, b in itertools.pairwise(found))


# --------------------------------------------------------------------------- cues and forms


def test_unclosed_quote_without_continuation_is_not_claimed() -> None:
    assert direct("“We were never told about the risks, said Maria Delgado.\n\nThe end.") == []


def test_book_titles_nicknames_and_scare_quotes_are_not_quotes() -> None:
    text = (
        "Daniel Warren will publish his memoir “Hard Choices Ahead” in October.\n\n"
        "Joaquín “El Chapo” Guzmán was moved to another prison.\n\n"
        "Critics attacked the so-called “reform package” in March."
    )
    assert quotes_of(text) == ()


def test_quote_text_and_offsets_agree_and_come_in_document_order() -> None:
    text = (
        "Mayor Rosa Alvarez spoke on Monday.\n\n"
        "“We will rebuild,” Alvarez said. She said that the port would reopen soon."
    )
    found = quotes_of(text)
    article_text = build_article(text).text
    assert all(article_text[q.start : q.end] == q.text for q in found)
    assert [q.start for q in found] == sorted(q.start for q in found)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“We will rebuild,” Alvarez said.", "We will rebuild"),
        ('"The runway is safe," airport director Ana Lima said.', "The runway is safe"),
        (
            "“This is what we agreed:” Petrov told reporters, listing three points.",
            "This is what we agreed",
        ),
        ("“We will see…,” the mayor said.", "We will see…"),
        ("Petrov called the plan “a disaster,” and walked out.", "a disaster"),
    ],
)
def test_the_host_sentences_comma_or_colon_inside_the_marks_is_not_quoted(
    text: str, said: str
) -> None:
    [quote] = direct(text)
    article_text = build_article(text).text
    assert quote.text == said
    assert article_text[quote.start : quote.end] == quote.text  # the span is trimmed too
    assert article_text[quote.end] in ",:"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“Who will pay for this?” Alvarez asked.", "Who will pay for this?"),
        ("“Enough!” the mayor shouted at the crowd.", "Enough!"),
        ("“We will wait and see...” Kerry told reporters.", "We will wait and see..."),
        ("“We will rebuild”, Alvarez said, in the British style.", "We will rebuild"),
        ("Alvarez said: “We will rebuild the port.”", "We will rebuild the port."),
    ],
)
def test_a_quotes_own_end_mark_stays_and_outside_commas_are_untouched(text: str, said: str) -> None:
    [quote] = direct(text)
    assert quote.text == said
    assert build_article(text).text[quote.start : quote.end] == said


def test_interrupted_quote_gives_both_pieces_the_speaker() -> None:
    found = direct(
        "Defence Secretary Helen Brooks visited Estonia.\n\n"
        "“Our commitment is unshakeable,” she said, “and our allies know it.”"
    )
    assert [(q.text, q.speaker, q.verb) for q in found] == [
        ("Our commitment is unshakeable", "person:helen brooks", "say"),
        ("and our allies know it.", "person:helen brooks", "say"),
    ]
    assert not any(q.partial for q in found)


def test_partial_quote_goes_to_the_subject_of_the_reporting_verb() -> None:
    [quote] = direct("Foreign Minister Anton Petrov termed the measures “an act of war” on Monday.")
    assert (quote.text, quote.speaker, quote.verb, quote.partial) == (
        "an act of war",
        "person:anton petrov",
        "term",
        True,
    )


def test_sentence_final_attribution_wins_over_the_clause_subject() -> None:
    found = direct(
        "Although the unions rejected the offer, “the door remains open” and a strike may "
        "be avoided, Labour Minister Ines Carvalho said."
    )
    assert [(q.speaker, q.partial) for q in found] == [("person:ines carvalho", True)]


def test_colon_and_dash_forms_name_the_speaker_without_a_verb() -> None:
    colon = direct('Reactions came fast.\n\nHastings on Brexit: "We must honour the vote"')
    dash = direct('"Science does not care about your politics." - Laura Kim')
    assert [(q.speaker_text, q.verb) for q in colon] == [("Hastings", None)]
    assert [(q.speaker, q.verb) for q in dash] == [("person:laura kim", None)]


def test_told_names_the_teller_not_the_addressee() -> None:
    [quote] = direct(
        "Prime Minister Kenji Sato met Chancellor Dieter Vogel.\n\n"
        '"Our countries share the same values," Sato told Vogel.'
    )
    assert (quote.speaker, quote.verb, quote.speaker_text) == ("person:kenji sato", "tell", "Sato")


def test_quote_across_paragraphs_is_linked_pieces_with_one_speaker() -> None:
    found = direct(
        "Governor Samuel Whitfield spoke after the floods.\n\n"
        "“We lost homes, we lost businesses.\n\n"
        "“But we did not lose our spirit,” Whitfield said."
    )
    assert [q.speaker for q in found] == ["person:samuel whitfield"] * 2


def test_dash_attribution_stops_at_the_comma() -> None:
    [quote] = direct("“I am as shocked as all of you.” — Marion Pryce, on her surprise win")
    assert (quote.speaker, quote.speaker_text) == ("person:marion pryce", "Marion Pryce")


def test_titles_in_title_case_are_not_partial_quotes() -> None:
    found = direct('Fans of "Star Wars" said the new film was "a triumph of hope" on Friday.')
    assert [q.text for q in found] == ["a triumph of hope"]


# --------------------------------------------------------------------------- speakers


def test_pronoun_several_sentences_after_the_name_resolves() -> None:
    [quote] = direct(
        "President Amara Diallo arrived in Dakar on Sunday. The meeting will focus on trade. "
        "Delegates from twelve countries attend. It was postponed twice.\n\n"
        "“We have waited too long for this,” he said."
    )
    assert (quote.speaker_kind, quote.speaker, quote.speaker_text) == (
        SpeakerKind.NAMED,
        "person:amara diallo",
        "he",
    )


def test_role_noun_resolves_through_the_title_and_nationality() -> None:
    [quote] = direct(
        "Russian Foreign Minister Sergei Lavrov met US Secretary of State Daniel Warren.\n\n"
        "“Progress is possible,” the top US diplomat said after the meeting."
    )
    assert quote.speaker == "person:daniel warren"


def test_honorific_surname_is_the_same_person() -> None:
    [quote] = direct(
        "President Daniel Okafor met farmers in Kano.\n\n"
        '"We will buy the surplus," Mr. Okafor said.'
    )
    assert quote.speaker == "person:daniel okafor"


def test_he_skips_a_woman_the_article_marks_as_she() -> None:
    [quote] = direct(
        "President Marco Bellini met Chancellor Anna Keller in Rome. Keller later toured "
        'the Colosseum with her husband.\n\n"Italy is ready to lead on this," he said.'
    )
    assert quote.speaker == "person:marco bellini"


def test_it_said_continues_the_organisation() -> None:
    [quote] = direct(
        "Shares in Nordwind Energy fell after Nordwind Energy posted a record loss.\n\n"
        '"The market turned against us," it said in a statement.'
    )
    assert (quote.speaker_kind, quote.speaker) == (
        SpeakerKind.NAMED,
        "organisation:nordwind energy",
    )


def test_the_diplomat_continues_an_unnamed_diplomat_not_a_named_minister() -> None:
    found = direct(
        "Foreign Minister Hamid Rostami met envoys on Wednesday.\n\n"
        '"Nothing has changed," a diplomat said. "The proof is in the pudding," said the '
        "diplomat, who spoke on condition of anonymity."
    )
    assert [q.speaker_kind for q in found] == [SpeakerKind.UNNAMED] * 2


def test_unnamed_sources_keep_their_words_and_no_key() -> None:
    [quote] = direct('"We are looking at every option," a senior US official told reporters.')
    assert (quote.speaker_kind, quote.speaker, quote.speaker_text) == (
        SpeakerKind.UNNAMED,
        None,
        "a senior US official",
    )


def test_standalone_speech_without_a_cue_is_unknown() -> None:
    found = direct("The hall went quiet.\n\n“We will never give up this fight, never.”")
    assert [(q.speaker_kind, q.speaker) for q in found] == [(SpeakerKind.UNKNOWN, None)]


# --------------------------------------------------------------------------- indirect speech


def test_indirect_speech_is_the_reported_clause() -> None:
    found = quotes_of(
        "Secretary of State John Kerry said that the two had narrowed down options on Syria."
    )
    assert [(q.text, q.speaker, q.direct) for q in found] == [
        ("the two had narrowed down options on Syria", "person:john kerry", False)
    ]


def test_indirect_speech_can_be_turned_off() -> None:
    text = "Police chief Marcus Bell said the suspect had been arrested at the airport."
    assert quotes_of(text, QuoteOptions(indirect=False)) == ()


def test_quoted_as_saying_names_the_one_quoted() -> None:
    found = quotes_of(
        "The state agency quoted Deputy Minister Karel Novak as saying that exports would "
        "recover by autumn."
    )
    assert [(q.text, q.speaker, q.direct) for q in found] == [
        ("exports would recover by autumn", "person:karel novak", False)
    ]


def test_according_to_reports_the_clause_it_hangs_from() -> None:
    found = quotes_of("The death toll rose to 43 on Monday, according to police.")
    assert [(q.text, q.speaker_kind, q.speaker_text, q.direct) for q in found] == [
        ("The death toll rose to 43 on Monday", SpeakerKind.UNNAMED, "police", False)
    ]


def test_a_quote_with_its_cue_is_not_also_indirect_speech() -> None:
    found = quotes_of('"The runway is safe," airport director Ana Lima said.')
    assert [q.direct for q in found] == [True]


WORDS = st.sampled_from(
    ["Kerry", "said", "he", "told", "the", "minister", "“", "”", '"', "‘", "’", "'", "—", ",",
     ".", ":", "\n\n", "a", "spokesman", "Lavrov", "that", "talks", "failed", "«", "»", "``"]
)  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30))
def test_any_text_gives_consistent_quotes(words: list[str]) -> None:
    text = " ".join(words)
    article = build_article(text)
    if not article.text:
        return
    doc, sentences, mentions = harness().analyse(article)
    found = find_quotes(doc, article, sentences, mentions)
    for quote in found:
        assert article.text[quote.start : quote.end] == quote.text
        if quote.direct and any(char.isalnum() for char in quote.text):
            assert not quote.text.endswith((",", ":", ";"))
        assert (quote.speaker is not None) == (quote.speaker_kind is SpeakerKind.NAMED)
    assert [q.start for q in found] == sorted(q.start for q in found)


# --------------------------------------------------------------------------- labelled sets


def measured(cases_name: str, is_direct: bool, samples: Path) -> tuple[float, float]:
    bench = harness()
    if cases_name == "invented":
        cases = bench.load_invented()
    else:
        cases = bench.load_samples(samples=samples)
    total = bench.evaluate(cases, find_quotes, is_direct)
    return total.precision, total.recall


def test_invented_set_is_large_and_well_formed() -> None:
    cases = harness().load_invented()
    assert len(cases) >= 70
    assert sum(1 for case in cases if not case.gold) >= 5  # negatives


# Floors sit a little under what bench/quotes.py measured (see the module docstring there).
@pytest.mark.parametrize(
    ("cases_name", "is_direct", "precision_floor", "recall_floor"),
    [
        ("invented", True, 0.96, 0.96),
        ("invented", False, 0.85, 0.85),
        ("samples", True, 0.95, 0.95),
        ("samples", False, 0.90, 0.90),
    ],
)
def test_quotes_meet_their_measured_floors(
    samples_dir: Path, cases_name: str, is_direct: bool, precision_floor: float, recall_floor: float
) -> None:
    precision, recall = measured(cases_name, is_direct, samples_dir)
    assert precision >= precision_floor
    assert recall >= recall_floor


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ines Duarte said she was sure the council has “the money and the will to "
        "finish the bridge.”",
        'Mayor Ines Duarte said she was sure the council has "the money and the will to '
        'finish the bridge."',
    ],
)
def test_reported_speech_ending_in_a_quotation_keeps_its_closing_mark(text: str) -> None:
    (reported,) = [q for q in quotes_of(text) if not q.direct]
    assert reported.text.startswith("she was sure")
    words = reported.text
    assert words.count("“") == words.count("”") and words.count('"') % 2 == 0
    assert text[reported.start : reported.end] == reported.text
