"""The FastAPI application: pages rendered with autoescaped Jinja2, JSON twins from the codec.

The UI only reads. It opens the store per request (SQLite in WAL mode lets an ingest write
meanwhile), so a long-running server never holds a stale view. A browser asking for a missing
page gets an HTML error page; API clients (and ``?format=json``) get FastAPI's JSON error.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.web.pages import router
from storyline.web.render import http_error


def create_app(db_path: Path) -> FastAPI:
    """The web UI over the store at ``db_path``."""
    app = FastAPI(title="storyline", docs_url=None, redoc_url=None)
    app.state.db_path = db_path
    app.include_router(router)
    app.add_exception_handler(StarletteHTTPException, http_error)
    return app
