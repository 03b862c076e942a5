"""Unicode and whitespace normalisation: NFC, odd spaces, invisible characters, line ends.

Nothing else is altered: letters, punctuation and quote marks stay as the source wrote them,
so every clean block is a substring of the normalised input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

# Zero-width characters, the BOM, soft hyphens and word joiners carry no text.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Every horizontal space (NBSP, thin/em spaces, tabs, ...) becomes one plain space; the
# pattern skips lone plain spaces, which are most of the text, so normalising stays cheap.
_SPACE_RE = re.compile(r" *[^\S\n ][^\S\n]*| {2,}")
_ASCII_ODD_SPACE_RE = re.compile("[\x1c-\x1f]")  # rare ASCII spaces the space pattern rewrites
_LINE_END_RE = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Any character one of the three patterns above would change (after NFC): text without one
# is left as it is.  Every line end but "\n" and every odd space is a whitespace character.
_NEEDS_WORK_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]|[^\\S\n ]|  ")
_BLANK_LINES_RE = re.compile(r"\n\s*\n")
_KEY_PUNCT_RE = re.compile(r"[^\w\s]+")  # runs: one replacement each, same key


def normalize_text(text: str) -> str:
    """NFC, unified line ends, invisible characters removed, space runs collapsed per line."""
    if not text.isascii():  # the checks below are needless for plain ASCII (most lines)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if _NEEDS_WORK_RE.search(text):  # most non-ASCII text only has curly quotes or dashes
            text = _INVISIBLE_RE.sub("", _LINE_END_RE.sub("\n", text))
            text = _SPACE_RE.sub(" ", text)
    else:
        if "\r" in text or "\x0b" in text or "\x0c" in text:
            text = _LINE_END_RE.sub("\n", text)
        if "  " in text or "\t" in text or _ASCII_ODD_SPACE_RE.search(text):
            text = _SPACE_RE.sub(" ", text)
    if "\n" not in text:  # one line (most paragraphs): nothing to strip line by line
        return text.strip()
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def split_lines(paragraph: str) -> list[str]:
    """The non-empty lines of an already normalised paragraph."""
    return [line for line in paragraph.split("\n") if line]


def split_paragraphs(text: str) -> list[str]:
    """Blank-line-separated paragraphs of an already normalised text."""
    return [part.strip() for part in _BLANK_LINES_RE.split(text) if part.strip()]


def line_key(line: str) -> str:
    """A comparison key: case-folded, punctuation dropped, spaces collapsed."""
    return " ".join(_KEY_PUNCT_RE.sub(" ", line.casefold()).split())


def article_id(title: str, paragraphs: Sequence[str]) -> str:
    """Content id of a draft: sha256 of the normalised title and body, first 16 hex digits.

    Computed on the draft before cleaning, so changing a cleaning rule never changes an id.
    """
    return normalised_article_id(
        normalize_text(title), [normalize_text(paragraph) for paragraph in paragraphs]
    )


def normalised_article_id(title: str, paragraphs: Sequence[str]) -> str:
    """``article_id`` of a title and paragraphs that are already normalised."""
    payload = f"{title}\n" + "\n\n".join(paragraphs)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
