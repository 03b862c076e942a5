"""The Markdown report: structure, citations, and escaping of untrusted article text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import build_article
from storyline.models import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Figure,
    Quote,
    Removal,
    SpeakerKind,
    StorySummary,
    SummarySentence,
    TimelineEvent,
)
from storyline.report import render
from storyline.report.evidence import FigureGroup, FigureView, SourceRef, collect_evidence
from storyline.report.markdown import md_escape
from storyline.report.text import one_line
from test_report_briefings import on_day, port_briefing

markdown_it = pytest.importorskip("markdown_it")


def to_html(markdown: str) -> str:
    return str(markdown_it.MarkdownIt("commonmark").render(markdown))


def visible_text(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


# --------------------------------------------------------------------------- escaping


@pytest.mark.parametrize(
    "text",
    [
        "# Breaking: port closed",
        "## not a heading",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "1. not a list",
        "2024) not a list",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "**not bold** and _not italic_",
        "[not a link](javascript:alert(1))",
        "![not an image](https://x.example/a.png)",
        "`not code`",
        "a | b | c",
        "AT&T &amp; &#60;tag&#62;",
        "back\\slash\\",
        "===",
        "---",
    ],
)
def test_md_escape_makes_markdown_show_the_text_literally(text: str) -> None:
    rendered = to_html(md_escape(text))
    assert rendered.startswith("<p>")
    assert visible_text(rendered) == text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=80))
def test_md_escape_never_lets_markdown_or_html_interpret_text(text: str) -> None:
    rendered = to_html(md_escape(text))
    assert visible_text(rendered) == one_line(text)
    assert not re.search(r"<(?!/?p>)", rendered.strip())


def test_a_title_with_html_and_markdown_is_shown_literally_in_the_report() -> None:
    article = build_article(
        "Body.", title="# <script>alert(1)</script> *big*", outlet="[Wire](javascript:x)"
    )
    rendered = to_html(render(Briefing(articles=(article,)), "md"))
    assert "<script" not in rendered
    assert 'href="javascript' not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *big*" in rendered


def test_only_http_urls_become_links() -> None:
    safe = build_article("One.", title="Safe", url="https://news.example/a(1)", article_id="s")
    unsafe = build_article("Two.", title="Unsafe", url="javascript:alert(1)", article_id="u")
    text = render(Briefing(articles=(safe, unsafe)), "md")
    assert "[original](https://news.example/a%281%29)" in text
    assert "javascript" not in text


def test_an_attribute_breaking_url_cannot_escape_the_link() -> None:
    article = build_article("One.", url='https://x.example/"><img src=x onerror=alert(1)>')
    rendered = to_html(render(Briefing(articles=(article,)), "md"))
    assert "<img" not in rendered
    assert "onerror=alert%281%29" in rendered


# --------------------------------------------------------------------------- structure


def test_full_briefing_shows_thread_timeline_then_stories_then_problems() -> None:
    text = render(port_briefing(), "md")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [re.sub(r"<a id=\"[^\"]+\"></a>", "", h) for h in headings] == [
        "## Thread: Harbourton port dispute",
        "## Stories",
        "## Other articles",
        "## Problems",
    ]
    timeline = text.index("### Timeline")
    assert timeline < text.index("**2024-03-04**") < text.index("**2026-03-11**")
    assert text.index("**2026-03-11**") < text.index("Undated:") < text.index("Story: Harbourton")


def test_every_citation_links_to_an_anchor_that_exists() -> None:
    text = render(port_briefing(), "md")
    targets = set(re.findall(r"\]\(#([^)]+)\)", text))
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    assert targets
    assert targets <= anchors


def test_near_duplicates_count_once_but_every_member_is_listed() -> None:
    text = render(port_briefing(), "md")
    assert "4 articles from 4 outlets, 3 independent sources" in text
    line = next(line for line in text.splitlines() if "Near-duplicates" in line)
    assert "similarity 0.91" in line
    assert "(#article-wire)" in line
    assert "(#article-copy)" in line


def test_quotes_name_their_speaker_from_the_entities_and_cite_every_outlet() -> None:
    text = render(port_briefing(), "md")
    assert (
        "“We will not back down”: Ana Ribeiro "
        "[Coastline Wire](#article-wire) [Daily Meridian](#article-copy)"
    ) in text
    assert "a senior ministry official (unnamed) [NNews](#article-clash)" in text


def test_conflicting_figures_are_shown_side_by_side_and_flagged() -> None:
    text = render(port_briefing(), "md")
    line = next(line for line in text.splitlines() if line.startswith("- injured"))
    assert "(sources disagree)" in line
    assert "Fourteen people were injured [NNews](#article-clash)" in line
    assert "Twelve people were hurt [Harbourton Herald](#article-herald)" in line


def test_resolved_dates_show_the_words_and_what_they_mean() -> None:
    assert "“on Thursday” = 2024-03-07 [NNews](#article-clash)" in render(port_briefing(), "md")


def test_each_article_shows_its_lead_and_what_cleaning_removed() -> None:
    text = render(port_briefing(), "md")
    assert "> HARBOURTON - About 2,400 dockworkers walked off the job on Monday." in text
    assert "- promo-line: “Watch NNews Live”" in text


def test_articles_without_stories_are_listed_by_outlet_then_date() -> None:
    later = build_article("B.", title="Later", outlet="Wire", published=_day(5), article_id="b")
    earlier = build_article("A.", title="Earlier", outlet="Wire", published=_day(4), article_id="a")
    herald = build_article("C.", title="Herald piece", outlet="Herald", article_id="c")
    text = render(Briefing(articles=(later, herald, earlier)), "md")
    assert "## Articles" in text
    assert "Story:" not in text
    assert text.index("### Herald") < text.index("### Wire")
    assert text.index("Earlier") < text.index("Later")


def test_unicode_text_is_kept_as_it_is() -> None:
    article = build_article(
        "Doce heridos en el puerto de Harbourton.",
        title="Huelga: ¿qué pasó? — 港口罢工 😐",
        outlet="Gaceta Atlántica",
    )
    article = dataclasses.replace(article, removals=(Removal("promo-line", "Síguenos", 0, "x"),))
    text = render(Briefing(articles=(article,)), "md")
    assert "Huelga: ¿qué pasó? — 港口罢工 😐" in text
    assert "### Gaceta Atlántica" in text
    assert "“Síguenos”" in text


def _day(number: int) -> dt.date:
    return dt.date(2024, 3, number)


def _with_reported_speech() -> Briefing:
    """The port briefing with the unnamed official's words as reported speech."""
    briefing = port_briefing()
    analyses = []
    for analysis in briefing.analyses:
        quotes = tuple(
            dataclasses.replace(quote, direct=False)
            if quote.text == "prepared for a long strike"
            else quote
            for quote in analysis.quotes
        )
        analyses.append(dataclasses.replace(analysis, quotes=quotes))
    return dataclasses.replace(briefing, analyses=tuple(analyses))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_reported_speech_is_never_shown_inside_quotation_marks(fmt: str) -> None:
    rendered = render(_with_reported_speech(), fmt)
    assert "prepared for a long strike" in rendered
    assert "“prepared for a long strike”" not in rendered
    assert "<q>prepared for a long strike</q>" not in rendered
    assert "(reported)" in rendered
    direct = render(port_briefing(), fmt)  # the control: direct words keep their marks
    assert "(reported)" not in direct
    assert "“We will not back down”" in direct or "<q>We will not back down</q>" in direct


