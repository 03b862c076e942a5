"""Quotes and their speakers: direct quotes inside marks, and reported (indirect) speech.

For every top-level quoted span (see ``quote_marks``) we look for a cue in two windows of
its sentence: the words after the closing mark (``"...," Kerry said``; a sentence-final
``..., Kerry said.`` wins over the clause's own subject) and the words before the opening
mark (``Kerry said: "..."``, ``Lavrov termed that decision "a disaster"``).  A quote with
no cue of its own continues the quote just before it (``"X," he said. "Y."``, a quote
re-opened in the next paragraph); one that still has none is kept with an unknown speaker
when it reads like speech, and dropped when it is a title, nickname or scare quote.  A
quote running over several paragraphs comes out as linked pieces, one per paragraph (so
that every span stays inside one block), sharing one speaker and cue.

Indirect speech ("Kerry said that the two had narrowed down options") is found by
``reported_speech`` and comes out with ``direct=False``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from storyline.analyze.attribution import (
    ArticleContext,
    Cue,
    Speaker,
    build_context,
    resolve,
)
from storyline.analyze.quote_cues import (
    SENTENCE_END,
    after_window,
    before_window,
    choose_cue,
    sentence_at,
)
from storyline.analyze.quote_marks import QuotedSpan, find_quoted_spans
from storyline.analyze.reported_speech import ReportedLimits, indirect_quotes
from storyline.models import Article, Mention, Quote, Sentence, SpeakerKind

CUE_GAP_CHARS = 3  # '"Special Wheaties," the gymnast said': a cue right after marks speech
TITLE_MAX_WORDS = 6  # longest Title Case fragment read as a name or work (invented set)
SMALL_TITLE_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "with"})
# Punctuation the American convention puts inside the closing mark although it belongs to the
# sentence around the quote ('"...thereafter," he said'); what was said never ends with it,
# while ? ! . and an ellipsis do and stay.
HOST_PUNCTUATION = frozenset(",:;")


@dataclass(frozen=True)
class QuoteOptions:
    """Tuning of quote finding; defaults set on bench/quotes.py (invented + samples)."""

    indirect: bool = True  # also report indirect speech (direct=False)
    inherit_gap_chars: int = 300  # a cue-less quote this close to the previous one continues it
    standalone_min_words: int = 4  # a cue-less, unlinked quote this long is kept as UNKNOWN
    bare_name_max_tokens: int = 6  # longest "Speaker:" prefix taken as a bare-name cue
    indirect_min_tokens: int = 3  # shortest reported clause
    indirect_min_own_words: int = 2  # fewer words outside marks: the clause is the quote


DEFAULT_OPTIONS = QuoteOptions()


def find_quotes(
    doc: Doc,
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    options: QuoteOptions = DEFAULT_OPTIONS,
) -> tuple[Quote, ...]:
    """Every quote of ``article`` with its speaker, in document order."""
    blocks = [(b.start, b.end) for b in article.blocks] or [(0, len(article.text))]
    spans = find_quoted_spans(article.text, blocks)
    context = build_context(doc, mentions, [(s.start, s.end) for s in spans], blocks)
    bounds = _sentence_bounds(doc, sentences)
    direct: list[Quote] = []
    previous: tuple[QuotedSpan, Quote] | None = None
    kept: list[QuotedSpan] = []
    for index, span in enumerate(spans):
        neighbours = (spans[index - 1] if index else None, spans[index + 1 : index + 2])
        if span.close_mark is None and not (neighbours[1] and neighbours[1][0].continued):
            continue  # a mark never closed nor re-opened: too unsure to claim anything
        quote = _direct_quote(context, article.text, span, neighbours, bounds, previous, options)
        if quote is not None:
            direct.append(quote)
            kept.append(span)
            previous = (span, quote)
    direct = _link_open_pieces(kept, direct)
    limits = ReportedLimits(options.indirect_min_tokens, options.indirect_min_own_words)
    indirect = indirect_quotes(context, direct, limits) if options.indirect else []
    ordered = sorted((*direct, *indirect), key=lambda q: (q.start, q.end))
    return tuple(_continue_reported(context, article.text, ordered, bounds, options))


# --------------------------------------------------------------------------- direct quotes


def _link_open_pieces(spans: Sequence[QuotedSpan], quotes: list[Quote]) -> list[Quote]:
    """A paragraph-long piece left open takes the speaker of the piece that continues it
    (the cue usually comes in the last paragraph of a long quote)."""
    linked = list(quotes)
    for index in range(len(linked) - 2, -1, -1):
        piece, following = linked[index], linked[index + 1]
        continues = spans[index].close_mark is None and spans[index + 1].continued
        if continues and piece.speaker_kind is SpeakerKind.UNKNOWN:
            linked[index] = replace(
                following, start=piece.start, end=piece.end, text=piece.text, partial=False
            )
    return linked


def _sentence_bounds(doc: Doc, sentences: Sequence[Sentence]) -> tuple[tuple[int, int], ...]:
    if sentences:
        return tuple(sorted((s.start, s.end) for s in sentences))
    return tuple((s.start_char, s.end_char) for s in doc.sents)


def _direct_quote(
    context: ArticleContext,
    text: str,
    span: QuotedSpan,
    neighbours: tuple[QuotedSpan | None, Sequence[QuotedSpan]],
    bounds: tuple[tuple[int, int], ...],
    previous: tuple[QuotedSpan, Quote] | None,
    options: QuoteOptions,
) -> Quote | None:
    if span.end <= span.start:
        return None
    block = context.block_at(span.open_mark)
    before = before_window(span, neighbours[0], bounds, block)
    if span.open_mark == block[0]:
        before = _colon_lead(context, text, block, bounds) or before
    after = after_window(text, span, neighbours[1], bounds, block)
    sentence = sentence_at(bounds, span.open_mark)
    sentence_start = max(sentence[0] if sentence else before[0], block[0])
    cue = choose_cue(context, span, (before, after), sentence_start, options.bare_name_max_tokens)
    interrupted = neighbours[0] is not None and before[0] == neighbours[0].after_close
    partial = _is_partial(text, span, before, interrupted)
    answered = cue is not None and 0 <= cue.start - span.after_close <= CUE_GAP_CHARS
    if not answered and _is_title_case(text[span.start : span.end], 1 if partial else 2):
        return None  # a work or name in a sentence ('fans of "Star Wars" said'), not words
    if cue is not None:
        speaker = _cue_speaker(context, cue)
        if speaker.kind is not SpeakerKind.UNKNOWN or speaker.text:
            return _make_quote(text, span, speaker, cue, partial)
    inherited = _inherit(context, text, span, before, previous, options)
    if inherited is not None:
        return inherited
    words = text[span.start : span.end].split()
    speech_like = text[span.start : span.end].rstrip("'\"’”")[-1:] in SENTENCE_END + ","
    opens_sentence = not any(char.isalpha() for char in text[before[0] : before[1]])
    if len(words) >= options.standalone_min_words and speech_like and opens_sentence:
        return _make_quote(text, span, Speaker(SpeakerKind.UNKNOWN, None, None), None, False)
    return None


def _colon_lead(
    context: ArticleContext, text: str, block: tuple[int, int], bounds: tuple[tuple[int, int], ...]
) -> tuple[int, int] | None:
    """The last sentence of the previous paragraph when it ends in a colon ('Abe also
    said:' and the quote below it), as the window before a quote opening its paragraph."""
    earlier = [b for b in context.blocks if b[1] <= block[0]]
    if not earlier or not text[earlier[-1][0] : earlier[-1][1]].rstrip().endswith(":"):
        return None
    start, end = earlier[-1]
    sentence = sentence_at(bounds, end - 1)
    return (max(sentence[0], start) if sentence else start), end


def _cue_speaker(context: ArticleContext, cue: Cue) -> Speaker:
    if cue.subject is None:
        return Speaker(SpeakerKind.UNKNOWN, None, None)
    return resolve(context, cue.subject)


def _is_partial(text: str, span: QuotedSpan, before: tuple[int, int], interrupted: bool) -> bool:
    """True when the quote is a fragment inside the sentence's own grammar.

    A quote that opens its sentence, resumes after an interrupting cue ('"X," he said,
    "y."'), or starts with a capital after a cue's colon or comma ('Kerry said: "We ..."')
    is whole.
    """
    lead = text[before[0] : before[1]].strip()
    if not any(char.isalpha() for char in lead) or interrupted:
        return False
    introduced = lead[-1:] in ":,"
    return not (introduced and text[span.start : span.start + 1].isupper())


def _is_title_case(words: str, min_words: int) -> bool:
    """'Star Wars', 'The Phantom Menace', 'Killing the White Man's Indian.'"""
    tokens = re.findall(r"[^\W\d_][\w'’-]*", words)
    if not min_words <= len(tokens) <= TITLE_MAX_WORDS:
        return False
    return all(t[0].isupper() or t.lower() in SMALL_TITLE_WORDS for t in tokens) and (
        tokens[0][0].isupper()
    )


def _speech_like(text: str, span: QuotedSpan, min_words: int) -> bool:
    """Reads like something said: ends like a sentence or clause, or is long."""
    words = text[span.start : span.end]
    return words.rstrip("'\"’”")[-1:] in SENTENCE_END + "," or len(words.split()) >= min_words


def _inherit(
    context: ArticleContext,
    text: str,
    span: QuotedSpan,
    before: tuple[int, int],
    previous: tuple[QuotedSpan, Quote] | None,
    options: QuoteOptions,
) -> Quote | None:
    """A cue-less quote right after another one continues the same speaker."""
    if previous is None:
        return None
    prior_span, prior = previous
    if not span.continued:
        gap = (prior_span.after_close, span.open_mark)
        if span.block - prior_span.block > 1 or gap[1] - gap[0] > options.inherit_gap_chars:
            return None
        if text[before[0] : before[1]].strip() and before[0] > prior_span.after_close:
            return None
        if _other_person_between(context, gap, prior.speaker):
            return None
        if not _speech_like(text, span, options.standalone_min_words):
            return None
    start, end = _spoken_words(text, span)
    return replace(prior, start=start, end=end, text=text[start:end], partial=False)


def _continue_reported(
    context: ArticleContext,
    text: str,
    quotes: list[Quote],
    bounds: tuple[tuple[int, int], ...],
    options: QuoteOptions,
) -> list[Quote]:
    """A cue-less quote right after reported speech continues its speaker: 'He said the
    tram failed to slow down. "Usually you feel the brakes."' (news audit, 2026-11)."""
    result = list(quotes)
    for index, quote in enumerate(result):
        if quote.speaker_kind is not SpeakerKind.UNKNOWN or quote.cue_start is not None:
            continue
        earlier = [q for q in result[:index] if q.end <= quote.start]
        prior = max(earlier, key=lambda q: q.end, default=None)
        if prior is None or prior.speaker_kind is SpeakerKind.UNKNOWN:
            result[index] = _introduced(context, text, quote, bounds) or quote
            continue
        between = text[prior.end : quote.start]
        if prior.cue_start is not None and prior.cue_end is not None:
            between = between.replace(text[prior.cue_start : prior.cue_end], "", 1)
        near = quote.start - prior.end <= options.inherit_gap_chars and between.count("\n\n") <= 1
        bare = near and not any(char.isalnum() for char in between)
        if bare and not _other_person_between(context, (prior.end, quote.start), prior.speaker):
            spoken = replace(prior, start=quote.start, end=quote.end, text=quote.text)
            result[index] = replace(spoken, direct=True, partial=False)
        else:
            result[index] = _introduced(context, text, quote, bounds) or quote
    return result


def _introduced(
    context: ArticleContext, text: str, quote: Quote, bounds: tuple[tuple[int, int], ...]
) -> Quote | None:
    """A cue-less quote right after a sentence whose subject is one named person is theirs:
    'Yoshihiro Naito, 77, opposed the idea. "The commitment has kept Japan safe."'."""
    opening = sentence_at(bounds, quote.start)
    earlier = [b for b in bounds if opening and b[1] <= opening[0]]
    before = earlier[-1] if earlier else None
    if before is None or context.block_at(before[0]) != context.block_at(quote.start):
        return None
    if any(char.isalnum() for char in text[before[1] : quote.start]):
        return None
    people = [
        c
        for c in context.persons
        if before[0] <= c.offset < before[1] and c.is_subject and not c.is_plural
    ]
    keys = {c.speaker.key for c in people}
    if len(keys) != 1 or people[0].speaker.kind is not SpeakerKind.NAMED:
        return None
    speaker = people[0].speaker
    return replace(quote, speaker_kind=speaker.kind, speaker=speaker.key, speaker_text=speaker.text)


def _other_person_between(
    context: ArticleContext, gap: tuple[int, int], speaker: str | None
) -> bool:
    """Another person acting as a clause subject between two quotes breaks the chain."""
    return any(
        gap[0] <= c.offset < gap[1] and c.is_subject and c.speaker.key != speaker
        for c in context.persons
    )


def _spoken_words(text: str, span: QuotedSpan) -> tuple[int, int]:
    """The quote's span without the host sentence's , : or ; left inside the marks.

    The span is trimmed, not the string, so that ``Quote.text`` stays ``text[start:end]``.
    """
    end = span.end
    while end > span.start and (text[end - 1] in HOST_PUNCTUATION or text[end - 1].isspace()):
        end -= 1
    if not any(char.isalnum() for char in text[span.start : end]):
        return span.start, span.end  # nothing but punctuation: keep what the marks hold
    return span.start, end


def _make_quote(
    text: str, span: QuotedSpan, speaker: Speaker, cue: Cue | None, partial: bool
) -> Quote:
    start, end = _spoken_words(text, span)
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        speaker_kind=speaker.kind,
        speaker=speaker.key,
        speaker_text=speaker.text,
        verb=cue.verb if cue else None,
        direct=True,
        partial=partial,
        cue_start=cue.start if cue else None,
        cue_end=cue.end if cue else None,
    )
