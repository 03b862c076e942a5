"""Clean benchmark: trafilatura alone vs trafilatura + our clean, on the same pages.

    python bench/clean.py                 # 3 x 635 pages and 635 raw documents: < 1 minute
    python bench/clean.py --limit 50 --rounds 1      # a few seconds

Pages are built from the Multi-News validation sample (``../shared/eval``, read at run time,
never copied): each document's paragraphs are wrapped in an invented page template with a
cookie banner, navigation, a byline, inline promo lines (read-more links, newsletter and
app pitches, support appeals, video items with durations, photo captions with credits), a
"Most read" aside and a footer with a copyright line.  The reference is the document's own
text without the template's noise (the noise Multi-News documents carry themselves stays in
the reference, so removing it counts against us: F1 is a lower bound for clean).

Measured, item by item on the same machine load:

* time: trafilatura's extraction (``bare_extraction``, the ingest stage's settings) and our
  clean on the draft the ingest stage makes from the same page; ratio = (extract + clean) /
  extract.  The goal for ingest + clean + store is <= 1.25; clean alone is measured here.
* main-text token F1 against the reference: trafilatura's text output vs our clean text.
* on the raw Multi-News documents (their own noise): share of tokens clean keeps, and what
  it removed, by rule.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.clean import clean
from storyline.models import Article, Draft, Origin, SourceMetadata

SAMPLE = Path(__file__).resolve().parents[2] / "shared/eval/mds/multinews_val_sample.jsonl.gz"
MIN_DOCUMENT_WORDS = 80  # shorter documents are teasers: too little text to wrap in a page
DEFAULT_LIMIT = 0  # documents per round (0: all 635 with enough text)
DEFAULT_ROUNDS = 3  # templates per document: ~1,900 pages, under a minute on a busy machine
WARMUP_PAGES = 5  # lazy imports and caches, untimed
SEED = 20240304
_TOKEN_RE = re.compile(r"\w+")

# ------------------------------------------------------------------------- invented noise

OUTLETS = ["Rivermouth Gazette", "Valley Courier", "Harbour Times", "Northfield Post"]
SECTIONS = ["Home", "News", "World", "Politics", "Business", "Sport", "Culture", "Opinion"]
PLACES = ["Rivermouth", "Northfield", "Brackwell", "Tamsen", "Oldport", "Kestrel Bay"]
SUBJECTS = ["council", "mayor", "union", "court", "police", "school board", "hospital trust"]
VERBS = ["approves", "rejects", "delays", "backs", "warns over", "launches", "reviews"]
OBJECTS = ["new budget", "bridge repairs", "bus fares", "housing plan", "flood defences"]
NAMES = ["Jana Morell", "Tomas Vey", "Ola Nes", "Petra Lund", "Karl Eide", "Mira Solvang"]


def headline(rng: random.Random) -> str:
    return f"{rng.choice(PLACES)} {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"


def inline_noise(rng: random.Random, outlet: str) -> tuple[str, str]:
    """One promo/caption element placed between the document's paragraphs, and its text."""
    place, name, story = rng.choice(PLACES), rng.choice(NAMES), headline(rng)
    choices = [
        ("<p>Read more: <a href='/a'>{}</a></p>", f"Read more: {story}"),
        ("<p>{}</p>", f"RELATED: {story}"),
        ("<p class='ad-label'>{}</p>", "Advertisement"),
        ("<p>{}</p>", f"{story} 0{rng.randint(1, 9)}:{rng.randint(10, 59)}"),
        ("<p>{}</p>", f"Sign up for the {outlet} morning newsletter"),
        ("<p>{}</p>", "Enjoying our coverage? Support local journalism: subscribe today."),
        ("<p>{}</p>", f"Download the {outlet} app for breaking news alerts"),
        (
            "<figure><img src='/p.jpg' alt=''><figcaption>{}</figcaption></figure>",
            f"Residents gather in {place} on Monday. (AP Photo/{name})",
        ),
        ("<p>{}</p>", "Share this article: Facebook Twitter Email"),
    ]
    template, text = rng.choice(choices)
    if template.startswith("<p>Read more"):
        return template.format(story), text
    return template.format(text), text


@dataclass(frozen=True)
class Page:
    markup: str
    reference: str  # the document's own text
    noise: tuple[str, ...]  # visible text of every line the template added


