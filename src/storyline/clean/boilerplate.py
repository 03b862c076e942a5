"""Lines an outlet repeats across its articles (taglines, credits, subscription pitches).

Rule: a normalised line is boilerplate for an outlet when it occurs in at least
``boilerplate_min_articles`` distinct articles of that outlet and in at least
``boilerplate_min_share`` of them.  Articles are counted once per distinct title, so a story
ingested twice (or updated in place) does not turn its own sentences into boilerplate, and
lines longer than ``boilerplate_max_words`` are never learned.  Learning is streaming: it keeps
8-byte digests and counts, never the text.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import urlsplit

from storyline.clean.lines import has_letters, word_count
from storyline.clean.normalize import line_key, normalize_text, split_lines
from storyline.clean.options import CleanOptions
from storyline.clean.outlet import publication_name
from storyline.models import Draft, SourceMetadata


def line_digest(line: str) -> str:
    """Digest of a line's comparison key (case, punctuation and spacing ignored)."""
    return hashlib.blake2b(line_key(line).encode("utf-8"), digest_size=8).hexdigest()


def outlet_key(metadata: SourceMetadata) -> str | None:
    """The publication name, case-folded, else the URL's host without "www."; None if neither.

    A feed title ("Coastline Wire - Top stories") counts as its publication ("coastline wire"),
    so a feed and the outlet's web pages share what is learned.
    """
    name = publication_name(metadata.outlet)
    if name is not None:
        return name.casefold()
    if metadata.url:
        host = urlsplit(metadata.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


@dataclass(frozen=True)
class OutletLines:
    outlet: str
    articles: int  # distinct articles learned from
    digests: frozenset[str]


@dataclass(frozen=True)
class OutletBoilerplate:
    """Learned boilerplate lines per outlet; immutable, cheap to share between workers."""

    outlets: tuple[OutletLines, ...] = ()
    _index: Mapping[str, frozenset[str]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        index = {entry.outlet: entry.digests for entry in self.outlets}
        object.__setattr__(self, "_index", MappingProxyType(index))

    def is_boilerplate(self, outlet: str | None, line: str) -> bool:
        digests = self._index.get(outlet) if outlet else None
        return bool(digests) and line_digest(line) in digests  # type: ignore[operator]

    def __len__(self) -> int:
        return sum(len(entry.digests) for entry in self.outlets)


def _draft_lines(draft: Draft, max_words: int) -> set[str]:
    digests: set[str] = set()
    for paragraph in draft.paragraphs:
        for line in split_lines(normalize_text(paragraph)):
            if has_letters(line) and word_count(line) <= max_words:
                digests.add(line_digest(line))
    return digests


def learn_boilerplate(
    drafts: Iterable[Draft], options: CleanOptions = CleanOptions()
) -> OutletBoilerplate:
    """Learn each outlet's repeated lines from a stream of drafts (see the module rule)."""
    counts: dict[str, Counter[str]] = {}
    titles: dict[str, set[str]] = {}
    for draft in drafts:
        outlet = outlet_key(draft.metadata)
        if outlet is None:
            continue
        title = line_digest(normalize_text(draft.title) or "\n".join(draft.paragraphs[:1]))
        if title in titles.setdefault(outlet, set()):
            continue
        titles[outlet].add(title)
        counts.setdefault(outlet, Counter()).update(
            _draft_lines(draft, options.boilerplate_max_words)
        )
    learned = []
    for outlet, counter in sorted(counts.items()):
        articles = len(titles[outlet])
        needed = max(
            options.boilerplate_min_articles, math.ceil(options.boilerplate_min_share * articles)
        )
        digests = frozenset(digest for digest, count in counter.items() if count >= needed)
        if digests:
            learned.append(OutletLines(outlet, articles, digests))
    return OutletBoilerplate(tuple(learned))
