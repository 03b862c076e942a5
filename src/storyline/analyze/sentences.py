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

from storyline.analyze.sentence_repairs import (
    ELLIPSIS_CREDIT,
    continues_news_piece,
    ends_mid_sentence,
)
from storyline.models import Article, Sentence

REPORTING_VERBS = (
    "said|says|say|told|tells|asked|asks|added|adds|wrote|writes|explained|insisted|noted|"
    "warned|argued|replied|continued|declared|stated|recalled|acknowledged|according"
)

# Closing quotes include the wire-copy '' (DUC, PTB style), opening ones ``.
_CONTINUING_QUOTE = re.compile(r"[,;:–—-](?:''|[\"”’'])+$")  # '..., "' : comma + quote
# A piece ending in one of these goes on in the next ("WASHINGTON (AP) _ The ..." uses
# the wire's underscore for a dash).
_CONTINUING_MARKS = ",;:-–—_"
_ASKING_QUOTE = re.compile(r"[?!](?:''|[\"”’'])+$")  # '...?"' and nested '...!\'"'
_OPENING_QUOTES = ("``", "“", '"')
# Words in an attribution that a question mark left outside its quote may take ("Warden
# asked.", "the senator asked reporters."); a cap from the news audit described in
# sentence_repairs, where attributions after such questions ran two to four words.
_SHORT_ATTRIBUTION_WORDS = 6
# Wire copy that writes '' for both quotes sometimes sets the opening one apart after a
# full stop ("... States. '' We can ..."); the parser leaves it on the sentence before.
_DANGLING_OPENER = re.compile(r"[.?!]\s+(''|\")$")
_ATTRIBUTION = re.compile(
    rf"^(?:(?:{REPORTING_VERBS})\b|(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:{REPORTING_VERBS})\b"
    rf"|(?:he|she|they|we|I|it)\s+(?:{REPORTING_VERBS})\b)"
)
# A boundary the parser may have missed: terminal punctuation, optional closing quote,
# space, then an optional opening quote and a capital letter or digit; or the closing
# parenthesis of a credit after a truncated caption ("... the square... (AP) Crowds").
_MISSED_BOUNDARY = re.compile(
    r"(?:[.?!]+(?:''|[\"”’')\]])*|(?<=\)))\s+(?=(?:``|'' ?|[\"“‘(\[])?[A-Z0-9])"
)


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
    quoted = _move_dangling_openers(text, _reattach_closing_quotes(text, pieces))
    for start, end in _attach_bare_symbols(text, quoted):
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


def _move_dangling_openers(
    text: str, pieces: Iterator[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """An opening quote left at the end of a finished piece moves to the next piece."""
    previous: tuple[int, int] | None = None
    for start, end in pieces:
        if previous is not None and "\n" not in text[previous[1] : start]:
            dangling = _DANGLING_OPENER.search(text, previous[0], previous[1])
            if dangling is not None:
                quote = dangling.start(1)
                previous, start = (previous[0], _strip_end(text, previous[0], quote)), quote
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
    if (
        start > 0
        and text[start - 1].isspace()
        and text[max(0, start - 8) : start].rstrip()[-1:] in (".", "?", "!")
    ):
        return 0  # set apart after a full stop: it opens the next sentence
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
    return (
        _continues_after(before, after)
        or ends_mid_sentence(before, after)
        or continues_news_piece(before, after)
    )


def _continues_after(before: str, after: str) -> bool:
    """The next piece reads as the rest of the sentence (lowercase, attribution)."""
    first = after.lstrip("\"“‘'`(")
    if first[:1].islower():
        return True
    if _CONTINUING_QUOTE.search(before) or before[-1:] in _CONTINUING_MARKS:
        return True
    if _ASKING_QUOTE.search(before) and _ATTRIBUTION.match(after):
        return True
    return _asks_inside_a_quote(before, after)


def _asks_inside_a_quote(before: str, after: str) -> bool:
    """``Is that all'' you want? | Warden asked.": a quoted question whose mark ends up
    outside the quote, then a short attribution."""
    if before[-1:] not in ("?", "!") or not any(mark in before for mark in _OPENING_QUOTES):
        return False
    return len(after.split()) <= _SHORT_ATTRIBUTION_WORDS and bool(_ATTRIBUTION.match(after))


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
        if text[match.start()] not in ".?!" and not _ends_with_caption_credit(text, left):
            continue
        yield left
        piece_start = match.end()
    rest = _strip(text, piece_start, end)
    if rest is not None:
        yield rest


def _ends_with_caption_credit(text: str, piece: tuple[int, int]) -> bool:
    return ELLIPSIS_CREDIT.search(text, piece[0], piece[1]) is not None


def _too_short(text: str, piece: tuple[int, int]) -> bool:
    """One bare word before a period is an abbreviation we do not know, not a sentence."""
    words = text[piece[0] : piece[1]].split()
    return len(words) < 2
