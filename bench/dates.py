"""Value accuracy of find_dates on tests/data/dates.jsonl, beside dateparser alone.

Run by hand: ``.venv/bin/python bench/dates.py``.  For each labelled expression the mention
of ``find_dates`` that overlaps it most is compared with the gold TIMEX-like label
(``TimeValue.label()``, or "none" for durations and vague expressions).  The peer is
dateparser on the same gold span with RELATIVE_BASE set to the reference day.  Expressions
from the real samples are located by character offsets into the sample files, so no sample
text is copied into the project.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "tests" / "data" / "dates.jsonl"
SAMPLES = PROJECT.parent / "shared" / "samples" / "syria-talks"


@dataclass(frozen=True)
class Outcome:
    kind: str  # expression type; "*" marks the blind set, written before any rule was tuned
    gold: str
    predicted: str
    baseline: str
    qualifier_ok: bool
    where: str


def sample_article(text: str, published: dt.date) -> Any:
    """An Article over a raw sample file, text unchanged, so offsets stay those of the file."""
    from storyline.models import (
        Article,
        Block,
        BlockKind,
        DateSource,
        Origin,
        PublicationDate,
    )

    blocks = tuple(
        Block(BlockKind.PARAGRAPH, m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
    )
    stamp = dt.datetime.combine(published, dt.time())
    date = PublicationDate(DateSource.METADATA, stamp, published, published, "test")
    return Article("sample", "", text, blocks, Origin("sample"), "sample", published=date)


def invented_article(text: str, published: dt.date) -> Any:
    return sample_article(text, published)


def baseline_label(span: str, reference: dt.date) -> str:
    """dateparser alone on the span, as a TIMEX-like label at the period it reports."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(reference, dt.time(12)),
        "PREFER_DATES_FROM": "past",
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(span)
    if data.date_obj is None:
        return "none"
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return str(day.year)
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def evaluate(samples_dir: Path = SAMPLES, with_baseline: bool = True) -> list[Outcome]:
    """Score every labelled expression; the dateparser peer only when ``with_baseline``."""
    from storyline.analyze.dates import find_dates
    from storyline.analyze.nlp import load_pipeline
    from storyline.analyze.sentences import split_sentences

    nlp = load_pipeline("en")
    docs: dict[str, Any] = {}
    outcomes = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        reference = dt.date.fromisoformat(row["reference"])
        if "sample" in row:
            path = samples_dir / row["sample"]
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            start, end = row["start"], row["end"]
            where = f"{row['sample']}:{start}"
        else:
            text = row["text"]
            start = text.index(row["expression"])
            end = start + len(row["expression"])
            where = text
        article = invented_article(text, reference)
        doc = docs.get(text) or docs.setdefault(text, nlp(text))
        mentions = find_dates(doc, article, split_sentences(doc, article), article.published)
        baseline = baseline_label(text[start:end], reference) if with_baseline else "-"
        outcomes.append(_score(row, mentions, start, end, baseline, where))
    return outcomes


def _score(
    row: dict[str, Any],
    mentions: tuple[Any, ...],
    start: int,
    end: int,
    baseline: str,
    where: str,
) -> Outcome:
    def overlap(mention: Any) -> float:
        inter = min(end, mention.end) - max(start, mention.start)
        union = max(end, mention.end) - min(start, mention.start)
        return inter / union if inter > 0 else 0.0

    best = max(mentions, key=overlap, default=None)
    if best is None or overlap(best) == 0:
        predicted, qualifier = "missed", None
    elif best.value is None:
        predicted, qualifier = "none", None
    else:
        predicted, qualifier = best.value.label(), best.value.qualifier.value
    qualifier_ok = qualifier == row["qualifier"] or (qualifier is None and row["gold"] == "none")
    kind = row["type"] + ("*" if row.get("set") == "blind" else "")
    return Outcome(kind, row["gold"], predicted, baseline, qualifier_ok, where)


def accuracy(outcomes: list[Outcome], attribute: str = "predicted") -> float:
    if not outcomes:
        return 0.0
    return sum(getattr(o, attribute) == o.gold for o in outcomes) / len(outcomes)


