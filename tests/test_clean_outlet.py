"""Outlets: wire datelines name the agency; feed titles give way to the publication name."""

from __future__ import annotations

import pytest

from storyline.clean import clean, learn_boilerplate
from storyline.clean.boilerplate import outlet_key
from storyline.clean.dateline import find_dateline
from storyline.clean.outlet import copyright_holder, outlet_from_agency, publication_name
from storyline.models import Draft, Origin, SourceMetadata

PROSE = [
    "The delegations met for three hours on Monday and agreed to meet again next month.",
    "Officials on both sides described the atmosphere as businesslike but cautious.",
    "A joint statement is expected once the negotiators have briefed their governments.",
]


def build_draft(*paragraphs: str, outlet: str | None = None, title: str = "Talks") -> Draft:
    return Draft(title, paragraphs, SourceMetadata(outlet=outlet), Origin("t"), "raw")


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("LISBON (Coastline Wire) - The port said", "Lisbon", "Coastline Wire"),
        ("WASHINGTON (Reuters) — The U.S. said", "Washington", "Reuters"),
        ("HARBOURTON, March 4 (AP) - Dockers struck", "Harbourton", "AP"),
        ("(CNN) -- The senator spoke", None, "CNN"),
        ("Kabul, Afghanistan — Fighters attacked", "Kabul, Afghanistan", None),
        ("GENEVA:", "Geneva", None),
    ],
)
def test_dateline_reports_its_agency(line: str, place: str | None, agency: str | None) -> None:
    found = find_dateline(line)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)


@pytest.mark.parametrize(
    ("dateline", "outlet", "place"),
    [
        ("LISBON (Coastline Wire) -", "Coastline Wire", "Lisbon"),
        ("WASHINGTON (Reuters) —", "Reuters", "Washington"),
        ("HARBOURTON, March 4 (AP) -", "AP", "Harbourton"),
        ("(CNN) --", "CNN", None),
    ],
)
def test_dateline_agency_becomes_the_outlet_when_metadata_has_none(
    dateline: str, outlet: str, place: str | None
) -> None:
    article = clean(build_draft(f"{dateline} {PROSE[0]}", *PROSE[1:]))
    assert (article.outlet, article.place) == (outlet, place)
    assert article.text.startswith(PROSE[0])


def test_syndicated_copy_keeps_the_publisher_named_by_metadata() -> None:
    draft = build_draft(f"WASHINGTON (Reuters) - {PROSE[0]}", *PROSE[1:], outlet="Daily Example")
    article = clean(draft)
    assert (article.outlet, article.place) == ("Daily Example", "Washington")


def test_a_dated_parenthesis_is_no_agency() -> None:
    assert outlet_from_agency("Sept 5") is None
    assert outlet_from_agency("Updated") is None
    assert outlet_from_agency("2013") is None
    assert outlet_from_agency("Reuters") == "Reuters"
    article = clean(build_draft(f"GENEVA (UPDATED) - {PROSE[0]}", *PROSE[1:]))
    assert article.outlet is None


def test_no_dateline_and_no_metadata_leave_the_outlet_unknown() -> None:
    assert clean(build_draft(*PROSE)).outlet is None


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Coastline Wire - Top stories", "Coastline Wire"),
        ("Top stories | Coastline Wire", "Coastline Wire"),
        ("Example News : Latest News", "Example News"),
        ("Harbour Radio - World - Europe", "Harbour Radio"),
        ("Example Times: Home", "Example Times"),
        ("Rivermouth Gazette RSS Feed", "Rivermouth Gazette"),
        ("The Daily Example", "The Daily Example"),
        ("World News", "World News"),  # a name made of section words stays whole
        ("RSS", "RSS"),
        ("Example Post - Valley Edition - Home", "Example Post - Valley Edition"),
        ("Example Post > World > Middle East", "Example Post > World > Middle East"),
    ],
)
def test_feed_titles_give_the_publication_name(title: str, name: str) -> None:
    assert publication_name(title) == name


