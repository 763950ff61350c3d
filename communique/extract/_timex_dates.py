"""From a TIMEX3 value to the ``DateRange`` of an event or an amount (CODING.md "Dates").

Rules of our coding manual, not of any library: a day is a day; "last week" gives the month;
a quarter, half-year or season is a range; a decade or a vague past/future has no date;
"since 1992" dates an event to its start (1992) and an amount's period to the whole interval.
"""

from __future__ import annotations

import re

from ..records import DateRange, TimeExpr
from ._timex_calendar import interval

__all__ = ["date_range"]


def date_range(tx: TimeExpr, *, keep_interval: bool = False) -> DateRange:
    """The dates a time expression gives an event (or, with ``keep_interval``, an amount).

    Args:
        tx: a normalised DATE or TIME expression.
        keep_interval: keep an interval the expression states beyond its value ("the first
            eight months of 2021", "since 1992") instead of the value's own calendar unit.
    """
    value = tx.value
    natural = interval(value)
    if natural == (None, None):
        season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
        if season:
            return DateRange(start=f"{season.group(1)}-01-01", end=f"{season.group(1)}-12-31",
                             precision="year")
        return DateRange.unknown()
    start, end = natural
    assert start is not None and end is not None
    if keep_interval and tx.start and tx.end and (tx.start, tx.end) != natural:
        month_aligned = tx.start.endswith("-01") and _month_end(tx.end)
        return DateRange(start=tx.start, end=tx.end, precision="month" if month_aligned
                         else "range")
    if tx.start and tx.end and (tx.start, tx.end) != natural and tx.end < (tx.start[:4] + "-12-31"):
        # a part of a year ("the first eight months of 2021") is its interval for events too
        return DateRange(start=tx.start, end=tx.end, precision="month")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
        return DateRange(start=start, end=start, precision="day")
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return DateRange(start=start, end=end, precision="month")
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        # CODING.md: "last week" gives the month (of the week's first day).
        month = start[:7]
        first, last = interval(month)
        return DateRange(start=first, end=last, precision="month")
    if re.fullmatch(r"\d{4}", value):
        return DateRange(start=start, end=end, precision="year")
    if re.fullmatch(r"\d{3}", value):
        return DateRange.unknown()  # a decade: CODING.md gives it no date
    return DateRange(start=start, end=end, precision="range")


def _month_end(iso: str) -> bool:
    return interval(iso[:7])[1] == iso
