"""ingest.extract on pages that are not articles (menus, cookie notices, headline lists) and
on HTML cut off part-way: no article from furniture, a warning for a page cut mid-text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest import extract, read
from storyline.ingest.extract import extract_with_warnings
from storyline.ingest.truncation import ends_mid_sentence, html_cut, without_cut_tag
from storyline.models import Draft, Origin, Problem, RawDocument, Severity

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"

HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry fares to rise in April | The Kestrel Gazette</title>
<meta property="og:title" content="Ferry fares to rise in April">
<meta property="og:site_name" content="The Kestrel Gazette">
</head>
<body>
"""
NAV_LIST = """<header class="masthead"><a class="logo" href="/">The Kestrel Gazette</a>
<nav class="primary"><ul>
<li><a href="/news">News</a></li><li><a href="/islands">Islands &amp; Coast</a></li>
<li><a href="/money">Money</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/letters">Letters</a></li><li><a href="/subscribe">Subscribe</a></li>
</ul></nav></header>
"""
SPAN_MENU = """<div class="topbar" role="navigation">
<span class="item">Front Page</span> <span class="item">Harbour Watch</span>
<span class="item">Weather Desk</span> <span class="item">Obituaries Archive</span>
<span class="item">Events Listings</span> <span class="item">Photo Galleries</span>
</div>
"""
COOKIES = """<div id="consent" class="cmp-banner"><p>We use cookies and similar technologies to
personalise content and adverts and to analyse our traffic. By continuing to browse this site
you agree to our use of cookies.</p><button>Accept all</button><button>Settings</button></div>
"""
BODY = """<main><article>
<h1>Ferry fares to rise in April</h1>
<p class="byline">By Oona Tregarthen</p>
<p>Return fares on the Kestrel Island ferry will rise by 6 percent from the first of April,
the operator said on Tuesday, blaming higher fuel and insurance costs.</p>
<p>Islanders with resident cards will pay the old price until the end of the summer, after
a campaign by the parish council, which had warned that a rise would empty the island.</p>
<p>The operator said it would publish a full timetable for the summer season next week.</p>
</article></main>
"""
FOOTER = """<footer><p>&copy; 2025 Kestrel Gazette Ltd. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body>
</html>
"""
PAGE = HEAD + COOKIES + NAV_LIST + BODY + FOOTER


def page(html: str, name: str = "kestrel.html") -> RawDocument:
    return RawDocument(html.encode(), "text/html", Origin(name), encoding="utf-8")


def problem_of(html: str, name: str = "kestrel.html") -> Problem:
    result = extract(page(html, name))
    assert isinstance(result, Problem), result
    return result


def kept(html: str) -> tuple[Draft, tuple[Problem, ...]]:
    result, warnings = extract_with_warnings(page(html))
    assert isinstance(result, Draft), result
    return result, warnings


# --------------------------------------------------------------------- pages with no article


def test_page_cut_before_its_body_is_not_stored_as_its_navigation_menu() -> None:
    found = problem_of(HEAD + NAV_LIST + "<main><article>\n<h", "cut-early.html")
    assert found.code == "no-main-text" and found.severity is Severity.ERROR
    assert "cut-early.html" in found.describe()
    assert "navigation" in found.message and "Islands & Coast" in found.message
    assert "cut off" in found.message  # where it ends: the page stops early
    assert "save the complete page" in found.hint


def test_menu_of_plain_spans_without_links_is_not_an_article() -> None:
    found = problem_of(HEAD + SPAN_MENU + "<main><div class='story'>")
    assert found.code == "no-main-text"


def test_page_holding_only_a_cookie_notice_is_not_an_article() -> None:
    found = problem_of(HEAD + COOKIES + NAV_LIST + "<main><article><h1>Ferry fares")
    assert found.code == "no-main-text"
    assert "cookie" in found.message


def test_cookie_notice_cut_mid_word_is_not_an_article() -> None:
    cut = HEAD + COOKIES[: COOKIES.index("analyse")]
    assert problem_of(cut).code == "no-main-text"


