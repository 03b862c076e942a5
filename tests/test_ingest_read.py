"""ingest.read: sources, sniffing, decoding and the problems bad files become."""

from __future__ import annotations

import codecs
import io
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import ConfigError
from storyline.ingest import IngestOptions, extract, parse_field_map, read
from storyline.models import Draft, Problem, RawDocument, Severity

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
LATIN1_STORY = (
    "Café owners protest new rules\n\nThe owners of 40 cafés in Málaga marched on Monday.\n"
)


def documents(items: list[RawDocument | Problem]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def problems(items: list[RawDocument | Problem]) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


def only_draft(path: Path, options: IngestOptions = IngestOptions()) -> Draft:
    [raw] = list(read([str(path)], options))
    assert isinstance(raw, RawDocument), raw
    draft = extract(raw)
    assert isinstance(draft, Draft), draft
    return draft


# --------------------------------------------------------------------------- bad input first


def test_missing_path_is_a_problem_and_the_batch_goes_on(tmp_path: Path) -> None:
    items = list(read([str(tmp_path / "nope.txt"), str(FIXTURES / "wire_story.txt")]))
    [missing] = problems(items)
    assert missing.code == "missing-path"
    assert "nope.txt" in missing.describe()
    assert len(documents(items)) == 1


def test_empty_and_whitespace_only_files_are_problems(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b" \n\n\t \n")
    items = list(read([str(tmp_path)]))
    assert [item.code for item in problems(items)] == ["empty-file", "empty-file"]


def test_binary_file_named_txt_is_refused_with_what_it_looks_like(tmp_path: Path) -> None:
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00\x01")
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 20)
    pdf, noise = problems(list(read([str(tmp_path / "scan.txt"), str(tmp_path / "noise.txt")])))
    assert pdf.code == noise.code == "binary-file"
    assert "PDF" in pdf.message


def test_file_over_max_bytes_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # 50 MB, sparse where the filesystem allows
        handle.write(b"Headline\n\n" + b"word " * 1000)
        handle.seek(50 * 1024 * 1024)
        handle.write(b"end\n")
    [item] = list(read([str(big)]))
    assert isinstance(item, Problem) and item.code == "too-large"


def test_stdin_larger_than_max_bytes_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Title\n\n" + b"x" * 5000))
    monkeypatch.setattr(sys, "stdin", stdin)
    [item] = list(read(["-"], IngestOptions(max_bytes=1000)))
    assert isinstance(item, Problem) and item.code == "too-large"
    assert item.origin.location == "<stdin>"


