"""Parse the text of one temporal expression into a structured, not yet resolved form.

The parser never looks at the article: it turns a span spaCy marked as DATE/TIME ("last
month", "June 16", "a year after the June 2012") into a :class:`Parsed` that says what kind
of expression it is.  :mod:`storyline.analyze.date_resolve` resolves it against a reference day
and the tense of the governing verb.  Keeping the two apart lets the publication-date
inference use the same parse without any reference day at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from storyline.analyze.temporal_words import (
    APPROXIMATELY_RE,
    DAY_SHIFTS,
    DAY_WORD_RE,
    HOLIDAYS,
    MONTH_RE,
    MONTHS,
    NUM_RE,
    ORDINALS,
    PART_OF_DAY_RE,
    PART_RE,
    RECENT_SPAN,
    SEASONS,
    UNIT_RE,
    WEEKDAY_NAMES_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_SHIFT_RE,
    number,
    part_name,
)

_YEAR_SHIFTS = {"last": -1, "previous": -1, "this": 0, "next": 1}  # "June 12 last year"


class Kind(StrEnum):
    ABSOLUTE = "absolute"  # carries its own year: "June 2012", "the 1990s", "March 24, 2016"
    YEARLESS = "yearless"  # month and maybe day, year from context: "June 16", "after August"
    WEEKDAY = "weekday"  # "Thursday", "last Tuesday", "Tuesday's"
    SHIFT = "shift"  # deictic: "today", "last month", "next year", "two weeks ago"
    RECENT = "recent"  # "in recent months", "the last days", "the coming weeks"
    OFFSET = "offset"  # "a year after the June 2012 [conference]"
    DURATION = "duration"  # "two-year-old", "two-day", "months": no point in time
    VAGUE = "vague"  # "the next day", "a long time", "once": not resolvable
    SET = "set"  # recurring (TimeML SET): "every Friday", "on Mondays", "weekly": no one day


@dataclass(frozen=True)
class Parsed:
    """A temporal expression, understood but not placed on the calendar."""

    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  # "March 24-26"
    month_end: int | None = None  # "June 30 to July 2"
    unit: str | None = None  # "day", "week", ..., "quarter", "season", "half"
    amount: int = 0  # signed shift in units: last month = -1, two weeks ago = -2
    # quarter number, season start month, weekday number (also of "Monday, August 3")
    index: int | None = None
    part: str | None = None  # "early", "mid", "late"
    decade: int | None = None
    anchor: Parsed | None = None  # OFFSET: the expression it counts from
    anchor_text: str | None = None
    year_shift: int | None = None  # YEARLESS: "June 12 last year" = -1, "in May this year" = 0


def normalise_text(text: str) -> str:
    """Lower-case, straighten quotes and dashes, drop a possessive and leading 'the'."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    text = re.sub(r"'s$|s'$", "", text).strip()
    return re.sub(r"^(on|in|at|during|of) ", "", text)


def parse(text: str) -> Parsed:
    """Understand one DATE/TIME span; VAGUE when no rule applies."""
    cleaned = normalise_text(text)
    for rule in _RULES:
        parsed = rule(cleaned)
        if parsed is not None:
            return parsed
    return Parsed(Kind.VAGUE)


def _year(raw: str) -> int:
    value = int(raw.lstrip("'"))
    if value < 100:  # "'90s", "'12"
        value += 1900 if value > 40 else 2000
    return value


# --------------------------------------------------------------------------- rules


def _rule_day_words(text: str) -> Parsed | None:
    """ "today", "tonight", "yesterday afternoon", "this morning", "last night".  A part of
    the day alone ("evening", "the morning shift") names no day: TimeML marks "this morning"
    and "tonight" as the reference day and "last night" as the day before."""
    match = re.fullmatch(rf"(?P<day>{DAY_WORD_RE})(?: (?P<part>{PART_OF_DAY_RE}))?|tonight", text)
    if match is None:
        return None
    day = match["day"]
    if day is None:
        return Parsed(Kind.SHIFT, unit="day", amount=0)
    if day in ("this", "last") and match["part"] is None:
        return None  # "this", "last" alone are not dates
    return Parsed(Kind.SHIFT, unit="day", amount=DAY_SHIFTS[day])


