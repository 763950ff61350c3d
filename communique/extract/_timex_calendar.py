"""Calendar arithmetic for TIMEX3 values: granular dates, their intervals, anchoring rules.

Written by hand because TIMEX3's value grammar (``2021-W40``, ``2022-Q3``, ``199``,
``2021-SU``, ``2021-10-11TMO``) and its interval semantics are in no maintained library:
dateparser and python-dateutil give datetimes, never a granularity-carrying TIMEX3 value.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "Norm",
    "add_units",
    "day_value",
    "interval",
    "month_value",
    "pick_month",
    "pick_month_day",
    "pick_weekday",
    "quarter_value",
    "week_value",
]


@dataclass(frozen=True)
class Norm:
    """A normalised time expression before it is tied to text offsets."""

    type: str
    value: str
    start: str | None = None
    end: str | None = None
    rule: str = ""


def day_value(d: date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    """``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    """The ISO week of ``d`` as ``YYYY-Www``."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_value(year: int, quarter: int) -> str:
    """``YYYY-Qn``."""
    return f"{year:04d}-Q{quarter}"


def add_units(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` units (``D``, ``W``, ``M``, ``Y``), clamping the day of month."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    months = n * 12 if unit == "Y" else n
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def interval(value: str) -> tuple[str | None, str | None]:
    """First and last day covered by a DATE value, or (None, None) when it has none."""
    if not value[:3].isdigit():
        return None, None  # PRESENT_REF, XXXX-10-11, P3M: no calendar interval
    try:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            return value, value
        if len(value) >= 10 and "T" in value:
            return value[:10], value[:10]
        year = int(value[:4]) if len(value) >= 4 and value[:4].isdigit() else None
        if year is None:
            if len(value) == 3 and value.isdigit():  # a decade: 199
                return f"{value}0-01-01", f"{value}9-12-31"
            return None, None
        rest = value[4:]
        if rest == "":
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        if rest[1:].isdigit() and len(rest) == 3:
            month = int(rest[1:])
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        if rest.startswith("-Q") and rest[2:].isdigit():
            q = int(rest[2:])
            first = date(year, 3 * q - 2, 1)
            q_last = add_units(first, 3, "M") - timedelta(days=1)
            return first.isoformat(), q_last.isoformat()
        if rest.startswith("-H") and rest[2:].isdigit():
            h = int(rest[2:])
            last_day = "06-30" if h == 1 else "12-31"
            return f"{year:04d}-{6 * h - 5:02d}-01", f"{year:04d}-{last_day}"
        if rest.startswith("-W") and rest[2:4].isdigit():
            monday = date.fromisocalendar(year, int(rest[2:4]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    except ValueError:
        return None, None
    return None, None


def _nearest(past: date, future: date, anchor: date) -> date:
    return past if (anchor - past) <= (future - anchor) else future


def pick_month_day(month: int, day: int, anchor: date, tense: str | None) -> date | None:
    """The year of a month-day date the way news means it.

    A past event is on the most recent occurrence on or before publication, a future one on
    the next on or after it; with no tense cue, the nearer of the two.
    """
    try:
        this = date(anchor.year, month, day)
    except ValueError:
        return None
    past = this if this <= anchor else _safe(anchor.year - 1, month, day)
    future = this if this >= anchor else _safe(anchor.year + 1, month, day)
    if tense == "past" or future is None:
        return past
    if tense == "future" or past is None:
        return future
    return _nearest(past, future, anchor)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick_month(month: int, anchor: date, tense: str | None, *, shift: int = 0) -> int:
    """The year of a bare month name ("in April": the last April before publication).

    ``shift`` is -1 for "last April", +1 for "next April", 0 otherwise. A past event takes
    the latest such month up to publication, a future one the next; with no tense (or the
    present, or a deadline) the nearer of the two, the past one on a tie.
    """
    back = (anchor.month - month) % 12
    ahead = (month - anchor.month) % 12
    past_year = anchor.year if month <= anchor.month else anchor.year - 1
    next_year = anchor.year if month >= anchor.month else anchor.year + 1
    if shift < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if shift > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    if month == anchor.month:
        return anchor.year
    if tense == "past":
        return past_year
    if tense == "future":
        return next_year
    return past_year if back <= ahead else next_year


def pick_weekday(weekday: int, anchor: date, tense: str | None, *, shift: int = 0) -> date:
    """A weekday name resolved: the latest such day on or before publication (CODING.md),
    the next one on or after it for a future event or "until";
    "last"/"next" exclude the anchor day."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift < 0:
        return anchor - timedelta(days=back or 7)
    if shift > 0:
        return anchor + timedelta(days=ahead or 7)
    if tense in ("future", "until"):
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)
