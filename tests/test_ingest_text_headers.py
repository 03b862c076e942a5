"""Header lines of plain-text articles (bylines, date lines, source lines, front matter,
"Author:" fields) become metadata and leave the paragraphs; prose that only looks like
them stays.  Every outlet, person and text here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.clean import clean
from storyline.ingest import extract, read
from storyline.ingest.headers import take_header
from storyline.ingest.text import split_text
from storyline.models import DateSource, Draft, Origin, RawDocument, SourceMetadata

BODY = (
    "Dock workers at the Port of Calder ended their strike on Monday after the union "
    "accepted a revised pay offer from the port authority.\n\n"
    '"We got most of what we asked for," said union leader Marta Quint.'
)
FIRST = BODY.split("\n\n")[0]
UTC = dt.UTC


def draft_of(text: str, metadata: SourceMetadata = SourceMetadata()) -> Draft:
    raw = RawDocument(text.encode(), "text/plain", Origin("story.txt"), metadata, encoding="utf-8")
    draft = extract(raw)
    assert isinstance(draft, Draft), draft
    return draft


def with_header(*lines: str, title: str = "Calder dock strike ends") -> str:
    return "\n".join((title, "", *lines, "", BODY))


# --------------------------------------------------------------------------- false friends


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the week, the port was expected to reopen.",
        "By Monday, about 30 ships were waiting offshore.",
        "By Jane Doe, who has covered the port for a decade",
        "Published reports say the deal was close.",
        "Published 12 May",  # no year: none is invented
        "Posted 12/05/25",  # a two-digit year is not expanded
        "Source: a senior official at the port authority",
        "Date: the union has not set one",
        "Updated rules take effect 12 May 2025",
    ],
)
def test_prose_that_looks_like_a_header_line_stays_in_the_body(line: str) -> None:
    draft = draft_of(with_header("By Jane Doe", line))
    assert draft.paragraphs[0] == line
    assert draft.metadata == SourceMetadata(author="Jane Doe")


def test_a_date_line_in_the_middle_of_the_body_is_body_text() -> None:
    text = f"Strike ends\n\nBy Jane Doe\n\n{FIRST}\n\n12 May 2025\n\nMore talks are planned."
    draft = draft_of(text)
    assert draft.paragraphs == (FIRST, "12 May 2025", "More talks are planned.")
    assert draft.metadata == SourceMetadata(author="Jane Doe")


def test_a_header_line_after_the_first_prose_paragraph_is_body_text() -> None:
    text = f"Strike ends\n\n12 May 2025\n\n{FIRST}\n\nBy Jane Doe, Bay Herald\n\nMore talks."
    draft = draft_of(text)
    assert draft.paragraphs == (FIRST, "By Jane Doe, Bay Herald", "More talks.")
    assert (draft.metadata.published, draft.metadata.author) == (dt.datetime(2025, 5, 12), None)


def test_an_ambiguous_numeric_date_says_nothing_but_the_line_goes() -> None:
    draft = draft_of(with_header("Published: 05/06/2025"))
    assert draft.paragraphs[0] == FIRST
    assert draft.metadata.published is None


def test_a_weekday_that_does_not_fit_the_date_leaves_it_unresolved() -> None:
    draft = draft_of(with_header("Posted on Tuesday, May 12, 2025"))  # 12 May 2025: a Monday
    assert draft.paragraphs[0] == FIRST
    assert draft.metadata.published is None


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Jane Doe, Bay Herald", "Jane Doe", "Bay Herald"),
        ("By JANE DOE | Bay Herald", "Jane Doe", "Bay Herald"),
        ("BY JANE DOE AND OWEN PRICE", "Jane Doe, Owen Price", None),
        ("By Jane Doe and Owen Price, Coastline Wire", "Jane Doe, Owen Price", "Coastline Wire"),
        ("By Jane Doe, Owen Price and Li Wen", "Jane Doe, Owen Price, Li Wen", None),
        ("Jane Doe, Staff Writer", "Jane Doe", None),
        ("By Ana de la Cruz in Lisbon", "Ana de la Cruz", None),
        ("*By Jane Doe*", "Jane Doe", None),
        ("By Jane Doe, Bay Herald Political Correspondent", "Jane Doe", None),
        ("Author: Jane Doe", "Jane Doe", None),
        ("By JANE DOE Coastline Wire", "Jane Doe", "Coastline Wire"),
        ("By Jane Doe, Harbour Authority Press Office", "Jane Doe", None),
    ],
)
def test_a_byline_gives_the_author_and_leaves_the_body(
    line: str, author: str, outlet: str | None
) -> None:
    draft = draft_of(with_header(line))
    assert draft.paragraphs[0] == FIRST
    assert (draft.metadata.author, draft.metadata.outlet) == (author, outlet)


def test_a_byline_with_a_date_gives_both() -> None:
    metadata = draft_of(with_header("By Jane Doe, May 12, 2025")).metadata
    assert metadata.author == "Jane Doe"
    assert metadata.published == dt.datetime(2025, 5, 12)
    assert metadata.published_source == "text:byline"


def test_a_title_case_headline_is_not_read_as_a_name_and_role() -> None:
    draft = draft_of(with_header("By Jane Doe", title="Dockers Reject Offer, Union Chief"))
    assert draft.title == "Dockers Reject Offer, Union Chief"
    assert draft.metadata.author == "Jane Doe"


def test_a_wire_byline_names_the_outlet() -> None:
    assert draft_of(with_header("By Reuters")).metadata.outlet == "Reuters"


# --------------------------------------------------------------------------- date lines


@pytest.mark.parametrize(
    ("line", "published", "rule"),
    [
        ("Published 12 May 2025", dt.datetime(2025, 5, 12), "text:date-line"),
        ("Published: 2025-05-12", dt.datetime(2025, 5, 12), "text:date-field"),
        ("12 May 2025", dt.datetime(2025, 5, 12), "text:date-line"),
        ("May 12, 2025 10:30 GMT", dt.datetime(2025, 5, 12, 10, 30, tzinfo=UTC), "text:date-line"),
        ("Posted on Monday, May 12, 2025", dt.datetime(2025, 5, 12), "text:date-line"),
        ("Updated: 13/05/2025 14:02", dt.datetime(2025, 5, 13, 14, 2), "text:updated-line"),
        (
            "Mon 12 May 2025 09.15 BST",
            dt.datetime(2025, 5, 12, 8, 15, tzinfo=UTC),
            "text:date-line",
        ),
        (
            "Sept. 3, 2025 at 4 p.m. ET",
            dt.datetime(2025, 9, 3, 20, 0, tzinfo=UTC),
            "text:date-line",
        ),
        ("2025-05-12T10:30:00Z", dt.datetime(2025, 5, 12, 10, 30, tzinfo=UTC), "text:date-line"),
        ("**Published:** 12 May 2025", dt.datetime(2025, 5, 12), "text:date-field"),
        (
            "12 May 2025 Last updated at 11:05 GMT",
            dt.datetime(2025, 5, 12, 11, 5, tzinfo=UTC),
            "text:updated-line",
        ),
        ("Monday, May 12, 2025 | 5:00 PM", dt.datetime(2025, 5, 12, 17, 0), "text:date-line"),
        ("Publié le 12 mai 2025 à 10h30", dt.datetime(2025, 5, 12, 10, 30), "text:date-line"),
    ],
)
def test_a_date_line_gives_the_publication_date(
    line: str, published: dt.datetime, rule: str
) -> None:
    draft = draft_of(with_header(line))
    assert draft.paragraphs[0] == FIRST
    assert draft.metadata.published == published
    assert draft.metadata.published_source == rule


def test_a_publication_date_beats_an_update_date() -> None:
    lines = ("Published 12 May 2025 | Updated 14 May 2025 08:00 GMT",)
    assert draft_of(with_header(*lines)).metadata.published == dt.datetime(2025, 5, 12)


def test_an_outlet_and_a_date_on_one_line() -> None:
    metadata = draft_of(with_header("Bay Herald — 12 May 2025")).metadata
    assert (metadata.outlet, metadata.published) == ("Bay Herald", dt.datetime(2025, 5, 12))


def test_several_header_lines_in_a_text_without_blank_lines() -> None:
    text = "\n".join(
        ("Calder dock strike ends", "By JANE DOE", "Source: Bay Herald", "12 May 2025", FIRST)
    )
    draft = draft_of(text)
    assert draft.title == "Calder dock strike ends"
    assert draft.paragraphs == (FIRST,)
    assert (draft.metadata.author, draft.metadata.outlet) == ("Jane Doe", "Bay Herald")


def test_the_day_of_a_header_line_is_not_left_in_the_body_as_a_number() -> None:
    draft = draft_of(with_header("Published 12 May 2025"))
    assert not any("12 May" in paragraph for paragraph in draft.paragraphs)


# --------------------------------------------------------------------------- stated fields


def test_front_matter_gives_title_date_authors_and_source() -> None:
    text = (
        "---\ntitle: Calder dock strike ends\ndate: 2025-05-12T10:30:00+01:00\n"
        "authors:\n  - Jane Doe\n  - Owen Price\nsource: 'Bay Herald'\ntags: [port]\n---\n\n"
        f"# Calder dock strike ends\n\n{BODY}"
    )
    draft = draft_of(text)
    assert draft.title == "Calder dock strike ends"
    assert draft.paragraphs[0] == FIRST
    assert draft.metadata.author == "Jane Doe, Owen Price"
    assert draft.metadata.outlet == "Bay Herald"
    assert draft.metadata.published == dt.datetime(
        2025, 5, 12, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert draft.metadata.published_source == "text:front-matter"


def test_rules_around_lines_without_known_keys_are_not_front_matter() -> None:
    text = f"---\nPhotos: Ruth Alder\n---\nBy Jane Doe\n\n{BODY}"
    draft = draft_of(text)
    assert "Photos: Ruth Alder" in draft.paragraphs
    assert draft.metadata == SourceMetadata(author="Jane Doe")


def test_email_like_fields_give_the_title_and_metadata() -> None:
    text = (
        "Title: Calder dock strike ends\nDate: 12 May 2025\nAuthor: Jane Doe\n"
        f"Outlet: Bay Herald\nURL: https://bayherald.example/calder-strike\n\n{BODY}"
    )
    draft = draft_of(text)
    assert draft.title == "Calder dock strike ends"
    assert draft.paragraphs[0] == FIRST
    assert draft.metadata.url == "https://bayherald.example/calder-strike"
    assert draft.metadata.published_source == "text:date-field"
    assert (draft.metadata.author, draft.metadata.outlet) == ("Jane Doe", "Bay Herald")


# --------------------------------------------------------------------------- precedence


def test_metadata_a_container_states_wins_over_header_lines() -> None:
    stated = SourceMetadata(
        author="Ruth Alder",
        outlet="Harbour Daily",
        published=dt.datetime(2025, 5, 13, tzinfo=UTC),
        published_source="json:date",
    )
    draft = draft_of(with_header("By Jane Doe, Bay Herald", "12 May 2025"), stated)
    assert draft.paragraphs[0] == FIRST
    assert draft.metadata == stated


def test_a_json_body_loses_its_header_lines_but_keeps_the_records_metadata() -> None:
    stated = SourceMetadata(title="Calder dock strike ends", author="Ruth Alder")
    body = "By Jane Doe, Bay Herald\nMay 12, 2025\n\n" + BODY
    raw = RawDocument(b"{}", "application/json", Origin("export.jsonl", "line 1"), stated, body)
    draft = extract(raw)
    assert isinstance(draft, Draft)
    assert draft.paragraphs[0] == FIRST
    assert (draft.metadata.author, draft.metadata.outlet) == ("Ruth Alder", "Bay Herald")
    assert draft.metadata.published == dt.datetime(2025, 5, 12)


def test_a_header_date_beats_a_crawl_date() -> None:
    crawled = SourceMetadata(
        published=dt.datetime(2025, 6, 1, tzinfo=UTC), published_source="warc-date"
    )
    metadata = draft_of(with_header("12 May 2025"), crawled).metadata
    assert (metadata.published, metadata.published_source) == (
        dt.datetime(2025, 5, 12),
        "text:date-line",
    )


def test_the_header_date_becomes_the_articles_publication_date() -> None:
    article = clean(draft_of(with_header("By Jane Doe, Bay Herald", "May 12, 2025 10:30 GMT")))
    assert article.published.source is DateSource.METADATA
    assert article.published.day == dt.date(2025, 5, 12)
    assert article.published.origin == "text:date-line"
    assert (article.author, article.outlet) == ("Jane Doe", "Bay Herald")


# --------------------------------------------------------------------------- real data, invariants


def test_the_samples_have_no_header_lines_and_keep_their_text(samples_dir: Path) -> None:
    for path in sorted(samples_dir.glob("*.txt")):
        [raw] = list(read([str(path)]))
        assert isinstance(raw, RawDocument)
        text = raw.raw.decode(raw.encoding or "utf-8").replace("\r\n", "\n").strip("\n")
        header = take_header(text)
        assert header.text == text, path.name
        assert header.metadata == SourceMetadata(), path.name


_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            ["By Jane Doe", "12 May 2025", "Source: Bay Herald", "By the way, it rained.", "---"]
        ),
        st.text(alphabet="abc XYZ,.:-|0123456789", max_size=40),
    ),
    max_size=14,
)


@given(_LINES)
def test_header_removal_only_ever_drops_whole_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    left = take_header(text).text
    kept = left.split("\n") if left else []
    remaining = iter(text.split("\n"))
    assert all(any(line == original for original in remaining) for line in kept)


def test_split_text_reports_header_metadata() -> None:
    parts = split_text(with_header("By Jane Doe"))
    assert parts.metadata.author == "Jane Doe"
    assert parts.paragraphs[0] == FIRST
