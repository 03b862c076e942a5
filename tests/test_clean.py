"""Unit tests of the clean stage: normalisation, each rule, ids, metadata, boilerplate."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from storyline.clean import (
    CleanOptions,
    OutletBoilerplate,
    article_id,
    clean,
    explain,
    learn_boilerplate,
    normalize_text,
)
from storyline.clean.dateline import find_dateline
from storyline.clean.headings import is_related_headline, is_section_heading
from storyline.clean.lines import is_media_item, promo_reason
from storyline.errors import ConfigError
from storyline.models import BlockKind, DateSource, Draft, Origin, SourceMetadata

PROSE = [
    "The delegations met for three hours on Monday and agreed to meet again next month.",
    "Officials on both sides described the atmosphere as businesslike but cautious.",
    "A joint statement is expected once the negotiators have briefed their governments.",
    "Observers said the main dispute over water rights remained unresolved for now.",
]


def build_draft(
    *paragraphs: str,
    title: str = "Neighbours agree to resume border talks",
    outlet: str | None = None,
    url: str | None = None,
    published: dt.datetime | None = None,
    headings: tuple[int, ...] = (),
) -> Draft:
    metadata = SourceMetadata(
        outlet=outlet,
        url=url,
        published=published,
        published_source="html-meta" if published else None,
        author="A. Writer",
        language="en",
    )
    return Draft(title, paragraphs, metadata, Origin("test://draft"), "raw-id", False, headings)


# ----------------------------------------------------------------------------- normalise


def test_normalize_unifies_spaces_line_ends_and_invisible_characters() -> None:
    messy = "caf\u0065\u0301\u00a0 bar\u200b\r\nsoft\u00adhyphen\tend  \r\n\r\n  next"
    assert normalize_text(messy) == "café bar\nsofthyphen end\n\nnext"


def test_normalize_leaves_quotes_dashes_and_case_alone() -> None:
    text = "“Both Serious” — ‘Yes’ - MOSCOW"
    assert normalize_text(text) == text


# ----------------------------------------------------------------------------- ids


def test_article_id_is_16_hex_and_ignores_whitespace_variants() -> None:
    first = article_id("Title", ["One paragraph.", "Two."])
    second = article_id(" Title\u00a0", ["One\u00a0 paragraph.\r\n", "Two."])
    assert first == second
    assert len(first) == 16 and int(first, 16) >= 0


def test_article_id_changes_with_content_and_is_taken_before_cleaning() -> None:
    noisy = build_draft(*PROSE, "Watch Live")
    assert clean(noisy).id == article_id(noisy.title, noisy.paragraphs)
    assert clean(noisy).id != clean(build_draft(*PROSE)).id


# ----------------------------------------------------------------------------- metadata


def test_metadata_date_becomes_a_metadata_publication_date() -> None:
    stamp = dt.datetime(2016, 3, 24, 9, 30)
    article = clean(build_draft(*PROSE, published=stamp))
    assert article.published.source is DateSource.METADATA
    assert article.published.value == stamp
    assert article.published.day == dt.date(2016, 3, 24)
    assert article.published.origin == "html-meta"


def test_missing_date_is_unknown_and_fields_are_carried_over() -> None:
    article = clean(build_draft(*PROSE, outlet="Example Wire", url="https://example.org/a"))
    assert not article.published.known
    assert (article.outlet, article.url, article.author, article.language) == (
        "Example Wire",
        "https://example.org/a",
        "A. Writer",
        "en",
    )
    assert (article.raw_id, article.origin.location) == ("raw-id", "test://draft")


def test_empty_draft_gives_an_empty_article() -> None:
    article = clean(build_draft(title=""))
    assert (article.text, article.blocks, article.removals) == ("", (), ())
    assert explain(article).endswith("nothing removed")


# ----------------------------------------------------------------------------- blocks


def test_blocks_cover_the_text_and_markup_headings_are_heading_blocks() -> None:
    article = clean(build_draft(PROSE[0], "Background and context", PROSE[1], headings=(1,)))
    kinds = [block.kind for block in article.blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert "\n\n".join(article.block_text(b) for b in article.blocks) == article.text


def test_first_paragraph_repeating_the_title_is_dropped() -> None:
    article = clean(build_draft("Neighbours agree to resume border talks", *PROSE))
    assert article.text.startswith(PROSE[0])
    assert article.removals[0].rule == "title-repeat"


def test_removed_line_inside_a_paragraph_splits_it_and_keeps_text_verbatim() -> None:
    article = clean(build_draft(f"{PROSE[0]}\nMinister visits the border 02:31\n{PROSE[1]}"))
    assert [article.block_text(b) for b in article.blocks] == PROSE[:2]
    (removal,) = article.removals
    assert (removal.rule, removal.paragraph) == ("media-item", 0)


def test_a_short_last_paragraph_survives() -> None:
    article = clean(build_draft(*PROSE, "The talks resume Monday."))
    assert article.text.endswith("The talks resume Monday.")


def test_a_lone_weak_ui_word_at_the_end_is_kept_without_more_evidence() -> None:
    assert clean(build_draft(*PROSE, "Live updates")).text.endswith("Live updates")


# ----------------------------------------------------------------------------- line rules


@pytest.mark.parametrize(
    "line",
    [
        "Watch CBSN Live",
        "Read more: Rebels retake the northern town",
        "RELATED: Ten things to know about the ceasefire",
        "Sign up for our daily newsletter",
        "Follow us on Twitter",
        "Download the app",
        "Chrome Safari Continue",
        "Please enable Javascript to watch this video",
        "Advertisement",
    ],
)
def test_promo_lines_are_recognised(line: str) -> None:
    assert promo_reason(line, 12, 0.5) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Live updates",
        "The vote",
        "Watch this space",
        "More than 90,000 people have died, the monitoring group said",
        "The company said its new app had been downloaded millions of times.",
    ],
)
def test_ordinary_lines_are_not_promo(line: str) -> None:
    assert promo_reason(line, 12, 0.5) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("John Kerry to hold meeting on Syrian aid 01:18", True),
        ('Obama on Syria: "Very easy to slip-slide" int... 05:58', True),
        ("Highlights 1:02:45", True),
        ("The session opened at 10:30", False),
        ("Polls close at 8:00", False),
        ("The ratio was 3:1 in the end.", False),
    ],
)
def test_media_items_end_in_a_duration(line: str, expected: bool) -> None:
    assert is_media_item(line, 12) is expected


# ----------------------------------------------------------------------------- headings


@pytest.mark.parametrize(
    "line", ["‘Transition Government’", "The vote", "THE MAPS", "Looking Ahead to the Spring"]
)
def test_section_heading_forms(line: str) -> None:
    assert is_section_heading(line, 4, 10)
    assert not is_related_headline(line, 5, 16)


@pytest.mark.parametrize(
    "line",
    [
        "Putin orders troops out of Syria",
        "Delicate Syria truce takes effect",
        "Hezbollah chief vows to keep up Syria fight until defeat of extremists",
        "Kerry to hold talks with Lavrov in Geneva",
    ],
)
def test_related_headline_forms(line: str) -> None:
    assert is_related_headline(line, 5, 16)
    assert not is_section_heading(line, 4, 10)


@pytest.mark.parametrize(
    "line",
    [
        "Heart and blood vessel problems",  # plural noun, no verb
        "State had tests from patients",  # a subhead naming nobody
        "2. Obama may have recommended an adviser for the seat",  # list item
        "“I think the sentence is fair,” said the public defender Molly Jones",  # attribution
        "The talks resume Monday.",  # closing punctuation
    ],
)
def test_lines_that_are_not_related_headlines(line: str) -> None:
    assert not is_related_headline(line, 5, 16)


def test_headline_shaped_line_is_kept_unless_between_prose() -> None:
    deck = "The envoy said that both sides must compromise to save the Geneva process"
    article = clean(build_draft(deck, *PROSE))
    assert article.text.startswith(deck)
    related = "Minister quits over Geneva water plan"
    article = clean(build_draft(PROSE[0], related, PROSE[1]))
    assert related not in article.text
    assert article.removals[0].rule == "related-headline"


def test_related_headlines_can_be_kept_by_option() -> None:
    options = CleanOptions(remove_related_headlines=False)
    related = "Minister quits over Geneva water plan"
    assert related in clean(build_draft(PROSE[0], related, PROSE[1]), options).text


# ----------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "place", "rest"),
    [
        ("MOSCOW:", "Moscow", ""),
        ("WASHINGTON (Reuters) - The U.S. said", "Washington", "The U.S. said"),
        ("NEW YORK, March 3 (AP) — Stocks fell", "New York", "Stocks fell"),
        ("TAUNTON, Mass. (AP) — A man", "Taunton, Mass.", "A man"),
        ("(CNN) -- Cliven Bundy spoke", None, "Cliven Bundy spoke"),
        ("Kabul, Afghanistan — Taliban fighters attacked", "Kabul, Afghanistan", "Taliban"),
        ("Bandar Seri Begawan, Brunei Secretary of State John Kerry said", None, "Secretary"),
        ("HARBOURTON, Eastland (AP) _ Dockworkers walked out", "Harbourton, Eastland", "Dock"),
        ("HARBOURTON _ The strike entered its third day", "Harbourton", "The strike"),
    ],
)
def test_dateline_forms(line: str, place: str | None, rest: str) -> None:
    found = find_dateline(line)
    assert found is not None
    if place is not None:
        assert found.place == place
    assert line[len(found.prefix) :].strip().startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "John Kerry, Sergei Lavrov and their deputies met for dinner.",
        "On Monday, Secretary of State John Kerry said the talks would go on.",
        "UPDATE: The talks have been postponed.",
        "NATO - the alliance said - would not comment.",
        'CHECKETT: "So whether it was a tweet or a post, it went around."',
        "US officials said the meeting went well.",
        "NATO_STAGING was the file name the officials used.",
    ],
)
def test_lines_without_a_dateline(line: str) -> None:
    assert find_dateline(line) is None


def test_transcript_speaker_labels_are_not_datelines() -> None:
    article = clean(build_draft("HOST:", PROSE[0], "GUEST:", PROSE[1]))
    assert article.place is None
    assert article.text.startswith("HOST:")


def test_dateline_line_sets_place_and_leaves_the_body() -> None:
    article = clean(build_draft("GENEVA:", *PROSE))
    assert article.place == "Geneva"
    assert article.text.startswith(PROSE[0])
    assert (
        article.removals[0].rule,
        article.removals[0].text,
        article.removals[0].paragraph,
    ) == ("dateline", "GENEVA:", 0)


# ----------------------------------------------------------------------------- repeats


def test_long_repeated_paragraph_is_removed_once() -> None:
    article = clean(build_draft(*PROSE, PROSE[0]))
    assert article.text.count(PROSE[0]) == 1
    assert article.removals[-1].rule == "repeated-block"
    assert article.removals[-1].paragraph == 4


def test_short_repeated_line_on_its_own_is_kept() -> None:
    article = clean(build_draft("Background", PROSE[0], PROSE[1], "Background", PROSE[2]))
    assert article.text.count("Background") == 2


def test_repeated_list_of_short_items_is_kept() -> None:
    items = ("Benzene", "Cadmium", "Asbestos")
    article = clean(build_draft(PROSE[0], *items, PROSE[1], *items, PROSE[2]))
    assert article.text.count("Cadmium") == 2


# ----------------------------------------------------------------------------- boilerplate

TAGLINE = "Our reporting is supported by readers like you."


def outlet_drafts(outlet: str, count: int, line: str = TAGLINE) -> list[Draft]:
    return [
        build_draft(PROSE[i % 4] + f" Item {i}.", line, title=f"Story {i}", outlet=outlet)
        for i in range(count)
    ]


def test_learned_outlet_line_is_removed_only_for_that_outlet() -> None:
    learned = learn_boilerplate(outlet_drafts("Daily Example", 4))
    draft = build_draft(*PROSE, TAGLINE, outlet="Daily Example")
    article = clean(draft, boilerplate=learned)
    assert TAGLINE not in article.text
    assert article.removals[-1].rule == "outlet-boilerplate"
    other = build_draft(*PROSE, TAGLINE, outlet="Other Paper")
    assert TAGLINE in clean(other, boilerplate=learned).text


def test_boilerplate_needs_three_articles_and_thirty_percent() -> None:
    assert len(learn_boilerplate(outlet_drafts("Daily Example", 2))) == 0
    others = [
        build_draft(PROSE[0], title=f"Other story {i}", outlet="Daily Example") for i in range(9)
    ]
    rare = outlet_drafts("Daily Example", 3) + others
    assert len(learn_boilerplate(rare)) == 1  # PROSE[0] alone is in 9 of 12
    assert not learn_boilerplate(rare).is_boilerplate("daily example", TAGLINE)  # 3 of 12


def test_the_same_story_ingested_many_times_teaches_nothing() -> None:
    copies = [build_draft(*PROSE, outlet="Daily Example") for _ in range(5)]
    assert len(learn_boilerplate(copies)) == 0


def test_outlet_falls_back_to_the_url_host() -> None:
    drafts = [
        dataclasses.replace(d, metadata=SourceMetadata(url=f"https://www.example.org/{i}"))
        for i, d in enumerate(outlet_drafts("ignored", 3))
    ]
    learned = learn_boilerplate(drafts)
    draft = build_draft(*PROSE, TAGLINE, url="https://example.org/new")
    assert TAGLINE not in clean(draft, boilerplate=learned).text


def test_outlet_boilerplate_is_immutable() -> None:
    learned = learn_boilerplate(outlet_drafts("Daily Example", 3))
    with pytest.raises(dataclasses.FrozenInstanceError):
        learned.outlets = ()  # type: ignore[misc]
    assert isinstance(learned, OutletBoilerplate)


# ----------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    "changes",
    [{"promo_min_share": 0.0}, {"related_min_words": 20}, {"boilerplate_min_articles": 0}],
)
def test_invalid_options_raise_config_error(changes: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        CleanOptions(**changes)  # type: ignore[arg-type]


def test_promo_removal_can_be_switched_off() -> None:
    article = clean(build_draft(*PROSE, "Watch Live"), CleanOptions(remove_promo=False))
    assert article.text.endswith("Watch Live")


def test_social_chat_calls_to_action_go_but_prose_about_chatting_stays() -> None:
    chat = "Chat with us in Facebook Messenger. Find out what's happening in the world."
    said = "The mediator said the two sides would chat with us again after the vote."
    cleaned = clean(build_draft(chat, *PROSE, said))
    assert chat not in cleaned.text
    assert said in cleaned.text
    assert any(r.rule == "appeal" and chat in r.text for r in cleaned.removals)
