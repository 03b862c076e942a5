"""Publication timestamps stated by containers (JSON, feeds, WARC headers) as datetimes."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

# Epoch numbers outside these years are ids or counters, not timestamps.
EPOCH_YEARS = (1990, 2100)
_HAS_DIGIT = re.compile(r"\d")


def from_struct(value: time.struct_time | None) -> dt.datetime | None:
    """feedparser's ``*_parsed`` values are UTC struct_times."""
    if value is None:
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None


def from_epoch(value: float) -> dt.datetime | None:
    seconds = value / 1000 if value > 1e11 else value  # milliseconds are common in JSON
    try:
        stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return stamp if EPOCH_YEARS[0] <= stamp.year <= EPOCH_YEARS[1] else None


def parse_timestamp(value: object) -> dt.datetime | None:
    """ISO 8601, RFC 2822 (RSS pubDate), epoch seconds/ms, or a free-form date string."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return from_epoch(float(value))
    if not isinstance(value, str) or not _HAS_DIGIT.search(value):
        return None
    text = value.strip()
    if text.isdigit():
        return from_epoch(float(text))
    return _iso(text) or _rfc2822(text) or _free_form(text)


def _iso(text: str) -> dt.datetime | None:
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None


def _rfc2822(text: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _free_form(text: str) -> dt.datetime | None:
    import dateparser  # imported lazily: slow to import, and rarely needed

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]}
    try:
        parsed = dateparser.parse(text, settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed if isinstance(parsed, dt.datetime) else None


def from_day(text: str | None) -> dt.datetime | None:
    """trafilatura's "YYYY-MM-DD" (or longer ISO) date string."""
    return _iso(text.strip()) if text else None
