"""Extractive multi-document summaries against peers: ROUGE-1/2 on the eval MDS sets.

Run by hand::

    .venv/bin/python bench/summary.py                    # fallback sentences (fast)
    .venv/bin/python bench/summary.py --with-analysis    # run storyline.analyze first
    .venv/bin/python bench/summary.py --sets duc2003 --records 10

Each record's documents are one story (``models.Story`` over all of them); sentence links
come from ``organise.link_sentences`` on that story.  Systems, on the same articles and the
same sentence split (``organise.text.sentences``), each produce a summary of the set's
length, then every summary is cut to that many words (DUC convention):

- ``storyline``: ``synthesise.summarise_story``.
- ``lead-k``: the first sentence of each source, then the second of each, ... (round-robin).
- ``lexrank`` / ``textrank``: sumy 0.11 (English stop words and Snowball stemmer), ranked
  sentences taken best first until the budget, shown in document order (sumy's own use).
- ``centroid``: our candidates and filters, scored by centroid cosine only (an ablation:
  no soft or near-verbatim cross-source support, no position prior).

Scoring: Google's ``rouge-score`` (not ROUGE-1.5.5; figures run ~1 point apart), Porter
stemming, averaged over a record's references: recall for DUC, F1 for Multi-News (as
reported in the literature; see ../shared/eval/README.md).  Every constant of
``synthesise.summary`` was tuned on DUC 2003 only and is applied unchanged to the others.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

sys.path.insert(0, str(Path(__file__).parent))
from cluster import eval_article
from storyline.models import Article, ArticleAnalysis, Story
from storyline.organise import OrganiseOptions, SentenceLink, link_sentences
from storyline.organise.text import sentences
from storyline.synthesise import summary
from storyline.synthesise.summary import SummaryOptions, summarise_story

MDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "mds"
# name -> (file, words, ROUGE measure reported)
SETS = {
    "duc2003": ("duc2003.jsonl.gz", 100, "recall"),
    "duc2006": ("duc2006.jsonl.gz", 250, "recall"),
    "multinews": ("multinews_val_sample.jsonl.gz", 260, "fmeasure"),
    "multiling-en": ("multiling2011.jsonl.gz", 250, "recall"),
}
DEFAULT_RECORDS = {"duc2003": 30, "duc2006": 10, "multinews": 100, "multiling-en": 10}


@dataclass(frozen=True)
class Record:
    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]


@dataclass(frozen=True)
class Story_:
    story: Story
    articles: tuple[Article, ...]
    analyses: Mapping[str, ArticleAnalysis]
    links: tuple[SentenceLink, ...]


Summariser = Callable[[Story_, int], list[str]]


def load(name: str, limit: int) -> list[Record]:
    file, _, _ = SETS[name]
    records: list[Record] = []
    with gzip.open(MDS_DIR / file, "rt", encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            if name == "multiling-en" and raw.get("language") != "en":
                continue
            articles = tuple(eval_article(doc, name) for doc in raw["documents"])
            records.append(Record(raw["id"], articles, tuple(raw["references"])))
            if len(records) >= limit:
                break
    return records


def as_story(record: Record, analyses: Mapping[str, ArticleAnalysis]) -> Story_:
    ids = tuple(dict.fromkeys(article.id for article in record.articles))
    story = Story(record.id, "", ids, None, None, (), None, "bench")
    links = link_sentences([story], record.articles, analyses, OrganiseOptions())
    return Story_(story, record.articles, analyses, links)


def analyse(articles: Sequence[Article]) -> dict[str, ArticleAnalysis]:
    from storyline.analyze import analyze

    return {analysis.article_id: analysis for analysis in analyze(articles)}


def texts(item: Story_, article: Article) -> list[str]:
    spans = sentences(article, item.analyses.get(article.id))
    return [t for s in spans if (t := article.text[s.start : s.end].strip())]


def ours(item: Story_, budget: int) -> list[str]:
    chosen = summarise_story(
        item.story, item.articles, item.analyses, item.links, SummaryOptions(words=budget)
    )
    return [sentence.text for sentence in chosen]


def centroid_only(item: Story_, budget: int) -> list[str]:
    knobs = ("SUPPORT_WEIGHT", "SOFT_SUPPORT_WEIGHT", "POSITION_WEIGHT")
    saved = {knob: getattr(summary, knob) for knob in knobs}
    for knob in knobs:
        setattr(summary, knob, 0.0)
    try:
        return ours(item, budget)
    finally:
        for knob, value in saved.items():
            setattr(summary, knob, value)


def lead_k(item: Story_, budget: int) -> list[str]:
    per_article = [texts(item, article) for article in item.articles]
    chosen: list[str] = []
    length, depth = 0, 0
    while length < budget and any(depth < len(found) for found in per_article):
        for found in per_article:
            if depth < len(found) and length < budget:
                chosen.append(found[depth])
                length += len(found[depth].split())
        depth += 1
    return chosen


class PlainTokenizer:
    """sumy tokenizer without NLTK data: our sentence split, regex words."""

    language = "english"
    _word = re.compile(r"\w+(?:['’]\w+)?")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._word.findall(sentence))


def sumy_peer(kind: type[LexRankSummarizer] | type[TextRankSummarizer]) -> Summariser:
    def run(item: Story_, budget: int) -> list[str]:
        tokenizer = PlainTokenizer()
        paragraphs = [
            Paragraph([SumySentence(text, tokenizer) for text in texts(item, article)])
            for article in item.articles
        ]
        summariser = kind(Stemmer("english"))
        summariser.stop_words = get_stop_words("english")
        chosen = summariser(ObjectDocumentModel(paragraphs), _until(budget))
        return [str(sentence) for sentence in chosen]

    return run


def _until(budget: int) -> Callable[[Sequence[object]], list[object]]:
    def take(ranked: Sequence[object]) -> list[object]:
        chosen, length = [], 0
        for info in ranked:
            if length >= budget:
                break
            chosen.append(info)
            length += len(str(info.sentence).split())  # type: ignore[attr-defined]
        return chosen

    return take


SYSTEMS: dict[str, Summariser] = {
    "storyline": ours,
    "centroid": centroid_only,
    "lead-k": lead_k,
    "lexrank": sumy_peer(LexRankSummarizer),
    "textrank": sumy_peer(TextRankSummarizer),
}


def truncate(chosen: Sequence[str], budget: int) -> str:
    return " ".join(" ".join(chosen).split()[:budget])


def evaluate(
    name: str, items: Sequence[tuple[Story_, Record]], systems: Sequence[str]
) -> Iterator[tuple[str, float, float, float, float]]:
    _, budget, measure = SETS[name]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    for system in systems:
        started = time.perf_counter()
        totals = [0.0, 0.0, 0.0]
        for item, record in items:
            candidate = truncate(SYSTEMS[system](item, budget), budget)
            for index, key in enumerate(("rouge1", "rouge2", "rougeL")):
                values = [
                    getattr(scorer.score(reference, candidate)[key], measure)
                    for reference in record.references
                ]
                totals[index] += sum(values) / len(values)
        count = max(len(items), 1)
        seconds = time.perf_counter() - started
        yield system, *(100 * total / count for total in totals), seconds


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--records", type=int, help="records per set (default: per set)")
    parser.add_argument("--systems", nargs="+", choices=list(SYSTEMS), default=list(SYSTEMS))
    parser.add_argument("--with-analysis", action="store_true", help="run storyline.analyze")
    args = parser.parse_args(argv)
    print(f"{'set':<13} {'system':<10} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'n':>4} {'sec':>6}")
    for name in args.sets:
        records = load(name, args.records or DEFAULT_RECORDS[name])
        items = []
        for record in records:
            analyses = analyse(record.articles) if args.with_analysis else {}
            items.append((as_story(record, analyses), record))
        measure = "R" if SETS[name][2] == "recall" else "F1"
        for system, r1, r2, rl, seconds in evaluate(name, items, args.systems):
            label = f"{name} {measure}"
            print(
                f"{label:<13} {system:<10} {r1:6.2f} {r2:6.2f} {rl:6.2f} "
                f"{len(items):>4} {seconds:6.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