def test_quoted_words_inside_reported_speech_are_listed_once_as_reported_speech() -> None:
    text = 'The mayor said the bridge should reopen "sooner rather than later" this year.'
    article = build_article(text, title="Bridge")
    reported_start = text.index("the bridge")
    fragment_start = text.index("sooner")
    fragment_end = fragment_start + len("sooner rather than later")

    def quote(start: int, end: int, *, direct: bool) -> Quote:
        return Quote(
            start, end, text[start:end], SpeakerKind.NAMED, "name:mayor", "The mayor", "say",
            direct=direct, partial=direct,
        )  # fmt: skip

    reported = quote(reported_start, text.index(" this year"), direct=False)
    fragment = quote(fragment_start, fragment_end, direct=True)
    elsewhere = quote(0, len("The mayor"), direct=True)  # a direct quote outside: kept
    analysis = ArticleAnalysis(
        article.id, "test", "en", True, quotes=(fragment, reported, elsewhere)
    )
    found = collect_evidence(
        [article], {article.id: analysis}, lambda key: "Mayor",
        lambda key: SourceRef(key, "outlet", None),
    )  # fmt: skip
    assert [(view.text, view.direct) for view in found.quotes] == [
        ("The mayor", True),
        ('the bridge should reopen "sooner rather than later"', False),
    ]


# --------------------------------------------------------------------------- timeline date words


def timeline_markdown(description: str, date_span: tuple[int, int] | None) -> str:
    """The Markdown line of a one-event timeline."""
    citation = Citation("wire", 0, 10, "Coastline Wire")
    event = TimelineEvent(on_day("2024-03-04"), description, (citation,), "strike", date_span)
    briefing = dataclasses.replace(port_briefing(), timelines=(("port", (event,)),))
    text = render(briefing, "md")
    return next(line for line in text.splitlines() if line.startswith("- **2024-03-04**"))


