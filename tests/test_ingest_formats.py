"""ingest.read on containers: JSON, JSONL, RSS/Atom, WARC and gzip."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest import IngestOptions, extract, read
from storyline.models import Draft, Problem, RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
COURIER_PUBLISHED = dt.datetime(2024, 7, 14, 6, 30, tzinfo=dt.timezone(dt.timedelta(hours=-7)))
# Stated digests stop warcio spooling payloads to temporary files it never closes.
FAKE_DIGESTS = {"WARC-Payload-Digest": "sha1:AAAA", "WARC-Block-Digest": "sha1:AAAA"}
PAGE = (FIXTURES / "article_page.html").read_bytes()


def read_all(path: Path, options: IngestOptions = IngestOptions()) -> list[RawDocument | Problem]:
    return list(read([str(path)], options))


def drafts(items: list[RawDocument | Problem]) -> list[Draft]:
    out = [extract(item) for item in items if isinstance(item, RawDocument)]
    assert all(isinstance(draft, Draft) for draft in out), out
    return [draft for draft in out if isinstance(draft, Draft)]


def warc_bytes(pages: list[tuple[str, bytes, str]], *, compress: bool = True) -> bytes:
    """A WARC with a warcinfo record, then one request+response pair per page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, body, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-07-15T10:00:00Z", **FAKE_DIGESTS},
        )  # fmt: skip
        writer.write_record(record)
    return buffer.getvalue()


# --------------------------------------------------------------------------- JSONL


def test_malformed_jsonl_line_is_reported_and_the_other_lines_are_read() -> None:
    items = read_all(FIXTURES / "articles.jsonl")
    assert [type(item).__name__ for item in items] == [
        "RawDocument", "Problem", "RawDocument", "Problem",
    ]  # fmt: skip
    bad_json, no_text = items[1], items[3]
    assert isinstance(bad_json, Problem) and bad_json.code == "invalid-json"
    assert bad_json.origin.member == "line 2"
    assert isinstance(no_text, Problem) and no_text.code == "no-text-field"
    assert "summary, tags, title" in no_text.message and "--field" in no_text.hint


def test_jsonl_records_keep_their_line_bytes_and_metadata() -> None:
    path = FIXTURES / "articles.jsonl"
    first, _, third, _ = read_all(path)
    assert isinstance(first, RawDocument) and isinstance(third, RawDocument)
    assert first.raw == path.read_bytes().splitlines()[0]
    assert first.origin.member == "line 1"
    meta = first.metadata
    assert meta.outlet == "Finance Daily" and meta.author == "Petra Lind"
    assert meta.published == dt.datetime(2024, 5, 2, 8, 15, tzinfo=dt.UTC)
    assert meta.published_source == "json:published_at"
    assert third.body_type == "text/html"
    assert third.metadata.published == dt.datetime(2024, 5, 3, 7, 0, tzinfo=dt.UTC)


def test_jsonl_html_body_becomes_paragraphs_and_outlet_comes_from_the_url_host() -> None:
    draft = drafts(read_all(FIXTURES / "articles.jsonl"))[1]
    assert draft.title == "Airline cancels 200 flights as pilots strike"
    assert draft.paragraphs == (
        "A regional airline cancelled 200 flights on Friday as pilots began a 48-hour strike.",
        "The union wants a 9% raise.",
    )
    assert draft.metadata.outlet == "news.example.org"


def test_field_map_reads_dotted_paths_and_paragraph_lists() -> None:
    fields = (
        ("text", "payload.story.paragraphs"),
        ("title", "meta.headline"),
        ("date", "meta.when"),
    )
    [draft] = drafts(read_all(FIXTURES / "nested_fields.jsonl", IngestOptions(field_map=fields)))
    assert draft.title == "Storm warning issued for the coast"
    assert draft.paragraphs[1] == "Gusts of up to 120 km/h are expected."
    assert draft.metadata.published == dt.datetime(2024, 1, 9, 5, 0, tzinfo=dt.UTC)


