"""Rendering: the autoescaped Jinja2 environment, JSON twins, and HTML or JSON errors."""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import codec
from storyline.cli.snippets import snippet_parts
from storyline.report.view import source_label


@cache
def templates() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.filters["safe_url"] = _safe_url
    env.filters["plural"] = _plural
    env.filters["snippet_parts"] = snippet_parts
    env.globals["source"] = source_label  # how reports name an article's source
    return env


def respond(request: Request, template: str, **context: Any) -> Response:
    """The page, or its JSON twin when ``?format=json`` is asked for."""
    if request.query_params.get("format") == "json":
        return JSONResponse(codec.to_jsonable(context))
    return HTMLResponse(templates().get_template(template).render(**context))


def wants_html(request: Request) -> bool:
    """A browser's request: it accepts HTML and did not ask for the JSON twin."""
    if request.query_params.get("format") == "json":
        return False
    return "text/html" in request.headers.get("accept", "")


async def http_error(request: Request, error: Exception) -> Response:
    """An HTML error page for a browser, FastAPI's usual ``{"detail": ...}`` for the rest."""
    if not isinstance(error, StarletteHTTPException):  # only registered for these
        raise error
    headers = getattr(error, "headers", None)
    if wants_html(request):
        page = (
            templates()
            .get_template("error.html")
            .render(status=error.status_code, detail=error.detail)
        )
        return HTMLResponse(page, status_code=error.status_code, headers=headers)
    return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=headers)


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links are clickable: article metadata is untrusted."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    """``{{ n|plural("story", "stories") }}`` gives "1 story", "3 stories"."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"
