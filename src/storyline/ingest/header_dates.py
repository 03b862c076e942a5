"""Strict reading of the dates header lines state ("Published 12 May 2025, 10:30 GMT").

Nothing is guessed: the year must be written out in full, a numeric date whose day and
month could swap (05/06/2025) resolves only when one part is over 12, and a weekday that
does not fit the date makes the whole date unresolved.  A time with a zone gives an aware
datetime; a time without a known zone a naive one; a date alone a naive midnight (as the
other containers' day-only dates are).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

# Years outside this span are ids or typos, not publication dates.
YEARS = (1900, 2100)
# English first; French, Spanish, Portuguese, Italian and German names too, for the
# non-English articles the corpora hold ("Jeudi 14 juillet 2005", "2 de junio de 2009").
_MONTH_NAMES = (
    "january jan janvier enero janeiro gennaio januar jänner",
    "february feb février fevrier febrero fevereiro febbraio februar",
    "march mar mars marzo março marco märz",
    "april apr avril abril aprile",
    "may mai mayo maio maggio",
    "june jun juin junio junho giugno juni",
    "july jul juillet julio julho luglio juli",
    "august aug août aout agosto",
    "september sep sept septembre septiembre setiembre setembro settembre",
    "october oct octobre octubre outubro ottobre oktober",
    "november nov novembre noviembre novembro",
    "december dec décembre decembre diciembre dezembro dicembre dezember",
)
_WEEKDAY_NAMES = (
    "monday mon lundi lunes segunda lunedì lunedi montag",
    "tuesday tue tues mardi martes terça terca martedì martedi dienstag",
    "wednesday wed mercredi miércoles miercoles quarta mercoledì mercoledi mittwoch",
    "thursday thu thur thurs jeudi jueves quinta giovedì giovedi donnerstag",
    "friday fri vendredi viernes sexta venerdì venerdi freitag",
    "saturday sat samedi sábado sabado sabato samstag",
    "sunday sun dimanche domingo domenica sonntag",
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
_WEEKDAYS = {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names.split()}
# Zone abbreviations with one fixed meaning in English-language news; others ("IST": India,
# Ireland or Israel) leave the time naive.
_FIXED_ZONES = {
    "Z": 0, "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "JST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11,
}  # fmt: skip
# US zones written without standard/daylight: the date decides the offset.
_REGION_ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

_WORD = r"[^\W\d_]{3,12}"
_ORDINAL = r"(?:st|nd|rd|th|er|º|\.)?"
_DAY_FIRST = (
    rf"(?P<day>\d{{1,2}}){_ORDINAL}\s+(?:de\s+)?(?P<month>{_WORD})\.?,?\s+(?:de[l]?\s+)?"
    r"(?P<year>\d{4})"
)
_MONTH_FIRST = rf"(?P<month2>{_WORD})\.?\s+(?P<day2>\d{{1,2}}){_ORDINAL},?\s+(?P<year2>\d{{4}})"
_DATE = (
    rf"(?:{_DAY_FIRST}|{_MONTH_FIRST}"
    r"|(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})"
    r"|(?P<na>\d{1,2})\s*[/.-]\s*(?P<nb>\d{1,2})\s*[/.-]\s*(?P<ny>\d{4}))"
)
_TIME = (
    r"(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
    r"\s*(?P<ampm>[ap](?:\.\s?)?m\.?)?"
    r"(?:\s*\(?(?P<zone>[A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?"
)
_WEEKDAY = rf"(?:(?P<weekday>{_WORD})\.?,?\s+)?"
_DATE_TIME = re.compile(
    rf"^{_WEEKDAY}{_DATE}(?:(?:,|\s+at|\s+à|\s*-|\s*@|\s*T)?\s*{_TIME})?$", re.IGNORECASE
)
_TIME_DATE = re.compile(
    rf"^{_TIME.replace('?P<', '?P<t_')}(?:,|\s+on)?\s+{_WEEKDAY}{_DATE}$", re.IGNORECASE
)


@dataclass(frozen=True)
class DateReading:
    """A date-shaped text; ``value`` is None when it cannot be resolved without guessing."""

    value: dt.datetime | None


def read_date(text: str) -> DateReading | None:
    """The date (and time) ``text`` wholly states; None when it is not only a date."""
    text = " ".join(text.split()).replace(" ,", ",").strip(" .")
    found = _DATE_TIME.match(text)
    prefix = ""
    if found is None:
        found, prefix = _TIME_DATE.match(text), "t_"
    if found is None or not _words_known(found.groupdict()):
        return None
    parts = {key: value for key, value in found.groupdict().items() if value is not None}
    day = _day(parts)
    weekday = parts.get("weekday")
    if day is None or (weekday is not None and _WEEKDAYS[weekday.lower()] != day.weekday()):
        return DateReading(None)
    if f"{prefix}hour" not in parts:
        return DateReading(dt.datetime(day.year, day.month, day.day))
    return DateReading(_with_time(day, {k.removeprefix(prefix): v for k, v in parts.items()}))


def _words_known(groups: dict[str, str | None]) -> bool:
    """Month and weekday words must be real ones ("Posted 12 Maybe 2025" is no date)."""
    months = [groups[key] for key in ("month", "month2") if groups.get(key)]
    weekday = groups.get("weekday")
    known_months = all(str(month).lower() in _MONTHS for month in months)
    return known_months and (weekday is None or weekday.lower() in _WEEKDAYS)


def _day(parts: dict[str, str]) -> dt.date | None:
    if "na" in parts:
        first, second = int(parts["na"]), int(parts["nb"])
        if first > 12 >= second:
            year, month, day = int(parts["ny"]), second, first
        elif second > 12 >= first:
            year, month, day = int(parts["ny"]), first, second
        else:
            return None  # 05/06/2025: day and month could swap; say nothing
    elif "iy" in parts:
        year, month, day = int(parts["iy"]), int(parts["im"]), int(parts["id"])
    else:
        year = int(parts.get("year") or parts["year2"])
        month = _MONTHS[(parts.get("month") or parts["month2"]).lower()]
        day = int(parts.get("day") or parts["day2"])
    if not YEARS[0] <= year <= YEARS[1]:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_time(day: dt.date, parts: dict[str, str]) -> dt.datetime | None:
    hour, minute = int(parts["hour"]), int(parts.get("minute", "0"))
    ampm = re.sub(r"[.\s]", "", parts.get("ampm", "").lower())
    if ampm and not 1 <= hour <= 12:
        return None
    if "minute" not in parts and not ampm:
        return None  # a bare number after the date is no time
    hour = hour % 12 + (12 if ampm == "pm" else 0) if ampm else hour
    try:
        naive = dt.datetime(day.year, day.month, day.day, hour, minute, int(parts.get("second", 0)))
    except ValueError:
        return None
    zone = _zone(parts.get("zone"), naive)
    return naive.replace(tzinfo=zone) if zone is not None else naive


def _zone(label: str | None, naive: dt.datetime) -> dt.tzinfo | None:
    if label is None:
        return None
    label = label.upper()
    offset = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", label)
    if offset is not None:
        sign = 1 if offset.group(1) == "+" else -1
        delta = dt.timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
        return dt.timezone(sign * delta) if delta <= dt.timedelta(hours=14) else None
    if label in _FIXED_ZONES:
        return dt.timezone(dt.timedelta(hours=_FIXED_ZONES[label]))
    if label in _REGION_ZONES:
        region = zoneinfo.ZoneInfo(_REGION_ZONES[label])
        return dt.timezone(region.utcoffset(naive) or dt.timedelta(0))
    return None