def test_field_map_naming_a_missing_path_says_which_path(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "Body."}\n')
    [item] = read_all(path, IngestOptions(field_map=(("text", "story.body"),)))
    assert isinstance(item, Problem) and "'story.body'" in item.message


def test_over_long_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_line = json.dumps({"title": "Long", "text": "word " * 5000})
    path.write_text(long_line + "\n" + json.dumps({"title": "Short", "text": "Fine."}) + "\n")
    first, second = read_all(path, IngestOptions(max_bytes=2000))
    assert isinstance(first, Problem) and first.code == "too-large"
    assert isinstance(second, RawDocument) and second.origin.member == "line 2"


def test_latin1_jsonl_line_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes('{"title": "Señal", "text": "El niño llegó a Málaga."}\n'.encode("cp1252"))
    [draft] = drafts(read_all(path))
    assert draft.paragraphs == ("El niño llegó a Málaga.",)


# --------------------------------------------------------------------------- JSON


def test_json_wrapper_object_yields_one_document_per_article() -> None:
    path = FIXTURES / "wrapped_articles.json"
    items = read_all(path)
    assert [item.origin.member for item in items] == ["item 1", "item 2"]
    assert all(isinstance(item, RawDocument) and item.raw == path.read_bytes() for item in items)
    museum, bridge = drafts(items)
    assert museum.metadata.outlet == "Culture Weekly"
    assert museum.metadata.published == dt.datetime(2023, 11, 4)
    assert bridge.metadata.published == dt.datetime(2023, 11, 5, 16, 0, tzinfo=dt.UTC)


def test_json_array_and_single_object_are_read(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"title": "A", "text": "One."}, {"title": "B", "text": "Two."}]))
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"title": "C", "body": "Three."}, indent=2))
    items = list(read([str(array), str(single)]))
    assert [draft.title for draft in drafts(items)] == ["A", "B", "C"]
    assert items[2].origin.member is None


