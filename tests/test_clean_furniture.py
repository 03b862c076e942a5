"""Footers, appeals, photo captions, link-block labels and kicker headlines (invented lines)."""

from __future__ import annotations

import pytest

from storyline.clean import CleanOptions, clean
from storyline.clean.furniture import appeal_reason, caption_reason, copyright_reason
from storyline.clean.headings import is_related_headline
from storyline.clean.lines import promo_reason
from storyline.models import Draft, Origin, SourceMetadata

PROSE = [
    "The delegations met for three hours on Monday and agreed to meet again next month.",
    "Officials on both sides described the atmosphere as businesslike but cautious.",
    "A joint statement is expected once the negotiators have briefed their governments.",
]


def build_draft(*paragraphs: str) -> Draft:
    metadata = SourceMetadata(outlet="Example Post")
    return Draft("Neighbours agree to resume talks", paragraphs, metadata, Origin("t"), "raw")


# ----------------------------------------------------------------------------- footers


@pytest.mark.parametrize(
    "line",
    [
        "Copyright 2024 Example TV. All rights reserved.",
        "Copyright Example TV 2024.",
        "Copyright © 2023 Riverside Media Group. All rights reserved.",
        "© 2022 The Example Post",
        "(c) 2021 Harbour Radio - All Rights Reserved.",
        "All rights reserved. No part of this page may be reproduced without permission.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Copyright Example Features Syndicate",
    ],
)
def test_copyright_footers_are_recognised(line: str) -> None:
    assert copyright_reason(line, 40) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Copyright law protects the photographs, the court said.",
        "The Copyright Office has not ruled on invented languages.",
        "Copyright holders say the new rules are too weak to protect them from piracy online.",
        "Copyright reform",
        "Copyright Office 2019 figures show a rise in claims from musicians and publishers.",
    ],
)
def test_sentences_about_copyright_are_not_footers(line: str) -> None:
    assert copyright_reason(line, 40) is None


def test_a_long_paragraph_with_all_rights_reserved_is_beyond_the_footer_cap() -> None:
    long_line = "The archive said all rights reserved notices " + "were common then " * 15 + "."
    assert copyright_reason(long_line, 40) is None


# ----------------------------------------------------------------------------- appeals


@pytest.mark.parametrize(
    "line",
    [
        "Support local journalism: subscribe today.",
        "Enjoying our coverage? Support independent journalism: become a member.",
        "Subscribe to the Gazette from €2 a month for unlimited access to local news.",
        "Sign up for the Morning Ledger briefing",
        "Donate now to keep our reporting free for everyone.",
        "Already a subscriber? Log in here.",
        "Please consider supporting our newsroom with a small monthly gift.",
        "Support The Example Post's reporting on the climate.",
    ],
)
def test_support_appeals_are_recognised(line: str) -> None:
    assert appeal_reason(line, 30) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The campaign urged readers to support local journalism before the paper closed.",
        "Subscribers to the service rose to 52 million at the end of the quarter.",
        "He said he had donated to the candidate's campaign twice this year.",
        '"Support the strikers," the banners read outside the depot.',
        "Support for the bill fell sharply after the vote.",
        "Support the bill, the senator said on Monday.",
    ],
)
def test_sentences_about_support_and_subscriptions_are_kept(line: str) -> None:
    assert appeal_reason(line, 30) is None


# ----------------------------------------------------------------------------- captions


@pytest.mark.parametrize(
    "line",
    [
        "A woman walks past a flooded shop in Rivermouth on Monday. (AP Photo/Tomas Vey)",
        "The minister arrives for the summit. (Photo: Anna Berg)",
        "Supporters gather outside the court. (Ola Nes/Getty Images)",
        "Rescue workers search the rubble. REUTERS/Mira Solvang",
        "The harbour at dawn. Photo: Karl Eide / Reuters",
        "Photograph: Lena Holt/AFP/Getty Images",
        "Image copyright Example Agency Image caption The bridge closed in 2019",
        "Image caption Crews worked through the night",
        "Enlarge this image toggle caption Ola Nes/Getty Images",
        "Protesters outside parliament (REUTERS/Jon Dale)",
        "Source: Getty Images",
        "FILE - In this Nov. 2, 2017, file photo, a trader works on the floor in Harbourton.",
        "In this photo taken on March 4, 2024, dockworkers march past the ferry terminal.",
        "In this Sept. 14, 2017 photo, people walk past the closed ferry office.",
        "FILE PHOTO: A container ship leaves the port of Harbourton, March 4, 2024.",
    ],
)
def test_photo_captions_and_credits_are_recognised(line: str) -> None:
    assert caption_reason(line, 50) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The agency said the photo had been taken in 2019 and showed the old bridge.",
        "Police released a photo of the suspect on Tuesday.",
        "The report was published by the World Health Organization (WHO).",
        "Reuters reported the deal first, citing two people familiar with it.",
        "The talks in Geneva (the third round this year) ended without a deal.",
        "The brother told officers he had led the child onto the roof. Source: Example TV",
        "In this case, the court said, the photo was taken without consent.",
        "In this town, a picture of the old mayor, painted in 1900, hangs in every shop.",
        "File photos of the suspect were shown to the jury on Tuesday.",
    ],
)
def test_sentences_mentioning_photos_and_agencies_are_not_captions(line: str) -> None:
    assert caption_reason(line, 50) is None


# ----------------------------------------------------------------------------- in clean()


def test_footer_appeal_and_caption_go_even_though_they_read_as_prose() -> None:
    caption = "Delegates shake hands after the meeting in Rivermouth. (AP Photo/Tomas Vey)"
    appeal = "Enjoying our coverage? Support local journalism: subscribe today."
    footer = "Copyright 2024 Example Post Media. All rights reserved."
    article = clean(build_draft(PROSE[0], caption, PROSE[1], appeal, PROSE[2], footer))
    assert article.text == "\n\n".join(PROSE)
    rules = [removal.rule for removal in article.removals]
    assert rules == ["photo-caption", "appeal", "footer"]


def test_a_link_block_label_before_the_footer_goes_with_it() -> None:
    article = clean(build_draft(*PROSE, "More from Example TV", "Copyright Example TV 2024."))
    assert article.text == "\n\n".join(PROSE)


def test_furniture_is_kept_when_promo_removal_is_off() -> None:
    footer = "Copyright 2024 Example Post Media. All rights reserved."
    article = clean(build_draft(*PROSE, footer), CleanOptions(remove_promo=False))
    assert article.text.endswith(footer)


@pytest.mark.parametrize(
    "line",
    [
        "More from NNews",
        "Most read",
        "Most watched",
        "You may also like",
        "Related stories",
        "Advertisement Continue reading the main story",
    ],
)
def test_link_block_labels_are_promo_lines(line: str) -> None:
    assert promo_reason(line, 12, 0.5) is not None


@pytest.mark.parametrize("line", ["More than 40 farms flooded", "Most of the town was dark"])
def test_lines_starting_with_more_or_most_are_not_link_labels(line: str) -> None:
    assert promo_reason(line, 12, 0.5) is None


# ----------------------------------------------------------------------------- kicker headlines


def test_kicker_headline_between_prose_is_a_related_headline() -> None:
    assert is_related_headline("Heatwave: what the forecast says for the weekend", 5, 16)
    related = "Drought: the driest summer in a century"  # no verb: a subhead, kept
    assert not is_related_headline(related, 5, 16)
    kicker = "Heatwave: what the forecast says for the weekend"
    article = clean(build_draft(PROSE[0], kicker, PROSE[1]))
    assert kicker not in article.text
    assert article.removals[0].rule == "related-headline"
