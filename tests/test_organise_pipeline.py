"""The organise stage on the real samples as users get them: ingest, clean, analyze, link.

The sample files carry no metadata dates, so only the analysis can bound when each article
appeared (one of them states no year at all); stories must still keep the 2013 Brunei
meeting and the later Moscow visit apart, and timelines must hold dated events only.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.ingest import extract, read
from storyline.models import Article, ArticleAnalysis, DateSource, Problem
from storyline.organise import Organisation, organise

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "syria-talks"

pytestmark = pytest.mark.model


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@cache
def _pipeline(
    *others: Path,
) -> tuple[dict[str, Article], dict[str, ArticleAnalysis], Organisation]:
    """The samples (keyed by their number), and every file of ``others`` (by file name),
    organised in one batch."""
    from storyline.analyze import analyze
    from storyline.analyze.entities import link_entities

    paths = sorted(SAMPLES.glob("*.txt")) + sorted(
        path for folder in others for path in folder.iterdir() if path.is_file()
    )
    articles = {}
    for item in read([str(path) for path in paths]):
        draft = item if isinstance(item, Problem) else extract(item)
        if not isinstance(draft, Problem):
            article = clean(draft)
            name = Path(article.origin.location).name
            articles[name[:3] if article.origin.location.startswith(str(SAMPLES)) else name] = (
                article
            )
    analyses = {analysis.article_id: analysis for analysis in analyze(list(articles.values()))}
    _, entity_map = link_entities(list(analyses.values()))
    return articles, analyses, organise(list(articles.values()), analyses, entity_map)


def _story_members(organisation: Organisation, articles: dict[str, Article]) -> set[frozenset[str]]:
    name = {article.id: key for key, article in articles.items()}
    return {frozenset(name[key] for key in story.article_ids) for story in organisation.stories}


def test_samples_without_metadata_dates_give_two_stories_in_one_thread() -> None:
    articles, _, organisation = _pipeline()
    assert set(articles) == {"000", "001", "004"}
    assert all(not article.published.known for article in articles.values())  # the premise
    assert _story_members(organisation, articles) == {frozenset({"000", "001"}), frozenset({"004"})}
    (thread,) = organisation.threads
    assert len(thread.story_ids) == 2


def test_unrelated_articles_in_the_batch_do_not_join_the_moscow_visit_to_the_brunei_meeting() -> (
    None
):
    # More articles make the shared names rarer in the batch, so the undated Moscow report
    # looks more like the Brunei story than it does among the samples alone; the two
    # datelines must still keep them apart.
    articles, _, organisation = _pipeline(EXAMPLES)
    assert len(articles) > 10
    samples = {key for key in articles if key in {"000", "001", "004"}}
    assert samples == {"000", "001", "004"}
    members = {frozenset(key & samples) for key in map(set, _story_members(organisation, articles))}
    assert {group for group in members if group} == {frozenset({"000", "001"}), frozenset({"004"})}


def test_a_story_without_publication_days_is_dated_by_the_inferred_ranges() -> None:
    articles, analyses, organisation = _pipeline()
    brunei = next(s for s in organisation.stories if articles["000"].id in s.article_ids)
    ranges = [analyses[key].published for key in brunei.article_ids]
    assert all(published.source is DateSource.INFERRED for published in ranges)
    # The story lies inside every member's range, never outside any of them.
    assert brunei.earliest is not None
    for published in ranges:
        assert published.earliest is None or published.earliest <= brunei.earliest
        assert (
            published.latest is None or brunei.latest is None or brunei.latest <= published.latest
        )
    assert brunei.earliest.year == 2013 and "? .. ?" not in brunei.label
    assert brunei.label.endswith(str(brunei.earliest.year))


def test_the_timeline_holds_dated_events_and_one_lead_for_the_undated_story() -> None:
    articles, _, organisation = _pipeline()
    ((_, events),) = organisation.timelines
    undated = [event for event in events if event.when is None]
    moscow = articles["004"]
    (lead,) = undated  # the story with no date at all: its lead sentence, nothing more
    (citation,) = lead.citations
    assert citation.article_id == moscow.id
    assert moscow.text[citation.start : citation.end] == lead.description
    assert lead.description.endswith(".")  # a full sentence, not the standfirst
    dated = [event for event in events if event.when is not None]
    assert dated and list(events[: len(dated)]) == dated  # undated events come last
    june_2012 = [event for event in dated if event.when and event.when.label() == "2012-06"]
    (geneva,) = june_2012  # stated by two outlets, told once with both citations
    assert {c.article_id for c in geneva.citations} == {articles["000"].id, articles["001"].id}
    assert all(event.when is None or event.when.earliest < dt.date(2017, 1, 1) for event in events)
