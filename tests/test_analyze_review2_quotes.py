"""Regressions from the second review of quote attribution: pronouns prefer the person the
story is about and respect the gender the article gives each person, "called the deal
'...'" is a cue, a reported clause runs past quote marks embedded in it, and a speaker is
named by the fullest name the article gives.  All texts are invented."""

from __future__ import annotations

import pytest

from storyline.models import Quote, SpeakerKind
from test_quotes import quotes_of


def speaker_of(quotes: tuple[Quote, ...], words: str) -> str | None:
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote holds {words!r}: {[q.text for q in quotes]}"
    return found[0].speaker


def reported(quotes: tuple[Quote, ...]) -> list[str]:
    return [q.text for q in quotes if not q.direct]


# --------------------------------------------------------------------------- naming cues

SIGNING = (
    "Two years after an 11-day strike shut the Port of Calder, Trade Minister Helen Carter "
    "and dockers' leader David Moreno on Wednesday signed a five-year agreement on pay, "
    "automation and safety.\n\n"
    "The deal gives about 1,900 dockworkers a pay rise of 3.5 percent this year. In return, "
    "the union accepts automated cranes at the East Terminal.\n\n"
    '"Two years ago we were shouting at each other through fences. Today we sat at a '
    "different kind of table. Nobody got everything, and that is how you know it is a real "
    "agreement,\" Carter said at the signing ceremony at the port authority's offices.\n\n"
    'Moreno, who led the 2024 walkout, called the deal "a victory for patience". He said '
    'the joint safety committee created by the agreement would give workers "a real voice '
    'over every machine that comes through the gate".'
)


def test_called_the_deal_before_a_quote_is_its_cue_even_when_misparsed() -> None:
    assert speaker_of(quotes_of(SIGNING), "a victory for patience") == "person:david moreno"


def test_he_after_a_sentence_about_a_man_is_that_man_not_the_earlier_speaker() -> None:
    quotes = quotes_of(SIGNING)
    assert speaker_of(quotes, "a real voice over every machine") == "person:david moreno"
    assert speaker_of(quotes, "the joint safety committee") == "person:david moreno"


def test_she_skips_a_man_the_article_has_called_he() -> None:
    text = (
        "Mayor Ines Carvalho said she would meet the drivers on Friday.\n\n"
        "Rui Antunes, who represents 900 bus drivers, rejected the plan. He said the union "
        'would strike "for as long as it takes".\n\n'
        "Antunes met Carvalho at the town hall on Monday. She said the meeting had been "
        '"useful, if long".'
    )
    assert speaker_of(quotes_of(text), "useful, if long") == "person:ines carvalho"


# --------------------------------------------------------------------------- reported clauses


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            'Okafor said the union would accept mediation "tomorrow morning" if the council '
            "agreed to discuss pension guarantees.",
            'the union would accept mediation "tomorrow morning" if the council agreed to '
            "discuss pension guarantees",
        ),
        (
            "LOS ANGELES (Wire) — Brennan said the guild would accept mediation “tomorrow "
            "morning” if the studio agreed to discuss pay guarantees, according to a "
            "statement.",
            "the guild would accept mediation “tomorrow morning” if the studio agreed to "
            "discuss pay guarantees",
        ),
    ],
)
def test_a_reported_clause_runs_past_an_embedded_quote_to_its_end(text: str, clause: str) -> None:
    clauses = reported(quotes_of(text))
    assert clause in clauses
    assert not any(c.endswith("mediation") for c in clauses)


def test_a_reported_clause_stops_at_a_second_act_of_speech() -> None:
    text = (
        'Dunmore said the strike would go on "for weeks", adding that members had voted '
        "overwhelmingly for it."
    )
    clauses = reported(quotes_of(text))
    assert 'the strike would go on "for weeks"' in clauses
    assert not any("adding" in clause for clause in clauses)


# --------------------------------------------------------------------------- full names


def test_a_speaker_keeps_the_fullest_name_when_the_tagger_splits_it() -> None:
    text = (
        "Port spokeswoman Ana Lima said traffic was back to normal on Monday.\n\n"
        '"We are relieved," Lima said. Lima added that the cranes would restart by noon.'
    )
    quotes = quotes_of(text)
    named = [q for q in quotes if q.speaker_kind is SpeakerKind.NAMED]
    assert len(named) == 3
    assert {q.speaker for q in named} == {"person:ana lima"}


def test_a_place_in_the_story_is_not_made_a_person() -> None:
    text = (
        "Port spokeswoman Ana Lima said traffic was back to normal.\n\n"
        "Officials in Lima said talks with the union would resume on Friday."
    )
    quotes = quotes_of(text)
    officials = [q for q in quotes if "talks with the union" in q.text]
    assert [(q.speaker_kind, q.speaker) for q in officials] == [(SpeakerKind.UNNAMED, None)]
