"""Indirect (reported) speech: a reporting verb with a complement clause outside quote marks
("Kerry said that the two had narrowed down options"), or a clause hanging from "according
to X".  The clause becomes a quote with ``direct=False``.

A reported clause runs to its end even past quote marks embedded in it: the parser often
ends the clause at an opening mark ('said the union would accept mediation "tomorrow
morning" if the ministry agreed ...'), and a clause cut there changes what was said.
"""

from __future__ import annotations

import re
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
from storyline.clean.dateline import find_dateline
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
# "declined to say whether ...", "refused to say if ...": nothing was said (news audit).
# Wire copy's dateline with the underscore dash of AP and NYT feeds ("NEW YORK _ ").
WIRE_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]+(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?(?: \(\w+\))? _ ")
DATELINE_CHARS = 80  # longest dateline looked at ("CAPE TOWN, South Africa (AP) _ ")
WITHHOLDING_VERBS = frozenset({"decline", "refuse"})
# ", suggesting that ...", ", indicating that ...": an inference drawn by the writer.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
INFERENCE_VERBS = frozenset({"suggest", "indicate", "show", "mean", "signal", "imply"})


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
        if verb.lemma_.lower() not in INDIRECT_VERBS or not (
            is_speech_verb(verb) or _who_said(verb)
        ):
            continue
        quoted_as_saying = verb.dep_ == "pcomp" and verb.head.lower_ == "as"
        own_act = quoted_as_saying or _who_said(verb)
        if (verb.dep_ in EMBEDDED_DEPS and not own_act) or is_quoted(context, verb.idx):
            continue
        quote = _reported_clause(context, verb, direct, limits)
        if quote is not None:
            found.append(quote)
    return found


def _reported_clause(
    context: ArticleContext, verb: Token, direct: Sequence[Quote], limits: ReportedLimits
) -> Quote | None:
    if _not_said(verb):
        return None
    subject = subject_of(context, verb)
    edges = _reported_edges(context, verb)
    if edges is None or subject is None:
        return None
    if edges[0] < subject.start <= edges[1] < verb.i:
        edges = (edges[0], subject.start - 1)  # "..., a source close to the talks said"
    words = _clause_words(verb.doc, edges, verb.sent, context.block_at(verb.idx))
    if words is None or len(words) < limits.min_tokens or words.start <= verb.i < words.end:
        return None  # too short, or holding its own cue ('"X," the president said, "Y"')
    if _not_reported(verb, words, direct):
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


def _not_reported(verb: Token, words: Span, direct: Sequence[Quote]) -> bool:
    """'"...," she said, her voice shaking': a phrase set off by a comma after a cue is
    description; an "according to" clause holding a quote's own cue is that quote's."""
    after_comma = words.start > verb.i + 1 and verb.doc[words.start - 1].text == ","
    if after_comma and not any(t.tag_ in FINITE_TAGS for t in words):
        return True
    cues = (q.cue_start for q in direct if q.cue_start is not None)
    return verb.lower_ == "according" and any(words.start_char <= c < words.end_char for c in cues)


def _who_said(verb: Token) -> bool:
    """'Laura Marsh, a mother of two, who said that she has no plans ...': a relative
    clause that reports what a named person said."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in {"PROPN", "NOUN"}:
        return False
    return any(c.lower_ == "who" and c.dep_ in SUBJECT_DEPS for c in verb.children)


def _not_said(verb: Token) -> bool:
    """ "did not say whether", "declined to say if", ", suggesting that": no act of speech."""
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WITHHOLDING_VERBS:
        return True
    inference = verb.lemma_.lower() in INFERENCE_VERBS
    return inference and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj"}


def _is_complementizer(token: Token) -> bool:
    return token.dep_ == "mark" and token.lower_ in COMPLEMENTIZERS


def _reported_edges(context: ArticleContext, verb: Token) -> tuple[int, int] | None:
    """First and last token of what ``verb`` reports: its complement clauses, or for
    "according to X" the clause it hangs from, when the phrase sits at either end."""
    if verb.lower_ == "according":
        return _according_edges(verb)
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return _closing_cue_edges(verb) or _inserted_cue_edges(verb) or _object_clause_edges(verb)
    start = min(reported_clause_start(verb, c) for c in clauses)
    end = max(c.right_edge.i for c in clauses)
    return start, _through_embedded_quote(context, verb, end)


def _closing_cue_edges(verb: Token) -> tuple[int, int] | None:
    """'The leaders will also discuss the embargo, said the diplomats on condition of
    anonymity': a cue closing its sentence that the parser joined to the clause as a
    conjunct; the clause before the comma is what was said."""
    doc, head = verb.doc, verb.head
    if (
        verb.dep_ not in {"conj", "parataxis"}
        or head.i >= verb.i
        or head.pos_ not in {"VERB", "AUX"}
    ):
        return None
    if verb.i < 2 or doc[verb.i - 1].text != "," or doc[verb.i - 1].head not in {head, verb}:
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    ends_sentence = all(
        t.i in {w.i for w in verb.subtree} or t.is_punct for t in doc[verb.i : verb.sent.end]
    )
    return (head.left_edge.i, verb.i - 2) if ends_sentence else None


def _inserted_cue_edges(verb: Token) -> tuple[int, int] | None:
    """'Already, she said, they are becoming obsolete': a cue set between commas inside the
    clause it reports (parsed as parataxis); the words after it are what was said."""
    doc, head = verb.doc, verb.head
    if verb.dep_ != "parataxis" or head.i <= verb.i or head.pos_ not in {"VERB", "AUX"}:
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    last = verb.right_edge.i  # the closing comma, when the parser gave it to the cue
    if last + 1 < len(doc) and doc[last].text != ",":
        last += 1
    if doc[last].text != ",":
        return None
    return (last + 1, head.right_edge.i) if last + 1 < head.right_edge.i else None


def _object_clause_edges(verb: Token) -> tuple[int, int] | None:
    """'She said her wish to see her mother gave her courage': the parser took the
    reported clause's subject for the object of "said"; a finite verb inside it shows a
    clause ("he said a prayer" has none)."""
    if verb.lemma_.lower() != "say":
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].left_edge.i != verb.i + 1:
        return None
    finite = [t for t in objects[0].subtree if t.tag_ in FINITE_TAGS and t.dep_ == "ccomp"]
    return (objects[0].left_edge.i, objects[0].right_edge.i) if finite else None


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
    while start < end and doc[start].idx < block[0] + _dateline_length(doc.text, block):
        start += 1  # "CAPE TOWN, South Africa (AP) _ Torturers ... need counseling, X said"
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


def _dateline_length(text: str, block: tuple[int, int]) -> int:
    """Characters of a dateline opening the block ("LONDON (AP) _ ", "(CNN) "), else 0."""
    head = text[block[0] : min(block[1], block[0] + DATELINE_CHARS)]
    wire = WIRE_DATELINE.match(head)
    if wire is not None:
        return wire.end()
    found = find_dateline(head)
    return len(found.prefix) if found is not None and not found.whole_line else 0


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