def page(title: str, paragraphs: list[str], rng: random.Random) -> Page:
    """An invented news page around the document's paragraphs."""
    outlet = rng.choice(OUTLETS)
    body = [f"<p>{html.escape(text)}</p>" for text in paragraphs]
    noise = [f"More from {outlet}", f"Copyright {outlet} 2024. All rights reserved."]
    for _ in range(rng.randint(2, 5)):
        fragment, text = inline_noise(rng, outlet)
        body.insert(rng.randint(1, len(body)), fragment)
        noise.append(text)
    nav = "".join(f"<li><a href='/{s.lower()}'>{s}</a></li>" for s in SECTIONS)
    most_read = "".join(f"<li><a href='/r{i}'>{headline(rng)}</a></li>" for i in range(5))
    markup = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {outlet}</title>
<meta property="og:site_name" content="{outlet}"></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p>
<button>Accept all cookies</button><button>Manage preferences</button></div>
<header><a href="/">{outlet}</a><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{html.escape(title)}</h1>
<p class="byline">By {rng.choice(NAMES)}, {outlet}</p>
{"".join(body)}
<p class="tags">Tags: {rng.choice(PLACES)}, {rng.choice(SUBJECTS)}</p></article>
<aside><h3>Most read</h3><ol>{most_read}</ol></aside></main>
<footer><p>{noise[0]}</p><p>Follow us on Twitter and Facebook</p>
<p>{noise[1]}</p></footer></body></html>"""
    return Page(markup, "\n".join(paragraphs), tuple(noise))


def noise_left(text: str, noise: tuple[str, ...]) -> int:
    return sum(1 for line in noise if line in text)


# ------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Document:
    title: str
    paragraphs: list[str]


def documents(limit: int) -> Iterator[Document]:
    """Multi-News documents, paragraphs split on blank lines (else on line breaks)."""
    count = 0
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as handle:
        for line in handle:
            for record in json.loads(line)["documents"]:
                paragraphs = split_paragraphs(record["text"])
                if sum(len(p.split()) for p in paragraphs) < MIN_DOCUMENT_WORDS:
                    continue
                yield Document(record.get("title") or "", paragraphs)
                count += 1
                if limit and count >= limit:
                    return


def split_paragraphs(text: str) -> list[str]:
    parts = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    return [" ".join(part.split()) for part in parts if part.strip()]


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN_RE.findall(text.casefold()))


def token_f1(candidate: str, reference: str) -> float:
    found, wanted = tokens(candidate), tokens(reference)
    overlap = sum((found & wanted).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(found.values()), overlap / sum(wanted.values())
    return 2 * precision * recall / (precision + recall)


# ------------------------------------------------------------------------- runs


def trafilatura_alone(markup: str) -> tuple[str, float]:
    """trafilatura's main text (ingest settings, plain-text output) and the seconds it took."""
    import trafilatura

    start = time.perf_counter()
    text = trafilatura.extract(
        markup, fast=True, output_format="txt", include_comments=False, include_tables=True,
        deduplicate=False, with_metadata=False,
    )  # fmt: skip
    return text or "", time.perf_counter() - start


def ours(markup: str) -> tuple[Article | None, float, float]:
    """clean() on the ingest stage's draft of the page; seconds of extraction and of clean."""
    from storyline.ingest.html import extract_page

    start = time.perf_counter()
    parts = extract_page(markup, None)
    extracted = time.perf_counter() - start
    if parts is None:
        return None, extracted, 0.0
    metadata = SourceMetadata(outlet=parts.outlet)
    draft = Draft(
        parts.title or "", parts.paragraphs, metadata, Origin("bench://page"), "raw", False,
        parts.heading_indices,
    )  # fmt: skip
    start = time.perf_counter()
    article = clean(draft)
    return article, extracted, time.perf_counter() - start


