"""The TIMEX3 grammar's vocabulary: lexicon words as regex pieces, numbers, units, durations.

Shared by the rules (``_timex_rules``) and the handlers of periods and durations
(``_timex_periods``); the words come from ``data/time/lexicon.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from ..data import read_yaml
from ._timex_calendar import Norm, interval

Handler = Callable[[re.Match[str], str, "date | None", "str | None", str], "Norm | None"]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The time lexicon (``communique/data/time/lexicon.yml``)."""
    data = read_yaml("time", "lexicon.yml")
    assert isinstance(data, dict)
    return data


def _alt(words: object) -> str:
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_LEX = lexicon()


def _names(table: dict[str, int]) -> str:
    # Full names as they are; abbreviations ("Feb.", "Thurs.") only with their full stop,
    # except in day-month dates (MON_DAY) where "Feb 13" is unambiguous.
    full = [w for w in table if len(w) > 4 or w in ("may", "june", "july")]
    abbrev = [w for w in table if w not in full]
    return f"(?:{_alt(full)}|{_alt(abbrev)}\\.)"


MON = _names(_LEX["months"])
MON_DAY = _alt(_LEX["months"]) + r"\.?"
WD = _names(_LEX["weekdays"])
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUM = rf"(?:\d+(?:\.\d+)?|{_TENS}[- ]{_UNITS_W}|{_alt(_LEX['numbers'])})"
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
SEASON = _alt(_LEX["seasons"])
PART = r"(?:morning|afternoon|evening|night)"
PART_MOD = r"(?:(?:early|late|mid)[\s-]*)?(?:morning|afternoon|evening|night)"
MOD = r"(?:(?:early|late|mid|the\s+(?:beginning|end|start|middle)\s+of)[\s-]+)"
APPROX = (r"(?:(?:almost|nearly|about|some|more\s+than|less\s+than|over|at\s+least|up\s+to|"
          r"roughly|around|only|just)\s+)")
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_FULL_WD = "|".join(w for w in _LEX["weekdays"] if len(w) > 5)
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_ORDN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
               "fortnight": "W", "month": "M", "quarter": "M", "year": "Y", "decade": "Y",
               "centurie": "Y", "century": "Y"}
_UNIT_FACTOR = {"fortnight": 2, "quarter": 3, "decade": 10, "century": 100, "centurie": 100}


def _num(word: str) -> float | str:
    w = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if "-" in w or (" " in w and re.match(_TENS, w)):
        a, b = re.split(r"[- ]", w, maxsplit=1)
        return float(_LEX["numbers"][a] + _LEX["numbers"][b])
    val = _LEX["numbers"].get(w)
    return "X" if val in (None, "X") else float(val)


def _unit(word: str) -> tuple[str, int, bool]:
    base = word.lower().rstrip("s")
    return _UNIT_CODES[base], _UNIT_FACTOR.get(base, 1), base in ("second", "minute", "hour")


# A half of a unit written in the next smaller one ("2 1/2 years": P2Y6M, TIMEX3 style).
_HALF = {"Y": ("6M", False), "H": ("30M", True), "M": ("30S", True), "D": ("12H", True)}


def _duration(n: float | str, unit: str) -> str:
    code, factor, is_time = _unit(unit)
    if n == "X":
        amount = "X"
    else:
        total = float(n) * factor
        if total != int(total) and total * 2 == int(total * 2) and code in _HALF and factor == 1:
            key = "M" if is_time and code == "M" else code
            half, half_time = _HALF[key]
            whole = f"{int(total)}{code}" if int(total) else ""
            if is_time:
                return f"PT{whole}{half}"
            return f"P{whole}T{half}" if half_time else f"P{whole}{half}"
        amount = str(int(total)) if total == int(total) else str(total)
    return f"PT{amount}{code}" if is_time else f"P{amount}{code}"


def _dated(value: str, rule: str, type_: str = "DATE") -> Norm:
    start, end = interval(value)
    return Norm(type_, value, start, end, rule)


def _decade_value(digits: str, anchor: date | None) -> str:
    d = digits.strip("'s").replace("'", "")
    if len(d) == 4:
        return d[:3]
    century = "20" if anchor and int("20" + d) <= anchor.year % 100 + 2000 and d < "30" else "19"
    return century + d[0]
