"""Named holidays: their day (or, for Ramadan, their span) in a given year.

Western holidays are fixed days, n-th weekdays or days from Easter (python-dateutil). Islamic
holidays follow the Hijri calendar and move about eleven days a year: hijridate converts them
with the Umm al-Qura tables (Saudi Arabia's official calendar; where the month starts on a
local moon sighting the day may differ by one). Jewish holidays follow the Hebrew calendar
(pyluach). All are listed in ``data/time/lexicon.yml`` under ``holidays``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from dateutil.easter import easter
from hijridate import Gregorian, Hijri
from pyluach import dates as hebrew_dates
from pyluach import hebrewcal

from ._timex_calendar import Norm, interval, month_value, week_value
from ._timex_vocab import lexicon

__all__ = ["holiday_names", "holiday_span", "h_holiday"]

# The Gregorian span Hijri years 1343-1500 cover in hijridate's Umm al-Qura tables.
_HIJRI_RANGE = (1925, 2076)


def _holidays() -> dict[str, dict[str, Any]]:
    return lexicon()["holidays"]  # type: ignore[no-any-return]


def holiday_names() -> list[str]:
    """The holiday names of the lexicon (lower case)."""
    return list(_holidays())


def _hijri_span(month: int, day: int | None, year: int) -> tuple[date, date] | None:
    # A Hijri year is 354-355 days: a Gregorian year holds one occurrence, rarely two (the
    # first is taken).
    if not _HIJRI_RANGE[0] <= year <= _HIJRI_RANGE[1]:
        return None
    first_hijri_year = Gregorian(year, 1, 1).to_hijri().year
    for hy in (first_hijri_year, first_hijri_year + 1):
        start = Hijri(hy, month, day or 1)
        begin = start.to_gregorian()
        if begin.year == year:
            if day is not None:
                return begin, begin
            end = begin + timedelta(days=start.month_length() - 1)
            return begin, end
    return None


def _hebrew_day(month: int, day: int, year: int) -> date | None:
    # Hebrew years begin in the autumn (Tishrei, month 7): a holiday of Gregorian year Y lies
    # in Hebrew year Y + 3760 or Y + 3761. Adar (12) of a leap year is Adar II (13).
    for hy in (year + 3760, year + 3761):
        m = 13 if month == 12 and hebrewcal.Year(hy).leap else month
        found = hebrew_dates.HebrewDate(hy, m, day).to_pydate()
        if found.year == year:
            return found
    return None


def holiday_span(name: str, year: int) -> tuple[date, date] | None:
    """First and last day of the holiday ``name`` (lower case) in Gregorian ``year``."""
    spec = _holidays().get(name)
    if spec is None:
        return None
    if "hijri" in spec:
        month, day = spec["hijri"]
        return _hijri_span(int(month), int(day) if day else None, year)
    if "hebrew" in spec:
        found = _hebrew_day(int(spec["hebrew"][0]), int(spec["hebrew"][1]), year)
        return (found, found) if found else None
    if "easter" in spec:
        found = easter(year) + timedelta(days=int(spec["easter"]))
        return found, found
    month = int(spec["month"])
    if "day" in spec:
        found = date(year, month, int(spec["day"]))
        return found, found
    weekday, nth = int(spec["weekday"]), int(spec["nth"])
    first = date(year, month, 1)
    if nth > 0:
        found = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        return found, found
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    found = last - timedelta(days=(last.weekday() - weekday) % 7)
    return found, found


def _pick(name: str, a: date, shift: str, tense: str | None) -> tuple[date, date] | None:
    """The occurrence an undated mention means: the one under way, else the nearer of the
    last and the next, unless "last"/"next" or the tense says which."""
    this = holiday_span(name, a.year)
    past = this if this and this[0] <= a else holiday_span(name, a.year - 1)
    nxt = this if this and this[0] >= a else holiday_span(name, a.year + 1)
    if past is None or nxt is None:
        return None
    if shift == "next":
        return nxt
    if shift == "last" or past[1] >= a:  # "last Ramadan", or Ramadan now under way
        return past
    if tense == "past":
        return past
    if tense == "future":
        return nxt
    return past if (a - past[0]) <= (nxt[0] - a) else nxt


def h_holiday(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    name = re.sub(r"\s+", " ", m.group(2)).lower().replace("’", "'")
    if not m.group(2)[0].isupper():
        return None  # "easter" in lower case is no holiday
    if re.search(rf"{re.escape(m.group(2))}\s+War\b", ctx):
        return None  # "the Yom Kippur War", "the Ramadan War": a war's name
    shift, year_word = (m.group(1) or "").lower(), m.group(4)
    if year_word:
        span = holiday_span(name, int(year_word))
    elif a is None:
        return None
    else:
        span = _pick(name, a, shift, t)
    if span is None:
        return None
    first, last = span
    if (m.group(3) or "").lower() == "week":
        value = week_value(first)
    elif first == last:
        value = first.isoformat()
    else:
        # A span of days (Ramadan): TIMEX3 has no value for it, so the value is the month or
        # year holding it and start/end carry the days (as for "the first eight months").
        value = month_value(first.year, first.month) if first.month == last.month else \
            str(first.year)
        return Norm("DATE", value, first.isoformat(), last.isoformat(), "holiday")
    start, end = interval(value)
    return Norm("DATE", value, start, end, "holiday")
