"""Builders for test data: small inline articles without running ingest or clean."""

from __future__ import annotations

import datetime as dt
import hashlib

from storyline.models import (
    Article,
    Block,
    BlockKind,
    DateSource,
    Origin,
    PublicationDate,
)


def build_article(
    text: str,
    *,
    title: str = "Untitled",
    outlet: str | None = "Example Wire",
    published: dt.date | dt.datetime | None = None,
    headings: tuple[str, ...] = (),
    url: str | None = None,
    language: str | None = "en",
    article_id: str | None = None,
) -> Article:
    """An Article whose blocks are the blank-line-separated paragraphs of ``text``.

    A paragraph equal to one of ``headings`` becomes a heading block.
    """
    paragraphs = [p.strip() for p in text.strip().split("\n\n") if p.strip()]
    clean_text = "\n\n".join(paragraphs)
    blocks, offset = [], 0
    for paragraph in paragraphs:
        kind = BlockKind.HEADING if paragraph in headings else BlockKind.PARAGRAPH
        blocks.append(Block(kind, offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    if isinstance(published, dt.datetime):
        date = PublicationDate(
            DateSource.METADATA, published, published.date(), published.date(), "test"
        )
    elif isinstance(published, dt.date):
        value = dt.datetime.combine(published, dt.time())
        date = PublicationDate(DateSource.METADATA, value, published, published, "test")
    else:
        date = PublicationDate()
    digest = hashlib.sha256(f"{title}\n{clean_text}".encode()).hexdigest()[:16]
    return Article(
        id=article_id or digest,
        title=title,
        text=clean_text,
        blocks=tuple(blocks),
        origin=Origin(f"test://{digest}"),
        raw_id=hashlib.sha256(clean_text.encode()).hexdigest(),
        url=url,
        outlet=outlet,
        language=language,
        published=date,
    )
