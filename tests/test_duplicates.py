"""Near-duplicate detection: syndicated copies grouped, same-event reports kept apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from builders import build_article
from storyline.errors import ConfigError
from storyline.models import Article, DateSource, PublicationDate
from storyline.organise import OrganiseOptions, find_duplicates
from storyline.organise.duplicates import ALGORITHM, representatives
from test_organise_fixtures import PORT_STRIKE_WIRE, corpus


def test_empty_and_blank_articles_give_no_groups() -> None:
    blank = build_article("   ", article_id="blank")
    assert find_duplicates([], OrganiseOptions()) == ()
    assert find_duplicates([blank, blank], OrganiseOptions()) == ()


def test_short_identical_texts_are_grouped() -> None:
    one = build_article("Polls close at eight.", outlet="A", article_id="a")
    other = build_article("Polls close at eight.", outlet="B", article_id="b")
    (group,) = find_duplicates([one, other], OrganiseOptions())
    assert group.members == ("a", "b")
    assert group.similarity == 1.0


def test_short_bodies_alike_are_copies_only_when_their_titles_are_alike_too() -> None:
    # What an extractor keeps of a page whose article it missed: the same furniture on
    # every page of the site, under each article's own title.
    furniture = "Chat with us in Facebook Messenger. Find out what's happening in the world."
    sanctions = build_article(
        furniture, title="Oil exports fall under new sanctions", article_id="o"
    )
    shooting = build_article(furniture, title="Las Vegas gunman fired from hotel", article_id="v")
    assert find_duplicates([sanctions, shooting], OrganiseOptions()) == ()
    retitled = dataclasses.replace(
        shooting, id="r", title="Las Vegas gunman fired from his hotel room"
    )
    (group,) = find_duplicates([shooting, retitled], OrganiseOptions())
    assert group.members == ("r", "v")
    untitled = dataclasses.replace(sanctions, id="u", title="")
    assert find_duplicates([sanctions, untitled], OrganiseOptions()) == ()


def test_syndicated_copy_with_edits_boilerplate_and_reordering_is_one_group() -> None:
    articles = corpus()
    groups = find_duplicates(list(articles.values()), OrganiseOptions())
    assert [group.members for group in groups] == [("copy", "wire")]
    (group,) = groups
    assert group.representative == "wire"  # published earlier the same day
    assert group.algorithm == ALGORITHM
    assert OrganiseOptions().duplicate_threshold <= group.similarity < 1.0


def test_same_event_reports_from_different_outlets_are_not_duplicates() -> None:
    articles = corpus()
    groups = find_duplicates(
        [articles["wire"], articles["daily"], articles["gazette"]], OrganiseOptions()
    )
    assert groups == ()


def test_a_copy_that_keeps_one_paragraph_is_not_a_duplicate() -> None:
    first_paragraph = PORT_STRIKE_WIRE.split("\n\n")[0]
    whole = build_article(PORT_STRIKE_WIRE, article_id="whole")
    fragment = build_article(first_paragraph, article_id="fragment")
    assert find_duplicates([whole, fragment], OrganiseOptions()) == ()


def test_the_same_article_given_twice_is_counted_once() -> None:
    article = corpus()["daily"]
    assert find_duplicates([article, article], OrganiseOptions()) == ()


def test_three_copies_form_one_group_with_every_member() -> None:
    day = dt.date(2024, 3, 4)
    base = build_article(PORT_STRIKE_WIRE, published=day, article_id="base")
    later = [
        build_article(
            PORT_STRIKE_WIRE + f"\n\nRead more at outlet {n}.",
            published=day + dt.timedelta(days=1),
            article_id=f"c{n}",
        )
        for n in range(2)
    ]
    (group,) = find_duplicates([*later, base], OrganiseOptions())
    assert group.members == ("base", "c0", "c1")
    assert group.representative == "base"
    assert representatives([group]) == {"base": "base", "c0": "base", "c1": "base"}


def test_groups_do_not_depend_on_input_order() -> None:
    articles = list(corpus().values())
    expected = find_duplicates(articles, OrganiseOptions())
    for seed in range(3):
        shuffled = random.Random(seed).sample(articles, len(articles))
        assert find_duplicates(shuffled, OrganiseOptions()) == expected


def test_a_stricter_threshold_splits_the_edited_copy() -> None:
    articles = corpus()
    strict = dataclasses.replace(OrganiseOptions(), duplicate_threshold=0.99)
    assert find_duplicates([articles["wire"], articles["copy"]], strict) == ()


@pytest.mark.parametrize(
    "change",
    [{"duplicate_threshold": 1.5}, {"story_threshold": -0.1}, {"shingle_words": 0}],
)
def test_options_out_of_range_raise_a_config_error(change: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        dataclasses.replace(OrganiseOptions(), **change)


def _published_at(article_id: str, moment: dt.datetime) -> Article:
    article = build_article(PORT_STRIKE_WIRE, article_id=article_id)
    return dataclasses.replace(article, published=PublicationDate(DateSource.METADATA, moment))


def test_the_original_is_the_earliest_instant_whatever_the_time_zones() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    first = _published_at("tokyo", dt.datetime(2013, 7, 2, 9, 0, tzinfo=tokyo))  # 00:00 UTC
    later = _published_at("london", dt.datetime(2013, 7, 2, 3, 0, tzinfo=dt.UTC))
    (group,) = find_duplicates([later, first], OrganiseOptions())
    assert group.representative == "tokyo"


def test_a_naive_timestamp_is_read_as_utc() -> None:
    tokyo = dt.timezone(dt.timedelta(hours=9))
    aware = _published_at("aware", dt.datetime(2013, 7, 2, 9, 30, tzinfo=tokyo))  # 00:30 UTC
    naive = _published_at("naive", dt.datetime(2013, 7, 2, 1, 0))  # 01:00 UTC
    (group,) = find_duplicates([naive, aware], OrganiseOptions())
    assert group.representative == "aware"
    earlier = _published_at("naive", dt.datetime(2013, 7, 2, 0, 0))  # 00:00 UTC
    (group,) = find_duplicates([earlier, aware], OrganiseOptions())
    assert group.representative == "naive"
