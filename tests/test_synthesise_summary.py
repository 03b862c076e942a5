"""The extractive story summary: verbatim sentences, every stating article cited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import build_article
from storyline.models import Article, ArticleAnalysis, Citation, Sentence, Story, SummarySentence
from storyline.organise import OrganiseOptions, SentenceLink, link_sentences
from storyline.synthesise import SummaryOptions, summarise_story
from storyline.synthesise.candidates import story_candidates
from storyline.synthesise.summary import standalone

SHARED_FACT = (
    "The ferry Northern Star ran aground on the Halden reef on Tuesday night with 212 "
    "passengers on board, and all of them were brought ashore by the coastguard."
)
# The same fact with a one-word edit, as a second outlet printed it.
SHARED_FACT_EDITED = (
    "The ferry Northern Star ran aground on the Halden reef late on Tuesday night with 212 "
    "passengers on board, and all of them were brought ashore by the coastguard."
)

WIRE = f"""PORT HALDEN (Coastline Wire) - {SHARED_FACT}

Coastguard officers said the ferry struck the reef in heavy fog about two miles from the \
harbour entrance.

He added that divers would inspect the hull of the ferry at first light on Wednesday.

Is the Halden reef properly marked on the charts used by the ferry operators today?

Subscribe to our newsletter for more coastal news at www.coastlinewire.example."""

HERALD = f"""The Northern Star ferry was stuck on the Halden reef on Wednesday morning as \
salvage crews waited for the tide to turn.

{SHARED_FACT_EDITED}

But the ferry operator refused to say why the vessel had left the marked channel in fog.

"We were all terrified, the lights went out and people started screaming," one passenger \
told the Herald."""

GAZETTE = f"""Salvage crews waited for the tide on Wednesday to refloat the ferry Northern \
Star from the Halden reef.

{SHARED_FACT}

The harbour authority said it had opened an inquiry into why the ferry left the marked \
channel in heavy fog.