def test_invalid_utf8_that_is_cp1252_is_decoded_without_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN1_STORY.encode("cp1252"))
    [raw] = list(read([str(path)]))
    assert isinstance(raw, RawDocument)
    assert raw.encoding in ("cp1252", "latin-1", "iso8859-1", "iso8859-15")
    draft = extract(raw)
    assert isinstance(draft, Draft)
    assert draft.title == "Café owners protest new rules"
    assert "Málaga" in draft.paragraphs[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(LATIN1_STORY.encode(encoding))
    if encoding == "utf-16-be":
        path.write_bytes(codecs.BOM_UTF16_BE + LATIN1_STORY.encode(encoding))
    draft = only_draft(path)
    assert draft.title == "Café owners protest new rules"
    assert not draft.title.startswith("\ufeff")


def test_utf16_without_bom_is_still_decoded(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes(LATIN1_STORY.encode("utf-16-le"))
    assert only_draft(path).title == "Café owners protest new rules"


def test_utf16_html_with_bom_is_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    html = (FIXTURES / "article_page.html").read_text(encoding="utf-8")
    path.write_bytes(html.encode("utf-16"))
    [raw] = list(read([str(path)]))
    assert isinstance(raw, RawDocument) and raw.media_type == "text/html"


def test_non_english_article_is_ingested_normally() -> None:
    draft = only_draft(FIXTURES / "french_article.txt")
    assert draft.title == "Les négociations reprennent à Genève"
    assert len(draft.paragraphs) == 2


_NAMES = (".txt", ".html", ".json", ".jsonl", ".xml", ".warc", ".gz", "")
_PREFIXES = (b"", b"{", b"[", b"<html>", b"<rss>", b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00")


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(_PREFIXES), st.binary(max_size=3000), st.sampled_from(_NAMES)
)  # fmt: skip
def test_any_bytes_become_documents_or_problems_never_exceptions(
    prefix: bytes, data: bytes, suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{suffix}"
        path.write_bytes(prefix + data)
        for item in read([str(path)]):
            assert isinstance(item, RawDocument | Problem)
            if isinstance(item, RawDocument):
                assert isinstance(extract(item), Draft | Problem)


# --------------------------------------------------------------------------- sources


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two\n\nSecond story body.")
    (tmp_path / "a.txt").write_text("One\n\nFirst story body.")
    (tmp_path / "c.txt").write_text("Three\n\nThird story body.")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.")
    (tmp_path / ".git" / "c.txt").write_text("Git\n\nNot read.")
    locations = [item.origin.location for item in read([str(tmp_path)])]
    assert locations == [str(tmp_path / name) for name in ("a.txt", "b/2.txt", "c.txt")]


def test_stdin_dash_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Head\n\nBody text here.")))
    [raw] = list(read(["-"]))
    assert isinstance(raw, RawDocument) and raw.raw == b"Head\n\nBody text here."


def test_text_only_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Head\n\nBody text here."))
    [raw] = list(read(["-"]))
    assert isinstance(raw, RawDocument) and raw.raw == b"Head\n\nBody text here."


def test_raw_keeps_the_exact_bytes_of_the_file() -> None:
    path = FIXTURES / "wire_story.txt"
    [raw] = list(read([str(path)]))
    assert isinstance(raw, RawDocument) and raw.raw == path.read_bytes()
    assert raw.origin.member is None


def test_format_comes_from_content_not_the_extension(tmp_path: Path) -> None:
    html_as_txt = tmp_path / "page.txt"
    html_as_txt.write_bytes((FIXTURES / "article_page.html").read_bytes())
    feed_as_html = tmp_path / "feed.html"
    feed_as_html.write_bytes((FIXTURES / "feed_rss.xml").read_bytes())
    kinds = [item.media_type for item in documents(list(read([str(tmp_path)])))]
    assert kinds == ["application/rss+xml", "application/rss+xml", "text/html"]


def test_prose_starting_with_a_bracket_is_text_not_json(tmp_path: Path) -> None:
    path = tmp_path / "update.txt"
    path.write_text("[Updated] Storm closes port\n\nThe port closed on Friday.")
    [raw] = list(read([str(path)]))
    assert isinstance(raw, RawDocument) and raw.media_type == "text/plain"


def test_read_is_lazy_and_stops_where_the_caller_stops(tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(f"Story {number}\n\nBody {number}.")
    stream = read([str(tmp_path)])
    first = next(stream)
    assert isinstance(first, RawDocument) and first.origin.location.endswith("0.txt")


# --------------------------------------------------------------------------- options


def test_options_reject_nonsense_values() -> None:
    with pytest.raises(ConfigError):
        IngestOptions(max_bytes=0)
    with pytest.raises(ConfigError):
        IngestOptions(field_map=(("colour", "a.b"),))
    with pytest.raises(ConfigError):
        parse_field_map(["text"])


def test_parse_field_map_reads_cli_values() -> None:
    assert parse_field_map(["text=article.body", " date = meta.when "]) == (
        ("text", "article.body"),
        ("date", "meta.when"),
    )


# --------------------------------------------------------------------------- real samples


def test_real_samples_yield_three_documents_titled_by_their_first_lines(samples_dir: Path) -> None:
    items = list(read([str(samples_dir)]))
    assert len(items) == 3 and not problems(items)
    for raw in documents(items):
        draft = extract(raw)
        assert isinstance(draft, Draft)
        first_line = Path(raw.origin.location).read_text(encoding="utf-8").splitlines()[0]
        assert draft.title == first_line.strip()
        assert len(draft.paragraphs) > 5


def test_problems_are_errors_with_a_hint(tmp_path: Path) -> None:
    [item] = list(read([str(tmp_path / "missing")]))
    assert isinstance(item, Problem)
    assert item.severity is Severity.ERROR and item.hint and item.stage == "ingest"