def test_broken_json_file_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"title": "A", "text": "One."},\n  {"title": \n')
    [item] = read_all(path)
    assert isinstance(item, Problem) and item.code == "invalid-json" and "line 4" in item.message


def test_json_array_of_non_objects_is_reported_per_item(tmp_path: Path) -> None:
    path = tmp_path / "strings.json"
    path.write_text('["just a string", {"text": "Real."}]')
    first, second = read_all(path)
    assert isinstance(first, Problem) and first.code == "json-not-object"
    assert isinstance(second, RawDocument)


def test_deeply_nested_json_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    [item] = read_all(path)
    assert isinstance(item, Problem) and item.code == "invalid-json"


def test_jsonl_line_holding_a_documents_list_yields_each_document(tmp_path: Path) -> None:
    path = tmp_path / "clusters.jsonl"
    record = {"id": "c1", "documents": [{"text": "One body."}, {"text": "Two body."}]}
    path.write_text(json.dumps(record) + "\n")
    items = read_all(path)
    assert [item.origin.member for item in items] == ["line 1, item 1", "line 1, item 2"]


# --------------------------------------------------------------------------- feeds


def test_rss_uses_full_content_and_falls_back_to_a_partial_summary() -> None:
    items = read_all(FIXTURES / "feed_rss.xml")
    full, teaser = drafts(items)
    assert full.partial is False and teaser.partial is True
    assert full.paragraphs[1] == "Volunteers" and full.heading_indices == (1,)
    assert full.metadata.outlet == "The Harbour Gazette"
    assert full.metadata.author == "Owen Pryce"
    assert full.metadata.published == dt.datetime(2024, 6, 10, 8, 30, tzinfo=dt.UTC)
    assert full.metadata.url == "https://harbourgazette.example/2024/06/lifeboat"
    assert items[0].raw == items[1].raw == (FIXTURES / "feed_rss.xml").read_bytes()


def test_atom_entry_is_read() -> None:
    items = read_all(FIXTURES / "feed_atom.xml")
    assert items[0].media_type == "application/atom+xml"
    [draft] = drafts(items)
    assert draft.title == "Night buses return on five routes"
    assert draft.metadata.author == "Dana Whitfield"
    assert draft.paragraphs == (
        "Night buses will return on five routes from 1 March, the transit authority said.",
        "Services were cut in 2020.",
    )


def test_feed_without_items_is_a_problem() -> None:
    [item] = read_all(FIXTURES / "empty_feed.xml")
    assert isinstance(item, Problem) and item.code == "empty-feed"


# --------------------------------------------------------------------------- WARC


def test_warc_gz_yields_html_responses_with_url_and_weak_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        warc_bytes([
            ("https://www.valleycourier.example/fire", PAGE, "text/html; charset=utf-8"),
            ("https://www.valleycourier.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ])
    )  # fmt: skip
    [raw] = read_all(path)
    assert isinstance(raw, RawDocument)
    assert raw.origin.member == "record 2" and raw.raw == PAGE
    assert raw.metadata.url == "https://www.valleycourier.example/fire"
    assert raw.metadata.published_source == "warc-date"
    draft = extract(raw)
    assert isinstance(draft, Draft)
    # The page states its own date, which beats the crawl date.
    assert draft.metadata.published == COURIER_PUBLISHED
    assert draft.metadata.published_source == "html-meta"


def test_warc_date_is_kept_as_a_weak_fallback_when_the_page_has_none(tmp_path: Path) -> None:
    page = (FIXTURES / "malformed_page.html").read_bytes()
    path = tmp_path / "plain.warc"
    path.write_bytes(
        warc_bytes([("http://ferries.example/holm", page, "text/html")], compress=False)
    )
    [draft] = drafts(read_all(path))
    assert draft.metadata.published == dt.datetime(2024, 7, 15, 10, 0, tzinfo=dt.UTC)
    assert draft.metadata.published_source == "warc-date"
    assert draft.metadata.outlet == "ferries.example"


def test_warc_http_charset_is_respected(tmp_path: Path) -> None:
    page = "<html><body><p>Ça coûte très cher, disent les habitants de Nîmes.</p></body></html>"
    path = tmp_path / "latin.warc.gz"
    path.write_bytes(
        warc_bytes(
            [("http://x.example/", page.encode("cp1252"), "text/html; charset=windows-1252")]
        )
    )
    [raw] = read_all(path)
    assert isinstance(raw, RawDocument) and raw.encoding == "cp1252"


def test_warc_skips_failed_responses_and_refuses_oversized_records(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    big = b"<html><body>" + b"<p>" + b"word " * 4000 + b"</p></body></html>"
    path.write_bytes(warc_bytes([("http://a.example/big", big, "text/html")]))
    [item] = read_all(path, IngestOptions(max_bytes=10_000))
    assert isinstance(item, Problem) and item.code == "too-large"
    assert item.origin.member == "record 2"


def test_truncated_warc_gz_yields_records_before_the_damage_then_a_problem(tmp_path: Path) -> None:
    pages = [(f"https://news.example/{n}", PAGE, "text/html") for n in range(3)]
    data = warc_bytes(pages)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 700])
    items = read_all(path)
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument", "Problem"]
    assert isinstance(items[-1], Problem) and items[-1].code == "truncated-warc"


# --------------------------------------------------------------------------- gzip


def test_gzipped_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    assert len([item for item in read_all(path) if isinstance(item, RawDocument)]) == 2


def test_gzip_bomb_stops_at_max_decompressed_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(b"Title\n\n")
        chunk = b"A" * (1024 * 1024)
        for _ in range(20):
            handle.write(chunk)
    options = IngestOptions(max_bytes=50 * 1024 * 1024, max_decompressed_bytes=4 * 1024 * 1024)
    [item] = read_all(path, options)
    assert isinstance(item, Problem) and item.code == "gzip-bomb"


def test_truncated_gzip_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(b"Title\n\n" + b"Some body text. " * 5000)[:-200])
    [item] = read_all(path)
    assert isinstance(item, Problem) and item.code == "truncated-gzip"
