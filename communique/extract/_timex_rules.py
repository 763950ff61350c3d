"""TIMEX3 grammar: one list of rules that both finds time expressions and normalises them.

Each rule is a regular expression over words from ``data/time/lexicon.yml`` plus a handler
turning its match into a :class:`Norm` anchored on the publication date (vocabulary in
``_timex_vocab``, handlers of periods and durations in ``_timex_periods``, holidays in
``_timex_holidays``). ``_timex_scan.find()`` runs every rule over a text (candidates);
``normalise()`` full-matches one string (a candidate or a spaCy
DATE/TIME entity). Absolute calendar dates ("Feb. 13", "March 5, 1946", "2021-02-18") are
parsed by dateparser; the rest -- ISO weeks, quarters, decades, seasons, day parts, PRESENT_REF,
durations and sets -- are TIMEX3 rules that no library implements, so they are written here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from . import _timex_holidays as holidays
from . import _timex_more as more
from ._timex_calendar import (
    Norm,
    add_units,
    day_value,
    month_value,
    pick_month,
    pick_month_day,
    pick_weekday,
    quarter_value,
    week_value,
)
from ._timex_periods import (
    _h_ago,
    _h_duration,
    _h_first_months,
    _h_half,
    _h_quarter,
    _h_relative,
    _last_quarter,
)
from ._timex_vocab import (
    _FULL_WD,
    _LEX,
    APPROX,
    MOD,
    MON,
    MON_DAY,
    NUM,
    ORD,
    PART,
    PART_MOD,
    SEASON,
    UNIT,
    WD,
    YEAR,
    Handler,
    _alt,
    _dated,
    _decade_value,
    _duration,
    _num,
    lexicon,
)

__all__ = ["RULES", "Norm", "lexicon", "normalise"]



# --- handlers: (match, raw text, anchor, tense, sentence context) -> Norm | None -------------


def _h_set_adverb(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    return Norm("SET", _LEX["set_adverbs"][m.group(0).lower()], rule="set-adverb")


def _h_set(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    n: float | str = 2 if m.group(1) else (_num(m.group(2)) if m.group(2) else 1)
    return Norm("SET", _duration(n, m.group(3)), rule="set-every")


def _h_ref(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    key = re.sub(r"\s+", " ", m.group(0).lower())
    return Norm("DATE", _LEX["refs"][key], rule="ref")


def _h_deictic(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    word, part = m.group(1).lower(), (m.group(2) or "").lower()
    if a is None:
        return Norm("DATE", "PRESENT_REF", rule="deictic-unanchored") if word == "now" else None
    shift = {"yesterday": -1, "last": -1, "tomorrow": 1}.get(word, 0)  # "this morning": today
    d = a + timedelta(days=shift)
    if word in ("tonight",):
        return Norm("TIME", f"{d.isoformat()}TNI", d.isoformat(), d.isoformat(), "deictic")
    if part:
        code = _LEX["day_parts"][re.sub(r"^(?:early|late|mid)[\s-]*", "", part)]
        return Norm("TIME", f"{d.isoformat()}T{code}", d.isoformat(), d.isoformat(), "deictic")
    return _dated(day_value(d), "deictic")


def _h_part_deictic(
    m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str
) -> Norm | None:
    # "mid-afternoon yesterday": the day part of a deictic day
    swapped = re.fullmatch(r"(\w+)\s+(.+)", f"{m.group(2)} {m.group(1)}")
    assert swapped is not None
    return _h_deictic(swapped, raw, a, t, ctx)


def _h_iso(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    try:
        return _dated(date.fromisoformat(m.group(0)).isoformat(), "iso")
    except ValueError:
        return None


def _h_decade(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    return _dated(_decade_value(m.group(1), a), "decade")


def _h_year(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    return _dated(m.group(1), "year")


def _h_weekday(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    key = m.group(2).lower().rstrip(".")
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get((m.group(1) or "").lower(), 0)
    if a is None:
        return Norm("DATE", f"XXXX-WXX-{_LEX['weekdays'][key] + 1}", rule="weekday")
    d = pick_weekday(_LEX["weekdays"][key], a, t, shift=shift)
    if m.group(3):
        code = _LEX["day_parts"][m.group(3).lower()]
        return Norm("TIME", f"{d.isoformat()}T{code}", d.isoformat(), d.isoformat(), "weekday")
    return _dated(day_value(d), "weekday")


def _month_no(word: str) -> int:
    return int(_LEX["months"][word.lower().rstrip(".")])


def _h_month_day(
    m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str
) -> Norm | None:
    words = re.findall(r"[A-Za-z]+\.?|\d+", raw)
    months = [w for w in words if w.lower().rstrip(".") in _LEX["months"]]
    nums = [int(w) for w in words if w.isdigit()]
    if not months or not nums:
        return None
    month = _month_no(months[-1])
    year = next((n for n in nums if n >= 1000), None)
    day = next((n for n in nums if n <= 31), None)
    if day is None:
        return None
    weekday = next((int(_LEX["weekdays"][w.lower().rstrip(".")]) for w in words
                    if w.lower().rstrip(".") in _LEX["weekdays"]), None)
    d: date | None
    if year is not None:
        try:
            d = date(year, month, day)
        except ValueError:
            return None
    elif a is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", rule="month-day")
    else:
        d = pick_month_day(month, day, a, t)
        if weekday is not None and (d is None or d.weekday() != weekday):
            # "Saturday, April 25": the year in which April 25 is a Saturday
            fits = [c for y in (a.year - 1, a.year, a.year + 1)
                    if (c := _safe_date(y, month, day)) and c.weekday() == weekday]
            d = min(fits, key=lambda c: abs((c - a).days)) if fits else d
    return _dated(day_value(d), "month-day") if d else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _h_period_end(
    m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str
) -> Norm | None:
    # "year-end", "the beginning of the year", "the end of the month": the period itself
    # (TIMEX3 puts "end" or "start" in a modifier); a past clause means the last one.
    if a is None:
        return None
    if "month" in raw.lower():
        back = add_units(a, -1, "M") if t == "past" else a
        return _dated(month_value(back.year, back.month), "period-end")
    return _dated(str(a.year - 1 if t == "past" and a.month < 12 else a.year), "period-end")


def _h_month(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    words = re.findall(r"[A-Za-z]+\.?", m.group(0))
    mon = next((w for w in reversed(words) if w.lower().rstrip(".") in _LEX["months"]), None)
    if mon is None or not mon[0].isupper():
        return None  # "may" or "march" in lower case are a verb or a noun
    month = _month_no(mon)
    year_m = re.search(YEAR, m.group(0))
    if year_m:
        return _dated(month_value(int(year_m.group(0)), month), "month")
    if a is None:
        return Norm("DATE", f"XXXX-{month:02d}", rule="month")
    low = m.group(0).lower()
    shift = -1 if re.search(r"\b(?:last|past)\b", low) else 1 if "next" in low else 0
    if "this" in low:
        t = None
    return _dated(month_value(pick_month(month, a, t, shift=shift), month), "month")


def _h_season(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    season = _LEX["seasons"][(m.group(2) or m.group(5)).lower()]
    year = m.group(3) or m.group(6)
    if year:
        return _dated(f"{year}-{season}", "season")
    shift = {"last": -1, "next": 1}.get((m.group(1) or "").lower(), 0)
    return Norm("DATE", f"{a.year + shift}-{season}", rule="season") if a else None


def _h_weekend(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    if a is None:
        return None
    word = m.group(0).split()[0].lower()
    shift = {"last": -1, "next": 1}.get(word, 0)
    if word == "the" and (a.weekday() < 4 or t == "past") and t != "future":
        shift = -1  # "the weekend" early in the week is the one just gone
    return _dated(week_value(a + timedelta(weeks=shift)) + "-WE", "weekend")


def _h_year_ago(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    # "year-earlier results": the same period a year before; in a quarterly report, the quarter.
    if a is None:
        return None
    if "quarter" in ctx.lower():
        year, q = _last_quarter(a)
        return _dated(quarter_value(year - 1, q), "year-ago")
    return _dated(str(a.year - 1), "year-ago")


@lru_cache(maxsize=32)
def _dateparser(anchor: date | None = None) -> Any:
    # One parser per anchor (documents of a batch share few publication dates).
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


def _h_dateparser(
    m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str
) -> Norm | None:
    # Fallback for spaCy entities the grammar does not cover ("Dec 5th 1999", "5/6/1998").
    if a is None:
        return None
    data = _dateparser(a).get_date_data(m.group(0))
    if data.date_obj is None or not re.search(r"\d", m.group(0)):
        return None
    d = data.date_obj.date()
    if str(d.year) not in m.group(0) and abs(d.year - a.year) > 1:
        return None  # "April 24 and 25" is no date of 1925
    if data.period == "year":
        return _dated(str(d.year), "dateparser")
    if data.period == "month":
        return _dated(month_value(d.year, d.month), "dateparser")
    return _dated(day_value(d), "dateparser")


RULES: list[tuple[str, str, Handler]] = [
    ("set-adverb", _alt(_LEX["set_adverbs"]), _h_set_adverb),
    ("set-every", rf"(?:every|each|per)\s+(other\s+)?(?:({NUM})\s+)?({UNIT})", _h_set),
    ("iso", r"\d{4}-\d{2}-\d{2}", _h_iso),
    ("deictic", rf"(today|yesterday|tomorrow|tonight)(?:\s+({PART_MOD}))?", _h_deictic),
    ("deictic-part", rf"(this|last)\s+({PART_MOD})", _h_deictic),
    ("part-deictic", rf"({PART_MOD})\s+(today|yesterday|tomorrow)", _h_part_deictic),
    ("period-end", r"(?:the\s+)?(?:(?:fiscal\s+)?year[- ]end|year's\s+end|(?:very\s+)?(?:end|"
     r"beginning|start|middle)\s+of\s+the\s+(?:fiscal\s+|financial\s+)?(?:year|month))",
     _h_period_end),
    ("ref", _alt(_LEX["refs"]), _h_ref),
    ("decade", rf"(?:{MOD})?(?:the\s+)?(?:{MOD})?(\d{{4}}s|'?\d0'?s)", _h_decade),
    ("decade-word", more.DECADE_WORD, more.h_decade_word),
    ("century", more.CENTURY, more.h_century),
    ("holiday", rf"(?:(last|next|this)\s+)?({_alt(holidays.holiday_names())})(?:\s+(week))?"
     rf"(?:,?\s+({YEAR}))?", holidays.h_holiday),
    ("set-named", rf"(?:every|each)\s+(?:{WD}|{MON})(?:\s+{PART}s?)?|"
     rf"(?:{_FULL_WD})s(?:\s+{PART}s)?|(?:{_FULL_WD})\s+{PART}s", more.h_set_named),
    ("anaphoric", more.ANAPHORIC, more.h_anaphoric),
    ("first-months", rf"(?:the\s+)?first\s+({NUM})\s+({UNIT})\s+of\s+({YEAR})", _h_first_months),
    ("half", rf"(?:the\s+)?(first|second)\s+half(?:\s+of\s+({YEAR}))?", _h_half),
    ("quarter", rf"(?:the\s+)?(?:{YEAR}\s+)?(?:(?:this|last|next)\s+year's\s+)?"
     rf"(?:(?:fiscal|latest|last|recent|most\s+recent|current|year[- ]ago|year[- ]earlier|same)"
     rf"[\s-]+)?(?:{ORD}[\s-]+)?"
     rf"(?:fiscal\s+)?quarter(?:\s+of\s+{YEAR}|\s+{YEAR})?|q[1-4]\s+{YEAR}|{YEAR}\s+q[1-4]|"
     rf"(?:the\s+)?(?:year[- ]earlier|year[- ]ago|latest|comparable|{YEAR})\s+period",
     _h_quarter),
    ("ago", rf"(?:{APPROX})?({NUM})\s+({UNIT})\s+(ago|earlier|later|from\s+now|hence)", _h_ago),
    ("month-day", rf"(?:{WD},?\s+)?(?:{MON_DAY}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
     rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MON_DAY})(?:,?\s+{YEAR})?", _h_month_day),
    ("month", rf"(?:{MOD}|(?:last|next|this|this\s+past)\s+)?{MON}(?:,?\s+(?:of\s+)?{YEAR})?",
     _h_month),
    ("weekday", rf"(?:(last|next|this|past|coming)\s+)?({WD})(?:\s+({PART}))?", _h_weekday),
    ("season", rf"(?:(this|last|next|early|late|the)\s+)({SEASON})(?:\s+(?:of\s+)?({YEAR}))?|"
     rf"()({SEASON})\s+(?:of\s+)?({YEAR})",
     _h_season),
    ("relative", r"(?:(?:early|late|mid|earlier|later)[\s-]+)?(this\s+past|the\s+current|current|"
     r"the\s+past|the\s+last|the\s+next|"
     r"this|last|next|the\s+previous|previous|the\s+coming|coming|the\s+following)\s+"
     r"(week|weekend|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)",
     _h_relative),
    ("weekend", r"(?:the|this|last|next)\s+weekend", _h_weekend),
    ("year-ago", r"(?:a\s+)?year[- ](?:earlier|ago)", _h_year_ago),
    ("year", rf"(?:{MOD}|fiscal\s+(?:year\s+)?|(?:the\s+)?year\s+)?({YEAR})", _h_year),
    ("duration", rf"(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|final|coming|previous|"
     rf"following|latest|remaining|initial|entire|whole|full)\s+)?(?:{APPROX})?({NUM})"
     rf"(?:\s+1/2|½|\s+and\s+a\s+half)?(?:\s+(?:more|additional|extra|further|straight|"
     rf"consecutive|trading|business|working))?[\s-]+({UNIT})(?:[\s-]+(long|old))?"
     rf"(?:\s+and\s+a\s+half)?", _h_duration),
    ("bare-units", r"(?:(?:recent|coming|the)\s+)?(?:years|months|weeks|days|decades|hours|minutes|"
     r"centuries)|(?:years?|months?|weeks?|days?|decades?|hours?|centur(?:y|ies))-long",
     more.h_bare_units),
    ("clock", more.clock_rule(WD, MON_DAY), more.h_clock),
]

_COMPILED = [(name, re.compile(pat, re.IGNORECASE), h) for name, pat, h in RULES]
_FALLBACK = re.compile(r".+")


def normalise(text: str, anchor: date | None, tense: str | None, context: str = "") -> Norm | None:
    """Normalise one whole expression, or None when no rule covers all of it."""
    raw = more.spoken_years(re.sub(r"\s+", " ", text.strip()))[0]
    for _name, rx, handler in _COMPILED:
        m = rx.fullmatch(raw)
        if m:
            return handler(m, raw, anchor, tense, context)
    m = _FALLBACK.fullmatch(raw)
    if m and re.search(r"\d", raw) and re.search(r"[A-Za-z]{3}", raw) and len(raw) <= 30:
        return _h_dateparser(m, raw, anchor, tense, context)
    return None
