"""Line classifiers: what a single line of a draft looks like, from its own text.

Each function answers one question with generic evidence (length, end punctuation, a small
lexicon of web-page UI words, duration stamps), never with strings from one outlet.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a lexicon literal."""
    return frozenset(text.split())


# Words of page furniture: apps, subscriptions, players, browsers, sharing.  "Strong" words
# rarely occur in news prose; "weak" ones do ("watch", "live") and only count in numbers.
STRONG_PROMO_WORDS = word_set(
    """app apps newsletter newsletters podcast podcasts subscribe subscriber subscribers
    subscription subscriptions download downloads browser browsers chrome safari firefox
    javascript cookies cookie inbox notifications signup login logout terminal premium
    facebook twitter instagram youtube whatsapp telegram tiktok linkedin pinterest reddit
    advertisement advertisements sponsored unsubscribe paywall"""
)
WEAK_PROMO_WORDS = word_set(
    """watch live stream streaming video videos listen audio read continue view open share
    print email follow click tap sign register enable install get more related recommended
    trending"""
)
# Small words that UI strings are glued with ("Share this", "Sign up for our newsletter").
_UI_SMALL_WORDS = word_set(
    """a an and or of to for on in at by with from up our your my this it is us me now here
    new all not via no"""
)
# "Read more:", "Related:", "WATCH -", "See also |": a label that introduces a link.
_LINK_LABEL_RE = re.compile(
    r"^(?:read more|read also|also read|more|related|related stories|related articles|"
    r"see also|watch|listen|video|videos|photos?|gallery|recommended|trending|"
    r"advertisement|sponsored|more from \w+|more on this)\s*(?:[:|»›>]|[-–—]\s)",
    re.IGNORECASE,
)
# A whole line naming a block of links: "More from NNews", "Most watched", "You may also like".
_LINK_BLOCK_RE = re.compile(
    r"^(?:more (?:from|on|stories from|news from|videos from)|most (?:read|watched|popular|"
    r"shared|viewed)|related (?:stories|articles|coverage|content|links)|"
    r"you (?:may|might) also like|recommended for you)\b[^.!?]*$",
    re.IGNORECASE,
)
_LINK_BLOCK_MAX_WORDS = 6
# A labelled link ("Read more: <a headline>") may be this many times longer than a promo line.
_LINK_LENGTH_FACTOR = 2
# A related link ending in its call to action: "... Putin's next move Read more",
# "Advertisement Continue reading the main story".
_LINK_SUFFIX_RE = re.compile(
    r"\b(?:read more|read the full story|watch now|listen now|"
    r"continue reading(?: the (?:main |full )?(?:story|article))?)\W*$",
    re.IGNORECASE,
)
_LINK_SUFFIX_MAX_CHARS = len("continue reading the main article")  # its longest match
# Imperative calls to action at the start of a line.
_CTA_START_RE = re.compile(
    r"^(?:please\s+)?(?:sign up|subscribe|download|click|tap|follow us|follow \S+(?: \S+)? on|"
    r"get the|get our|join us|install|enable|watch live|listen (?:to|on)|continue reading|"
    r"read the full|share this|don't miss)\b",
    re.IGNORECASE,
)
# A video/audio item: ends in a mm:ss or h:mm:ss duration.
_DURATION_END_RE = re.compile(r"(?:^|\s)(?:\d{1,2}:)?\d{1,2}:\d{2}$")
_TIME_PREPOSITION_RE = re.compile(
    r"\b(?:at|by|until|till|from|to|before|after|around|about|since|between|and)\s+"
    r"(?:\d{1,2}:)?\d{1,2}:\d{2}$",
    re.IGNORECASE,
)
# A year, a month name next to a number, or a numeric date: the line dates something.
_DATE_RE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
# A media lead-in such as "Listen to the audio below, via ...:" or "Watch the video:".
_MEDIA_LEAD_IN_RE = re.compile(r"\b(?:watch|listen|below|above)\b.*:$", re.IGNORECASE)
_CONTACT_TOKEN_RE = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+|www\.\S+|(?<!\w)@\w{2,}|\+?\d[\d\s().-]{7,}\d"
)
# Closing quotes may follow the stop, also spaced in the typewriter style of old wire copy
# ("... to achieve. ''").
_SENTENCE_END_RE = re.compile(r"[.!?…](?:\s?[\"'”’»)\]]+)*$")
_SENTENCE_STOPS = ".!?…"  # the first class of the pattern above
_CLOSING_MARKS = "\"'”’»)]"  # the closing class of the pattern above
_CLOSING_QUOTES = "\"”’»'"  # a line ending in one of these ends like prose
_TRAILING_CREDIT_RE = re.compile(r"\s*\([^()]{1,80}\)$")
_CONTINUING_MARKS = ",;:–—-"  # a line ending in one of these continues
_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_LETTER_RE = re.compile(r"[^\W\d_]")


