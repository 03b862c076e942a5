"""From the lines a clean() call kept to the article's text, blocks and removals."""

from __future__ import annotations

from storyline.clean.work import Line, Work
from storyline.models import Block, BlockKind, Removal


def line_text(work: Work, index: int) -> str:
    text = work.lines[index].text
    if work.dateline is not None and work.dateline[0] == index:
        return text[len(work.dateline[1].prefix) :].strip()
    return text


def kept_runs(work: Work) -> list[list[int]]:
    """Kept lines grouped by paragraph; a removed line splits its paragraph in two blocks."""
    runs: list[list[int]] = []
    previous: Line | None = None
    for index, line in enumerate(work.lines):
        if index in work.removed:
            previous = None
            continue
        if previous is None or previous.paragraph != line.paragraph or line.gap_before:
            runs.append([])
        runs[-1].append(index)
        previous = line
    return runs


def assemble(work: Work) -> tuple[str, tuple[Block, ...]]:
    """Join kept lines per run ("\\n") and runs as blocks ("\\n\\n"): text stays verbatim."""
    texts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for indices in kept_runs(work):
        parts = [line_text(work, index) for index in indices]
        # Most runs are one line: no join (and no generator) needed for them.
        text = parts[0] if len(parts) == 1 else "\n".join([part for part in parts if part])
        if not text:
            continue
        heading = len(indices) == 1 and indices[0] in work.headings
        kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
        blocks.append(Block(kind, offset, offset + len(text)))
        texts.append(text)
        offset += len(text) + 2
    return "\n\n".join(texts), tuple(blocks)


def removals(work: Work) -> list[Removal]:
    found = [
        Removal(rule, work.lines[index].text, work.lines[index].paragraph, reason)
        for index, (rule, reason) in sorted(work.removed.items())
    ]
    if work.dateline is not None and not work.dateline[1].whole_line:
        index, dateline = work.dateline
        reason = f"dateline naming {dateline.place}" if dateline.place else "wire agency tag"
        found.append(
            Removal("dateline", dateline.prefix.strip(), work.lines[index].paragraph, reason)
        )
    return sorted(found, key=lambda removal: removal.paragraph)
