"""Reports of one event in different languages: compared on the names they share."""

from __future__ import annotations

import dataclasses

from builders import build_article
from storyline.organise import OrganiseOptions, cluster_stories
from storyline.organise.evidence import Evidence, article_evidence, other_languages
from storyline.organise.features import names_cosine, vectorise
from storyline.organise.merge import Piece, merge_pieces
from storyline.organise.text import article_language

FLOOD_EN = """Floods in Kelantan forced more than twelve thousand people from their homes on \
Monday, Prime Minister Anwar Ibrahim said after visiting relief centres in Kota Bharu.

Anwar Ibrahim said the army would send boats to villages along the Kelantan River, where \
water was still rising, and that the Kota Bharu airport would stay closed until Wednesday."""

FLOOD_MS = """Banjir di Kelantan memaksa lebih dua belas ribu penduduk meninggalkan rumah \
mereka pada hari Isnin, kata Perdana Menteri Anwar Ibrahim selepas melawat pusat pemindahan \
di Kota Bharu.

Anwar Ibrahim berkata tentera akan menghantar bot ke kampung di sepanjang Sungai Kelantan, \
dan lapangan terbang Kota Bharu akan ditutup sehingga hari Rabu."""

FOOTBALL_MS = """Pasukan Johor Darul Takzim menewaskan Selangor dalam perlawanan akhir Piala \
Malaysia di Stadium Nasional Bukit Jalil pada malam Sabtu, kata jurulatih Hector Bidoglio.

Bidoglio berkata para pemain Johor Darul Takzim bermain dengan penuh semangat walaupun \
hujan lebat turun sepanjang perlawanan di Bukit Jalil."""


def test_article_language_prefers_what_is_stated_then_guesses_confidently() -> None:
    english = build_article(FLOOD_EN, title="Floods in Kelantan", language=None)
    assert article_language(english, None) == "en"
    assert (
        article_language(build_article(FLOOD_MS, title="Banjir di Kelantan", language=None), None)
        == "ms"
    )
    stated = dataclasses.replace(english, language="fr")
    assert article_language(stated, None) == "fr"  # metadata wins over a guess
    assert article_language(build_article("Ok.", title="", language=None), None) is None


def test_other_languages_needs_both_sides_known_and_none_shared() -> None:
    english, malay = Evidence(languages={"en"}), Evidence(languages={"ms"})
    assert other_languages(english, malay)
    assert not other_languages(english, Evidence(languages={"ms", "en"}))
    assert not other_languages(english, Evidence())


def test_names_cosine_reads_only_the_names_columns() -> None:
    english = build_article(FLOOD_EN, title="Floods in Kelantan", language=None, article_id="en")
    malay = build_article(FLOOD_MS, title="Banjir di Kelantan", language=None, article_id="ms")
    found = vectorise([english, malay])
    vectors = found.rows
    start, end = found.names_columns
    assert 0 < start < end
    full = sum(w * vectors["ms"].get(t, 0.0) for t, w in vectors["en"].items())
    names = names_cosine(vectors["en"], vectors["ms"], found.names_columns)
    assert names > 1.5 * full  # the same names, in sentences of other words
    assert names_cosine(vectors["en"], vectors["ms"], (0, 0)) == 0.0


def test_one_event_in_two_languages_is_one_story_and_other_events_stay_apart() -> None:
    english = build_article(FLOOD_EN, title="Floods in Kelantan", language=None, article_id="en")
    malay = build_article(FLOOD_MS, title="Banjir di Kelantan", language=None, article_id="ms")
    football = build_article(FOOTBALL_MS, title="JDT juara Piala", language=None, article_id="fb")
    assert article_evidence(malay, None, None).languages == {"ms"}
    # A threshold between the two reports' full cosine (~0.3: their words differ) and their
    # names cosine (~0.6): only comparing names across languages can join them.
    strict = OrganiseOptions(story_threshold=0.45, story_merge_threshold=0.45)
    stories = cluster_stories([english, malay, football], None, (), None, strict)
    assert {story.article_ids for story in stories} == {("en", "ms"), ("fb",)}
    # The control: the same texts said to be in one language are compared on every word.
    same = [dataclasses.replace(article, language="en") for article in (english, malay)]
    apart = cluster_stories(same, None, (), None, strict)
    assert {story.article_ids for story in apart} == {("en",), ("ms",)}


def test_merge_pass_compares_pieces_in_other_languages_on_names() -> None:
    # Columns 0-1 are words, 2-3 names: the pieces share names only (full cosine 0.2).
    english = {0: 0.8**0.5, 2: 0.2**0.5}
    malay = {1: 0.8**0.5, 2: 0.2**0.5}
    pieces = [
        Piece(english, Evidence(languages={"en"}), False),
        Piece(malay, Evidence(languages={"ms"}), False),
    ]
    assert merge_pieces(pieces, 0.5, 365, (2, 4)) == [[0, 1]]
    assert merge_pieces(pieces, 0.5, 365) == [[0], [1]]  # no names columns given
    one_language = [Piece(malay, Evidence(languages={"en"}), False), pieces[0]]
    assert merge_pieces(one_language, 0.5, 365, (2, 4)) == [[0], [1]]
