"""The whole pipeline, stage by stage, one way.

1. ingest    sources -> RawDocument | Problem           (storyline.ingest.read)
2. extract   RawDocument -> Draft | Problem             (storyline.ingest.extract)
3. clean     Draft -> Article, with outlet boilerplate learned over the batch (storyline.clean)
4. store     Article + raw bytes -> SQLite               (storyline.store)
5. analyze   Article -> ArticleAnalysis, cached by (article id, analyzer version)
6. link      analyses -> canonical entities across articles
7. organise  articles + analyses -> duplicates, stories, threads, timelines
8. synthesise stories -> cited extractive summaries, single-source statements
9. deliver   -> Briefing, rendered by storyline.report

Each function here runs one or more stages over a store and returns plain data; the CLI and
the web UI are thin layers over them.  Cleaning needs the whole batch to learn lines an outlet
repeats in every article, so ingest makes two passes: the first extracts each document once and
spills its Draft to a temporary JSONL file while counting lines; the second cleans and stores.
Memory stays flat: only line hashes are kept between the passes.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING

from storyline.clean import CleanOptions, OutletBoilerplate, clean, learn_boilerplate
from storyline.errors import ModelMissingError
from storyline.ingest import IngestOptions, extract_with_warnings, read
from storyline.models import (
    Article,
    ArticleAnalysis,
    Briefing,
    Draft,
    Entity,
    Problem,
    RawDocument,
    Severity,
    StorySummary,
)
from storyline.store import Store

if TYPE_CHECKING:
    from storyline.organise import Organisation

# Called with (stage, done, total-or-None) as work advances; the CLI draws a progress bar.
Progress = Callable[[str, int, int | None], None]


def _no_progress(stage: str, done: int, total: int | None) -> None:
    return None


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run did."""

    added: tuple[str, ...] = ()  # ids of articles stored by this run
    unchanged: tuple[str, ...] = ()  # ids already in the store (same content)
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


@dataclass(frozen=True)
class BriefOptions:
    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    analyse: bool = True  # False skips the model-based stages (report lists articles only)


# --------------------------------------------------------------------------- 1-4 ingest


def ingest_into(
    store: Store,
    sources: Iterable[str],
    ingest_options: IngestOptions | None = None,
    clean_options: CleanOptions | None = None,
    progress: Progress = _no_progress,
) -> IngestReport:
    """Read, extract, clean and store every source; bad items become problems, never crashes."""
    ingest_options = ingest_options or IngestOptions()
    clean_options = clean_options or CleanOptions()
    problems: list[Problem] = []
    with tempfile.TemporaryFile() as spill:
        drafts = _extract_all(read(sources, ingest_options), problems, spill, progress)
        boilerplate = learn_boilerplate(drafts, clean_options)
        for _ in drafts:  # make sure every draft reached the spill, however the learner iterates
            pass
        spill.seek(0)
        added, unchanged = _clean_and_store(store, spill, boilerplate, clean_options, progress)
    for problem in problems:
        store.add_problem(problem)
    return IngestReport(tuple(added), tuple(unchanged), tuple(problems))


def _extract_all(
    items: Iterator[RawDocument | Problem],
    problems: list[Problem],
    spill: IO[bytes],
    progress: Progress,
) -> Iterator[Draft]:
    """Stage 2: yield each Draft once, spilling it and its raw document for the second pass."""
    for count, item in enumerate(items, start=1):
        progress("reading", count, None)
        if isinstance(item, Problem):
            problems.append(item)
            continue
        draft, warnings = extract_with_warnings(item)
        problems.extend(warnings)  # a page cut off mid-text is kept, and said to be
        if isinstance(draft, Problem):
            problems.append(draft)
            continue
        # Our own temporary file, read back by this process only: pickle is safe here.
        pickle.dump((item, draft), spill, protocol=pickle.HIGHEST_PROTOCOL)
        yield draft


def _read_spill(spill: IO[bytes]) -> Iterator[tuple[RawDocument, Draft]]:
    while True:
        try:
            yield pickle.load(spill)
        except EOFError:
            return


def _clean_and_store(
    store: Store,
    spill: IO[bytes],
    boilerplate: OutletBoilerplate,
    options: CleanOptions,
    progress: Progress,
) -> tuple[list[str], list[str]]:
    """Stages 3-4: clean each spilled draft and store it with its raw bytes."""
    # No enclosing transaction: the store commits in small batches and always keeps an
    # article with its raw bytes, so a killed run leaves a consistent store and a re-run
    # finishes the job (tests/test_store_crash.py).
    added: list[str] = []
    unchanged: list[str] = []
    for count, (raw, draft) in enumerate(_read_spill(spill), start=1):
        article = clean(draft, options, boilerplate)
        if store.has_article(article.id):
            unchanged.append(article.id)
        else:
            store.add_raw(raw)
            store.add_article(article)
            added.append(article.id)
        progress("cleaning", count, None)
    store.flush()
    return added, unchanged


# --------------------------------------------------------------------------- 5-6 analyze


# Runs the analysis of a list of articles: ``analyze`` itself, or ``batch.dask_analyzer()``.
Analyzer = Callable[[Sequence[Article]], Iterable[ArticleAnalysis]]


