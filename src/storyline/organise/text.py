"""Small text helpers shared by the organise modules: words, names, sentences, dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from functools import cache

from storyline.models import Article, ArticleAnalysis, BlockKind, Sentence

_WORD = re.compile(r"\w+", re.UNICODE)
# Han, Hiragana/Katakana and Hangul have no spaces between words: use character bigrams.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[\w](?:\s+(?:[A-Z][\w'’.-]*[\w]|al|bin|de|van|von))*")
# A sentence ends at . ! ? (optionally followed by closing quotes) before a capital or quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# A publication range wider than this says too little to place an article among events.
_MAX_RANGE_DAYS = 14
# A guessed language below this confidence is treated as unknown (py3langid's normalised
# probability).  bench/cluster.py --fixed, mmds2025 (en/ms/id/zh): 0.0 and 0.5 give 0.858,
# 0.9 gives 0.844 and 0.99 0.832 (Malay and Indonesian are often guessed with less than
# 0.9); the English-only pools do not move.  A wrong guess can only raise a similarity.
LANGUAGE_CONFIDENCE = 0.5
# Characters of text read for that guess: its cost grows with length (py3langid: 0.33 ms for
# 2,000 characters, 0.17 ms for 600), and a lead paragraph is plenty (mmds2025 unchanged).
GUESS_CHARS = 600
_POSSESSIVE = re.compile(r"['’]s$")
# Capitalised words that are not names: titles, name particles, months and weekdays.
_NOT_NAMES = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov"),
        *("al", "bin", "de", "van", "von", "le", "la", "el"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    }
)


def article_language(article: Article, analysis: ArticleAnalysis | None) -> str | None:
    """The analysis' language, else the article's own, else a confident guess from its text."""
    if analysis is not None and analysis.language:
        return analysis.language
    if article.language:
        return article.language
    from storyline.analyze.language import detect_language  # py3langid only, no model

    code, confidence = detect_language(f"{article.title}\n{article.text[:GUESS_CHARS]}")
    return code if confidence >= LANGUAGE_CONFIDENCE else None


@cache
def stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "new", "year", "also"}


def words(text: str) -> list[str]:
    """Lower-cased word tokens; runs of CJK characters become overlapping bigrams."""
    lowered = text.lower()
    if not _CJK.search(lowered):
        return _WORD.findall(lowered)
    tokens: list[str] = []
    for match in _WORD.finditer(lowered):
        token = match.group()
        if _CJK.search(token):
            tokens.extend(_cjk_bigrams(token))
        else:
            tokens.append(token)
    return tokens


def _cjk_bigrams(token: str) -> list[str]:
    if len(token) < 2:
        return [token]
    return [token[i : i + 2] for i in range(len(token) - 1)]


def content_words(text: str) -> list[str]:
    """Words that carry topic: no stop words, no bare numbers, no single letters."""
    stops = stop_words()
    return [w for w in words(text) if len(w) > 1 and w not in stops and not w.isdigit()]


def name_keys(text: str) -> list[str]:
    """Proper-name keys found by capitalisation, used when no entity analysis is given.

    Each capitalised word of a name counts on its own ("name:kerry"), so "John Kerry" and
    a later "Kerry" share a key; stop words that merely start a sentence are dropped.
    """
    stops = stop_words()
    keys: list[str] = []
    for match in _NAME.finditer(text):
        for part in match.group().split():
            token = _POSSESSIVE.sub("", part).strip(".'’-").lower()
            if len(token) > 1 and token not in stops and token not in _NOT_NAMES:
                keys.append(f"name:{token}")
    return keys


def entity_keys(
    article: Article,
    analysis: ArticleAnalysis | None,
    entity_map: Mapping[tuple[str, str], str] | None,
) -> list[str]:
    """One key per entity mention: canonical across articles when ``entity_map`` is given."""
    if analysis is None or not analysis.analysed or not analysis.mentions:
        return name_keys(f"{article.title}\n{article.text}")
    if entity_map is None:
        return [mention.entity for mention in analysis.mentions]
    return [
        entity_map.get((article.id, mention.entity), mention.entity)
        for mention in analysis.mentions
    ]


def sentences(article: Article, analysis: ArticleAnalysis | None) -> tuple[Sentence, ...]:
    """The analysis's sentences, or a plain punctuation split of each paragraph."""
    if analysis is not None and analysis.sentences:
        return analysis.sentences
    return tuple(_split_blocks(article))


def _split_blocks(article: Article) -> Iterator[Sentence]:
    for index, block in enumerate(article.blocks):
        if block.kind is BlockKind.HEADING:
            continue
        start = block.start
        for match in _SENTENCE_END.finditer(article.text, block.start, block.end):
            if match.start() > start:
                yield Sentence(start, match.start(), index)
            start = match.end()
        if block.end > start:
            yield Sentence(start, block.end, index)


def article_day(article: Article, analysis: ArticleAnalysis | None) -> dt.date | None:
    """The day an article was published, or the middle of a narrow known range, or None."""
    for published in (article.published, analysis.published if analysis else None):
        if published is None:
            continue
        if published.day is not None:
            return published.day
        if published.earliest is not None and published.latest is not None:
            span = (published.latest - published.earliest).days
            if span <= _MAX_RANGE_DAYS:
                return published.earliest + dt.timedelta(days=span // 2)
    return None