def words(line: str) -> list[str]:
    """Alphabetic words of a line (numbers and symbols are not words)."""
    return _WORD_RE.findall(line)


def folded_words(line: str) -> list[str]:
    """Words case-folded and stripped of edge punctuation, as the lexicons spell them."""
    return [word.casefold().strip(".'’-") for word in words(line)]


def word_count(line: str) -> int:
    return len(line.split())


def ends_sentence(line: str) -> bool:
    """True when the line ends with . ! ? or an ellipsis, closing quotes allowed after."""
    last = line[-1:]
    if last and last in _SENTENCE_STOPS:
        return True
    if not last or last.isalnum():
        return False
    # The stop can only sit just before the trailing run of closing marks and spaces, so the
    # (end-anchored) pattern is tried there instead of at every position of the line.
    end = len(line)
    while end and (line[end - 1] in _CLOSING_MARKS or line[end - 1].isspace()):
        end -= 1
    return bool(_SENTENCE_END_RE.search(line, max(end - 1, 0)))


def _last_char(line: str) -> str:
    """The character a one-character pattern ending in ``$`` is tested against (``$`` also
    matches before a final newline); "" when there is none."""
    if line.endswith("\n"):
        return line[-2:-1]
    return line[-1:]


def ends_like_prose(line: str) -> bool:
    """Sentence punctuation or a closing quote at the end (the prose test of the brief).

    A trailing credit in brackets is looked through: "... in Rome. (AP Photo)".
    """
    if line.endswith(")"):
        line = _TRAILING_CREDIT_RE.sub("", line)
    if ends_sentence(line):
        return True
    last = _last_char(line)
    return bool(last) and last in _CLOSING_QUOTES


def continues(line: str) -> bool:
    """True when the line ends mid-sentence (comma, colon, dash): never a heading."""
    last = _last_char(line)
    return bool(last) and last in _CONTINUING_MARKS


def reads_as_prose(line: str, min_words: int) -> bool:
    """A sentence-like line: ends like prose and has at least ``min_words`` words."""
    return ends_like_prose(line) and word_count(line) >= min_words


def has_letters(line: str) -> bool:
    return bool(_LETTER_RE.search(line))


def promo_counts(line: str) -> tuple[int, int]:
    """(strong, weak) promo-lexicon words in the line."""
    strong, weak, _ = _lexicon_counts(line)
    return strong, weak


def _lexicon_counts(line: str) -> tuple[int, int, int]:
    """(strong, weak, plain): promo words, and lowercase words that are neither promo nor
    small UI words ("removes", "store").  Plain words are what ordinary sentences are made of.
    """
    strong = weak = plain = 0
    for word in words(line):
        folded = word.casefold().strip(".'’-")  # as folded_words() spells it
        if folded in STRONG_PROMO_WORDS:
            strong += 1
        elif folded in WEAK_PROMO_WORDS:
            weak += 1
        elif word[:1].islower() and folded not in _UI_SMALL_WORDS:
            plain += 1
    return strong, weak, plain