def analyse_store(
    store: Store, progress: Progress = _no_progress, analyzer: Analyzer | None = None
) -> list[ArticleAnalysis]:
    """Stage 5: analyse every stored article, reusing cached results of this analyzer version."""
    from storyline.analyze import ANALYZER_VERSION, analyze

    articles = list(store.iter_articles())
    cached = {a.id: store.get_analysis(a.id, ANALYZER_VERSION) for a in articles}
    todo = [a for a in articles if cached[a.id] is None]
    results = {aid: analysis for aid, analysis in cached.items() if analysis is not None}
    for count, analysis in enumerate((analyzer or analyze)(todo), start=1):
        store.save_analysis(analysis)
        results[analysis.article_id] = analysis
        progress("analysing", count, len(todo))
    return [results[a.id] for a in articles if a.id in results]


def link_store_entities(
    store: Store, analyses: list[ArticleAnalysis]
) -> tuple[tuple[Entity, ...], dict[tuple[str, str], str]]:
    """Stage 6: canonical entities across articles, saved to the store."""
    from storyline.analyze import ANALYZER_VERSION
    from storyline.analyze.entities import link_entities

    entities, entity_map = link_entities(analyses)
    store.save_entities(entities, f"{ANALYZER_VERSION}.entities")
    return entities, entity_map


# --------------------------------------------------------------------------- 7 organise


def organise_store(
    store: Store,
    analyses: list[ArticleAnalysis] | None = None,
    entity_map: dict[tuple[str, str], str] | None = None,
) -> Organisation:
    """Stage 7: duplicates, stories, threads and timelines over the whole store."""
    from storyline.organise import ORGANISER_VERSION, organise

    articles = list(store.iter_articles())
    by_article = {a.article_id: a for a in analyses or []}
    organisation = organise(articles, by_article, entity_map)
    store.save_organisation(
        ORGANISER_VERSION,
        organisation.duplicates,
        organisation.stories,
        organisation.threads,
        organisation.timelines,
    )
    return organisation


def synthesise_stories(
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
    organisation: Organisation,
) -> tuple[StorySummary, ...]:
    """Stage 8: each story's cited extractive summary and single-source statements."""
    from storyline.synthesise import summarise_stories

    return summarise_stories(
        organisation.stories,
        articles,
        {analysis.article_id: analysis for analysis in analyses},
        organisation.duplicates,
        organisation.sentence_links,
    )


# --------------------------------------------------------------------------- 9 deliver


# One source: a path (str or os.PathLike such as pathlib.Path), a directory, "-", or a URL.
Source = str | os.PathLike[str]


def brief(
    store: Store,
    sources: Source | Iterable[Source],
    options: BriefOptions | None = None,
    progress: Progress = _no_progress,
) -> Briefing:
    """Run every stage over ``sources`` into ``store`` and gather the briefing.

    ``sources`` is one source or an iterable of them; a source is a path (``str`` or any
    ``os.PathLike``, e.g. ``pathlib.Path``) to a file or directory, ``"-"`` for stdin, or an
    http(s) URL.  A single ``str`` or path is one source, never split into characters:
    ``brief(store, "articles")`` and ``brief(store, [Path("articles")])`` read the same
    folder.  Anything else (bytes, numbers, an iterable holding them) raises TypeError.
    """
    options = options or BriefOptions()
    listed = _source_strings(sources)
    report = ingest_into(store, listed, options.ingest, options.clean, progress)
    return gather_briefing(store, options.analyse, report.problems, progress)


def _source_strings(sources: Source | Iterable[Source]) -> list[str]:
    """``sources`` as the list of strings ingest reads: one source alone becomes a list."""
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    elif isinstance(sources, bytes | bytearray) or not isinstance(sources, Iterable):
        raise TypeError(
            f"sources must be a path, a URL or an iterable of them, not {type(sources).__name__}"
        )
    listed = []
    for source in sources:
        path = os.fspath(source) if isinstance(source, str | os.PathLike) else None
        if not isinstance(path, str):
            raise TypeError(f"each source must be a str or os.PathLike path or URL, not {source!r}")
        listed.append(path)
    return listed


def gather_briefing(
    store: Store,
    analyse: bool = True,
    problems: Iterable[Problem] = (),
    progress: Progress = _no_progress,
) -> Briefing:
    """Stages 5-7 over what the store holds, returned as one Briefing."""
    articles = tuple(store.iter_articles())
    problems = list(problems)
    if not analyse or not articles:
        return Briefing(articles=articles, problems=tuple(problems), generated=_now())
    try:
        analyses = analyse_store(store, progress)
    except ModelMissingError as error:
        problems.append(_model_problem(error))
        return Briefing(articles=articles, problems=tuple(problems), generated=_now())
    entities, entity_map = link_store_entities(store, analyses)
    organisation = organise_store(store, analyses, entity_map)
    summaries = synthesise_stories(articles, analyses, organisation)
    return Briefing(
        articles=articles,
        analyses=tuple(analyses),
        entities=entities,
        duplicates=organisation.duplicates,
        stories=organisation.stories,
        threads=organisation.threads,
        timelines=organisation.timelines,
        problems=tuple(problems),
        generated=_now(),
        summaries=summaries,
    )


def _model_problem(error: ModelMissingError) -> Problem:
    from storyline.models import Origin

    return Problem(
        origin=Origin("analysis"),
        code="model-missing",
        message=str(error),
        hint=error.hint,
        stage="analyze",
        severity=Severity.WARNING,
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
