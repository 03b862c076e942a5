"""HTML to title, paragraphs, headings and metadata: trafilatura for pages, a sanitised
lxml walk for fragments (feed content, JSON bodies)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storyline.ingest.dates import from_day
from storyline.ingest.substance import Verdict, furniture_phrases, judge, merged
from storyline.ingest.truncation import without_cut_tag

# fast=True skips trafilatura's readability/jusText fallbacks: on 300 bench/synthetic.py
# pages plus the example and fixture pages (306) the extracted text was identical and took
# 0.70x the time; the fallbacks still run when fast extraction finds no article.
TRAFILATURA_FAST = True
# Dates only from the page's markup (meta tags, <time>, URL): htmldate's extensive search
# takes years from the body text ("in 2019") as publication dates.
EXTENSIVE_DATE_SEARCH = False
# htmldate returns days only; full timestamps stated in these places refine its day.
_STATED_TIMESTAMP = re.compile(
    r"""(?:article:published_time|og:published_time|datePublished|pubdate|publish-date)"""
    r"""["']?\s*(?:content\s*=|:)\s*["']([0-9]{4}-[0-9]{2}-[0-9]{2}T[^"'<>\s]+)""",
    re.I,
)
TIMESTAMP_SCAN_CHARS = 200_000


@dataclass(frozen=True)
class _Markup:
    """Which elements of a markup vocabulary bound paragraphs, mark headings, break lines."""

    blocks: frozenset[str]
    headings: frozenset[str]
    breaks: frozenset[str]
    cells: frozenset[str]  # table cells: joined on one line with " | "


# trafilatura's XML body (p, head, list/item, quote, table/row/cell, lb for <br>).
_TRAFILATURA_XML = _Markup(
    blocks=frozenset({"p", "head", "item", "quote", "row", "code", "list", "table", "div"}),
    headings=frozenset({"head"}),
    breaks=frozenset({"lb"}),
    cells=frozenset({"cell"}),
)
# HTML fragments (feed content, JSON bodies).
_HTML = _Markup(
    blocks=frozenset(
        {"p", "div", "li", "ul", "ol", "blockquote", "pre", "tr", "table", "dd", "dt"}
        | {"figcaption", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"}
    ),
    headings=frozenset({"h1", "h2", "h3", "h4", "h5", "h6"}),
    breaks=frozenset({"br"}),
    cells=frozenset({"td", "th"}),
)
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


@dataclass(frozen=True)
class HtmlParts:
    title: str | None
    paragraphs: tuple[str, ...]
    heading_indices: tuple[int, ...]
    author: str | None = None
    published: dt.datetime | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None  # the canonical URL the page states


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def extract_page(html: str, url: str | None) -> HtmlParts | None:
    """Main text and metadata of a whole page, or None when there is no main text."""
    parts = examine_page(html, url)
    return parts if isinstance(parts, HtmlParts) else None


def examine_page(html: str, url: str | None) -> HtmlParts | Verdict:
    """Main text and metadata of a whole page, or what the page holds instead: trafilatura's
    fast extraction first, then its fallbacks when that found no article, then (for markup
    trafilatura cannot read at all, such as a saved fragment) our own walk of the markup.
    The Verdict returned when none found an article says what they found instead."""
    html = without_cut_tag(html)  # a page cut off mid-tag would end in a stray "<a hr"
    furniture = functools.cache(lambda: _furniture(html))
    rejections: list[Verdict] = []
    for document in _trafilatura(html, url):
        paragraphs, headings = _paragraphs(document.body, _TRAFILATURA_XML)
        title = squash(document.title) if document.title else None
        verdict = judge(paragraphs, headings, title, furniture)
        if verdict.is_article:
            return _parts(document, paragraphs, headings, html)
        rejections.append(verdict)
    if not rejections:
        fragment, fragment_headings = fragment_paragraphs(html)
        verdict = judge(fragment, fragment_headings, None, furniture)
        if verdict.is_article:
            return HtmlParts(None, fragment, fragment_headings)
        rejections.append(verdict)
    return merged(rejections)


def _parts(document: Any, paragraphs: list[str], headings: list[int], html: str) -> HtmlParts:
    return HtmlParts(
        title=squash(document.title) if document.title else None,
        paragraphs=tuple(paragraphs),
        heading_indices=tuple(headings),
        author=document.author or None,
        published=_refined(from_day(document.date), html),
        outlet=document.sitename or None,
        language=document.language or None,
        url=document.url or None,
    )


def _furniture(html: str) -> tuple[str, ...]:
    """The page's link, button and menu texts; none when lxml cannot parse it."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError, AssertionError):
        return ()
    return furniture_phrases(root)