def _rule_set(text: str) -> Parsed | None:
    """Recurring times name no single day: "every Friday", "each spring", "on Mondays",
    "Sunday mornings", "weekly"."""
    if re.fullmatch(
        rf"(?:every|each) .+|(?:{WEEKDAY_NAMES_RE})s(?: (?:{PART_OF_DAY_RE})s?)?"
        rf"|(?:{WEEKDAY_NAMES_RE}) (?:{PART_OF_DAY_RE})s"
        r"|daily|weekly|monthly|yearly|annually|nightly",
        text,
    ):
        return Parsed(Kind.SET)
    return None


def _rule_weekday(text: str) -> Parsed | None:
    match = re.fullmatch(
        rf"(?:(?P<mod>last|this|next|this coming|coming|early|late|earlier|later) )?"
        rf"(?P<wd>{WEEKDAY_RE})\.?(?: (?:morning|afternoon|evening|night))?",
        text,
    )
    if match is None:
        return None
    mod = match["mod"]
    amount = -1 if mod == "last" else 1 if mod in ("next", "coming", "this coming") else 0
    return Parsed(Kind.WEEKDAY, index=WEEKDAYS[match["wd"]], amount=amount)


def _rule_shift(text: str) -> Parsed | None:
    match = re.fullmatch(
        r"(?:(?P<part>early|mid|late|earlier|later|the end of|the beginning of|the start of)"
        r"[- ])?(?P<mod>this|last|next|the|coming|previous|past)"
        r" (?P<unit>day|week|weekend|month|quarter|year|decade|summer|spring|autumn|fall|winter)",
        text,
    )
    if match is None:
        return None
    mod, unit, part = match["mod"], match["unit"], match["part"]
    if unit == "weekend" and mod in ("the", "this"):
        return Parsed(Kind.WEEKDAY, unit="weekend", index=5)
    if mod == "the" and (part is None or unit in ("day", "weekend")):
        return None  # "the week", "the day": narrative, or a RECENT form
    amount = -1 if mod in ("last", "past", "previous") else 0 if mod in ("this", "the") else 1
    if part in ("earlier", "later"):
        part = None
    season = SEASONS.get(unit)
    return Parsed(
        Kind.SHIFT,
        unit="season" if season else unit,
        amount=amount,
        index=season,
        part=part_name(part),
    )


def _rule_ago(text: str) -> Parsed | None:
    match = re.fullmatch(rf"(?:(?:{APPROXIMATELY_RE}) )?(?P<n>{NUM_RE}) {UNIT_RE} ago", text)
    if match is None:
        return None
    amount = number(match["n"])
    if amount is None:
        return Parsed(Kind.RECENT, unit=match["unit"], amount=-RECENT_SPAN[match["unit"]])
    return Parsed(Kind.SHIFT, unit=match["unit"], amount=-amount)


def _rule_recent(text: str) -> Parsed | None:
    match = re.fullmatch(
        rf"(?P<det>the |these |those )?(?P<mod>recent|last|past|coming|next|previous|upcoming)"
        rf"(?: (?P<n>{NUM_RE}))? {UNIT_RE}",
        text,
    )
    if match is None:
        return None
    unit, plural = match["unit"], text.endswith("s")
    if match["det"] == "the " and match["mod"] in ("next", "previous") and not match["n"]:
        return Parsed(Kind.VAGUE)  # "the next day", "the previous week": narrative time
    if match["n"] is None and not plural and match["det"] is None:
        return None  # "last week" is a calendar week
    size = number(match["n"]) if match["n"] else None
    size = size or (RECENT_SPAN[unit] if plural else 1)
    sign = 1 if match["mod"] in ("coming", "next", "upcoming") else -1
    return Parsed(Kind.RECENT, unit=unit, amount=sign * size)