def promo_reason(line: str, max_words: int, min_share: float) -> str | None:
    """Why a short line is a call to action or a link label, or None when it is not."""
    count = word_count(line)
    if count <= max_words * _LINK_LENGTH_FACTOR and _LINK_LABEL_RE.match(line):
        return "starts with a link label"
    if count <= max_words * _LINK_LENGTH_FACTOR and _has_link_suffix(line):
        return "ends with a link call to action"
    if count > max_words:
        return None
    if count <= _LINK_BLOCK_MAX_WORDS and _LINK_BLOCK_RE.match(line):
        return "names a block of links"
    strong, weak, plain = _lexicon_counts(line)
    if _CTA_START_RE.match(line) and strong + weak >= 2:
        return "imperative call to action"
    if ends_sentence(line):
        return None
    share = (strong + weak) / max(count, 1)
    if strong + weak >= 2 and share >= min_share and plain <= 1:
        return f"{strong + weak} of {count} words are app/subscribe/player vocabulary"
    if strong and plain == 0 and count <= max_words // 2:
        return "short line naming an app, browser or social network"
    # The pattern ends in ":$": lines not ending so skip its search (most lines).
    if _last_char(line) == ":" and _MEDIA_LEAD_IN_RE.search(line):
        return "lead-in to an embedded player"
    return None


def _has_link_suffix(line: str) -> bool:
    """``_LINK_SUFFIX_RE.search(line)``, started where a match can start.

    A match ends with the line's last word character (only non-word characters follow it),
    so it starts at most ``_LINK_SUFFIX_MAX_CHARS`` before; searching the whole line took
    2 of ``promo_reason``'s 12 µs on a headline (1000 bench/ingest.py pages).
    """
    end = len(line)
    while end and not (line[end - 1].isalnum() or line[end - 1] == "_"):  # "\w" as re reads it
        end -= 1
    return bool(_LINK_SUFFIX_RE.search(line, max(0, end - _LINK_SUFFIX_MAX_CHARS)))


def is_strong_cta(line: str, max_words: int) -> bool:
    """An imperative call to action naming a product ("Subscribe to get this newsletter ...").

    The one promo form removed even when it is a full sentence: it starts with an imperative
    from the CTA list and names at least one strong promo word plus another promo word.
    """
    if word_count(line) > max_words or not _CTA_START_RE.match(line):
        return False
    strong, weak = promo_counts(line)
    return strong >= 1 and strong + weak >= 2


def is_timestamp(line: str) -> bool:
    """A line naming a date ("Published: 5 Aug 2013 10:37"): kept as evidence for dating."""
    return bool(_DATE_RE.search(line))


def is_media_item(line: str, max_words: int) -> bool:
    """A related video/audio item: a short non-sentence line ending in a duration stamp."""
    if not _DURATION_END_RE.search(line) or _TIME_PREPOSITION_RE.search(line):
        return False
    if is_timestamp(line):
        return False
    head = _DURATION_END_RE.sub("", line).rstrip()
    if head.endswith(("...", "…")):
        return True
    return word_count(head) <= max_words and not ends_sentence(head) and has_letters(head)


def is_contact_line(line: str, max_words: int) -> bool:
    """A short line carrying an email address, URL, handle or phone number."""
    return word_count(line) <= max_words and bool(_CONTACT_TOKEN_RE.search(line))


def is_ui_like(line: str, max_words: int) -> bool:
    """A very short non-sentence line with UI vocabulary or no letters at all ("— —")."""
    if word_count(line) > max_words or ends_sentence(line):
        return False
    if not has_letters(line):
        return True
    if is_timestamp(line):
        return False
    strong, weak = promo_counts(line)
    return strong + weak >= 1 or bool(_CONTACT_TOKEN_RE.search(line))
