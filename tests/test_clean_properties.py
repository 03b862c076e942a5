"""Invariants of clean() over generated drafts (hypothesis).

1. Cleaning never adds text: every block is a substring of the normalised input.
2. Cleaning never drops prose: a sentence that appears once, ends with . ! ? or a closing quote
   and has at least ``prose_min_words`` words survives, whatever noise surrounds it.  Prose is
   drawn from ordinary news words; the documented exceptions (learned outlet boilerplate, an
   imperative call to action naming a product, a trailing tagline naming a product word the
   body never uses, copyright footers, support appeals, photo captions with a credit) need
   words from the promo lexicon or credit marks ("Copyright", "Photo:", "(AP Photo/...)",
   "Subscribe"), which the vocabulary leaves out.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import CleanOptions, clean, normalize_text
from storyline.clean.lines import STRONG_PROMO_WORDS, WEAK_PROMO_WORDS, word_set
from storyline.models import Draft, Origin, SourceMetadata

VOCABULARY = sorted(
    word_set(
        """the minister said talks would resume after a long pause in the capital
    officials from both countries met on monday to discuss the border and water rights while
    rebels held positions near the river according to residents who fled the fighting last
    week police arrested four men after the raid on a warehouse where prices rose sharply
    government troops withdrew from the northern town envoy spokeswoman ceasefire vote"""
    )
    - STRONG_PROMO_WORDS
    - WEAK_PROMO_WORDS
)
NOISE = [
    "Watch Live",
    "Read more: Rebels retake the town",
    "Minister visits the border 02:31",
    "Chrome Safari Continue",
    "Advertisement",
    "MOSCOW:",
    "Related: Ten things to know",
    "Share this:",
    "Twitter",
    "Ministers vow to hold Geneva talks soon",
    "‘Both Serious’",
    "— —",
    "tips@example.org",
    "Copyright 2024 Example Post. All rights reserved.",
    "Support local journalism: subscribe today.",
    "Crowds gather near the river on Monday. (AP Photo/Ola Nes)",
    "More from Example TV",
]
SPACES = st.sampled_from([" ", " ", " ", "\u00a0", "  ", "\t"])
ENDINGS = st.sampled_from([".", "!", "?", '."', ".”"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=8, max_size=24))
    words[0] = words[0].capitalize()
    gaps = [draw(SPACES) for _ in words[1:]]
    body = words[0] + "".join(gap + word for gap, word in zip(gaps, words[1:], strict=True))
    return body + draw(ENDINGS)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(sentences(), st.sampled_from(NOISE)), min_size=1, max_size=3))
    return "\n".join(parts)


def build(title: str, body: list[str]) -> Draft:
    return Draft(title, tuple(body), SourceMetadata(), Origin("test://property"), "raw")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40), st.lists(st.text(max_size=200), max_size=8))
def test_cleaning_never_adds_text_to_arbitrary_input(title: str, body: list[str]) -> None:
    article = clean(build(title, body))
    source = normalize_text("\n\n".join(body))
    for block in article.blocks:
        assert article.block_text(block) in source


@settings(max_examples=100, deadline=None)
@given(st.lists(paragraphs(), min_size=1, max_size=10))
def test_cleaning_never_drops_a_prose_sentence_that_appears_once(body: list[str]) -> None:
    article = clean(build("Neighbours agree to resume border talks", body))
    source = normalize_text("\n\n".join(body))
    lines = [line for line in source.split("\n") if line]
    for line in lines:
        if line in NOISE or lines.count(line) > 1:
            continue
        if len(line.split()) >= CleanOptions().prose_min_words:
            assert line in article.text, line
    for block in article.blocks:
        assert article.block_text(block) in source
