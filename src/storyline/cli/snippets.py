"""Search snippets as parts: the store wraps each matched word in SNIPPET_MARKS.

The marks are plain brackets, which Rich would read as markup and HTML would show
literally; both front ends split a snippet into (text, matched) parts and highlight the
matched ones their own way (bold in a terminal, <mark> in a page), escaping every part.
Kept free of Typer and Rich so the web UI can use it too.
"""

from __future__ import annotations

import re
from functools import cache

from storyline.store.search import SNIPPET_MARKS


@cache
def _marked() -> re.Pattern[str]:
    start, end = (re.escape(mark) for mark in SNIPPET_MARKS)
    return re.compile(f"{start}([^{start}{end}]+){end}")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """``snippet`` as consecutive (text, matched) parts, the marks removed."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in _marked().finditer(snippet):
        if match.start() > position:
            parts.append((snippet[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(snippet):
        parts.append((snippet[position:], False))
    return parts
