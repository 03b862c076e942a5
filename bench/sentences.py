"""Compare sentence splitters on the invented labelled set tests/data/sentences.jsonl.

Run: .venv/bin/python bench/sentences.py

Splitters, side by side in one process: the spaCy parser (doc.sents of the stock model),
the spaCy senter component (parser off), storyline's splitter (parser with pinned block
starts, then corrected), and a plain regex baseline.  Scores: precision / recall / F1 of
sentence boundaries (every sentence end except the text's last), exact-sentence accuracy
(share of gold sentences predicted with exactly the same span), and texts with every
sentence right.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import spacy

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from builders import build_article  # noqa: E402
from storyline.analyze.nlp import LANGUAGE_MODELS, load_pipeline  # noqa: E402
from storyline.analyze.sentences import split_sentences  # noqa: E402

DATA = PROJECT / "tests" / "data" / "sentences.jsonl"
Span = tuple[int, int]
Splitter = Callable[[str], list[Span]]
_REGEX_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘]?[A-Z0-9])|\n+")


def load_cases(path: Path = DATA, *, heldout: bool = False) -> list[tuple[str, list[Span]]]:
    """The dev cases, or (``heldout``) the cases written after the rules were tuned."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("heldout", False) != heldout:
            continue
        text, spans, position = record["text"], [], 0
        for sentence in record["sentences"]:
            start = text.index(sentence, position)
            position = start + len(sentence)
            spans.append((start, position))
        cases.append((text, spans))
    return cases


def stripped(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    if not piece.strip():
        return None
    left = start + len(piece) - len(piece.lstrip())
    return left, left + len(piece.strip())


def spacy_splitter(nlp: spacy.language.Language) -> Splitter:
    def split(text: str) -> list[Span]:
        spans = (stripped(text, s.start_char, s.end_char) for s in nlp(text).sents)
        return [span for span in spans if span is not None]

    return split


def storyline_splitter(text: str) -> list[Span]:
    article = build_article(text)
    doc = load_pipeline("en")(article.text)
    return [(s.start, s.end) for s in split_sentences(doc, article)]


def regex_splitter(text: str) -> list[Span]:
    spans, start = [], 0
    for match in _REGEX_BOUNDARY.finditer(text):
        if (span := stripped(text, start, match.start())) is not None:
            spans.append(span)
        start = match.end()
    if (span := stripped(text, start, len(text))) is not None:
        spans.append(span)
    return spans


def score(cases: list[tuple[str, list[Span]]], splitter: Splitter) -> dict[str, float]:
    true_pos = predicted = gold_total = exact = sentences = perfect = 0
    for text, gold in cases:
        guess = splitter(text)
        gold_ends = {end for _, end in gold[:-1]}
        guess_ends = {end for _, end in guess if end < gold[-1][1]}
        true_pos += len(gold_ends & guess_ends)
        predicted += len(guess_ends)
        gold_total += len(gold_ends)
        exact += len(set(gold) & set(guess))
        sentences += len(gold)
        perfect += set(gold) == set(guess)
    precision = true_pos / predicted if predicted else 1.0
    recall = true_pos / gold_total if gold_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact": exact / sentences,
        "perfect": perfect / len(cases),
    }


def main() -> None:
    package = LANGUAGE_MODELS["en"]
    parser_nlp = spacy.load(package)
    senter_nlp = spacy.load(package, exclude=["parser"])
    senter_nlp.enable_pipe("senter")
    splitters: dict[str, Splitter] = {
        "regex baseline": regex_splitter,
        "spaCy parser": spacy_splitter(parser_nlp),
        "spaCy senter": spacy_splitter(senter_nlp),
        "storyline": storyline_splitter,
    }
    for label, heldout in (("dev", False), ("held-out", True)):
        cases = load_cases(heldout=heldout)
        gold_sentences = sum(len(gold) for _, gold in cases)
        print(f"\n{label}: {len(cases)} texts, {gold_sentences} gold sentences ({DATA.name})")
        print(f"{'splitter':<16} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} {'texts ok':>9}")
        for name, splitter in splitters.items():
            result = score(cases, splitter)
            print(
                f"{name:<16} {result['precision']:6.3f} {result['recall']:6.3f}"
                f" {result['f1']:6.3f} {result['exact']:6.3f} {result['perfect']:9.3f}"
            )


if __name__ == "__main__":
    main()
