"""Synthetic news corpora for benchmarks: invented but realistic articles in every format.

Every article is made from a seeded ``random.Random``, so article ``n`` of a corpus is the
same on every run and machine.  Pages carry the noise real sites have (navigation, share
buttons, newsletter promos, related links, photo captions, cookie banners) so extraction
and cleaning do real work.  Nothing here is copied from a real article.

    python bench/synthetic.py /tmp/corpus --size 1000 --formats html,text,jsonl,warc
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import io
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.models import (
    Article,
    Block,
    BlockKind,
    DateSource,
    Origin,
    PublicationDate,
    Removal,
)

FILES_PER_DIRECTORY = 1000  # keeps directories listable at 100k articles
FORMATS = ("html", "text", "jsonl", "warc")

OUTLETS = (
    ("Harbour Tribune", "harbourtribune.example"),
    ("Continental Wire", "continentalwire.example"),
    ("Meridian Post", "meridianpost.example"),
    ("Eastgate Herald", "eastgateherald.example"),
    ("Pacific Ledger", "pacificledger.example"),
    ("Northern Courier", "northerncourier.example"),
)
PEOPLE = (
    ("Foreign Minister", "Adaeze Okonkwo"),
    ("Prime Minister", "Lars Vinter"),
    ("Trade Secretary", "Mariela Quispe"),
    ("Governor", "Tomasz Wierzbicki"),
    ("UN envoy", "Haruto Ishikawa"),
    ("opposition leader", "Samira Haddad"),
    ("Finance Minister", "Kwabena Mensah"),
    ("Mayor", "Ingrid Solberg"),
)
PLACES = ("Geneva", "Nairobi", "Lisbon", "Jakarta", "Montevideo", "Tbilisi", "Accra", "Hanoi")
TOPICS = (
    ("trade talks", "tariff", "a framework agreement on grain exports"),
    ("flood relief", "relief fund", "emergency shelters for displaced families"),
    ("port strike", "wage offer", "a return-to-work deal for dock workers"),
    ("election recount", "recount", "a review of disputed ballots in three districts"),
    ("ceasefire talks", "truce", "a monitoring mission along the border"),
    ("wildfire response", "evacuation order", "additional water-bombing aircraft"),
)
VERBS = ("said", "told reporters", "added", "said in a statement", "warned")
TITLES = (
    "{name} backs {thing} as {topic} drag on",
    "{topic} stall in {place} over {thing}",
    "{name} rejects {thing}, raising doubts over {topic}",
    "What the {thing} means for {place}",
    "{place} braces for a long fight over {thing}",
)
LEAD = (
    "{PLACE} ({outlet}) — {role} {name} on {weekday} {stance} the latest {thing}, "
    "as {topic} entered a {week} week."
)
PARAGRAPHS = (
    "“We will not accept a {thing} that leaves {count} families without support,” "
    "{surname} {verb}.",
    "{other_role} {other} said talks on {outcome} could resume {later}, although "
    "officials cautioned that no date had been set.",
    "More than {count} people have been affected since the dispute began in {month}, "
    "according to figures released by the ministry on {day}.",
    "Analysts said the {thing} was unlikely to settle the matter. “This buys time, nothing "
    "more,” one diplomat said, speaking on condition of anonymity.",
    "The proposal was first floated in {month}, when delegations met in {place2} for what "
    "was billed as a technical round.",
    "{surname}, who took office in {month}, has made {topic} a test of the government's "
    "credibility, aides say.",
    "Critics in {place2} argued that {count2} per cent of the funds had yet to be spent "
    "and called for an independent audit.",
    "“Nobody in this room wants another {week} week of this,” {other} {verb}, adding "
    "that {outcome} remained the goal.",
    "Markets reacted cautiously on {day}, with the local currency slipping {count2} "
    "points before recovering in afternoon trading.",
    "A spokesperson for {other} did not respond to a request for comment.",
    "Protesters gathered outside the ministry in {place} on {day}, some carrying signs "
    "calling for {outcome}.",
    "The talks are expected to continue {later} in {place2}, officials said.",
    "{name} is due to brief lawmakers on the {thing} {later}.",
)
PROMOS = (
    "Sign up for our morning newsletter to get the day's top stories.",
    "Read more: Full coverage of the region",
    "Follow us on social media for live updates.",
    "Advertisement",
    "Subscribe now for unlimited access.",
)


@dataclass(frozen=True)
class SyntheticArticle:
    """One invented article: what every format writer renders."""

    number: int
    title: str
    paragraphs: tuple[str, ...]
    outlet: str
    domain: str
    author: str
    published: dt.datetime
    place: str

    @property
    def url(self) -> str:
        slug = "-".join(self.title.lower().split()[:8]).strip(",.:")
        return f"https://www.{self.domain}/news/{self.published:%Y/%m/%d}/{slug}-{self.number}"


def make_article(number: int, seed: int = 7) -> SyntheticArticle:
    """Article ``number`` of the corpus seeded ``seed``; 6 to 14 paragraphs of news prose."""
    rng = random.Random(seed * 1_000_003 + number)
    outlet, domain = rng.choice(OUTLETS)
    role, name = rng.choice(PEOPLE)
    other_role, other = rng.choice([p for p in PEOPLE if p[1] != name])
    topic, thing, outcome = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    published = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(
        minutes=rng.randrange(0, 365 * 24 * 60)
    )
    title = rng.choice(TITLES).format(name=name, thing=thing, topic=topic, place=place)
    slots = {
        "name": name, "surname": name.split()[-1], "role": role, "other": other,
        "other_role": other_role[0].upper() + other_role[1:], "thing": thing,
        "outcome": outcome, "topic": topic, "place": place, "outlet": outlet,
        "place2": rng.choice([p for p in PLACES if p != place]),
    }  # fmt: skip
    templates = rng.sample(PARAGRAPHS, rng.randint(5, 11))
    body = [_fill(LEAD, slots, rng, published)]
    body += [_fill(template, slots, rng, published) for template in templates]
    return SyntheticArticle(
        number=number,
        title=title[0].upper() + title[1:],
        paragraphs=tuple(body),
        outlet=outlet,
        domain=domain,
        author=rng.choice(("Ana Ribeiro", "Chidi Eze", "Mei Lin", "Olav Berg", "Staff")),
        published=published,
        place=place,
    )


def _fill(template: str, slots: dict[str, str], rng: random.Random, when: dt.datetime) -> str:
    """``template`` with the article's slots and fresh numbers, days and verbs."""
    return template.format(
        **slots,
        PLACE=slots["place"].upper(),
        weekday=f"{when:%A}",
        count=rng.randint(3, 4800),
        count2=rng.randint(2, 90),
        verb=rng.choice(VERBS),
        stance=rng.choice(("backed", "criticised", "defended", "questioned")),
        week=rng.choice(("second", "third", "fourth", "sixth")),
        day=rng.choice(("Monday", "Tuesday", "Thursday", "Friday")),
        month=rng.choice(("March", "June", "late 2023", "the spring", "January")),
        later=rng.choice(("next week", "on Thursday", "by the end of the month", "in May")),
    )


