"""Where a quote's cue is: the words around its marks, and the reporting verb in them.

Two windows of the quote's sentence, clipped to its block, are searched: the words after
the closing mark (up to the next quote) and the words before the opening mark (from the
previous quote).  After the quote, a reporting verb counts when only punctuation or a
comma separates it from the marks (``"...," Kerry said`` and a sentence-final
``..., Kerry said.``), so that a later clause ("and Lavrov said nothing") is not taken.
Before the quote, the verb must govern the quoted words in the parse, or end in a colon.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from storyline.analyze.attribution import (
    ArticleContext,
    Cue,
    is_quoted,
    person_before,
)
from storyline.analyze.quote_marks import QuotedSpan
from storyline.analyze.speaker_clues import (
    DASHES,
    NAMING_VERBS,
    according_to_source,
    is_speech_verb,
    subject_span,
    verb_subject,
)
from storyline.models import EntityKind

SENTENCE_END = ".!?…"
QUESTION_ENDS = "?!"
TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM"})
TITLE_VERBS = frozenset({"write", "publish", "post", "title"})
# The short object between a naming verb and its quote: " the deal ", " it as ", " them ".
NAMED_OBJECT = re.compile(
    r"\s+(?:(?:the|this|that|these|those|his|her|its|their|our|it|them|him|us)\b"
    r"(?:\s+[\w'’-]+){0,3}?\s+)?(?:as\s+)?"
)
DASH_NAME_TOKENS = 8  # longest speaker after a dash ("a senior official in the ministry")
DESCRIPTION_TOKENS = 25  # longest "a widow with four young children, ..." between name and verb
GOVERNED_TOKENS = 40  # quote words checked for the cue verb among their ancestors


def sentence_at(bounds: tuple[tuple[int, int], ...], offset: int) -> tuple[int, int] | None:
    index = bisect.bisect_right(bounds, (offset, 1 << 62)) - 1
    if index >= 0 and bounds[index][0] <= offset < bounds[index][1]:
        return bounds[index]
    return None


def before_window(
    span: QuotedSpan,
    prior: QuotedSpan | None,
    bounds: tuple[tuple[int, int], ...],
    block: tuple[int, int],
) -> tuple[int, int]:
    sentence = sentence_at(bounds, span.open_mark)
    start = max(sentence[0] if sentence else span.open_mark, block[0])
    if prior is not None and prior.block == span.block:
        start = max(start, prior.after_close)
    return start, max(start, span.open_mark)


def after_window(
    text: str,
    span: QuotedSpan,
    following: Sequence[QuotedSpan],
    bounds: tuple[tuple[int, int], ...],
    block: tuple[int, int],
) -> tuple[int, int]:
    start = span.after_close
    rest = text[start:].lstrip(" \t")
    ending = text[span.start : span.end].rstrip()[-1:]
    if span.close_mark is None or not rest or rest[0] == "\n":
        return start, start
    new_sentence = ending in SENTENCE_END and not rest[0].islower() and rest[0] not in DASHES
    if new_sentence and ending not in QUESTION_ENDS:
        return start, start
    rest_start = start + len(text[start:]) - len(rest)
    sentence = sentence_at(bounds, rest_start)
    end = min(sentence[1] if sentence else start, block[1])
    if following and following[0].block == span.block:
        end = min(end, following[0].open_mark)
    if new_sentence:
        # '"...?" Tambara asked.' goes on; a new sentence after "?" is cut at its first clause.
        clause = re.search(r"[,;:.!?]", text[rest_start:end])
        end = rest_start + clause.end() if clause else end
    return start, max(start, end)


def tokens_in(doc: Doc, window: tuple[int, int]) -> Span | None:
    if window[1] <= window[0]:
        return None
    return doc.char_span(window[0], window[1], alignment_mode="contract")


def choose_cue(
    context: ArticleContext,
    span: QuotedSpan,
    windows: tuple[tuple[int, int], tuple[int, int]],
    sentence_start: int,
    bare_name_max_tokens: int,
) -> Cue | None:
    before, after = windows
    doc = context.doc
    after_tokens, before_tokens = tokens_in(doc, after), tokens_in(doc, before)
    after_cue = _dash_cue(after_tokens) or _cue_after(context, after_tokens)
    before_cue = _cue_before(context, span, before_tokens, bare_name_max_tokens)
    if after_cue is None and before_cue is None and sentence_start < before[0]:
        # 'called the plan "ambitious" but "realistic"': a verb before an earlier quote
        # of the same sentence may still govern this one.
        wider = tokens_in(doc, (sentence_start, before[1]))
        before_cue = _cue_before(context, span, wider, bare_name_max_tokens, must_govern=True)
    if after_cue is not None and before_cue is not None and after_cue.verb is not None:
        verb = doc.char_span(after_cue.start, after_cue.end, alignment_mode="expand")
        own_subject = (
            verb is not None
            and after_cue.subject is not None
            and (after_cue.subject.start >= verb.start)
        )
        return after_cue if own_subject else before_cue
    return after_cue or before_cue


def _dash_cue(tokens: Span | None) -> Cue | None:
    """'"..." — Kerry', '"..." - a senior official', '"..." — Jon Cryer, on his win'."""
    if tokens is None or len(tokens) < 2 or tokens[0].text not in DASHES:
        return None
    words: list[Token] = []
    for token in tokens[1:]:
        hyphen = token.text in {"-", "‐"} and not token.doc[token.i - 1].whitespace_
        if token.is_punct and token.text not in {".", "'"} and not hyphen:  # "Louis-Dreyfus"
            break  # the name ends at a comma: ", on his upset victory"
        words.append(token)
    while words and words[-1].is_punct:
        words.pop()
    first = words[0] if words else None
    if first is None or len(words) > DASH_NAME_TOKENS:
        return None
    if not (first.text[:1].isupper() or first.lower_ in {"a", "an", "the", "one"}):
        return None
    name = tokens.doc[first.i : words[-1].i + 1]
    return Cue(None, name, tokens[0].idx, name.end_char)


def _cue_after(context: ArticleContext, tokens: Span | None) -> Cue | None:
    if tokens is None:
        return None
    for token in tokens:
        if not is_speech_verb(token):
            continue
        subject = subject_of(context, token) or _person_before_comma(context, token, tokens)
        if subject is None or subject.root.i < tokens.start:
            # A subject before the quote holds it ('Bonder, author of "The Kabbalah of
            # Money," said ...'): the quote is part of the subject, not its words.
            continue
        left = min(token.i, max(subject.start, tokens.start))
        lead = tokens.doc[tokens.start : left]
        preceded_by_break = left > tokens.start and tokens.doc[left - 1].text in {",", "("} | DASHES
        # Only marks, or a title the parser left out of the subject ("astronomer Ruth ...").
        if all(t.is_punct or t.pos_ in TITLE_POS for t in lead) or preceded_by_break:
            start = min(token.idx, subject.start_char)
            end = max(token.idx + len(token), subject.end_char)
            return Cue(token.lemma_.lower(), subject, start, end)
    return None


def _person_before_comma(context: ArticleContext, verb: Token, tokens: Span) -> Span | None:
    """The speaker of a verb the parser left without a subject: a person named right
    before ", told" ('"...," a local lawmaker, Eric Ciotti, told France Info'), or right
    after the marks and followed by a description ('"...," Ana Lima, a widow with four
    children, said')."""
    if verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    name = person_before(context, verb.doc[verb.i - 1])
    if name is not None and name.start >= tokens.start:
        return name
    first = next((t for t in tokens if not t.is_punct), None)
    if first is None or first.i >= verb.i:
        return None
    lead = verb.doc[first.i : first.i + 3]  # "Beatrice" before a mention "Akoth Yongo"
    mention = next((m for m in context.mentions if first.idx <= m.start < lead.end_char), None)
    if mention is None or mention.kind is not EntityKind.PERSON:
        return None
    if not all(t.is_title for t in verb.doc[first.i : first.i + 3] if t.idx < mention.start):
        return None
    name = verb.doc.char_span(first.idx, mention.end, alignment_mode="expand")
    if name is None or name.end >= verb.i or verb.doc[name.end].text != ",":
        return None
    return name if verb.i - name.end <= DESCRIPTION_TOKENS else None


def _cue_before(
    context: ArticleContext,
    span: QuotedSpan,
    tokens: Span | None,
    bare_name_max_tokens: int,
    must_govern: bool = False,
) -> Cue | None:
    if tokens is None:
        return None
    doc = context.doc
    quote_tokens = tokens_in(doc, (span.start, span.end))
    ends_with_colon = tokens.text.rstrip().endswith(":")
    for token in reversed(tokens):
        if not is_speech_verb(token):
            continue
        governs = quote_tokens is not None and any(
            token in t.ancestors for t in quote_tokens[:GOVERNED_TOKENS]
        )
        if quote_tokens is not None and _is_written_title(token, quote_tokens):
            continue
        subject = subject_of(context, token)
        names = _names_quote(doc.text, token, span)
        loose = not must_govern and (ends_with_colon or token.dep_ == "ROOT" or names)
        if subject is not None and (governs or loose):
            start = min(token.idx, subject.start_char)
            end = max(token.idx + len(token), subject.end_char)
            return Cue(token.lemma_.lower(), subject, start, end)
    if ends_with_colon and not must_govern and len(tokens) <= bare_name_max_tokens + 1:
        return _bare_name_cue(context, tokens)
    return None


def _names_quote(text: str, verb: Token, span: QuotedSpan) -> bool:
    """'called the deal "..."', 'described it as "..."', 'termed that decision "..."': a
    naming verb whose short object leads straight into the quote, whatever the parse."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    between = text[verb.idx + len(verb) : span.open_mark]
    return NAMED_OBJECT.fullmatch(between) is not None


def _is_written_title(verb: Token, quote_tokens: Span) -> bool:
    """'wrote "The Brainy Bunch"', 'wrote X in "Killing the ..."': a title, not words."""
    root = quote_tokens.root
    if verb.lemma_.lower() not in TITLE_VERBS:
        return False
    in_work = root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head == verb
    return in_work or (root.head == verb and root.dep_ == "dobj")


def _bare_name_cue(context: ArticleContext, tokens: Span) -> Cue | None:
    """'Kerry: "..."' or 'Obama on Syria: "..."': a name leading a short prefix."""
    for mention in context.mentions:
        if tokens.start_char <= mention.start < tokens.end_char and mention.kind in {
            EntityKind.PERSON,
            EntityKind.ORGANISATION,
        }:
            name = context.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if name is not None:
                return Cue(None, name, name.start_char, name.end_char)
    return None


def subject_of(context: ArticleContext, verb: Token) -> Span | None:
    """The subject span of a reporting verb, never words inside the quote itself."""
    if verb.lower_ == "according":
        source = according_to_source(verb)
        return subject_span(source) if source is not None else None
    subject = verb_subject(verb)
    if subject is None or is_quoted(context, subject.idx):
        return None
    if context.block_at(subject.idx) != context.block_at(verb.idx):
        return None
    words = subject_span(subject)
    adjacent = person_before(context, verb)
    if adjacent is not None and not _holds_person(context, words):
        return adjacent  # "Bandar Seri Begawan, Brunei Secretary of State John Kerry said"
    return words


def _holds_person(context: ArticleContext, words: Span) -> bool:
    return any(
        m.kind is EntityKind.PERSON and words.start_char <= m.start < words.end_char
        for m in context.mentions
    )
