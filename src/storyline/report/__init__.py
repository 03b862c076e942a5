"""Reports: a :class:`~storyline.models.Briefing` as Markdown, HTML or JSON.

>>> from storyline.report import render, write_report
>>> text = render(briefing, "md")                      # doctest: +SKIP
>>> write_report(briefing, Path("briefing.html"))      # doctest: +SKIP

Every format works for any subset of a briefing: articles only, stories without threads,
problems only, or nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from storyline.errors import ConfigError
from storyline.models import Briefing
from storyline.report.html import render_html
from storyline.report.json import render_json
from storyline.report.markdown import render_markdown

__all__ = ["FORMATS", "SUFFIXES", "format_for_path", "render", "write_report"]

FORMATS: dict[str, Callable[[Briefing], str]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
}
SUFFIXES: dict[str, str] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


def render(briefing: Briefing, fmt: str) -> str:
    """``briefing`` as a report in ``fmt``: "md", "html" or "json"."""
    renderer = FORMATS.get(fmt)
    if renderer is None:
        raise ConfigError(
            f"unknown report format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}"
        )
    return renderer(briefing)


def format_for_path(path: Path) -> str:
    """The report format a file name asks for, from its suffix."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ConfigError(
            f"cannot tell the report format from {path.name!r}",
            hint=f"name the file with one of: {', '.join(SUFFIXES)}",
        )
    return fmt


def write_report(briefing: Briefing, path: Path) -> None:
    """Write ``briefing`` to ``path`` (UTF-8) in the format its suffix names."""
    text = render(briefing, format_for_path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
