"""HTML to title, paragraphs, headings and metadata: trafilatura for pages, a sanitised
lxml walk for fragments (feed content, JSON bodies)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from storyline.ingest.dates import from_day

# trafilatura settings. fast=True skips the readability/jusText fallbacks: on the
# bench/ingest_throughput.py page set it halves extraction time and the main text of
# news article pages was unchanged; the fallback still runs when fast extraction is empty.
TRAFILATURA_FAST = True
# Body elements of trafilatura's XML that hold one paragraph each.
# A page's main text needs one paragraph of at least this many words: navigation, link
# lists and cookie banners that trafilatura's fallbacks return from index pages have none.
MIN_SENTENCE_WORDS = 8
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
_PARAGRAPH_TAGS = frozenset({"p", "quote", "item", "row", "code", "head"})
_CONTAINER_TAGS = frozenset({"list", "table", "div"})
# HTML block elements that start a new paragraph in a fragment.
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "blockquote", "pre", "tr", "dd", "dt", "figcaption", "section", "article"}
    | {"td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
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
    document = _trafilatura(html, url)
    if document is None:
        return None
    paragraphs, headings = _body_paragraphs(document.body)
    if not any(len(paragraph.split()) >= MIN_SENTENCE_WORDS for paragraph in paragraphs):
        return None
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


def _refined(day: dt.datetime | None, html: str) -> dt.datetime | None:
    """htmldate's day, with the time of day when the page states a timestamp on that day."""
    if day is None:
        return None
    for match in _STATED_TIMESTAMP.finditer(html, 0, TIMESTAMP_SCAN_CHARS):
        stamp = from_day(match.group(1))
        if stamp is not None and stamp.date() == day.date():
            return stamp
    return day


def _trafilatura(html: str, url: str | None) -> Any:
    """trafilatura's Document (fast mode first, then with its fallbacks), or None."""
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
            return document
    return None


def _date_params() -> dict[str, Any]:
    return {
        "extensive_search": EXTENSIVE_DATE_SEARCH,
        "original_date": True,  # the first publication, not the last update
        "max_date": dt.date.today().isoformat(),
    }


def _body_paragraphs(body: Any) -> tuple[list[str], list[int]]:
    paragraphs: list[str] = []
    headings: list[int] = []
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in _PARAGRAPH_TAGS or _inside_paragraph(element):
            continue
        text = squash("".join(element.itertext()))
        if tag == "row":
            text = " | ".join(squash("".join(cell.itertext())) for cell in element)
        if text:
            if tag == "head":
                headings.append(len(paragraphs))
            paragraphs.append(text)
    return paragraphs, headings


def _inside_paragraph(element: Any) -> bool:
    """True for an item or quote nested in a paragraph already taken whole."""
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _PARAGRAPH_TAGS and parent.tag not in ("item",):
            return True
        if parent.tag == "item" and element.tag != "item":
            return True
        parent = parent.getparent()
    return False


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
    from lxml import etree
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
        root = _cleaner().clean_html(root)
    except (ParserError, ValueError):
        return (), ()
    walker = _FragmentWalker()
    for event, element in etree.iterwalk(root, events=("start", "end")):
        walker.step(event, element)
    walker.flush()
    return tuple(walker.paragraphs), tuple(walker.headings)


class _FragmentWalker:
    """Collects text between block boundaries (iteratively: deep markup cannot overflow)."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.headings: list[int] = []
        self._pieces: list[str] = []
        self._heading = False

    def step(self, event: str, element: Any) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                self.flush()
            self._heading = self._heading or tag in _HEADING_TAGS
            if element.text and tag != "br":
                self._pieces.append(element.text)
            return
        if tag in _BLOCK_TAGS:
            self.flush()
        if element.tail:
            self._pieces.append(element.tail)

    def flush(self) -> None:
        text = squash("".join(self._pieces))
        self._pieces.clear()
        if text:
            if self._heading:
                self.headings.append(len(self.paragraphs))
            self.paragraphs.append(text)
        self._heading = False