def _rule_month_day(text: str) -> Parsed | None:
    named = re.match(rf"(?P<wd>{WEEKDAY_RE}),? ", text)  # "Monday, August 3"
    text = text[named.end() :] if named else text
    match = re.fullmatch(
        rf"(?P<m>{MONTH_RE})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:(?: ?- ?| to | and | through )(?:(?P<m2>{MONTH_RE})\.? )?(?P<d2>\d{{1,2}})"
        rf"(?:st|nd|rd|th)?)?(?:,? (?P<y>\d{{4}})|{YEAR_SHIFT_RE})",
        text,
    ) or re.fullmatch(
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:(?: ?- ?| to | and )(?P<d2>\d{{1,2}}))?"
        rf" (?:of )?(?P<m>{MONTH_RE})\.?(?:,? (?P<y>\d{{4}})|{YEAR_SHIFT_RE})(?P<m2>)",
        text,
    )
    if match is None or not 1 <= int(match["d"]) <= 31:
        return None
    year = int(match["y"]) if match["y"] else None
    return Parsed(
        Kind.ABSOLUTE if year else Kind.YEARLESS,
        year=year,
        month=MONTHS[match["m"]],
        day=int(match["d"]),
        day_end=int(match["d2"]) if match["d2"] else None,
        month_end=MONTHS[match["m2"]] if match["m2"] else None,
        year_shift=_YEAR_SHIFTS.get(match["rel"] or ""),
        index=WEEKDAYS[named["wd"]] if named and not year and not match["d2"] else None,
    )


def _rule_holiday(text: str) -> Parsed | None:
    match = re.fullmatch(r"(?:(?P<y>\d{4}) )?(?P<h>[a-z' ]+?)(?:,? (?P<y2>\d{4}))?", text)
    if match is None or match["h"] not in HOLIDAYS:
        return None
    month, day = HOLIDAYS[match["h"]]
    year_text = match["y"] or match["y2"]
    year = int(year_text) if year_text else None
    return Parsed(Kind.ABSOLUTE if year else Kind.YEARLESS, year=year, month=month, day=day)


def _rule_week_of_month(text: str) -> Parsed | None:
    match = re.fullmatch(
        rf"(?P<o>first|second|third|fourth|last|final) week of (?P<m>{MONTH_RE})\.?"
        rf"(?:,? (?P<y>\d{{4}}))?",
        text,
    )
    if match is None:
        return None
    index = ORDINALS[match["o"]]
    first_day = 1 + 7 * (index - 1) if match["o"] not in ("last", "final") else 22
    year = int(match["y"]) if match["y"] else None
    return Parsed(
        Kind.ABSOLUTE if year else Kind.YEARLESS,
        year=year,
        month=MONTHS[match["m"]],
        day=first_day,
        day_end=first_day + 6 if first_day < 22 else 31,
    )


def _rule_span(text: str) -> Parsed | None:
    """ "from 2010 to 2012", "between 2001 and 2003": a range of two absolute years."""
    match = re.fullmatch(
        r"(?:from |between )?(?P<a>(?:1[89]|20)\d\d) ?(?:-|to|and|through|until) ?"
        r"(?P<b>(?:1[89]|20)\d\d|\d\d)",
        text,
    )
    if match is None:
        return None
    first, last = int(match["a"]), int(match["b"])
    if last < 100:
        last += first // 100 * 100
    if last <= first:
        return None
    return Parsed(Kind.ABSOLUTE, year=first, unit="years", amount=last - first)


def _rule_month(text: str) -> Parsed | None:
    match = re.fullmatch(
        rf"(?:(?P<mod>last|past|next|coming|this coming|this) )?(?:{PART_RE}[- ])?"
        rf"(?:the month of )?(?P<m>{MONTH_RE})\.?(?:,? (?:of )?(?P<y>\d{{4}})|{YEAR_SHIFT_RE})",
        text,
    )
    if match is None or (match["mod"] and (match["y"] or match["rel"])):
        return None
    year = int(match["y"]) if match["y"] else None
    kind = Kind.ABSOLUTE if year else Kind.YEARLESS
    # "last May" is the latest May wholly before the reference day, "next May" the first after
    amount = {"last": -1, "past": -1, "next": 1, "coming": 1, "this coming": 1}.get(
        match["mod"] or "", 0
    )
    month, part = MONTHS[match["m"]], part_name(match["part"])
    shift = _YEAR_SHIFTS.get(match["rel"] or "")
    return Parsed(kind, year=year, month=month, part=part, amount=amount, year_shift=shift)


