"""Date and place evidence of stories: inferred publication ranges and datelines."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from builders import build_article
from storyline.models import (
    Article,
    ArticleAnalysis,
    DateSource,
    EntityKind,
    Mention,
    PublicationDate,
)
from storyline.organise import organise
from storyline.organise.evidence import (
    NAME_CONFLICT_FACTOR,
    PLACE_CONFLICT_FACTOR,
    DateSpan,
    Evidence,
    agreement,
    article_evidence,
    article_span,
    evidence_span,
    gap_days,
    names_agreement,
    numbers_conflict,
    place_words,
)
from storyline.organise.labels import EntityNames, story_dates
from storyline.organise.merge import Piece, merge_pieces
from storyline.organise.stories import STORY_MERGE_THRESHOLD

MEETING = """The foreign ministers of Norland and Estavia met on Tuesday to discuss a \
ceasefire in the border war, minister Ilse Varga said after the talks.

Varga said both governments wanted a conference on the border war before winter, and that \
envoys would draft an agenda for the ceasefire talks at the summit venue.

Estavian minister Petr Holub said the border war could end only with a political process \
backed by both capitals."""
VISIT = """Ilse Varga arrived on Thursday hoping to revive stalled peace efforts, a week \
after bombings in the capital killed eleven people.

Varga saw Petr Holub and was due at the presidential palace later, officials said, as \
shelling resumed along the frontier.

"We must bring this to a close as fast as possible," Varga told reporters, calling for \
unity against armed groups."""
# Another outlet on the MEETING, in other words (not a near-duplicate).
REPORT = """Norland and Estavia want a ceasefire in their border war, their foreign ministers \
said on Tuesday after talks led by Ilse Varga.

Petr Holub, who became Estavia's minister in 2009, said a conference on the border war and \
the ceasefire talks should follow before winter."""


def _inferred(earliest: dt.date | None, latest: dt.date | None) -> PublicationDate:
    return PublicationDate(DateSource.INFERRED, None, earliest, latest, "text")


def _analysis(article_id: str, published: PublicationDate) -> ArticleAnalysis:
    return ArticleAnalysis(article_id, "test.v1", "en", False, published=published)


def test_article_span_prefers_the_metadata_day_then_the_inferred_range() -> None:
    dated = build_article("Text.", published=dt.date(2020, 5, 1), article_id="d")
    undated = build_article("Text.", article_id="u")
    inferred = _analysis("u", _inferred(dt.date(2013, 3, 2), None))
    assert article_span(dated, inferred) == DateSpan(dt.date(2020, 5, 1), dt.date(2020, 5, 1), True)
    assert article_span(undated, inferred) == DateSpan(dt.date(2013, 3, 2), None, False)
    assert article_span(undated, None) is None
    assert article_span(undated, _analysis("u", PublicationDate())) is None


def test_story_dates_intersect_inferred_ranges_and_say_only_what_they_know() -> None:
    spring = DateSpan(dt.date(2013, 3, 2), dt.date(2013, 9, 1), False)
    open_end = DateSpan(dt.date(2012, 6, 23), None, False)
    assert story_dates([spring, open_end, None]) == (
        dt.date(2013, 3, 2),
        dt.date(2013, 9, 1),
        "2013",
    )
    assert story_dates([open_end]) == (dt.date(2012, 6, 23), None, "2012 or later")
    later = DateSpan(dt.date(2016, 1, 1), dt.date(2016, 12, 31), False)
    assert story_dates([spring, later])[2] == "2013–2016"  # ranges that never meet: joined
    day = DateSpan(dt.date(2013, 7, 2), dt.date(2013, 7, 2), True)
    assert story_dates([spring, day]) == (dt.date(2013, 7, 2), dt.date(2013, 7, 2), "2013-07")
    assert story_dates([None]) == (None, None, "")


