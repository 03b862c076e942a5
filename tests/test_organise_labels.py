"""Story labels: names spelled as the articles spell them, whatever order articles come in."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import build_article
from storyline.models import Article, ArticleAnalysis, EntityKind, Mention
from storyline.organise import organise
from storyline.organise.labels import EntityNames

DAY = dt.date(2024, 3, 4)


def _mention(article: Article, surface: str, kind: EntityKind, key: str) -> Mention:
    start = article.text.index(surface)
    return Mention(start, start + len(surface), surface, kind, key)


def _analysis(article: Article, *mentions: tuple[str, EntityKind, str]) -> ArticleAnalysis:
    found = tuple(_mention(article, *mention) for mention in mentions)
    return ArticleAnalysis(article.id, "test.v1", "en", True, mentions=found)


# --------------------------------------------------------------------------- without analysis


def test_short_names_keep_the_texts_spelling_not_capitals() -> None:
    article = build_article(
        "Xi Jinping met Kim Jong Un and Ali Khan on Monday.\n\nXi and Kim spoke again.",
        title="Xi meets Kim",
        article_id="a",
    )
    names = EntityNames([article], {}, None)
    assert [names.name(key) for key in names.central([article])[:3]] == ["Kim", "Xi", "Ali"]


def test_names_written_in_capitals_keep_them() -> None:
    article = build_article(
        "NATO and the EU met in Brussels. NATO said the EU would send observers.",
        article_id="a",
    )
    names = EntityNames([article], {}, None)
    assert names.name("name:nato") == "NATO"
    assert names.name("name:eu") == "EU"
    assert names.name("name:brussels") == "Brussels"


def test_a_capitalised_headline_does_not_win_a_tie_against_the_body() -> None:
    article = build_article("Officials said Kerry would fly on.", title="KERRY IN BRUNEI")
    names = EntityNames([article], {}, None)
    assert names.name("name:kerry") == "Kerry"
    assert names.name("name:brunei") == "BRUNEI"  # only ever written in capitals


def test_a_possessive_and_lower_case_words_do_not_change_the_spelling() -> None:
    article = build_article("McDonald's profits rose.\n\nAnalysts said mcdonald shares rose.")
    names = EntityNames([article], {}, None)
    assert names.name("name:mcdonald") == "McDonald"


def test_a_key_never_seen_in_a_text_is_shown_in_title_case() -> None:
    names = EntityNames([], {}, None)
    assert names.name("person:ana lima") == "Ana Lima"
    assert names.name("name:eu") == "Eu"


# --------------------------------------------------------------------------- with analysis

KERRY = "Secretary John Kerry met Sergei Lavrov in Brunei on Tuesday to discuss Syria talks."
LAVROV = "Kerry met Russian minister Lavrov in Brunei on Tuesday, talking about Syria talks."


def _kerry_lavrov() -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    first = build_article(KERRY, article_id="a", published=DAY)
    second = build_article(LAVROV, article_id="b", published=DAY)
    person, organisation, place = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE
    analyses = {
        "a": _analysis(
            first,
            ("John Kerry", person, "kerry"),
            ("Sergei Lavrov", person, "lavrov"),
            ("Brunei", place, "brunei"),
        ),
        "b": _analysis(
            second,
            ("Kerry", organisation, "kerry"),
            ("Lavrov", person, "lavrov"),
            ("Brunei", place, "brunei"),
        ),
    }
    return [first, second], analyses


def test_spelling_ties_go_to_the_longer_spelling_in_any_order() -> None:
    articles, analyses = _kerry_lavrov()
    for ordered in (articles, articles[::-1]):
        names = EntityNames(ordered, analyses, None)
        assert names.name("kerry") == "John Kerry"
        assert names.name("lavrov") == "Sergei Lavrov"


def test_a_name_used_short_after_its_first_mention_is_shown_in_full() -> None:
    text = (
        "Transport minister Ana Ribeiro met union leaders on Monday. Ribeiro said talks on "
        "Bashar al-Assad's plan would go on. Ribeiro left at noon, and Assad did not reply."
    )
    article = build_article(text, article_id="a", published=DAY)
    person = EntityKind.PERSON
    mentions = [("Ana Ribeiro", person, "ribeiro"), ("Bashar al-Assad", person, "assad")]
    mentions += [("Ribeiro", person, "ribeiro")] * 2 + [("Assad", person, "assad")]
    found = []
    cursor: dict[str, int] = {}
    for surface, kind, key in mentions:
        start = text.index(surface, cursor.get(surface, 0))
        cursor[surface] = start + len(surface)
        found.append(Mention(start, start + len(surface), surface, kind, key))
    analysis = ArticleAnalysis("a", "test.v1", "en", True, mentions=tuple(found))
    names = EntityNames([article], {"a": analysis}, None)
    assert names.name("ribeiro") == "Ana Ribeiro"
    assert names.name("assad") == "Bashar al-Assad"


def test_kinds_are_a_majority_vote_with_a_fixed_order_on_ties() -> None:
    articles, analyses = _kerry_lavrov()
    for ordered in (articles, articles[::-1]):
        names = EntityNames(ordered, analyses, None)
        assert names.kinds["kerry"] is EntityKind.PERSON  # person 1, organisation 1
        assert names.is_place("brunei")
    third = build_article("Kerry spoke.", article_id="c")
    analyses["c"] = _analysis(third, ("Kerry", EntityKind.ORGANISATION, "kerry"))
    names = EntityNames([*articles, third], analyses, None)
    assert names.kinds["kerry"] is EntityKind.ORGANISATION  # organisation 2, person 1


PORT = [
    "Dockworkers at Port Vale walked out on Monday over pay, union leader Ana Lima said.\n\n"
    "Cranes stood idle and container ships queued off the harbour as the strike began.",
    "The Port Vale dockworkers' strike over pay entered a second day, Lima told reporters.\n\n"
    "Container ships waited off the harbour; the port operator called the walkout unlawful.",
    "Lima said dockworkers at Port Vale would stay on strike until the pay offer improved.\n\n"
    "The harbour operator said container traffic had halted and cranes were idle.",
]
CHESS = [
    "Omar Haddad won the chess championship final in Madrid after a long rook endgame.\n\n"
    "The grandmaster converted an extra pawn on move 71 to take the title.",
    "Grandmaster Haddad won the Madrid chess final, his third championship title.\n\n"
    "His opponent resigned after a rook endgame in which Haddad kept an extra pawn.",
]
TITLES = ["Port strike", "Strike day two", "Dockers stay out", "Haddad wins", "Chess title"]


SURFACES = (
    ("Ana Lima", "lima"),
    ("Lima", "lima"),
    ("Port Vale", "port vale"),
    ("Omar Haddad", "haddad"),
    ("Haddad", "haddad"),
    ("Madrid", "madrid"),
)
PLACES = frozenset({"port vale", "madrid"})


def _invented() -> tuple[list[Article], dict[str, ArticleAnalysis]]:
    """Five analysed reports of two events; the tagger disagrees with itself across
    articles (kinds rotate), so ties in kinds and spellings must be broken the same way."""
    articles: list[Article] = []
    analyses: dict[str, ArticleAnalysis] = {}
    kinds = (EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.OTHER)
    for number, text in enumerate(PORT + CHESS):
        article = build_article(
            text,
            title=TITLES[number],
            outlet=f"outlet {number}",
            article_id=f"a{number}",
            published=DAY + dt.timedelta(days=number % 2),
        )
        found: list[tuple[str, EntityKind, str]] = []
        for surface, key in SURFACES:
            if surface in text and all(key != seen for _, _, seen in found):
                place = key in PLACES and number % 2 == 0
                found.append((surface, EntityKind.PLACE if place else kinds[number % 3], key))
        articles.append(article)
        analyses[article.id] = _analysis(article, *found)
    return articles, analyses


def test_the_invented_reports_form_two_stories() -> None:
    articles, analyses = _invented()
    stories = organise(articles, analyses).stories
    assert sorted(len(story.article_ids) for story in stories) == [2, 3]
    assert sorted(story.place or "" for story in stories) == ["", "Port Vale"]


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(len(PORT) + len(CHESS))))
def test_stories_labels_and_places_do_not_depend_on_article_order(order: list[int]) -> None:
    articles, analyses = _invented()
    expected = organise(articles, analyses)
    shuffled = organise([articles[number] for number in order], analyses)
    assert shuffled.stories == expected.stories
    assert [s.label for s in shuffled.stories] == [s.label for s in expected.stories]
    assert [s.place for s in shuffled.stories] == [s.place for s in expected.stories]


def test_an_unanalysed_report_adds_no_capitalised_words_to_analysed_entities() -> None:
    english = build_article("Minister Ana Ribeiro met union leader Marco Delgado.", article_id="en")
    spanish = build_article(
        "Doce personas resultaron heridas. El Gobierno y Ana Ribeiro pidieron calma.",
        language="es",
        article_id="es",
    )
    analyses = {
        "en": _analysis(
            english,
            ("Ana Ribeiro", EntityKind.PERSON, "person:ana ribeiro"),
            ("Marco Delgado", EntityKind.PERSON, "person:marco delgado"),
        )
    }
    names = EntityNames([english, spanish], analyses, None)
    assert names.central([english, spanish]) == ["person:ana ribeiro", "person:marco delgado"]
    alone = names.central([spanish])  # nothing analysed: its capitalised words stand in
    assert "name:ribeiro" in alone