def _rule_year(text: str) -> Parsed | None:
    match = re.fullmatch(rf"(?:{PART_RE}[- ])?(?:the year )?(?P<y>(?:1[89]|20)\d\d)", text)
    if match is not None:
        return Parsed(Kind.ABSOLUTE, year=int(match["y"]), part=part_name(match["part"]))
    match = re.fullmatch(
        rf"(?:the )?(?:{PART_RE}[- ])?(?:the )?(?P<y>(?:1[89]|20)\d0|'\d0)'?s", text
    )
    if match is not None:
        decade = _year(match["y"])
        return Parsed(Kind.ABSOLUTE, year=decade, decade=decade, part=part_name(match["part"]))
    return None


def _rule_quarter(text: str) -> Parsed | None:
    match = re.fullmatch(
        r"(?:(?P<mod>this|last|next|the) )?(?:q(?P<q>[1-4])|(?P<ord>first|second|third|fourth|"
        r"last|final) (?P<what>quarter|half))(?:,? (?:of )?(?P<y>\d{4}))?",
        text,
    )
    if match is None:
        return None
    if match["what"] == "half":
        unit, index = "half", 1 if match["ord"] == "first" else 2
    else:
        unit, index = "quarter", int(match["q"]) if match["q"] else ORDINALS[match["ord"]]
    year = int(match["y"]) if match["y"] else None
    amount = {"last": -1, "next": 1}.get(match["mod"] or "", 0)
    if match["mod"] in ("last", "next") and match["what"] is None:
        return Parsed(Kind.SHIFT, unit="quarter", amount=amount)
    return Parsed(Kind.ABSOLUTE if year else Kind.YEARLESS, year=year, unit=unit, index=index)


def _rule_season(text: str) -> Parsed | None:
    match = re.fullmatch(
        r"(?:the )?(?P<s>spring|summer|autumn|fall|winter)(?: (?:of )?(?P<y>\d{4}))?", text
    )
    if match is None:
        return None
    year = int(match["y"]) if match["y"] else None
    kind = Kind.ABSOLUTE if year else Kind.YEARLESS
    return Parsed(kind, year=year, unit="season", index=SEASONS[match["s"]])


def _rule_offset(text: str) -> Parsed | None:
    match = re.fullmatch(
        rf"(?:about |some |nearly |almost |more than |just over |just under )?"
        rf"(?P<n>{NUM_RE}) (?:full )?{UNIT_RE} (?P<dir>after|before|since|from)"
        r" (?:the )?(?P<rest>.+)",
        text,
    )
    if match is None:
        return None
    amount = number(match["n"])
    found = _anchor(match["rest"])
    if amount is None or found is None:
        return Parsed(Kind.VAGUE)
    sign = -1 if match["dir"] == "before" else 1
    anchor, anchor_text = found
    return Parsed(
        Kind.OFFSET, unit=match["unit"], amount=sign * amount, anchor=anchor,
        anchor_text=anchor_text,
    )  # fmt: skip


def _anchor(text: str) -> tuple[Parsed, str] | None:
    """The longest leading date inside "the June 2012 Geneva conference", and its words."""
    words = text.split()
    for size in range(min(len(words), 5), 0, -1):
        words_text = " ".join(words[:size])
        parsed = parse(words_text)
        if parsed.kind is Kind.ABSOLUTE:
            return parsed, words_text
    return None


def _rule_duration(text: str) -> Parsed | None:
    if re.fullmatch(
        rf"(?:(?:about|some|nearly|almost|more than|less than|over|under|the|a|another|"
        rf"an additional|at least) )*(?:(?:{NUM_RE}|\d+(?:\.\d+)?)(?: and a half)?[- ])?"
        rf"(?:{UNIT_RE}|hour|minute)s?(?:[- ](?:old|long|plus))?(?: and a half)?",
        text,
    ):
        return Parsed(Kind.DURATION)
    if re.fullmatch(rf"(?:{NUM_RE}|\d+)[- ]{UNIT_RE}[- ](?:old|long)", text):
        return Parsed(Kind.DURATION)
    return None


_RULES = (
    _rule_set,
    _rule_day_words,
    _rule_weekday,
    _rule_recent,
    _rule_shift,
    _rule_ago,
    _rule_offset,
    _rule_month_day,
    _rule_week_of_month,
    _rule_holiday,
    _rule_span,
    _rule_month,
    _rule_year,
    _rule_quarter,
    _rule_season,
    _rule_duration,
)