# --------------------------------------------------------------------------- renderers


def render_html(article: SyntheticArticle, rng: random.Random) -> str:
    """A full news page: head metadata, navigation, share bar, promos, related links."""
    esc = html.escape
    body: list[str] = []
    for n, paragraph in enumerate(article.paragraphs):
        body.append(f"<p>{esc(paragraph)}</p>")
        if n == 2:
            body.append(f'<aside class="promo"><p>{esc(rng.choice(PROMOS))}</p></aside>')
        if n == 4:
            body.append(
                '<figure><img src="/img/photo.jpg" alt="">'
                f"<figcaption>{esc(article.place)}, file photo. (Photo: Agency)</figcaption>"
                "</figure>"
            )
    related = "".join(
        f'<li><a href="/news/{n}">{esc(make_article(article.number + n).title)}</a></li>'
        for n in (1, 2, 3)
    )
    iso = article.published.isoformat()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{esc(article.title)} | {esc(article.outlet)}</title>
<meta property="og:title" content="{esc(article.title)}">
<meta property="og:site_name" content="{esc(article.outlet)}">
<meta property="article:published_time" content="{iso}">
<meta name="author" content="{esc(article.author)}">
<link rel="canonical" href="{esc(article.url)}">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/sport">Sport</a> <a href="/opinion">Opinion</a></nav></header>
<main><article>
<h1>{esc(article.title)}</h1>
<p class="byline">By {esc(article.author)} ·
<time datetime="{iso}">{article.published:%d %B %Y}</time></p>
<div class="share">Share on X · Share on Facebook · Email</div>
{"".join(body)}
</article>
<section class="related"><h2>Related stories</h2><ul>{related}</ul></section></main>
<footer><p>© 2024 {esc(article.outlet)}. All rights reserved.</p></footer>
</body></html>
"""


def render_text(article: SyntheticArticle) -> str:
    """A plain-text copy as pasted from a site: title, byline and date lines, noise."""
    lines = [
        article.title,
        "",
        f"By {article.author}",
        f"{article.published:%B %d, %Y %H:%M} UTC",
        "",
    ]
    for n, paragraph in enumerate(article.paragraphs):
        lines += [paragraph, ""]
        if n == 3:
            lines += [PROMOS[article.number % len(PROMOS)], ""]
    return "\n".join(lines)


def render_json(article: SyntheticArticle) -> str:
    return json.dumps(
        {
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat(),
            "outlet": article.outlet,
            "author": article.author,
            "text": "\n\n".join(article.paragraphs),
        },
        ensure_ascii=False,
    )


# --------------------------------------------------------------------------- corpus writers


@dataclass(frozen=True)
class Corpus:
    """A written corpus: its format, size and files (directories are sharded)."""

    kind: str
    size: int
    root: Path

    def paths(self) -> Iterator[str]:
        """Every input file, lazily, in article order."""
        if self.root.is_file():
            yield str(self.root)
            return
        for shard in sorted(self.root.iterdir()):
            for path in sorted(shard.iterdir()):
                yield str(path)


def write_corpus(kind: str, size: int, directory: Path, seed: int = 7) -> Corpus:
    """Write ``size`` articles in format ``kind`` under ``directory``; reuse an existing one."""
    if kind not in FORMATS:
        raise ValueError(f"unknown format {kind!r}; choose from {', '.join(FORMATS)}")
    target = directory / f"{kind}-{size}-{seed}"
    done_marker = directory / f"{kind}-{size}-{seed}.done"
    root = _root(kind, target)
    if not done_marker.exists():
        writer = {"html": _write_files, "text": _write_files, "jsonl": _write_jsonl}
        writer.get(kind, _write_warc)(kind, size, target, seed)
        done_marker.write_text("ok\n")
    return Corpus(kind, size, root)


def _root(kind: str, target: Path) -> Path:
    return {"jsonl": target / "articles.jsonl", "warc": target / "crawl.warc.gz"}.get(kind, target)


def _write_files(kind: str, size: int, target: Path, seed: int) -> None:
    suffix = ".html" if kind == "html" else ".txt"
    for number in range(size):
        article = make_article(number, seed)
        shard = target / f"{number // FILES_PER_DIRECTORY:04d}"
        if number % FILES_PER_DIRECTORY == 0:
            shard.mkdir(parents=True, exist_ok=True)
        if kind == "html":
            text = render_html(article, random.Random(number))
        else:
            text = render_text(article)
        (shard / f"{number:06d}{suffix}").write_text(text, encoding="utf-8")


def _write_jsonl(kind: str, size: int, target: Path, seed: int) -> None:
    target.mkdir(parents=True, exist_ok=True)
    with _root(kind, target).open("w", encoding="utf-8") as out:
        for number in range(size):
            out.write(render_json(make_article(number, seed)) + "\n")


def _write_warc(kind: str, size: int, target: Path, seed: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    target.mkdir(parents=True, exist_ok=True)
    with _root(kind, target).open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number in range(size):
            article = make_article(number, seed)
            payload = render_html(article, random.Random(number)).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Content-Length", str(len(payload))),
                ],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                article.url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": article.published.strftime("%Y-%m-%dT%H:%M:%SZ")},
            )
            writer.write_record(record)


def as_article(article: SyntheticArticle) -> Article:
    """The clean ``Article`` model of ``article``, for benchmarking the store alone."""
    text = "\n\n".join(article.paragraphs)
    blocks, start = [], 0
    for paragraph in article.paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, start, start + len(paragraph)))
        start += len(paragraph) + 2
    published = PublicationDate(
        DateSource.METADATA, article.published, article.published.date(),
        article.published.date(), "html-meta",
    )  # fmt: skip
    return Article(
        id=hashlib.sha256(f"{article.title}\n{text}".encode()).hexdigest()[:16],
        title=article.title,
        text=text,
        blocks=tuple(blocks),
        origin=Origin(article.url),
        raw_id=hashlib.sha256(render_json(article).encode()).hexdigest(),
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        language="en",
        place=article.place,
        published=published,
        removals=(Removal("promo-line", PROMOS[0], 3, "newsletter promotion"),),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.directory.mkdir(parents=True, exist_ok=True)
    for kind in args.formats.split(","):
        corpus = write_corpus(kind.strip(), args.size, args.directory, args.seed)
        print(f"{corpus.kind:6} {corpus.size:>7} articles -> {corpus.root}")


if __name__ == "__main__":
    main()
