"""Plain text and Markdown to a title and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from storyline.ingest.headers import take_header
from storyline.models import SourceMetadata

# A first line longer than this is body text, not a title.  Titles of the 5,164 titled
# documents in ../shared/eval: median 55, 95th percentile 108, 99th 172 characters.
TITLE_MAX_CHARS = 200
# A file whose lines never exceed this is hard-wrapped (DUC/TDT wire text wraps at 60-80),
# so the lines of a block are one paragraph; otherwise each line is its own paragraph.
WRAP_MAX_CHARS = 100
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$")
_SETEXT_RULE = re.compile(r"^(=+|-+)[ \t]*$")


_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")


class TitleRule(StrEnum):
    FIRST_LINE = "first-line"  # files: a short first line is the title
    HEADLINE = "headline"  # a container's body: only a headline-like line set apart
    NONE = "none"  # the container stated the title


@dataclass(frozen=True)
class TextParts:
    title: str | None
    paragraphs: tuple[str, ...]
    heading_indices: tuple[int, ...]
    metadata: SourceMetadata = field(default_factory=SourceMetadata)  # from header lines


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")


def split_text(text: str, title_rule: TitleRule = TitleRule.FIRST_LINE) -> TextParts:
    """Title (a short first line) and paragraphs: blocks between blank lines, or lines when
    the text has no blank line; Markdown headings are marked, their # removed.  Front matter
    and header lines (byline, date, source) at the top become ``metadata``, not paragraphs."""
    header = take_header(normalise_newlines(text).strip("\n"))
    text = header.text.strip("\n")
    blocks = [_lines(block) for block in _BLANK_LINE.split(text) if block.strip()]
    if len(blocks) <= 1:
        blocks = [[line.strip()] for line in blocks[0]] if blocks else []
    wrapped = _hard_wrapped(blocks)
    paragraphs: list[str] = []
    headings: list[int] = []
    for lines in blocks:
        for paragraph, is_heading in _block_paragraphs(lines, wrapped):
            if is_heading:
                headings.append(len(paragraphs))
            paragraphs.append(paragraph)
    title = header.metadata.title
    if title is not None and title_rule is not TitleRule.NONE:
        # "Title:" or front matter stated it: the body's first line goes only if it repeats it
        first_is_title = bool(paragraphs) and _squash(paragraphs[0]) == _squash(title)
    else:
        first_is_title = len(paragraphs) > 1 and _is_title(
            title_rule, blocks, paragraphs[0], wrapped
        )
    if first_is_title:
        title = paragraphs.pop(0)
        headings = [index - 1 for index in headings if index > 0]
    return TextParts(title, tuple(paragraphs), tuple(headings), header.metadata)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _lines(block: str) -> list[str]:
    """Non-blank lines, keeping indentation beyond the block's common indent."""
    lines = [line.rstrip() for line in block.split("\n") if line.strip()]
    common = min(len(line) - len(line.lstrip()) for line in lines)
    return [line[common:] for line in lines]


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    lines = [line.strip() for block in blocks for line in block]
    multi_line = sum(len(block) > 1 for block in blocks)
    return bool(lines) and multi_line * 2 >= len(blocks) and max(map(len, lines)) <= WRAP_MAX_CHARS


def _block_paragraphs(lines: list[str], wrapped: bool) -> list[tuple[str, bool]]:
    """A block's paragraphs: its lines joined when wrapped (an indented line starts a new
    one), else one paragraph per line."""
    if len(lines) == 2 and _SETEXT_RULE.match(lines[1].strip()):
        return [(lines[0].strip(), True)]
    out: list[tuple[str, bool]] = []
    body: list[str] = []
    for line in lines:
        heading = _ATX_HEADING.match(line.strip())
        if body and (heading or not wrapped or line[:1] in (" ", "\t")):
            out.append((" ".join(body), False))
            body = []
        if heading:
            out.append((heading.group(1), True))
        else:
            body.append(line.strip())
    if body:
        out.append((" ".join(body), False))
    return out


def _is_title(rule: TitleRule, blocks: list[list[str]], first: str, wrapped: bool) -> bool:
    """A short first line is the title; in wrapped text only if it stands alone.  In a
    container's body it must also be set apart by a blank line and not end a sentence."""
    if rule is TitleRule.NONE or len(first) > TITLE_MAX_CHARS:
        return False
    first_block = blocks[0]
    if _ATX_HEADING.match(first_block[0].strip()):
        return True
    if rule is TitleRule.HEADLINE:
        set_apart = len(first_block) == 1 and len(blocks) > 1
        return set_apart and not _SENTENCE_END.search(first)
    return not wrapped or len(first_block) == 1