def main() -> None:
    outcomes = evaluate()
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.kind].append(outcome)
    print(f"{'type':<10} {'n':>4} {'storyline':>10} {'dateparser':>11}")
    for kind, group in sorted(by_kind.items()):
        ours, peer = accuracy(group), accuracy(group, "baseline")
        print(f"{kind:<10} {len(group):>4} {ours:>10.3f} {peer:>11.3f}")
    blind = [o for o in outcomes if o.kind.endswith("*")]
    samples = [o for o in outcomes if ".txt:" in o.where]
    for name, group in (("samples", samples), ("blind set", blind), ("overall", outcomes)):
        print(f"{name:<10} {len(group):>4} {accuracy(group):>10.3f} "
              f"{accuracy(group, 'baseline'):>11.3f}")  # fmt: skip
    qualifiers = sum(o.qualifier_ok for o in outcomes) / max(1, len(outcomes))
    print(f"qualifier accuracy: {qualifiers:.3f}")
    if "-v" in sys.argv:
        for o in outcomes:
            if o.predicted != o.gold:
                print(f"  {o.kind:<9} gold={o.gold:<24} got={o.predicted:<24} {o.where[:70]}")


# Eval sets whose documents carry their true publication date, and how many documents to
# take from each (every k-th, so the pick is the same on every run).
PUBLICATION_SETS = {
    "mds/duc2003.jsonl.gz": 150,
    "clusters/newscluster_g5w1h.jsonl.gz": 150,
    "tls/entities_dev.jsonl.gz": 150,
}
EVAL = PROJECT.parent / "shared" / "eval"


def dated_documents(name: str, count: int) -> list[tuple[str, dt.date]]:
    import gzip

    with gzip.open(EVAL / name, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    documents = [
        (d["text"], dt.date.fromisoformat(d["date"][:10]))
        for r in records
        for d in r["documents"]
        if d.get("date") and d.get("text")
    ]
    step = max(1, len(documents) // count)
    return documents[::step][:count]


def publication_report() -> None:
    """infer_publication on real dated articles with their metadata date hidden: how many get
    a range (known), how many ranges hold the true day (holds), how many are closed, the
    median width of closed ranges and the median days from the lower bound to the truth."""
    import statistics

    from storyline.analyze.nlp import load_pipeline
    from storyline.analyze.published import infer_publication
    from storyline.analyze.sentences import split_sentences
    from storyline.models import PublicationDate

    nlp = load_pipeline("en")
    print(f"{'set':<36} {'n':>4} {'known':>6} {'holds':>6} {'closed':>7} {'width':>6} {'lag':>6}")
    for name, count in PUBLICATION_SETS.items():
        if not (EVAL / name).is_file():
            continue
        known = holds = closed = 0
        widths: list[int] = []
        lags: list[int] = []  # days from the range's lower bound to the true day
        documents = dated_documents(name, count)
        for text, truth in documents:
            article = sample_article(text, truth)
            article = type(article)(**{**article.__dict__, "published": PublicationDate()})
            doc = nlp(text[: nlp.max_length])
            result = infer_publication(doc, article, split_sentences(doc, article))
            if not result.known:
                continue
            known += 1
            low, high = result.earliest or dt.date.min, result.latest or dt.date.max
            holds += low <= truth <= high
            if not low <= truth <= high and "-v" in sys.argv:
                print(f"  miss {truth} {result.earliest}..{result.latest}")
                for note in result.evidence:
                    print(f"      {note[-150:]}")
            if result.earliest:
                lags.append((truth - result.earliest).days)
            if result.earliest and result.latest:
                closed += 1
                widths.append((result.latest - result.earliest).days + 1)
        width = statistics.median(widths) if widths else 0
        lag = statistics.median(lags) if lags else 0
        print(
            f"{name:<36} {len(documents):>4} {known:>6} {holds:>6} {closed:>7} "
            f"{width:>6.0f} {lag:>6.0f}"
        )


if __name__ == "__main__":
    if "--published" in sys.argv:
        publication_report()
    else:
        main()
