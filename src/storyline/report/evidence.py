"""The quotes, resolved dates and figures of a story, merged across its articles.

The same quote or figure often appears in several outlets (syndicated copy, agencies
quoted by everyone); a report shows it once and cites every article that carries it.
Figures that measure the same thing but disagree between outlets stay side by side.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from storyline.models import (
    Article,
    ArticleAnalysis,
    Figure,
    Quote,
    Sentence,
    SpeakerKind,
    SummarySentence,
)
from storyline.organise.text import content_words, sentences, words
from storyline.report.text import one_line, time_label

# Two figures of one measure tell the same fact when their sentences share this many words
# besides numbers and the measure, and this share of the shorter sentence's: "12 people were
# hurt in clashes at the gate" / "14 people were injured in the gate clashes" do; "two
# firefighters were treated for smoke" / "300 firefighters fought the blaze" do not.  Chosen
# by hand on invented reports (tests/test_report_markdown.py) and examples/corpus, for
# precision: looser (3 words, a quarter) also flags two long sentences that share only their
# attribution ("... the civil protection agency said"), and a false "sources disagree"
# misleads more than a missed one.  Not benchmarked.
SAME_FACT_WORDS = 2
SAME_FACT_SHARE = 0.5
# "About 1,000" allows this share either side; words saying only a bound ("more than",
# "several", "hundreds of") allow anything past it.  A display convention, not benchmarked.
APPROXIMATE_SHARE = 0.1
_LOWER_BOUNDS = frozenset(
    {"more than", "at least", "over", "upwards of", "just over", "more then", "several", "a few"}
)
_UPPER_BOUNDS = frozenset(
    {"less than", "fewer than", "at most", "up to", "under", "as many as", "as much as"}
    | {"nearly", "almost", "just under", "close to"}
)
_NEAR_BELOW = frozenset({"nearly", "almost", "just under", "close to"})
UNNAMED_SOURCE = "an unnamed source"
UNKNOWN_SPEAKER = "speaker not identified"
# Determiners that open a description of an unnamed source at the start of a sentence.
_SENTENCE_OPENERS = frozenset({"A", "An", "The", "One", "Two", "Three", "Some", "Several"})


@dataclass(frozen=True)
class SourceRef:
    """A citation: the article a statement came from, shown as its outlet."""

    article_id: str
    outlet: str
    anchor: str | None  # None when the article is not in the briefing


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker: str
    partial: bool
    sources: tuple[SourceRef, ...]
    # False for reported speech ("Kerry said the talks would wait"): the writer's words, which
    # a report must not put inside quotation marks.
    direct: bool = True


@dataclass(frozen=True)
class StatementView:
    """A source sentence shown as it stands (a summary sentence, a single-source
    statement), citing every article that states it."""

    text: str
    sources: tuple[SourceRef, ...]
    only_here: tuple[str, ...] = ()  # facts no other source gives (single-source statements)


def statement_views(
    sentences: Sequence[SummarySentence], ref: Callable[[str, str | None], SourceRef]
) -> tuple[StatementView, ...]:
    """Views of ``sentences``; ``ref`` makes a citation from (article id, outlet)."""
    views = []
    for sentence in sentences:
        cited = dict.fromkeys(c.article_id for c in sentence.citations)
        outlets = {c.article_id: c.outlet for c in reversed(sentence.citations)}
        refs = tuple(ref(article_id, outlets[article_id]) for article_id in cited)
        views.append(StatementView(one_line(sentence.text), refs, sentence.only_here))
    return tuple(views)


@dataclass(frozen=True)
class ResolvedDate:
    text: str  # the words in the article ("on Thursday")
    label: str  # what they resolve to ("2024-03-07")
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class FigureView:
    text: str
    value: float
    sources: tuple[SourceRef, ...]
    # (article id, the words of the sentence giving the figure there, without its numbers
    # and its measure): what the figure is said about.  Empty when not known.
    contexts: tuple[tuple[str, frozenset[str]], ...] = ()
    approximation: str | None = None  # "more than", "about", "several", ... (None: exact)


@dataclass(frozen=True)
class FigureGroup:
    """Figures that count the same thing; ``disagree`` when outlets give different values
    for the same fact."""

    measure: str
    figures: tuple[FigureView, ...]

    @property
    def disagree(self) -> bool:
        """True when two different articles give different values in sentences about the
        same fact.  One article giving two values ("more than 10,000 a year ago, more than
        93,000 now") is telling a change, not disagreeing with itself; "two firefighters
        were treated for smoke" and "300 firefighters fought the fire" count firefighters
        in two facts.  Views whose contexts are not known compare on articles alone."""
        for one in self.figures:
            for other in self.figures:
                if _values_conflict(one, other) and _same_fact_elsewhere(one, other):
                    return True
        return False


def _values_conflict(one: FigureView, other: FigureView) -> bool:
    """Whether no amount fits both figures: "twelve" and "fourteen" conflict, "hundreds"
    and "more than 300" do not (at least 300 fits both), nor "about 1,000" and 1,050."""
    low, high = _value_range(one)
    other_low, other_high = _value_range(other)
    return high < other_low or other_high < low


def _value_range(figure: FigureView) -> tuple[float, float]:
    """The amounts a figure allows, from its value and the words approximating it."""
    words = (figure.approximation or "").lower()
    value = figure.value
    if not words:
        return value, value
    if words in _LOWER_BOUNDS or words.endswith(" of"):  # "hundreds of": at least 200
        return value, math.inf
    if words in _UPPER_BOUNDS:
        return (value * (1 - APPROXIMATE_SHARE) if words in _NEAR_BELOW else 0.0), value
    return value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE)


def _same_fact_elsewhere(one: FigureView, other: FigureView) -> bool:
    if not one.contexts or not other.contexts:
        return any(a.article_id != b.article_id for a in one.sources for b in other.sources)
    return any(
        first != second and _about_the_same(words, other_words)
        for first, words in one.contexts
        for second, other_words in other.contexts
    )


def _about_the_same(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two figures' sentences tell one fact: they share ``SAME_FACT_WORDS`` words
    and at least ``SAME_FACT_SHARE`` of the shorter one's."""
    shared = len(one & other)
    return shared >= SAME_FACT_WORDS and shared >= SAME_FACT_SHARE * min(len(one), len(other))


@dataclass(frozen=True)
class Evidence:
    quotes: tuple[QuoteView, ...] = ()
    dates: tuple[ResolvedDate, ...] = ()
    figures: tuple[FigureGroup, ...] = ()


RefMaker = Callable[[str], SourceRef]


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Merged(Generic[K, V]):
    """Items keyed by what they say, each with the refs of every article that says it."""

    def __init__(self) -> None:
        self.first: dict[K, V] = {}
        self.refs: dict[K, list[SourceRef]] = {}

    def add(self, key: K, item: V, ref: SourceRef) -> None:
        self.first.setdefault(key, item)
        refs = self.refs.setdefault(key, [])
        if all(existing.article_id != ref.article_id for existing in refs):
            refs.append(ref)

    def cited(self, key: K) -> tuple[SourceRef, ...]:
        return tuple(self.refs[key])


def collect_evidence(
    articles: Sequence[Article],
    analyses: Mapping[str, ArticleAnalysis],
    entity_name: Callable[[str], str],
    ref: RefMaker,
) -> Evidence:
    """Quotes, dates and figures of ``articles`` (in that order), merged and cited."""
    pairs = [(a, analyses[a.id]) for a in articles if a.id in analyses]
    return Evidence(
        quotes=_quotes(pairs, entity_name, ref),
        dates=_dates(pairs, ref),
        figures=_figures(pairs, ref),
    )


def speaker_label(quote: Quote, entity_name: Callable[[str], str]) -> str:
    """Who said it: an entity's name, or the article's own words for an unnamed source."""
    if quote.speaker_kind is SpeakerKind.NAMED and quote.speaker:
        return entity_name(quote.speaker)
    if quote.speaker_kind is SpeakerKind.NAMED and quote.speaker_text:
        return one_line(quote.speaker_text)
    if quote.speaker_kind is SpeakerKind.UNNAMED:
        return f"{_mid_sentence(quote.speaker_text or '') or UNNAMED_SOURCE} (unnamed)"
    return UNKNOWN_SPEAKER


def _mid_sentence(words: str) -> str:
    """ "A senior official" as it reads mid-sentence: "a senior official"."""
    words = one_line(words)
    first, _, rest = words.partition(" ")
    if first in _SENTENCE_OPENERS and rest:
        return f"{first.lower()} {rest}"
    return words


def _quotes(
    pairs: list[tuple[Article, ArticleAnalysis]],
    entity_name: Callable[[str], str],
    ref: RefMaker,
) -> tuple[QuoteView, ...]:
    merged: _Merged[str, tuple[str, str, bool, bool]] = _Merged()
    for article, analysis in pairs:
        for quote in shown_quotes(analysis.quotes):
            text = one_line(quote.text or article.text[quote.start : quote.end])
            if text:
                speaker = speaker_label(quote, entity_name)
                found = (text, speaker, quote.partial, quote.direct)
                merged.add(text.casefold(), found, ref(article.id))
    return tuple(
        QuoteView(text, speaker, partial, merged.cited(key), direct)
        for key, (text, speaker, partial, direct) in merged.first.items()
    )


def shown_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """An article's quotes in text order, without the quoted words that a reported-speech
    quote of the same article already holds: "Kerry said talks should come "sooner rather
    than later"" is listed once, as reported speech, not again as the fragment inside it."""
    reported = [(quote.start, quote.end) for quote in quotes if not quote.direct]
    return [
        quote
        for quote in sorted(quotes, key=lambda q: q.start)
        if not quote.direct
        or not any(start <= quote.start and quote.end <= end for start, end in reported)
    ]


def _dates(pairs: list[tuple[Article, ArticleAnalysis]], ref: RefMaker) -> tuple[ResolvedDate, ...]:
    merged: _Merged[tuple[dt.date, str, str], str] = _Merged()
    for article, analysis in pairs:
        for mention in analysis.dates:
            if mention.value is None:
                continue
            text = one_line(mention.text)
            key = (mention.value.earliest, time_label(mention.value), text.casefold())
            merged.add(key, text, ref(article.id))
    return tuple(
        ResolvedDate(merged.first[key], key[1], merged.cited(key))
        for key in sorted(merged.first, key=lambda key: key[:2])
    )


def _figures(
    pairs: list[tuple[Article, ArticleAnalysis]], ref: RefMaker
) -> tuple[FigureGroup, ...]:
    groups: dict[str, _Merged[float, str]] = {}
    contexts: dict[tuple[str, float], list[tuple[str, frozenset[str]]]] = {}
    approximations: dict[tuple[str, float], str | None] = {}
    for article, analysis in pairs:
        spans = sentences(article, analysis) if analysis.figures else ()
        for figure in sorted(analysis.figures, key=lambda f: f.start):
            measure = _measure(figure)
            merged = groups.setdefault(measure, _Merged())
            merged.add(figure.value, one_line(figure.text), ref(article.id))
            context = _context(article.text, spans, figure, measure)
            contexts.setdefault((measure, figure.value), []).append((article.id, context))
            approximations.setdefault((measure, figure.value), figure.approximation)
    return tuple(
        FigureGroup(
            measure,
            tuple(
                FigureView(
                    text,
                    value,
                    merged.cited(value),
                    tuple(contexts[(measure, value)]),
                    approximations[(measure, value)],
                )
                for value, text in merged.first.items()
            ),
        )
        for measure, merged in groups.items()
    )


def _context(
    article_text: str, spans: Sequence[Sentence], figure: Figure, measure: str
) -> frozenset[str]:
    """The content words of the sentence giving ``figure``, without numbers (its own and
    any other) and the words of its measure: what the figure is said about."""
    sentence = next((s for s in spans if s.start <= figure.start < s.end), None)
    start, end = (sentence.start, sentence.end) if sentence else (figure.start, figure.end)
    text = article_text[start:end]
    left_out = set(words(measure)) | set(words(figure.text))
    return frozenset(
        word for word in content_words(text) if word not in left_out and not word.isdigit()
    )


def _measure(figure: Figure) -> str:
    return one_line(figure.counts or figure.unit or "") or "other figures"