READ MORE: Ferry timetables for the winter season"""


def _articles() -> list[Article]:
    day = dt.date(2024, 3, 6)
    wire = build_article(WIRE, title="Ferry aground", outlet="Coastline Wire", published=day)
    copy = build_article(
        WIRE, title="Ferry runs aground off Port Halden", outlet="Valley Daily", published=day
    )
    herald = build_article(
        HERALD, title="Ferry stuck", outlet="Halden Herald", published=dt.date(2024, 3, 7)
    )
    gazette = build_article(
        GAZETTE, title="Ferry salvage", outlet="Metro Gazette", published=dt.date(2024, 3, 7)
    )
    return [wire, copy, herald, gazette]


def _story(articles: Sequence[Article]) -> Story:
    ids = tuple(article.id for article in articles)
    return Story("story:ferry", "Ferry aground", ids, None, None, (), None, "test")


def _summarise(
    articles: Sequence[Article],
    links: Sequence[SentenceLink] = (),
    words: int = 100,
) -> tuple[SummarySentence, ...]:
    return summarise_story(_story(articles), articles, {}, links, SummaryOptions(words=words))


def _links(articles: Sequence[Article]) -> tuple[SentenceLink, ...]:
    return link_sentences([_story(articles)], articles, {}, OrganiseOptions())


def test_empty_story_has_no_summary() -> None:
    assert _summarise([]) == ()


def test_articles_without_sentences_give_no_summary() -> None:
    headline_only = build_article("Ferry aground", headings=("Ferry aground",))
    too_short = build_article("Ferry aground.\n\nMore soon.")
    assert _summarise([headline_only, too_short]) == ()


def test_zero_word_budget_gives_no_summary() -> None:
    assert _summarise(_articles(), words=0) == ()


def test_articles_outside_the_story_are_ignored() -> None:
    articles = _articles()
    story = _story(articles[2:])
    chosen = summarise_story(story, articles, {}, (), SummaryOptions(words=200))
    assert chosen
    assert {c.article_id for s in chosen for c in s.citations} <= set(story.article_ids)


def test_every_citation_span_is_the_sentence_verbatim() -> None:
    articles = _articles()
    by_id = {article.id: article for article in articles}
    chosen = _summarise(articles, _links(articles), words=400)
    assert len(chosen) >= 3
    for sentence in chosen:
        first = sentence.citations[0]
        assert by_id[first.article_id].text[first.start : first.end] == sentence.text
        for citation in sentence.citations:
            cited = by_id[citation.article_id].text[citation.start : citation.end]
            assert cited == cited.strip() and cited
            assert citation.outlet == by_id[citation.article_id].outlet


def test_sentence_stated_by_three_outlets_is_chosen_and_cites_every_article() -> None:
    articles = _articles()
    chosen = _summarise(articles, words=40)
    shared = [s for s in chosen if "ran aground on the Halden reef" in s.text]
    assert len(shared) == 1
    cited = {citation.article_id for citation in shared[0].citations}
    # The wire, its syndicated copy, the Herald's edited sentence and the Gazette.
    assert cited == {article.id for article in articles}
    assert len(shared[0].citations) == len(cited)


def test_a_sentence_link_joins_paraphrases_an_edit_distance_would_not() -> None:
    first = build_article(
        "Rescuers pulled eleven miners alive from the flooded Karst colliery on Sunday "
        "after four days underground.\n\nThe mine had been closed twice for safety breaches.",
        outlet="Mining Times",
    )
    second = build_article(
        "On Sunday, after four days trapped underground, eleven miners were pulled alive "
        "from the flooded Karst colliery.\n\nFamilies cheered at the pithead as the cage rose.",
        outlet="Evening Post",
    )
    articles = [first, second]
    without = _summarise(articles, words=15)
    assert len(without[0].citations) == 1
    end = first.text.index("underground.") + len("underground.")
    other_end = second.text.index("colliery.") + len("colliery.")
    link = SentenceLink(
        first.text[:end],
        (Citation(first.id, 0, end, first.outlet), Citation(second.id, 0, other_end)),
        0.7,
    )
    joined = _summarise(articles, [link], words=15)
    assert {c.article_id for c in joined[0].citations} == {first.id, second.id}


def test_a_syndicated_copy_is_one_source() -> None:
    articles = _articles()
    found = story_candidates(articles, {}, ())
    wire, copy, herald, gazette = articles
    assert found.source_of[copy.id] == found.source_of[wire.id]
    assert len({found.source_of[a.id] for a in (wire, herald, gazette)}) == 3


def test_budget_is_reached_and_only_the_last_sentence_crosses_it() -> None:
    articles = _articles()
    for budget in (20, 50, 80):
        chosen = _summarise(articles, words=budget)
        lengths = [len(sentence.text.split()) for sentence in chosen]
        assert sum(lengths[:-1]) < budget
        assert sum(lengths) >= budget or len(chosen) == len(_summarise(articles, words=1000))


def test_one_article_story_cites_only_that_article() -> None:
    (herald,) = [a for a in _articles() if a.outlet == "Halden Herald"]
    chosen = _summarise([herald], words=200)
    assert chosen
    assert all(s.citations == (s.citations[0],) for s in chosen)
    assert all(s.citations[0].article_id == herald.id for s in chosen)


def test_no_question_chrome_quote_or_dangling_sentence_is_chosen() -> None:
    chosen = _summarise(_articles(), words=1000)
    texts = [sentence.text for sentence in chosen]
    assert texts
    assert not any(text.endswith("?") for text in texts)
    assert not any("newsletter" in text or "READ MORE" in text for text in texts)
    assert not any(text.startswith(('"', "He ", "But ")) for text in texts)


@pytest.mark.parametrize(
    "text",
    [
        "He added that divers would inspect the hull of the ferry at first light.",
        "But the operator refused to say why the vessel had left the marked channel.",
        "It was the third grounding on the reef in as many years, officials said.",
        "Will the operator compensate the passengers for the night they spent at sea?",
        '"We were all terrified and people started screaming in the dark," she said.',
        "Follow us on social media for live updates on the Halden ferry grounding.",
        "FERRY AGROUND ON HALDEN REEF WITH TWO HUNDRED PASSENGERS ON BOARD TONIGHT.",
        "The ferry ran aground.",
        "Ferry timetables for the winter season and other useful links for travellers",
    ],
)
def test_sentences_that_cannot_stand_alone_are_rejected(text: str) -> None:
    assert not standalone(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ferry Northern Star ran aground on the Halden reef with 212 passengers on board.",
        "Coastguard officers said the ferry struck the reef in heavy fog near the harbour.",
        'The operator called the grounding "a regrettable accident" and promised an inquiry.',
    ],
)
def test_plain_statements_stand_alone(text: str) -> None:
    assert standalone(text)


def test_sentences_read_in_date_order() -> None:
    early = build_article(
        "Floodwater breached the levee outside Marlow on Friday and forced 300 families "
        "from their homes.\n\nThe river peaked at nine metres.",
        outlet="River Courier",
        published=dt.date(2024, 5, 3),
    )
    late = build_article(
        "Engineers began repairing the breached Marlow levee on Monday as the floodwater "
        "receded from homes.\n\nThe repairs will take weeks.",
        outlet="Marlow Echo",
        published=dt.date(2024, 5, 6),
    )
    chosen = _summarise([late, early], words=30)
    assert [s.citations[0].article_id for s in chosen] == [early.id, late.id]


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(4)))
def test_summary_does_not_depend_on_input_order(order: list[int]) -> None:
    articles = _articles()
    shuffled = [articles[index] for index in order]
    links = _links(articles)
    reference = summarise_story(_story(articles), articles, {}, links, SummaryOptions(60))
    assert summarise_story(_story(shuffled), shuffled, {}, links[::-1], SummaryOptions(60)) == (
        reference
    )


def test_sentence_spans_come_from_the_analysis_when_given() -> None:
    article = build_article(
        "Rail workers walked out across the northern network on Monday morning. "
        "Commuters queued for buses outside every station between Leeds and York.\n\n"
        "The union said the strike would last for two days unless talks resumed.",
        outlet="Rail Weekly",
    )
    first_paragraph = article.blocks[0]
    analysis = ArticleAnalysis(
        article.id,
        "test",
        "en",
        True,
        sentences=(Sentence(first_paragraph.start, first_paragraph.end, 0),),
    )
    story = _story([article])
    with_analysis = summarise_story(
        story, [article], {article.id: analysis}, (), SummaryOptions(500)
    )
    without = summarise_story(story, [article], {}, (), SummaryOptions(500))
    paragraph = article.text[first_paragraph.start : first_paragraph.end]
    assert [s.text for s in with_analysis] == [paragraph]
    assert paragraph not in [s.text for s in without]
    assert len(without) == 3


def test_a_story_with_one_source_is_summarised_by_its_lead_and_cites_its_copy() -> None:
    text = (
        "Talks on the port dispute resumed on Monday in Harbourton.\n\n"
        "They broke up after an hour.\n\n"  # a back-reference: cannot stand alone
        "Union leaders said the offer of a three percent rise was far too low for members.\n\n"
        "The minister, speaking later on local radio, repeated that the offer was final and "
        "that the government would not reopen the budget for the port this year."
    )
    report = build_article(text, title="Port talks", outlet="Coastline Wire", article_id="w")
    copy = build_article(text, title="Port talks", outlet="Valley Daily", article_id="v")
    summary = summarise_story(_story([report, copy]), [report, copy], {}, (), SummaryOptions(25))
    assert [sentence.text for sentence in summary] == [
        "Talks on the port dispute resumed on Monday in Harbourton.",
        "Union leaders said the offer of a three percent rise was far too low for members.",
    ]  # the first stand-alone sentences, in order, until 25 words
    assert all({c.article_id for c in sentence.citations} == {"w", "v"} for sentence in summary)
