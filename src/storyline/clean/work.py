"""Working state of one clean() call: the draft's lines and what each pass decided."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from storyline.clean import lines as rules
from storyline.clean.dateline import Dateline
from storyline.clean.options import CleanOptions


class Line(NamedTuple):
    """One line of the draft, measured once.

    A named tuple rather than a frozen dataclass: clean() makes one per line of every
    article, and the frozen __init__ took 6% of clean's time (1000 bench/ingest.py pages).
    """

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
        if "\n" not in paragraph:  # one line (most paragraphs): alone, never wrapped
            if paragraph:
                result.append(_measured(number, paragraph, True, False, False))
            continue
        raw = paragraph.split("\n")
        parts = [part for part in raw if part]
        gaps = [bool(index) and not raw[index - 1] for index, part in enumerate(raw) if part]
        wrapped = any(part[:1].islower() for part in parts[1:])
        alone = len(parts) == 1
        result.extend(
            _measured(number, part, alone, wrapped, gap)
            for part, gap in zip(parts, gaps, strict=True)
        )
    return result


def _measured(paragraph: int, text: str, alone: bool, wrapped: bool, gap_before: bool) -> Line:
    words = len(text.split())  # rules.word_count, inlined: this runs for every line
    return Line(paragraph, text, alone, wrapped, gap_before, words, rules.ends_like_prose(text))