def timeline_line(description: str, date_span: tuple[int, int] | None) -> str:
    """The Markdown line of a one-event timeline, rendered to HTML."""
    return to_html(timeline_markdown(description, date_span))


def shown_date_words(rendered: str) -> list[str]:
    return [html.unescape(words) for words in re.findall(r"<strong>(.*?)</strong>", rendered)][1:]


def test_the_words_that_dated_an_event_are_bold() -> None:
    description = "The accord came a year after the March 2023 Bergen summit."
    start = description.index("March 2023")
    line = timeline_markdown(description, (start, start + len("March 2023")))
    assert "the **March 2023** Bergen summit." in line
    relative = description.index("a year after")
    line = timeline_markdown(description, (relative, start + len("March 2023")))
    assert "came **a year after the March 2023** Bergen" in line


@pytest.mark.parametrize("date_span", [None, (0, 0), (5, 3), (0, 999), (4, 6)])
def test_a_missing_or_unusable_span_shows_the_plain_description(
    date_span: tuple[int, int] | None,
) -> None:
    rendered = timeline_line("Ship  docked.", date_span)
    assert shown_date_words(rendered) == []
    assert visible_text(rendered) == "2024-03-04: Ship docked. Coastline Wire"


def test_markdown_and_html_around_and_inside_the_date_words_stay_literal() -> None:
    description = "# <b>Vote</b> *set* for [4 March](javascript:x) &amp; **_2024_** | `end` <i>"
    start = description.index("[4 March]")
    end = description.index(" | ")
    rendered = timeline_line(description, (start, end))
    assert shown_date_words(rendered) == ["[4 March](javascript:x) &amp; **_2024_**"]
    assert visible_text(rendered) == f"2024-03-04: {description} Coastline Wire"
    tags = set(re.findall(r"</?([a-z]+)", rendered))
    assert tags == {"ul", "li", "strong", "a"}
    assert "javascript" not in " ".join(re.findall(r'href="([^"]*)"', rendered))


def test_date_words_glued_to_punctuation_are_still_bold() -> None:
    description = "Budgets (2023)s rose and fell."
    start = description.index("(2023)")
    rendered = timeline_line(description, (start, start + len("(2023)")))
    assert shown_date_words(rendered) == ["(2023)"]
    assert visible_text(rendered) == f"2024-03-04: {description} Coastline Wire"


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)


@given(_TEXT, st.integers(0, 40), st.integers(1, 20))
def test_any_description_and_span_show_the_text_literally_with_the_span_bold(
    description: str, start: int, length: int
) -> None:
    end = min(start + length, len(description))
    words = description[start:end]
    if not one_line(description) or not words.strip():
        return
    rendered = timeline_line(description, (start, end))
    assert visible_text(rendered) == f"2024-03-04: {one_line(description)} Coastline Wire"
    assert shown_date_words(rendered) == [one_line(words)]
    assert set(re.findall(r"</?([a-z]+)", rendered)) == {"ul", "li", "strong", "a"}


def test_two_values_from_one_article_are_a_change_not_a_disagreement() -> None:
    def ref(article_id: str) -> SourceRef:
        return SourceRef(article_id, article_id, None)

    earlier = FigureView("more than 10,000 a year ago", 10_000, (ref("a"),))
    now = FigureView("more than 93,000 now", 93_000, (ref("a"),))
    assert not FigureGroup("dead", (earlier, now)).disagree
    elsewhere = FigureView("about 90,000", 90_000, (ref("b"),))
    assert FigureGroup("dead", (earlier, now, elsewhere)).disagree
    same_elsewhere = FigureView("93,000", 93_000, (ref("a"), ref("b")))
    assert FigureGroup("dead", (earlier, same_elsewhere)).disagree  # b says 93,000, a 10,000
    assert not FigureGroup("dead", (now, same_elsewhere)).disagree


