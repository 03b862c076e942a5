"""Rules that read the text on both sides of a candidate boundary and say it splits one sentence.

Two families: abbreviations and initials that end a piece but not the sentence ("Gen.",
"U.S. Army", "4 p.m. Eastern time"), and the debris of news pages that the parser cuts
off (a photo credit after a truncated caption, a wire dateline, a bare list number, a
piece opening with a comma).  The news-page rules come from a hand audit of ~750
boundaries in DUC 2003/2006, Multi-News and Giveme5W1H articles (bench/sentences.py
measures the invented cases written for them in tests/data/sentences.jsonl).
"""

from __future__ import annotations

import re

from storyline.analyze.aliases import word_set

# Abbreviations that are never the last word of a sentence: a name or number follows.
NEVER_FINAL = word_set(
    "mr mrs ms dr gen sen rep gov lt col sgt capt adm prof rev st pres sec atty supt cmdr "
    "maj brig cpl pvt hon messrs mmes msgr gens sens reps vs ft mt approx dept"
)
# Abbreviations a number follows ("No. 2", "Nos. 3 and 4"); "no." alone may end a sentence.
BEFORE_NUMBER = word_set("no nos fig art")
# Abbreviations that may end a sentence or not ("Apple Inc. said" / "... Inc. The"); read
# like dotted ones ("U.S.") by looking at the next word.
MAYBE_FINAL = word_set("inc corp co ltd jr sr bros plc llc etc")
# Month abbreviations: inside the sentence when a day number follows ("Sept. 11").
MONTHS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# Clock abbreviations: a capitalised word after them starts a new sentence unless it is
# a day, a month or a time zone ("at 10 a.m. Tuesday", "4 p.m. Eastern time").
CLOCK = frozenset(("a.m.", "p.m."))
CALENDAR_WORDS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december et est edt gmt utc bst cet "
    "pt pst pdt ct cst cdt mt mst mdt eastern pacific central mountain local"
)
# Words that commonly open a sentence; after "U.S." or "a.m." they mean a new sentence,
# while any other capitalised word ("U.S. Army") continues the current one.
SENTENCE_OPENERS = word_set(
    "the a an he she it they we i you his her its their our this that these those there but "
    "and or so yet in on at for after before when while if as since although though "
    "meanwhile however still then now later earlier officials police some many most no one "
    "two three four five six seven eight nine ten"
)
# Adverbs that open a sentence with a comma ("Yesterday, the two met"): a capitalised word
# and a comma after a name-like word is a surname only if it is none of these.
COMMA_OPENERS = SENTENCE_OPENERS | word_set(
    "yesterday today tomorrow instead also indeed moreover furthermore nevertheless finally "
    "first second third last overall separately besides again already ultimately initially"
)

_LAST_WORD = re.compile(r"(\S+)\s*$")
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S. U.N. a.m. D.C.
_INITIAL = re.compile(r"(?:^|\s)[A-Z][\w.'’-]*\s+[A-Z]\.$")  # "George W."
_INITIAL_ONLY = re.compile(r"^[A-Z]\.$")
# "7 a.m. South Korean time": up to three capitalised words, then "time".
_NAMED_TIME_ZONE = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}time\b")
# A short parenthesis without sentence punctuation ("(Associated Press)"); a dot may only
# follow a capital, as in an initial ("(AP Photo/J. Doe)").
_PARENTHESIS = r"\((?:[^()\n.?!]|(?<=[A-Z])\.){2,60}\)"
_CREDIT = re.compile(rf"^{_PARENTHESIS}$")
# "(AP) -- The ...", "(Reuters) - ...": a wire credit that a dash follows.
_CREDIT_BEFORE_DASH = re.compile(rf"^{_PARENTHESIS}\s*(?:--|[-–—_])(?:\s|$)")
_LEADING_CREDIT = re.compile(rf"^{_PARENTHESIS}")
# A truncated caption and its credit: "... crowds gather in the square... (AP)".
ELLIPSIS_CREDIT = re.compile(rf"(?:\.\.\.|…)\s*{_PARENTHESIS}$")
# A whole piece that is a dateline: "PASADENA, Calif." or "ALBANY, N.Y."
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]+,\s+(?:[A-Z][a-z]{1,5}\.|(?:[A-Z]\.){2,3})$")
# A piece that is only a place and its credit: "(CNN)", "Tirana, Albania (CNN)".
_DATELINE_CREDIT = re.compile(rf"^(?:[A-Z][\w'’-]*,?\s+){{0,4}}{_PARENTHESIS}$")
# Everything up to the last dash or slash of a word: "23-Sept." -> "Sept.", "Photo/J." -> "J."
_RANGE_START = re.compile(r"^.*[-–/]")
_LIST_MARKER = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]$")
_TITLE_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Za-z]+)?$")
_SURNAME = re.compile(r"^([A-Z][a-z]+(?:[-'’][A-Za-z]+)?)(,\s|\s+\(|\s+(?=[a-z]))")