def test_blank_outlet_is_none() -> None:
    assert publication_name("   ") is None
    assert publication_name(None) is None


def test_article_outlet_is_the_publication_name_of_a_feed_title() -> None:
    article = clean(build_draft(*PROSE, outlet="Coastline Wire - Top stories"))
    assert article.outlet == "Coastline Wire"


def test_feed_and_pages_of_one_outlet_share_learned_boilerplate() -> None:
    tagline = "Our reporting is supported by readers like you."
    assert outlet_key(SourceMetadata(outlet="Coastline Wire | Latest news")) == "coastline wire"
    drafts = [
        build_draft(PROSE[i % 3] + f" Item {i}.", tagline, title=f"Story {i}", outlet=outlet)
        for i, outlet in enumerate(["Coastline Wire - Top stories", "Coastline Wire"] * 2)
    ]
    learned = learn_boilerplate(drafts)
    article = clean(build_draft(*PROSE, tagline, outlet="Coastline Wire"), boilerplate=learned)
    assert tagline not in article.text


def test_a_dateline_repeated_by_a_pasted_twice_body_is_not_a_speaker_label() -> None:
    first = f"HARBOURTON: {PROSE[0]}"
    article = clean(build_draft(first, *PROSE[1:], first, *PROSE[1:]))
    assert article.place == "Harbourton"
    assert article.text.startswith(PROSE[0])


@pytest.mark.parametrize(
    ("footer", "holder"),
    [
        ("Copyright NNews 2024", "NNews"),
        ("© 2024 Harbourton Herald. All rights reserved.", "Harbourton Herald"),
        ("Copyright (c) 2023 The Ledger Ltd, all rights reserved", "The Ledger"),
        ("© 2019-2024 Coastline Wire Media Group", "Coastline Wire"),
        ("Copyright © 2024 by Daily Meridian", "Daily Meridian"),
        ("Copyright 2024 all rights reserved", None),
        ("© 2024", None),
        ("Copyright Marvel Comics", None),  # a credit without a year names no publisher
    ],
)
def test_a_copyright_footer_names_its_holder(footer: str, holder: str | None) -> None:
    assert copyright_holder(footer) == holder


def test_a_removed_footer_names_the_outlet_only_when_nothing_else_does() -> None:
    footer = "Copyright Valley Daily 2025. All rights reserved."
    assert clean(build_draft(*PROSE, footer)).outlet == "Valley Daily"
    named = clean(build_draft(*PROSE, footer, outlet="Harbour Post - Top stories"))
    assert named.outlet == "Harbour Post"
    wire = clean(build_draft(f"LISBON (Coastline Wire) - {PROSE[0]}", *PROSE[1:], footer))
    assert wire.outlet == "Coastline Wire"
    assert clean(build_draft(*PROSE)).outlet is None


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("(CNN)North Korean leader Kim Jong Un offered talks on Monday.", None, "CNN"),
        ("(CNN) North Korean leader Kim Jong Un offered talks on Monday.", None, "CNN"),
        (
            "WASHINGTON (Reuters) The U.S. Senate passed the bill on Friday.",
            "Washington",
            "Reuters",
        ),
    ],
)
def test_an_agency_tag_without_its_dash_is_still_a_dateline(
    line: str, place: str | None, agency: str
) -> None:
    found = find_dateline(line)
    assert found is not None and (found.place, found.agency) == (place, agency)
    assert line[len(found.prefix) :][:1].isupper()


@pytest.mark.parametrize(
    "line",
    [
        "(L-R) Ana Lima and Rui Costa pose for photographers at the launch.",
        "(Updated) The president said the talks would resume on Monday.",
        "(AP) NEW YORK TIMES BESTSELLER LIST",
    ],
)
def test_a_bracketed_label_is_not_an_agency(line: str) -> None:
    assert find_dateline(line) is None
