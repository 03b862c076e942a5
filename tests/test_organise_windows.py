"""An undated report's relative dates, placed from its story's other reports (organise.windows)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from builders import build_article
from storyline.models import (
    Article,
    ArticleAnalysis,
    DateMention,
    DateSource,
    Granularity,
    PublicationDate,
    RelativeDate,
    Story,
    TimeValue,
)
from storyline.organise import OrganiseOptions, build_timeline
from storyline.organise.text import sentences
from storyline.organise.windows import (
    MAX_STORY_SPAN_DAYS,
    STORY_WINDOW_SLACK_DAYS,
    Window,
    placed,
    publication_windows,
)

SLACK = dt.timedelta(days=STORY_WINDOW_SLACK_DAYS)
JULY_2 = dt.date(2013, 7, 2)
DATED_TEXT = "Ministers met in Harbourton on Tuesday to sign the ferry accord."
UNDATED_TEXT = (
    "The ferry accord was signed in Harbourton.\n\n"
    "In an interview on June 16, the minister said the crossings would resume.\n\n"
    "The operators had walked out last month."
)


def _relative(article: Article, phrase: str, relative: RelativeDate) -> DateMention:
    start = article.text.index(phrase)
    return DateMention(start, start + len(phrase), phrase, None, 0.0, "unresolved", relative)


def _inferred(earliest: dt.date | None, latest: dt.date | None) -> PublicationDate:
    return PublicationDate(DateSource.INFERRED, None, earliest, latest, "text")


def _analysis(
    article: Article, *dates: DateMention, published: PublicationDate | None = None
) -> ArticleAnalysis:
    return ArticleAnalysis(
        article.id,
        "test.v1",
        "en",
        True,
        sentences=sentences(article, None),
        dates=dates,
        published=published or PublicationDate(),
    )


def _corpus() -> tuple[Article, Article, dict[str, ArticleAnalysis]]:
    dated = build_article(DATED_TEXT, published=JULY_2, article_id="dated")
    undated = build_article(UNDATED_TEXT, outlet="Daily Courier", article_id="undated")
    june_16 = RelativeDate("yearless", "past", confidence=0.85, month=6, day=16)
    last_month = RelativeDate("shift", "past", confidence=0.9, unit="month", amount=-1)
    analyses = {
        "undated": _analysis(
            undated,
            _relative(undated, "June 16", june_16),
            _relative(undated, "last month", last_month),
        )
    }
    return dated, undated, analyses


def test_an_undated_report_gets_the_days_of_its_story_widened_by_the_slack() -> None:
    dated, undated, analyses = _corpus()
    windows = publication_windows([dated, undated], analyses)
    assert set(windows) == {"undated"}  # a report with its own day needs no window
    assert windows["undated"] == Window(JULY_2 - SLACK, JULY_2 + SLACK, ("dated",))


def test_its_own_inferred_bounds_narrow_the_window_and_a_contradiction_gives_none() -> None:
    dated, undated, _ = _corpus()
    after = {"undated": _analysis(undated, published=_inferred(JULY_2, None))}
    assert publication_windows([dated, undated], after)["undated"].earliest == JULY_2
    years_before = _inferred(None, dt.date(2011, 1, 1))
    contradicted = {"undated": _analysis(undated, published=years_before)}
    assert publication_windows([dated, undated], contradicted) == {}


def test_a_report_alone_or_among_undated_reports_gets_no_window() -> None:
    _, undated, analyses = _corpus()
    other = build_article("Ferry crossings resume in Harbourton.", article_id="other")
    assert publication_windows([undated], analyses) == {}
    assert publication_windows([undated, other], analyses) == {}


def test_a_sibling_dated_only_by_a_range_of_years_bounds_nothing() -> None:
    _, undated, analyses = _corpus()
    vague = build_article("Ferry crossings resume in Harbourton.", article_id="vague")
    analyses = {**analyses, "vague": _analysis(vague, published=_inferred(
        dt.date(2010, 1, 1), dt.date(2013, 1, 1)))}  # fmt: skip
    assert publication_windows([undated, vague], analyses) == {}


def test_placed_gives_a_value_only_when_the_whole_window_agrees() -> None:
    _, _, analyses = _corpus()
    june_16, last_month = analyses["undated"].dates
    window = Window(JULY_2 - SLACK, JULY_2 + SLACK, ("dated",))
    found = placed(june_16, window)
    assert found.value is not None and found.value.label() == "2013-06-16"
    assert found.anchor == window.note() and 0 < found.confidence < june_16.relative.confidence
    assert placed(last_month, window) is last_month  # June or July: not picked
    assert placed(june_16, None) is june_16


def test_resolved_mentions_are_left_as_the_analyser_gave_them() -> None:
    value = TimeValue(dt.date(2012, 6, 1), dt.date(2012, 6, 30), Granularity.MONTH)
    mention = DateMention(17, 26, "June 2012", value, 0.95, "absolute")
    assert placed(mention, Window(dt.date(2013, 1, 1), dt.date(2013, 2, 1), ())) is mention


def test_the_timeline_dates_an_undated_report_by_its_story() -> None:
    dated, undated, analyses = _corpus()
    story = Story("story:s", "s", ("dated", "undated"), JULY_2, JULY_2, (), None, "test")
    events = build_timeline([story], [dated, undated], analyses, OrganiseOptions())
    by_label = {e.when.label(): e for e in events if e.when is not None}
    interview = by_label["2013-06-16"]
    assert "June 16" in interview.description
    (citation,) = interview.citations
    assert citation.article_id == "undated"
    assert interview.dated_by == ("dated",)  # the report whose day placed it is named
    assert all(e.dated_by == () for e in events if e is not interview)
    assert not any("last month" in e.description for e in events)  # stays undated: no event
    alone = build_timeline(
        [Story("story:u", "u", ("undated",), None, None, (), None, "test")],
        [undated],
        analyses,
        OrganiseOptions(),
    )
    assert all(e.when is None for e in alone)  # without its story nothing is dated


def test_reports_far_apart_bound_nothing_but_one_report_known_to_a_range_does() -> None:
    _, undated, analyses = _corpus()
    early = build_article("Ferry crews strike in Harbourton.", published=JULY_2, article_id="e")
    late_day = JULY_2 + dt.timedelta(days=MAX_STORY_SPAN_DAYS + 1)
    late = build_article("Ferry crews return in Harbourton.", published=late_day, article_id="l")
    assert publication_windows([early, late, undated], analyses) == {}  # a long-running story
    ranged = build_article("Ferry crews strike in Harbourton.", article_id="r")
    half_year = _inferred(dt.date(2013, 3, 2), dt.date(2013, 9, 1))
    with_range = {**analyses, "r": _analysis(ranged, published=half_year)}
    window = publication_windows([ranged, undated], with_range)["undated"]
    assert (window.earliest, window.latest) == (
        dt.date(2013, 3, 2) - SLACK,
        dt.date(2013, 9, 1) + SLACK,
    )


def _naive_window(
    target: str, spans: dict[str, tuple[dt.date, dt.date] | None]
) -> tuple[dt.date, dt.date] | None:
    """The rule written out directly, over every other report."""
    others = [span for key, span in spans.items() if key != target and span is not None]
    if not others:
        return None
    if (max(lo for lo, _ in others) - min(hi for _, hi in others)).days > MAX_STORY_SPAN_DAYS:
        return None
    return min(lo for lo, _ in others) - SLACK, max(hi for _, hi in others) + SLACK


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.tuples(st.integers(0, 60), st.integers(0, 20)),  # (start day, width): a range
        ),
        min_size=1,
        max_size=8,
    )
)
def test_windows_follow_the_rule_over_every_other_report(
    shapes: list[tuple[int, int] | None],
) -> None:
    start = dt.date(2020, 1, 1)
    articles, analyses, spans = [], {}, {}
    for index, shape in enumerate(shapes):
        key = f"r{index}"
        article = build_article("Ferry crews strike in Harbourton.", article_id=key)
        span = None
        if shape is not None:
            low = start + dt.timedelta(days=shape[0])
            span = (low, low + dt.timedelta(days=shape[1]))
            analyses[key] = _analysis(article, published=_inferred(*span))
        articles.append(article)
        spans[key] = span
    windows = publication_windows(articles, analyses)
    for article in articles:
        own = spans[article.id]
        expected = _naive_window(article.id, spans)
        if expected is not None and own is not None:
            expected = (max(expected[0], own[0]), min(expected[1], own[1]))
            if own[0] == own[1] or expected[0] > expected[1]:
                expected = None  # a report with its day needs none; a contradiction gives none
        found = windows.get(article.id)
        assert (found.earliest, found.latest) == expected if found else expected is None