def ends_mid_sentence(before: str, after: str) -> bool:
    """The piece ends with an abbreviation or initial that a name or number follows."""
    match = _LAST_WORD.search(before)
    if match is None or not before.endswith("."):
        return False
    word = match.group(1).lstrip("\"“‘'(")
    stem = _RANGE_START.sub("", word[:-1].lower())  # "Aug. 23-Sept. 5": read "sept"
    next_words = after.split(maxsplit=2)
    next_word = next_words[0] if next_words else ""
    if stem in NEVER_FINAL:
        return True
    if stem in MONTHS or stem in BEFORE_NUMBER:
        return next_word[:1].isdigit()
    if _INITIAL.search(before) and len(word) == 2:
        return next_word[:1].isupper()
    if _INITIAL_ONLY.match(_RANGE_START.sub("", word)):  # "J." and "(AP Photo/J."
        return bool(_INITIAL_ONLY.match(next_word)) or _opens_a_name(next_words)
    if word.lower() in CLOCK:
        return _continues_after_clock(after, next_word)
    if _DOTTED_ABBREVIATION.match(word) or stem in MAYBE_FINAL:
        return _bare_word(next_word) not in SENTENCE_OPENERS
    return False


def _bare_word(word: str) -> str:
    """Lowercase, without quotes and a contraction: "You'll" -> "you", "(The" -> "the"."""
    return re.split(r"['’]", word.strip("\"“‘'(,").lower(), maxsplit=1)[0]


def _opens_a_name(next_words: list[str]) -> bool:
    """ "G. | Gordon Liddy", "J. | Edgar Hoover": an initial, then two capitalised words."""
    if len(next_words) < 2 or _bare_word(next_words[0]) in SENTENCE_OPENERS:
        return False
    return bool(
        _TITLE_WORD.match(next_words[0]) and _TITLE_WORD.match(next_words[1].rstrip(",.;:)"))
    )


def _continues_after_clock(after: str, next_word: str) -> bool:
    """After "a.m."/"p.m.": lowercase, a day, a month, or a time zone goes on."""
    bare = next_word.lower().strip(",.")
    if next_word[:1].islower() or next_word[:1] == "(":  # "10 p.m. (1400 GMT)"
        return True
    if bare in CALENDAR_WORDS or bare in MONTHS:
        return True
    return bool(_NAMED_TIME_ZONE.match(after))


def continues_news_piece(before: str, after: str) -> bool:
    """The boundary cuts page debris off its sentence: credit, dateline, list number, name."""
    if after[:1] in ",;:)]}":
        return True  # "LONDON | , Dec 29 (Reuters)": a piece never opens with these
    if _LIST_MARKER.match(before) or _DATELINE.match(before) or _DATELINE_CREDIT.match(before):
        return True
    if _CREDIT_BEFORE_DASH.match(after):
        return True  # "PASADENA, Calif. | (AP) -- The weather ..."
    if _LEADING_CREDIT.match(after) and _is_unfinished(before, _CREDIT.match(after) is not None):
        return True
    return _splits_a_name(before, after)


def _is_unfinished(before: str, whole_credit: bool) -> bool:
    """A caption a credit belongs to: truncated ("...") or, for a lone credit, unpunctuated."""
    if before.endswith(("...", "…")):
        return True
    return whole_credit and before[-1:].isalnum()


def _splits_a_name(before: str, after: str) -> bool:
    """ "... include Keira | Holloway, Dana ...": a first name cut from its surname.

    The surname is a capitalised word that a comma, a parenthesis or a lowercase word
    follows.  Not after a headline (every word capitalised), where the cut may be the
    headline's end, unless the first name is all there is ("Jessica | Simpson, The ...").
    """
    words = before.split()
    surname = _SURNAME.match(after)
    if not words or surname is None or not _TITLE_WORD.match(words[-1]):
        return False
    if surname.group(1).lower() in COMMA_OPENERS:
        return False
    in_prose = any(word[:1].islower() for word in words)
    if surname.group(2).strip() in (",", "("):
        return in_prose or len(words) == 1
    return in_prose  # "gunman Mohamed Lahouaiej | Bouhlel zig-zagged through"
