"""Find candidate time expressions in text: every place where some rule of ``_timex_rules`` matches.

Each of the ~30 rule patterns is tried at every character of the text, so on a long article the
scan cost more than the rest of the time stage. A rule cannot match without one of a few
words (a month name, a weekday, a unit such as "year", a year's first digit): ``GATES`` lists
them, the words are located once per text (``str.find``), and each rule runs only over the
sentences holding one of its words. Decades have no gate (their digits may be any script's)
and run over the whole text, as every rule does for a text with spoken years.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from . import _timex_holidays as holidays
from . import _timex_more as more
from ._timex_rules import _COMPILED, lexicon

__all__ = ["GATES", "find"]

_LEX = lexicon()
_UNITS = ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter",
          "year", "decade", "centur")
_MONTHS = tuple(_LEX["months"])
_WEEKDAYS = tuple(_LEX["weekdays"])
_SEASONS = tuple(str(s).lower() for s in _LEX["seasons"])
_HOLIDAY_WORDS = tuple(sorted({re.split(r"[\s'’]", n)[0] for n in holidays.holiday_names()}))

_PARTS = ("morning", "afternoon", "evening", "night")


def _longest_words(phrases: object) -> tuple[str, ...]:
    # Each phrase's words are literal in its pattern: any one of them is in every match.
    return tuple(sorted({max(str(p).lower().split(), key=len) for p in phrases}))  # type: ignore[attr-defined]


# rule name -> words (lower case) of which every match of the rule contains at least one.
# "decade" is left out: its digits may be any script's (\d).
GATES: dict[str, tuple[str, ...]] = {
    "set-adverb": _longest_words(_LEX["set_adverbs"]),
    "ref": _longest_words(_LEX["refs"]),
    "iso": ("-",),
    "deictic": ("today", "yesterday", "tomorrow", "tonight"),
    "deictic-part": _PARTS,
    "part-deictic": _PARTS,
    "period-end": ("year", "month"),
    "anaphoric": ("day", "week", "month", "year", *_PARTS),
    "half": ("half",),
    "weekend": ("weekend",),
    "year-ago": ("year",),
    "year": ("1", "2"),  # 1[0-9]\d\d or 20\d\d
    "clock": ("a.m", "p.m", "am", "pm", "noon", "midday", "midnight", ":"),
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

_ALL_WORDS = sorted({w for words in GATES.values() for w in words})

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
    gated = (_gated_sentences(converted, list(regions))
             if regions is not None and not edits else None)
    for name, rx in _BOUNDED:
        gate = GATES.get(name)
        if gate is None or gated is None:
            matches = list(rx.finditer(converted))
        else:
            # the sentences holding one of the gate's words, in text order
            held = sorted(set().union(*(gated.get(w, ()) for w in gate)))
            matches = [m for a, b in held for m in rx.finditer(converted, a, b)]
        for m in matches:
            spans.add((more.to_original(m.start(), edits),
                       more.to_original(m.end(), edits, end=True)))
    return sorted(spans)


def _gated_sentences(text: str, regions: list[tuple[int, int]]) -> dict[str, set[tuple[int, int]]]:
    """Gate word -> the regions (sentences) of ``text`` holding it (as a substring)."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lowercase to two; offsets would shift
        return {w: {(a, b) for a, b in regions if w in text[a:b].lower()} for w in _ALL_WORDS}
    starts = [a for a, _ in regions]
    out: dict[str, set[tuple[int, int]]] = {}
    for w in _ALL_WORDS:
        i = low.find(w)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i + len(w) <= regions[k][1]:
                out.setdefault(w, set()).add(regions[k])
            i = low.find(w, i + 1)
    return out
