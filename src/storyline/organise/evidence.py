"""Event evidence besides topic words: when an article appeared and where it was filed from.

Two reports on one topic can still be two events (the same ministers meeting in another
city, years later) while their words look alike.  Evidence here only ever *lowers* a
similarity by a factor, so strong topical agreement outweighs a noisy dateline:

* dates: the publication day, or the range the analysis inferred when no metadata gave a
  day; date ranges farther apart than the window are not compared at all.  (A factor
  falling with the gap was tried: no gain on newscluster_g5w1h, losses elsewhere.)
* place: two sides filed from different cities (datelines), neither naming the other's
  city, are likely different events.
* names: two stories whose main names (the names each mentions most) are mostly absent
  from the other are likely two events on one topic (one actress's rehab, then another's).
  Used by the merge pass, and by the single pass once a story has enough names that its
  main names are the story's rather than its first article's.
* counts: two pieces whose main numbers other than years (tolls, ages) mostly differ need a
  higher merge threshold (``numbers_conflict``, merge pass only).

One piece of evidence raises a similarity instead: two sides written in different languages
share no words, so they are also compared on their names alone (``other_languages``,
``features.names_cosine``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storyline.models import Article, ArticleAnalysis, EntityKind
from storyline.organise.features import numbers
from storyline.organise.text import article_language, name_keys

# bench/cluster.py --fixed: no change on newscluster_g5w1h, ecbplus and wikiref220 (few
# datelines); BCubed F1 on mmds2025 (titles, texts and dates / with analysis) by factor:
#   1.0 (none) 0.773;  0.5 0.846 / 0.858;  0.4 0.847 / 0.859;  0.3 0.845 / 0.857;
#   0.2 0.841 / 0.851.
# 0.4 sits in the flat stretch and keeps the syria-talks sample (a 2013 Brunei meeting and
# its 2016 Moscow sequel, whose text names no year) apart however many unrelated articles
# share the batch: among the samples alone the two score a cosine of 0.25, beside the
# examples corpus 0.33 (shared names are rarer there), and the story threshold is 0.15.
PLACE_CONFLICT_FACTOR = 0.4
# Place names are compared on their first letters only (bench/cluster.py, mmds2025: the same
# city datelined "Singapore" in English and "Singapura" in Malay).
PLACE_STEM = 5
# Words many unrelated places share ("New Delhi", "New York"; "San Diego", "San Francisco"):
# they say nothing about which place is meant, so a dateline matches only on the others.
# bench/cluster.py --fixed: BCubed F1 the same with and without this set on every pool
# (ecbplus 0.848, mmds2025 0.846, newscluster_g5w1h 0.918, wikiref220 0.912).
GENERIC_PLACE_WORDS = frozenset(
    {
        *("new", "old", "san", "santa", "santo", "sao", "são", "saint", "st", "ste", "sankt"),
        *("port", "fort", "city", "town", "north", "south", "east", "west", "central"),
        *("northern", "southern", "eastern", "western", "upper", "lower", "great", "greater"),
        *("el", "la", "le", "los", "las", "les", "de", "del", "the", "of"),
        *("county", "district", "province", "region", "state"),
    }
)
# bench/cluster.py --fixed, merge pass only: ecbplus (two events per topic) 0.815 -> 0.832,
# newscluster_g5w1h, mmds2025 and wikiref220 unchanged; factors 0.3 to 0.6 tie.  In the
# single pass see stories.STABLE_NAME_MENTIONS.
NAME_CONFLICT_FACTOR = 0.5
MAIN_NAMES = 3  # a side's most mentioned names (2 or 5 also tried: no better)
MIN_NAME_MENTIONS = 2  # a name mentioned once is not a main name
# Below this share of its main-name mentions found on the other side, a side disagrees.
MAIN_NAME_SHARE = 0.5
# bench/cluster.py --fixed, merge pass only (an adaptive merge threshold): two pieces whose
# main counts (death tolls, ages, scores; years excluded) are mostly missing on the other side
# need a cosine NUMBER_CONFLICT_RAISE times the threshold (0.2 -> 0.3).  ecbplus 0.839 ->
# 0.848, newscluster_g5w1h 0.915 -> 0.918, mmds2025 and wikiref220 unchanged.  Counting years
# too cost wikiref220 0.5 points (long stories mention many years); 1.3 ties 1.5; 2 or 5
# main numbers tie 3; a number must be mentioned twice (three times: no ecbplus gain).
NUMBER_CONFLICT_RAISE = 1.5
MAIN_NUMBERS = 3
MIN_NUMBER_MENTIONS = 2
_YEAR = re.compile(r"(?:19|20)\d\d")
_PLACE_WORD = re.compile(r"[^\W\d_][\w.'’-]*[\w.]|[^\W\d_]{2,}", re.UNICODE)


@dataclass
class Evidence:
    """Dates and places of an article, or of a story (the union of its members)."""

    earliest: dt.date | None = None
    latest: dt.date | None = None
    datelines: Counter[str] = field(default_factory=Counter)  # dateline place -> articles
    places: set[str] = field(default_factory=set)  # lower-cased words of places mentioned
    names: Counter[str] = field(default_factory=Counter)  # entity key -> mentions
    counts: Counter[str] = field(default_factory=Counter)  # non-year number -> mentions
    languages: set[str] = field(default_factory=set)  # languages the articles are written in

    def absorb(self, other: Evidence) -> None:
        known = [day for day in (self.earliest, other.earliest) if day is not None]
        self.earliest = min(known) if known else None
        known = [day for day in (self.latest, other.latest) if day is not None]
        self.latest = max(known) if known else None
        self.datelines.update(other.datelines)
        self.places.update(other.places)
        self.names.update(other.names)
        self.counts.update(other.counts)
        self.languages.update(other.languages)

    def copy(self) -> Evidence:
        return Evidence(
            self.earliest,
            self.latest,
            Counter(self.datelines),
            set(self.places),
            Counter(self.names),
            Counter(self.counts),
            set(self.languages),
        )


@dataclass(frozen=True)
class DateSpan:
    """When an article appeared: one day (``exact``) or an inferred range, either end open."""

    earliest: dt.date | None
    latest: dt.date | None
    exact: bool


def article_span(article: Article, analysis: ArticleAnalysis | None) -> DateSpan | None:
    """The metadata day, else the analysis' (or article's) inferred range, else None."""
    for published in (article.published, analysis.published if analysis else None):
        if published is None or not published.known:
            continue
        if published.day is not None:
            return DateSpan(published.day, published.day, True)
        if published.earliest is not None or published.latest is not None:
            return DateSpan(published.earliest, published.latest, False)
    return None


def evidence_span(span: DateSpan | None) -> DateSpan | None:
    """The part of an article's dates that may keep it out of a story: a day, or an inferred
    range closed at both ends.

    A range open at one end ("on or after 2009-12-31") usually comes from a background
    mention ("she was in rehab in 2010") and is the least reliable kind of inference.
    bench/cluster.py --with-entities, BCubed F1 using open ranges / not: ecbplus 0.830 /
    0.848, wikiref220 0.898 / 0.912, mmds2025 0.818 / 0.811, newscluster_g5w1h 0.918 both.
    Closed ranges of any width measured the same as none.  Story labels still show every
    range (``labels.story_dates``).
    """
    if span is None or span.exact or (span.earliest is not None and span.latest is not None):
        return span
    return None


def article_evidence(
    article: Article,
    analysis: ArticleAnalysis | None,
    span: DateSpan | None,
    keys: Sequence[str] | None = None,
) -> Evidence:
    """Dates, places and names of one article; ``keys`` are its entity keys when already
    found (without them no names are kept, and places come from capitalised words)."""
    evidence = Evidence(span.earliest if span else None, span.latest if span else None)
    if article.place:
        evidence.datelines[article.place] += 1
    if analysis is not None and analysis.analysed and analysis.mentions:
        mentioned: Iterable[str] = (
            mention.text for mention in analysis.mentions if mention.kind is EntityKind.PLACE
        )
    else:
        # No analysis: every capitalised name may be a place; that only weakens the conflict.
        found = keys if keys is not None else name_keys(f"{article.title}\n{article.text}")
        mentioned = (key.split(":", 1)[-1] for key in found)
    evidence.places.update(word for text in mentioned for word in place_words(text))
    if keys is not None:
        evidence.names.update(keys)
    found_numbers = numbers(f"{article.title}\n{article.text}")
    evidence.counts.update(number for number in found_numbers if not _YEAR.fullmatch(number))
    language = article_language(article, analysis)
    if language:
        evidence.languages.add(language)
    return evidence


def other_languages(one: Evidence, other: Evidence) -> bool:
    """True when both sides' languages are known and none is shared: their words cannot
    match, so only their names can say whether they report one event."""
    return bool(one.languages and other.languages) and one.languages.isdisjoint(other.languages)


def place_words(place: str) -> set[str]:
    """Lower-cased stems of a place name's words, long enough to mean something ("Pa." is
    dropped); stems, so that spellings in other languages still match (Singapore, Singapura).
    Generic words ("New", "San", "Fort") are left out unless the name has nothing else."""
    found = [word.lower().rstrip(".") for word in _PLACE_WORD.findall(place)]
    specific = [word for word in found if word not in GENERIC_PLACE_WORDS and len(word) > 2]
    kept = specific or [word for word in found if len(word) > 2]
    return {word[:PLACE_STEM] for word in kept}


def agreement(one: Evidence, other: Evidence, window_days: int) -> float | None:
    """The factor the similarity of ``one`` and ``other`` is multiplied by; None past the window."""
    gap = gap_days(one, other)
    if gap > window_days:
        return None
    if (
        one.datelines
        and other.datelines
        and (_filed_elsewhere(one, other) and _filed_elsewhere(other, one))
    ):
        return PLACE_CONFLICT_FACTOR
    return 1.0


def names_agreement(one: Evidence, other: Evidence) -> float:
    """``NAME_CONFLICT_FACTOR`` when each side's main names are mostly missing on the other."""
    if _names_missing(one, other) and _names_missing(other, one):
        return NAME_CONFLICT_FACTOR
    return 1.0


