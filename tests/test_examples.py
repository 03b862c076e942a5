"""The bundled example corpus is well-formed, documented, and holds the messy cases it claims."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import runpy
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

ARTICLE_SUFFIXES = {
    ".txt": "text",
    ".html": "html",
    ".jsonl": "jsonl",
    ".xml": "rss",
    ".gz": "warc",
}
JSONL_FIELDS = {"title", "text", "url", "published", "source", "author"}
WEEKDAYS_AND_MONTHS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    "may|june|july|august|september|october|november|december|yesterday|today|tomorrow"
)


@pytest.fixture(scope="module")
def corpus(examples_dir: Path) -> Path:
    return examples_dir / "corpus"


def warc_responses(path: Path) -> list[tuple[str, bytes]]:
    with path.open("rb") as stream:
        return [
            (record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read())
            for record in ArchiveIterator(stream)
            if record.rec_type == "response"
        ]


def html_title(markup: str) -> str:
    match = re.search(r"<title>(.*?)</title>", markup, re.S)
    return match.group(1).strip() if match else ""


def visible_text(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))


def load_build_warc(examples_dir: Path) -> Callable[[Path], None]:
    namespace = runpy.run_path(str(examples_dir / "build_warc.py"), run_name="build_warc")
    build: Callable[[Path], None] = namespace["build"]
    return build


def count_articles(corpus: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in corpus.iterdir():
        kind = ARTICLE_SUFFIXES[path.suffix]
        if kind == "jsonl":
            found = len(path.read_text(encoding="utf-8").splitlines())
        elif kind == "rss":
            found = len(feedparser.parse(path.read_bytes()).entries)
        elif kind == "warc":
            found = len(warc_responses(path))
        else:
            found = 1
        counts[kind] = counts.get(kind, 0) + found
    return counts


# --------------------------------------------------------------------------- well-formed


def test_corpus_holds_at_least_fourteen_articles_in_four_formats(corpus: Path) -> None:
    counts = count_articles(corpus)
    assert sum(counts.values()) >= 14
    assert len(counts) >= 4


def test_every_text_file_has_a_title_line_and_a_body(corpus: Path) -> None:
    for path in corpus.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].strip(), path.name
        assert len([line for line in lines[1:] if line.strip()]) >= 3, path.name


def test_every_html_page_has_a_title_site_name_and_publication_time(corpus: Path) -> None:
    pages = list(corpus.glob("*.html"))
    assert pages
    for path in pages:
        markup = path.read_text(encoding="utf-8")
        assert html_title(markup), path.name
        assert 'property="og:site_name"' in markup, path.name
        assert 'property="article:published_time"' in markup, path.name
        assert 'name="author"' in markup, path.name


def test_jsonl_lines_are_json_objects_with_the_common_fields(corpus: Path) -> None:
    lines = (corpus / "news-api-export.jsonl").read_text(encoding="utf-8").splitlines()
    assert 3 <= len(lines) <= 4
    for number, line in enumerate(lines, start=1):
        record = json.loads(line)
        assert set(record) == JSONL_FIELDS, f"line {number}"
        assert dt.datetime.fromisoformat(record["published"]).tzinfo is not None
        assert "\n\n" in record["text"]


def test_feed_parses_with_full_text_items_and_one_teaser(corpus: Path) -> None:
    feed = feedparser.parse((corpus / "coastline-wire-feed.xml").read_bytes())
    assert not feed.bozo
    assert 2 <= len(feed.entries) <= 3
    with_content = [entry for entry in feed.entries if "content" in entry]
    assert len(with_content) == len(feed.entries) - 1
    assert all(entry.get("published_parsed") for entry in feed.entries)


def test_warc_holds_html_responses_each_with_a_title(corpus: Path) -> None:
    responses = warc_responses(corpus / "web-crawl.warc.gz")
    assert 2 <= len(responses) <= 3
    for url, payload in responses:
        assert url.startswith("https://")
        assert html_title(payload.decode("utf-8")), url


def test_build_warc_reproduces_the_committed_file_byte_for_byte(
    examples_dir: Path, tmp_path: Path
) -> None:
    built = tmp_path / "web-crawl.warc.gz"
    load_build_warc(examples_dir)(built)
    assert built.read_bytes() == (examples_dir / "corpus" / "web-crawl.warc.gz").read_bytes()
    assert gzip.decompress(built.read_bytes()).startswith(b"WARC/1.0")


# --------------------------------------------------------------------------- documented


def test_readme_mentions_every_example_file(examples_dir: Path) -> None:
    readme = (examples_dir / "README.md").read_text(encoding="utf-8")
    files = [p for p in examples_dir.rglob("*") if p.is_file() and p.name != "README.md"]
    files = [p for p in files if "__pycache__" not in p.parts]
    assert len(files) >= 10
    for path in files:
        assert f"`{path.name}`" in readme or f"`../{path.name}`" in readme, path.name


# --------------------------------------------------------------------------- messy cases


def test_the_undated_article_has_no_date_expression_at_all(corpus: Path) -> None:
    text = (corpus / "explainer-port-dispute-undated.txt").read_text(encoding="utf-8")
    assert not re.search(rf"\b({WEEKDAYS_AND_MONTHS})\b", text, re.I)
    assert not re.search(r"\b(1[89]|20)\d\d\b", text)


def test_the_noisy_broadcast_article_has_its_body_pasted_twice(corpus: Path) -> None:
    lines = (corpus / "nnews-strike-clashes.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = [line for line in lines if len(line) > 80]
    assert len(paragraphs) == 2 * len(set(paragraphs))
    assert re.search(r"\s\d\d:\d\d$", "\n".join(lines), re.M)


def test_the_syndicated_copy_is_a_near_duplicate_of_the_wire_story(corpus: Path) -> None:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    wire = shingles((corpus / "coastline-wire-strike-begins.txt").read_text(encoding="utf-8"))
    markup = (corpus / "daily-meridian-strike-wire.html").read_text(encoding="utf-8")
    body = markup[markup.index('<section class="article-body">') : markup.index("</section>")]
    copy = shingles(visible_text(body))
    assert 0.7 < len(wire & copy) / len(wire | copy) < 1.0


def test_the_corpus_holds_one_short_spanish_article(corpus: Path) -> None:
    py3langid = pytest.importorskip("py3langid")
    languages = {
        path.name: py3langid.classify(path.read_text(encoding="utf-8"))[0]
        for path in corpus.glob("*.txt")
    }
    assert [name for name, language in languages.items() if language != "en"] == [
        "gaceta-atlantica-huelga.txt"
    ]
    assert languages["gaceta-atlantica-huelga.txt"] == "es"


def test_no_example_copies_a_line_of_the_real_samples(corpus: Path, samples_dir: Path) -> None:
    ours = "\n".join(
        path.read_text(encoding="utf-8") for path in corpus.iterdir() if path.suffix != ".gz"
    )
    for sample in samples_dir.glob("*.txt"):
        for line in sample.read_text(encoding="utf-8").splitlines():
            if len(line) > 60:
                assert line not in ours, sample.name