@given(
    st.lists(st.tuples(st.dates(), st.integers(min_value=0, max_value=400)), min_size=1, max_size=5)
)
def test_story_dates_of_overlapping_ranges_lie_inside_every_range(
    ranges: list[tuple[dt.date, int]],
) -> None:
    spans = [
        DateSpan(start, start + dt.timedelta(days=length), False)
        for start, length in ranges
        if start <= dt.date.max - dt.timedelta(days=length)
    ]
    earliest, latest, _ = story_dates(spans)
    if not spans:
        return
    assert earliest is not None and latest is not None and earliest <= latest
    if max(s.earliest for s in spans if s.earliest) <= min(s.latest for s in spans if s.latest):
        assert all(s.earliest <= earliest and latest <= s.latest for s in spans if s.latest)


def test_different_datelines_lower_the_similarity_unless_one_names_the_other() -> None:
    brunei = Evidence(datelines={"Bandar Seri Begawan, Brunei": 1}, places={"brune", "syria"})
    moscow = Evidence(datelines={"Moscow": 1}, places={"mosco", "syria", "bruss"})
    undated_line = Evidence(places={"syria"})
    assert agreement(brunei, moscow, 365) == PLACE_CONFLICT_FACTOR
    assert agreement(brunei, undated_line, 365) == 1.0  # no dateline: no evidence
    mentions_moscow = Evidence(datelines={"Washington": 1}, places={"mosco"})
    assert agreement(moscow, mentions_moscow, 365) == 1.0
    singapura = Evidence(datelines={"Singapura": 1}, places={"johor"})
    singapore = Evidence(datelines={"Singapore": 1}, places={"malay"})
    assert agreement(singapura, singapore, 365) == 1.0  # one city in two languages


def test_stories_whose_main_names_are_missing_on_both_sides_disagree() -> None:
    first = Evidence(names=Counter({"name:reid": 5, "name:tara": 3, "name:promises": 2}))
    second = Evidence(names=Counter({"name:lohan": 6, "name:lindsay": 3, "name:promises": 2}))
    same = Evidence(names=Counter({"name:lohan": 2, "name:lindsay": 2, "name:malibu": 1}))
    assert names_agreement(first, second) == NAME_CONFLICT_FACTOR
    assert names_agreement(second, same) == 1.0
    # Names mentioned once are no main names; no names at all is no evidence.
    once = Evidence(names=Counter({"name:kerry": 1, "name:lavrov": 1}))
    assert names_agreement(once, second) == 1.0
    assert names_agreement(first, Evidence()) == 1.0 == names_agreement(Evidence(), first)


def test_one_side_naming_the_others_main_people_is_enough_to_agree() -> None:
    story = Evidence(names=Counter({"name:varga": 9, "name:holub": 4, "name:norland": 3}))
    report = Evidence(names=Counter({"name:ortiz": 4, "name:varga": 1, "name:holub": 1}))
    assert names_agreement(story, report) == 1.0  # the story's people are in the report
    assert names_agreement(report, story) == 1.0


def test_date_ranges_farther_apart_than_the_window_are_never_compared() -> None:
    early = Evidence(dt.date(2013, 3, 2), dt.date(2013, 9, 1))
    late = Evidence(dt.date(2016, 3, 1), None)
    open_start = Evidence(None, dt.date(2013, 1, 1))
    assert gap_days(early, late) == (dt.date(2016, 3, 1) - dt.date(2013, 9, 1)).days
    assert gap_days(early, Evidence()) == 0 and gap_days(open_start, early) == 60
    assert agreement(early, late, 365) is None
    assert agreement(early, open_start, 365) == 1.0


def test_place_words_drop_short_parts_and_compare_stems() -> None:
    assert place_words("Erie, Pa.") == {"erie"}
    assert place_words("Bandar Seri Begawan, Brunei") == {"banda", "seri", "begaw", "brune"}


