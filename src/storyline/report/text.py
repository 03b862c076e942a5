"""Small text helpers every report format shares: labels, anchors, safe links and leads."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote, urlsplit

from storyline.models import (
    Article,
    ArticleAnalysis,
    BlockKind,
    DateSource,
    PublicationDate,
    Qualifier,
    TimeValue,
)

# Display choices, not measurements: a lead longer than this is cut at a word boundary so
# that one run-on first paragraph cannot swamp a story section.
LEAD_MAX_CHARS = 600
LEAD_SENTENCES = 2

_WHITESPACE = re.compile(r"\s+")
_NOT_ANCHOR_SAFE = re.compile(r"[^A-Za-z0-9_-]+")
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Characters kept as they are in a link target; everything else is percent-encoded, so a
# quote, bracket or space in a scraped URL cannot end the attribute or the Markdown link.
_URL_SAFE_CHARS = "/:?#@!$&*+,;=%~-._"


def one_line(text: str) -> str:
    """``text`` with every run of whitespace, newlines included, turned into one space."""
    return _WHITESPACE.sub(" ", text).strip()


def anchor(prefix: str, key: str) -> str:
    """An id usable as an HTML id and URL fragment, whatever ``key`` holds."""
    safe = _NOT_ANCHOR_SAFE.sub("-", key).strip("-") or "x"
    # Ids such as "thread-8949..." already name their kind; do not say it twice.
    return safe if safe.startswith(f"{prefix}-") else f"{prefix}-{safe}"


def safe_href(url: str | None) -> str | None:
    """``url`` made safe to link to, or None unless it is an absolute http(s) URL."""
    if not url or _URL_CONTROL.search(url.strip()):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe=_URL_SAFE_CHARS)


def date_range_label(earliest: dt.date | None, latest: dt.date | None) -> str:
    if earliest is None and latest is None:
        return "undated"
    if earliest is None or latest is None or earliest == latest:
        return (earliest or latest or dt.date.min).isoformat()
    return f"{earliest.isoformat()} – {latest.isoformat()}"


def publication_label(published: PublicationDate) -> str:
    """How a report states when an article appeared, and how sure that is."""
    if published.source is DateSource.UNKNOWN:
        return "date unknown"
    if published.day is not None:
        label = published.day.isoformat()
        return label if published.source is DateSource.METADATA else f"{label} (inferred)"
    if published.earliest and published.latest:
        earliest, latest = published.earliest.isoformat(), published.latest.isoformat()
        return f"between {earliest} and {latest} (inferred)"
    if published.earliest:
        return f"on or after {published.earliest.isoformat()} (inferred)"
    if published.latest:
        return f"on or before {published.latest.isoformat()} (inferred)"
    return "date unknown"


def time_label(value: TimeValue) -> str:
    """``TimeValue.label()`` with its qualifier in words ("before 2013-07")."""
    label = value.label()
    return label if value.qualifier is Qualifier.AT else f"{value.qualifier.value} {label}"


def lead(article: Article, analysis: ArticleAnalysis | None) -> str:
    """The first sentences of the first paragraph: the article's own opening words."""
    index, block = next(
        ((i, b) for i, b in enumerate(article.blocks) if b.kind is BlockKind.PARAGRAPH),
        (None, None),
    )
    if block is None or index is None:
        return ""
    sentences = [s for s in analysis.sentences if s.block == index] if analysis else []
    if sentences:
        chosen = sentences[:LEAD_SENTENCES]
        text = article.text[chosen[0].start : chosen[-1].end]
    else:
        text = article.block_text(block)
    return shorten(one_line(text), LEAD_MAX_CHARS)


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return f"{cut}…"


def key_name(key: str) -> str:
    """A readable name from an entity key when the entity itself is missing."""
    name = key.split(":", 1)[-1]
    return name.title() if name.islower() else name
