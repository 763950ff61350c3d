"""TIMEX3 handlers for periods and durations: parts of a year (first months, halves,
quarters), "N units ago", durations ("three weeks", "2 1/2 years") and "this/last/next unit".

Each handler has the signature of ``_timex_vocab.Handler``; the patterns are in ``_timex_rules``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ._timex_calendar import (
    Norm,
    add_units,
    day_value,
    month_value,
    quarter_value,
    week_value,
)
from ._timex_vocab import _LEX, _ORDN, ORD, YEAR, _dated, _duration, _num, _unit


def _h_first_months(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    # "the first eight months of 2021": TIMEX3 has no value for a part-year interval, so the
    # value is the year and start/end carry the interval (what periods of amounts need).
    n, year = _num(m.group(1)), int(m.group(3))
    code, factor, _ = _unit(m.group(2))
    if n == "X" or code not in ("M", "W"):
        return _dated(str(year), "first-part-of-year")
    months = int(float(n) * factor) if code == "M" else 0
    end = add_units(date(year, 1, 1), months, "M") - timedelta(days=1) if months else None
    if end is None:
        end = date(year, 1, 1) + timedelta(weeks=float(n)) - timedelta(days=1)
    return Norm("DATE", str(year), f"{year}-01-01", end.isoformat(), "first-part-of-year")


def _h_half(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    year = m.group(2) or (str(a.year) if a else None)
    if year is None:
        return None
    return _dated(f"{year}-H{1 if m.group(1).lower() == 'first' else 2}", "half-year")


def _last_quarter(a: date) -> tuple[int, int]:
    q = (a.month - 1) // 3 + 1
    return (a.year, q - 1) if q > 1 else (a.year - 1, 4)


def _h_quarter(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    low = m.group(0).lower()
    q_m = re.search(r"q([1-4])|" + ORD, low)
    year_m = re.search(YEAR, low)
    if q_m is None:
        if a is None:
            return None
        year, q = _last_quarter(a)  # "the latest quarter": the last one reported
        if re.search(r"current|this", low):
            year, q = a.year, (a.month - 1) // 3 + 1
        if year_m:  # "the 1988 quarter", "the 1988 period": the same quarter that year
            year = int(year_m.group(0))
    else:
        q = int(q_m.group(1)) if q_m.group(1) else _ORDN[q_m.group(0)]
        if year_m:
            year = int(year_m.group(0))
        elif a is None:
            return Norm("DATE", f"XXXX-Q{q}", rule="quarter")
        else:
            # a quarter up to the current one is this year's; a later one last year's,
            # unless the clause looks ahead ("will post a fourth-quarter charge")
            current = (a.month - 1) // 3 + 1
            year = a.year if q <= current or t == "future" else a.year - 1
    if re.search(r"year[- ](?:ago|earlier)|last\s+year|previous\s+year", low):
        year -= 1
    elif re.search(r"next\s+year", low):
        year += 1
    return _dated(quarter_value(year, q), "quarter")


def _h_ago(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    n, unit, direction = _num(m.group(1)), m.group(2), m.group(3).lower()
    code, factor, is_time = _unit(unit)
    if n == "X":
        return Norm("DATE", "PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF",
                    rule="ago-vague")
    if a is None or is_time:
        return None
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    steps = int(float(n) * factor)
    if code == "Y" and "quarter" in ctx.lower() and steps == 1:
        year, q = _last_quarter(a)
        return _dated(quarter_value(year - 1, q), "ago-quarter")
    d = add_units(a, sign * steps, code)
    if code == "Y":
        value = str(d.year) if factor < 10 else str(d.year)[:3]
    elif code == "M":
        value = month_value(d.year, d.month)
    elif code == "W":
        value = week_value(d)
    else:
        value = day_value(d)
    return _dated(value, "ago")


def _h_duration(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    if m.group(3) and m.group(3).lower() == "old":
        return None  # an age, not a time expression
    if re.fullmatch(YEAR, m.group(1)):
        return None  # "the 1988 quarter" is a date, not 1988 quarters
    if re.fullmatch(r"an?\s+second", m.group(0), re.IGNORECASE):
        return None  # "a second A380": the ordinal
    if m.group(1).lower() in ("a", "an") and m.group(2).lower().endswith("s"):
        return None  # "a decades-long dispute": the article is the noun's
    n = _num(m.group(1))
    if n != "X" and re.search(r"1/2|½|and\s+a\s+half", m.group(0), re.IGNORECASE):
        n = float(n) + 0.5
    return Norm("DURATION", _duration(n, m.group(2)), rule="duration")


_RELATIVE_UNIT = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1,
                  "the last": -1, "the past": -1, "previous": -1, "the previous": -1,
                  "this past": -1, "next": 1, "coming": 1, "the coming": 1, "the next": 1,
                  "the following": 1}


def _h_relative(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    unit_word = m.group(2).lower()
    if unit_word in ("decade", "century") and re.match(r"the\s+(?:past|last)", m.group(1), re.I):
        # "the past decade" is the ten years up to now, not the calendar decade before
        return Norm("DURATION", "P10Y" if unit_word == "decade" else "P100Y", rule="duration")
    if a is None:
        return None
    shift = _RELATIVE_UNIT[re.sub(r"\s+", " ", m.group(1).lower())]
    unit = m.group(2).lower()
    if unit in ("week", "weekend"):
        d = a + timedelta(weeks=shift)
        value = week_value(d) + ("-WE" if unit == "weekend" else "")
    elif unit == "month":
        d = add_units(a, shift, "M")
        value = month_value(d.year, d.month)
    elif unit == "quarter":
        y, q = a.year, (a.month - 1) // 3 + 1 + shift
        y, q = (y - 1, 4) if q == 0 else (y + 1, 1) if q == 5 else (y, q)
        value = quarter_value(y, q)
    elif unit == "decade":
        value = str(a.year + 10 * shift)[:3]
    elif unit == "century":
        value = str(a.year + 100 * shift)[:2]
    elif unit in _LEX["seasons"]:
        value = f"{a.year + shift}-{_LEX['seasons'][unit]}"
    else:
        value = str(a.year + shift)
    return _dated(value, "relative-unit")
