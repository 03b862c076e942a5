"""Stories, threads and sentence links on invented articles and the real syria-talks sample."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import build_article
from storyline.models import Article, ArticleAnalysis, EntityKind, Mention, Story
from storyline.organise import (
    Organisation,
    OrganiseOptions,
    cluster_stories,
    find_duplicates,
    link_threads,
    organise,
)
from storyline.organise.features import BODY_WORDS, LEAD_WORDS, body_terms, numbers, vectorise
from storyline.organise.stories import ALGORITHM as STORY_ALGORITHM
from test_organise_fixtures import corpus


def _members(organisation: Organisation) -> set[frozenset[str]]:
    return {frozenset(story.article_ids) for story in organisation.stories}


def _story_of(organisation: Organisation, article_id: str) -> Story:
    return next(s for s in organisation.stories if article_id in s.article_ids)


def test_no_articles_give_an_empty_organisation() -> None:
    assert organise([]) == Organisation((), (), (), (), ())


def test_duplicate_groups_found_on_a_whole_corpus_work_on_part_of_it() -> None:
    articles = corpus()
    groups = find_duplicates(list(articles.values()), OrganiseOptions())
    (group,) = [group for group in groups if "wire" in group.members]
    assert (group.representative, set(group.members)) == ("wire", {"wire", "copy"})
    options = OrganiseOptions()
    # The copy without its original: the copy leads, nothing is lost.
    copy_only = cluster_stories([articles["copy"], articles["chess"]], None, groups, None, options)
    assert {story.article_ids for story in copy_only} == {("copy",), ("chess",)}
    # The original without its copy: no KeyError for the absent copy.
    wire_only = cluster_stories([articles["wire"], articles["chess"]], None, groups, None, options)
    assert {story.article_ids for story in wire_only} == {("wire",), ("chess",)}


def test_of_two_articles_with_one_id_the_first_is_kept_in_any_order() -> None:
    flood = build_article("Floods closed the Kelantan road.", title="Flood", article_id="same")
    chess = build_article("Magnus won the Madrid final.", title="Chess", article_id="same")
    for first, second in ((flood, chess), (chess, flood)):
        (story,) = organise([first, second]).stories
        assert story.label == organise([first]).stories[0].label


def test_an_article_without_text_or_date_is_kept_as_a_single_item() -> None:
    empty = build_article("", title="", article_id="empty")
    organisation = organise([empty])
    (story,) = organisation.stories
    assert story.article_ids == ("empty",)
    assert story.id.startswith("item:")
    assert story.earliest is None and story.label == "Untitled story"


def test_reports_of_one_event_form_one_story_with_the_copy_inside() -> None:
    organisation = organise(list(corpus().values()))
    assert _members(organisation) == {
        frozenset({"wire", "copy", "daily", "gazette"}),
        frozenset({"volcano-news", "volcano-times"}),
        frozenset({"sequel"}),
        frozenset({"chess"}),
    }
    strike = _story_of(organisation, "wire")
    assert strike.id.startswith("story:")
    assert strike.algorithm == STORY_ALGORITHM
    assert (strike.earliest, strike.latest) == (dt.date(2024, 3, 4), dt.date(2024, 3, 5))
    assert strike.label.endswith("2024-03")


def test_a_story_needs_two_distinct_non_duplicate_articles() -> None:
    articles = corpus()
    organisation = organise([articles["wire"], articles["copy"], articles["chess"]])
    story = _story_of(organisation, "wire")
    assert set(story.article_ids) == {"wire", "copy"}
    assert story.id.startswith("item:")  # one article and its syndicated copy
    stricter = dataclasses.replace(OrganiseOptions(), min_story_articles=5)
    everything = organise(list(articles.values()), options=stricter)
    assert all(story.id.startswith("item:") for story in everything.stories)


def test_follow_up_two_years_later_is_a_new_story_in_the_same_thread() -> None:
    organisation = organise(list(corpus().values()))
    first, sequel = _story_of(organisation, "wire"), _story_of(organisation, "sequel")
    assert first.id != sequel.id
    (thread,) = [t for t in organisation.threads if first.id in t.story_ids]
    assert thread.story_ids == (first.id, sequel.id)  # date order
    assert "2024–2026" in thread.label
    volcano = _story_of(organisation, "volcano-news")
    assert volcano.id not in thread.story_ids


def test_unlinked_single_items_get_no_thread_but_every_shown_story_has_one() -> None:
    organisation = organise(list(corpus().values()))
    threaded = {story_id for thread in organisation.threads for story_id in thread.story_ids}
    chess = _story_of(organisation, "chess")
    assert chess.id not in threaded
    shown = {story.id for story in organisation.stories if story.id.startswith("story:")}
    assert shown <= threaded
    assert [thread_id for thread_id, _ in organisation.timelines] == [
        thread.id for thread in organisation.threads
    ]


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_stories_and_threads_do_not_depend_on_input_order(seed: int) -> None:
    articles = list(corpus().values())
    expected = organise(articles)
    shuffled = random.Random(seed).sample(articles, len(articles))
    assert organise(shuffled) == expected


def test_new_articles_join_existing_stories_without_reclustering() -> None:
    articles = corpus()
    first_batch = [articles[key] for key in ("wire", "daily", "volcano-news", "chess")]
    options = OrganiseOptions()
    existing = cluster_stories(first_batch, None, (), None, options)
    everything = list(articles.values())
    duplicates = find_duplicates(everything, options)
    updated = cluster_stories(everything, None, duplicates, None, options, existing=existing)
    old_ids = {story.id.split(":", 1)[1]: story for story in existing}
    for story in updated:
        before = old_ids.get(story.id.split(":", 1)[1])
        if before is not None:
            assert set(before.article_ids) <= set(story.article_ids)
    strike = next(s for s in updated if "wire" in s.article_ids)
    assert {"copy", "gazette"} <= set(strike.article_ids)
    volcano = next(s for s in updated if "volcano-news" in s.article_ids)
    assert "volcano-times" in volcano.article_ids


def test_two_existing_stories_are_never_merged() -> None:
    articles = corpus()
    options = OrganiseOptions()
    apart = (
        Story("story:a", "a", ("wire",), None, None, (), None, STORY_ALGORITHM),
        Story("story:b", "b", ("daily",), None, None, (), None, STORY_ALGORITHM),
    )
    updated = cluster_stories([articles["wire"], articles["daily"]], None, (), None, options, apart)
    assert {story.id.split(":")[1] for story in updated} == {"a", "b"}


def _mentions(article: Article, names: dict[str, tuple[str, EntityKind]]) -> tuple[Mention, ...]:
    found = []
    for surface, (key, kind) in names.items():
        start = article.text.find(surface)
        while start >= 0:
            found.append(Mention(start, start + len(surface), surface, kind, key))
            start = article.text.find(surface, start + 1)
    return tuple(sorted(found, key=lambda mention: mention.start))


def test_entity_map_gives_canonical_keys_and_people_lead_the_label() -> None:
    articles = corpus()
    chosen = [articles["volcano-news"], articles["volcano-times"]]
    names = {
        "Vidir Reynisson": ("local:reynisson", EntityKind.PERSON),
        "Grindavik": ("local:grindavik", EntityKind.PLACE),
        "Icelandic Meteorological Office": ("local:imo", EntityKind.ORGANISATION),
    }
    analyses = {
        a.id: ArticleAnalysis(a.id, "test.v1", "en", True, mentions=_mentions(a, names))
        for a in chosen
    }
    canonical = {"local:reynisson": "person:vidir reynisson", "local:grindavik": "place:grindavik"}
    entity_map = {(a.id, local): key for a in chosen for local, key in canonical.items()}
    (story,) = organise(chosen, analyses, entity_map).stories
    assert "person:vidir reynisson" in story.key_entities
    assert "local:imo" in story.key_entities  # unmapped keys stay local
    assert story.label.startswith("Vidir Reynisson")
    assert story.place == "Grindavik"
    assert story.label.endswith("Grindavik · 2024-01")


def test_sentence_links_cite_every_outlet_that_states_the_sentence() -> None:
    organisation = organise(list(corpus().values()))
    quote = next(link for link in organisation.sentence_links if "serious offer" in link.text)
    assert {citation.article_id for citation in quote.citations} >= {"wire", "daily"}
    articles = corpus()
    for link in organisation.sentence_links:
        assert len({citation.article_id for citation in link.citations}) >= 2
        for citation in link.citations:
            stated = articles[citation.article_id].text[citation.start : citation.end]
            assert citation.outlet == articles[citation.article_id].outlet
            assert stated.strip() == stated and len(stated.split()) >= 6
    assert not any(
        link.story_id == _story_of(organisation, "volcano-news").id
        and "Keflavik" in link.text
        and len(link.citations) > 1
        for link in organisation.sentence_links
    )  # similar facts in different words are not linked


SAMPLE_DAYS = {"000": dt.date(2013, 7, 2), "001": dt.date(2013, 7, 2), "004": dt.date(2016, 3, 24)}


def sample_articles(samples_dir: Path) -> list[Article]:
    """The real sample files, first line as title, each non-empty line a paragraph."""
    articles = []
    for path in sorted(samples_dir.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        paragraphs = "\n\n".join(line for line in body.splitlines() if line.strip())
        articles.append(
            build_article(
                paragraphs,
                title=title.strip(),
                outlet=path.stem,
                published=SAMPLE_DAYS[path.name[:3]],
                article_id=path.name[:3],
            )
        )
    return articles


def test_real_sample_forms_two_stories_in_one_thread(samples_dir: Path) -> None:
    organisation = organise(sample_articles(samples_dir))
    assert _members(organisation) == {frozenset({"000", "001"}), frozenset({"004"})}
    (thread,) = organisation.threads
    brunei, moscow = _story_of(organisation, "000"), _story_of(organisation, "004")
    assert thread.story_ids == (brunei.id, moscow.id)
    assert brunei.id.startswith("story:") and brunei.earliest == dt.date(2013, 7, 2)
    assert "name:kerry" in brunei.key_entities and "name:lavrov" in brunei.key_entities


def test_link_threads_alone_matches_organise(samples_dir: Path) -> None:
    articles = sample_articles(samples_dir)
    organisation = organise(articles)
    options = OrganiseOptions()
    assert link_threads(organisation.stories, articles, None, None, options) == (
        organisation.threads
    )


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(sorted(corpus())), st.integers(min_value=1, max_value=8))
def test_any_subset_in_any_order_puts_each_article_in_exactly_one_story(
    order: list[str], count: int
) -> None:
    articles = corpus()
    chosen = [articles[key] for key in order[:count]]
    organisation = organise(chosen)
    placed = [article_id for story in organisation.stories for article_id in story.article_ids]
    assert sorted(placed) == sorted(order[:count])
    assert organise(sorted(chosen, key=lambda article: article.id)) == organisation


@pytest.mark.model
def test_real_sample_with_the_analyze_stage_keeps_two_stories_in_one_thread(
    samples_dir: Path,
) -> None:
    analyze_stage = pytest.importorskip("storyline.analyze")
    linking = pytest.importorskip("storyline.analyze.entity_linking")
    articles = sample_articles(samples_dir)
    analyses = list(analyze_stage.analyze(articles))
    _, entity_map = linking.link_entities(analyses)
    by_id = {analysis.article_id: analysis for analysis in analyses}
    organisation = organise(articles, by_id, entity_map)
    assert _members(organisation) == {frozenset({"000", "001"}), frozenset({"004"})}
    (thread,) = organisation.threads
    assert len(thread.story_ids) == 2
    ((_, events),) = organisation.timelines
    june_2012 = [e for e in events if e.when is not None and e.when.label() == "2012-06"]
    assert any("Geneva conference" in e.description for e in june_2012)
    dated = [event.when is not None for event in events]
    assert dated == sorted(dated, reverse=True)  # undated events are listed after the dated


def test_numbers_of_two_digits_or_more_are_a_vector_field() -> None:
    assert numbers("In 2013, 1,500 people, 7 cats and the 42nd day") == ["2013", "500"]
    report = build_article("Flood waters rose as 214 families fled the valley.")
    same_count = build_article("Flood waters rose as 214 families fled the valley town.")
    other_count = build_article("Flood waters rose as 37 families fled the valley town.")
    vectors = vectorise([report, same_count, other_count]).matrix
    similarity = (vectors @ vectors.T).toarray()
    assert similarity[0, 1] > similarity[0, 2]  # the same words but for the count


def test_body_terms_keep_numbers_drop_stop_words_and_count_the_lead_twice() -> None:
    assert body_terms("The 2013 talks in Brunei, a said 7") == ["2013", "talks", "brunei"] * 2
    assert body_terms("") == []
    long_text = " ".join(f"word{n}" for n in range(BODY_WORDS + 50))
    terms = body_terms(long_text)
    assert len(terms) == BODY_WORDS + LEAD_WORDS  # the tail past BODY_WORDS is left out
    assert terms.count("word0") == 2
    assert terms.count(f"word{LEAD_WORDS}") == 1


QUILL = (
    "Marta Quill checked into a rehab clinic on Friday after a hard year, Quill's publicist "
    "said, asking fans of Quill to respect the privacy of the family."
)
REYES = (
    "Dov Reyes checked into a rehab clinic on Monday after a hard year, his agent said, and "
    "Reyes thanked fans of Reyes for their support."
)


def test_an_article_about_other_people_stays_out_of_a_story_with_stable_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Undated articles arrive in id order: the Quill story is built before Reyes arrives.
    quill = [
        build_article(
            "\n\n".join([QUILL] * (9 + n)), title="Quill enters rehab clinic", article_id=f"a{n}"
        )
        for n in range(3)
    ]
    reyes = build_article("\n\n".join([REYES] * 2), title="Reyes enters rehab", article_id="b")
    articles = [*quill, reyes]
    stories = cluster_stories(articles, None, (), None, OrganiseOptions())
    assert {frozenset(story.article_ids) for story in stories} == {
        frozenset({"a0", "a1", "a2"}),
        frozenset({"b"}),
    }
    # Without the names check the shared topic words are enough to join.
    monkeypatch.setattr("storyline.organise.stories.STABLE_NAME_MENTIONS", 10**9)
    (story,) = cluster_stories(articles, None, (), None, OrganiseOptions())
    assert set(story.article_ids) == {article.id for article in articles}
