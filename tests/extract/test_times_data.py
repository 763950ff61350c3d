"""Every entry of the time lexicon and the status cues is well-formed."""

from __future__ import annotations

import re

import pytest

from communique.data import read_yaml

LEXICON = read_yaml("time", "lexicon.yml")
CUES = read_yaml("time", "status_cues.yml")


@pytest.mark.parametrize("data", [LEXICON, CUES], ids=["lexicon", "status_cues"])
def test_times_data_versioned(data: object) -> None:
    assert isinstance(data, dict) and isinstance(data.get("version"), int)


def _holiday_ok(spec: object) -> bool:
    if not isinstance(spec, dict) or len(spec) not in (1, 2, 3):
        return False
    if "hijri" in spec:
        month, day = spec["hijri"]
        return 1 <= month <= 12 and (day is None or 1 <= day <= 30)
    if "hebrew" in spec:
        month, day = spec["hebrew"]
        return 1 <= month <= 12 and 1 <= day <= 30
    if "easter" in spec:
        return isinstance(spec["easter"], int)
    if "day" in spec:
        return 1 <= spec["month"] <= 12 and 1 <= spec["day"] <= 31
    nth_weekday = 0 <= spec["weekday"] <= 6 and spec["nth"] in (1, 2, 3, 4, -1)
    return 1 <= spec["month"] <= 12 and nth_weekday


@pytest.mark.parametrize(
    ("table", "check"),
    [
        ("months", lambda v: isinstance(v, int) and 1 <= v <= 12),
        ("weekdays", lambda v: isinstance(v, int) and 0 <= v <= 6),
        ("numbers", lambda v: v == "X" or (isinstance(v, int | float) and v > 0)),
        ("units", lambda v: isinstance(v, dict) and v.get("code") in set("SMHDWY")),
        ("refs", lambda v: v in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}),
        ("seasons", lambda v: v in {"SP", "SU", "FA", "WI"}),
        ("day_parts", lambda v: v in {"MO", "AF", "EV", "NI"}),
        ("set_adverbs", lambda v: isinstance(v, str) and re.fullmatch(r"PT?\d+[HDWMY]", v)),
        ("holidays", lambda v: _holiday_ok(v)),
    ],
)
def test_times_lexicon_entries(table: str, check: object) -> None:
    entries = LEXICON[table]
    assert entries
    for key, value in entries.items():
        assert key == key.lower().strip() and key, key
        assert check(value), (table, key, value)  # type: ignore[operator]


@pytest.mark.parametrize(
    "key",
    ["future_aux", "future_verbs", "future_nouns", "modal_aux", "conditional_marks",
     "speculative_verbs", "forecast_words", "past_adjectives"],
)
def test_times_status_cues_are_lowercase_words(key: str) -> None:
    words = CUES[key]
    assert words and len(words) == len(set(words))
    assert all(isinstance(w, str) and w == w.lower() and " " not in w for w in words)


def test_times_signal_words_are_strings() -> None:
    # YAML reads a bare on/off/yes/no as a boolean: every signal must stay a word
    signals = LEXICON["signals"]
    assert signals and all(isinstance(w, str) and w == w.lower() for w in signals), signals
    assert "on" in signals
