"""TIMEX3 rules beyond plain calendar words: spoken years, centuries, clock times with
their day, expressions anchored on an earlier date ("the following year"), repetitions of a
named day ("each Thursday") and durations without a number ("for years", "decades-long").

Hand-written for the reason given in ``_timex_rules``: no maintained library returns TIMEX3
values. Holidays are in ``_timex_holidays``. Each handler has the signature of
``_timex_rules.Handler``: (match, raw text, anchor, tense, sentence context) -> Norm | None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..data import read_yaml
from ._timex_calendar import Norm, interval, month_value, pick_weekday, week_value

__all__ = ["ANAPHORIC", "SPOKEN_YEAR", "spoken_years", "to_original"]


def _lex() -> dict[str, Any]:
    data = read_yaml("time", "lexicon.yml")
    assert isinstance(data, dict)
    return data


_N = {str(k): v for k, v in _lex()["numbers"].items() if isinstance(v, int)}
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TWO_DIGITS = rf"(?:(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?|{_TEENS}|oh[\s-]+(?:{_UNITS}))"
# "nineteen ninety-six", "nineteen hundred and five", "twenty twenty-one", "the year two
# thousand", "two thousand and one" (the last two only after "year" or "in": "two thousand
# people" is a count).
SPOKEN_YEAR = (
    rf"\b(?:nineteen|twenty)(?:[\s-]+hundred(?:\s+and)?)?[\s-]+{_TWO_DIGITS}\b(?![\s-]+year)|"
    rf"(?<=\byear\s)two\s+thousand(?:(?:\s+and)?[\s-]+{_TWO_DIGITS}|(?:\s+and)?[\s-]+(?:{_UNITS}))?\b|"
    rf"(?<=\bin\s)two\s+thousand(?:(?:\s+and)?[\s-]+(?:{_TWO_DIGITS}|{_UNITS}))?(?=\s*[,.;:!?)]|\s*$)"
)
_SPOKEN_RX = re.compile(SPOKEN_YEAR, re.IGNORECASE)


def _words_value(text: str) -> int:
    total = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("and", "oh", "hundred", "thousand"):
            continue
        total += _N.get(word, 0)
    return total


def _spoken_value(text: str) -> int | None:
    low = re.sub(r"\s+", " ", text.lower())
    if low.startswith("two thousand"):
        return 2000 + _words_value(low[len("two thousand") :])
    head, _, rest = low.replace("-", " ").partition(" ")
    rest = rest.replace("hundred and ", "").replace("hundred ", "")
    value = (19 if head == "nineteen" else 20) * 100 + _words_value(rest)
    return value if 1000 <= value <= 2099 else None


Edit = tuple[int, int, int, int]  # (new start, new end, old start, old end)


def spoken_years(text: str) -> tuple[str, list[Edit]]:
    """``text`` with spoken years as digits, and the edits made.

    The time grammar then reads "January nineteen ninety-seven" as "January 1997";
    ``to_original`` maps the spans it finds back to the original text.
    """
    out: list[str] = []
    edits: list[Edit] = []
    last, length = 0, 0
    for m in _SPOKEN_RX.finditer(text):
        value = _spoken_value(m.group(0))
        if value is None:
            continue
        out.append(text[last : m.start()])
        length += m.start() - last
        digits = str(value)
        edits.append((length, length + len(digits), m.start(), m.end()))
        out.append(digits)
        length += len(digits)
        last = m.end()
    out.append(text[last:])
    return "".join(out), edits


def to_original(pos: int, edits: list[Edit], *, end: bool = False) -> int:
    """A character offset in the converted text mapped back to the original text."""
    shift = 0
    for new_start, new_end, old_start, old_end in edits:
        if pos >= new_end:
            shift = old_end - new_end
        elif pos > new_start:
            return old_end if end else old_start
        else:
            break
    return pos + shift


# --- centuries and decades in words --------------------------------------------------------

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "twenty-first": 21, "twenty first": 21}
_ORD_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True)).replace(" ", r"\s+")
CENTURY = (rf"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(\d{{1,2}}(?:st|nd|rd|th)|{_ORD_WORDS})"
           r"[\s-]+century")
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
DECADE_WORD = (r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:19|20)?(" + "|".join(_DECADE_WORDS)
               + r")")


def h_century(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    word = re.sub(r"\s+", " ", m.group(1).lower())
    n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else _ORDINALS[word]
    return Norm("DATE", f"{n - 1:02d}", rule="century")


def h_decade_word(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    digit = _DECADE_WORDS[m.group(1).lower()]
    prefix = re.search(r"\b(19|20)" + m.group(1), raw, re.IGNORECASE)
    # "the nineties" is the last such decade before publication
    late = a is not None and 2000 + 10 * digit <= a.year
    century = prefix.group(1) if prefix else ("20" if late else "19")
    value = f"{century}{digit}"
    start, end = interval(value)
    return Norm("DATE", value, start, end, "decade-word")


# --- holidays --------------------------------------------------------------------------------


# --- clock times with their day ----------------------------------------------------------------

CLOCK = (r"(?:(\d{1,2})(?::(\d{2}))?\s*([ap]\.m\.?|[ap]m\b)|(noon|midday|midnight)|"
         r"([012]?\d):([0-5]\d)(?=\s+(?:GMT|UTC)\b))(?:\s+([ECMP][SD]T|GMT|UTC)\b)?")


def clock_rule(weekday: str, month_day: str) -> str:
    """The pattern of a clock time, optionally followed by its day ("9 a.m. EST Tuesday")."""
    day = rf"{weekday}|today|yesterday|tomorrow|{month_day}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"  # 8
    return rf"{CLOCK}(?:,?\s+(?:on\s+)?({day}))?"


def _day_of(text: str, a: date, t: str | None) -> date | None:
    low = text.lower().rstrip(".")
    deictic = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if low in deictic:
        return a + timedelta(days=deictic[low])
    weekdays = _lex()["weekdays"]
    if low in weekdays:
        return pick_weekday(int(weekdays[low]), a, t)
    words = re.findall(r"[a-z]+|\d+", low)
    months = _lex()["months"]
    if len(words) >= 2 and words[0] in months and words[-1].isdigit():
        from ._timex_calendar import pick_month_day

        return pick_month_day(int(months[words[0]]), int(words[-1]), a, t)
    return None


def h_clock(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    zone = "Z" if (m.group(7) or "").upper() in ("GMT", "UTC") else ""
    if m.group(4):
        hh, mm = {"noon": 12, "midday": 12, "midnight": 24}[m.group(4).lower()], 0
    elif m.group(5):  # "18:00 UTC": a 24-hour clock, only with its time zone
        hh, mm = int(m.group(5)), int(m.group(6))
        if hh > 24:
            return None
    else:
        hh, mm = int(m.group(1)), int(m.group(2) or 0)
        if hh > 12 or mm > 59:
            return None
        ampm = m.group(3).lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
    day: date | None = None
    if a is not None:
        day = _day_of(m.group(8), a, t) if m.group(8) else a
    label = day.isoformat() if day else "XXXX-XX-XX"
    return Norm("TIME", f"{label}T{hh:02d}:{mm:02d}{zone}", rule="clock")


# --- anchored on an earlier date of the text ---------------------------------------------------

_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
ANAPHORIC = (
    r"(?:(earlier|later)\s+)?(?:the\s+(following|previous|preceding|same)|(that)(?:\s+same)?)"
    r"\s+(day|morning|afternoon|evening|night|week|month|year)|"
    r"()the\s+(next)\s+(day|morning|afternoon|evening|night)"
)


def h_anaphoric(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    """Relative to ``a``: the publication date at first, then (``times``) the date the text
    last mentioned, as TimeML anchors "the following year" and "later that day"."""
    if a is None:
        return None
    if m.group(6):  # "the next day" (but "the next year" is next year, from publication)
        word, unit = "next", m.group(7).lower()
    else:
        word, unit = (m.group(2) or m.group(3)).lower(), m.group(4).lower()
    shift = 1 if word in ("following", "next") else -1 if word in ("previous", "preceding") else 0
    if unit in ("day", *_PARTS):
        d = a + timedelta(days=shift)
        if unit in _PARTS:
            return Norm("TIME", f"{d.isoformat()}T{_PARTS[unit]}", d.isoformat(), d.isoformat(),
                        "anaphoric-day")
        return Norm("DATE", d.isoformat(), d.isoformat(), d.isoformat(), "anaphoric-day")
    if unit == "week":
        value = week_value(a + timedelta(weeks=shift))
    elif unit == "month":
        y, mo = divmod(a.year * 12 + a.month - 1 + shift, 12)
        value = month_value(y, mo + 1)
    else:
        value = str(a.year + shift)
    start, end = interval(value)
    return Norm("DATE", value, start, end, f"anaphoric-{unit}")


# --- repetitions of a named day, durations without a number -----------------------------------


def h_set_named(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm | None:
    """ "each Thursday", "every July", "Tuesday nights", "Mondays": a SET of named days."""
    words = re.findall(r"[a-z]+", raw.lower())
    weekdays, months = _lex()["weekdays"], _lex()["months"]
    part = next((_PARTS[w.rstrip("s")] for w in words if w.rstrip("s") in _PARTS), "")
    for w in words:
        key = w[:-1] if w.endswith("s") and w[:-1] in weekdays else w
        if key in weekdays and len(key) > 3:
            return Norm("SET", f"XXXX-WXX-{int(weekdays[key]) + 1}" + (f"T{part}" if part else ""),
                        rule="set-named")
        if key in months and len(key) > 3:
            return Norm("SET", f"XXXX-{int(months[key]):02d}", rule="set-named")
    return None


def h_bare_units(m: re.Match[str], raw: str, a: date | None, t: str | None, ctx: str) -> Norm:
    """ "for years", "in recent weeks", "decades-long": a duration of unstated length."""
    low = raw.lower()
    unit = re.search(r"(second|minute|hour|day|week|month|year|decade|centur)", low)
    assert unit is not None
    code = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
            "year": "Y", "decade": "E", "centur": "C"}[unit.group(1)]
    plural = re.search(r"(?:s|ies)\b", low.split("-long")[0].split()[-1]) is not None
    amount = "X" if plural else "1"
    if code in ("E", "C"):
        code, amount = "Y", ("X" if plural else ("10" if code == "E" else "100"))
    prefix = "PT" if unit.group(1) in ("second", "minute", "hour") else "P"
    return Norm("DURATION", f"{prefix}{amount}{code}", rule="bare-units")
