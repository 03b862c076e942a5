"""Near-duplicate articles: MinHash signatures of word shingles, candidates from LSH.

Shingles never cross a paragraph, so a copy with reordered paragraphs keeps almost all of
its shingles; a copy with a few edited words loses only the shingles around each edit; a
different header or footer adds a few shingles of its own.  LSH proposes candidate pairs
(never all pairs), each candidate is checked against the threshold on the estimated
Jaccard, and connected candidates form one group.  Bodies too short to tell (page
furniture an extractor kept, a one-line brief) must have alike titles too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from datasketch import MinHash, MinHashLSH

from storyline.models import Article, DuplicateGroup
from storyline.organise.disjoint import DisjointSet
from storyline.organise.text import words

if TYPE_CHECKING:
    from storyline.organise.options import OrganiseOptions

ALGORITHM = "organise.duplicates.minhash.v2"  # v2: short bodies need alike titles
# bench/duplicates.py on 1,000 labelled pairs built from real eval texts (500 synthetic
# copies, 500 same-event hard negatives): best F1 0.969 at 0.30 and 0.35 (tied; we take the
# stricter), within 0.005 from 0.25 to 0.50.  The negatives it accepts score 0.3-0.9: wire
# copies that really are inside the eval pools.
DUPLICATE_JACCARD_THRESHOLD = 0.35
# A body shorter than this many words says too little to call two articles one: it may be
# page furniture the extractor kept ("Chat with us in Facebook Messenger...") or a one-line
# brief.  Two such bodies alike are copies only when their titles share at least
# SHORT_BODY_TITLE_OVERLAP of their words (Jaccard) too.  Not tuned (30 words is about two
# sentences); bench/cluster.py --fixed with / without: news_cluster 0.943 / 0.941 (a site's
# chat-box text had joined an oil-sanctions page to a shooting story), ECB+ 0.949 / 0.948,
# the other pools unchanged; bench/duplicates.py unchanged (its bodies are all longer).
SHORT_BODY_WORDS = 30
SHORT_BODY_TITLE_OVERLAP = 0.5
SHINGLE_WORDS = 5  # 5-word shingles: common phrases of 3-4 words do not match by chance
MINHASH_PERMUTATIONS = 128
LSH_MAX_THRESHOLD = 0.9


def shingles(article: Article, size: int) -> set[bytes]:
    """Word shingles of each paragraph (the title left out: outlets rewrite headlines)."""
    found: set[bytes] = set()
    for block in article.blocks:
        tokens = words(article.block_text(block))
        if not tokens:
            continue
        width = min(size, len(tokens))
        for i in range(len(tokens) - width + 1):
            found.add(" ".join(tokens[i : i + width]).encode())
    return found


def signatures(articles: Sequence[Article], options: OrganiseOptions) -> dict[str, MinHash]:
    """A MinHash per article that has any text; all share one set of permutations."""
    # CRC32 as the base hash: the random permutations do the mixing, and it is ~5x faster
    # than datasketch's default SHA-1 (bench/scale.py).
    template = MinHash(options.minhash_permutations, options.seed, hashfunc=zlib.crc32)
    found: dict[str, MinHash] = {}
    for article in articles:
        grams = shingles(article, options.shingle_words)
        if not grams:
            continue
        signature = MinHash(
            options.minhash_permutations,
            options.seed,
            hashfunc=zlib.crc32,
            permutations=template.permutations,
            scheme=template.scheme,
        )
        signature.update_batch(sorted(grams))
        found[article.id] = signature
    return found


def find_duplicates(
    articles: Sequence[Article], options: OrganiseOptions
) -> tuple[DuplicateGroup, ...]:
    """Groups of two or more near-identical articles, each with a representative.

    The representative is the earliest published member (then the shortest text, as copies
    gain headers and footers, then the smallest id), so the original stands for its copies.
    """
    by_id = {article.id: article for article in articles}
    found = signatures(list(by_id.values()), options)
    # LSH only proposes candidates; above ~0.9 it cannot form two bands, so cap it there.
    lsh_threshold = min(options.duplicate_threshold, LSH_MAX_THRESHOLD)
    lsh = MinHashLSH(threshold=lsh_threshold, num_perm=options.minhash_permutations)
    for article_id in sorted(found):
        lsh.insert(article_id, found[article_id])
    linked = DisjointSet(sorted(found))
    for article_id in sorted(found):
        for other in lsh.query(found[article_id]):
            if other != article_id and _similar(found, by_id, (article_id, other), options):
                linked.union(article_id, other)
    made = [_group(members, by_id, found) for members in linked.groups() if len(members) > 1]
    return tuple(sorted(made, key=lambda group: group.members))


def _similar(
    found: dict[str, MinHash],
    by_id: dict[str, Article],
    pair: tuple[str, str],
    options: OrganiseOptions,
) -> bool:
    one, other = pair
    if float(found[one].jaccard(found[other])) < options.duplicate_threshold:
        return False
    short = any(len(words(by_id[key].text)) < SHORT_BODY_WORDS for key in pair)
    return not short or _titles_overlap(by_id[one].title, by_id[other].title)


def _titles_overlap(one: str, other: str) -> bool:
    """Whether two titles share at least ``SHORT_BODY_TITLE_OVERLAP`` of their words; an
    empty title shares nothing."""
    first, second = set(words(one)), set(words(other))
    if not first or not second:
        return False
    return len(first & second) / len(first | second) >= SHORT_BODY_TITLE_OVERLAP


def _group(
    members: list[str], by_id: dict[str, Article], found: dict[str, MinHash]
) -> DuplicateGroup:
    representative = min(members, key=lambda member: _original_first(by_id[member]))
    similarity = min(
        float(found[representative].jaccard(found[member]))
        for member in members
        if member != representative
    )
    digest = hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()[:16]
    return DuplicateGroup(
        id=f"dup:{digest}",
        representative=representative,
        members=tuple(sorted(members)),
        similarity=round(similarity, 4),
        algorithm=ALGORITHM,
    )


def _original_first(article: Article) -> tuple[bool, float, bool, int, str]:
    """Earliest first (timestamp, else day), then the shorter text (no added furniture).

    Timestamps are compared as instants: 09:00 in Tokyo is before 03:00 in London.  A naive
    timestamp or a bare day is read as UTC, never as the zone of the machine running this.
    """
    published = article.published
    if published.value is not None:
        value = published.value
        if value.tzinfo is None or value.utcoffset() is None:
            value = value.replace(tzinfo=dt.UTC)
        moment = value.timestamp()
    elif published.day is not None:
        moment = dt.datetime.combine(published.day, dt.time(), tzinfo=dt.UTC).timestamp()
    else:
        moment = 0.0
    return (published.day is None, moment, published.value is None, len(article.text), article.id)


def representatives(duplicates: Sequence[DuplicateGroup]) -> dict[str, str]:
    """Every grouped article id mapped to its group's representative."""
    return {member: group.representative for group in duplicates for member in group.members}
