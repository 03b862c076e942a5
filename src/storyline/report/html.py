"""The briefing as one self-contained HTML page: inline CSS, no script, no outside resource.

Every piece of article text goes through Jinja2's autoescaping; links are only made from
http(s) URLs (see :func:`storyline.report.text.safe_href`) and from anchors we generate.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from storyline.models import Briefing
from storyline.report.view import build_view

__all__ = ["render_html"]

TEMPLATE = "briefing.html.j2"


@cache
def _template() -> Template:
    environment = Environment(
        loader=PackageLoader("storyline.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template(TEMPLATE)


def render_html(briefing: Briefing) -> str:
    """The whole report as one HTML document."""
    return _template().render(view=build_view(briefing))