def test_headline_list_of_links_is_not_an_article() -> None:
    headlines = [
        "Parish council votes to keep the island school open for another year",
        "Lifeboat crew called out twice in one night as gales batter the coast",
        "New bakery on the quay sells out of saffron buns before nine each morning",
    ]
    items = "".join(f'<li><a href="/n/{n}">{text}</a></li>' for n, text in enumerate(headlines))
    html = f"{HEAD}{NAV_LIST}<main><h2>Latest</h2><ul class='teasers'>{items}</ul></main>{FOOTER}"
    found = problem_of(html)
    assert found.code == "no-main-text" and "link" in found.message


def test_page_that_needs_javascript_is_not_an_article() -> None:
    html = (
        f"{HEAD}{NAV_LIST}<div id='app'></div><noscript><p>Please enable JavaScript to read "
        f"this article.</p></noscript><script>window.boot()</script>{FOOTER}"
    )
    assert problem_of(html).code == "no-main-text"


def test_headline_and_byline_alone_are_not_an_article() -> None:
    cut = HEAD + NAV_LIST + BODY[: BODY.index("<p>Return")]
    assert problem_of(cut).code == "no-main-text"


# --------------------------------------------------------------- short genuine articles pass


def test_three_sentence_brief_with_menus_and_cookie_notice_is_an_article() -> None:
    draft, warnings = kept(PAGE)
    assert draft.paragraphs[-1].startswith("The operator said it would publish")
    assert warnings == ()


def test_one_paragraph_brief_with_inline_links_is_an_article() -> None:
    brief = (
        "<p>The <a href='/t/harbour'>harbour</a> will close to visitors on Sunday while "
        "divers inspect the <a href='/t/breakwater'>breakwater</a>, the council said.</p>"
    )
    draft, warnings = kept(f"{HEAD}{NAV_LIST}<main><article>{brief}</article></main>{FOOTER}")
    assert "divers inspect the breakwater" in draft.paragraphs[0]
    assert warnings == ()


def test_brief_in_an_uncased_script_is_an_article() -> None:
    text = "ستغلق الميناء أمام الزوار يوم الأحد بينما يفحص الغواصون حاجز الأمواج، كما قال المجلس."
    html = f"{HEAD}{NAV_LIST}<main><article><p>{text}</p><p>{text}</p></article></main>{FOOTER}"
    assert isinstance(extract(page(html)), Draft)


# ------------------------------------------------------------------------ truncated pages


def test_page_cut_mid_sentence_is_kept_with_a_truncated_html_warning() -> None:
    cut = PAGE[: PAGE.index("empty the island")]
    draft, [warning] = kept(cut)
    assert draft.paragraphs[0].startswith("Return fares on the Kestrel Island ferry")
    assert warning.code == "truncated-html" and warning.severity is Severity.WARNING
    assert "kestrel.html" in warning.describe()
    assert "mid-sentence" in warning.message and "would" in warning.message
    assert f"{len(cut):,} characters" in warning.message
    assert "download or save the complete page" in warning.hint


def test_page_cut_inside_a_tag_after_a_whole_paragraph_is_flagged() -> None:
    cut = PAGE[: PAGE.index("<p>The operator said")] + '<p cla'  # fmt: skip
    draft, [warning] = kept(cut)
    assert warning.code == "truncated-html" and "inside the tag" in warning.message
    assert not any("<p" in paragraph for paragraph in draft.paragraphs)


def test_page_cut_inside_a_script_is_flagged() -> None:
    cut = HEAD + COOKIES + BODY + "<script>var slots = ['top', 'side'"
    _, [warning] = kept(cut)
    assert "<script>" in warning.message


def test_page_without_closing_tags_but_whole_sentences_has_no_warning() -> None:
    unclosed = PAGE.replace("</body>", "").replace("</html>", "")
    assert kept(unclosed)[1] == ()


def test_fragment_without_document_tags_ending_mid_sentence_has_no_warning() -> None:
    fragment = "<p>The harbour will close to visitors on Sunday while divers inspect the wall"
    assert kept(fragment)[1] == ()


