"""Single-source statements: the facts of a story that only one of its sources gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import build_article
from storyline.models import Article, Citation, DuplicateGroup, Story
from storyline.organise import SentenceLink
from storyline.synthesise.single_source import MAX_STATEMENTS, single_source_statements
from storyline.synthesise.stories import summarise_stories

DAY = dt.date(2025, 2, 11)

# An invented ferry fire told by three outlets; only the Gazette names the deck and the
# captain, only the Courier gives the number of crew.
GAZETTE = (
    "A fire broke out on the ferry Nordlys early on Tuesday, forcing 212 passengers into "
    "lifeboats off the coast of Alesund.\n\n"
    "The blaze started in the engine room on Deck 3, captain Hilde Sorensen told the Gazette.\n\n"
    "All passengers were rescued, the coast guard said."
)
COURIER = (
    "Lifeboats carried 212 passengers away from the burning ferry Nordlys near Alesund on "
    "Tuesday.\n\n"
    "The ferry had 38 crew members aboard when the fire began, the operator said.\n\n"
    "All passengers were rescued, the coast guard said."
)
HERALD = (
    "The ferry Nordlys caught fire near Alesund on Tuesday and 212 passengers took to the "
    "lifeboats.\n\n"
    '"It was chaos on the stairs and everyone was shouting for their children," said '
    "passenger Ines Moreau, 34.\n\n"
    "All passengers were rescued, the coast guard said."
)


def _articles() -> dict[str, Article]:
    return {
        "gazette": build_article(GAZETTE, title="Ferry fire", outlet="Gazette", article_id="g"),
        "courier": build_article(COURIER, title="Ferry fire", outlet="Courier", article_id="c"),
        "herald": build_article(HERALD, title="Ferry fire", outlet="Herald", article_id="h"),
    }


def _story(articles: list[Article]) -> Story:
    return Story(
        id="story:ferry",
        article_ids=tuple(a.id for a in articles),
        label="Nordlys",
        earliest=DAY,
        latest=DAY,
        key_entities=(),
        place=None,
        algorithm="test",
    )


def _link(articles: list[Article], sentence: str) -> SentenceLink:
    citations = []
    for article in articles:
        start = article.text.find(sentence)
        if start >= 0:
            citations.append(Citation(article.id, start, start + len(sentence), article.outlet))
    return SentenceLink(sentence, tuple(citations), 1.0, "story:ferry")


def _statements(articles: list[Article], **kwargs: object) -> list[str]:
    links = [_link(articles, "All passengers were rescued, the coast guard said.")]
    found = single_source_statements(
        _story(articles),
        articles,
        {},
        kwargs.get("duplicates", ()),
        links,  # type: ignore[arg-type]
    )
    return [statement.text for statement in found]


def test_facts_only_one_source_gives_are_listed_and_shared_ones_are_not() -> None:
    found = _statements(list(_articles().values()))
    assert (
        "The blaze started in the engine room on Deck 3, captain Hilde Sorensen told the Gazette."
        in found
    )
    assert "The ferry had 38 crew members aboard when the fire began, the operator said." in found
    assert not any("212 passengers" in text for text in found)  # every source gives it
    assert not any("coast guard" in text for text in found)  # linked across sources
    assert not any("chaos on the stairs" in text for text in found)  # a quote, listed apart
    assert not any("Moreau" in text for text in found)  # though its name is the Herald's alone


def test_each_statement_cites_its_own_sentence_verbatim() -> None:
    articles = list(_articles().values())
    links = [_link(articles, "All passengers were rescued, the coast guard said.")]
    by_id = {article.id: article for article in articles}
    for statement in single_source_statements(_story(articles), articles, {}, (), links):
        (citation,) = statement.citations
        assert by_id[citation.article_id].text[citation.start : citation.end] == statement.text
        assert citation.outlet == by_id[citation.article_id].outlet


def test_the_statement_with_most_exclusive_facts_comes_first() -> None:
    found = _statements(list(_articles().values()))
    assert found[0].startswith("The blaze started")  # Deck, 3 is short, Hilde, Sorensen, Gazette


def test_a_syndicated_copy_is_the_same_source_not_a_confirmation() -> None:
    articles = _articles()
    copy = build_article(
        GAZETTE + "\n\nCopyright Gazette Syndicate.", outlet="Daily Post", article_id="g2"
    )
    group = DuplicateGroup("dup:1", "g", ("g", "g2"), 0.9, "test")
    members = [articles["gazette"], copy, articles["courier"]]
    found = _statements(members, duplicates=(group,))
    assert any(text.startswith("The blaze started") for text in found)
    assert sum(text.startswith("The blaze started") for text in found) == 1  # listed once


def test_a_story_with_one_source_has_no_single_source_statements() -> None:
    articles = _articles()
    assert _statements([articles["gazette"]]) == []
    copy = build_article(GAZETTE, outlet="Daily Post", article_id="g2")
    group = DuplicateGroup("dup:1", "g", ("g", "g2"), 1.0, "test")
    assert _statements([articles["gazette"], copy], duplicates=(group,)) == []


def test_short_fragments_are_not_statements() -> None:
    one = build_article("Police in Varna said 41.\n\nThe bridge closed.", article_id="a")
    other = build_article("The bridge closed at noon on Monday after a crack.", article_id="b")
    assert single_source_statements(_story([one, other]), [one, other], {}, (), ()) == ()


def test_at_most_a_handful_are_kept() -> None:
    facts = " ".join(f"Ward {n} reported {100 + n} new cases overnight." for n in range(12))
    one = build_article(facts.replace(". ", ".\n\n"), article_id="a")
    other = build_article("Hospitals reported new cases across the region.", article_id="b")
    found = single_source_statements(_story([one, other]), [one, other], {}, (), ())
    assert len(found) == MAX_STATEMENTS


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=0, max_value=1000))
def test_the_result_does_not_depend_on_input_order(seed: int) -> None:
    articles = list(_articles().values())
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    links = [_link(articles, "All passengers were rescued, the coast guard said.")]
    first = single_source_statements(_story(articles), articles, {}, (), links)
    again = single_source_statements(_story(shuffled), shuffled, {}, (), links)
    assert first == again


def test_a_story_summary_does_not_list_its_own_sentences_again_as_single_source() -> None:
    articles = list(_articles().values())
    links = [_link(articles, "All passengers were rescued, the coast guard said.")]
    (summary,) = summarise_stories([_story(articles)], articles, {}, (), links)
    shown = {(c.article_id, c.start) for s in summary.sentences for c in s.citations}
    assert all(
        (s.citations[0].article_id, s.citations[0].start) not in shown
        for s in summary.single_source
    )
    alone = single_source_statements(_story(articles), articles, {}, (), links)
    assert any((s.citations[0].article_id, s.citations[0].start) in shown for s in alone)
    assert set(summary.single_source) == {
        s for s in alone if (s.citations[0].article_id, s.citations[0].start) not in shown
    }


def test_a_place_named_only_in_another_sources_dateline_is_not_exclusive() -> None:
    one = build_article(
        "Police in Varna detained protesters overnight near the hall.", article_id="a"
    )
    other = build_article("Officers detained dozens of protesters overnight.", article_id="b")
    assert single_source_statements(_story([one, other]), [one, other], {}, (), ())
    datelined = dataclasses.replace(other, place="Varna")
    assert single_source_statements(_story([one, datelined]), [one, datelined], {}, (), ()) == ()


def test_a_story_in_two_languages_is_summarised_in_its_main_one() -> None:
    articles = list(_articles().values())
    spanish = build_article(
        "Un incendio en el ferry Nordlys obligó a 212 pasajeros a subir a los botes salvavidas "
        "frente a Alesund el martes.\n\nEl capitán Ole Brandt dijo que el fuego empezó en la "
        "cocina del barco, según la Guardia Costera noruega.",
        title="Incendio en un ferry",
        outlet="Diario del Norte",
        language="es",
        article_id="es",
    )
    members = [*articles, spanish]
    (summary,) = summarise_stories([_story(members)], members, {}, (), [])
    shown = [*summary.sentences, *summary.single_source]
    assert shown and all(c.article_id != "es" for s in shown for c in s.citations)
    (alone,) = summarise_stories([_story([spanish])], [spanish], {}, (), [])
    assert alone.sentences and alone.sentences[0].citations[0].article_id == "es"


def test_each_statement_names_the_facts_only_its_source_gives_as_written() -> None:
    articles = list(_articles().values())
    links = [_link(articles, "All passengers were rescued, the coast guard said.")]
    found = single_source_statements(_story(articles), articles, {}, (), links)
    only_here = {statement.text: statement.only_here for statement in found}
    deck = (
        "The blaze started in the engine room on Deck 3, captain Hilde Sorensen told the Gazette."
    )
    assert only_here[deck] == ("Deck", "Hilde Sorensen", "Gazette")
    crew = "The ferry had 38 crew members aboard when the fire began, the operator said."
    assert only_here[crew] == ("38",)


def test_a_fact_is_shown_as_written_with_an_abbreviation_kept_whole() -> None:
    from storyline.synthesise.single_source import exclusive_phrases

    text = "Envoys of the U.S. and of Norway met in Tromsø on 14 June, before 2031."
    facts = frozenset({"us", "norway", "tromsø", "14", "2031"})
    assert exclusive_phrases(text, facts) == ("U.S.", "Norway", "Tromsø", "14 June", "2031")


def test_a_fact_is_shown_with_the_words_that_make_it_readable() -> None:
    from storyline.synthesise.single_source import exclusive_phrases

    text = (
        "Shares in Harbourton Logistics, which runs St Brendan's Wharf, fell 6 percent after "
        "an estimated €35 million loss on June 16."
    )
    facts = frozenset({"logistics", "brendan", "35", "16"})
    assert exclusive_phrases(text, facts) == (
        "Harbourton Logistics",
        "St Brendan's Wharf",
        "€35 million",
        "June 16",
    )
