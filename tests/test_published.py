"""The article's own date: metadata kept, else a range bounded by the text, else unknown."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from builders import build_article
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.published import Evidence, combine, infer_publication
from storyline.analyze.sentences import split_sentences
from storyline.models import Article, Block, BlockKind, DateSource, Origin, PublicationDate

# True publication days of the real samples (see the brief of this module's author).
SAMPLE_DAYS = {
    "000_2a4eebc2c487a5e8.txt": (dt.date(2013, 7, 1), dt.date(2013, 7, 2)),
    "001_d64f6be734068478.txt": (dt.date(2013, 7, 1), dt.date(2013, 7, 2)),
    "004_3547bc4d967f8385.txt": (dt.date(2016, 3, 24), dt.date(2016, 3, 24)),
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def infer(nlp: Language, article: Article) -> PublicationDate:
    doc = nlp(article.text)
    return infer_publication(doc, article, split_sentences(doc, article))


def infer_text(nlp: Language, text: str) -> PublicationDate:
    return infer(nlp, build_article(text))


def contains(published: PublicationDate, day: dt.date) -> bool:
    low = published.earliest or dt.date.min
    high = published.latest or dt.date.max
    return low <= day <= high


# --------------------------------------------------------------------------- combine


def test_no_evidence_is_unknown() -> None:
    assert combine([]) == PublicationDate()


def test_yearless_evidence_alone_is_unknown() -> None:
    june = Evidence("june", 1, test=lambda d: d.month == 6)
    assert combine([june]).source is DateSource.UNKNOWN


def test_conflicting_weak_evidence_is_dropped_before_strong() -> None:
    strong = Evidence("strong", 3, dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    weak = Evidence("weak", 2, dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    result = combine([strong, weak])
    assert (result.earliest, result.latest) == (dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    assert result.evidence == ("strong",)


def test_conflicting_equal_evidence_gives_up() -> None:
    after = Evidence("after 2020", 3, earliest=dt.date(2020, 1, 1))
    before = Evidence("before 2019", 3, latest=dt.date(2018, 12, 31))
    assert combine([after, before]).source is DateSource.UNKNOWN


def test_yearless_tests_narrow_the_bounds() -> None:
    bounds = Evidence("2013", 3, dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    summer = Evidence("summer", 1, test=lambda d: d.month in (6, 7, 8))
    result = combine([bounds, summer])
    assert (result.earliest, result.latest) == (dt.date(2013, 6, 1), dt.date(2013, 8, 31))
    assert result.source is DateSource.INFERRED and result.origin == "text"


def test_unsatisfiable_yearless_tests_are_dropped_not_guessed() -> None:
    bounds = Evidence("spring", 3, dt.date(2013, 3, 1), dt.date(2013, 5, 31))
    december = Evidence("december", 1, test=lambda d: d.month == 12)
    result = combine([bounds, december])
    assert (result.earliest, result.latest) == (dt.date(2013, 3, 1), dt.date(2013, 5, 31))


intervals = st.tuples(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)), st.integers(0, 4000)).map(
    lambda t: (t[0], t[0] + dt.timedelta(days=t[1]))
)


@given(st.lists(intervals, min_size=1, max_size=5), st.dates(dt.date(2000, 1, 1)))
def test_range_holds_every_day_all_bounds_allow(
    spans: list[tuple[dt.date, dt.date]], day: dt.date
) -> None:
    evidence = [Evidence(str(i), 3, low, high) for i, (low, high) in enumerate(spans)]
    result = combine(evidence)
    if all(low <= day <= high for low, high in spans):
        assert contains(result, day)
    if result.known:
        assert result.earliest is not None and result.latest is not None
        assert result.earliest <= result.latest


# --------------------------------------------------------------------------- invented articles


def test_metadata_date_is_returned_unchanged(nlp: Language) -> None:
    article = build_article("The vote took place last month.", published=dt.date(2020, 5, 1))
    assert infer(nlp, article) is article.published


def test_text_without_dates_is_unknown(nlp: Language) -> None:
    assert infer_text(nlp, "Officials met to discuss the plan, a spokesman said.") == (
        PublicationDate()
    )


def test_yearless_and_weekday_text_is_unknown(nlp: Language) -> None:
    text = "Kerry was in Moscow on Thursday. He met the minister on June 24 and will return in May."
    assert infer_text(nlp, text).source is DateSource.UNKNOWN


def test_anniversary_future_month_and_recent_day_bound_the_range(nlp: Language) -> None:
    text = (
        "The agreement came a year after the June 2012 Geneva conference.\n\n"
        "Talks will not begin until after August, the minister said.\n\n"
        "In an interview on June 24, he said the war had to end."
    )
    result = infer_text(nlp, text)
    assert result.source is DateSource.INFERRED
    assert (result.earliest, result.latest) == (dt.date(2013, 6, 23), dt.date(2013, 9, 1))
    assert any("June 2012" in note for note in result.evidence)


def test_past_and_future_years_bound_both_ends(nlp: Language) -> None:
    text = "The law was passed in 2015. Elections will be held in March 2017, officials said."
    result = infer_text(nlp, text)
    # each bound a day wider: a wire dated in one time zone reports a day of another
    assert (result.earliest, result.latest) == (dt.date(2014, 12, 31), dt.date(2017, 4, 1))


def test_contradicting_years_give_up(nlp: Language) -> None:
    text = "The treaty was signed in 2020. The referendum will take place in 2018."
    assert infer_text(nlp, text).source is DateSource.UNKNOWN


def test_last_year_beside_its_year_fixes_the_year(nlp: Language) -> None:
    result = infer_text(nlp, "Turnout was low last year, in 2015, officials said.")
    assert (result.earliest, result.latest) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))


def test_last_month_beside_a_named_month_fixes_the_month(nlp: Language) -> None:
    text = "The law was passed in 2014. Protests began last month, in June, in the capital."
    result = infer_text(nlp, text)
    assert result.earliest is not None and result.earliest.month == 7
    assert result.earliest.year == 2014


def test_correction_notes_and_embedded_posts_are_no_evidence(nlp: Language) -> None:
    text = (
        "This article was amended on 11 May 2011 to correct a name.\n\n"
        "Troops say hello https://t.co/abc — Army (@army) December 23, 2017"
    )
    assert infer_text(nlp, text).source is DateSource.UNKNOWN


def test_a_year_naming_an_event_is_no_bound(nlp: Language) -> None:
    result = infer_text(nlp, "Qatar won the right to host the 2022 World Cup.")
    assert result.source is DateSource.UNKNOWN


def test_open_range_never_reaches_for_today(nlp: Language) -> None:
    result = infer_text(nlp, "The document was drafted in June 2012 by the group.")
    assert (result.earliest, result.latest) == (dt.date(2012, 5, 31), None)


# --------------------------------------------------------------------------- real samples


def raw_article(path: Path) -> Article:
    """The sample file as an Article, text unchanged, no publication date."""
    text = path.read_text(encoding="utf-8")
    blocks = tuple(
        Block(BlockKind.PARAGRAPH, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
    )
    return Article(path.stem, "", text, blocks, Origin(str(path)), path.stem)


@pytest.mark.parametrize("name", sorted(SAMPLE_DAYS))
def test_sample_range_contains_the_true_day_or_is_unknown(
    nlp: Language, samples_dir: Path, name: str
) -> None:
    result = infer(nlp, raw_article(samples_dir / name))
    if result.known:
        for day in SAMPLE_DAYS[name]:
            assert contains(result, day)
        assert result.evidence


def test_sample_with_an_anniversary_gets_a_closed_range(nlp: Language, samples_dir: Path) -> None:
    result = infer(nlp, raw_article(samples_dir / "000_2a4eebc2c487a5e8.txt"))
    assert result.earliest is not None and result.latest is not None
    assert (result.latest - result.earliest).days <= 200
