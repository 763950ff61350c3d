"""Error breakdown for ``benchmarks/timex.py``: every gold and system TIMEX3 by category.

A category is read off the gold expression (the system one for a false positive): its TIMEX3
type, then the kind of phrase (quarter, season, holiday, spoken year, weekday, "ago", ...).
A wrong value is split into the causes we can tell apart without reading the document:

- ``type``: the TIMEX3 type differs (DATE for a DURATION, ...);
- ``gold-X``: the gold value is underspecified (``1989-WXX``) and ours is not;
- ``granularity``: the values have different shapes (``1988`` for ``1988-Q3``);
- ``anchor``: same shape, another value (the wrong year for "Dec. 15", the wrong week).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Protocol

__all__ = ["breakdown", "category", "cause"]


class _Expr(Protocol):
    text: str
    type: str
    value: str


class _Err(Protocol):
    kind: str

    @property
    def gold(self) -> _Expr | None: ...

    @property
    def system(self) -> _Expr | None: ...


_MONTHS = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_HOLIDAYS = (r"christmas|easter|thanksgiving|new year'?s?\s+(?:day|eve)|ramadan|hanukkah|"
             r"independence day|labou?r day|memorial day|passover|halloween|valentine")
_CHECKS: list[tuple[str, str]] = [
    ("holiday", _HOLIDAYS),
    ("spoken year", r"\bnineteen\b|\btwo thousand\b"),
    ("fiscal", r"\bfiscal\b"),
    ("quarter/period", r"quarter|\bperiod\b|-Q\d|QX"),
    ("half-year", r"\bhalf\b|-H\d"),
    ("season", r"spring|summer|autumn|\bfall\b|winter|-(?:SP|SU|FA|WI)$"),
    ("decade/century", r"decade|centur|\d0'?s\b|'\d0s"),
    ("week/weekend", r"\bweek"),
    ("weekday", _WEEKDAYS),
    ("month-day", rf"\b(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+"
                  rf"(?:of\s+)?(?:{_MONTHS})"),
    ("month", rf"\b(?:{_MONTHS})[a-z]*\b"),
    ("ago/earlier/later", r"\bago\b|\bearlier\b|\blater\b|\bbefore\b|\bafter\b"),
    ("deictic day", r"today|yesterday|tomorrow|tonight"),
    ("year word", r"\byears?\b|\bmonths?\b"),
    ("numeric year", r"\b1\d\d\d\b|\b20\d\d\b"),
]


def category(expr: _Expr) -> str:
    """The category of one TIMEX3 expression (gold, or system for a false positive)."""
    if expr.type in ("SET", "DURATION", "TIME"):
        return expr.type
    if expr.value.endswith("_REF"):
        return "PRESENT/PAST/FUTURE_REF"
    low = f"{expr.text.lower()} {expr.value if expr.type != 'DURATION' else ''}"
    for name, pattern in _CHECKS:
        if re.search(pattern, low, re.IGNORECASE):
            return name
    return "other DATE"


def _shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


def cause(gold: _Expr, system: _Expr) -> str:
    """Why a paired system expression has the wrong value (see the module docstring)."""
    if gold.type != system.type:
        return "type"
    if "X" in gold.value and "X" not in system.value:
        return "gold-X"
    if _shape(gold.value) != _shape(system.value):
        return "granularity"
    return "anchor"


_COLUMNS = ("n", "ok", "miss", "false", "anchor", "granularity", "type", "gold-X")


def breakdown(errors: Iterable[_Err]) -> str:
    """A table: per category, gold count, correct values, misses, false hits and causes."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for e in errors:
        expr = e.gold if e.gold is not None else e.system
        assert expr is not None
        row = table[category(expr)]
        if e.gold is not None:
            row["n"] += 1
        if e.kind == "OK":
            row["ok"] += 1
        elif e.kind == "MISS":
            row["miss"] += 1
        elif e.kind == "FALSE":
            row["false"] += 1
        elif e.gold is not None and e.system is not None:
            row[cause(e.gold, e.system)] += 1
    total: Counter[str] = Counter()
    lines = [f"{'category':<24}" + "".join(f"{c:>12}" for c in _COLUMNS)]
    for name, row in sorted(table.items(), key=lambda kv: -kv[1]["n"]):
        total.update(row)
        lines.append(f"{name:<24}" + "".join(f"{row[c]:>12}" for c in _COLUMNS))
    lines.append(f"{'all':<24}" + "".join(f"{total[c]:>12}" for c in _COLUMNS))
    return "\n".join(lines)