def run_pages(limit: int, rounds: int) -> dict[str, Any]:
    """Each round wraps the documents in freshly drawn templates (more pages, steadier times)."""
    pages = []
    for round_number in range(rounds):
        rng = random.Random(SEED + round_number)
        pages.extend(page(headline(rng), d.paragraphs, rng) for d in documents(limit))
    for item in pages[:WARMUP_PAGES]:
        trafilatura_alone(item.markup)
        ours(item.markup)
    seconds = {"trafilatura": 0.0, "ingest extract": 0.0, "clean": 0.0}
    f1: dict[str, list[float]] = {"trafilatura": [], "trafilatura + clean": []}
    left = {"trafilatura": 0, "trafilatura + clean": 0, "added": 0}
    for item in pages:
        text, took = trafilatura_alone(item.markup)
        seconds["trafilatura"] += took
        article, extracted, took = ours(item.markup)
        seconds["ingest extract"] += extracted
        seconds["clean"] += took
        cleaned = article.text if article else ""
        f1["trafilatura"].append(token_f1(text, item.reference))
        f1["trafilatura + clean"].append(token_f1(cleaned, item.reference))
        left["trafilatura"] += noise_left(text, item.noise)
        left["trafilatura + clean"] += noise_left(cleaned, item.noise)
        left["added"] += len(item.noise)
    return {"pages": len(pages), "seconds": seconds, "f1": f1, "left": left}


def run_raw(limit: int) -> dict[str, Any]:
    """clean() on raw Multi-News documents: tokens kept, removals by rule, seconds."""
    kept: list[float] = []
    rules: Counter[str] = Counter()
    seconds, changed, count = 0.0, 0, 0
    for document in documents(limit):
        draft = Draft("", tuple(document.paragraphs), SourceMetadata(), Origin("raw"), "raw")
        start = time.perf_counter()
        article = clean(draft)
        seconds += time.perf_counter() - start
        before = sum(tokens("\n".join(document.paragraphs)).values())
        kept.append(sum(tokens(article.text).values()) / before)
        rules.update(removal.rule for removal in article.removals)
        changed += bool(article.removals)
        count += 1
    return {"documents": count, "kept": kept, "rules": rules, "changed": changed, "s": seconds}


# ------------------------------------------------------------------------- report


def report(pages: dict[str, Any], raw: dict[str, Any]) -> None:
    seconds, count = pages["seconds"], pages["pages"]
    print(f"\nPages built from Multi-News documents: {count}")
    print(f"{'run':<34}{'seconds':>9}{'ms/page':>9}{'F1 mean':>9}{'F1 min':>8}")
    f1 = pages["f1"]
    rows = [
        ("trafilatura (txt, fast)", seconds["trafilatura"], f1["trafilatura"]),
        ("  + clean", seconds["trafilatura"] + seconds["clean"], f1["trafilatura + clean"]),
        ("ingest extraction (trafilatura+meta)", seconds["ingest extract"], None),
        ("  + clean", seconds["ingest extract"] + seconds["clean"], None),
    ]
    for name, spent, scores in rows:
        quality = f"{statistics.mean(scores):>9.3f}{min(scores):>8.3f}" if scores else ""
        print(f"{name:<34}{spent:>9.2f}{1000 * spent / count:>9.2f}{quality}")
    for baseline in ("trafilatura", "ingest extract"):
        ratio = (seconds[baseline] + seconds["clean"]) / seconds[baseline]
        print(f"time ratio ({baseline} + clean) / {baseline} = {ratio:.3f}")
    print("goal for ingest + clean + store: <= 1.25; clean alone is measured here")
    left = pages["left"]
    print(f"template noise lines left: trafilatura {left['trafilatura']}, + clean "
          f"{left['trafilatura + clean']}, of {left['added']} added")  # fmt: skip
    kept = raw["kept"]
    print(f"\nRaw Multi-News documents (their own noise): {raw['documents']}")
    print(f"tokens kept: mean {statistics.mean(kept):.3f}, min {min(kept):.3f}, "
          f"median {statistics.median(kept):.3f}; documents changed: {raw['changed']}; "
          f"clean {1000 * raw['s'] / raw['documents']:.2f} ms/document")  # fmt: skip
    print("removals by rule: " + ", ".join(f"{r} {n}" for r, n in raw["rules"].most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="documents (0: all)")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help="templates each")
    parser.add_argument("--raw-limit", type=int, default=0, help="raw documents (0: all)")
    arguments = parser.parse_args()
    report(run_pages(arguments.limit, arguments.rounds), run_raw(arguments.raw_limit))


if __name__ == "__main__":
    main()
