"""Indirect (reported) speech: a reporting verb with a complement clause outside quote marks
("Kerry said that the two had narrowed down options"), or a clause hanging from "according
to X".  The clause becomes a quote with ``direct=False``.

A reported clause runs to its end even past quote marks embedded in it: the parser often
ends the clause at an opening mark ('said the union would accept mediation "tomorrow
morning" if the ministry agreed ...'), and a clause cut there changes what was said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from storyline.analyze.attribution import ArticleContext, is_quoted, resolve
from storyline.analyze.quote_cues import subject_of
from storyline.analyze.speaker_clues import (
    INDIRECT_VERBS,
    SUBJECT_DEPS,
    is_speech_verb,
    reported_clause_start,
)
from storyline.models import Quote, SpeakerKind

COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
# Labels under which a reporting verb is itself reported or embedded ("what one member
# said was ..."), so its complement is not a separate act of speech.
EMBEDDED_DEPS = frozenset({"pcomp", "relcl", "acl", "amod", "csubj", "ccomp"})
QUOTE_MARK_CHARACTERS = "\"“”‘’'«»„"
# Children of the reporting verb that start something other than the reported clause's
# continuation: another clause joined to the verb, or a list separator.
CLAUSE_BREAK_DEPS = frozenset({"cc", "conj", "parataxis"})
CLAUSE_BREAK_PUNCT = frozenset({";", ":", "—", "–", "--"})


@dataclass(frozen=True)
class ReportedLimits:
    """Size limits of a reported clause (set in quotes.QuoteOptions)."""

    min_tokens: int  # shortest reported clause
    min_own_words: int  # fewer words outside marks: the clause is the direct quote itself


def indirect_quotes(
    context: ArticleContext, direct: Sequence[Quote], limits: ReportedLimits
) -> list[Quote]:
    """Every reported clause of the article, each with its speaker."""
    found: list[Quote] = []
    for verb in context.doc:
        if verb.lower_ == "according" and not is_quoted(context, verb.idx):
            quote = _reported_clause(context, verb, direct, limits)
            found.extend([quote] if quote is not None else [])
        if verb.lemma_.lower() not in INDIRECT_VERBS or not is_speech_verb(verb):
            continue
        quoted_as_saying = verb.dep_ == "pcomp" and verb.head.lower_ == "as"
        if (verb.dep_ in EMBEDDED_DEPS and not quoted_as_saying) or is_quoted(context, verb.idx):
            continue
        quote = _reported_clause(context, verb, direct, limits)
        if quote is not None:
            found.append(quote)
    return found


def _reported_clause(
    context: ArticleContext, verb: Token, direct: Sequence[Quote], limits: ReportedLimits
) -> Quote | None:
    subject = subject_of(context, verb)
    edges = _reported_edges(context, verb)
    if edges is None or subject is None:
        return None
    words = _clause_words(verb.doc, edges, verb.sent, context.block_at(verb.idx))
    if words is None or len(words) < limits.min_tokens:
        return None
    outside = [t for t in words if t.is_alpha and not any(q.start <= t.idx < q.end for q in direct)]
    if len(outside) < limits.min_own_words:
        return None  # the clause is the direct quote itself ('"...," he said')
    speaker = resolve(context, subject)
    if speaker.kind is SpeakerKind.UNKNOWN:
        return None
    cue_start = min(verb.idx, subject.start_char)
    cue_end = max(verb.idx + len(verb), subject.end_char)
    return Quote(
        start=words.start_char,
        end=words.end_char,
        text=words.text,
        speaker_kind=speaker.kind,
        speaker=speaker.key,
        speaker_text=speaker.text,
        verb=verb.lemma_.lower(),
        direct=False,
        partial=False,
        cue_start=cue_start,
        cue_end=cue_end,
    )


def _is_complementizer(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ in COMPLEMENTIZERS


def _reported_edges(context: ArticleContext, verb: Token) -> tuple[int, int] | None:
    """First and last token of what ``verb`` reports: its complement clauses, or for
    "according to X" the clause it hangs from, when the phrase sits at either end."""
    if verb.lower_ == "according":
        return _according_edges(verb)
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    start = min(reported_clause_start(verb, c) for c in clauses)
    end = max(c.right_edge.i for c in clauses)
    return start, _through_embedded_quote(context, verb, end)


def _according_edges(verb: Token) -> tuple[int, int] | None:
    head = verb.head
    while head.pos_ not in {"VERB", "AUX"} and head.head != head:
        head = head.head  # "rose to 43 on Monday, according to": the clause's verb
    if head == verb or head.pos_ not in {"VERB", "AUX"}:
        return None
    phrase = {t.i for t in verb.subtree}
    words = [t for t in head.subtree if t.i not in phrase and not (t.is_punct or t.is_space)]
    rest = [t.i for t in words]
    if not rest or min(rest) < min(phrase) < max(phrase) < max(rest):
        return None  # "The toll, according to police, rose": the cue splits the clause
    return min(rest), max(rest)


def _through_embedded_quote(context: ArticleContext, verb: Token, end: int) -> int:
    """``end`` moved to the true end of the reported clause when the parse stopped it at an
    opening quote mark: the words the verb governs after it (the quoted fragment, then "if
    the ministry agreed ...") continue the clause, up to another clause joined to the verb
    ("and", a semicolon) or another act of speech (", adding that ...")."""
    doc = verb.doc
    after = end + 1
    if after >= len(doc) or not _opens_quote(context, doc[after]):
        return end
    for child in (c for c in verb.children if c.i > end):
        if child.dep_ in CLAUSE_BREAK_DEPS or child.text in CLAUSE_BREAK_PUNCT:
            break
        if child.is_punct:
            continue  # the marks themselves, a comma, the full stop
        if _holds_speech(child):
            break
        end = max(end, child.right_edge.i)
    return end


def _opens_quote(context: ArticleContext, token: Token) -> bool:
    """The token is a quotation mark right before a quoted span."""
    if not token.text or token.text[0] not in QUOTE_MARK_CHARACTERS:
        return False
    mark_end = token.idx + len(token.text)
    return any(token.idx < start <= mark_end + 1 for start, _ in context.quoted)


def _holds_speech(token: Token) -> bool:
    """A phrase with its own act of speech: ", adding that ...", "as he told reporters"."""
    for word in token.subtree:
        if word.lower_ == "adding":
            return True
        if is_speech_verb(word) and any(c.dep_ in SUBJECT_DEPS for c in word.children):
            return True
    return False


def _clause_words(
    doc: Doc, edges: tuple[int, int], sentence: Span, block: tuple[int, int]
) -> Span | None:
    """The reported words without "that"/"whether" and edge punctuation."""
    start = max(edges[0], sentence.start)
    end = min(edges[1] + 1, sentence.end)
    while start < end and doc[start].idx < block[0]:
        start += 1
    while end > start and doc[end - 1].idx >= block[1]:
        end -= 1
    while start < end and (_is_complementizer(doc[start]) or doc[start].is_punct):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and doc[end - 1].text not in "”’\"'") or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    end = _past_closing_mark(doc, start, end, sentence.end)  # sentences never cross a block
    return doc[start:end] if end > start else None


def _past_closing_mark(doc: Doc, start: int, end: int, limit: int) -> int:
    """``end`` moved past the closing mark of a quotation the clause opens, when the parse
    ends the clause inside it ('he was convinced they have “the capacity to do this.”' is cut
    before 'this.”'): a reader must not see an opening mark without its close."""
    text = doc[start:end].text
    unclosed_curly = text.count("“") > text.count("”")
    unclosed_straight = text.count('"') % 2 == 1
    if not (unclosed_curly or unclosed_straight):
        return end
    closing = "”" if unclosed_curly else '"'
    for index in range(end, limit):
        if closing in doc[index].text:
            return index + 1
    return end