def test_fragment_ending_mid_tag_is_flagged() -> None:
    fragment = BODY[: BODY.index("</article>")] + "<a href='/more"
    _, [warning] = kept(fragment)
    assert warning.code == "truncated-html"


def test_json_html_body_cut_mid_tag_is_flagged(tmp_path: Path) -> None:
    body = BODY[: BODY.index("</article>")] + "<img src='/ferry.jp"
    record = {"title": "Ferry fares to rise in April", "content_html": body}
    path = tmp_path / "export.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    [raw] = list(read([str(path)]))
    assert isinstance(raw, RawDocument)
    result, [warning] = extract_with_warnings(raw)
    assert isinstance(result, Draft) and warning.code == "truncated-html"
    assert "HTML body" in warning.message


def test_plain_text_never_gets_a_truncated_html_warning() -> None:
    raw = RawDocument(
        b"Ferry fares to rise\n\nReturn fares will rise by", "text/plain", Origin("t")
    )
    assert extract_with_warnings(raw)[1] == ()


# ------------------------------------------------------------------------ helper functions


@pytest.mark.parametrize(
    ("html", "cut"),
    [
        ("<html><body><p>Done.</p></body></html>", False),
        ("<html><body><p>Done.</p>", True),
        ("<html><body><p>Done.</p><!-- ad slot", True),
        ("<p>Done.</p><a hre", True),
        ("<p>Done.</p>", False),
        ("<p>Heat below 5 < 7 degrees.</p>", False),
        ("<html><body><p>a</p></body></html>\n<", True),
    ],
)
def test_html_cut_tells_documents_that_stop_early(html: str, cut: bool) -> None:
    assert (html_cut(html) is not None) is cut


@pytest.mark.parametrize(
    ("text", "mid"),
    [("He left.", False), ("“We will stay.”", False), ("He left at", True), ("Why?)", False)],
)
def test_ends_mid_sentence(text: str, mid: bool) -> None:
    assert ends_mid_sentence(text) is mid


def test_unfinished_final_tag_is_dropped_and_nothing_else() -> None:
    assert without_cut_tag("<p>Done.</p><a href='/x") == "<p>Done.</p>"
    assert without_cut_tag("<p>5 < 7</p>") == "<p>5 < 7</p>"


# --------------------------------------------------- real pages, whole and cut at any offset

WHOLE_PAGES = [
    *sorted((ROOT / "examples" / "corpus").glob("*.html")),
    FIXTURES / "article_page.html",
    FIXTURES / "malformed_page.html",
    ROOT / "examples" / "corpus" / "web-crawl.warc.gz",
]


@pytest.mark.parametrize("path", WHOLE_PAGES, ids=lambda path: path.name)
def test_every_example_and_fixture_page_is_still_an_article_without_warnings(path: Path) -> None:
    raws = [item for item in read([str(path)]) if isinstance(item, RawDocument)]
    assert raws
    for raw in raws:
        result, warnings = extract_with_warnings(raw)
        assert isinstance(result, Draft), result
        assert warnings == ()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fraction=st.floats(min_value=0.0, max_value=1.0))
def test_a_page_cut_anywhere_never_becomes_an_article_of_menu_items(fraction: float) -> None:
    cut = PAGE[: int(len(PAGE) * fraction)]
    result, warnings = extract_with_warnings(page(cut))
    menu = {"News", "Islands & Coast", "Money", "Sport", "Letters", "Subscribe"}
    if isinstance(result, Draft):
        text = " ".join(result.paragraphs)
        assert "Return fares" in text or "Islanders" in text or "The operator" in text
        assert not set(text.split()) <= menu
    else:
        assert result.code == "no-main-text" and warnings == ()


def test_page_cut_exactly_at_a_paragraph_end_inside_its_article_is_flagged() -> None:
    cut = PAGE[: PAGE.index("<p>The operator said")]
    draft, [warning] = kept(cut)
    assert draft.paragraphs[-1].endswith("empty the island.")
    assert "unclosed <article>" in warning.message and "missing" in warning.message
