"""Find the spans that quotation marks enclose, block by block.

News text mixes straight ("), curly (“ ”, ‘ ’), low (‚ „) and guillemet (« » ‹ ›) marks,
uses single marks both as quotes (British style, quotes inside quotes) and as apostrophes
("there’s", "Assad’s", "the rebels’ position"), and continues a long quote over several
paragraphs by leaving a paragraph unclosed and re-opening the next one.  This module only
pairs marks; deciding whether a span is speech, and whose, is ``attribution``'s job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

DOUBLE_OPENERS = frozenset("“„‟«")
DOUBLE_CLOSERS = frozenset("”»")
SINGLE_OPENERS = frozenset("‘‚‹")
SINGLE_CLOSERS = frozenset("’›")
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
BACKTICK_OPEN = "``"
TYPEWRITER_CLOSE = "''"
ALL_MARKS = (
    DOUBLE_OPENERS | DOUBLE_CLOSERS | SINGLE_OPENERS | SINGLE_CLOSERS | {STRAIGHT_DOUBLE}
) | {STRAIGHT_SINGLE}
# Characters after which a mark starts a quote rather than ends one.
OPENING_CONTEXT = frozenset(" \t\n([{—–-/:;")


class MarkFamily(Enum):
    DOUBLE = "double"
    SINGLE = "single"


@dataclass(frozen=True)
class QuotedSpan:
    """The words between one pair of top-level marks (marks excluded, whitespace trimmed).

    ``open_mark``/``close_mark`` are the offsets of the marks themselves; ``close_mark`` is
    None when the block ended before the quote closed.  ``continued`` is True for a piece
    that re-opens a quote left open at the end of the previous block.
    """

    start: int
    end: int
    open_mark: int
    close_mark: int | None
    block: int
    family: MarkFamily
    continued: bool = False

    @property
    def after_close(self) -> int:
        """The offset just past the closing mark (or the words, when unclosed)."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


@dataclass(frozen=True)
class _Open:
    offset: int
    family: MarkFamily
    char: str


def find_quoted_spans(text: str, blocks: Sequence[tuple[int, int]]) -> tuple[QuotedSpan, ...]:
    """Every top-level quoted span of ``text``, in order; ``blocks`` are (start, end) pairs."""
    spans: list[QuotedSpan] = []
    previous_unclosed = False
    for index, (block_start, block_end) in enumerate(blocks):
        block_spans = _pair_marks(text, block_start, block_end, index)
        if previous_unclosed and block_spans and block_spans[0].open_mark == block_start:
            first = block_spans[0]
            block_spans[0] = QuotedSpan(
                first.start, first.end, first.open_mark, first.close_mark, index, first.family, True
            )
        spans.extend(block_spans)
        previous_unclosed = bool(block_spans) and block_spans[-1].close_mark is None
    return tuple(spans)


def _pair_marks(text: str, start: int, end: int, block: int) -> list[QuotedSpan]:
    """Pair the marks of one block with a stack; only depth-0 pairs become spans."""
    stack: list[_Open] = []
    spans: list[QuotedSpan] = []
    offset = start
    while offset < end:
        mark = _mark_at(text, offset, end)
        role = _mark_role(text, offset, start, end, stack, mark) if mark else None
        if mark is None or role is None:
            offset += len(mark or " ")
            continue
        family, opens = role
        if opens:
            stack.append(_Open(offset, family, mark))
        else:
            # A closer: drop single marks left open inside (they were apostrophes after all).
            while stack and stack[-1].family is not family:
                stack.pop()
            if stack:
                opened = stack.pop()
                if not stack:
                    spans.append(_span(text, opened, (offset, len(mark)), block))
        offset += len(mark)
    unclosed = [item for item in stack if item.family is MarkFamily.DOUBLE] or stack[:1]
    if unclosed and unclosed[0].offset < end - 1:
        spans.append(_span(text, unclosed[0], None, block, end))
    return spans


def _mark_at(text: str, offset: int, end: int) -> str | None:
    """The quotation mark starting at ``offset``: one character, or `` and '' (the
    typewriter convention of AP/NYT wire copy)."""
    pair = text[offset : min(offset + 2, end)]
    if pair in (BACKTICK_OPEN, TYPEWRITER_CLOSE):
        return pair
    char = text[offset]
    return char if char in ALL_MARKS or char == "`" else None


def _span(
    text: str,
    opened: _Open,
    close: tuple[int, int] | None,
    block: int,
    block_end: int = 0,
) -> QuotedSpan:
    """The span between an opener and a closer given as (offset, width), or the block end."""
    inner_start = opened.offset + len(opened.char)
    inner_end = close[0] if close is not None else block_end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    close_mark = close[0] + close[1] - 1 if close is not None else None
    return QuotedSpan(inner_start, inner_end, opened.offset, close_mark, block, opened.family)


def _mark_role(
    text: str, offset: int, start: int, end: int, stack: list[_Open], char: str
) -> tuple[MarkFamily, bool] | None:
    """(family, opens) for a quotation mark, or None for an apostrophe or stray mark."""
    if char == BACKTICK_OPEN:
        return MarkFamily.DOUBLE, True
    if char == TYPEWRITER_CLOSE:
        double_open = any(item.family is MarkFamily.DOUBLE for item in stack)
        return (MarkFamily.DOUBLE, False) if double_open else None
    before = text[offset - 1] if offset > start else " "
    after = text[offset + 1] if offset + 1 < end else " "
    if char == "`":
        return (MarkFamily.SINGLE, True) if after.isalnum() else None
    open_families = {item.family for item in stack}
    if char == "“" and stack and stack[-1].char == "„":
        return MarkFamily.DOUBLE, False  # German „...“
    if char in DOUBLE_OPENERS:
        return MarkFamily.DOUBLE, True
    if char in DOUBLE_CLOSERS:
        # Some writers use ” for both ends; one that follows a space and precedes a
        # word opens when nothing is open.
        opens = not stack and before in OPENING_CONTEXT and after.isalnum()
        return MarkFamily.DOUBLE, opens
    if char == STRAIGHT_DOUBLE:
        straight_open = any(item.char == STRAIGHT_DOUBLE for item in stack)
        return MarkFamily.DOUBLE, not straight_open
    if char in SINGLE_OPENERS:
        return (MarkFamily.SINGLE, True) if not after.isspace() else None
    return _single_role(before, after, MarkFamily.SINGLE in open_families)


def _single_role(before: str, after: str, single_open: bool) -> tuple[MarkFamily, bool] | None:
    """’ or ' : an opener before a word, a closer after one, else an apostrophe."""
    if before.isalnum() and after.isalnum():
        return None  # there’s, Assad’s, don't
    if before in OPENING_CONTEXT or before in DOUBLE_OPENERS or before == STRAIGHT_DOUBLE:
        # ’90s, ’em are elisions; a real opener precedes a letter.
        return (MarkFamily.SINGLE, True) if after.isalpha() else None
    if single_open and not before.isspace():
        return MarkFamily.SINGLE, False
    return None
