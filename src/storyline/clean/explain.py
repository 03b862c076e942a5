"""explain(): what cleaning removed from an article, and why, as plain text."""

from __future__ import annotations

from storyline.clean.cleaner import TITLE_PARAGRAPH
from storyline.models import Article, BlockKind


def explain(article: Article) -> str:
    """A human-readable account of what cleaning removed, for ``storyline clean --explain``."""
    lines = [f"{article.title or '(untitled)'} [{article.id}]"]
    if article.outlet:
        lines.append(f"outlet: {article.outlet}")
    if article.place:
        lines.append(f"place: {article.place}")
    headings = [
        article.block_text(block) for block in article.blocks if block.kind is BlockKind.HEADING
    ]
    if headings:
        lines.append("headings kept: " + "; ".join(headings))
    if not article.removals:
        lines.append("nothing removed")
    else:
        lines.append(f"removed {len(article.removals)} item(s):")
    for removal in article.removals:
        where = (
            "title" if removal.paragraph == TITLE_PARAGRAPH else f"paragraph {removal.paragraph}"
        )
        lines.append(f"  - {removal.rule} ({where}): {removal.text!r}")
        lines.append(f"      why: {removal.reason}")
    return "\n".join(lines)
