"""Pure helpers behind the store's SQL: search query rewriting, sort keys, fingerprints."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from storyline import codec
from storyline.models import Problem, PublicationDate

# Sorts after every ISO date, so articles of unknown date come last in date order.
UNKNOWN_DATE_KEY = "~"

# A trailing ".v2" / "-v2" / "@2.1" is the version of an algorithm name.
_VERSION_SUFFIX = re.compile(r"^(?P<name>.+?)[.\-@](?P<version>v?\d+(?:\.\d+)*)$")
_QUERY_TOKEN = re.compile(r"\S+")


def published_text(published: PublicationDate) -> str | None:
    """The publication time as sortable ISO text: a UTC timestamp, a day, or None."""
    if published.value is not None:
        value = published.value
        if value.tzinfo is not None:
            try:
                value = value.astimezone(dt.UTC).replace(tzinfo=None)
            except OverflowError:  # within hours of year 1 or 9999: keep the local time
                value = value.replace(tzinfo=None)
        return value.isoformat(timespec="seconds")
    if published.earliest is not None:
        return published.earliest.isoformat()
    return None


def sort_key(published: PublicationDate) -> str:
    return published_text(published) or UNKNOWN_DATE_KEY


def quoted_phrase_query(query: str) -> str:
    """A query with every word quoted, so FTS5 reads no operator or column filter in it.

    ``al-Assad kerry:lavrov`` becomes ``"al-Assad" "kerry:lavrov"``: each word must occur
    (as a phrase of its own tokens), which is what a person typing it meant.
    """
    words = _QUERY_TOKEN.findall(query)
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def problem_fingerprint(problem: Problem) -> str:
    """Identical problems from a re-run share this, so they are stored once."""
    return hashlib.sha256(codec.dumps(problem).encode("utf-8")).hexdigest()


def split_algorithm(algorithm: str) -> tuple[str, str]:
    """``"organise.v2"`` -> ``("organise", "v2")``; a name with no version keeps ``""``."""
    match = _VERSION_SUFFIX.match(algorithm)
    if match is None:
        return algorithm, ""
    return match["name"], match["version"]
