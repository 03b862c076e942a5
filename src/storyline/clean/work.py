"""Working state of one clean() call: the draft's lines and what each pass decided."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.clean import lines as rules
from storyline.clean.dateline import Dateline
from storyline.clean.options import CleanOptions


@dataclass(frozen=True)
class Line:
    paragraph: int
    text: str
    alone: bool  # the line is its whole paragraph
    wrapped: bool  # part of a hard-wrapped paragraph
    gap_before: bool  # a blank line precedes it inside its paragraph (odd line-end characters)
    words: int  # whitespace-separated tokens, counted once
    prose_end: bool  # ends with . ! ? or a closing quote


@dataclass
class Work:
    """Working state of one clean() call (private, never shared)."""

    lines: list[Line]
    options: CleanOptions
    removed: dict[int, tuple[str, str]] = field(default_factory=dict)  # line -> (rule, reason)
    headings: set[int] = field(default_factory=set)
    dateline: tuple[int, Dateline] | None = None

    def live(self) -> list[int]:
        return [index for index in range(len(self.lines)) if index not in self.removed]

    def remove(self, index: int, rule: str, reason: str) -> None:
        self.removed.setdefault(index, (rule, reason))

    def protected(self, index: int) -> bool:
        line = self.lines[index]
        return line.prose_end and line.words >= self.options.prose_min_words


def split_lines_of(paragraphs: list[str]) -> list[Line]:
    """The non-empty lines of normalised paragraphs, each with its shape measured once."""
    result: list[Line] = []
    for number, paragraph in enumerate(paragraphs):
        raw = paragraph.split("\n")
        parts = [part for part in raw if part]
        gaps = [bool(index) and not raw[index - 1] for index, part in enumerate(raw) if part]
        wrapped = any(part[:1].islower() for part in parts[1:])
        alone = len(parts) == 1
        result.extend(
            Line(
                number,
                part,
                alone,
                wrapped,
                gap,
                rules.word_count(part),
                rules.ends_like_prose(part),
            )
            for part, gap in zip(parts, gaps, strict=True)
        )
    return result
