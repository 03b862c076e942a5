"""Sentence boundaries for news text: the parser's, kept inside blocks and corrected.

The small English parser splits well on plain prose but trips on what news copy is made
of: abbreviations ("U.S.", "Gen.", "Sept. 11"), initials, attributions after a quote
('..." he said.'), and closing quotes left at the start of the next sentence.  We take
its boundaries as candidates, add a boundary at every line break (the pipeline pins them
before parsing), then remove the false ones and add the few it misses, with rules that
read the text around each boundary.  Measured on tests/data/sentences.jsonl by
bench/sentences.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from storyline.analyze.aliases import word_set
from storyline.models import Article, Sentence

# Abbreviations that are never the last word of a sentence: a name or number follows.
NEVER_FINAL = word_set(
    "mr mrs ms dr gen sen rep gov lt col sgt capt adm prof rev st pres sec atty supt cmdr "
    "maj brig cpl pvt hon messrs mmes msgr gens sens reps vs ft mt approx dept"
)
# Abbreviations a number follows ("No. 2", "Nos. 3 and 4"); "no." alone may end a sentence.
BEFORE_NUMBER = word_set("no nos fig art")
# Abbreviations that may end a sentence or not ("Apple Inc. said" / "... Inc. The"); read
# like dotted ones ("U.S.") by looking at the next word.
MAYBE_FINAL = word_set("inc corp co ltd jr sr bros plc llc etc")
# Month abbreviations: inside the sentence when a day number follows ("Sept. 11").
MONTHS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# Clock abbreviations: a capitalised word after them starts a new sentence unless it is
# a day or month ("at 10 a.m. Tuesday").
CLOCK = frozenset(("a.m.", "p.m."))
CALENDAR_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december et est gmt utc"
)
# Words that commonly open a sentence; after "U.S." or "a.m." they mean a new sentence,
# while any other capitalised word ("U.S. Army") continues the current one.
SENTENCE_OPENERS = word_set(
    "the a an he she it they we i you his her its their our this that these those there but "
    "and or so yet in on at for after before when while if as since although though "
    "meanwhile however still then now later earlier officials police some many most no one "
    "two three four five six seven eight nine ten"
)
REPORTING_VERBS = (
    "said|says|say|told|tells|asked|asks|added|adds|wrote|writes|explained|insisted|noted|"
    "warned|argued|replied|continued|declared|stated|recalled|acknowledged|according"
)

_LAST_WORD = re.compile(r"(\S+)\s*$")
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S. U.N. a.m. D.C.
_INITIAL = re.compile(r"(?:^|\s)[A-Z][\w.'’-]*\s+[A-Z]\.$")  # "George W."
_INITIAL_ONLY = re.compile(r"^[A-Z]\.$")
# Closing quotes include the wire-copy '' (DUC, PTB style), opening ones ``.
_CONTINUING_QUOTE = re.compile(r"[,;:–—-](?:''|[\"”’'])$")  # '..., "' : comma + quote
# A piece ending in one of these goes on in the next ("WASHINGTON (AP) _ The ..." uses
# the wire's underscore for a dash).
_CONTINUING_MARKS = ",;:-–—_"
_ASKING_QUOTE = re.compile(r"[?!](?:''|[\"”’'])$")
_ATTRIBUTION = re.compile(
    rf"^(?:(?:{REPORTING_VERBS})\b|(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:{REPORTING_VERBS})\b"
    rf"|(?:he|she|they|we|I|it)\s+(?:{REPORTING_VERBS})\b)"
)
# A boundary the parser may have missed: terminal punctuation, optional closing quote,
# space, then an optional opening quote and a capital letter or digit.
_MISSED_BOUNDARY = re.compile(r"[.?!]+(?:''|[\"”’')\]])*\s+(?=(?:``|[\"“‘(\[])?[A-Z0-9])")


def split_sentences(doc: Doc, article: Article) -> tuple[Sentence, ...]:
    """Sentences of ``article`` as offsets into ``article.text``; none crosses a block."""
    # Without a parser or senter (a blank pipeline) the rules alone split the text.
    parsed = doc.has_annotation("SENT_START")
    starts = sorted({sentence.start_char for sentence in doc.sents}) if parsed else []
    sentences: list[Sentence] = []
    for index, block in enumerate(article.blocks):
        inner = [s for s in starts if block.start < s < block.end]
        cuts = [block.start, *inner, block.end]
        pieces = [
            piece
            for left, right in itertools.pairwise(cuts)
            if (piece := _strip(article.text, left, right)) is not None
        ]
        for start, end in _correct(article.text, pieces):
            sentences.append(Sentence(start, end, index))
    return tuple(sentences)


def split_text(text: str, candidate_starts: list[int]) -> list[tuple[int, int]]:
    """Correct candidate starts inside one block of ``text`` (for benchmarks and tests)."""
    cuts = [0, *[s for s in sorted(set(candidate_starts)) if 0 < s < len(text)], len(text)]
    pieces = [
        piece
        for left, right in itertools.pairwise(cuts)
        if (piece := _strip(text, left, right)) is not None
    ]
    return list(_correct(text, pieces))


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _correct(text: str, pieces: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Move stray closing quotes back, merge false splits, then add missed splits."""
    merged: list[tuple[int, int]] = []
    for start, end in _attach_bare_symbols(text, _reattach_closing_quotes(text, pieces)):
        if merged and _is_false_boundary(text, merged[-1], (start, end)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    for start, end in merged:
        yield from _split_missed(text, start, end)


def _reattach_closing_quotes(text: str, pieces: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A piece that opens with a closing quote gives the quote back to the piece before."""
    previous: tuple[int, int] | None = None
    for start, end in pieces:
        quote = _closing_quote_length(text, start, end) if previous is not None else 0
        if previous is not None and quote:
            previous = (previous[0], start + quote)
            rest = _strip(text, start + quote, end)
            if rest is None:
                continue
            yield previous
            previous = rest
            continue
        if previous is not None:
            yield previous
        previous = (start, end)
    if previous is not None:
        yield previous


def _attach_bare_symbols(text: str, pieces: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A piece without a letter or digit (a bullet, a dash) joins the piece after it."""
    pending: int | None = None
    for start, end in pieces:
        if pending is not None and "\n" in text[pending:start]:
            yield pending, _strip_end(text, pending, start)
            pending = None
        if not any(char.isalnum() for char in text[start:end]):
            pending = start if pending is None else pending
            continue
        yield (pending if pending is not None else start), end
        pending = None
    if pending is not None:
        yield pending, _strip_end(text, pending, len(text))


def _strip_end(text: str, start: int, end: int) -> int:
    stripped = _strip(text, start, end)
    return stripped[1] if stripped else end


def _closing_quote_length(text: str, start: int, end: int) -> int:
    """Length of the closing quote a piece opens with (a parser slip), or 0."""
    if text[start] in "”’»":
        return 1
    for quote in ("''", '"', "'"):
        after = start + len(quote)
        if text.startswith(quote, start) and (after == end or text[after].isspace()):
            return len(quote)
    return 0


def _is_false_boundary(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """True when the boundary between ``left`` and ``right`` splits one sentence."""
    if "\n" in text[left[1] : right[0]]:
        return False  # a line break is a boundary by definition (pinned before parsing)
    before = text[left[0] : left[1]]
    after = text[right[0] : right[1]]
    return _continues_after(before, after) or _ends_mid_sentence(before, after)


def _continues_after(before: str, after: str) -> bool:
    """The next piece reads as the rest of the sentence (lowercase, attribution)."""
    first = after.lstrip("\"“‘'`(")
    if first[:1].islower():
        return True
    if _CONTINUING_QUOTE.search(before) or before[-1:] in _CONTINUING_MARKS:
        return True
    return bool(_ASKING_QUOTE.search(before) and _ATTRIBUTION.match(after))


def _ends_mid_sentence(before: str, after: str) -> bool:
    """The piece ends with an abbreviation or initial that a name or number follows."""
    match = _LAST_WORD.search(before)
    if match is None or not before.endswith("."):
        return False
    word = match.group(1).lstrip("\"“‘'(")
    stem = word[:-1].lower()
    next_word = after.split(maxsplit=1)[0] if after.split() else ""
    if stem in NEVER_FINAL:
        return True
    if stem in MONTHS or stem in BEFORE_NUMBER:
        return next_word[:1].isdigit()
    if _INITIAL.search(before) and len(word) == 2:
        return next_word[:1].isupper()
    if _INITIAL_ONLY.match(word):
        return bool(_INITIAL_ONLY.match(next_word))  # "J. R. Tolland"
    if word.lower() in CLOCK:
        return next_word[:1].islower() or next_word.lower().strip(",.") in CALENDAR_WORDS
    if _DOTTED_ABBREVIATION.match(word) or stem in MAYBE_FINAL:
        return next_word.strip("\"“‘'(,").lower() not in SENTENCE_OPENERS
    return False


def _split_missed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a piece at terminal punctuation the parser let through."""
    piece_start = start
    for match in _MISSED_BOUNDARY.finditer(text, start, end):
        left = _strip(text, piece_start, match.end())
        right = _strip(text, match.end(), end)
        if left is None or right is None:
            continue
        if _is_false_boundary(text, left, right) or _too_short(text, left):
            continue
        yield left
        piece_start = match.end()
    rest = _strip(text, piece_start, end)
    if rest is not None:
        yield rest


def _too_short(text: str, piece: tuple[int, int]) -> bool:
    """One bare word before a period is an abbreviation we do not know, not a sentence."""
    words = text[piece[0] : piece[1]].split()
    return len(words) < 2
