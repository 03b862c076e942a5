"""Timelines: dated events from story dates and date mentions, merged across sources."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
from pathlib import Path

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from builders import build_article
from storyline.cli import app
from storyline.models import (
    Article,
    ArticleAnalysis,
    Citation,
    DateMention,
    DateSource,
    EntityKind,
    Granularity,
    Mention,
    PublicationDate,
    Qualifier,
    Quote,
    SpeakerKind,
    Story,
    TimelineEvent,
    TimeValue,
)
from storyline.organise import ORGANISER_VERSION, OrganiseOptions, build_timeline, organise
from storyline.organise.condense import condense
from storyline.organise.text import sentences
from storyline.store import open_store
from storyline.web import create_app

DAY = dt.date(2024, 3, 4)
WIRE_TEXT = """Dockworkers at the Port of Rotterdam walked off the job on Monday over pay.

The dispute began in January 2024, when the FNV union rejected a 4 percent offer from ECT.

The last big strike at the port, in 2018, lasted three days.

The union said talks could resume soon."""
DAILY_TEXT = """Rotterdam dockworkers stopped work on Monday in a wage dispute.

The dispute began in January 2024 when the FNV union rejected ECT's 4 percent offer.

Separately, in January 2024 the port authority opened a new rail terminal at Maasvlakte."""


def _mention(
    article: Article, phrase: str, value: TimeValue | None, confidence: float = 0.9
) -> DateMention:
    start = article.text.index(phrase)
    return DateMention(start, start + len(phrase), phrase, value, confidence, "absolute")


def _analysis(article: Article, *mentions: DateMention) -> ArticleAnalysis:
    return ArticleAnalysis(
        article.id, "test.v1", "en", True, sentences=sentences(article, None), dates=mentions
    )


def _month(year: int, month: int) -> TimeValue:
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return TimeValue(dt.date(year, month, 1), last, Granularity.MONTH)


def _story(*articles: Article) -> Story:
    return Story("story:s", "s", tuple(a.id for a in articles), DAY, DAY, (), None, "test")


def _corpus() -> tuple[Article, Article, dict[str, ArticleAnalysis]]:
    wire = build_article(WIRE_TEXT, outlet="Example Wire", published=DAY, article_id="wire")
    daily = build_article(
        DAILY_TEXT, outlet="Daily Courier", published=DAY + dt.timedelta(days=1), article_id="daily"
    )
    january = _month(2024, 1)
    analyses = {
        "wire": _analysis(
            wire,
            _mention(wire, "January 2024", january),
            _mention(
                wire,
                "2018",
                TimeValue(dt.date(2018, 1, 1), dt.date(2018, 12, 31), Granularity.YEAR),
            ),
            _mention(wire, "soon", None, 0.2),
        ),
        "daily": _analysis(
            daily,
            _mention(daily, "January 2024", january),
            _mention(daily, "in January 2024 the port", january),
        ),
    }
    return wire, daily, analyses


def test_no_stories_give_no_events_and_an_undated_story_only_its_lead() -> None:
    options = OrganiseOptions()
    assert build_timeline([], [], None, options) == ()
    text = "Harbour news\n\nA ferry sank in the harbour on Friday. Nobody was hurt."
    undated = build_article(text, article_id="u")
    story = Story("story:u", "u", ("u",), None, None, (), None, "test")
    (event,) = build_timeline([story], [undated], None, options)
    assert event.when is None  # no date is made up
    assert event.description == "A ferry sank in the harbour on Friday."  # not the kicker
    (citation,) = event.citations
    assert undated.text[citation.start : citation.end] == event.description


def test_story_start_is_a_day_event_quoting_the_earliest_lead_sentence() -> None:
    wire, daily, _ = _corpus()
    (event,) = build_timeline([_story(wire, daily)], [wire, daily], None, OrganiseOptions())
    assert event.when == TimeValue(DAY, DAY, Granularity.DAY)
    assert event.description == WIRE_TEXT.split("\n\n")[0]
    (citation,) = event.citations
    assert wire.text[citation.start : citation.end] == event.description
    assert citation.outlet == "Example Wire"
    assert event.story_id == "story:s"


def test_date_mentions_become_events_at_their_own_granularity() -> None:
    wire, _, analyses = _corpus()
    events = build_timeline([_story(wire)], [wire], analyses, OrganiseOptions())
    labels = [(event.when.label() if event.when else None) for event in events]
    assert labels == ["2018", "2024-01", "2024-03-04"]
    year_event = events[0]
    assert year_event.when is not None and year_event.when.granularity is Granularity.YEAR
    assert year_event.description == "The last big strike at the port, in 2018, lasted three days."


def test_the_same_event_told_by_two_outlets_is_one_event_with_both_citations() -> None:
    wire, daily, analyses = _corpus()
    events = build_timeline([_story(wire, daily)], [wire, daily], analyses, OrganiseOptions())
    january = [e for e in events if e.when is not None and e.when.label() == "2024-01"]
    assert len(january) == 2  # the dispute (two outlets) and the rail terminal (one)
    dispute = next(e for e in january if "dispute" in e.description)
    assert {c.article_id for c in dispute.citations} == {"wire", "daily"}
    assert {c.outlet for c in dispute.citations} == {"Example Wire", "Daily Courier"}
    terminal = next(e for e in january if "rail terminal" in e.description)
    assert [c.article_id for c in terminal.citations] == ["daily"]
    texts = {"wire": wire.text, "daily": daily.text}
    for event in events:  # descriptions are verbatim: the first citation's sentence
        first = event.citations[0]
        assert texts[first.article_id][first.start : first.end] == event.description


def test_unresolved_mentions_give_no_event_in_a_dated_story() -> None:
    wire, daily, analyses = _corpus()
    events = build_timeline([_story(wire, daily)], [wire, daily], analyses, OrganiseOptions())
    assert all(event.when is not None for event in events)
    assert not any("resume soon" in event.description for event in events)


def test_one_date_reworded_by_two_outlets_is_one_event_and_another_value_stays_apart() -> None:
    first = build_article(
        "Talks resumed in Oslo on Monday.\n\nThey build on the March 2023 summit in Bergen "
        "that agreed a ceasefire framework for the border region.\n\nA year after the "
        "March 2023 summit, little has changed.",
        outlet="Nordic Wire",
        published=DAY,
        article_id="first",
    )
    second = build_article(
        "Negotiators met again in Oslo.\n\nThe framework, drafted in March 2023, set out "
        "a ceasefire and a withdrawal timetable.",
        outlet="Evening Post",
        published=DAY,
        article_id="second",
    )
    march = _month(2023, 3)
    about_2024 = TimeValue(dt.date(2024, 3, 1), dt.date(2024, 3, 31), Granularity.MONTH)
    analyses = {
        "first": _analysis(
            first,
            _mention(first, "March 2023 summit in", march),
            _mention(first, "A year after the", about_2024),
        ),
        "second": _analysis(second, _mention(second, "March 2023", march)),
    }
    story = _story(first, second)
    events = build_timeline([story], [first, second], analyses, OrganiseOptions())
    (summit,) = [e for e in events if e.when == march]
    assert [c.article_id for c in summit.citations] == ["first", "second"]
    (later,) = [e for e in events if e.when == about_2024]
    assert [c.article_id for c in later.citations] == ["first"]


def test_low_confidence_dates_are_not_used() -> None:
    wire, _, _ = _corpus()
    shaky = _analysis(
        wire,
        _mention(
            wire,
            "2018",
            TimeValue(dt.date(2018, 1, 1), dt.date(2018, 12, 31), Granularity.YEAR),
            0.1,
        ),
    )
    events = build_timeline([_story(wire)], [wire], {"wire": shaky}, OrganiseOptions())
    assert all(event.when is None or event.when.earliest.year == 2024 for event in events)


def test_organise_gives_each_thread_a_timeline_across_its_stories() -> None:
    wire, daily, analyses = _corpus()
    organisation = organise([wire, daily], analyses)
    (thread,) = organisation.threads
    ((thread_id, events),) = organisation.timelines
    assert thread_id == thread.id
    assert any(e.when is not None and e.when.label() == "2018" for e in events)
    days = [e.when.earliest for e in events if e.when is not None]
    assert days == sorted(days)


def test_a_sentence_repeated_inside_one_article_is_cited_once() -> None:
    text = f"{WIRE_TEXT}\n\n{WIRE_TEXT}"
    twice = build_article(text, outlet="Example Wire", published=DAY, article_id="twice")
    january = _month(2024, 1)
    first = text.index("January 2024")
    second = text.index("January 2024", first + 1)
    mentions = tuple(
        DateMention(start, start + 12, "January 2024", january, 0.9, "absolute")
        for start in (first, second)
    )
    analysis = _analysis(twice, *mentions)
    events = build_timeline([_story(twice)], [twice], {"twice": analysis}, OrganiseOptions())
    (dispute,) = [e for e in events if e.when == january]
    assert [(c.article_id, c.start) for c in dispute.citations] == [
        ("twice", dispute.citations[0].start)
    ]
    assert twice.text[dispute.citations[0].start : dispute.citations[0].end] == dispute.description


def test_one_sentence_read_with_two_qualifiers_is_still_one_event() -> None:
    sentence = "Crews had contained the fire by Wednesday morning, officials said."
    first = build_article(sentence, outlet="Wire", published=DAY, article_id="first")
    second = build_article(sentence, outlet="Daily", published=DAY, article_id="second")
    wednesday = TimeValue(DAY, DAY, Granularity.DAY)
    by_wednesday = dataclasses.replace(wednesday, qualifier=Qualifier.UNTIL)
    analyses = {
        "first": _analysis(first, _mention(first, "Wednesday morning", wednesday)),
        "second": _analysis(second, _mention(second, "Wednesday morning", by_wednesday)),
    }
    events = build_timeline([_story(first, second)], [first, second], analyses, OrganiseOptions())
    (contained,) = [e for e in events if "contained" in e.description]
    assert [c.article_id for c in contained.citations] == ["first", "second"]


# --------------------------------------------------------------------------- clearest description

MARCH_2023 = _month(2023, 3)


def _outlet(article_id: str, outlet: str, text: str) -> Article:
    return build_article(text, outlet=outlet, published=DAY, article_id=article_id)


def _dated(article: Article, phrase: str = "March 2023", **fields: object) -> ArticleAnalysis:
    analysis = _analysis(article, _mention(article, phrase, MARCH_2023))
    return dataclasses.replace(analysis, **fields)  # type: ignore[arg-type]


def _march_event(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> TimelineEvent:
    events = build_timeline([_story(*articles)], articles, analyses, OrganiseOptions())
    (event,) = [e for e in events if e.when == MARCH_2023]
    return event


def _direct_quote(article: Article, words: str) -> Quote:
    start = article.text.index(words)
    return Quote(start, start + len(words), words, SpeakerKind.UNKNOWN, None, None, "say")


PASSING = "That is a plan drafted in March 2023 and it sets out a phased withdrawal from the zone."
NAMING = (
    "The talks build on the March 2023 Bergen summit, where Norway and Finland agreed a "
    "phased withdrawal."
)


def test_the_sentence_naming_the_dated_event_wins_over_a_passing_mention_seen_first() -> None:
    first = _outlet("a-wire", "Nordic Wire", f"Talks resumed in Oslo.\n\n{PASSING}")
    second = _outlet("b-post", "Evening Post", f"Negotiators met again.\n\n{NAMING}")
    event = _march_event([first, second], {a.id: _dated(a) for a in (first, second)})
    assert event.description == NAMING
    assert [c.article_id for c in event.citations] == ["b-post", "a-wire"]  # shown source first
    cited = event.citations[0]
    assert second.text[cited.start : cited.end] == event.description  # verbatim


def test_the_clearest_sentence_wins_whatever_order_the_sources_come_in() -> None:
    quoted = "“We agreed the phased withdrawal in March 2023,” Minister Lena Berg told reporters."
    articles = [
        _outlet("a-wire", "Nordic Wire", PASSING),
        _outlet("b-post", "Evening Post", NAMING),
        _outlet("c-daily", "Harbour Daily", quoted),
    ]
    analyses = {a.id: _dated(a) for a in articles}
    analyses["c-daily"] = _dated(
        articles[2], quotes=(_direct_quote(articles[2], quoted[1 : quoted.index("”")]),)
    )
    seen = set()
    for order in itertools.permutations(articles):
        event = _march_event(list(order), analyses)
        seen.add((event.description, event.citations[0].article_id))
        assert {c.article_id for c in event.citations} == {"a-wire", "b-post", "c-daily"}
    assert seen == {(NAMING, "b-post")}


def test_a_date_inside_quote_marks_loses_to_the_writers_own_sentence() -> None:
    quoted = "“Norway, Finland and Sweden agreed the withdrawal in March 2023,” Lena Berg said."
    plain = "The withdrawal was agreed in March 2023."
    first = _outlet("a-wire", "Nordic Wire", quoted)
    second = _outlet("b-post", "Evening Post", plain)
    analyses = {
        "a-wire": _dated(first, quotes=(_direct_quote(first, quoted[1 : quoted.index("”")]),)),
        "b-post": _dated(second),
    }
    event = _march_event([first, second], analyses)
    assert event.description == plain  # fewer names, but not someone's quoted words
    assert [c.article_id for c in event.citations] == ["b-post", "a-wire"]


def test_reported_speech_is_the_writers_voice_and_is_not_penalised() -> None:
    reported = "Minister Lena Berg said Norway and Finland agreed the withdrawal in March 2023."
    plain = "The withdrawal was agreed in March 2023."
    first = _outlet("a-wire", "Nordic Wire", plain)
    second = _outlet("b-post", "Evening Post", reported)
    clause = reported[reported.index("Norway") : -1]
    indirect = dataclasses.replace(_direct_quote(second, clause), direct=False)
    analyses = {"a-wire": _dated(first), "b-post": _dated(second, quotes=(indirect,))}
    event = _march_event([first, second], analyses)
    assert event.description == reported


def test_the_analysers_entities_count_as_names_when_it_found_any() -> None:
    vague = "Talks in March 2023 set out a phased withdrawal of troops."
    named = "In March 2023 the border commission agreed a phased withdrawal of troops."
    first = _outlet("a-wire", "Nordic Wire", vague)
    second = _outlet("b-post", "Evening Post", named)
    start = second.text.index("border commission")
    commission = Mention(
        start, start + 17, "border commission", EntityKind.ORGANISATION, "org:border commission"
    )
    analyses = {"a-wire": _dated(first), "b-post": _dated(second, mentions=(commission,))}
    event = _march_event([first, second], analyses)
    assert event.description == named  # lower-case, but the analyser says it is a name


def test_an_opening_back_reference_loses_when_names_tie() -> None:
    pointing = "It was signed in Bergen in March 2023 after two days of talks."
    standalone = "The accord was signed in Bergen in March 2023 after two days of talks."
    first = _outlet("a-wire", "Nordic Wire", pointing)
    second = _outlet("b-post", "Evening Post", standalone)
    event = _march_event([first, second], {a.id: _dated(a) for a in (first, second)})
    assert event.description == standalone


def test_a_date_opening_the_sentence_is_not_a_back_reference() -> None:
    this_month = "This month's vote in Bergen approved the withdrawal plan for the border."
    other = "Lawmakers in Bergen approved the withdrawal plan for the border this month."
    first = _outlet("a-wire", "Nordic Wire", this_month)
    second = _outlet("b-post", "Evening Post", other)
    analyses = {"a-wire": _dated(first, "This month's"), "b-post": _dated(second, "this month")}
    event = _march_event([first, second], analyses)
    assert event.description == this_month  # a tie: the first seen stays
    assert event.date_span == (0, len("This month's"))  # ... with its own date words


def test_a_clearer_second_sentence_of_one_article_replaces_its_citation() -> None:
    text = f"Talks resumed in Oslo.\n\n{PASSING}\n\n{NAMING}"
    article = _outlet("a-wire", "Nordic Wire", text)
    analysis = _analysis(
        article,
        _mention(article, "March 2023", MARCH_2023),
        _mention(article, "March 2023 Bergen", MARCH_2023),
    )
    event = _march_event([article], {"a-wire": analysis})
    assert event.description == NAMING
    (citation,) = event.citations  # still one source
    assert article.text[citation.start : citation.end] == NAMING


# ---------------------------------------------------------------- merging, dates, stories

YEAR_2013 = TimeValue(dt.date(2013, 1, 1), dt.date(2013, 12, 31), Granularity.YEAR)
GENEVA = "In 2013 Kerry and Lavrov met in Geneva to plan a peace conference."
DEAL = "In 2013 Kerry and Lavrov also signed the chemical weapons deal."


def _year_events(articles: list[Article], analyses: dict[str, ArticleAnalysis]) -> list[str]:
    events = build_timeline([_story(*articles)], articles, analyses, OrganiseOptions())
    return sorted(e.description for e in events if e.when == YEAR_2013)


def test_the_same_actors_in_two_events_of_one_year_are_two_events() -> None:
    first = _outlet("a-wire", "Nordic Wire", f"Talks resumed.\n\n{GENEVA}")
    second = _outlet("b-post", "Evening Post", f"Talks resumed.\n\n{DEAL}")
    analyses = {a.id: _analysis(a, _mention(a, "2013", YEAR_2013)) for a in (first, second)}
    assert _year_events([first, second], analyses) == sorted([GENEVA, DEAL])


def test_names_found_by_the_analyser_are_left_out_even_when_they_open_the_sentence() -> None:
    texts = (
        "Kerry and Lavrov met in Geneva in 2013 to plan a peace conference.",
        "Kerry and Lavrov signed the chemical weapons deal in 2013.",
    )
    articles = [_outlet(f"{i}-wire", "Wire", text) for i, text in enumerate(texts)]
    analyses = {}
    for article in articles:
        mentions = tuple(
            Mention(start, start + len(name), name, EntityKind.PERSON, f"person:{name.lower()}")
            for name in ("Kerry", "Lavrov")
            if (start := article.text.find(name)) >= 0
        )
        analyses[article.id] = dataclasses.replace(
            _analysis(article, _mention(article, "2013", YEAR_2013)), mentions=mentions
        )
    assert _year_events(articles, analyses) == sorted(texts)


def test_two_incidental_shared_words_in_long_sentences_do_not_make_one_event() -> None:
    strike = (
        "In 2013 dockworkers at the northern container terminal demanded higher wages after "
        "months of stalled negotiations over pensions, shift patterns and overtime."
    )
    levy = (
        "In 2013 the harbour council demanded higher charges on cruise ships mooring overnight "
        "beside the old fish market, citing pollution, congestion and noise."
    )
    first = _outlet("a-wire", "Nordic Wire", strike)
    second = _outlet("b-post", "Evening Post", levy)
    analyses = {a.id: _analysis(a, _mention(a, "2013", YEAR_2013)) for a in (first, second)}
    assert _year_events([first, second], analyses) == sorted([strike, levy])


def test_an_inferred_publication_range_gives_a_range_event_never_a_made_up_day() -> None:
    article = build_article("A ferry sank in the harbour. Nobody was hurt.", article_id="u")
    inferred = PublicationDate(
        DateSource.INFERRED, None, dt.date(2013, 7, 1), dt.date(2013, 7, 10), "text"
    )
    analysis = ArticleAnalysis("u", "test.v1", "en", False, published=inferred)
    story = Story("story:u", "u", ("u",), None, None, (), None, "test")
    (event,) = build_timeline([story], [article], {"u": analysis}, OrganiseOptions())
    assert event.when == TimeValue(dt.date(2013, 7, 1), dt.date(2013, 7, 10), Granularity.RANGE)
    assert event.description == "A ferry sank in the harbour."


def test_a_publication_date_of_unknown_source_dates_nothing() -> None:
    article = dataclasses.replace(
        build_article("A ferry sank in the harbour. Nobody was hurt.", article_id="u"),
        published=PublicationDate(DateSource.UNKNOWN, None, DAY, DAY),
    )
    story = Story("story:u", "u", ("u",), None, None, (), None, "test")
    (event,) = build_timeline([story], [article], None, OrganiseOptions())
    assert event.when is None


def test_a_clearer_sentence_from_another_story_takes_the_event_into_that_story() -> None:
    passing = _outlet("a-wire", "Nordic Wire", PASSING)
    naming = _outlet("b-post", "Evening Post", NAMING)
    stories = [
        Story(f"story:{key}", key, (article.id,), DAY, DAY, (), None, "test")
        for key, article in (("a", passing), ("b", naming))
    ]
    analyses = {a.id: _dated(a) for a in (passing, naming)}
    events = build_timeline(stories, [passing, naming], analyses, OrganiseOptions())
    (march,) = [e for e in events if e.when == MARCH_2023]
    assert march.description == NAMING
    assert [c.article_id for c in march.citations] == ["b-post", "a-wire"]
    assert march.story_id == "story:b"  # the story whose sentence is shown


# --- condense: the most cited dated events of a long timeline


def _day(day: dt.date) -> TimeValue:
    return TimeValue(day, day, Granularity.DAY)


def _cited(when: TimeValue | None, description: str, *article_ids: str) -> TimelineEvent:
    citations = tuple(Citation(key, 0, 10, f"outlet-{key}") for key in article_ids)
    return TimelineEvent(when, description, citations, "story:s")


def test_condense_keeps_the_events_cited_by_most_articles_in_date_order() -> None:
    talks = _cited(_day(dt.date(2024, 5, 1)), "Talks opened in Oslo.", "a", "b", "c")
    strike = _cited(_day(dt.date(2024, 3, 4)), "Dockworkers walked out.", "a", "d")
    aside = _cited(_day(dt.date(2024, 1, 9)), "A ferry was delayed.", "e")
    kept = condense([aside, strike, talks], 2)
    assert kept == (strike, talks)  # date order, not salience order


def test_condense_counts_distinct_articles_not_citations() -> None:
    repeated = _cited(_day(dt.date(2024, 2, 1)), "One wire story pasted thrice.", "a", "a", "a")
    pair = _cited(_day(dt.date(2024, 2, 2)), "Two outlets told this.", "b", "c")
    assert condense([repeated, pair], 1) == (pair,)


def test_condense_breaks_ties_by_finer_granularity_then_earlier_date_then_description() -> None:
    month = _cited(_month(2024, 3), "In March the port was quiet.", "a", "b")
    later_day = _cited(_day(dt.date(2024, 3, 20)), "The union voted.", "a", "b")
    earlier_day = _cited(_day(dt.date(2024, 3, 2)), "The offer was made.", "c", "d")
    assert condense([month, later_day, earlier_day], 1) == (earlier_day,)
    assert condense([month, later_day, earlier_day], 2) == (earlier_day, later_day)
    zulu = _cited(_day(dt.date(2024, 3, 2)), "Zulu.", "a")
    alpha = _cited(_day(dt.date(2024, 3, 2)), "Alpha.", "b")
    (kept,) = condense([zulu, alpha], 1)  # one date: its first event, the other source after
    assert kept.description == "Zulu." and [c.article_id for c in kept.citations] == ["a", "b"]


def test_condense_ranks_dates_by_every_article_citing_them_and_shows_one_event_each() -> None:
    vote = _cited(_day(dt.date(2024, 3, 20)), "The union voted.", "a", "b")
    same_day = _cited(_day(dt.date(2024, 3, 20)), "Members queued to vote.", "c", "a")
    offer = _cited(_day(dt.date(2024, 3, 2)), "The offer was made.", "d", "e")
    (kept,) = condense([offer, vote, same_day], 1)  # three articles cite March 20, two March 2
    assert kept.description == "The union voted."
    assert [c.article_id for c in kept.citations] == ["a", "b", "c"]


def test_condense_drops_undated_events_even_when_keeping_everything() -> None:
    undated = _cited(None, "Nobody said when.", "a", "b", "c", "d")
    dated = _cited(_day(dt.date(2024, 1, 1)), "The year began.", "a")
    assert condense([undated, dated], 1) == (dated,)
    assert condense([undated, dated], 0) == (dated,)
    assert condense([undated], 5) == ()
    assert condense([], 3) == ()


def test_condense_with_top_zero_negative_or_large_keeps_every_dated_event_in_date_order() -> None:
    events = [
        _cited(_day(dt.date(2024, 6, 1)), "June.", "a"),
        _cited(_month(2024, 2), "February.", "a", "b"),
        _cited(_day(dt.date(2024, 2, 1)), "First of February.", "c"),
    ]
    expected = (events[2], events[1], events[0])  # a day before its month on the same start
    assert condense(events, 0) == condense(events, -3) == condense(events, 10) == expected


_WHEN = st.one_of(
    st.none(),
    st.dates(dt.date(2020, 1, 1), dt.date(2020, 12, 31)).map(_day),
    st.integers(1, 12).map(lambda month: _month(2020, month)),
)
_EVENT = st.builds(
    lambda when, text, ids: _cited(when, text, *ids),
    _WHEN,
    st.sampled_from(["Talks.", "Strike.", "Vote.", "Deal."]),
    st.lists(st.sampled_from("abcdef"), min_size=1, max_size=5),
)


@given(st.lists(_EVENT, max_size=12), st.integers(-2, 15))
def test_condense_keeps_the_most_cited_dates_one_event_each_in_date_order(
    events: list[TimelineEvent], top: int
) -> None:
    kept = condense(events, top)
    dated = [event for event in events if event.when is not None]
    starts = [event.when.earliest for event in kept if event.when is not None]
    assert starts == sorted(starts)
    if top <= 0:
        assert len(kept) == len(dated)
        return

    def day(when: TimeValue | None) -> tuple[object, ...]:
        return (when.earliest, when.latest, when.granularity) if when else ()

    def cited(key: tuple[object, ...]) -> int:
        return len({c.article_id for e in dated if day(e.when) == key for c in e.citations})

    dates = {day(event.when) for event in dated}
    assert len(kept) <= min(top, len(dates))
    assert len({day(event.when) for event in kept}) == len(kept)  # one event per date
    told = [(event.citations[0].article_id, event.description) for event in kept]
    assert len(set(told)) == len(told)  # one sentence is never shown for two dates
    for event in kept:  # each shows one of its date's events, citing every article of it
        assert any(
            event.description == e.description for e in dated if day(e.when) == day(event.when)
        )
        assert len({c.article_id for c in event.citations}) == cited(day(event.when))
    if dates:
        assert kept and max(cited(day(e.when)) for e in kept) == max(map(cited, dates))


def test_timeline_command_keeps_the_top_events_of_each_thread(tmp_path: Path) -> None:
    db = tmp_path / "timeline.db"
    big = [
        _cited(_day(dt.date(2024, 3, 4)), "Dockworkers walked out.", "a", "b"),
        _cited(_day(dt.date(2024, 1, 9)), "A ferry was delayed.", "c"),
        _cited(None, "Nobody said when.", "d"),
    ]
    small = [_cited(_day(dt.date(2023, 7, 1)), "The talks began.", "e")]
    with open_store(db) as store:
        store.save_organisation(ORGANISER_VERSION, [], [], [], [("t1", big), ("t2", small)])
    result = CliRunner().invoke(app, ["timeline", "--db", str(db), "--top", "1", "--json"])
    assert result.exit_code == 0, result.output
    shown = {item["thread_id"]: item["events"] for item in json.loads(result.stdout)}
    assert [e["description"] for e in shown["t1"]] == ["Dockworkers walked out."]
    assert [e["description"] for e in shown["t2"]] == ["The talks began."]
    table = CliRunner().invoke(app, ["timeline", "t1", "--db", str(db), "--top", "1"])
    assert table.exit_code == 0, table.output
    assert "Dockworkers walked out." in table.stdout and "ferry" not in table.stdout
    everything = CliRunner().invoke(app, ["timeline", "t1", "--db", str(db)])
    assert "ferry" in everything.stdout and "Nobody said when." in everything.stdout


# ---------------------------------------------------------------- the words that gave the date

ACCORD = (
    "The accord came a year after the March 2023 Bergen summit that called on both sides "
    "to pull back."
)
ABOUT_MARCH_2024 = TimeValue(
    dt.date(2024, 3, 1), dt.date(2024, 3, 31), Granularity.MONTH, Qualifier.ABOUT
)


def _marked(event: TimelineEvent) -> str:
    assert event.date_span is not None
    start, end = event.date_span
    return event.description[start:end]


def test_one_sentence_with_two_dates_gives_two_events_marking_different_words() -> None:
    article = _outlet("a-wire", "Nordic Wire", f"Talks resumed in Oslo.\n\n{ACCORD}")
    relative = _mention(article, "a year after the March 2023", ABOUT_MARCH_2024)
    analysis = _analysis(article, _mention(article, "March 2023", MARCH_2023), relative)
    events = build_timeline([_story(article)], [article], {"a-wire": analysis}, OrganiseOptions())
    march_2023, about_2024 = (e for e in events if e.when in (MARCH_2023, ABOUT_MARCH_2024))
    assert march_2023.description == about_2024.description == ACCORD
    assert _marked(march_2023) == "March 2023"
    assert _marked(about_2024) == "a year after the March 2023"
    assert march_2023.date_span != about_2024.date_span


def test_events_not_dated_by_a_mention_mark_nothing() -> None:
    wire, daily, analyses = _corpus()
    events = build_timeline([_story(wire, daily)], [wire, daily], analyses, OrganiseOptions())
    start = next(e for e in events if e.when == TimeValue(DAY, DAY, Granularity.DAY))
    assert start.date_span is None  # dated by the story's first day, not by its words
    assert all(_marked(e) for e in events if e is not start)
    undated = build_article("A ferry sank in the harbour. Nobody was hurt.", article_id="u")
    story = Story("story:u", "u", ("u",), None, None, (), None, "test")
    (lead,) = build_timeline([story], [undated], None, OrganiseOptions())
    assert lead.when is None and lead.date_span is None


def test_merged_events_mark_the_date_words_of_the_description_they_keep() -> None:
    # PASSING says "March 2023" early, NAMING later: the span must move with the description.
    passing = _outlet("a-wire", "Nordic Wire", PASSING)
    naming = _outlet("b-post", "Evening Post", f"Negotiators met again.\n\n{NAMING}")
    analyses = {a.id: _dated(a) for a in (passing, naming)}
    for order in ([passing, naming], [naming, passing]):
        event = _march_event(order, analyses)
        assert event.description == NAMING
        start = NAMING.index("March 2023")
        assert event.date_span == (start, start + len("March 2023"))


def test_a_date_expression_running_past_its_sentence_is_clipped_to_it() -> None:
    article = _outlet("a-wire", "Nordic Wire", "The vote was set for March.\n\n2023 will tell.")
    mention = _mention(article, "March.\n\n2023", MARCH_2023)
    events = build_timeline(
        [_story(article)], [article], {"a-wire": _analysis(article, mention)}, OrganiseOptions()
    )
    (event,) = [e for e in events if e.when == MARCH_2023]
    assert event.description == "The vote was set for March."
    assert event.date_span == (len("The vote was set for "), len(event.description))


_FILLER = st.sampled_from(
    [
        "Talks resumed.",
        "The port shut in May 2021 after a strike.",
        "On 4 March the vote passed.",
        "“We met in June,” she said.",
        "Since 2019 the deal held.",
        "Nothing moved",
    ]
)
_VALUES = st.sampled_from([MARCH_2023, ABOUT_MARCH_2024, YEAR_2013])


@st.composite
def _mentioned_articles(draw: st.DrawFn) -> tuple[Article, ArticleAnalysis]:
    """An article of invented sentences and date mentions at arbitrary offsets (some running
    across sentence ends, some sharing a sentence), as an analyser might misplace them."""
    paragraphs = draw(st.lists(_FILLER, min_size=1, max_size=4))
    article_id = f"a{draw(st.integers(0, 3))}"
    article = build_article("\n\n".join(paragraphs), outlet="Wire", article_id=article_id)
    size = len(article.text)
    mentions = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, size - 1))
        end = draw(st.integers(start + 1, min(size, start + 30)))
        text = article.text[start:end]
        mentions.append(DateMention(start, end, text, draw(_VALUES), 0.9, "absolute"))
    return article, _analysis(article, *mentions)


@given(st.lists(_mentioned_articles(), min_size=1, max_size=3, unique_by=lambda p: p[0].id))
def test_a_marked_span_is_always_its_mentions_words_within_the_description(
    corpus: list[tuple[Article, ArticleAnalysis]],
) -> None:
    articles = [article for article, _ in corpus]
    analyses = {analysis.article_id: analysis for _, analysis in corpus}
    by_id = {article.id: article for article in articles}
    events = build_timeline([_story(*articles)], articles, analyses, OrganiseOptions())
    for event in events:
        if event.when is None:
            assert event.date_span is None
            continue
        assert event.date_span is not None  # unpublished articles: only mentions date events
        start, end = event.date_span
        assert 0 <= start < end <= len(event.description)
        first = event.citations[0]  # the description's own source
        assert by_id[first.article_id].text[first.start : first.end] == event.description
        absolute = (first.start + start, first.start + end)
        produced = [
            (max(m.start, first.start), min(m.end, first.end))
            for m in analyses[first.article_id].dates
            if m.value == event.when
        ]
        assert absolute in produced  # the clip of a mention of this very date
        text = by_id[first.article_id].text
        assert event.description[start:end] == text[absolute[0] : absolute[1]]


def test_the_web_timeline_marks_the_date_words_and_escapes_every_piece(tmp_path: Path) -> None:
    description = "<b>Talks</b> on <i>4 March</i> & <script>x</script> then."
    marked = (description.index("4 March") - 3, description.index("</i>") + 4)
    event = dataclasses.replace(
        _cited(_day(dt.date(2024, 3, 4)), description, "a"), date_span=marked
    )
    db = tmp_path / "web.db"
    with open_store(db) as store:
        store.save_organisation(ORGANISER_VERSION, [], [], [], [("t1", [event])])
    page = TestClient(create_app(db)).get("/timeline/t1")
    assert page.status_code == 200
    assert (
        "&lt;b&gt;Talks&lt;/b&gt; on <mark>&lt;i&gt;4 March&lt;/i&gt;</mark> &amp; "
        "&lt;script&gt;x&lt;/script&gt; then." in page.text
    )
    assert "<script>" not in page.text and "<i>" not in page.text


def _two_outlets(first: str, second: str, phrases: tuple[str, str]) -> list[TimelineEvent]:
    one = build_article(first, outlet="Harbour Post", published=DAY, article_id="one")
    two = build_article(second, outlet="Coast Daily", published=DAY, article_id="two")
    march = _day(dt.date(2024, 3, 7))
    analyses = {
        "one": _analysis(one, _mention(one, phrases[0], march)),
        "two": _analysis(two, _mention(two, phrases[1], march)),
    }
    return [
        event
        for event in build_timeline([_story(one, two)], [one, two], analyses, OrganiseOptions())
        if event.when == march
    ]


def test_sentences_giving_different_figures_for_one_date_stay_two_events() -> None:
    events = _two_outlets(
        "On March 7 the union ended an 11-day strike at the container terminal.",
        "On March 7 the union ended a 12-day strike at the container terminal.",
        ("March 7", "March 7"),
    )
    assert sorted([c.article_id for c in event.citations] for event in events) == [
        ["one"],
        ["two"],
    ]


def test_one_date_told_as_a_weekday_and_as_a_day_of_the_month_is_still_one_event() -> None:
    (event,) = _two_outlets(
        "Police arrested 12 strikers at Gate 4 on March 7 after a night of clashes.",
        "Police arrested 12 strikers at Gate 4 on Thursday after a night of clashes.",
        ("March 7", "Thursday"),
    )
    assert {c.article_id for c in event.citations} == {"one", "two"}


def test_a_sentence_adding_a_figure_to_another_sources_is_still_one_event() -> None:
    (event,) = _two_outlets(
        "On March 7 the union and the ministry signed a five-year agreement at the port.",
        "On March 7 the union and the ministry signed a five-year agreement at the port, "
        "ending a 12-day strike.",
        ("March 7", "March 7"),
    )
    assert {c.article_id for c in event.citations} == {"one", "two"}


def test_a_sentence_cut_from_inside_a_quotation_gives_no_event() -> None:
    text = (
        'Delgado spoke at the gate. "We will win.\n\n'
        'On March 7 we were shouting at each other through fences," he said.'
    )
    article = build_article(text, outlet="Harbour Post", published=DAY, article_id="q")
    march = _day(dt.date(2024, 3, 7))
    analyses = {"q": _analysis(article, _mention(article, "March 7", march))}
    events = build_timeline([_story(article)], [article], analyses, OrganiseOptions())
    assert all(event.when != march for event in events)


def test_a_sentence_said_whole_inside_a_quote_gives_no_event_but_an_attributed_one_does() -> None:
    said = "“We argued for years. In March 2023 we sat at one table. Now we talk,” Berg said."
    attributed = "“We agreed the withdrawal in March 2023,” Lena Berg said."
    events = []
    for key, text in (("whole", said), ("attributed", attributed)):
        article = _outlet(key, "Nordic Wire", text)
        quote = _direct_quote(article, text[1 : text.index("”")])
        analyses = {key: _dated(article, quotes=(quote,))}
        events.append(
            [
                event.description
                for event in build_timeline(
                    [_story(article)], [article], analyses, OrganiseOptions()
                )
                if event.when == MARCH_2023
            ]
        )
    assert events == [[], [attributed]]


def test_condense_counts_a_qualified_date_with_the_same_date_and_shows_the_plain_one() -> None:
    before = dataclasses.replace(_day(dt.date(2024, 3, 4)), qualifier=Qualifier.BEFORE)
    hinted = _cited(before, "Talks stalled before March 4.", "a", "b")
    plain = _cited(_day(dt.date(2024, 3, 4)), "Dockers struck on March 4.", "c", "d")
    other = _cited(_day(dt.date(2024, 3, 9)), "A ferry sailed.", "e", "f", "g")
    (kept,) = condense([hinted, plain, other], 1)  # four articles cite March 4, three March 9
    assert kept.description == "Dockers struck on March 4."
    assert [c.article_id for c in kept.citations] == ["c", "d", "a", "b"]


def test_condense_shows_a_sentence_dated_twice_once_and_takes_the_next_date() -> None:
    text = "About 900 people fled after a fire that started on Tuesday reached the village."
    started = _cited(_day(dt.date(2025, 8, 12)), text, "a", "b", "c")
    reported = _cited(_day(dt.date(2025, 8, 13)), text, "a", "b")
    later = _cited(_day(dt.date(2025, 8, 15)), "The fire was brought under control.", "d")
    kept = condense([started, reported, later], 2)
    assert [event.when.earliest.day for event in kept if event.when] == [12, 15]