def _refined(day: dt.datetime | None, html: str) -> dt.datetime | None:
    """htmldate's day, with the time of day when the page states a timestamp on that day."""
    if day is None:
        return None
    for match in _STATED_TIMESTAMP.finditer(html, 0, TIMESTAMP_SCAN_CHARS):
        stamp = from_day(match.group(1))
        if stamp is not None and stamp.date() == day.date():
            return stamp
    return day


def _trafilatura(html: str, url: str | None) -> Iterator[Any]:
    """trafilatura's Documents: fast mode first, then with its fallbacks."""
    import trafilatura  # imported lazily: slow to import

    for fast in dict.fromkeys((TRAFILATURA_FAST, False)):
        # output_format="xml" skips the Markdown rendering of the "python" format (11% of
        # the time) while still returning the Document and its XML body, which we walk.
        document: Any = trafilatura.bare_extraction(
            html, url=url, fast=fast, output_format="xml", with_metadata=True,
            include_formatting=True, include_comments=False, include_tables=True,
            deduplicate=False, date_extraction_params=_date_params(),
        )  # fmt: skip
        if document is not None and getattr(document, "body", None) is not None:
            yield document


def _date_params() -> dict[str, Any]:
    return {
        "extensive_search": EXTENSIVE_DATE_SEARCH,
        "original_date": True,  # the first publication, not the last update
        "max_date": dt.date.today().isoformat(),
    }


@functools.cache
def _cleaner() -> Any:
    from lxml_html_clean import Cleaner

    return Cleaner(
        scripts=True, javascript=True, comments=True, style=True, forms=True, embedded=True,
        frames=True, meta=True, page_structure=False, links=False, safe_attrs_only=True,
    )  # fmt: skip


def fragment_paragraphs(markup: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Paragraphs and heading indices of an HTML fragment, sanitised first."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
        root = _cleaner().clean_html(root)
    except (ParserError, ValueError, AssertionError):  # lxml asserts on "too many bodies"
        return (), ()
    paragraphs, headings = _paragraphs(root, _HTML)
    return tuple(paragraphs), tuple(headings)


def _paragraphs(root: Any, markup: _Markup) -> tuple[list[str], list[int]]:
    from lxml import etree

    walker = _BlockWalker(markup)
    for event, element in etree.iterwalk(root, events=("start", "end")):
        walker.step(event, element, is_root=element is root)
    walker.flush()
    return walker.paragraphs, walker.headings


class _BlockWalker:
    """Collects text between block boundaries and line breaks; iterative, so deeply
    nested markup cannot overflow the stack, and nested lists are never read twice."""

    def __init__(self, markup: _Markup) -> None:
        self.markup = markup
        self.paragraphs: list[str] = []
        self.headings: list[int] = []
        self._pieces: list[str] = []
        self._heading = False

    def step(self, event: str, element: Any, *, is_root: bool) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        markup = self.markup
        if event == "start":
            if tag in markup.blocks or tag in markup.breaks:
                self.flush()
            elif tag in markup.cells and self._pieces:
                self._pieces.append(" | ")
            self._heading = self._heading or tag in markup.headings
            if element.text and tag not in markup.breaks and tag:
                self._pieces.append(element.text)
            return
        if tag in markup.blocks:
            self.flush()
        if element.tail and not is_root:
            self._pieces.append(element.tail)

    def flush(self) -> None:
        text = squash("".join(self._pieces)).strip(" |")  # empty cells leave bare bars
        self._pieces.clear()
        if text:
            if self._heading:
                self.headings.append(len(self.paragraphs))
            self.paragraphs.append(text)
        self._heading = False
