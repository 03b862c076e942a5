"""Which number phrases of an article are quantity claims, and their exact extent.

Candidates are spaCy's CARDINAL, MONEY, PERCENT and QUANTITY entities, plus vague plurals
the tagger leaves out ("dozens of lorries").  Not claims: dates and the day of a date
("12 May 2025"), years, hyphenated modifiers ("a two-day meeting"), "the two men", and
anything in a heading or a section label ("Day five").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from storyline.analyze.figure_values import NUMBER_WORDS
from storyline.models import Article, BlockKind, DateMention

FIGURE_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
SMALL_WORD_NUMBER = 10  # "the two men": spelled-out numbers below this after a determiner
# A block this short with no verb is a label ("Day five", "Round two"), not a sentence.
LABEL_MAX_WORDS = 5
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
DAY_OF_MONTH = re.compile(r"([1-9]|[12]\d|3[01])(st|nd|rd|th)?")
VAGUE_PLURALS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions"})
CURRENCY_SYMBOLS = frozenset({"$", "€", "£", "¥", "US$"})
SCALE_SUFFIXES = frozenset({"m", "bn", "mn", "k", "tn", "b"})
JOINERS = frozenset({"plus", "times", "x"})  # "a two plus two meeting"


def candidate_spans(doc: Doc, article: Article, dates: tuple[DateMention, ...]) -> Iterator[Span]:
    """Every number phrase that may be a claim, in text order."""
    labels = _label_blocks(doc, article)
    entities = [e for e in doc.ents if e.label_ in FIGURE_LABELS]
    taken = {t.i for e in entities for t in e}
    extra = [
        doc[t.i : t.i + 1]
        for t in doc
        if t.lower_ in VAGUE_PLURALS and t.i not in taken and _next_is(doc, t.i, "of")
    ]
    for span in sorted([*entities, *extra], key=lambda s: s.start):
        in_label = any(start <= span.start_char < end for start, end in labels)
        if not in_label and not _is_not_a_claim(span, dates):
            yield widen(span)


def widen(span: Span) -> Span:
    """The span with a currency symbol or scale suffix the tagger left out ("€2.5m")."""
    doc = span.doc
    start, end = span.start, span.end
    if start > 0 and doc[start - 1].text in CURRENCY_SYMBOLS and not doc[start - 1].whitespace_:
        start -= 1
    attached = end < len(doc) and not doc[end - 1].whitespace_
    if attached and doc[end].lower_.rstrip(".") in SCALE_SUFFIXES:
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _next_is(doc: Doc, index: int, word: str) -> bool:
    return index + 1 < len(doc) and doc[index + 1].lower_ == word


def _label_blocks(doc: Doc, article: Article) -> list[tuple[int, int]]:
    """Headings, and short verbless blocks that only label a section."""
    labels: list[tuple[int, int]] = []
    for block in article.blocks:
        if block.kind is BlockKind.HEADING:
            labels.append((block.start, block.end))
            continue
        words = doc.char_span(block.start, block.end, alignment_mode="expand")
        if words is None:
            continue
        tokens = [t for t in words if not (t.is_punct or t.is_space)]
        verbless = not any(t.pos_ in {"VERB", "AUX"} for t in tokens)
        if verbless and len(tokens) <= LABEL_MAX_WORDS and words.text.rstrip()[-1:] not in ".!?":
            labels.append((block.start, block.end))
    return labels


def _is_not_a_claim(ent: Span, dates: tuple[DateMention, ...]) -> bool:
    doc = ent.doc
    if any(d.start < ent.end_char and ent.start_char < d.end for d in dates):
        return True
    if ent.end < len(doc) and doc[ent.end].text in ("-", "–") and not doc[ent.end - 1].whitespace_:
        return True  # "a 10-point plan"
    if "-" in ent.text and re.search(r"[a-z]-[a-z]", ent.text.lower()):
        return True  # "two-hour", "three-member": modifiers
    if ent.label_ == "CARDINAL" and re.fullmatch(r"(1[89]|20)\d\d", ent.text.strip()):
        return True  # a year spaCy missed
    if ent.label_ == "CARDINAL" and _is_day_of_date(ent):
        return True  # "Tuesday, 12 May 2025" tagged 12 + "May 2025"
    if ent.label_ == "CARDINAL" and ent.text.lower() in NUMBER_WORDS:
        value = NUMBER_WORDS[ent.text.lower()]
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if value < SMALL_WORD_NUMBER and (
            before in ("the", "these", "those", "both") or value == 1
        ):
            return True  # "the two men", "one member"
    if ent.start > 0 and doc[ent.start - 1].lower_ in JOINERS:
        return True
    return ent.end < len(doc) and doc[ent.end].lower_ in JOINERS


def _is_day_of_date(ent: Span) -> bool:
    """A day number written next to a month name: "12 May", "May 12", "the 12th of May"."""
    if not DAY_OF_MONTH.fullmatch(ent.text.strip()):
        return False
    doc = ent.doc
    after = [t for t in doc[ent.end : ent.end + 2] if t.lower_ != "of"][:1]
    before = [doc[ent.start - 1]] if ent.start > 0 else []
    return any(t.lower_.rstrip(".") in MONTHS and t.text[:1].isupper() for t in after + before)
