"""ingest against the inputs other projects' test suites use: ill-formed feeds, damaged and
old-format web archives, mislabelled encodings, JSONTestSuite edge cases, news API layouts."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from storyline.ingest import extract, read
from storyline.models import Draft, Problem, RawDocument, Severity

PARAGRAPH = "The harbour board said on Tuesday that the new ferry pier would open in the spring."
PAGE = (
    "<!DOCTYPE html><html><head><title>Pier opens</title></head><body><article>"
    f"<h1>Pier opens</h1><p>{PARAGRAPH}</p>"
    "<p>Its cost rose by a third after two winters of storms delayed the builders.</p>"
    "</article></body></html>"
).encode()
WARC_DATE = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)


def ingest(tmp_path: Path, name: str, data: bytes) -> tuple[list[Draft], list[Problem]]:
    """Every draft and problem that reading and extracting one file gives."""
    path = tmp_path / name
    path.write_bytes(data)
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for item in read([str(path)]):
        result = extract(item) if isinstance(item, RawDocument) else item
        (drafts if isinstance(result, Draft) else problems).append(result)
    return drafts, problems


def body(draft: Draft) -> str:
    return "\n".join(draft.paragraphs)


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def warc_record(
    kind: str, block: bytes, *, uri: str = "http://pier.example/1", **extra: str
) -> bytes:
    headers = {
        "WARC-Type": kind,
        "WARC-Record-ID": f"<urn:uuid:{abs(hash((kind, block))):032x}>",
        "WARC-Date": "2024-05-06T07:08:09Z",
        "WARC-Target-URI": uri,
        "Content-Type": "application/http; msgtype=response",
        "Content-Length": str(len(block)),
        **extra,
    }
    head = "WARC/1.0\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return head.encode() + b"\r\n" + block + b"\r\n\r\n"


def http(payload: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
    return head.encode() + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload


def assert_encodable(drafts: list[Draft], problems: list[Problem]) -> None:
    texts = [draft.title for draft in drafts] + [body(draft) for draft in drafts]
    texts += [problem.message for problem in problems]
    for text in texts:
        text.encode("utf-8")  # a lone surrogate raises here, as it would in the store


# --------------------------------------------------------------------------- feeds


def test_feed_with_out_of_range_character_references_is_still_read(tmp_path: Path) -> None:
    feed = (
        b'<rss version="2.0"><channel><title>Tide Times</title>'
        b"<item><title>Bad &#1114112; reference</title>"
        b"<description>The quay reopened &#xD800; on Monday morning.</description></item>"
        b"<item><title>Second</title><description>Boats left on time.</description></item>"
        b"</channel></rss>"
    )
    drafts, problems = ingest(tmp_path, "tides.xml", feed)
    assert [body(draft) for draft in drafts] == [
        "The quay reopened \ufffd on Monday morning.",
        "Boats left on time.",
    ]
    assert problems == []


def test_truncated_feed_keeps_its_unfinished_last_item_and_warns(tmp_path: Path) -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Tide Times</title>'
        b"<item><title>First</title><description>The quay reopened.</description></item>"
        b"<item><title>Second</title><description>The council will vote on the new"
    )
    drafts, problems = ingest(tmp_path, "cut.xml", feed)
    assert [draft.title for draft in drafts] == ["First", "Second"]
    assert body(drafts[1]) == "The council will vote on the new"
    assert codes(problems) == ["truncated-feed"]
    assert problems[0].severity is Severity.WARNING


def test_atom_html_title_loses_its_markup(tmp_path: Path) -> None:
    feed = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley</title><entry>'
        b'<title type="html">Bridge &lt;em&gt;closed&lt;/em&gt; for repairs</title>'
        b'<link href="http://valley.example/b"/><summary>Drivers face detours.</summary>'
        b"</entry></feed>"
    )
    [draft], _ = ingest(tmp_path, "valley.atom", feed)
    assert draft.title == "Bridge closed for repairs"


# --------------------------------------------------------------------------- web archives


def test_arc_file_is_read_as_an_archive_with_url_and_date(tmp_path: Path) -> None:
    description = b"1 1 InventedArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    payload = http(PAGE).replace(b"\r\n", b"\n")
    arc = (
        b"filedesc://crawl.arc 0.0.0.0 20240506070809 text/plain %d\n" % len(description)
        + description
        + b"\nhttp://pier.example/1 10.0.0.1 20240506070809 text/html %d\n" % len(payload)
        + payload
        + b"\n"
    )
    [draft], problems = ingest(tmp_path, "crawl.arc", arc)
    assert draft.metadata.url == "http://pier.example/1"
    assert draft.metadata.published == WARC_DATE
    assert PARAGRAPH in body(draft) and problems == []


def test_record_with_a_short_content_length_is_reported_not_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    block = http(PAGE)
    short = warc_record("response", block, **{"Content-Length": str(len(block) - 40)})
    second = warc_record("response", http(PAGE), uri="http://pier.example/2")
    drafts, problems = ingest(tmp_path, "short.warc", short + second)
    assert [draft.metadata.url for draft in drafts][-1] == "http://pier.example/2"
    assert codes(problems) == ["warc-length-mismatch"]
    assert problems[0].origin.member == "record 1"
    assert problems[0].severity is Severity.WARNING
    assert capsys.readouterr().err == ""


def test_stray_text_after_the_last_record_is_reported_as_damage(tmp_path: Path) -> None:
    archive = warc_record("response", http(PAGE)) + b"stray text at the end\n"
    [draft], problems = ingest(tmp_path, "stray.warc", archive)
    assert draft.metadata.url == "http://pier.example/1"
    assert codes(problems) == ["truncated-warc"]
    assert problems[0].origin.member == "after record 1"


def test_record_without_a_type_is_reported_and_skipped(tmp_path: Path) -> None:
    untyped = b"WARC/1.0\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
    [draft], problems = ingest(
        tmp_path, "untyped.warc", untyped + warc_record("response", http(PAGE))
    )
    assert draft.metadata.url == "http://pier.example/1"
    assert codes(problems) == ["invalid-warc-record"]
    assert problems[0].origin.member == "record 1"


def test_gzipped_payload_without_a_content_encoding_header_is_inflated(tmp_path: Path) -> None:
    archive = warc_record("response", http(gzip.compress(PAGE, mtime=0), "text/html"))
    [draft], problems = ingest(tmp_path, "gz-payload.warc", archive)
    assert PARAGRAPH in body(draft) and problems == []


def test_utf8_page_under_a_latin1_http_header_is_not_mojibake(tmp_path: Path) -> None:
    page = PAGE.replace(b"harbour board", "caf\u00e9\u2019s owner".encode())
    archive = warc_record("response", http(page, "text/html; charset=iso-8859-1"))
    [draft], _ = ingest(tmp_path, "latin.warc", archive)
    assert "The caf\u00e9\u2019s owner said" in body(draft)


# --------------------------------------------------------------------------- encodings


def test_utf8_text_with_a_stray_cp1252_quote_is_not_mojibake(tmp_path: Path) -> None:
    text = "Caf\u00e9 reopens\n\n\u201cWe\u2019re back,\u201d the owner said.\n\n".encode()
    text += b"A neighbour called it \x93wonderful\x94 news."
    [draft], _ = ingest(tmp_path, "mixed.txt", text)
    assert draft.title == "Caf\u00e9 reopens"
    assert draft.paragraphs == (
        "\u201cWe\u2019re back,\u201d the owner said.",
        "A neighbour called it \u201cwonderful\u201d news.",
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "\u041c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440\u044b\u0442\n\n"
        "\u0421\u0442\u0430\u0440\u044b\u0439 \u043c\u043e\u0441\u0442 \u0437\u0430\u043a\u0440"
        "\u044b\u043b\u0438 \u043d\u0430 \u0440\u0435\u043c\u043e\u043d\u0442.",
        "\u6e2f\u306e\u30cb\u30e5\u30fc\u30b9\n\n\u65b0\u3057\u3044\u685f\u6a4b\u304c\u958b"
        "\u696d\u3057\u307e\u3057\u305f\u3002",
    ],
)
def test_bomless_utf16_text_in_other_scripts_is_text_not_binary(
    tmp_path: Path, text: str, encoding: str
) -> None:
    [draft], problems = ingest(tmp_path, "note.txt", text.encode(encoding))
    title, paragraph = text.split("\n\n")
    assert (draft.title, draft.paragraphs) == (title, (paragraph,))
    assert problems == []


def test_polish_iso8859_2_text_is_guessed_correctly(tmp_path: Path) -> None:
    text = (
        "Rada miasta zatwierdzi\u0142a we wtorek plan przebudowy dworca, kt\u00f3ra "
        "rozpocznie si\u0119 wiosn\u0105.\n\nBurmistrz podzi\u0119kowa\u0142 mieszka\u0144com "
        "za cierpliwo\u015b\u0107 i zrozumienie w tej sprawie."
    )
    [draft], _ = ingest(tmp_path, "dworzec.txt", text.encode("iso8859_2"))
    assert "mieszka\u0144com za cierpliwo\u015b\u0107" in body(draft)


# --------------------------------------------------------------------------- JSON edge cases


def test_bomless_utf16_json_is_parsed(tmp_path: Path) -> None:
    record = json.dumps({"title": "Pier opens", "text": PARAGRAPH})
    [draft], problems = ingest(tmp_path, "pier.json", record.encode("utf-16-be"))
    assert body(draft) == PARAGRAPH and problems == []


def test_huge_integer_does_not_lose_the_record_or_the_rest_of_the_file(tmp_path: Path) -> None:
    huge = b'{"text": "A record with a huge id.", "id": ' + b"7" * 5000 + b"}"
    lines = [json.dumps({"text": PARAGRAPH}).encode(), huge, b'{"text": "The last line."}']
    drafts, problems = ingest(tmp_path, "big.jsonl", b"\n".join(lines))
    assert [body(draft) for draft in drafts] == [
        PARAGRAPH,
        "A record with a huge id.",
        "The last line.",
    ]
    assert problems == []


def test_deeply_nested_text_field_does_not_stop_the_batch(tmp_path: Path) -> None:
    deep = b'{"text": ' + b"[" * 600 + b'"deep"' + b"]" * 600 + b"}"
    drafts, problems = ingest(tmp_path, "deep.jsonl", deep + b'\n{"text": "The next line."}\n')
    assert [body(draft) for draft in drafts] == ["The next line."]
    assert codes(problems) == ["no-text-field"]
    assert problems[0].origin.member == "line 1"


def test_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    lines = [
        b'{"title": "Pier \\udc00 opens", "text": "\\ud800 The pier opened."}',
        b'{"\\ud800": "no text here"}',
    ]
    drafts, problems = ingest(tmp_path, "surrogates.jsonl", b"\n".join(lines))
    assert [(draft.title, body(draft)) for draft in drafts] == [
        ("Pier \ufffd opens", "\ufffd The pier opened.")
    ]
    assert codes(problems) == ["no-text-field"]
    assert_encodable(drafts, problems)


@pytest.mark.parametrize(
    "data", [b'{text: "Unquoted keys are not JSON."}', b"{'text': 'Neither are single quotes.'}"]
)
def test_invalid_json_in_a_json_file_is_reported_not_read_as_prose(
    tmp_path: Path, data: bytes
) -> None:
    drafts, problems = ingest(tmp_path, "broken.json", data)
    assert drafts == [] and codes(problems) == ["invalid-json"]
    assert "line 1, column 2" in problems[0].message


@pytest.mark.parametrize("data", [b'"just a string"', b"42", b"null"])
def test_bare_json_value_is_reported_as_no_article(tmp_path: Path, data: bytes) -> None:
    drafts, problems = ingest(tmp_path, "value.json", data)
    assert drafts == [] and codes(problems) == ["json-not-object"]


def test_empty_json_list_is_reported_not_silently_skipped(tmp_path: Path) -> None:
    drafts, problems = ingest(tmp_path, "empty.jsonl", b'{"text": "One article."}\n[]\n')
    assert [body(draft) for draft in drafts] == ["One article."]
    assert [(problem.code, problem.origin.member) for problem in problems] == [
        ("no-articles", "line 2")
    ]


def test_utf16_jsonl_reads_every_line(tmp_path: Path) -> None:
    lines = "\r\n".join(json.dumps({"text": f"Line {n} of the log."}) for n in (1, 2, 3))
    drafts, problems = ingest(tmp_path, "log.jsonl", lines.encode("utf-16"))
    assert [body(draft) for draft in drafts] == [f"Line {n} of the log." for n in (1, 2, 3)]
    assert [draft.origin.member for draft in drafts] == ["line 1", "line 2", "line 3"]
    assert problems == []


# --------------------------------------------------------------------------- news JSON layouts


def test_article_wrapper_is_read_for_its_fields_not_taken_as_the_body(tmp_path: Path) -> None:
    record = {
        "article": {
            "title": "Pier opens",
            "body": PARAGRAPH,
            "url": "http://pier.example/1",
            "date_publish": "2024-05-06T07:08:09Z",
        }
    }
    [draft], _ = ingest(tmp_path, "wrapped.json", json.dumps(record).encode())
    assert (draft.title, body(draft)) == ("Pier opens", PARAGRAPH)
    assert draft.metadata.url == "http://pier.example/1"
    assert draft.metadata.published == WARC_DATE
    assert draft.metadata.published_source == "json:article.date_publish"


def test_data_and_source_wrappers_in_jsonl_lines(tmp_path: Path) -> None:
    lines = [
        {"data": {"headline": "Pier opens", "content": PARAGRAPH}},
        {"_index": "news", "_id": "7", "_source": {"title": "Second", "text": "Boats left."}},
    ]
    drafts, problems = ingest(tmp_path, "dump.jsonl", "\n".join(map(json.dumps, lines)).encode())
    assert [(draft.title, body(draft)) for draft in drafts] == [
        ("Pier opens", PARAGRAPH),
        ("Second", "Boats left."),
    ]
    assert problems == []


def test_search_api_layouts_yield_their_articles(tmp_path: Path) -> None:
    guardian = {
        "response": {
            "status": "ok",
            "results": [
                {
                    "webTitle": "Pier opens",
                    "webUrl": "http://pier.example/1",
                    "webPublicationDate": "2024-05-06T07:08:09Z",
                    "fields": {"bodyText": PARAGRAPH},
                }
            ],
        }
    }
    nyt = {"response": {"docs": [{"headline": {"main": "Tide"}, "lead_paragraph": "High tide."}]}}
    hits = {"hits": {"total": 1, "hits": [{"_id": "a", "_source": {"text": "Boats left."}}]}}
    drafts = [
        draft
        for name, value in (("g.json", guardian), ("n.json", nyt), ("h.json", hits))
        for draft in ingest(tmp_path, name, json.dumps(value).encode())[0]
    ]
    assert [(draft.title, body(draft)) for draft in drafts] == [
        ("Pier opens", PARAGRAPH),
        ("Tide", "High tide."),
        ("", "Boats left."),
    ]
    assert drafts[0].metadata.url == "http://pier.example/1"
    assert drafts[0].metadata.published == WARC_DATE


def test_json_feed_items_and_mongodb_dates(tmp_path: Path) -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [
            {"id": "1", "title": "Pier opens", "content_html": f"<p>{PARAGRAPH}</p>"},
            {"id": "2", "content_text": "Boats left.", "date": {"$date": "2024-05-06T07:08:09Z"}},
        ],
    }
    drafts, problems = ingest(tmp_path, "feed.json", json.dumps(feed).encode())
    assert [body(draft) for draft in drafts] == [PARAGRAPH, "Boats left."]
    assert drafts[1].metadata.published == WARC_DATE
    assert problems == []


def test_html_entities_in_plain_text_fields_are_decoded(tmp_path: Path) -> None:
    record = {"title": "Smith &amp; Jones win", "text": "They said it was &quot;great&quot;."}
    [draft], _ = ingest(tmp_path, "entities.json", json.dumps(record).encode())
    assert (draft.title, body(draft)) == ("Smith & Jones win", 'They said it was "great".')
