"""Quote attribution benchmark: storyline's find_quotes against a naive baseline.

Run by hand from the project root::

    .venv/bin/python bench/quotes.py

Two labelled sets: ``tests/data/quotes_invented.jsonl`` (invented articles, every hard form
and negatives) and ``tests/data/quotes_samples.jsonl`` (the quotes of the real articles in
``../shared/samples/syria-talks``, given as character offsets into the raw files, never as
text).  For each set it prints precision and recall of (quote span, speaker) pairs, for
direct and for indirect quotes, for storyline and for the baseline side by side.

Scoring: a predicted and a gold quote match when the Jaccard overlap of their lowercase word
sets is >= 0.8; the speaker matches when the predicted entity key (without its kind prefix)
equals the gold name, or, when that surname is unique among the gold speakers of the
article, shares the gold name's last word; gold "UNNAMED" needs an unnamed speaker.  Gold
quotes with speaker null (headline words, document titles quoted without a speaker) are
optional: a prediction on them is neither rewarded nor penalised.

Labelled formats: an invented record is ``{"id", "note", "text", "gold": [{"quote": exact
quoted words, "speaker": canonical name | "UNNAMED" | null, "direct": bool}]}`` (a quote
running over paragraphs is one gold item per paragraph); a sample record is ``{"file",
"start", "end", "speaker", "direct"}`` with offsets into the raw file (marks excluded).

Measured (2026-11-23, storyline entities; ``--helper-mentions`` gives spaCy's entities)::

    set       quotes    system           P      R     F1   TP  pred  gold
    invented  direct    storyline    0.991  0.991  0.991  105   106   106
    invented  direct    baseline     0.677  0.632  0.654   67    99   106
    invented  indirect  storyline    0.906  0.906  0.906   29    32    32
    invented  indirect  baseline     0.095  0.125  0.108    4    42    32
    samples   direct    storyline    1.000  1.000  1.000   25    25    25
    samples   direct    baseline     0.680  0.680  0.680   17    25    25
    samples   indirect  storyline    0.955  0.955  0.955   21    22    22
    samples   indirect  baseline     0.143  0.091  0.111    2    14    22

The invented set was written while the rules were built, so its figures are optimistic.

Sample articles are rebuilt simply: the first line is the title; every other non-empty line
is a paragraph; a line identical to an earlier one is dropped (004 repeats its body), and so
is a line of fewer than 5 words that does not end in punctuation (menu and player labels).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from builders import build_article  # noqa: E402
from storyline.analyze.entities import find_mentions  # noqa: E402
from storyline.analyze.nlp import load_pipeline  # noqa: E402
from storyline.analyze.quotes import find_quotes  # noqa: E402
from storyline.analyze.sentences import split_sentences  # noqa: E402
from storyline.models import (  # noqa: E402
    Article,
    Block,
    BlockKind,
    EntityKind,
    Mention,
    Origin,
    Quote,
    Sentence,
    SpeakerKind,
)

DATA = PROJECT / "tests" / "data"
SAMPLES = PROJECT.parent / "shared" / "samples" / "syria-talks"
JACCARD_MATCH = 0.8  # the brief's matching rule
MIN_KEPT_WORDS = 5  # shorter unpunctuated sample lines are page furniture
LINE_END_PUNCTUATION = ".!?:;\"'”’»)"
ENTITY_KINDS = {
    "PERSON": EntityKind.PERSON,
    "ORG": EntityKind.ORGANISATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "NORP": EntityKind.GROUP,
}
TITLE_WORDS = frozenset(
    [
        "secretary",
        "of",
        "state",
        "foreign",
        "minister",
        "president",
        "prime",
        "vice",
        "deputy",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "sen.",
        "senator",
        "gov.",
        "governor",
        "general",
        "gen.",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "envoy",
        "chancellor",
        "king",
        "queen",
        "chief",
        "director",
        "chairman",
        "mayor",
        "leader",
        "defence",
        "defense",
        "interior",
        "finance",
        "supreme",
        "commander",
        "judge",
    ]
)
Finder = Callable[[Doc, Article, tuple[Sentence, ...], tuple[Mention, ...]], tuple[Quote, ...]]


@dataclass(frozen=True)
class GoldQuote:
    start: int  # offsets into Article.text
    end: int
    speaker: str | None  # canonical name, "UNNAMED", or None (optional quote)
    direct: bool


@dataclass(frozen=True)
class Case:
    name: str
    article: Article
    gold: tuple[GoldQuote, ...]


@dataclass(frozen=True)
class Score:
    true_positive: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positive + other.true_positive,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )


# --------------------------------------------------------------------------- analysis inputs


@cache
def analyse(
    article: Article, helper_mentions: bool = False
) -> tuple[Doc, tuple[Sentence, ...], tuple[Mention, ...]]:
    """The doc, sentences and mentions analyze() hands find_quotes (storyline's own
    pipeline, splitter and mention finder); ``helper_mentions`` swaps in
    ``mentions_from_doc``."""
    doc = load_pipeline("en")(article.text)
    mentions = mentions_from_doc(doc) if helper_mentions else find_mentions(doc, article)
    return doc, split_sentences(doc, article), mentions


def mentions_from_doc(doc: Doc) -> tuple[Mention, ...]:
    """Stand-in for entities.find_mentions: spaCy entities with article-level person keys."""
    ents = [e for e in doc.ents if e.label_ in ENTITY_KINDS]
    names = [_strip_honorific(e.text) for e in ents if e.label_ == "PERSON"]
    fullest: dict[str, str] = {}
    for name in names:
        surname = _surname(name)
        if len(name) > len(fullest.get(surname, "")):
            fullest[surname] = name
    mentions = []
    for ent in ents:
        text = _strip_honorific(ent.text)
        surname = _surname(text) if text.split() else ""
        if surname in fullest:  # a person spaCy labelled as a place or work
            key = "person:" + fullest[surname].lower()
            kind = EntityKind.PERSON
        else:
            kind = ENTITY_KINDS[ent.label_]
            key = f"{kind.value}:" + re.sub(r"^the ", "", text.lower())
        mentions.append(
            Mention(
                ent.start_char, ent.end_char, ent.text, kind, key, _title_before(doc, ent.start)
            )
        )
    return tuple(mentions)


def _surname(name: str) -> str:
    return name.split()[-1].split("-")[-1].lower()


def _strip_honorific(text: str) -> str:
    return re.sub(r"^(Mr|Mrs|Ms|Dr)\.? ", "", re.sub(r"[’']s$", "", text)).strip()


def _title_before(doc: Doc, start: int) -> str | None:
    first = start
    while first > 0:
        token = doc[first - 1]
        if (
            token.lower_ in TITLE_WORDS
            or (token.ent_type_ in {"GPE", "NORP"} and token.is_title)
            or token.text in {"U.S.", "US", "UK", "U.K."}
        ):
            first -= 1
        else:
            break
    while first < start and doc[first].lower_ == "of":
        first += 1
    return doc[first:start].text if first < start else None


# --------------------------------------------------------------------------- labelled sets


def load_invented(path: Path = DATA / "quotes_invented.jsonl") -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        article = build_article(record["text"], title=record.get("title", "Untitled"))
        gold = []
        for item in record["gold"]:
            start = article.text.find(item["quote"])
            if start < 0:
                raise ValueError(f"{path}:{number}: gold quote not in text: {item['quote']!r}")
            end = start + len(item["quote"])
            gold.append(GoldQuote(start, end, item["speaker"], item["direct"]))
        cases.append(Case(record["id"], article, tuple(gold)))
    return cases


def build_sample_article(raw: str, name: str) -> tuple[Article, list[tuple[int, int, int]]]:
    """The article of a raw sample, and (article start, raw start, length) per paragraph."""
    lines, offset = [], 0
    for line in raw.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    paragraphs: list[tuple[int, str]] = []
    seen: set[str] = set()
    for raw_start, line in lines[1:]:
        stripped = line.strip()
        if not stripped or stripped in seen:
            continue
        if len(stripped.split()) < MIN_KEPT_WORDS and stripped[-1] not in LINE_END_PUNCTUATION:
            continue
        seen.add(stripped)
        paragraphs.append((raw_start + line.index(stripped), stripped))
    pieces, blocks, mapping, cursor = [], [], [], 0
    for raw_start, paragraph in paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, cursor, cursor + len(paragraph)))
        mapping.append((cursor, raw_start, len(paragraph)))
        pieces.append(paragraph)
        cursor += len(paragraph) + 2
    text = "\n\n".join(pieces)
    article = Article(
        id=name, title=lines[0][1].strip(), text=text, blocks=tuple(blocks),
        origin=Origin(name), raw_id=name,
    )  # fmt: skip
    return article, mapping


def load_samples(path: Path = DATA / "quotes_samples.jsonl", samples: Path = SAMPLES) -> list[Case]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    cases = []
    for name in sorted({r["file"] for r in records}):
        raw = (samples / name).read_text(encoding="utf-8")
        article, mapping = build_sample_article(raw, name)
        gold = []
        for record in (r for r in records if r["file"] == name):
            start = _to_article(mapping, record["start"])
            gold.append(
                GoldQuote(start, start + record["end"] - record["start"], record["speaker"],
                          record["direct"])
            )  # fmt: skip
        cases.append(Case(name, article, tuple(gold)))
    return cases


def _to_article(mapping: Sequence[tuple[int, int, int]], raw_offset: int) -> int:
    for article_start, raw_start, length in mapping:
        if raw_start <= raw_offset < raw_start + length:
            return article_start + raw_offset - raw_start
    raise ValueError(f"raw offset {raw_offset} is in a dropped line")


# --------------------------------------------------------------------------- scoring


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def jaccard(a: str, b: str) -> float:
    left, right = words(a), words(b)
    return len(left & right) / len(left | right) if left | right else 1.0


def speaker_matches(quote: Quote, gold: str, gold_names: Iterable[str]) -> bool:
    if gold == "UNNAMED":
        return quote.speaker_kind is SpeakerKind.UNNAMED
    if quote.speaker_kind is not SpeakerKind.NAMED or quote.speaker is None:
        return False
    predicted = _plain(quote.speaker.split(":", 1)[-1])
    wanted = _plain(gold)
    if predicted == wanted:
        return True
    surname = wanted.split()[-1]
    same_surname = [n for n in set(gold_names) if _plain(n).split()[-1] == surname]
    return len(same_surname) == 1 and predicted.split()[-1:] == [surname]


def _plain(name: str) -> str:
    letters = re.sub(r"[^\w ]", "", name.lower().replace("-", " "))
    return re.sub(r"^the ", "", letters).strip()


def score(case: Case, quotes: Sequence[Quote], direct: bool) -> Score:
    text = case.article.text
    gold = [g for g in case.gold if g.direct is direct]
    predicted = [q for q in quotes if q.direct is direct]
    names = [g.speaker for g in case.gold if g.speaker not in (None, "UNNAMED")]
    unmatched = list(predicted)
    true_positive = counted_gold = 0
    for item in gold:
        gold_text = text[item.start : item.end]
        match = max(unmatched, key=lambda q: jaccard(q.text, gold_text), default=None)
        if match is not None and jaccard(match.text, gold_text) >= JACCARD_MATCH:
            unmatched.remove(match)
            if item.speaker is None:
                continue  # optional quote: neither rewarded nor penalised
            true_positive += speaker_matches(match, item.speaker, names)
        if item.speaker is not None:
            counted_gold += 1
    counted_predicted = len(predicted) - _optional_matches(case, predicted, direct)
    return Score(true_positive, counted_predicted, counted_gold)


def _optional_matches(case: Case, predicted: Sequence[Quote], direct: bool) -> int:
    text = case.article.text
    optional = [g for g in case.gold if g.direct is direct and g.speaker is None]
    hits, pool = 0, list(predicted)
    for item in optional:
        gold_text = text[item.start : item.end]
        match = max(pool, key=lambda q: jaccard(q.text, gold_text), default=None)
        if match is not None and jaccard(match.text, gold_text) >= JACCARD_MATCH:
            pool.remove(match)
            hits += 1
    return hits


# --------------------------------------------------------------------------- baseline


BASELINE_QUOTE = re.compile(r"[\"“]([^\"“”\n]{2,}?)[\"”]")
BASELINE_SAID = re.compile(r"\b(?:said|says|told)\b(?: that)? ([^.\"“”]{10,})\.")


def baseline_quotes(
    doc: Doc, article: Article, sentences: tuple[Sentence, ...], mentions: tuple[Mention, ...]
) -> tuple[Quote, ...]:
    """Naive peer: text between double marks (or after "said"), nearest PERSON entity."""
    persons = [m for m in mentions if m.kind is EntityKind.PERSON]
    found = []
    for pattern, direct in ((BASELINE_QUOTE, True), (BASELINE_SAID, False)):
        for match in pattern.finditer(article.text):
            start, end = match.span(1)
            outside = [m for m in persons if m.end <= start or m.start >= end]
            nearest = min(outside, key=lambda m: _distance(m, start, end), default=None)
            found.append(
                Quote(start, end, match.group(1),
                      SpeakerKind.NAMED if nearest else SpeakerKind.UNKNOWN,
                      nearest.entity if nearest else None,
                      nearest.text if nearest else None, "say", direct)
            )  # fmt: skip
    return tuple(sorted(found, key=lambda q: q.start))


def _distance(mention: Mention, start: int, end: int) -> int:
    return start - mention.end if mention.end <= start else mention.start - end


# --------------------------------------------------------------------------- report


def evaluate(
    cases: Sequence[Case], finder: Finder, direct: bool, helper_mentions: bool = False
) -> Score:
    total = Score(0, 0, 0)
    for case in cases:
        doc, sentences, mentions = analyse(case.article, helper_mentions)
        total += score(case, finder(doc, case.article, sentences, mentions), direct)
    return total


def main(argv: Sequence[str]) -> None:
    """Print the table; ``--helper-mentions`` swaps entities.find_mentions for spaCy's
    entities keyed by ``mentions_from_doc`` (the stand-in used before it landed)."""
    helper = "--helper-mentions" in argv
    sets = {"invented": load_invented(), "samples": load_samples()}
    finders: dict[str, Finder] = {"storyline": find_quotes, "baseline": baseline_quotes}
    print("mentions:", "spaCy entities (helper)" if helper else "storyline entities")
    header = f"{'set':<10}{'quotes':<10}{'system':<11}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}"
    print(header + f"{'pred':>6}{'gold':>6}")
    for set_name, cases in sets.items():
        for direct in (True, False):
            for system, finder in finders.items():
                result = evaluate(cases, finder, direct, helper)
                p, r = result.precision, result.recall
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                kind = "direct" if direct else "indirect"
                print(
                    f"{set_name:<10}{kind:<10}{system:<11}{p:>7.3f}{r:>7.3f}{f1:>7.3f}"
                    f"{result.true_positive:>5}{result.predicted:>6}{result.gold:>6}"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
