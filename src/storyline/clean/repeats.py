"""Repeated blocks inside one article (a body pasted twice, a paragraph duplicated).

Rule: a paragraph whose normalised text already appeared earlier in the same article is a
repeat.  A repeat is removed when it is long (``repeat_min_words`` words or more) or when it
belongs to a run of at least ``repeat_min_run`` consecutive repeats that follow the earlier
copy in the same order and hold at least one long paragraph (so short lines of a pasted-twice
body go too).  A short line repeated on its own ("Background", a one-line quote used twice)
and a repeated list of short items (one list of names under two headings) are kept: they may
be deliberate.
"""

from __future__ import annotations

from collections.abc import Sequence


def _earlier_copies(keys: Sequence[str]) -> dict[int, int]:
    """index -> index of the first earlier paragraph with the same key."""
    first_seen: dict[str, int] = {}
    earlier: dict[int, int] = {}
    for index, key in enumerate(keys):
        if not key:
            continue
        if key in first_seen:
            earlier[index] = first_seen[key]
        else:
            first_seen[key] = index
    return earlier


def _runs(earlier: dict[int, int]) -> list[list[int]]:
    """Maximal runs of consecutive repeats whose earlier copies are consecutive too."""
    runs: list[list[int]] = []
    for index in sorted(earlier):
        previous = index - 1
        if runs and runs[-1][-1] == previous and earlier.get(previous) == earlier[index] - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def repeated_paragraphs(
    keys: Sequence[str], word_counts: Sequence[int], min_words: int, min_run: int
) -> dict[int, str]:
    """Paragraph indices to drop, each with the reason (which earlier paragraph it repeats)."""
    earlier = _earlier_copies(keys)
    drop: dict[int, str] = {}
    for run in _runs(earlier):
        long_run = any(word_counts[index] >= min_words for index in run)
        in_run = len(run) >= min_run and long_run
        for index in run:
            if in_run or word_counts[index] >= min_words:
                where = "a repeated run" if in_run else "a repeated paragraph"
                drop[index] = f"{where}: same text as paragraph {earlier[index]}"
    return drop
