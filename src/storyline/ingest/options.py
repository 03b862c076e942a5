"""The one options object of the ingest stage."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.errors import ConfigError

# Defaults chosen for news pages: the largest article page in the eval sets is ~2 MB of
# HTML, so 20 MB per item leaves room while refusing accidental uploads of archives.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A gzip bomb guard: 10x the item cap, so a legitimate gzipped JSONL or WARC member fits.
DEFAULT_MAX_DECOMPRESSED_BYTES = 200 * 1024 * 1024
# Names --field accepts, with the canonical field each one sets.
FIELD_ALIASES = {
    "title": "title", "headline": "title",
    "text": "text", "body": "text", "content": "text",
    "url": "url", "link": "url",
    "published": "published", "date": "published",
    "outlet": "outlet", "source": "outlet", "site": "outlet", "publisher": "outlet",
    "author": "author", "byline": "author",
    "language": "language", "lang": "language",
}  # fmt: skip


@dataclass(frozen=True)
class IngestOptions:
    """How sources are read; validated once, copy with ``dataclasses.replace``."""

    field_map: tuple[tuple[str, str], ...] = ()  # ("text", "article.body") from --field
    allow_private_urls: bool = False  # refuse loopback/private addresses unless set
    max_bytes: int = DEFAULT_MAX_BYTES  # per file, JSONL line, WARC record or URL
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES  # per gzip member
    timeout_seconds: float = 20.0
    max_redirects: int = 5

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.max_decompressed_bytes <= 0:
            raise ConfigError("max_bytes and max_decompressed_bytes must be positive")
        if self.timeout_seconds <= 0:
            raise ConfigError("timeout_seconds must be positive")
        if self.max_redirects < 0:
            raise ConfigError("max_redirects cannot be negative")
        for pair in self.field_map:
            if len(pair) != 2 or not all(isinstance(part, str) and part for part in pair):
                raise ConfigError(
                    f"invalid field mapping {pair!r}",
                    "write it as name=path, e.g. --field text=article.body",
                )
            if pair[0] not in FIELD_ALIASES:
                raise ConfigError(
                    f"unknown field name {pair[0]!r} in --field",
                    f"use one of: {', '.join(sorted(set(FIELD_ALIASES.values())))}",
                )

    def field_paths(self) -> dict[str, str]:
        """Canonical field name -> dotted JSON path, from ``field_map``."""
        return {FIELD_ALIASES[name]: path for name, path in self.field_map}


def parse_field_map(specs: tuple[str, ...] | list[str]) -> tuple[tuple[str, str], ...]:
    """Turn ``["text=article.body", ...]`` (the CLI's --field values) into pairs."""
    pairs = []
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise ConfigError(
                f"invalid --field value {spec!r}",
                "write it as name=path, e.g. --field text=article.body",
            )
        pairs.append((name.strip(), path.strip()))
    return tuple(pairs)
