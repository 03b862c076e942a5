"""The FastAPI application: pages rendered with autoescaped Jinja2, JSON twins from the codec.

The UI only reads. It opens the store per request (SQLite in WAL mode lets an ingest write
meanwhile), so a long-running server never holds a stale view.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from storyline import codec
from storyline.analyze import ANALYZER_VERSION
from storyline.models import ArticleAnalysis
from storyline.organise import OrganiseOptions, link_sentences
from storyline.store import Store, open_store
from storyline.synthesise import summarise_stories

SEARCH_LIMIT = 50


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    env.filters["safe_url"] = _safe_url
    return env


def _stored_analyses(store: Store, article_ids: tuple[str, ...]) -> dict[str, ArticleAnalysis]:
    """The cached analyses of these articles: the UI only reads, it never runs the model."""
    found = (store.get_analysis(key, ANALYZER_VERSION) for key in article_ids)
    return {analysis.article_id: analysis for analysis in found if analysis is not None}


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links are clickable: article metadata is untrusted."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def create_app(db_path: Path) -> FastAPI:
    """The web UI over the store at ``db_path``."""
    app = FastAPI(title="storyline", docs_url=None, redoc_url=None)
    templates = _templates()

    def respond(request: Request, template: str, **context: Any) -> Response:
        if request.query_params.get("format") == "json":
            return JSONResponse(codec.to_jsonable(context))
        page = templates.get_template(template).render(**context)
        return HTMLResponse(page)

    @app.get("/")
    def home(request: Request) -> Response:
        with open_store(db_path) as s:
            organisation = s.load_organisation()
            articles = list(s.iter_articles())
        stories = organisation.stories if organisation else ()
        threads = organisation.threads if organisation else ()
        return respond(request, "home.html", articles=articles, stories=stories, threads=threads)

    @app.get("/articles/{article_id}")
    def article(request: Request, article_id: str) -> Response:
        with open_store(db_path) as s:
            found = s.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return respond(request, "article.html", article=found)

    @app.get("/entities")
    def entities(request: Request) -> Response:
        with open_store(db_path) as s:
            found = sorted(s.entities(), key=lambda e: (-e.mention_count, e.name))
        return respond(request, "entities.html", entities=found)

    @app.get("/search")
    def search(request: Request, q: str = Query("", max_length=500)) -> Response:
        with open_store(db_path) as s:
            hits = s.search(q, limit=SEARCH_LIMIT) if q.strip() else []
        return respond(request, "search.html", query=q, hits=hits)

    @app.get("/stories/{story_id}")
    def story(request: Request, story_id: str) -> Response:
        with open_store(db_path) as s:
            organisation = s.load_organisation()
            stories = {x.id: x for x in organisation.stories} if organisation else {}
            found = stories.get(story_id)
            if organisation is None or found is None:
                raise HTTPException(404, f"no story {story_id}")
            members = [a for key in found.article_ids if (a := s.get_article(key)) is not None]
            analyses = _stored_analyses(s, found.article_ids)
        links = link_sentences([found], members, analyses, OrganiseOptions())
        (summary,) = summarise_stories([found], members, analyses, organisation.duplicates, links)
        outlets = {a.id: a.outlet or a.id[:8] for a in members}
        return respond(request, "story.html", story=found, summary=summary, outlets=outlets)

    @app.get("/timeline/{thread_id}")
    def timeline(request: Request, thread_id: str) -> Response:
        with open_store(db_path) as s:
            organisation = s.load_organisation()
            outlets = {a.id: a.outlet or a.id[:8] for a in s.iter_articles()}
        timelines = dict(organisation.timelines) if organisation else {}
        if thread_id not in timelines:
            raise HTTPException(404, f"no thread {thread_id}")
        return respond(
            request,
            "timeline.html",
            thread_id=thread_id,
            events=timelines[thread_id],
            outlets=outlets,
        )

    return app
