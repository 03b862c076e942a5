"""Is a page's extracted main text an article, or only the page's furniture?

When trafilatura finds no article it returns whatever text the page has: on a page cut off
before its body, an index page or one that needs JavaScript, that is the navigation menu, a
cookie notice or a byline.  A paragraph counts as article text only when, once the page's
link, button and menu texts and its title are taken out, enough sentence-like words remain.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# The thresholds below were set with /tmp/th/measure.py: every HTML page of examples/corpus,
# tests/fixtures and 40 bench/synthetic.py pages, whole and cut at 10%..90% of its bytes.
# Article text needs one paragraph with this many words left once link texts are removed
# (each sentence of a 3-sentence news brief has as many; menus and bylines rarely do).
MIN_SENTENCE_WORDS = 8
# Share of cased words that start lower case, in some run of MIN_SENTENCE_WORDS words.
# Measured per paragraph of 8+ words in ../shared/samples,
# examples/corpus and tests/fixtures .txt files: prose 0.53 and up, headlines, bylines,
# credits and menus 0.36 and below.
MIN_LOWERCASE_SHARE = 0.45
# Link texts up to this many words are menu items or headlines; longer ones are prose that
# a page wrapped in a link, and stay article text.
MAX_LINK_WORDS = 20
# A cookie, consent, sign-in or "enable JavaScript" notice is this short at most; a longer
# paragraph mentioning cookies is more likely an article about them.
MAX_NOTICE_WORDS = 80
# Two prose paragraphs with a sentence end accept a page before its links are parsed: menus,
# headline lists and bylines have no sentence ends (the fast path took 108 of 109 whole
# example, fixture and bench/synthetic.py pages; parsing the links costs ~0.1 ms a page).
FAST_ACCEPT_PARAGRAPHS = 2
SAMPLE_CHARS = 90

_NOTICE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|our partners) (?:use|uses|and our partners"
    r" use)\b[^.]{0,40}\bcookies|\baccept (?:all )?cookies\b|\bcookie (?:settings|preferences"
    r"|policy|consent)\b|\bby continuing to (?:browse|use)\b|\b(?:enable|turn on|requires?)"
    r" javascript\b|\bjavascript (?:is )?(?:disabled|required|must be enabled)\b|\bad ?blocker\b"
    r"|\balready (?:a )?subscriber\b|\bsubscribe (?:now|today)\b|\bsign (?:in|up) to (?:read|"
    r"continue)\b|\blog ?in to (?:read|continue)\b|\ball rights reserved\b"
    r"|\bmanage (?:your )?(?:cookie )?preferences\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*(?:\s|$)")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SPACES = re.compile(r"\s+")
# Elements whose own text is page furniture wherever it appears.
_FURNITURE_TAGS = ("a", "button", "option", "label", "summary", "nav", "menu")
# Not "banner": a page's <header role="banner"> may hold the headline and the standfirst.
_NAVIGATION_ROLES = frozenset({"navigation", "menu", "menubar", "tablist"})
_LABELS = {
    "links": "navigation or link text",
    "notice": "a cookie, consent or sign-in notice",
    "fragment": "a headline, byline or other short text",
}


@dataclass(frozen=True)
class Verdict:
    """Whether extracted paragraphs hold an article; when not, what they hold instead."""

    is_article: bool
    kinds: tuple[str, ...] = ()  # "links", "notice", "fragment": what the paragraphs hold
    sample: str = ""  # the start of the text that was found
    words: int = 0  # words of the text that was found

    @property
    def finding(self) -> str:
        """What was found, for a message: "only navigation or link text and ..."."""
        if not self.words:
            return ""
        return "only " + " and ".join(_LABELS[kind] for kind in self.kinds or ("fragment",))


def merged(verdicts: Sequence[Verdict]) -> Verdict:
    """One rejection from several extraction attempts: everything any of them found."""
    kinds = tuple(dict.fromkeys(kind for verdict in verdicts for kind in verdict.kinds))
    first = next((verdict for verdict in verdicts if verdict.sample), Verdict(False))
    return Verdict(False, kinds, first.sample, first.words)


def judge(
    paragraphs: Sequence[str],
    heading_indices: Sequence[int],
    title: str | None,
    furniture: Callable[[], tuple[str, ...]],
) -> Verdict:
    """Whether ``paragraphs`` are an article; ``furniture`` gives the page's link and menu
    texts, longest first, and is called only when the paragraphs alone cannot decide."""
    headings = set(heading_indices)
    body = [text for index, text in enumerate(paragraphs) if index not in headings]
    if _clearly_prose(body):
        return Verdict(True)
    phrases = tuple(dict.fromkeys((*furniture(), *([title] if title else ()))))
    kinds: list[str] = []
    for paragraph in body:
        kind = _kind(paragraph, phrases)
        if kind == "prose":
            return Verdict(True)
        kinds.append(kind)
    return _rejection(paragraphs, kinds)


def _clearly_prose(body: Sequence[str]) -> bool:
    prose = (
        text
        for text in body
        if _SENTENCE_END.search(text) and _is_sentence_like(text) and not _is_notice(text)
    )
    return sum(1 for _ in zip(range(FAST_ACCEPT_PARAGRAPHS), prose, strict=False)) >= (
        FAST_ACCEPT_PARAGRAPHS
    )


def _kind(paragraph: str, phrases: tuple[str, ...]) -> str:
    """ "prose", "links" (mostly link or menu text), "notice" or "fragment"."""
    residue = _without(paragraph, phrases)
    if _is_notice(residue):
        return "notice"
    if _is_sentence_like(residue):
        return "prose"
    if word_count(residue) * 2 <= word_count(paragraph):
        return "links"
    return "fragment"


def _without(text: str, phrases: tuple[str, ...]) -> str:
    """``text`` with every whole-word occurrence of the phrases taken out."""
    for phrase in phrases:
        if phrase in text:
            pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
            text = _SPACES.sub(" ", re.sub(pattern, " ", text)).strip()
    return text


def _is_notice(text: str) -> bool:
    return bool(text) and word_count(text) <= MAX_NOTICE_WORDS and bool(_NOTICE.search(text))


def _is_sentence_like(text: str) -> bool:
    """Whether ``text`` holds a run of MIN_SENTENCE_WORDS words that reads like prose: a
    glued "headline By name · date Share ... JAKARTA - The governor said" paragraph does."""
    words = text.split()
    if word_count(text) < MIN_SENTENCE_WORDS:
        return False
    case = [_case(word) for word in words]  # 1 lower, 0 upper, None uncased
    if sum(1 for mark in case if mark is not None) * 2 < len(words):
        return True  # an uncased script (Arabic, Hebrew, Chinese...): length decides
    size = min(MIN_SENTENCE_WORDS, len(words))
    for start in range(len(words) - size + 1):
        window = [mark for mark in case[start : start + size] if mark is not None]
        if window and sum(window) >= MIN_LOWERCASE_SHARE * len(window):
            return True
    return False


def _case(word: str) -> int | None:
    letter = _first_letter(word)
    if letter.lower() == letter.upper():
        return None
    return 1 if letter.islower() else 0


def _first_letter(word: str) -> str:
    return next((char for char in word if char.isalpha()), "")


def word_count(text: str) -> int:
    """Words of ``text``; Chinese, Japanese and Korean count one word per two characters."""
    return max(len(text.split()), len(_CJK.findall(text)) // 2)


def _rejection(paragraphs: Sequence[str], kinds: list[str]) -> Verdict:
    text = " ".join(paragraphs)
    sample = text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1].rstrip() + "\u2026"
    return Verdict(False, tuple(dict.fromkeys(kinds)), sample, word_count(text))


def furniture_phrases(root: Any) -> tuple[str, ...]:
    """Texts of the links, buttons and menus of a parsed page (lxml), longest first."""
    phrases: set[str] = set()
    for element in root.iter(*_FURNITURE_TAGS):
        _add_texts(element, phrases, whole=element.tag not in ("nav", "menu"))
    for element in root.iter():
        role = element.get("role") if isinstance(element.tag, str) else None
        if role and role.lower() in _NAVIGATION_ROLES:
            _add_texts(element, phrases, whole=False)
    return tuple(sorted(phrases, key=len, reverse=True))


def _add_texts(element: Any, phrases: set[str], *, whole: bool) -> None:
    """The element's text as one phrase (a link), or each of its text pieces (a menu)."""
    pieces = ["".join(element.itertext())] if whole else list(element.itertext())
    for piece in pieces:
        text = _SPACES.sub(" ", piece).strip()
        if text and any(char.isalnum() for char in text) and word_count(text) <= MAX_LINK_WORDS:
            phrases.add(text)
