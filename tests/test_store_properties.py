"""Property tests: whatever the models hold, the store gives it back unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.models import (
    Article,
    ArticleAnalysis,
    Block,
    BlockKind,
    DateMention,
    DateSource,
    EntityKind,
    Figure,
    Granularity,
    Mention,
    Origin,
    PublicationDate,
    Qualifier,
    Quote,
    RawDocument,
    Removal,
    Sentence,
    SpeakerKind,
    TimeValue,
)
from storyline.store import open_store

# Any Unicode a decoded page can hold (no lone surrogates: decoding never makes them).
words = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
maybe_words = st.none() | words
offsets = st.integers(min_value=0, max_value=10_000)
# Real UTC offsets are whole minutes; ISO 8601 (and so our JSON) cannot carry finer ones.
timezones = st.builds(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)),
    st.integers(min_value=-23 * 60, max_value=23 * 60),
)
datetimes = st.datetimes(timezones=st.none() | timezones)
dates = st.dates()


@st.composite
def publication_dates(draw: st.DrawFn) -> PublicationDate:
    source = draw(st.sampled_from(DateSource))
    if source is DateSource.UNKNOWN:
        return PublicationDate()
    earliest, latest = sorted(draw(st.lists(dates, min_size=2, max_size=2)))
    value = draw(datetimes) if source is DateSource.METADATA else None
    evidence = draw(st.lists(words, max_size=3).map(tuple))
    return PublicationDate(source, value, earliest, latest, draw(maybe_words), evidence)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    paragraphs = draw(st.lists(words.filter(str.strip), min_size=1, max_size=6))
    text = "\n\n".join(paragraphs)
    blocks, start = [], 0
    for paragraph in paragraphs:
        kind = draw(st.sampled_from(BlockKind))
        blocks.append(Block(kind, start, start + len(paragraph)))
        start += len(paragraph) + 2
    removals = st.builds(Removal, words, words, st.integers(0, 50), words)
    title = draw(words)
    return Article(
        id=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:16],
        title=title,
        text=text,
        blocks=tuple(blocks),
        origin=draw(st.builds(Origin, words, maybe_words)),
        raw_id=hashlib.sha256(text.encode()).hexdigest(),
        url=draw(maybe_words),
        outlet=draw(maybe_words),
        author=draw(maybe_words),
        language=draw(st.none() | st.sampled_from(["en", "fr", "ar", "zh"])),
        place=draw(maybe_words),
        published=draw(publication_dates()),
        removals=tuple(draw(st.lists(removals, max_size=4))),
        partial=draw(st.booleans()),
    )


time_values = st.builds(
    TimeValue, dates, dates, st.sampled_from(Granularity), st.sampled_from(Qualifier)
)
finite = st.floats(allow_nan=False)
sentences = st.builds(Sentence, offsets, offsets, st.integers(0, 100))
mentions = st.builds(
    Mention, offsets, offsets, words, st.sampled_from(EntityKind), words, maybe_words
)
quotes = st.builds(
    Quote,
    offsets,
    offsets,
    words,
    st.sampled_from(SpeakerKind),
    maybe_words,
    maybe_words,
    maybe_words,
    st.booleans(),
    st.booleans(),
    st.none() | offsets,
    st.none() | offsets,
)
date_mentions = st.builds(
    DateMention, offsets, offsets, words, st.none() | time_values, finite, words
)
figures = st.builds(
    Figure,
    offsets,
    offsets,
    words,
    finite,
    maybe_words,
    maybe_words,
    maybe_words,
    st.none() | time_values,
    maybe_words,
)
analyses = st.builds(
    ArticleAnalysis,
    article_id=st.just("a1"),
    analyzer=st.sampled_from(["analyze.en.v1", "analyze.fr.v1"]),
    language=st.none() | st.just("en"),
    analysed=st.booleans(),
    sentences=st.lists(sentences, max_size=4).map(tuple),
    mentions=st.lists(mentions, max_size=4).map(tuple),
    quotes=st.lists(quotes, max_size=3).map(tuple),
    dates=st.lists(date_mentions, max_size=3).map(tuple),
    figures=st.lists(figures, max_size=3).map(tuple),
    published=publication_dates(),
    note=maybe_words,
)

fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(st.lists(articles(), min_size=1, max_size=4, unique_by=lambda a: a.id))
def test_articles_come_back_identical(stored: list[Article]) -> None:
    with open_store(None) as store:
        for article in stored:
            assert store.add_article(article)
        for article in stored:
            assert store.get_article(article.id) == article
        assert sorted(store.iter_articles(), key=lambda a: a.id) == sorted(
            stored, key=lambda a: a.id
        )
        store.check()  # the search index agrees with the articles, whatever the text holds


@fast
@given(st.lists(articles(), min_size=2, max_size=6, unique_by=lambda a: a.id))
def test_iteration_is_ordered_by_publication_then_id(stored: list[Article]) -> None:
    with open_store(None) as store:
        for article in stored:
            store.add_article(article)
        keys = [(store_key(a.published), a.id) for a in store.iter_articles()]
        assert keys == sorted(keys)


def store_key(published: PublicationDate) -> tuple[int, dt.datetime, int]:
    """Independent of the store's text keys: unknown last, else the UTC second or the day.

    A day-only date sorts before a timestamp on that day.
    """
    if published.value is not None:
        value = published.value
        if value.tzinfo is not None:
            try:
                value = value.astimezone(dt.UTC).replace(tzinfo=None)
            except OverflowError:  # within hours of year 1 or 9999: keep the local time
                value = value.replace(tzinfo=None)
        return (0, value.replace(microsecond=0), 1)
    if published.earliest is not None:
        return (0, dt.datetime.combine(published.earliest, dt.time()), 0)
    return (1, dt.datetime.min, 0)


@fast
@given(articles(), analyses)
def test_analyses_come_back_identical(article: Article, analysis: ArticleAnalysis) -> None:
    with open_store(None) as store:
        store.add_article(article)
        stored = ArticleAnalysis(**{**analysis.__dict__, "article_id": article.id})
        store.save_analysis(stored)
        assert store.get_analysis(article.id, stored.analyzer) == stored
        assert list(store.iter_analyses(stored.analyzer)) == [stored]


@fast
@given(st.binary(max_size=2000))
def test_raw_bytes_come_back_identical(data: bytes) -> None:
    with open_store(None) as store:
        raw_id = store.add_raw(RawDocument(data, "application/octet-stream", Origin("blob")))
        assert store.raw_bytes(raw_id) == data
