"""ingest.extract: titles, paragraphs, headings and metadata from each kind of document."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest import extract, read
from storyline.ingest.decode import decode
from storyline.ingest.html import fragment_paragraphs
from storyline.ingest.text import split_text
from storyline.models import Draft, Origin, Problem, RawDocument, SourceMetadata

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
COURIER_PUBLISHED = dt.datetime(2024, 7, 14, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7)))


def draft_of(name: str) -> Draft:
    [raw] = list(read([str(FIXTURES / name)]))
    assert isinstance(raw, RawDocument), raw
    draft = extract(raw)
    assert isinstance(draft, Draft), draft
    return draft


def html_document(html: str, metadata: SourceMetadata = SourceMetadata()) -> RawDocument:
    return RawDocument(html.encode(), "text/html", Origin("test.html"), metadata, encoding="utf-8")


# --------------------------------------------------------------------------- messy HTML first


def test_page_without_main_text_is_a_problem() -> None:
    [raw] = list(read([str(FIXTURES / "index_page.html")]))
    assert isinstance(raw, RawDocument)
    result = extract(raw)
    assert isinstance(result, Problem) and result.code == "no-main-text"
    assert "index_page.html" in result.describe()


def test_malformed_html_is_still_extracted() -> None:
    draft = draft_of("malformed_page.html")
    assert draft.title == "Ferry service suspended after collision"
    assert len(draft.paragraphs) == 4
    assert draft.paragraphs[-1].startswith("The last serious incident")


def test_malformed_page_gets_no_date_from_a_year_in_its_text() -> None:
    assert draft_of("malformed_page.html").metadata.published is None


def test_truncated_html_does_not_crash() -> None:
    html = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
    result = extract(html_document(html[: len(html) // 2]))
    assert isinstance(result, Draft | Problem)


# --------------------------------------------------------------------------- HTML pages


def test_article_page_keeps_paragraphs_headings_and_metadata() -> None:
    draft = draft_of("article_page.html")
    assert draft.title == "Wildfire forces evacuations near Cedar Ridge"
    assert draft.paragraphs[0].startswith("A fast-moving wildfire burned more than 4,000 acres")
    assert [draft.paragraphs[i] for i in draft.heading_indices] == ["Shelters open", "Containment"]
    assert not any("Most read" in p or "All rights reserved" in p for p in draft.paragraphs)
    meta = draft.metadata
    assert meta.author == "Marisol Ortega" and meta.outlet == "The Valley Courier"
    assert meta.url == "https://www.valleycourier.example/news/2024/07/14/cedar-ridge-fire"
    assert meta.published == COURIER_PUBLISHED
    assert meta.published_source == "html-meta"


def test_headline_repeated_as_first_heading_is_kept_once_as_the_title() -> None:
    draft = draft_of("article_page.html")
    assert draft.title not in draft.paragraphs


def test_container_metadata_wins_over_the_page() -> None:
    html = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
    stated = SourceMetadata(title="Stated title", author="Desk", url="https://x.example/a")
    draft = extract(html_document(html, stated))
    assert isinstance(draft, Draft)
    assert draft.title == "Stated title" and draft.metadata.author == "Desk"
    assert draft.metadata.outlet == "The Valley Courier"


def test_page_without_a_title_takes_its_first_heading() -> None:
    body = "<p>" + "The council met on Monday to discuss the budget for next year. " * 3 + "</p>"
    html = f"<html><body><article><h1>Budget agreed</h1>{body}{body}</article></body></html>"
    draft = extract(html_document(html))
    assert isinstance(draft, Draft) and draft.title == "Budget agreed"
    assert draft.paragraphs[0].startswith("The council met")


def test_outlet_falls_back_to_the_url_host_without_www() -> None:
    raw = RawDocument(
        b"Headline\n\nBody text.",
        "text/plain",
        Origin("https://www.harbourgazette.example/x"),
        SourceMetadata(url="https://www.harbourgazette.example/x"),
        encoding="utf-8",
    )
    draft = extract(raw)
    assert isinstance(draft, Draft) and draft.metadata.outlet == "harbourgazette.example"


def test_raw_id_is_the_sha256_of_the_raw_bytes() -> None:
    draft = draft_of("wire_story.txt")
    expected = hashlib.sha256((FIXTURES / "wire_story.txt").read_bytes()).hexdigest()
    assert draft.raw_id == expected


# --------------------------------------------------------------------------- fragments


def test_fragment_is_sanitised_and_split_on_blocks_and_breaks() -> None:
    paragraphs, headings = fragment_paragraphs(
        "<script>alert('x')</script><style>p{}</style><h2>Update</h2>"
        "<p>First <b>bold</b> line.<br>Second line.</p><ul><li>One</li><li>Two</li></ul>tail"
    )
    assert paragraphs == ("Update", "First bold line.", "Second line.", "One", "Two", "tail")
    assert headings == (0,)


def test_page_line_breaks_split_paragraphs_and_nested_lists_are_read_once() -> None:
    prose = "<p>" + "The council met on Monday to discuss the budget for next year. " * 3 + "</p>"
    html = (
        f"<html><body><article>{prose}<p>Budget vote 05:58<br>Council debate 01:18</p>"
        "<ul><li>Outer<ul><li>Inner</li></ul></li></ul>"
        f"<table><tr><td>Party</td><td>Seats</td></tr></table>{prose}</article></body></html>"
    )
    draft = extract(html_document(html))
    assert isinstance(draft, Draft)
    assert draft.paragraphs[1:6] == (
        "Budget vote 05:58", "Council debate 01:18", "Outer", "Inner", "Party | Seats",
    )  # fmt: skip


def test_plain_text_fragment_is_one_paragraph() -> None:
    assert fragment_paragraphs("Just & text") == (("Just & text",), ())


# --------------------------------------------------------------------------- plain text


def test_short_first_line_is_the_title_and_blank_lines_split_paragraphs() -> None:
    draft = draft_of("wire_story.txt")
    assert draft.title == "Flood barriers hold as river crests in Lindenfeld"
    assert len(draft.paragraphs) == 4 and draft.paragraphs[-1].startswith("Read more")


def test_file_without_blank_lines_splits_on_single_newlines() -> None:
    draft = draft_of("no_blank_lines.txt")
    assert draft.title == "Harbour strike enters second week"
    assert len(draft.paragraphs) == 3


def test_hard_wrapped_text_joins_lines_and_indents_start_paragraphs() -> None:
    draft = draft_of("wrapped_wire.txt")
    assert draft.title == "Council approves new tram line"
    assert len(draft.paragraphs) == 3
    assert draft.paragraphs[0].endswith("over the project's cost.")


def test_markdown_headings_are_marked_and_their_hashes_removed() -> None:
    draft = draft_of("explainer.md")
    assert draft.title == "What we know about the Port Calder strike"
    assert [draft.paragraphs[i] for i in draft.heading_indices] == [
        "Who is striking",
        "What happens next",
    ]


def test_long_first_line_is_not_a_title() -> None:
    parts = split_text("word " * 60 + "\n\nSecond paragraph.")
    assert parts.title is None and len(parts.paragraphs) == 2


def test_windows_newlines_are_handled() -> None:
    parts = split_text("Title\r\n\r\nOne.\r\n\r\nTwo.\r\n")
    assert parts.title == "Title" and parts.paragraphs == ("One.", "Two.")


def test_json_text_without_title_field_may_take_its_first_line() -> None:
    raw = RawDocument(b"{}", "application/json", Origin("x.json"), body="Headline\n\nBody.")
    draft = extract(raw)
    assert isinstance(draft, Draft) and draft.title == "Headline" and draft.paragraphs == ("Body.",)


def test_one_line_document_keeps_its_line_as_body_text() -> None:
    raw = RawDocument(b"The election is over.\n", "text/plain", Origin("t.txt"), encoding="utf-8")
    draft = extract(raw)
    assert isinstance(draft, Draft) and draft.paragraphs == ("The election is over.",)
    assert draft.title == ""


def test_blank_document_is_a_problem() -> None:
    raw = RawDocument(b"  \n\n", "text/plain", Origin("t.txt"), encoding="utf-8")
    result = extract(raw)
    assert isinstance(result, Problem) and result.code == "no-main-text"


def test_json_body_first_sentence_is_not_taken_as_a_title() -> None:
    body = "It was not to be.\nBut the mayor said on Monday the plan would go ahead."
    raw = RawDocument(b"{}", "application/json", Origin("x.jsonl", "line 1"), body=body)
    draft = extract(raw)
    assert isinstance(draft, Draft) and draft.title == "" and len(draft.paragraphs) == 2


# --------------------------------------------------------------------------- properties


@given(st.binary(max_size=2000))
def test_decoding_never_crashes(data: bytes) -> None:
    assert isinstance(decode(data, markup=True).text, str)


@given(st.text(max_size=2000))
def test_splitting_text_loses_no_characters_but_markdown_markers(text: str) -> None:
    parts = split_text(text)
    pieces = ([parts.title] if parts.title else []) + list(parts.paragraphs)
    assert all(piece and piece == piece.strip() for piece in pieces)

    def letters(value: str) -> str:
        return "".join(value.split()).translate(str.maketrans("", "", "#=-"))

    assert letters(" ".join(pieces)) == letters(text)