def _with_summary(text: str) -> Briefing:
    """The port briefing with a summary of the strike story citing the wire and its copy."""
    briefing = port_briefing()
    wire = next(article for article in briefing.articles if article.id == "wire")
    start = 0
    end = len(wire.text.split("\n\n")[0])
    cited = (Citation("wire", start, end, wire.outlet), Citation("copy", start, end, "Copy"))
    summary = StorySummary(
        "strike",
        (SummarySentence(text, cited),),
        (
            SummarySentence(
                "Only the wire says so.", (Citation("wire", 0, 5, wire.outlet),), ("<Wire>",)
            ),
        ),
        "test",
    )
    return dataclasses.replace(briefing, summaries=(summary,))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_story_opens_with_its_cited_summary_and_lists_single_source_statements(
    fmt: str,
) -> None:
    rendered = render(_with_summary("Dockworkers walked out at Harbourton."), fmt)
    assert "Summary" in rendered and "Reported by one source only" in rendered
    assert rendered.index("Summary") < rendered.index("Sources")
    assert "Dockworkers walked out at Harbourton." in rendered
    assert "Only the wire says so." in rendered
    given = "(only this source gives: &lt;Wire&gt;)" if fmt == "html" else "gives: \\<Wire\\>)"
    assert given in rendered
    if fmt == "md":
        line = next(line for line in rendered.splitlines() if "Dockworkers walked out" in line)
        assert "(#article-wire)" in line and "(#article-copy)" in line  # both cited


def test_summary_sentences_are_escaped_in_every_format() -> None:
    hostile = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"
    markdown = render(_with_summary(hostile), "md")
    assert "<script>" not in markdown and "\\*\\*bold\\*\\*" in markdown
    page = render(_with_summary(hostile), "html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _figure_groups(texts: dict[str, str], counted: str) -> tuple[FigureGroup, ...]:
    """Figures of invented one-sentence reports: the first number word or digits of each,
    counting ``counted``."""
    articles, analyses = [], {}
    for article_id, text in texts.items():
        article = build_article(text, outlet=article_id.title(), article_id=article_id)
        found = re.search(r"\b(?:\d[\d,]*|Two|Three|Twelve|Fourteen)\b", text)
        assert found is not None
        words = {"Two": 2.0, "Three": 3.0, "Twelve": 12.0, "Fourteen": 14.0}
        value = words.get(found.group()) or float(found.group().replace(",", ""))
        figure = Figure(found.start(), found.end(), found.group(), value, counted, counted)
        articles.append(article)
        analyses[article_id] = ArticleAnalysis(article_id, "test", "en", True, figures=(figure,))
    ref = lambda key: SourceRef(key, key.title(), None)  # noqa: E731
    return collect_evidence(articles, analyses, lambda key: key, ref).figures


def test_figures_counting_one_thing_in_different_facts_do_not_disagree() -> None:
    (group,) = _figure_groups(
        {
            "wire": "Two firefighters were treated for smoke inhalation at the warehouse.",
            "post": "Three firefighters were hurt when their engine crashed on the bypass.",
            "daily": "More than 300 firefighters fought the blaze through the night.",
        },
        "firefighters",
    )
    assert len(group.figures) == 3
    assert not group.disagree


def test_different_figures_for_one_fact_from_two_outlets_disagree() -> None:
    (group,) = _figure_groups(
        {
            "wire": "Twelve people were hurt in the clashes at Gate 4 on Thursday evening.",
            "post": "Fourteen people were injured on Thursday in clashes at Gate 4.",
        },
        "injured",
    )
    assert group.disagree


def test_a_timeline_event_cites_its_own_source_then_those_also_reporting_it() -> None:
    from storyline.report.markdown import _events
    from storyline.report.views import EventView

    refs = tuple(SourceRef(key, key.title(), f"article-{key}") for key in ("wire", "post"))
    one = EventView("2024-03-07", "Police cleared the gate on ", "Thursday", ".", refs[:1])
    both = dataclasses.replace(one, sources=refs)
    assert next(_events((one,))).endswith("[Wire](#article-wire)")
    line = next(_events((both,)))
    assert line.endswith("[Wire](#article-wire) · also reported by [Post](#article-post)")


@pytest.mark.parametrize(
    ("one", "other", "conflict"),
    [
        ((12.0, None), (14.0, None), True),
        ((200.0, "hundreds of"), (300.0, "more than"), False),  # at least 300 fits both
        ((1000.0, "about"), (1050.0, None), False),
        ((1000.0, "about"), (1500.0, None), True),
        ((300.0, "several"), (7.0, None), True),
        ((50.0, "nearly"), (48.0, None), False),
        ((50.0, "up to"), (60.0, None), True),
    ],
)
def test_figures_disagree_only_when_no_amount_fits_both(
    one: tuple[float, str | None], other: tuple[float, str | None], conflict: bool
) -> None:
    said = frozenset({"clashes", "gate", "thursday"})
    views = [
        FigureView(str(value), value, (SourceRef(key, key, None),), ((key, said),), approx)
        for key, (value, approx) in (("a", one), ("b", other))
    ]
    assert FigureGroup("injured", tuple(views)).disagree is conflict
