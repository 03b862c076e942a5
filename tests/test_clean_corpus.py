"""clean() on the real samples and on invented fixtures in many outlet styles.

Files are read with the simple text rule of the ingest stage (first line is the title; the
paragraphs are blank-line-separated, or single lines when the file has no blank line), so these
tests do not depend on the ingest code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.clean import clean, explain, normalize_text
from storyline.models import Article, BlockKind, Draft, Origin, SourceMetadata

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
_BLANK_LINE_RE = re.compile(r"\n\s*\n")


def read_text_draft(path: Path) -> Draft:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").strip()
    title, _, rest = text.partition("\n")
    rest = rest.strip()
    if _BLANK_LINE_RE.search(rest):
        paragraphs = [part.strip() for part in _BLANK_LINE_RE.split(rest) if part.strip()]
    else:
        paragraphs = [line.strip() for line in rest.split("\n") if line.strip()]
    return Draft(title.strip(), tuple(paragraphs), SourceMetadata(), Origin(str(path)), "raw")


def headings_of(article: Article) -> list[str]:
    return [article.block_text(b) for b in article.blocks if b.kind is BlockKind.HEADING]


def removed_text(article: Article) -> str:
    return "\n".join(removal.text for removal in article.removals)


# ----------------------------------------------------------------------------- samples


def sample(samples_dir: Path, prefix: str) -> Article:
    (path,) = samples_dir.glob(f"{prefix}_*.txt")
    return clean(read_text_draft(path))


def test_sample_000_keeps_quoted_section_headings_as_heading_blocks(samples_dir: Path) -> None:
    article = sample(samples_dir, "000")
    assert headings_of(article) == ["‘Transition Government’", "‘Both Serious’"]


def test_sample_000_drops_the_trailing_terminal_tagline(samples_dir: Path) -> None:
    article = sample(samples_dir, "000")
    assert "Bloomberg Terminal" not in article.text
    assert article.text.endswith("thereafter.”")
    assert [removal.rule for removal in article.removals] == ["promo-tagline"]


def test_sample_001_drops_player_lines_and_promotes_the_real_headline(samples_dir: Path) -> None:
    article = sample(samples_dir, "001")
    assert article.title == "No date set for Syria peace talks"
    for noise in ("Watch CBSN", "05:58", "01:18", "View CBS News In", "App Open", "Safari"):
        assert noise not in article.text
        assert noise in removed_text(article) or noise in article.removals[0].text


def test_sample_001_takes_the_glued_place_as_the_dateline(samples_dir: Path) -> None:
    article = sample(samples_dir, "001")
    assert article.place == "Bandar Seri Begawan, Brunei"
    assert article.text.startswith("Secretary of State John Kerry said")


def test_sample_004_keeps_one_copy_of_the_pasted_twice_body(samples_dir: Path) -> None:
    article = sample(samples_dir, "004")
    for fragment in ("Putin has stood by Assad", "But he stressed much work lay ahead"):
        assert article.text.count(fragment) == 1
    assert any(removal.rule == "repeated-block" for removal in article.removals)


def test_sample_004_drops_inline_related_headlines_and_the_dateline(samples_dir: Path) -> None:
    article = sample(samples_dir, "004")
    for headline in ("Hezbollah chief vows", "Putin orders troops", "Delicate Syria truce"):
        assert headline not in article.text
    assert article.place == "Moscow"
    assert "MOSCOW" not in article.text
    assert article.text.startswith("The top US diplomat said that countries")  # the deck stays


REAL_SENTENCES = {
    "000": [
        "Lavrov termed that decision",
        "agreed to hold a peace conference",
        "The top U.S. diplomat announced",
        "There was no word on casualties.",
        "Gunshots could be heard",
        "It has now reached more than 93,000",
        "Kerry said a conference may be",
    ],
    "001": [
        "Speaking after a nearly two-hour long meeting",
        "Scheduling is not the only stumbling block.",
        "In an interview with Charlie Rose",
        "Thus far, Assad has not shown",
        "His remarks come at the end",
        "coordinate the delivery of weapons",
    ],
    "004": [
        "US Secretary of State John Kerry was in Moscow",
        "I know that many people are very hopeful",
        "balance of interests",
        "a senior US official told reporters",
        "Crown Prince of Abu Dhabi",
        "Kerry will travel to Brussels",
    ],
}


@pytest.mark.parametrize("prefix", sorted(REAL_SENTENCES))
def test_samples_keep_their_real_sentences(samples_dir: Path, prefix: str) -> None:
    article = sample(samples_dir, prefix)
    assert [f for f in REAL_SENTENCES[prefix] if f not in article.text] == []


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_samples_clean_text_is_made_of_input_text(samples_dir: Path, prefix: str) -> None:
    (path,) = samples_dir.glob(f"{prefix}_*.txt")
    source = normalize_text(path.read_text(encoding="utf-8"))
    article = clean(read_text_draft(path))
    for block in article.blocks:
        assert article.block_text(block) in source


# ----------------------------------------------------------------------------- fixtures

FIXTURE_NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def expectation(name: str) -> dict[str, object]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_noise_is_removed_and_recorded(name: str) -> None:
    article = clean(read_text_draft(FIXTURES / f"{name}.txt"))
    for fragment in expectation(name)["removed"]:  # type: ignore[attr-defined]
        assert fragment not in article.text, fragment
        assert fragment in removed_text(article), fragment


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_real_content_survives(name: str) -> None:
    article = clean(read_text_draft(FIXTURES / f"{name}.txt"))
    expected = expectation(name)
    for fragment in expected["kept"]:  # type: ignore[attr-defined]
        assert fragment in article.text, fragment
    for fragment in expected.get("once", []):  # type: ignore[attr-defined]
        assert article.text.count(fragment) == 1, fragment


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_headings_and_place(name: str) -> None:
    article = clean(read_text_draft(FIXTURES / f"{name}.txt"))
    expected = expectation(name)
    assert headings_of(article) == expected["headings"]
    assert article.place == expected["place"]


def test_explain_lists_each_removal_with_rule_and_reason() -> None:
    article = clean(read_text_draft(FIXTURES / "broadcaster_watch.txt"))
    report = explain(article)
    assert "media-item" in report
    assert "Minister tours flooded farms" in report
    assert report.count("why:") == len(article.removals)


# ----------------------------------------------------------------------------- example corpus

EXAMPLES = Path(__file__).parents[1] / "examples" / "corpus"


def test_example_broadcaster_page_loses_its_footer_and_keeps_its_dateline() -> None:
    article = clean(read_text_draft(EXAMPLES / "nnews-strike-clashes.txt"))
    for noise in ("More from NNews", "Copyright NNews 2024", "Download the NNews app", "03:12"):
        assert noise not in article.text
        assert noise in removed_text(article)
    assert article.place == "Harbourton"  # the pasted-twice body repeats "HARBOURTON:"
    assert article.text.startswith("Fourteen people were injured")
    assert article.text.count("Fourteen people were injured") == 1


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("coastline-wire-strike-begins.txt", "Coastline Wire"),
        ("coastline-wire-serra-alta-fire.txt", "Coastline Wire"),
        ("gaceta-atlantica-huelga.txt", "Gaceta Atlántica"),
    ],
)
def test_example_wire_copy_takes_its_outlet_from_the_dateline(name: str, outlet: str) -> None:
    article = clean(read_text_draft(EXAMPLES / name))
    assert article.outlet == outlet
    assert article.place is not None and "(" not in article.text.split("\n")[0][:40]
