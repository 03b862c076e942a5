"""Date selection for timeline summarisation: Date-F1 of condensed timelines on news-tls Entities.

Run by hand::

    .venv/bin/python bench/timeline.py                          # no analysis (fast)
    .venv/bin/python bench/timeline.py --with-analysis --records 3

Each record of ``tls/entities_dev.jsonl.gz`` is hundreds of dated articles about one entity
and a gold timeline of N dates.  ``--limit-articles`` K articles are sampled evenly along
publication order (deterministic; undated articles are left out).  Systems, on the same
sampled articles, each choose N days:

- ``storyline``: ``organise`` (and, with ``--with-analysis``, ``analyze`` and entity linking
  first), every thread's day events, then ``condense`` to N: the days cited by the most
  articles across threads. Without analysis the timelines hold only story start days, so
  this measures clustering plus publication days (and is weak: a record about one entity
  gathers into a few big stories, so there are fewer candidate days than N, each cited by
  one lead article).
- ``pub-days``: the N days on which most sampled articles were published.
- ``regex-dates``: the N full dates ("March 5, 2013", "5 March 2013", "2013-03-05") that most
  sampled articles mention, found by a regular expression: no pipeline at all.

Scoring is news-tls's Date-F1: exact day match between the predicted and the gold date set,
averaged over a record's gold timelines.  ``F1`` lets systems pick any day; ``F1win`` gives
them, as news-tls's experiments do, only days within the gold timeline's first..last day.
Published for orientation (news-tls, DATEWISE, Entities, full article sets): Date-F1 0.205.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cluster import eval_article
from storyline.models import Article, ArticleAnalysis, Granularity, TimelineEvent
from storyline.organise import organise
from storyline.organise.condense import condense

TLS_FILE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "tls" / "entities_dev.jsonl.gz"
PUBLISHED_DATE_F1 = 0.205  # news-tls DATEWISE, Entities (see ../shared/eval/README.md)
# Articles analysed per call: a crash inside the analyser reruns only its chunk one by one.
ANALYSIS_CHUNK = 25
DEFAULT_ARTICLES = 200  # keeps the default run (no analysis, 14 records) near a minute

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# Eval texts are tokenised ("March 5 , 2013"): spaces around the comma are optional.
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('month', 'month2')}\s*,?\s*"
    r"(?P<year2>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))\b",
    re.IGNORECASE,
)

Span = tuple[dt.date, dt.date] | None  # days a system may choose from; None: any day
Context = tuple[Mapping[str, ArticleAnalysis] | None, Mapping[tuple[str, str], str] | None]
System = Callable[[Sequence[Article], int, Span, Context], set[dt.date]]


@dataclass(frozen=True)
class Record:
    name: str
    articles: tuple[Article, ...]
    gold: tuple[frozenset[dt.date], ...]  # one date set per gold timeline


def load_records(path: Path, limit: int, per_record: int) -> list[Record]:
    records: list[Record] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if limit and len(records) >= limit:
                break
            raw = json.loads(line)
            docs = _sample_by_date(raw["documents"], per_record)
            articles = tuple(eval_article(doc, "tls") for doc in docs)
            gold = tuple(
                frozenset(dt.date.fromisoformat(item["date"][:10]) for item in timeline)
                for timeline in raw["timelines"]
            )
            records.append(Record(str(raw["topic"]), articles, gold))
    return records


def _sample_by_date(docs: Sequence[dict[str, object]], size: int) -> list[dict[str, object]]:
    """``size`` dated documents evenly spaced along publication order (all if fewer)."""
    dated = sorted((d for d in docs if d.get("date")), key=lambda d: (str(d["date"]), str(d["id"])))
    if size <= 0 or len(dated) <= size:
        return dated
    return [dated[index * len(dated) // size] for index in range(size)]


def date_f1(predicted: set[dt.date], gold: frozenset[dt.date]) -> float:
    hits = len(predicted & gold)
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def _within(day: dt.date, span: Span) -> bool:
    return span is None or span[0] <= day <= span[1]


def _top_days(counts: Counter[dt.date], size: int, span: Span) -> set[dt.date]:
    """The ``size`` most counted days in ``span``, earlier days first on ties."""
    ranked = sorted((day for day in counts if _within(day, span)), key=lambda d: (-counts[d], d))
    return set(ranked[:size])


def run_storyline(articles: Sequence[Article], size: int, span: Span, ctx: Context) -> set[dt.date]:
    result = organise(articles, ctx[0], ctx[1])
    events = [event for _, timeline in result.timelines for event in timeline]
    days = [event for event in events if _day_in(event, span)]
    # condense ranks dates by every article citing them, across the threads given.
    return {event.when.earliest for event in condense(days, size) if event.when is not None}


def _day_in(event: TimelineEvent, span: Span) -> bool:
    when = event.when
    return when is not None and when.granularity is Granularity.DAY and _within(when.earliest, span)


def run_publication_days(
    articles: Sequence[Article], size: int, span: Span, _ctx: Context
) -> set[dt.date]:
    days = Counter(a.published.earliest for a in articles if a.published.earliest is not None)
    return _top_days(days, size, span)


def run_regex_dates(
    articles: Sequence[Article], size: int, span: Span, _ctx: Context
) -> set[dt.date]:
    mentioned: Counter[dt.date] = Counter()
    for article in articles:
        mentioned.update(set(full_dates(article.text)))  # an article counts once per date
    return _top_days(mentioned, size, span)


def full_dates(text: str) -> Iterable[dt.date]:
    for match in _FULL_DATE.finditer(text):
        try:
            if match["iso"]:
                yield dt.date.fromisoformat(match["iso"])
                continue
            month = _MONTHS[(match["month"] or match["month2"]).lower()]
            day = int(match["day"] or match["day2"])
            yield dt.date(int(match["year"] or match["year2"]), month, day)
        except ValueError:  # "February 30, 2013": not a date
            continue


def analyse(articles: Sequence[Article]) -> Context:
    from storyline.analyze import analyze
    from storyline.analyze.entity_linking import link_entities

    found: list[ArticleAnalysis] = []
    for start in range(0, len(articles), ANALYSIS_CHUNK):
        chunk = articles[start : start + ANALYSIS_CHUNK]
        try:
            found.extend(list(analyze(chunk)))  # all or none of the chunk
        except ValueError:  # an analyser bug on one article must not sink the record
            for article in chunk:
                try:
                    found.extend(analyze([article]))
                except ValueError as error:
                    print(f"  analysis failed on {article.id}: {error}; left unanalysed")
    _, entity_map = link_entities(found)
    return {item.article_id: item for item in found}, entity_map


SYSTEMS: dict[str, System] = {
    "storyline": run_storyline,
    "pub-days": run_publication_days,
    "regex-dates": run_regex_dates,
}


def score_record(record: Record, ctx: Context) -> dict[str, tuple[float, float, float]]:
    """Per system: (F1, F1 within the gold span, seconds), averaged over gold timelines."""
    scores: dict[str, tuple[float, float, float]] = {}
    for name, system in SYSTEMS.items():
        started = time.perf_counter()
        free, windowed = [], []
        for gold in record.gold:
            span = (min(gold), max(gold))
            free.append(date_f1(system(record.articles, len(gold), None, ctx), gold))
            windowed.append(date_f1(system(record.articles, len(gold), span, ctx), gold))
        seconds = time.perf_counter() - started
        scores[name] = (sum(free) / len(free), sum(windowed) / len(windowed), seconds)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit-articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--records", type=int, default=0, help="first M records (0: all)")
    parser.add_argument("--with-analysis", action="store_true")
    parser.add_argument("--file", type=Path, default=TLS_FILE)
    args = parser.parse_args()
    records = load_records(args.file, args.records, args.limit_articles)
    header = f"{'record':<24} {'arts':>4} {'N':>3} " + " ".join(
        f"{name + ' F1/F1win':>24}" for name in SYSTEMS
    )
    print(f"Date-F1, {args.limit_articles} articles per record, analysis={args.with_analysis}")
    print(header)
    print("-" * len(header))
    totals: dict[str, list[tuple[float, float, float]]] = {name: [] for name in SYSTEMS}
    for record in records:
        ctx: Context = analyse(record.articles) if args.with_analysis else (None, None)
        scores = score_record(record, ctx)
        cells = " ".join(f"{f:>14.3f} / {w:.3f}" for f, w, _ in scores.values())
        size = len(record.gold[0])
        print(f"{record.name[:24]:<24} {len(record.articles):>4} {size:>3} {cells}")
        for name, value in scores.items():
            totals[name].append(value)
    means = " ".join(
        f"{sum(v[0] for v in values) / len(values):>14.3f} / "
        f"{sum(v[1] for v in values) / len(values):.3f}"
        for values in totals.values()
    )
    print("-" * len(header))
    print(f"{'mean':<24} {'':>4} {'':>3} {means}")
    seconds = ", ".join(
        f"{name} {sum(v[2] for v in values):.1f}s" for name, values in totals.items()
    )
    print(f"time: {seconds}")
    print(f"published (news-tls DATEWISE, Entities, all articles): Date-F1 {PUBLISHED_DATE_F1}")


if __name__ == "__main__":
    main()
