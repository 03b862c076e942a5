"""The ingest stage: read sources into RawDocuments, extract each into a Draft.

::

    read(sources, options)  -> Iterator[RawDocument | Problem]   (paths, dirs, "-", URLs)
    extract(raw)            -> Draft | Problem
    extract_with_warnings(raw) -> (Draft | Problem, warnings about a kept Draft)

Formats are sniffed from content (names are hints): plain text/Markdown, HTML
(trafilatura), JSON and JSONL records, RSS/Atom (feedparser), WARC (warcio), any of them
gzipped.  URLs go through an injectable ``Fetcher``; the default refuses private addresses.
"""

from __future__ import annotations

from storyline.ingest.extract import extract, extract_with_warnings
from storyline.ingest.options import IngestOptions, parse_field_map
from storyline.ingest.sources import read
from storyline.ingest.url import FetchedPage, Fetcher, FetchRefused, HttpxFetcher

__all__ = [
    "FetchRefused",
    "FetchedPage",
    "Fetcher",
    "HttpxFetcher",
    "IngestOptions",
    "extract",
    "extract_with_warnings",
    "parse_field_map",
    "read",
]