def numbers_conflict(one: Evidence, other: Evidence) -> bool:
    """True when each side's main counts (numbers other than years, mentioned at least twice)
    are mostly missing on the other: likely two events on one topic (two quakes, two tolls)."""
    return _mostly_missing(one.counts, other.counts, MAIN_NUMBERS, MIN_NUMBER_MENTIONS) and (
        _mostly_missing(other.counts, one.counts, MAIN_NUMBERS, MIN_NUMBER_MENTIONS)
    )


def _names_missing(one: Evidence, other: Evidence) -> bool:
    return _mostly_missing(one.names, other.names, MAIN_NAMES, MIN_NAME_MENTIONS)


def _mostly_missing(
    one: Counter[str], other: Counter[str], main_count: int, min_mentions: int
) -> bool:
    if not other:
        return False
    main = [(key, count) for key, count in one.most_common(main_count) if count >= min_mentions]
    total = sum(count for _, count in main)
    shared = sum(count for key, count in main if key in other)
    return total > 0 and shared < MAIN_NAME_SHARE * total


def gap_days(one: Evidence, other: Evidence) -> int:
    """Days between two date ranges; 0 when they overlap or an end needed is unknown."""
    if one.latest is not None and other.earliest is not None and one.latest < other.earliest:
        return (other.earliest - one.latest).days
    if other.latest is not None and one.earliest is not None and other.latest < one.earliest:
        return (one.earliest - other.latest).days
    return 0


def _filed_elsewhere(filed: Evidence, other: Evidence) -> bool:
    """``filed``'s main dateline is named nowhere on the other side, which names other places."""
    if not filed.datelines or not other.places:
        return False
    place = min(filed.datelines, key=lambda name: (-filed.datelines[name], name))
    words = place_words(place)
    if not words:
        return False
    mentioned = set(other.places)
    for dateline in other.datelines:
        mentioned.update(place_words(dateline))
    return not words & mentioned
