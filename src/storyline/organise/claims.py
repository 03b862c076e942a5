"""What two near-identical sentences claim: their figures, negations, named days and quoted
words.

Edit distance and shared words join sentences that differ in exactly what a reader checks:
"31 people died" and "37 people died", "talks will resume" and "talks will not resume".  A
source may be cited as stating a sentence, or two sentences merged into one event, only when
they make the same claims.  Organise (timeline events) and synthesise (summary citations,
single-source statements) share these checks.
"""

from __future__ import annotations

import re

from storyline.organise.text import words

# Words that turn a statement into its denial: "would not resume" must never cite
# "would resume", however close the two texts are ("didn't" splits into "didn", "t").
_NEGATIONS = frozenset({"not", "no", "never", "nor", "t", "without", "none", "nothing", "nobody"})
# Numbers written as words: "three dead" and "four dead" are different claims.
_NUMBER_WORDS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
        *("eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy"),
        *("eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen", "dozens"),
        *("hundreds", "thousands", "millions", "billions", "half", "first", "second", "third"),
    }
)
# Days and months a sentence names (English): "treated on Tuesday" says more than "treated".
_DAY_WORDS = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "june", "july", "august", "september"),
        *("october", "november", "december", "yesterday", "today", "tomorrow", "tonight"),
    }
)
_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
# A quotation in double marks, straight or curly (single marks double as apostrophes).
_QUOTATION = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")

ClaimKey = tuple[frozenset[str], tuple[str, ...]]


def claim_key(text: str) -> ClaimKey:
    """The figures (digits without thousands separators, and number words) and the
    negations of ``text``."""
    figures = {match.group().replace(",", "").rstrip(".") for match in _FIGURE.finditer(text)}
    tokens = words(text)
    figures.update(token for token in tokens if token in _NUMBER_WORDS)
    negations = tuple(sorted(token for token in tokens if token in _NEGATIONS))
    return frozenset(figures), negations


def same_claims(one: str, other: str) -> bool:
    """Whether two near-identical sentences make the same claim: the same figures (digits,
    thousands separators ignored, and number words) and the same negations."""
    return claim_key(one) == claim_key(other)


def day_words(text: str) -> frozenset[str]:
    """The days and months ``text`` names ("Tuesday", "March", "yesterday")."""
    return frozenset(token for token in words(text) if token in _DAY_WORDS)


def compatible_claims(one: str, other: str) -> bool:
    """Whether two sentences about one event can be one source's report of it: the same
    negations, and the figures of one all given by the other ("signed a five-year deal" and
    "signed a five-year deal ending a 12-day strike"), never two different ones ("an 11-day
    strike" and "a 12-day strike")."""
    (figures, negations), (other_figures, other_negations) = claim_key(one), claim_key(other)
    return negations == other_negations and (figures <= other_figures or other_figures <= figures)


def states_as_much(shown: str, cited: str) -> bool:
    """Whether ``cited`` may be cited as stating ``shown``: the same claims, every day or
    month ``shown`` names named by ``cited`` too ("treated for smoke inhalation" does not
    say that it happened "on Tuesday"; the reverse holds), and every quotation of ``shown``
    quoted word for word by ``cited`` (a paraphrase must not be cited for quoted words it
    never printed: "sending batons instead of negotiators" is not "batons instead of
    negotiators")."""
    return (
        same_claims(shown, cited)
        and day_words(shown) <= day_words(cited)
        and all(quoted in _quoted_word_text(cited) for quoted in quotations(shown))
    )


def quotations(text: str) -> list[str]:
    """The quoted passages of ``text``, as their lower-cased words joined by spaces."""
    return [" ".join(words(match.group(1))) for match in _QUOTATION.finditer(text)]


def _quoted_word_text(text: str) -> str:
    """``text``'s quoted passages as words, with a space at either end of each, so that a
    passage is found only on word boundaries."""
    return " | ".join(f" {quoted} " for quoted in quotations(text))
