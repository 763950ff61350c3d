"""The amounts lexicon: currencies, scales, measure cues, kind cues and units, read once.

Everything here comes from ``communique/data/amounts/*.yml``; this module only turns those
tables into lookups and compiled regular expressions for :mod:`._amount_scan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from ..data import read_yaml

__all__ = ["NUMBER_WORDS", "AmountLexicon", "MeasureCue", "amount_lexicon"]

# Cardinal words number-parser understands; listed so a regex can find them in running text
# (number-parser converts a known string but does not locate numbers inside a sentence).
_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS)}|hundred)"
NUMBER_WORDS: tuple[str, ...] = (*_UNITS, *_TENS, "hundred")
WORD_NUMBER = rf"(?:{_WORD}(?:[ -](?:and )?{_WORD})*)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


@dataclass(frozen=True)
class MeasureCue:
    """One measure cue: the lemmas (in text order) that fire it and what it means."""

    id: str
    lemmas: tuple[str, ...]
    measure: str
    units: frozenset[str]


@dataclass(frozen=True)
class AmountLexicon:
    """All amount tables, ready for matching."""

    prefixes: dict[str, str]
    codes: dict[str, str]
    words: dict[str, str]
    scales: dict[str, float]
    money_letters: dict[str, float]
    approximators: tuple[str, ...]
    cues: tuple[MeasureCue, ...]
    target_lemmas: frozenset[str]
    forecast_lemmas: frozenset[str]
    claim_lemmas: frozenset[str]
    people: frozenset[str]
    things: frozenset[str]
    quantulum_units: dict[str, str]
    extra_units: dict[str, str]

    def alternation(self, items: list[str]) -> str:
        """A regex alternation of literal strings, longest first so the longest wins."""
        return "|".join(re.escape(s) for s in sorted(items, key=len, reverse=True))

    @property
    def approx_re(self) -> str:
        """Approximators before a figure, case-insensitive, with their trailing space."""
        return rf"(?:(?i:{self.alternation(list(self.approximators))})\s+)"

    @property
    def number_re(self) -> str:
        """A number in digits, in words, or ``a``/``an`` before a scale word."""
        return rf"(?:{DIGITS}|(?i:{WORD_NUMBER})|(?i:an?)(?=\s+(?i:{self.scale_re})))"

    @property
    def scale_re(self) -> str:
        """Scale words (million, bn, ...)."""
        return self.alternation(list(self.scales))


def _mapping(raw: object, key: str) -> dict[str, Any]:
    value = cast(dict[str, Any], raw)[key]
    if not isinstance(value, dict):
        raise TypeError(f"amounts data: {key!r} must be a mapping")
    return value


@lru_cache(maxsize=1)
def amount_lexicon() -> AmountLexicon:
    """The lexicon built from the package data (cached per process)."""
    cur = read_yaml("amounts", "currencies.yml")
    scales = read_yaml("amounts", "scales.yml")
    measures = read_yaml("amounts", "measures.yml")
    kinds = cast(dict[str, list[str]], read_yaml("amounts", "kinds.yml"))
    units = read_yaml("amounts", "units.yml")
    aliases = _mapping(cur, "code_aliases")
    codes = {c: aliases.get(c, c) for c in cast(dict[str, list[str]], cur)["codes"]}
    cues = tuple(
        MeasureCue(
            id=c["id"], lemmas=tuple(c["lemmas"]), measure=c["measure"], units=frozenset(c["units"])
        )
        for c in cast(dict[str, list[dict[str, Any]]], measures)["cues"]
    )
    unit_data = cast(dict[str, Any], units)
    return AmountLexicon(
        prefixes=dict(_mapping(cur, "prefixes")),
        codes=codes,
        words={k.lower(): v for k, v in _mapping(cur, "words").items()},
        scales={k: float(v) for k, v in _mapping(scales, "words").items()},
        money_letters={k: float(v) for k, v in _mapping(scales, "money_letters").items()},
        approximators=tuple(cast(dict[str, list[str]], scales)["approximators"]),
        cues=cues,
        target_lemmas=frozenset(kinds["target"]),
        forecast_lemmas=frozenset(kinds["forecast"]),
        claim_lemmas=frozenset(kinds["claim"]),
        people=frozenset(unit_data["people"]),
        things=frozenset(unit_data["things"]),
        quantulum_units=dict(unit_data["quantulum"]),
        extra_units={k.lower(): v for k, v in unit_data["extra"].items()},
    )