def test_same_topic_filed_from_two_cities_years_apart_without_days_is_two_stories() -> None:
    first = build_article(MEETING, title="Norland and Estavia agree on talks", article_id="a")
    again = build_article(VISIT, title="Varga visits Estavia", article_id="b")
    first = _with_place(first, "Valmora")
    again = _with_place(again, "Kessling")
    analyses = {
        "a": _analysis("a", _inferred(dt.date(2013, 3, 2), dt.date(2013, 9, 1))),
        "b": _analysis("b", PublicationDate()),  # no year in its text: unknown
    }
    together = organise([first, again], analyses)
    assert {story.article_ids for story in together.stories} == {("a",), ("b",)}
    same_city = organise([first, _with_place(again, "Valmora")], analyses)
    assert {story.article_ids for story in same_city.stories} == {("a", "b")}
    (story,) = same_city.stories
    assert (story.earliest, story.latest) == (dt.date(2013, 3, 2), dt.date(2013, 9, 1))


def _with_place(article: Article, place: str) -> Article:
    return dataclasses.replace(article, place=place)


def test_merge_pass_keeps_apart_close_stories_about_different_people() -> None:
    topic = {0: 0.3, 1: 0.91**0.5}  # shares topic words ("rehab"): cosine 0.3 below
    other = {0: 1.0}
    quill = Evidence(names=Counter({"name:quill": 4, "name:marta": 2}))
    reyes = Evidence(names=Counter({"name:reyes": 5, "name:dov": 2}))
    also_quill = Evidence(names=Counter({"name:quill": 3, "name:sitcom": 2}))
    apart = [Piece(topic, quill, False), Piece(other, reyes, False)]
    together = [Piece(topic, quill, False), Piece(other, also_quill, False)]
    assert 0.3 * NAME_CONFLICT_FACTOR < STORY_MERGE_THRESHOLD <= 0.3
    assert merge_pieces(apart, STORY_MERGE_THRESHOLD, 365) == [[0], [1]]
    assert merge_pieces(together, STORY_MERGE_THRESHOLD, 365) == [[0, 1]]


def test_numbers_conflict_needs_both_sides_main_counts_missing_and_ignores_years() -> None:
    quake = Evidence(counts=Counter({"37": 3, "450": 2}))
    other_quake = Evidence(counts=Counter({"12": 4, "80": 2}))
    same_quake = Evidence(counts=Counter({"37": 2, "99": 1}))
    assert numbers_conflict(quake, other_quake)
    assert not numbers_conflict(quake, same_quake)
    assert not numbers_conflict(quake, Evidence())


def test_article_evidence_counts_skip_years() -> None:
    article = build_article("In 2013 the quake killed 37 people; 37 bodies and 2013 ruins.")
    counts = article_evidence(article, None, None).counts
    assert counts["37"] == 2
    assert "2013" not in counts


def test_evidence_span_keeps_days_and_closed_ranges_but_not_open_ranges() -> None:
    day = DateSpan(dt.date(2013, 7, 2), dt.date(2013, 7, 2), True)
    closed = DateSpan(dt.date(2013, 3, 2), dt.date(2013, 9, 1), False)
    assert evidence_span(day) == day
    assert evidence_span(closed) == closed
    assert evidence_span(DateSpan(dt.date(2009, 12, 31), None, False)) is None
    assert evidence_span(DateSpan(None, dt.date(2016, 1, 1), False)) is None
    assert evidence_span(None) is None


def test_a_background_year_does_not_keep_a_report_out_of_its_story() -> None:
    # "Varga ... was first elected in 2009" bounds the report only from below, years
    # before the meeting it covers: the story must still take it.
    first = build_article(MEETING, title="Norland and Estavia agree on talks", article_id="a")
    again = build_article(REPORT, title="Ceasefire talks for the border war", article_id="b")
    analyses = {
        "a": _analysis("a", _inferred(dt.date(2013, 3, 2), dt.date(2013, 3, 9))),
        "b": _analysis("b", _inferred(dt.date(2015, 1, 1), None)),
    }
    (story,) = organise([first, again], analyses).stories
    assert set(story.article_ids) == {"a", "b"}
    closed_later = dict(
        analyses, b=_analysis("b", _inferred(dt.date(2015, 1, 1), dt.date(2015, 1, 9)))
    )
    apart = organise([first, again], closed_later).stories
    assert {story.article_ids for story in apart} == {("a",), ("b",)}


