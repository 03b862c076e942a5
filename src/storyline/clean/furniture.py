"""Page furniture that may read as prose: copyright footers, support appeals, photo captions.

These are the line rules allowed to remove a sentence-like line, because each needs explicit
evidence that no news sentence carries:

* a **copyright footer** opens with "Copyright"/"©" and a year or "©", or is a short all-name
  credit ("Copyright Marvel Comics"), or holds "All rights reserved" or the wire's "may not be
  published, broadcast, rewritten or redistributed";
* a **support appeal** has a sentence that *opens* with an imperative to pay the outlet
  ("Support local journalism", "Subscribe today", "Sign up for ...", "Donate now",
  "Become a member", "Already a subscriber?"), or to reach it on a social network ("Chat with
  us in Facebook Messenger", "Follow us on Instagram").  Reported speech ("urged readers to support
  local journalism") does not open a sentence and is kept;
* a **photo caption** ends in a photo credit: "(AP Photo/...)", "(Photo: ...)",
  "(... /Getty Images)", "REUTERS/Name", "Photo: Name / Reuters", "Photograph: ...", or starts
  with the BBC-style "Image copyright"/"Image caption" labels, or is a wire file-photo caption
  whose credit was stripped: "FILE - In this Nov. 2, 2017, file photo, ..." (the page's own
  words for the picture, "In this ... photo", at its start).

Measured on the 690 Multi-News web articles (``../shared/eval``): every line these patterns
matched was a footer, appeal or caption; sentences about copyright law, subscriber numbers or
donations to campaigns ("had donated to", "52 million subscribers") do not match.
"""

from __future__ import annotations

import re

from storyline.clean.lines import ends_sentence, word_count, word_set, words

_FOOTER_OPEN_RE = re.compile(r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}|©)", re.I)
_COPYRIGHT_CREDIT_RE = re.compile(r"^(?:copyright|©)\s+\S", re.I)
# "Copyright Example TV 2024.": the holder's name, then the year.
_COPYRIGHT_HOLDER_YEAR_RE = re.compile(
    r"^(?:[Cc]opyright|COPYRIGHT|©)\s+(?:[A-Z][\w&.'’-]*\s+){1,5}(?:19|20)\d\d\b"
)
_RIGHTS_RE = re.compile(
    r"\ball rights reserved\b|\bmay not be (?:re)?published, broadcast, rewritten\b", re.I
)
# Imperatives that open a sentence asking the reader to pay, join or sign up.
_APPEAL_RE = re.compile(
    r"(?:^|[.!?:]\s+)(?:please\s+)?(?:"
    r"support (?:local |independent |quality |our |us\b|the (?-i:[A-Z]))|"
    r"subscribe\b(?! to the (?:idea|view|theory|notion))|sign up (?:for|to|here|now|today)\b|"
    r"donate (?:today|now|here|to (?:us|our))\b|become a (?:member|subscriber|supporter|patron)\b|"
    r"already a (?:subscriber|member)\b|consider (?:subscribing|supporting|donating)\b|"
    r"make a (?:donation|contribution)\b|subscribe now\b|"
    r"(?:chat with|message|follow|like|find) us (?:on|in|via) (?:facebook|twitter|x|instagram|"
    r"whatsapp|telegram|tiktok|youtube|linkedin|messenger)\b)",
    re.IGNORECASE,
)
# Where a match of _APPEAL_RE after the line's start can begin: a stop and a space.
_APPEAL_STOP_RE = re.compile(r"[.!?:]\s")
_IMAGE_LABEL_RE = re.compile(
    r"^(?:image copyright|image caption|(?:enlarge this image )?toggle caption)\b", re.I
)
# A wire file-photo caption: "FILE - In this Nov. 2, 2017, file photo, ...", "In this
# photo taken on ..., ...", "FILE PHOTO: ...".  The picture is named in the opening clause.
_FILE_PHOTO_RE = re.compile(
    r"^(?:FILE(?: PHOTO)?\s*[-–—:]\s*)?In this (?:[^;]{0,20}?\d{4},? )?"
    r"(?:(?:file|handout|undated|aerial|still) )?(?:photo|image|picture|frame grab)\b"
    r"|^FILE(?: PHOTO)?\s*[-–—:]\s*\S"
)
_AGENCIES = r"(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|Getty|Bloomberg|Corbis|Shutterstock)"
# A credit in brackets at the end: "(AP Photo/Name)", "(Photo: Name)", "(Name/Getty Images)".
_BRACKET_CREDIT_RE = re.compile(
    r"\((?:[^()]*\b(?:Photos?|Photograph|Photographer|Photo illustration|Picture|Image)\b"
    rf"[^()]*|[^()]*\S\s?/\s?{_AGENCIES}[^()]*|{_AGENCIES}\s?/[^()]+|[^()]*Getty Images[^()]*)"
    r"\)\.?$"
)
# A credit at the end without brackets: "... Photo: Name / Reuters", "REUTERS/Name",
# "Name/Getty Images", "Photograph: AP".  The credit itself has no sentence stop.
_TAIL_CREDIT_RE = re.compile(
    r"(?:^|[\s.!?\]])(?:(?:Photo|Photograph|Photographer|Picture|Image|Credit)s?\s*:|"
    r"Photo by|Photos by)\s+[^.!?]{1,80}$|"
    rf"(?:^|\s)(?:REUTERS|AFP|EPA)\s?/\s?[A-Z][^.!?]{{1,60}}$|"
    rf"\S\s?/\s?{_AGENCIES}\.?$|(?:^|\s)via Getty Images\.?$|"
    # "Source:" also attributes facts ("... Source: 4NBC"): only a whole short line is a credit.
    r"^Source:(?:\s+[^\s.!?]+){1,5}$"
)
# A credit without brackets is searched for in this many last characters of a line.
_CREDIT_TAIL_CHARS = 100
# Every credit form holds one of these; lines without any skip the credit pattern (speed).
_CREDIT_HINT_RE = re.compile("Photo|Picture|Image|Credit|Source|/|Getty")
# A short all-name credit: at most this many words ("Copyright Associated Press / NBC 10").
_CREDIT_MAX_WORDS = 8
_MINOR = word_set("of the and for by in on at a")


