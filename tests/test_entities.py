"""Entity mentions and cross-article linking, on invented cases and the real samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from builders import build_article
from storyline.analyze import analyze
from storyline.analyze.aliases import fold, is_acronym, matches_acronym, name_words
from storyline.analyze.entities import find_mentions, link_entities
from storyline.analyze.nlp import load_pipeline
from storyline.models import Article, ArticleAnalysis, Entity, EntityKind, Mention


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline("en")


def tagged(nlp: Language, text: str, ents: list[tuple[str, str]]) -> tuple[Doc, Article]:
    """A tokenised doc whose entities are exactly ``ents`` (text, label), in order:
    the rules are tested on the model's typical errors without depending on the model."""
    article = build_article(text)
    doc = nlp.make_doc(article.text)
    spans, position = [], 0
    for surface, label in ents:
        start = article.text.index(surface, position)
        position = start + len(surface)
        span = doc.char_span(start, position, label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc, article


def analysis(article_id: str, mentions: tuple[Mention, ...]) -> ArticleAnalysis:
    return ArticleAnalysis(article_id, "test", "en", True, mentions=mentions)


def mentions_of(nlp: Language, text: str) -> tuple[Mention, ...]:
    article = build_article(text)
    return find_mentions(nlp(article.text), article)


# --------------------------------------------------------------------------- name rules


def test_name_words_fold_particles_hyphens_and_diacritics() -> None:
    spellings = ["Bashar al-Assad", "Bashar Assad", "Bashar al Assad", "Bashar al-Assad's"]
    assert {name_words(s) for s in spellings} == {("bashar", "assad")}
    assert name_words("José Pérez") == name_words("Jose Perez")
    assert name_words("al-Assad") == ("assad",)


def test_name_words_keep_a_capitalised_given_name_that_looks_like_a_particle() -> None:
    assert name_words("Al Gore") == ("al", "gore")
    assert name_words("Ben Carson") == ("ben", "carson")


@pytest.mark.parametrize("spelling", ["U.S.", "US", "United States", "America", "USA"])
def test_us_spellings_name_one_place(spelling: str) -> None:
    assert name_words(spelling, EntityKind.PLACE) == ("united", "states")


def test_acronyms_match_their_long_forms_only() -> None:
    assert matches_acronym(
        "ASEAN", name_words("Association of Southeast Asian Nations", EntityKind.ORGANISATION)
    )
    assert matches_acronym("U.N.", ("united", "nations"))
    assert matches_acronym("NATO", ("north", "atlantic", "treaty", "organization"))
    assert not matches_acronym("UN", ("european", "union"))
    assert not matches_acronym("EU", ("union",))
    assert is_acronym("U.N.") and is_acronym("ASEAN") and not is_acronym("Kerry")


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


# --------------------------------------------------------------------------- one article


def test_possessive_is_stripped_and_shares_the_full_name_key(nlp: Language) -> None:
    doc, article = tagged(
        nlp,
        "John Kerry arrived. Kerry's visit ends today. Bashar al Assad's forces advanced.",
        [("John Kerry", "PERSON"), ("Kerry's", "PERSON"), ("Bashar al Assad's", "PERSON")],
    )
    mentions = find_mentions(doc, article)
    assert [m.text for m in mentions] == ["John Kerry", "Kerry", "Bashar al Assad"]
    assert mentions[1].entity == "person:john kerry"
    assert mentions[2].entity == "person:bashar assad"


def test_titles_are_kept_and_state_in_secretary_of_state_is_no_organisation(
    nlp: Language,
) -> None:
    doc, article = tagged(
        nlp,
        "Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov and "
        "President Obama.",
        [
            ("State", "ORG"),
            ("John Kerry", "PERSON"),
            ("Russian", "NORP"),
            ("Sergei Lavrov", "PERSON"),
            ("Obama", "PERSON"),
        ],
    )
    mentions = find_mentions(doc, article)
    people = {m.text: m.title for m in mentions if m.kind is EntityKind.PERSON}
    assert people == {
        "John Kerry": "Secretary of State",
        "Sergei Lavrov": "Russian Foreign Minister",
        "Obama": "President",
    }
    assert EntityKind.ORGANISATION not in {m.kind for m in mentions}
    assert [m.entity for m in mentions if m.kind is EntityKind.GROUP] == ["group:russian"]


def test_a_title_spacy_put_inside_the_person_span_moves_to_the_title(nlp: Language) -> None:
    doc, article = tagged(
        nlp, "President Vladimir Putin spoke.", [("President Vladimir Putin", "PERSON")]
    )
    (mention,) = find_mentions(doc, article)
    assert (mention.text, mention.title) == ("Vladimir Putin", "President")


def test_a_headline_verb_glued_to_a_name_is_dropped(nlp: Language) -> None:
    doc, article = tagged(
        nlp, "U.S. and Russia to Hold Talks, Kerry Says", [("Kerry Says", "PERSON")]
    )
    mentions = find_mentions(doc, article)
    assert [(m.text, m.entity) for m in mentions if m.kind is EntityKind.PERSON] == [
        ("Kerry", "person:kerry")
    ]


def test_a_surname_the_model_called_an_organisation_joins_its_person(nlp: Language) -> None:
    doc, article = tagged(
        nlp,
        "Sergei Lavrov spoke. On Wednesday, Lavrov called for calm.",
        [("Sergei Lavrov", "PERSON"), ("Lavrov", "ORG")],
    )
    mentions = find_mentions(doc, article)
    assert [(m.kind, m.entity) for m in mentions] == [
        (EntityKind.PERSON, "person:sergei lavrov")
    ] * 2


def test_a_dateline_city_read_as_a_person_becomes_a_place(nlp: Language) -> None:
    doc, article = tagged(
        nlp,
        "Bandar Seri Begawan, Brunei Secretary of State John Kerry said talks would follow.",
        [("Bandar Seri Begawan", "PERSON"), ("Brunei", "GPE"), ("John Kerry", "PERSON")],
    )
    mentions = find_mentions(doc, article)
    assert mentions[0].entity == "place:bandar seri begawan"
    assert mentions[2].title == "Secretary of State"


def test_us_variants_and_a_hyphenated_pair_are_places(nlp: Language) -> None:
    text = "Russia welcomed the U.S.-Russia meeting with the United States, America and the US."
    doc, article = tagged(
        nlp,
        text,
        [("Russia", "GPE"), ("U.S.-Russia", "ORG"), ("United States", "GPE"), ("America", "GPE")],
    )
    keys = [m.entity for m in find_mentions(doc, article)]
    assert keys.count("place:united states") == 4
    assert keys.count("place:russia") == 2
    assert not [key for key in keys if key.startswith("organisation:")]


def test_two_smiths_bare_surname_takes_the_nearest_full_name_before_it(nlp: Language) -> None:
    doc, article = tagged(
        nlp,
        "Smith opened the hearing. John Smith testified first. Then Mary Smith spoke. "
        "Smith denied everything.",
        [
            ("Smith", "PERSON"),
            ("John Smith", "PERSON"),
            ("Mary Smith", "PERSON"),
            ("Smith", "PERSON"),
        ],
    )
    keys = [m.entity for m in find_mentions(doc, article)]
    assert keys == ["person:smith", "person:john smith", "person:mary smith", "person:mary smith"]


def test_a_bare_given_name_joins_the_one_full_name_it_starts(nlp: Language) -> None:
    doc, article = tagged(
        nlp,
        "Kerry met Sergei Lavrov. “I know, Sergei,” Kerry said.",
        [
            ("Kerry", "PERSON"),
            ("Sergei Lavrov", "PERSON"),
            ("Sergei", "PERSON"),
            ("Kerry", "PERSON"),
        ],
    )
    keys = [m.entity for m in find_mentions(doc, article)]
    assert keys[2] == "person:sergei lavrov"


def test_an_acronym_takes_the_key_of_its_long_form_in_the_article(nlp: Language) -> None:
    doc, article = tagged(
        nlp,
        "The Association of Southeast Asian Nations met. ASEAN ministers agreed.",
        [("Association of Southeast Asian Nations", "ORG"), ("ASEAN", "ORG")],
    )
    keys = {m.entity for m in find_mentions(doc, article)}
    assert keys == {"organisation:association of southeast asian nations"}


def test_model_finds_people_places_and_groups_in_plain_news_text(nlp: Language) -> None:
    mentions = mentions_of(
        nlp, "German Chancellor Angela Merkel met French officials in Paris on Monday."
    )
    by_text = {m.text: m for m in mentions}
    assert by_text["Angela Merkel"].kind is EntityKind.PERSON
    assert by_text["Angela Merkel"].title == "German Chancellor"
    assert by_text["Paris"].entity == "place:paris"
    assert by_text["French"].kind is EntityKind.GROUP


# --------------------------------------------------------------------------- across articles


def person(start: int, text: str, key: str, title: str | None = None) -> Mention:
    return Mention(start, start + len(text), text, EntityKind.PERSON, key, title)


def by_alias(entities: tuple[Entity, ...], alias: str) -> list[Entity]:
    return [e for e in entities if alias in e.aliases]


def test_link_merges_assad_spellings_and_picks_the_fullest_common_name() -> None:
    analyses = [
        analysis("a", (person(0, "Bashar al-Assad", "person:bashar assad", "Syrian President"),)),
        analysis("b", (person(0, "Bashar Assad", "person:bashar assad"),)),
        analysis("c", (person(0, "Assad", "person:assad"), person(9, "Assad", "person:assad"))),
        analysis("d", (person(0, "Bashar al Assad", "person:bashar assad"),)),
    ]
    entities, key_map = link_entities(analyses)
    (assad,) = entities
    assert assad.key == "person:bashar assad"
    assert assad.mention_count == 5 and assad.article_ids == ("a", "b", "c", "d")
    assert assad.titles == ("Syrian President",)
    assert set(assad.aliases) == {"Bashar al-Assad", "Bashar Assad", "Assad", "Bashar al Assad"}
    assert key_map[("c", "person:assad")] == "person:bashar assad"


def test_link_never_joins_a_bare_surname_shared_by_two_people() -> None:
    analyses = [
        analysis("a", (person(0, "John Smith", "person:john smith"),)),
        analysis("b", (person(0, "Mary Smith", "person:mary smith"),)),
        analysis("c", (person(0, "Smith", "person:smith"),)),
    ]
    entities, key_map = link_entities(analyses)
    assert len(entities) == 3
    assert key_map[("c", "person:smith")] == "person:smith"


def test_link_attaches_a_bare_surname_to_the_only_full_name() -> None:
    analyses = [
        analysis("a", (person(0, "Sergei Lavrov", "person:sergei lavrov"),)),
        analysis("b", (person(0, "Lavrov", "person:lavrov"),)),
    ]
    entities, key_map = link_entities(analyses)
    assert [e.name for e in entities] == ["Sergei Lavrov"]
    assert key_map[("b", "person:lavrov")] == "person:sergei lavrov"


def test_link_joins_acronyms_and_spellings_across_kinds() -> None:
    def org(text: str, key: str, kind: EntityKind = EntityKind.ORGANISATION) -> Mention:
        return Mention(0, len(text), text, kind, key)

    analyses = [
        analysis("a", (org("United Nations", "organisation:united nations"),)),
        analysis("b", (org("UN", "organisation:un"),)),
        analysis("c", (org("U.N.", "place:un", EntityKind.PLACE),)),
        analysis("d", (org("ASEAN", "organisation:asean"),)),
        analysis(
            "e",
            (
                org(
                    "Association of Southeast Asian Nations",
                    "organisation:association of southeast asian nations",
                ),
            ),
        ),
    ]
    entities, _ = link_entities(analyses)
    assert sorted((e.name, e.mention_count) for e in entities) == [
        ("Association of Southeast Asian Nations", 2),
        ("United Nations", 3),
    ]
    assert {e.kind for e in entities} == {EntityKind.ORGANISATION}


def test_link_of_nothing_is_empty() -> None:
    assert link_entities([]) == ((), {})


# --------------------------------------------------------------------------- real samples


def sample_articles(samples_dir: Path) -> list[Article]:
    articles = []
    for path in sorted(samples_dir.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        body = [line for line in lines[1:] if len(line.split()) >= 8]
        articles.append(build_article("\n\n".join(body), title=lines[0], article_id=path.stem))
    return articles


EXPECTED = {
    # one spelling that must be found -> (kind, other spellings that must share the entity)
    "Kerry": (EntityKind.PERSON, ("John Kerry",)),
    "Lavrov": (EntityKind.PERSON, ("Sergei Lavrov",)),
    "Assad": (EntityKind.PERSON, ("Bashar al-Assad", "Bashar Assad", "Bashar al Assad")),
    "Putin": (EntityKind.PERSON, ("Vladimir Putin",)),
    "Obama": (EntityKind.PERSON, ()),
    "Mohammed bin Zayed al Nahyan": (EntityKind.PERSON, ()),
    "Russia": (EntityKind.PLACE, ()),
    "United States": (EntityKind.PLACE, ("U.S.", "US")),
    "Syria": (EntityKind.PLACE, ()),
    "Brunei": (EntityKind.PLACE, ()),
    "Moscow": (EntityKind.PLACE, ()),
    "Geneva": (EntityKind.PLACE, ()),
    "Brussels": (EntityKind.PLACE, ()),
    "Association of Southeast Asian Nations": (EntityKind.ORGANISATION, ()),
    "United Nations": (EntityKind.ORGANISATION, ("UN",)),
}


def test_real_samples_link_each_key_entity_once_with_spellings_merged(
    samples_dir: Path,
) -> None:
    analyses = list(analyze(sample_articles(samples_dir)))
    entities, key_map = link_entities(analyses)
    for spelling, (kind, others) in EXPECTED.items():
        holders = by_alias(entities, spelling)
        assert len(holders) == 1, (spelling, holders)
        (entity,) = holders
        assert entity.kind is kind, spelling
        for other in others:
            assert by_alias(entities, other) == [entity], other
    keys = [e.key for e in entities]
    assert len(keys) == len(set(keys))
    assert set(key_map.values()) == set(keys)
    kerry = by_alias(entities, "Kerry")[0]
    assert kerry.key == "person:john kerry" and len(kerry.article_ids) == 3
    assert "Secretary of State" in kerry.titles


def test_link_joins_a_one_word_person_to_the_more_mentioned_place_of_that_name() -> None:
    def place(text: str) -> Mention:
        return Mention(0, len(text), text, EntityKind.PLACE, f"place:{text.lower()}")

    analyses = [
        analysis("a", (place("Chile"), place("Chile"))),
        analysis("b", (person(0, "Chile", "person:chile"),)),
        analysis("c", (place("Jordan"),)),
        analysis("d", (person(0, "Michael Jordan", "person:michael jordan"),)),
        analysis("e", (person(0, "Jordan", "person:jordan"),)),
    ]
    entities, key_map = link_entities(analyses)
    assert key_map[("b", "person:chile")] == "place:chile"
    assert key_map[("e", "person:jordan")] == "person:michael jordan"  # a known surname wins
    assert key_map[("c", "place:jordan")] == "place:jordan"
    assert len(entities) == 3


def test_lowercase_preposition_is_not_part_of_a_title(nlp: Language) -> None:
    doc, article = tagged(
        nlp, "Thousands vanished under Gen. Augusto Pinochet.", [("Augusto Pinochet", "PERSON")]
    )
    (mention,) = find_mentions(doc, article)
    assert mention.title == "Gen."


def test_bin_opening_a_name_is_a_particle_whatever_its_case() -> None:
    assert name_words("Bin Laden") == name_words("bin Laden") == ("laden",)
    assert name_words("Osama Bin Laden") == ("osama", "laden")


@pytest.mark.parametrize(("plural", "singular"), [("Saudis", "Saudi"), ("Russians", "Russian")])
def test_group_names_fold_plurals(plural: str, singular: str) -> None:
    assert name_words(plural, EntityKind.GROUP) == name_words(singular, EntityKind.GROUP)
    assert name_words("Swiss", EntityKind.GROUP) == ("swiss",)
