"""Find candidate time expressions in text: every place where some rule of ``_timex_rules`` matches.

Each of the ~30 rule patterns is tried at every character of the text, so on a long article the
scan costs more than the rest of the time stage. Most rules cannot match without one of a few
words (a month name, a weekday, a unit such as "year"): for those, ``GATES`` lists the words,
and the rule is run only over the sentences that contain one (a plain substring test, far
cheaper than the pattern). Rules without such a word run over the whole text as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import _timex_more as more
from ._timex_rules import _COMPILED, lexicon

__all__ = ["GATES", "find"]

_LEX = lexicon()
_UNITS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter",
          "year", "decade", "centur")
_MONTHS = tuple(_LEX["months"])
_WEEKDAYS = tuple(_LEX["weekdays"])
_SEASONS = tuple(str(s).lower() for s in _LEX["seasons"])
_HOLIDAY_WORDS = tuple(sorted({re.split(r"[\s'’]", n)[0] for n in more.holiday_names()}))

# rule name -> words (lower case) of which every match of the rule contains at least one.
GATES: dict[str, tuple[str, ...]] = {
    "set-every": _UNITS,
    "first-months": _UNITS,
    "ago": _UNITS,
    "duration": _UNITS,
    "bare-units": ("year", "month", "week", "day", "decade", "hour", "minute", "centur"),
    "month-day": _MONTHS,
    "month": _MONTHS,
    "weekday": _WEEKDAYS,
    "set-named": _WEEKDAYS + _MONTHS,
    "season": _SEASONS,
    "relative": ("week", "month", "quarter", "year", "decade", "century", *_SEASONS),
    "quarter": ("quarter", "q1", "q2", "q3", "q4", "period"),
    "century": ("century",),
    "decade-word": ("ties",),
    "holiday": _HOLIDAY_WORDS,
}

_BOUNDED = [
    (name, re.compile(rf"(?<![\w$-])(?:{rx.pattern})(?![\w-])", re.IGNORECASE))
    for name, rx, _handler in _COMPILED
]


def find(text: str, regions: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans in ``text`` where some rule matches (overlapping candidates).

    Args:
        text: an article or any text.
        regions: its sentences as char spans (no time expression crosses one); when given, a
            gated rule is run only over the sentences holding one of its words.
    """
    spans: set[tuple[int, int]] = set()
    converted, edits = more.spoken_years(text)  # "nineteen ninety-six" read as "1996"
    # Spoken years shift offsets between text and converted: then every rule scans it whole.
    sentences = [(a, b, converted[a:b].lower()) for a, b in regions or ()] if not edits else []
    for name, rx in _BOUNDED:
        gate = GATES.get(name) if sentences else None
        if gate is None:
            matches = list(rx.finditer(converted))
        else:
            matches = [m for a, b, low in sentences if any(w in low for w in gate)
                       for m in rx.finditer(converted, a, b)]
        for m in matches:
            spans.add((more.to_original(m.start(), edits),
                       more.to_original(m.end(), edits, end=True)))
    return sorted(spans)
