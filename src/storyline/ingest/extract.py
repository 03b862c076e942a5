"""``extract``: a RawDocument to a Draft (title, paragraphs, headings, metadata)."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from urllib.parse import urlsplit

from storyline.ingest.decode import decode_with
from storyline.ingest.html import HtmlParts, examine_page, fragment_paragraphs, squash
from storyline.ingest.problems import problem
from storyline.ingest.substance import Verdict
from storyline.ingest.text import TitleRule, split_text
from storyline.ingest.truncation import Cut, ends_mid_sentence, html_cut, last_words
from storyline.models import Draft, Problem, RawDocument, SourceMetadata

# Origins of a publication date, weakest first: a page's own date beats a crawl date.
_WEAK_DATE_SOURCES = ("warc-date",)
# Consecutive items share at most one container's bytes; 2 keeps memory bounded.
RAW_DIGEST_CACHE = 2


def extract(raw: RawDocument) -> Draft | Problem:
    """Title, paragraphs and metadata of one document, faithfully (no cleaning)."""
    return extract_with_warnings(raw)[0]


def extract_with_warnings(raw: RawDocument) -> tuple[Draft | Problem, tuple[Problem, ...]]:
    """``extract``'s result, and warnings about the Draft it kept: an HTML page or body cut
    off mid-text is kept, with a "truncated-html" warning saying where it stops."""
    markup: str | None = None
    if raw.body is not None:
        result = _from_body(raw, raw.body)
        markup = raw.body if raw.body_type == "text/html" else None
    else:
        text = decode_with(raw.raw, raw.encoding)
        if raw.media_type == "text/html":
            result, markup = _from_page(raw, text), text
        else:
            parts = split_text(text)
            metadata = _merge(raw.metadata, parts.metadata)
            result = _draft(raw, parts.title, parts.paragraphs, parts.heading_indices, metadata)
    if markup is None or isinstance(result, Problem):
        return result, ()
    return result, _truncation_warnings(raw, result, markup)


def _truncation_warnings(raw: RawDocument, draft: Draft, markup: str) -> tuple[Problem, ...]:
    cut = html_cut(markup)
    if cut is None:
        return ()
    mid_sentence = ends_mid_sentence(draft.paragraphs[-1])
    if not (cut.certain or mid_sentence):
        return ()  # HTML may leave out its closing tags: whole sentences mean a whole page
    text_end = (
        f"its text stops mid-sentence (\u201c{last_words(draft.paragraphs[-1])}\u201d)"
        if mid_sentence
        else "any text after that point is missing"
    )
    what = "body" if raw.body is not None else "page"
    message = f"the HTML {what} is cut off after {len(markup):,} characters: it stops {cut.place}"
    return (
        problem(
            raw.origin,
            "truncated-html",
            f"{message}, and {text_end}",
            "the text before the cut was kept; download or save the complete page again "
            "to get the whole article",
            warning=True,
        ),
    )


def _from_body(raw: RawDocument, body: str) -> Draft | Problem:
    """A body a container separated (JSON field, feed entry): markup or text."""
    title = raw.metadata.title
    if raw.body_type == "text/html":
        paragraphs, headings = fragment_paragraphs(body)
        if (
            title is not None
            and paragraphs
            and headings[:1] == (0,)
            and _same(paragraphs[0], title)
        ):
            paragraphs, headings = paragraphs[1:], tuple(index - 1 for index in headings[1:])
    else:
        parts = split_text(body, TitleRule.NONE if title else TitleRule.HEADLINE)
        paragraphs, headings = parts.paragraphs, parts.heading_indices
        title = title or parts.title
        return _draft(raw, title, paragraphs, headings, _merge(raw.metadata, parts.metadata))
    return _draft(raw, title, paragraphs, headings, raw.metadata)


def _from_page(raw: RawDocument, html: str) -> Draft | Problem:
    try:
        parts = examine_page(html, raw.metadata.url)
    except Exception as error:  # trafilatura or lxml choking must not end the batch
        return problem(
            raw.origin,
            "extract-failed",
            f"HTML extraction stopped with {type(error).__name__}: {error}",
            "check the page in a browser; save its text as a .txt file to ingest it",
        )
    if isinstance(parts, Verdict):
        return _no_article(raw, parts, html_cut(html))
    return _from_parts(raw, parts)


def _no_article(raw: RawDocument, found: Verdict, cut: Cut | None) -> Problem:
    if found.finding:
        message = (
            f"the page's main text is not an article: it holds {found.finding} "
            f"({found.words} word{'' if found.words == 1 else 's'}: \u201c{found.sample}\u201d)"
        )
    else:
        message = "no article text was found in the HTML"
    if cut is not None:
        message += f"; the HTML stops {cut.place}, so the page was probably cut off"
    return problem(
        raw.origin,
        "no-main-text",
        message,
        "the page may be cut off, an index, or need JavaScript to show its article; save the "
        "complete page from a browser, or pass the article's text as a .txt file",
    )


def _from_parts(raw: RawDocument, parts: HtmlParts) -> Draft | Problem:
    paragraphs, headings = parts.paragraphs, parts.heading_indices
    title = raw.metadata.title or parts.title
    if not title and headings[:1] == (0,) and len(paragraphs) > 1:
        title = paragraphs[0]  # no stated title: the page's first heading is its headline
    if title and headings[:1] == (0,) and _same(paragraphs[0], title):
        # The page repeats its headline as the first heading: keep it once, as the title.
        paragraphs, headings = paragraphs[1:], tuple(index - 1 for index in headings[1:])
    page = SourceMetadata(
        title=parts.title,
        url=parts.url,
        author=parts.author,
        published=parts.published,
        published_source="html-meta" if parts.published else None,
        outlet=parts.outlet,
        language=parts.language,
    )
    return _draft(raw, title, paragraphs, headings, _merge(raw.metadata, page))


def _same(left: str, right: str) -> bool:
    return squash(left).casefold() == squash(right).casefold()


def _merge(container: SourceMetadata, page: SourceMetadata) -> SourceMetadata:
    """The container's statements win, except a weak crawl date, which the page's beats."""
    merged = {
        field.name: getattr(container, field.name) or getattr(page, field.name)
        for field in dataclasses.fields(SourceMetadata)
    }
    weak = container.published_source in _WEAK_DATE_SOURCES
    if container.published is None or (weak and page.published is not None):
        merged["published"] = page.published
        merged["published_source"] = page.published_source
    else:
        merged["published_source"] = container.published_source
    return SourceMetadata(**merged)


def _draft(
    raw: RawDocument,
    title: str | None,
    paragraphs: tuple[str, ...],
    headings: tuple[int, ...],
    metadata: SourceMetadata,
) -> Draft | Problem:
    if not paragraphs:
        return problem(
            raw.origin,
            "no-main-text",
            "the document has a title at most, and no body text",
            "check the input; a headline alone cannot be summarised",
        )
    if metadata.outlet is None and metadata.url:
        metadata = dataclasses.replace(metadata, outlet=outlet_from_url(metadata.url))
    return Draft(
        title=squash(title) if title else "",
        paragraphs=paragraphs,
        metadata=metadata,
        origin=raw.origin,
        raw_id=raw_digest(raw.raw),
        partial=raw.partial,
        heading_indices=headings,
    )


@functools.lru_cache(maxsize=RAW_DIGEST_CACHE)
def raw_digest(raw: bytes) -> str:
    """sha256 of a RawDocument's bytes; cached because a feed's or a JSONL line's items
    share one bytes object (a 5 MB line of 1,000 records was hashed 1,000 times)."""
    return hashlib.sha256(raw).hexdigest()


def outlet_from_url(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
