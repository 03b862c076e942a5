"""The words temporal expressions are made of (English): months, weekdays, number words,
ordinals, seasons and fixed-date holidays, with the values the parser gives them, and the
words that set the tense of the verb a date hangs from."""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # starting month
# Fixed-date holidays, as (month, day).
HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
    "christmas eve": (12, 24), "christmas": (12, 25), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "bastille day": (7, 14), "may day": (5, 1),
}  # fmt: skip
# How far "recent"/"the past few" reaches back, per unit (counts of that unit); a convention
# recorded in tests/data/dates.jsonl and measured by bench/dates.py.
RECENT_SPAN = {"day": 7, "week": 4, "month": 6, "year": 5, "decade": 2}
# Day words and their shift in days; "this"/"last" only with a part of the day.
DAY_SHIFTS = {
    "today": 0, "this": 0, "now": 0, "yesterday": -1, "last": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip

# The words that set the tense of the verb a date hangs from (``date_resolve``).
FUTURE_AUX = {"will", "'ll", "shall", "wo", "may", "might", "could", "can", "should", "must"}
PAST_AUX = {"was", "were", "had", "has", "have", "did", "'d"}
PRESENT_AUX = {"is", "are", "am", "'s", "'re", "'m", "do", "does"}
CLOCK_WORDS = {"am", "pm", "a.m.", "p.m."}
# Modifiers and nouns that put a thing ahead of the verb that mentions it.
FORWARD_MODIFIERS = {"scheduled", "planned", "upcoming", "impending", "expected", "forthcoming"}
FORWARD_NOUNS = {"deadline"}
# Verbs whose complement or participle points forward: "planned for July", "agreed to hold".
INTENT_VERBS = {
    "plan", "schedule", "expect", "due", "slate", "intend", "hope", "agree", "decide",
    "promise", "vow", "aim", "seek", "want", "pledge", "set",
}  # fmt: skip


def number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def part_name(raw: str | None) -> str | None:
    if raw is None:
        return None
    if raw in ("the end of", "late"):
        return "late"
    if raw in ("the beginning of", "the start of", "early"):
        return "early"
    return "mid"


# Regular-expression alternations of the words above, for the parser's rules.
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
NUM_RE = r"\d+|" + "|".join(NUMBERS) + "|few|several|many"
UNIT_RE = r"(?P<unit>day|week|month|year|decade)s?"
PART_OF_DAY_RE = "morning|afternoon|evening|night"
WEEKDAY_NAMES_RE = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
DAY_WORD_RE = "|".join(sorted(DAY_SHIFTS, key=len, reverse=True))
# Words before "five years ago" that keep it a date (the qualifier reads them).
APPROXIMATELY_RE = "about|some|nearly|almost|more than|over|less than|under|just over|just under"
YEAR_SHIFT_RE = r"(?:,? (?:of )?(?P<rel>last|this|next|previous) year)?"  # "June 12 last year"
PART_RE = r"(?P<part>early|mid|late|the middle of|the end of|the beginning of|the start of)"
