"""The analyze stage end to end: languages, order, wiring of every step, model errors."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest
from spacy.language import Language

from builders import build_article
from storyline.analyze import ANALYZER_VERSION, AnalyzeOptions, analyze, analyze_article
from storyline.analyze import nlp as nlp_module
from storyline.analyze.language import detect_language, normalise_language
from storyline.analyze.nlp import BLOCK_STARTS, load_pipeline, model_package
from storyline.errors import ModelMissingError
from storyline.models import DateSource, EntityKind, SpeakerKind

ENGLISH = (
    "“We will not negotiate under fire,” Foreign Minister Ana Brites said on Tuesday.\n\n"
    "More than 300 people have died in the fighting since March 2013, the United Nations says."
)
FRENCH = (
    "Les pourparlers de paix ont repris hier à Genève entre les deux délégations, "
    "selon un diplomate européen."
)


def test_every_step_fills_its_part_of_the_analysis() -> None:
    article = build_article(ENGLISH, published=dt.date(2014, 6, 3))
    result = analyze_article(article)
    assert (result.analyzer, result.language, result.analysed) == (ANALYZER_VERSION, "en", True)
    assert [s.block for s in result.sentences] == [0, 1]
    brites = [m for m in result.mentions if m.kind is EntityKind.PERSON]
    assert [(m.text, m.title) for m in brites] == [("Ana Brites", "Foreign Minister")]
    (quote,) = [q for q in result.quotes if q.direct]
    assert quote.speaker_kind is SpeakerKind.NAMED and quote.speaker == "person:ana brites"
    assert result.published == article.published
    assert "March 2013" in {d.text for d in result.dates}
    assert 300.0 in {f.value for f in result.figures}


def test_a_language_without_a_model_is_passed_through_with_a_note() -> None:
    article = build_article(FRENCH, language=None, published=dt.date(2014, 6, 3))
    (result,) = analyze([article])
    assert (result.language, result.analysed) == ("fr", False)
    assert result.note is not None and "'fr'" in result.note and "English" in result.note
    assert result.sentences == () and result.mentions == ()
    assert result.published.source is DateSource.METADATA


def test_declared_language_wins_over_detection_and_is_normalised() -> None:
    (result,) = analyze([build_article(ENGLISH, language="EN-gb")])
    assert (result.language, result.analysed) == ("en", True)


def test_text_too_short_to_detect_is_analysed_as_english_with_a_note() -> None:
    (result,) = analyze([build_article("Kerry in Brunei", language=None, title="")])
    assert result.analysed and result.language is None
    assert result.note is not None and "not detected" in result.note


def test_results_come_in_input_order_across_languages_and_batches() -> None:
    articles = [
        build_article(f"{text} Item {index}.", language=None, article_id=f"a{index}")
        for index, text in enumerate([ENGLISH, FRENCH, ENGLISH, FRENCH, ENGLISH])
    ]
    results = list(analyze(articles, AnalyzeOptions(batch_size=2)))
    assert [r.article_id for r in results] == [a.id for a in articles]
    assert [r.analysed for r in results] == [True, False, True, False, True]


def test_empty_input_yields_nothing() -> None:
    assert list(analyze([])) == []


def test_the_loader_is_injected_and_asked_for_english() -> None:
    asked: list[str] = []

    def loader(language: str) -> Language:
        asked.append(language)
        return load_pipeline(language)

    list(analyze([build_article(ENGLISH)], loader=loader))
    assert asked == ["en"]


def test_two_processes_give_the_same_analyses_as_one() -> None:
    articles = [build_article(f"{ENGLISH} Case {i}.", article_id=f"p{i}") for i in range(6)]
    one = list(analyze(articles, AnalyzeOptions(n_process=1)))
    two = list(analyze(articles, AnalyzeOptions(n_process=2, batch_size=2)))
    assert one == two


def test_pipeline_pins_block_starts_before_the_parser() -> None:
    names = load_pipeline("en").pipe_names
    assert names.index(BLOCK_STARTS) < names.index("parser")


def test_unregistered_language_raises_model_missing_with_the_fix() -> None:
    with pytest.raises(ModelMissingError, match="LANGUAGE_MODELS"):
        model_package("xx")


def test_missing_model_package_names_the_pip_install(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = MappingProxyType({"zz": "zz_no_such_model_pkg"})
    monkeypatch.setattr(nlp_module, "LANGUAGE_MODELS", registry)
    with pytest.raises(ModelMissingError, match="pip install zz-no-such-model-pkg"):
        load_pipeline.__wrapped__("zz")


def test_detect_language_abstains_on_short_text_and_finds_french() -> None:
    assert detect_language("ok") == (None, 0.0)
    code, confidence = detect_language(FRENCH)
    assert code == "fr" and 0.5 < confidence <= 1.0


@pytest.mark.parametrize(
    ("declared", "expected"), [("en-US", "en"), ("EN", "en"), ("pt_BR", "pt"), (" ", None)]
)
def test_normalise_language(declared: str, expected: str | None) -> None:
    assert normalise_language(declared) == expected


def test_an_article_the_rules_fail_on_is_kept_unanalysed_and_the_batch_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import storyline.analyze as analyze_module

    real = analyze_module.find_dates

    def fails_on_one(doc, article, sentences, published):  # type: ignore[no-untyped-def]
        if "odd" in article.text:
            raise ValueError("year 0 is out of range")
        return real(doc, article, sentences, published)

    monkeypatch.setattr(analyze_module, "find_dates", fails_on_one)
    fine, odd = build_article(ENGLISH), build_article("An odd article, said Ana Brites.")
    first, second, third = analyze([fine, odd, fine], AnalyzeOptions(n_process=1))
    assert first.analysed and third.analysed
    assert not second.analysed and second.article_id == odd.id
    assert second.note is not None and "ValueError: year 0 is out of range" in second.note
