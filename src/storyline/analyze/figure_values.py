"""The value of a quantity phrase: plain numbers, scaled numbers, fractions of a scale, and
vague quantities read as a lower bound.

Convention for vague quantities (documented because comparing sources depends on it): the
value is the smallest amount the words allow, and the vague words themselves are the
figure's approximation.  "a few" is at least 2 and "several" at least 3, so "a few hundred"
is 200, "several hundred" 300 and "a few dozen" 24; a plural scale word counts at least two
of its unit, so "dozens of" is 24, "hundreds of" 200, "tens of thousands of" 20,000.
"""

from __future__ import annotations

import re

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
# The least count each vague word allows (see the module docstring).
VAGUE_MULTIPLIERS = {"a few": 2, "few": 2, "several": 3, "a couple of": 2, "a handful of": 2}
# Unit sizes a vague multiplier or a plural may scale: "several hundred", "hundreds of".
VAGUE_UNITS = {"dozen": 12, "score": 20, "hundred": 100, "thousand": 1e3, "million": 1e6,
               "billion": 1e9}  # fmt: skip
FRACTIONS = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "quarter": 0.25, "a third": 1 / 3,
             "three quarters": 0.75, "two thirds": 2 / 3}  # fmt: skip

_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(thousand|million|billion|trillion|bn|mn|tn|k|m|b)?\b"
)
_FRACTION = re.compile(
    r"\b(three quarters|two thirds|a half|a quarter|a third|half|quarter)\s+(?:of\s+)?an?\s+"
    r"(hundred|thousand|million|billion|trillion)\b"
)
_A_SCALE = re.compile(r"\ban?\s+(hundred|thousand|million|billion|trillion)\b")
_VAGUE_MULTIPLE = re.compile(
    r"\b(a few|few|several|a couple of|a handful of)\s+(dozen|score|hundred|thousand|million|"
    r"billion)\b"
)
_VAGUE_PLURAL = re.compile(
    r"\b(?:(tens|hundreds) of\s+)?(dozens|scores|hundreds|thousands|millions|billions)\b"
)


def parse_value(text: str) -> float | None:
    """The number in "more than 93,000", "$4.5 billion", "half a million", "two"; None if
    none.  Vague words ("dozens") have no value here: see ``vague_quantity``."""
    lowered = text.lower().replace("\u00a0", " ")
    match = _NUMBER.search(lowered)
    if match is not None:
        value = float(match.group(1).replace(",", ""))
        scale = match.group(2)
        if scale is None:
            after = lowered[match.end() :].split()
            scale = after[0] if after and after[0] in SCALES else None
        return value * SCALES.get(scale or "", 1.0)
    fraction = _FRACTION.search(lowered)
    if fraction is not None:
        return FRACTIONS[fraction.group(1)] * _scale(fraction.group(2))
    words = re.sub(r"[^a-z ]", " ", lowered).split()
    for size in (2, 1):
        for index in range(len(words) - size + 1):
            phrase = " ".join(words[index : index + size])
            if phrase in NUMBER_WORDS:
                scale = words[index + size] if index + size < len(words) else ""
                return NUMBER_WORDS[phrase] * SCALES.get(scale, 1.0)
    single = _A_SCALE.search(lowered)
    return _scale(single.group(1)) if single is not None else None


def vague_quantity(text: str) -> tuple[float, str] | None:
    """(lower-bound value, the vague words) for "several hundred", "a few dozen",
    "dozens of", "tens of thousands of"; None when the words name an exact amount."""
    lowered = re.sub(r"\s+", " ", text.lower())
    multiple = _VAGUE_MULTIPLE.search(lowered)
    if multiple is not None:
        least = VAGUE_MULTIPLIERS[multiple.group(1)] * VAGUE_UNITS[multiple.group(2)]
        return float(least), multiple.group(1)
    plural = _VAGUE_PLURAL.search(lowered)
    if plural is None:
        return None
    unit = VAGUE_UNITS[plural.group(2).removesuffix("s")]
    if plural.group(1) is not None:  # "tens of thousands": at least two tens of the unit
        least = 2 * (10 if plural.group(1) == "tens" else 100) * unit
        return float(least), f"{plural.group(1)} of {plural.group(2)} of"
    return float(2 * unit), f"{plural.group(2)} of"


def _scale(word: str) -> float:
    return 100.0 if word == "hundred" else SCALES[word]