def copyright_reason(line: str, max_words: int) -> str | None:
    """Why a line is a copyright/rights footer, or None."""
    count = word_count(line)
    return None if count > max_words else footer_reason_of(line, count)


def footer_reason_of(line: str, count: int) -> str | None:
    """``copyright_reason`` of a line already known to have ``count`` words, whatever the cap."""
    if _FOOTER_OPEN_RE.match(line):
        return "copyright footer"
    if count <= _CREDIT_MAX_WORDS and _COPYRIGHT_HOLDER_YEAR_RE.match(line):
        return "copyright footer"
    if ("eserved" in line or "rewritten" in line) and _RIGHTS_RE.search(line):
        return "rights-reserved footer"
    if _COPYRIGHT_CREDIT_RE.match(line) and _is_name_credit(line, count):
        return "copyright credit"
    return None


def _is_name_credit(line: str, count: int) -> bool:
    """A short line of names only ("Copyright Marvel Comics"): no lowercase content word."""
    if count > _CREDIT_MAX_WORDS or ends_sentence(line):
        return False
    return all(word[:1].isupper() or word.casefold() in _MINOR for word in words(line))


def appeal_reason(line: str, max_words: int) -> str | None:
    """Why a short line asks the reader to subscribe, donate or sign up, or None."""
    return None if word_count(line) > max_words else appeal_reason_of(line)


def appeal_reason_of(line: str) -> str | None:
    """``appeal_reason`` of a line already known to be short enough."""
    if line[:1] in "\"“‘'":
        return None
    match = _appeal_match(line)
    if match is None:
        return None
    return f"appeal to the reader: {match.group(0).strip(' .!?:')!r}"


def _appeal_match(line: str) -> re.Match[str] | None:
    """``_APPEAL_RE.search(line)``, tried only where a match can start: at the start of the
    line and at each stop followed by a space (the pattern's two openings).  The leftmost
    match is the same, at 2.1 instead of 3.4 µs a line (1000 bench/ingest.py pages)."""
    match = _APPEAL_RE.match(line)
    if match is not None:
        return match
    for stop in _APPEAL_STOP_RE.finditer(line, 1):
        match = _APPEAL_RE.match(line, stop.start())
        if match is not None:
            return match
    return None


def caption_reason(line: str, max_words: int) -> str | None:
    """Why a line is a photo caption or credit, or None."""
    return None if word_count(line) > max_words else caption_reason_of(line)


def caption_reason_of(line: str) -> str | None:
    """``caption_reason`` of a line already known to be short enough."""
    if _IMAGE_LABEL_RE.match(line):
        return "image caption label"
    if _FILE_PHOTO_RE.match(line):
        return "file-photo caption"
    # Both credit forms sit at the end: only the tail is searched (long captions stay cheap).
    if line.rstrip(".").endswith(")") and _BRACKET_CREDIT_RE.match(line, line.rfind("(")):
        return "caption ending in a photo credit"
    start = max(0, len(line) - _CREDIT_TAIL_CHARS)
    if _CREDIT_HINT_RE.search(line, start) and _TAIL_CREDIT_RE.search(line, start):
        return "photo credit"
    return None
