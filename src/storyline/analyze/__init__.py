"""The analyze stage: Article -> ArticleAnalysis (sentences, mentions, quotes, dates, figures).

One spaCy pass per article (batched with ``nlp.pipe``, in two processes for large
inputs), then the rule steps in order, each reading what the steps before found::

    language -> doc -> sentences -> mentions -> quotes -> published -> dates -> figures

Articles in a language without a model are passed through with ``analysed=False`` and
a note saying why, so one French article never stops an English batch.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from storyline.analyze.dates import find_dates
from storyline.analyze.entities import find_mentions
from storyline.analyze.figures import find_figures
from storyline.analyze.language import detect_language, normalise_language
from storyline.analyze.nlp import load_pipeline
from storyline.analyze.published import infer_publication
from storyline.analyze.quotes import find_quotes
from storyline.analyze.sentences import split_sentences
from storyline.models import Article, ArticleAnalysis

__all__ = ["ANALYZER_VERSION", "AnalyzeOptions", "analyze", "analyze_article"]

ANALYZER_VERSION = "analyze.en.v8"  # v8: sentence and quote fixes from audits on real news
# The language this analyzer version handles; others are passed through unanalysed.
ANALYSED_LANGUAGE = "en"
# Above this many articles analyze() works in two processes.  200 DUC-sized articles are
# about a minute of parsing on one core (bench/analyze.py), far above the second or so a
# worker pool takes to start; below it one process keeps small runs (the API, tests)
# light on a shared machine.
LARGE_INPUT_ARTICLES = 200
# py3langid confidences under this are guesses: on MultiLing 2011 documents (7 languages)
# cut to 60 characters it is right 97 % of the time at >= 0.5 against 93 % overall (whole
# documents: 700 of 700).  Below it an article is analysed in the default language.
MIN_LANGUAGE_CONFIDENCE = 0.5
# Articles per task sent to a worker process, in nlp.pipe batches.  One batch is enough
# for pickling articles and analyses to be noise next to parsing them, and keeps a few
# hundred articles spread over both workers (4 batches left one worker idle on 100 DUC
# articles in bench/analyze.py).
CHUNK_BATCHES = 1

Loader = Callable[[str], Language]


@dataclass(frozen=True)
class AnalyzeOptions:
    """How the analyze stage runs; the defaults suit a laptop."""

    batch_size: int = 32  # articles per nlp.pipe batch
    n_process: int | None = None  # None: 1, or 2 above LARGE_INPUT_ARTICLES articles
    default_language: str = ANALYSED_LANGUAGE  # when the language cannot be detected


@dataclass(frozen=True)
class _Plan:
    """What to do with one article: its language, whether to parse it, and why not."""

    article: Article
    language: str | None
    analyse: bool
    note: str | None = None


def analyze(
    articles: Iterable[Article],
    options: AnalyzeOptions = AnalyzeOptions(),
    *,
    loader: Loader = load_pipeline,
) -> Iterator[ArticleAnalysis]:
    """Analyse ``articles`` in order, yielding one ArticleAnalysis per article.

    With several processes each worker parses *and* runs the rule steps on a chunk of
    articles, so only articles and analyses cross process boundaries (not Docs), and
    ``loader`` must then be a module-level function (it is pickled).
    """
    stream, processes = _processes(iter(articles), options)
    if processes <= 1:
        yield from _analyse_here(stream, options, loader)
        return
    chunks = _chunks(stream, options.batch_size * CHUNK_BATCHES)
    work = functools.partial(_analyse_chunk, options=options, loader=loader)
    with multiprocessing.get_context().Pool(processes) as pool:
        for analyses in pool.imap(work, chunks):
            yield from analyses


def analyze_article(article: Article, nlp: Language | None = None) -> ArticleAnalysis:
    """Analyse one article (convenience for tests and the API); loads the model if needed."""
    pipeline = nlp if nlp is not None else load_pipeline(ANALYSED_LANGUAGE)
    options = AnalyzeOptions(n_process=1)
    return next(analyze([article], options, loader=lambda _language: pipeline))


def _analyse_here(
    articles: Iterable[Article], options: AnalyzeOptions, loader: Loader
) -> Iterator[ArticleAnalysis]:
    """The whole stage in this process: one nlp.pipe stream, rule steps per doc."""
    nlp = loader(ANALYSED_LANGUAGE)
    plans = (_plan(article, options) for article in articles)
    inputs = ((_text_for(plan, nlp), plan) for plan in plans)
    for doc, plan in nlp.pipe(inputs, as_tuples=True, batch_size=options.batch_size):
        if not plan.analyse:
            yield _unanalysed(plan, plan.note)
            continue
        try:
            analysis = _analyse_doc(doc, plan)
        except Exception as error:  # one odd article must not stop a batch
            note = (
                f"not analysed: the analyzer failed on this article ({type(error).__name__}: "
                f"{error}); the article is kept; please report it with its text"
            )
            analysis = _unanalysed(plan, note)
        yield analysis


def _analyse_chunk(
    articles: list[Article], options: AnalyzeOptions, loader: Loader
) -> list[ArticleAnalysis]:
    return list(_analyse_here(articles, options, loader))


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while chunk := list(itertools.islice(articles, size)):
        yield chunk


def _unanalysed(plan: _Plan, note: str | None) -> ArticleAnalysis:
    article = plan.article
    return ArticleAnalysis(
        article.id,
        ANALYZER_VERSION,
        plan.language,
        False,
        published=article.published,
        note=note,
    )


def _processes(
    articles: Iterator[Article], options: AnalyzeOptions
) -> tuple[Iterator[Article], int]:
    """The article stream (peeked, not consumed) and the number of parsing processes."""
    if options.n_process is not None:
        return articles, options.n_process
    head = list(itertools.islice(articles, LARGE_INPUT_ARTICLES + 1))
    processes = 2 if len(head) > LARGE_INPUT_ARTICLES else 1
    return itertools.chain(head, articles), processes


def _plan(article: Article, options: AnalyzeOptions) -> _Plan:
    declared = normalise_language(article.language)
    language: str | None = declared
    confidence = 1.0
    if declared is None:
        language, confidence = detect_language(f"{article.title}\n{article.text}")
    if language is None or confidence < MIN_LANGUAGE_CONFIDENCE:
        if options.default_language != ANALYSED_LANGUAGE:
            note = (
                f"not analysed: language not detected and {options.default_language!r} has no model"
            )
            return _Plan(article, None, False, note)
        note = f"language not detected with confidence; analysed as {ANALYSED_LANGUAGE!r}"
        return _Plan(article, None, True, note)
    if language != ANALYSED_LANGUAGE:
        note = (
            f"not analysed: language {language!r} has no model yet; "
            f"storyline analyses English for now"
        )
        return _Plan(article, language, False, note)
    return _Plan(article, language, True)


def _text_for(plan: _Plan, nlp: Language) -> str:
    """The text to parse: the article's, or nothing when it is not analysed or too long."""
    if not plan.analyse or len(plan.article.text) > nlp.max_length:
        return ""
    return plan.article.text


def _analyse_doc(doc: Doc, plan: _Plan) -> ArticleAnalysis:
    article = plan.article
    if len(doc.text) != len(article.text):
        note = (
            f"not analysed: the text ({len(article.text)} characters) is longer than the "
            "parser's limit; split the article into parts"
        )
        return _unanalysed(plan, note)
    sentences = split_sentences(doc, article)
    mentions = find_mentions(doc, article)
    quotes = find_quotes(doc, article, sentences, mentions)
    published = infer_publication(doc, article, sentences)
    dates = find_dates(doc, article, sentences, published)
    figures = find_figures(doc, article, sentences, mentions, dates, quotes=quotes)
    return ArticleAnalysis(
        article_id=article.id,
        analyzer=ANALYZER_VERSION,
        language=plan.language,
        analysed=True,
        sentences=sentences,
        mentions=mentions,
        quotes=quotes,
        dates=dates,
        figures=figures,
        published=published,
        note=plan.note,
    )
