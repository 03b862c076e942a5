"""Regressions from the review of quote attribution: the listener of "told" is never the
speaker, reported clauses keep their subject, and a pronoun after an unnamed speaker takes
that speaker's description.  All texts are invented."""

from __future__ import annotations

import pytest

from storyline.models import Quote, SpeakerKind
from test_quotes import quotes_of


def indirect(quotes: tuple[Quote, ...]) -> list[str]:
    return [q.text for q in quotes if not q.direct]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            '"The water came up through the floor in minutes," one fisherman told Tomas '
            'Reyes of the Clarion. "We lost two boats," he said.',
            "one fisherman",
        ),
        (
            'Lorries queued for 20 kilometres.\n\n"Nobody warned us," a driver told the '
            'Gazette on Tuesday. "I waited twelve hours at the border," he said.',
            "a driver",
        ),
    ],
)
def test_the_listener_of_told_is_never_the_speaker_of_a_later_pronoun(
    text: str, description: str
) -> None:
    found = [q for q in quotes_of(text) if q.direct]
    assert len(found) == 2
    assert [(q.speaker_kind, q.speaker, q.speaker_text) for q in found] == [
        (SpeakerKind.UNNAMED, None, description)
    ] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Finance Minister Ines Ortega told Parliament budget cuts had been planned for "
            "months.\n\nShe told reporters the new budget would cut spending by a third.",
            [
                "budget cuts had been planned for months",
                "the new budget would cut spending by a third",
            ],
        ),
        (
            "The mayor told the Ledger city workers would get a pay rise in June.",
            ["city workers would get a pay rise in June"],
        ),
        (
            "One shopkeeper told the Courier that prices had doubled since the spring.",
            ["prices had doubled since the spring"],
        ),
        (
            "Senator Dana Whitlock warned lawmakers inflation could return by the end of the "
            "year, and said the central bank had acted too late.",
            [
                "inflation could return by the end of the year",
                "the central bank had acted too late",
            ],
        ),
    ],
)
def test_a_reported_clause_keeps_its_subject_and_leaves_out_the_listener(
    text: str, expected: list[str]
) -> None:
    assert indirect(quotes_of(text)) == expected


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "A spokesman for the relief agency said trucks were stuck at the border. He said "
            "the convoy would try again on Monday.",
            "A spokesman for the relief agency",
        ),
        (
            "An elderly resident, who gave only her first name, said the water had reached "
            "her door. She said she would stay with her daughter in the capital.",
            "An elderly resident",
        ),
        (
            "The Red Hand militia posted a video in which one fighter said the attacks would "
            "continue. He said the group would publish the names of its targets next week.",
            "one fighter",
        ),
    ],
)
def test_a_pronoun_after_an_unnamed_speaker_takes_that_description(
    text: str, description: str
) -> None:
    reported = [q for q in quotes_of(text) if not q.direct]
    assert reported
    last = reported[-1]
    assert (last.speaker_kind, last.speaker, last.speaker_text) == (
        SpeakerKind.UNNAMED,
        None,
        description,
    )


def test_a_speaker_described_once_keeps_speaking_after_a_pronoun() -> None:
    text = (
        "A nurse at the district clinic told the Tribune the wards were full. "
        '"We are sleeping in shifts on the floor," she said.'
    )
    found = quotes_of(text)
    assert [(q.direct, q.speaker_kind, q.speaker_text) for q in found] == [
        (False, SpeakerKind.UNNAMED, "A nurse at the district clinic"),
        (True, SpeakerKind.UNNAMED, "A nurse at the district clinic"),
    ]