def test_clustering_keys_are_capitalised_words_even_when_an_analysis_names_entities() -> None:
    article = build_article("Ilse Varga met Petr Holub.", title="Talks", article_id="a")
    varga = Mention(0, 10, "Ilse Varga", EntityKind.PERSON, "person:ilse varga")
    analysis = dataclasses.replace(_analysis("a", PublicationDate()), mentions=(varga,))
    analysis = dataclasses.replace(analysis, analysed=True)
    names = EntityNames([article], {"a": analysis}, None)
    assert names.keys["a"] == ["person:ilse varga"]  # labels: the analysis' entities
    assert names.name_keys["a"] == [
        "name:talks",
        "name:ilse",
        "name:varga",
        "name:petr",
        "name:holub",
    ]
    plain = EntityNames([article], {}, None)
    assert plain.keys["a"] == plain.name_keys["a"] == names.name_keys["a"]


def test_story_dates_of_ranges_that_never_meet_stay_open_where_a_range_is() -> None:
    from_2013 = DateSpan(dt.date(2013, 1, 1), None, False)
    until_2012 = DateSpan(None, dt.date(2012, 1, 1), False)
    assert story_dates([from_2013, until_2012]) == (None, None, "")
    spring = DateSpan(dt.date(2013, 3, 2), dt.date(2013, 9, 1), False)
    assert story_dates([spring, until_2012]) == (None, dt.date(2013, 9, 1), "2013 or before")
    assert story_dates([DateSpan(None, None, False), spring])[:2] == (
        spring.earliest,
        spring.latest,
    )


OPEN_END = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1)))


@given(st.lists(st.tuples(OPEN_END, OPEN_END), min_size=1, max_size=5))
def test_story_dates_of_open_ranges_intersect_or_cover_every_range(
    ends: list[tuple[dt.date | None, dt.date | None]],
) -> None:
    spans = [
        DateSpan(*sorted((start, end)) if start and end else (start, end), False)
        for start, end in ends
    ]
    earliest, latest, label = story_dates(spans)
    assert earliest is None or latest is None or earliest <= latest
    known = [s for s in spans if s.earliest is not None or s.latest is not None]
    if not known:
        assert (earliest, latest, label) == (None, None, "")
        return
    starts = [s.earliest for s in known if s.earliest is not None]
    ends_known = [s.latest for s in known if s.latest is not None]
    meet = not starts or not ends_known or max(starts) <= min(ends_known)
    for span in known:
        if meet:  # the intersection: inside every range
            assert span.earliest is None or (earliest is not None and span.earliest <= earliest)
            assert span.latest is None or (latest is not None and latest <= span.latest)
        else:  # the join: around every range, open where one is
            assert earliest is None or (span.earliest is not None and earliest <= span.earliest)
            assert latest is None or (span.latest is not None and span.latest <= latest)


def test_place_words_leave_out_generic_words_that_unrelated_places_share() -> None:
    assert not place_words("New Delhi") & place_words("New York")
    assert not place_words("San Diego") & place_words("San Francisco")
    assert not place_words("Fort Worth") & place_words("Fort Lauderdale")
    assert place_words("St. Petersburg") == place_words("Saint Petersburg") == {"peter"}
    assert place_words("Los Angeles") == {"angel"}


def test_place_words_keep_generic_words_when_a_place_has_nothing_else() -> None:
    assert place_words("Santa Fe") == {"santa"}  # "Fe" is too short to keep
    assert place_words("North") == {"north"}
    assert place_words("NEW") == {"new"}


def test_datelines_new_delhi_and_new_york_conflict() -> None:
    delhi = Evidence(datelines=Counter({"New Delhi": 1}), places={"delhi", "india"})
    york = Evidence(datelines=Counter({"New York": 1}), places={"york", "manha"})
    assert agreement(delhi, york, 365) == PLACE_CONFLICT_FACTOR
