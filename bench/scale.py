"""Time and memory of ``organise`` on synthetic articles with planted stories.

Run by hand::

    .venv/bin/python bench/scale.py                       # 1k and 10k
    .venv/bin/python bench/scale.py --sizes 1000,10000,100000

Each size runs in a fresh child process, so the peak resident memory (ru_maxrss) is that
size's own.  Articles come from word lists: a background vocabulary with Zipf-like use,
and per planted story its own topic words, names and day; 5% are syndicated copies with
a header, a footer and one word changed.  The table shows seconds, the growth ratio per
10x step (goal <= 12x), peak memory (goal: 100k within 24 GiB), and how well the planted
stories are recovered (BCubed F1, copies counted with their original).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cluster import eval_article
from storyline.models import Article
from storyline.organise import organise

SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pi", "nak", "ul", "ez", "ro")
BACKGROUND_WORDS = 6000
STORY_WORDS = 25
STORY_NAMES = 4
ARTICLES_PER_STORY = 8


def vocabulary(count: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def sentence(rng: random.Random, topic: list[str], names: list[str], background: list[str]) -> str:
    words = []
    for _ in range(rng.randint(10, 18)):
        roll = rng.random()
        if roll < 0.3:
            words.append(rng.choice(topic))
        elif roll < 0.38:
            words.append(rng.choice(names))
        else:  # Zipf-like: low ranks far more often
            words.append(background[min(len(background) - 1, int(rng.paretovariate(1.1)) - 1)])
    return " ".join(words).capitalize() + "."


def synthetic(size: int, seed: int = 3) -> Iterator[tuple[Article, str]]:
    """``size`` articles, each with the planted story it belongs to."""
    rng = random.Random(seed)
    background = vocabulary(BACKGROUND_WORDS, rng)
    rng.shuffle(background)
    start = dt.date(2020, 1, 1)
    produced = 0
    story = 0
    while produced < size:
        topic = [w + "x" for w in rng.sample(background, STORY_WORDS)]
        names = [w.capitalize() + "ov" for w in rng.sample(background, STORY_NAMES)]
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        for number in range(min(rng.randint(1, 2 * ARTICLES_PER_STORY - 1), size - produced)):
            paragraphs = [
                " ".join(sentence(rng, topic, names, background) for _ in range(3))
                for _ in range(rng.randint(3, 6))
            ]
            doc = {
                "id": f"s{story}-a{number}",
                "title": sentence(rng, topic, names, background),
                "date": (day + dt.timedelta(days=rng.randrange(4))).isoformat(),
                "text": "\n".join(paragraphs),
            }
            yield eval_article(doc, "synthetic"), f"s{story}"
            produced += 1
            if rng.random() < 0.05 and produced < size:
                copy = dict(doc, id=f"{doc['id']}-copy", text=_copy(str(doc["text"])))
                yield eval_article(copy, "synthetic"), f"s{story}"
                produced += 1
        story += 1


def _copy(text: str) -> str:
    return "Advertisement\n" + text.replace(" ", " the ", 1) + "\nAll rights reserved."


def child(size: int) -> None:
    pairs = list(synthetic(size))
    articles = [article for article, _ in pairs]
    gold = {article.id: story for article, story in pairs}
    started = time.perf_counter()
    result = organise(articles)
    seconds = time.perf_counter() - started
    predicted = {a: s.id for s in result.stories for a in s.article_ids}
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "size": size,
                "seconds": seconds,
                "peak_mib": peak_kib / 1024,
                "stories": sum(1 for s in result.stories if s.id.startswith("story:")),
                "items": sum(1 for s in result.stories if s.id.startswith("item:")),
                "planted": len(set(gold.values())),
                "duplicates": len(result.duplicates),
                "threads": len(result.threads),
                "bcubed_f1": _bcubed_f1(predicted, gold),
            }
        )
    )


def _bcubed_f1(predicted: dict[str, str], gold: dict[str, str]) -> float:
    from collections import Counter

    both = Counter((predicted[i], gold[i]) for i in gold)
    pred_size, gold_size = Counter(predicted[i] for i in gold), Counter(gold.values())
    p = sum(both[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in gold) / len(gold)
    r = sum(both[(predicted[i], gold[i])] / gold_size[gold[i]] for i in gold) / len(gold)
    return 2 * p * r / (p + r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(
        f"{'articles':>9} {'seconds':>9} {'x per 10x':>9} {'peak MiB':>9} {'stories':>8} "
        f"{'items':>7} {'planted':>8} {'dups':>6} {'threads':>8} {'B3 F1':>6}"
    )
    previous: dict[str, float] | None = None
    for size in (int(part) for part in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        row = json.loads(out.strip().splitlines()[-1])
        growth = ""
        if previous is not None:
            step = (row["size"] / previous["size"]) / 10
            growth = f"{(row['seconds'] / previous['seconds']) / step:.1f}"
        print(
            f"{row['size']:>9} {row['seconds']:>9.1f} {growth:>9} {row['peak_mib']:>9.0f} "
            f"{row['stories']:>8} {row['items']:>7} {row['planted']:>8} {row['duplicates']:>6} "
            f"{row['threads']:>8} {row['bcubed_f1']:>6.3f}",
            flush=True,
        )
        previous = row


if __name__ == "__main__":
    main()
