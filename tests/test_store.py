"""The SQLite store: articles, raw inputs, search, results, transactions and schema."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from builders import build_article
from storyline.errors import StoreError
from storyline.models import (
    Article,
    ArticleAnalysis,
    Citation,
    DateSource,
    DuplicateGroup,
    Entity,
    EntityKind,
    Granularity,
    Origin,
    Problem,
    PublicationDate,
    RawDocument,
    Severity,
    Story,
    Thread,
    TimelineEvent,
    TimeValue,
)
from storyline.store import Store, open_store, sqlite
from storyline.store.migrations import MIGRATIONS, applied_migrations, migrate

KERRY = build_article(
    "Secretary of State John Kerry met Sergei Lavrov in Bandar Seri Begawan on Monday.\n\n"
    "The two men discussed a peace conference on Syria, officials said.",
    title="Kerry and Lavrov meet on the sidelines of the Asean forum",
    outlet="Daily Ledger",
    published=dt.date(2013, 7, 1),
)
ASSAD = build_article(
    "Officials in Damascus said President Bashar al-Assád would not attend.\n\n"
    "The Geneva talks were postponed again.",
    title="Damascus casts doubt on Geneva talks",
    outlet="Gulf Courier",
    published=dt.datetime(2013, 7, 3, 9, 30),
)
UNDATED = build_article("A short item with no date at all.", title="Undated brief")


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(None) as opened:
        yield opened


def raw_document(data: bytes, location: str = "feed.xml") -> RawDocument:
    return RawDocument(raw=data, media_type="application/rss+xml", origin=Origin(location))


def with_date(article: Article, published: PublicationDate) -> Article:
    return dataclasses.replace(article, published=published, id=article.id[:8] + "x" * 8)


# --------------------------------------------------------------------------- opening


def test_missing_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a directory"):
        open_store(tmp_path / "nowhere" / "store.db")


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(path)


def test_file_store_is_created_reopened_and_migrated_once(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with open_store(path) as store:
        store.add_article(KERRY)
    with open_store(str(path)) as store:
        assert store.get_article(KERRY.id) == KERRY
    conn = sqlite3.connect(path)
    names = [name for (name,) in conn.execute("SELECT name FROM migrations ORDER BY rowid")]
    journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.close()
    assert names == [migration.name for migration in MIGRATIONS]
    assert journal == "wal"


def test_store_written_by_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO migrations VALUES ('storyline', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"newer storyline.*m999_from_the_future"):
        open_store(path)


def test_a_store_from_an_older_schema_is_upgraded_on_open(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:-1])
    conn.close()
    with open_store(path) as store:
        store.add_article(KERRY)
        assert [hit.article_id for hit in store.search("Lavrov")] == [KERRY.id]
        store.check()
        assert applied_migrations(store._conn) == [m.name for m in MIGRATIONS]


def test_close_twice_is_harmless_and_commits_the_pending_batch(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    store = open_store(path)
    store.add_article(KERRY)
    store.close()
    store.close()
    with open_store(path) as reopened:
        assert reopened.has_article(KERRY.id)


def test_pending_batch_is_invisible_to_other_connections_until_flush(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with open_store(path) as writer, open_store(path) as reader:
        writer.add_article(KERRY)
        assert not reader.has_article(KERRY.id)
        writer.flush()
        assert reader.has_article(KERRY.id)


def test_a_locked_store_is_a_store_error_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 20)
    path = tmp_path / "store.db"
    with open_store(path) as first, open_store(path) as second, first.transaction():
        first.add_article(KERRY)
        with pytest.raises(StoreError, match="another storyline process"):
            second.add_article(ASSAD)


def test_a_store_opens_for_reading_while_another_connection_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 20)
    path = tmp_path / "store.db"
    with open_store(path) as writer:
        writer.add_article(KERRY)
        writer.flush()
        with writer.transaction():
            writer.add_article(ASSAD)
            with open_store(path) as reader:  # a web UI request during an ingest
                assert [a.id for a in reader.iter_articles()] == [KERRY.id]
                assert [hit.article_id for hit in reader.search("Kerry")] == [KERRY.id]


def test_check_passes_on_a_sound_store(store: Store) -> None:
    store.add_article(KERRY)
    store.save_analysis(ArticleAnalysis(KERRY.id, "analyze.en.v1", "en", True))
    store.check()


def test_check_finds_an_article_missing_from_the_search_index(store: Store) -> None:
    store.add_article(KERRY)
    store._conn.execute(
        """INSERT INTO articles (id, title, sort_key, raw_id, data)
           VALUES ('sneaked', 'Sneaked in', '~', 'r', '{"text": "not indexed"}')"""
    )
    with pytest.raises(StoreError, match="store check failed"):
        store.check()


# --------------------------------------------------------------------------- raw and articles


def test_raw_bytes_are_kept_byte_for_byte_and_stored_once(store: Store) -> None:
    data = b"<?xml version='1.0' encoding='latin-1'?><rss>caf\xe9 \x00\xff</rss>\r\n"
    first = store.add_raw(raw_document(data, "a.xml"))
    second = store.add_raw(raw_document(data, "copy-of-a.xml"))
    assert first == second == hashlib.sha256(data).hexdigest()
    assert store.raw_bytes(first) == data
    assert store.counts().raw == 1


def test_unknown_raw_id_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="no raw input"):
        store.raw_bytes("0" * 64)


def test_adding_the_same_article_twice_changes_nothing(store: Store) -> None:
    assert store.add_article(KERRY) is True
    changed = dataclasses.replace(KERRY, outlet="Somebody Else")
    assert store.add_article(changed) is False
    assert store.count_articles() == 1
    assert store.get_article(KERRY.id) == KERRY


def test_ingesting_the_same_input_again_writes_nothing(store: Store) -> None:
    def ingest() -> list[bool]:
        added = []
        for article in (KERRY, ASSAD):
            raw_id = store.add_raw(raw_document(article.text.encode(), article.id))
            added.append(store.add_article(dataclasses.replace(article, raw_id=raw_id)))
        store.add_problem(problem())
        return added

    assert ingest() == [True, True]
    store.flush()
    changes = store._conn.total_changes
    assert ingest() == [False, False]
    store.flush()
    assert store._conn.total_changes == changes


def test_get_article_accepts_a_unique_prefix(store: Store) -> None:
    store.add_article(KERRY)
    store.add_article(ASSAD)
    assert store.get_article(KERRY.id[:6]) == KERRY
    assert store.get_article("zz") is None
    assert store.get_article("") is None


def test_get_article_with_an_ambiguous_prefix_says_so(store: Store) -> None:
    store.add_article(dataclasses.replace(KERRY, id="abc111"))
    store.add_article(dataclasses.replace(ASSAD, id="abc222"))
    with pytest.raises(StoreError, match="ambiguous"):
        store.get_article("abc")


def test_iter_articles_orders_by_date_then_id_with_unknown_dates_last(store: Store) -> None:
    aware = dt.datetime(2013, 7, 2, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    evening_utc = with_date(KERRY, PublicationDate(DateSource.METADATA, aware))  # 04:00 UTC 3rd
    inferred = with_date(
        ASSAD,
        PublicationDate(
            DateSource.INFERRED, None, dt.date(2013, 7, 2), dt.date(2013, 7, 9), "text"
        ),
    )
    for article in (UNDATED, ASSAD, evening_utc, KERRY, inferred):
        store.add_article(article)
    ordered = [article.id for article in store.iter_articles()]
    assert ordered == [KERRY.id, inferred.id, evening_utc.id, ASSAD.id, UNDATED.id]


def test_iter_articles_filters_by_outlet(store: Store) -> None:
    for article in (KERRY, ASSAD, UNDATED):
        store.add_article(article)
    assert [a.id for a in store.iter_articles(outlet="Gulf Courier")] == [ASSAD.id]
    assert list(store.iter_articles(outlet="Nobody")) == []


def test_iter_articles_streams_past_a_page_while_the_caller_writes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite, "PAGE_SIZE", 3)
    articles = [
        build_article(f"Paragraph number {n}.", title=f"Item {n}", published=dt.date(2013, 1, n))
        for n in range(1, 11)
    ]
    for article in articles:
        store.add_article(article)
    seen = []
    for article in store.iter_articles():
        seen.append(article.id)
        store.save_analysis(ArticleAnalysis(article.id, "test.v1", "en", True))
    assert seen == [a.id for a in articles]
    assert len(list(store.iter_analyses("test.v1"))) == 10


# --------------------------------------------------------------------------- search


def test_search_ranks_title_matches_first_and_marks_the_snippet(store: Store) -> None:
    store.add_article(KERRY)
    store.add_article(ASSAD)
    store.add_article(build_article("Nothing about it here.", title="Weather"))
    hits = store.search("geneva")
    assert [hit.article_id for hit in hits] == [ASSAD.id]
    assert "[Geneva]" in hits[0].snippet
    assert hits[0].title == ASSAD.title
    assert hits[0].score > 0


def test_search_ignores_accents_and_matches_word_forms(store: Store) -> None:
    store.add_article(KERRY)
    store.add_article(ASSAD)
    assert [hit.article_id for hit in store.search("assad")] == [ASSAD.id]
    assert {hit.article_id for hit in store.search("talk")} == {ASSAD.id}
    assert {hit.article_id for hit in store.search("discussing")} == {KERRY.id}


def test_search_understands_fts_operators(store: Store) -> None:
    store.add_article(KERRY)
    store.add_article(ASSAD)
    assert {hit.article_id for hit in store.search("Kerry OR Damascus")} == {KERRY.id, ASSAD.id}
    assert store.search('"peace conference"')[0].article_id == KERRY.id
    assert store.search("Kerry NOT Lavrov") == []


@pytest.mark.parametrize("query", ["al-Assád", "Assad:", 'Kerry "Lavrov', "(Syria", "*"])
def test_search_falls_back_to_phrases_when_the_query_does_not_parse(
    store: Store, query: str
) -> None:
    store.add_article(KERRY)
    store.add_article(ASSAD)
    hits = store.search(query)  # must not raise
    assert all(isinstance(hit.snippet, str) for hit in hits)


def test_search_for_a_hyphenated_name_finds_it(store: Store) -> None:
    store.add_article(ASSAD)
    assert [hit.article_id for hit in store.search("al-Assad")] == [ASSAD.id]


def test_empty_search_and_zero_limit_find_nothing(store: Store) -> None:
    store.add_article(KERRY)
    assert store.search("   ") == []
    assert store.search("kerry", limit=0) == []


def test_search_limit_caps_the_hits(store: Store) -> None:
    for n in range(5):
        store.add_article(build_article(f"Talks resumed, day {n}.", title=f"Talks {n}"))
    assert len(store.search("talks", limit=3)) == 3


# --------------------------------------------------------------------------- problems


def problem(code: str = "invalid-json", member: str | None = "line 3") -> Problem:
    return Problem(
        Origin("wire.jsonl", member),
        code,
        "line 3 is not valid JSON",
        "fix or remove the line",
        severity=Severity.ERROR,
    )


def test_problems_are_kept_once_in_order_and_by_run(store: Store) -> None:
    store.add_problem(problem(), run_id="run-1")
    store.add_problem(problem("empty-file", "line 9"), run_id="run-1")
    store.add_problem(problem(), run_id="run-2")  # the same problem seen again
    store.add_problem(problem("truncated-warc", None), run_id="run-2")
    assert [p.code for p in store.problems()] == ["invalid-json", "empty-file", "truncated-warc"]
    assert [p.code for p in store.problems(run_id="run-2")] == ["truncated-warc"]
    assert store.problems()[0] == problem()


# --------------------------------------------------------------------------- analyses


def test_analysis_is_replaced_per_article_and_analyzer(store: Store) -> None:
    store.add_article(KERRY)
    store.save_analysis(ArticleAnalysis(KERRY.id, "analyze.en.v1", "en", True))
    newer = ArticleAnalysis(KERRY.id, "analyze.en.v1", "en", False, note="model missing")
    store.save_analysis(newer)
    store.save_analysis(ArticleAnalysis(KERRY.id, "analyze.en.v2", "en", True))
    assert store.get_analysis(KERRY.id, "analyze.en.v1") == newer
    assert store.get_analysis(KERRY.id, "nope") is None
    assert [a.analyzer for a in store.iter_analyses("analyze.en.v2")] == ["analyze.en.v2"]


def test_analysis_of_an_unknown_article_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="store the article"):
        store.save_analysis(ArticleAnalysis("missing", "analyze.en.v1", "en", True))


# --------------------------------------------------------------------------- entities


def entity(key: str, count: int) -> Entity:
    name = key.split(":", 1)[1].title()
    return Entity(key, name, EntityKind.PERSON, (name,), ("Minister",), count, ("a1",))


def test_save_entities_replaces_that_algorithms_set(store: Store) -> None:
    store.save_entities([entity("person:john kerry", 3), entity("person:sergei lavrov", 5)], "e.v1")
    store.save_entities([entity("person:bashar assad", 1)], "e.v2")
    store.save_entities([entity("person:william hague", 2)], "e.v1")
    assert [e.key for e in store.entities()] == ["person:william hague"]
    assert [e.key for e in store.entities("e.v2")] == ["person:bashar assad"]
    assert store.entities("unknown") == []


def test_entities_are_most_mentioned_first(store: Store) -> None:
    store.save_entities([entity("person:john kerry", 3), entity("person:sergei lavrov", 5)], "e")
    assert [e.key for e in store.entities()] == ["person:sergei lavrov", "person:john kerry"]


def test_duplicate_entity_keys_fail_without_losing_the_old_set(store: Store) -> None:
    store.save_entities([entity("person:john kerry", 3)], "e.v1")
    with pytest.raises(StoreError):
        store.save_entities([entity("person:x y", 1), entity("person:x y", 2)], "e.v1")
    assert [e.key for e in store.entities("e.v1")] == ["person:john kerry"]


# --------------------------------------------------------------------------- organisation


def organisation_parts() -> tuple[
    list[DuplicateGroup], list[Story], list[Thread], list[tuple[str, list[TimelineEvent]]]
]:
    day = TimeValue(dt.date(2013, 7, 1), dt.date(2013, 7, 1), Granularity.DAY)
    duplicates = [DuplicateGroup("d1", KERRY.id, (KERRY.id, "copy"), 0.91, "minhash.v1")]
    stories = [
        Story("s2", "Geneva doubts", (ASSAD.id,), None, None, (), "Damascus", "org"),
        Story("s1", "Brunei meeting", (KERRY.id,), day.earliest, day.latest, ("p:k",), None, "org"),
    ]
    threads = [Thread("t1", "Syria diplomacy", ("s1", "s2"), "org")]
    events = [TimelineEvent(day, "Kerry met Lavrov.", (Citation(KERRY.id, 0, 20, "DL"),), "s1")]
    return duplicates, stories, threads, [("t1", events), ("t0", [])]


def test_organisation_round_trips_in_order(store: Store) -> None:
    duplicates, stories, threads, timelines = organisation_parts()
    store.save_organisation("organise.v1", duplicates, stories, threads, timelines)
    loaded = store.load_organisation()
    assert loaded is not None
    assert loaded.duplicates == tuple(duplicates)
    assert [s.id for s in loaded.stories] == ["s2", "s1"]
    assert loaded.stories == tuple(stories)
    assert loaded.threads == tuple(threads)
    assert loaded.timelines == (("t1", tuple(timelines[0][1])), ("t0", ()))
    assert loaded.algorithm == "organise.v1"
    assert loaded.saved is not None


def test_a_new_version_replaces_the_result_of_the_same_algorithm_name(store: Store) -> None:
    duplicates, stories, threads, timelines = organisation_parts()
    store.save_organisation("organise.v1", duplicates, stories, threads, timelines)
    store.save_organisation("baseline", [], stories[:1], [], [])
    store.save_organisation("organise.v2", [], [], [], [])
    latest = store.load_organisation()
    baseline = store.load_organisation("baseline")
    assert latest is not None and latest.algorithm == "organise.v2"
    assert latest.stories == ()
    assert baseline is not None and baseline.stories == tuple(stories[:1])
    assert store.load_organisation("organise.v1") == latest  # same name, newest version
    conn_rows = store._conn.execute("SELECT count(*) FROM organisation_items").fetchone()[0]
    assert conn_rows == 1  # the v1 items went with it


def test_load_organisation_of_an_empty_store_is_none(store: Store) -> None:
    assert store.load_organisation() is None
    assert store.load_organisation("organise.v1") is None


# --------------------------------------------------------------------------- transactions


def test_transaction_rolls_back_everything_on_error(store: Store) -> None:
    store.add_article(UNDATED)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_raw(raw_document(b"feed"))
        store.add_article(KERRY)
        raise RuntimeError("boom")
    assert store.counts().raw == 0
    assert not store.has_article(KERRY.id)
    assert store.has_article(UNDATED.id)  # the batch before the transaction was committed


def test_nested_transaction_rolls_back_only_the_inner_block(store: Store) -> None:
    with store.transaction():
        store.add_article(KERRY)
        with pytest.raises(RuntimeError), store.transaction():
            store.add_article(ASSAD)
            raise RuntimeError("inner")
    assert store.has_article(KERRY.id)
    assert not store.has_article(ASSAD.id)


def test_batches_commit_after_the_article_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite, "BATCH_ARTICLES", 2)
    monkeypatch.setattr(sqlite, "BATCH_SECONDS", 3600.0)
    path = tmp_path / "store.db"
    with open_store(path) as writer, open_store(path) as reader:
        writer.add_raw(raw_document(b"one"))
        writer.add_article(KERRY)
        assert reader.count_articles() == 0
        writer.add_raw(raw_document(b"two"))
        writer.add_article(ASSAD)
        assert reader.count_articles() == 2
        assert reader.counts().raw == 2


def test_a_timestamp_near_year_one_in_a_time_zone_is_stored(store: Store) -> None:
    near_year_one = dt.datetime(1, 1, 1, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    article = with_date(KERRY, PublicationDate(DateSource.METADATA, near_year_one))
    store.add_article(article)
    assert store.get_article(article.id) == article


def test_text_with_a_nul_character_is_stored_and_indexed_consistently(store: Store) -> None:
    article = build_article("Talks resumed.\n\nA stray \x00 byte from a bad feed.", title="T\x00")
    store.add_article(article)
    store.check()
    assert store.get_article(article.id) == article
    assert [hit.article_id for hit in store.search("resumed")] == [article.id]
