"""Small text helpers shared by the organise modules: words, names, sentences, dates."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache

from storyline.models import (
    Article,
    ArticleAnalysis,
    BlockKind,
    Granularity,
    Sentence,
    TimeValue,
)

_WORD = re.compile(r"\w+", re.UNICODE)
# Han (with Extensions A and B and the compatibility ideographs), Hiragana/Katakana and
# Hangul (syllables and Jamo) have no spaces between words: use character bigrams.
_CJK_CHARS = (
    "\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002a6df"
)
_CJK = re.compile(f"[{_CJK_CHARS}]")
# Inside one \w+ token ("北京2013年7月APEC峰会"), the CJK runs and the runs of anything else.
_CJK_OR_OTHER_RUN = re.compile(f"[{_CJK_CHARS}]+|[^{_CJK_CHARS}]+")
# A word that may be (part of) a name: starts with a letter of any script, may hold
# apostrophes, dots and hyphens ("O'Brien", "U.S.", "Jean-Claude"), ends with a word character.
_NAME_WORD = re.compile(r"\b[^\W\d_][\w'’.-]*\w")
_NAME_JOINERS = "'’.-"
# A sentence ends at . ! ? and the closing quotes or bracket after it (group 1, part of the
# sentence) before a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’)]*)\s+(?=[\"“‘(]?[A-Z0-9])")
# Abbreviations whose full stop does not end a sentence: titles and other words written
# before a name or a number ("Mr. Lavrov", "Gen. Smith", "Jan. 5", "No. 10").  Case matters:
# "no." ends a sentence.  Words that often end one ("Inc.", "Jr.", "etc.") are left out.
_ABBREVIATIONS = frozenset(
    {
        *("Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Rev", "Fr", "Hon", "Amb"),
        *("Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig"),
        *("Sen", "Rep", "Gov", "Pres", "Supt", "Insp", "Det", "Atty", "Sec", "Sens", "Reps"),
        *("St", "Mt", "Ft", "No", "Nos", "vs"),
        *("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"),
    }
)
# One capital initial ("J." of "J. Smith") or a dotted acronym ("U.S.", "U.N."): the text
# before the final full stop.  A sentence that ends with one ("... moved to the U.S. Then
# ...") stays joined to the next: a long sentence misleads less than one cut mid-name.
_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")
# A publication range wider than this says too little to place an article among events.
_MAX_RANGE_DAYS = 14
# A guessed language below this confidence is treated as unknown (py3langid's normalised
# probability).  A wrong guess can only raise a similarity, so the bar is high: on
# bench/scale.py's synthetic text (random words) 0.5 let chance guesses merge stories
# (BCubed F1 1.000 -> 0.996 at 10k), 0.9 does not.  bench/cluster.py --fixed, mmds2025
# (en/ms/id/zh): 0.858 at 0.5, 0.846 at 0.9 (Malay and Indonesian are often guessed with
# less); with an analysis its language is used and the figure is 0.858.
LANGUAGE_CONFIDENCE = 0.9
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
    """Lower-cased word tokens; runs of CJK characters become overlapping bigrams.

    Digits and Latin letters written against CJK ("2013年7月APEC峰会") stay words of their
    own, so years and numbers are still seen.
    """
    lowered = text.lower()
    if not _CJK.search(lowered):
        return _WORD.findall(lowered)
    tokens: list[str] = []
    for match in _WORD.finditer(lowered):
        token = match.group()
        if not _CJK.search(token):
            tokens.append(token)
            continue
        for run in _CJK_OR_OTHER_RUN.findall(token):
            tokens.extend(_cjk_bigrams(run) if _CJK.match(run) else [run])
    return tokens


def _cjk_bigrams(run: str) -> list[str]:
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def content_words(text: str) -> list[str]:
    """Words that carry topic: no stop words, no bare numbers, no single letters."""
    stops = stop_words()
    return [w for w in words(text) if len(w) > 1 and w not in stops and not w.isdigit()]


def name_keys(text: str) -> list[str]:
    """Proper-name keys found by capitalisation, used when no entity analysis is given.

    Each capitalised word of a name counts on its own ("name:kerry"), so "John Kerry" and
    a later "Kerry" share a key; a capital of any script starts a name ("Édouard",
    "Путин").  Stop words that merely start a sentence, titles, name particles, months and
    weekdays are dropped.
    """
    return [key for key, _ in named_words(text)]


def named_words(text: str) -> Iterator[tuple[str, str]]:
    """(key, spelling) of each name word ``name_keys`` finds: ("name:kim", "Kim")."""
    stops = stop_words()
    for word in _capitalised_words(text):
        surface = _POSSESSIVE.sub("", word).strip(".'’-")
        token = surface.lower()
        if len(token) > 1 and token not in stops and token not in _NOT_NAMES:
            yield f"name:{token}", surface


def _capitalised_words(text: str) -> Iterator[str]:
    """Words starting with an upper-case letter; in a word that starts lower-case, the
    part from a capital after an apostrophe, dot or hyphen ("al-Assad" gives "Assad")."""
    for match in _NAME_WORD.finditer(text):
        word = match.group()
        if word[0].isupper():
            yield word
            continue
        for index in range(1, len(word) - 1):
            if word[index - 1] in _NAME_JOINERS and word[index].isupper():
                yield word[index:]
                break


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
            if _after_abbreviation(article.text, start, match.start()):
                continue
            if match.end(1) > start:
                yield Sentence(start, match.end(1), index)
            start = match.end()
        if block.end > start:
            yield Sentence(start, block.end, index)


def _after_abbreviation(text: str, floor: int, mark_end: int) -> bool:
    """Whether the end mark just before ``mark_end`` is the full stop of an abbreviation
    ("Mr.", "Gen.", "J.", "U.S.") rather than the end of a sentence."""
    if text[mark_end - 1] != ".":
        return False
    word_start = mark_end - 1
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start : mark_end - 1].lstrip('"“‘(')
    return word in _ABBREVIATIONS or _INITIALS.fullmatch(word) is not None


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]``'s span without the white space around it (empty at ``end`` when
    there is nothing else): what a citation of a sentence points at."""
    raw = text[start:end]
    first = start + len(raw) - len(raw.lstrip())
    return first, max(first, start + len(raw.rstrip()))


def publication_time(article: Article, analysis: ArticleAnalysis | None) -> TimeValue | None:
    """When an article was published: its day, or a known range of at most
    ``_MAX_RANGE_DAYS`` days as a RANGE value (never a day picked from it), or None.

    Like ``evidence.article_span``, a publication date whose source is unknown is not used.
    """
    for published in (article.published, analysis.published if analysis else None):
        if published is None or not published.known:
            continue
        if published.day is not None:
            return TimeValue(published.day, published.day, Granularity.DAY)
        earliest, latest = published.earliest, published.latest
        if (
            earliest is not None
            and latest is not None
            and (latest - earliest).days <= _MAX_RANGE_DAYS
        ):
            return TimeValue(earliest, latest, Granularity.RANGE)
    return None


def unbalanced_quotes(text: str) -> bool:
    """Whether a quotation opens or closes outside the sentence: the sentence was cut from
    a longer quote (``We are not," said ...``) and shows a mark without its pair."""
    straight = text.count('"') % 2 == 1
    curly = text.count("“") != text.count("”")
    latex = text.count("``") != text.count("''")  # DUC's ``...'' quotes
    return straight or curly or latex
