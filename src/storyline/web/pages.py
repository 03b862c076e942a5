"""The UI's pages: lists of stories, threads and articles, and one page per item.

Each item page takes its full id or a unique prefix (``/stories/3b6f``), as the CLI does.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from storyline.analyze import ANALYZER_VERSION
from storyline.cli.ids import IdNotFound, resolve_id
from storyline.errors import StoreError
from storyline.models import ArticleAnalysis
from storyline.organise import OrganiseOptions, link_sentences
from storyline.report.view import source_label
from storyline.store import Store, open_store
from storyline.synthesise import summarise_stories
from storyline.web.render import respond

SEARCH_LIMIT = 50
NOT_ORGANISED = "run `storyline organise` first"

router = APIRouter()


def _store(request: Request) -> Store:
    db_path: Path = request.app.state.db_path
    return open_store(db_path)


def _resolve(wanted: str, ids: list[str], kind: str, listing: str) -> str:
    """The full id a URL's id or unique prefix names; 404 (listing candidates) otherwise."""
    try:
        return resolve_id(wanted, ids, kind, f"the {listing} page")
    except IdNotFound as error:
        raise HTTPException(404, str(error)) from error


def _stored_analyses(store: Store, article_ids: tuple[str, ...]) -> dict[str, ArticleAnalysis]:
    """The cached analyses of these articles: the UI only reads, it never runs the model."""
    found = (store.get_analysis(key, ANALYZER_VERSION) for key in article_ids)
    return {analysis.article_id: analysis for analysis in found if analysis is not None}


@router.get("/")
def home(request: Request) -> Response:
    with _store(request) as s:
        organisation = s.load_organisation()
        articles = list(s.iter_articles())
    stories = organisation.stories if organisation else ()
    threads = organisation.threads if organisation else ()
    return respond(request, "home.html", articles=articles, stories=stories, threads=threads)


@router.get("/articles")
def article_list(request: Request) -> Response:
    with _store(request) as s:
        articles = list(s.iter_articles())
    return respond(request, "articles.html", articles=articles)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str) -> Response:
    with _store(request) as s:
        try:
            found = s.get_article(article_id)
        except StoreError as error:  # an ambiguous prefix: the message lists what to do
            raise HTTPException(404, str(error)) from error
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return respond(request, "article.html", article=found)


@router.get("/stories")
def story_list(request: Request) -> Response:
    with _store(request) as s:
        organisation = s.load_organisation()
    stories = organisation.stories if organisation else ()
    return respond(request, "stories.html", stories=stories)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str) -> Response:
    with _store(request) as s:
        organisation = s.load_organisation()
        if organisation is None:
            raise HTTPException(404, f"no story {story_id!r}: {NOT_ORGANISED}")
        wanted = _resolve(story_id, [x.id for x in organisation.stories], "story", "/stories")
        found = next(x for x in organisation.stories if x.id == wanted)
        members = [a for key in found.article_ids if (a := s.get_article(key)) is not None]
        analyses = _stored_analyses(s, found.article_ids)
    links = link_sentences([found], members, analyses, OrganiseOptions())
    (summary,) = summarise_stories([found], members, analyses, organisation.duplicates, links)
    outlets = {a.id: source_label(a) for a in members}
    return respond(
        request, "story.html", story=found, summary=summary, outlets=outlets, articles=members
    )


@router.get("/threads")
def thread_list(request: Request) -> Response:
    with _store(request) as s:
        organisation = s.load_organisation()
    threads = organisation.threads if organisation else ()
    labels = {x.id: x.label for x in organisation.stories} if organisation else {}
    return respond(
        request,
        "threads.html",
        threads=threads,
        story_labels=labels,
    )


@router.get("/timeline/{thread_id}")
def timeline(request: Request, thread_id: str) -> Response:
    with _store(request) as s:
        organisation = s.load_organisation()
        outlets = {a.id: source_label(a) for a in s.iter_articles()}
    if organisation is None:
        raise HTTPException(404, f"no thread {thread_id!r}: {NOT_ORGANISED}")
    timelines = dict(organisation.timelines)
    known = [t.id for t in organisation.threads] + list(timelines)
    wanted = _resolve(thread_id, known, "thread", "/threads")
    thread = next((t for t in organisation.threads if t.id == wanted), None)
    return respond(
        request,
        "timeline.html",
        thread_id=wanted,
        thread=thread,
        events=timelines.get(wanted, ()),
        outlets=outlets,
    )


@router.get("/entities")
def entities(request: Request) -> Response:
    with _store(request) as s:
        found = sorted(s.entities(), key=lambda e: (-e.mention_count, e.name))
    return respond(request, "entities.html", entities=found)


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=500)) -> Response:
    with _store(request) as s:
        try:
            hits = s.search(q, limit=SEARCH_LIMIT) if q.strip() else []
        except StoreError as error:  # a query even the literal fallback cannot run
            return respond(request, "search.html", query=q, hits=[], error=str(error))
    return respond(request, "search.html", query=q, hits=hits, error=None)
