"""The time scan's gates (rules run only over sentences holding one of their words) lose nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from communique.extract._timex_rules import RULES
from communique.extract._timex_scan import GATES, find

DEMO = Path(__file__).resolve().parents[2] / "demo" / "articles"

_EXPRESSIONS = (
    "The talks resumed on March 3, 2024. They met again last Tuesday morning. "
    "Trade grew in the second quarter of 2023, and in the first half. "
    "Two weeks ago the envoy left; he returns in three days. "
    "Every Friday the markets close early. The drills last four months. "
    "In the spring of 2022, the ministers met. The deal dates from the nineties. "
    "By the 21st century, it had changed. The talks ran over Christmas. "
    "This past year was hard; for years, nothing moved. Q3 2021 was the low point. "
    "The year-ago period saw gains. Nothing else was said. "
    "Talks resume today and end tonight; this morning the envoy left. "
    "The following day, at 9 a.m. and again at noon, shelling hit the city. "
    "The accord of 2021-02-18 is currently in force and reviewed daily. "
    "By the year-end, or at the end of the month, over the weekend, a year earlier, "
    "officials met at 14:30 GMT."
)


def _sentences(nlp: Language, text: str) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in nlp(text).sents]


def test_times_scan_gates_name_known_rules_in_lower_case() -> None:
    names = {name for name, _pattern, _handler in RULES}
    assert set(GATES) <= names
    for words in GATES.values():
        assert words and all(w == w.lower() and w.strip() == w and w for w in words)


def test_times_scan_every_gated_match_holds_a_gate_word() -> None:
    for name, pattern, _handler in RULES:
        if name not in GATES:
            continue
        for m in re.finditer(pattern, _EXPRESSIONS, re.IGNORECASE):
            assert any(w in m.group(0).lower() for w in GATES[name]), (name, m.group(0))


def test_times_scan_by_sentence_equals_whole_text(nlp: Language) -> None:
    regions = _sentences(nlp, _EXPRESSIONS)
    whole = find(_EXPRESSIONS)
    assert len(whole) >= 35
    assert find(_EXPRESSIONS, regions) == whole


@pytest.mark.parametrize("path", sorted(DEMO.rglob("*.txt")), ids=lambda p: p.stem)
def test_times_scan_demo_articles_gated_equals_ungated(nlp: Language, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert find(text, _sentences(nlp, text)) == find(text)


def test_times_scan_spoken_years_scan_the_whole_text(nlp: Language) -> None:
    text = "The accord of nineteen ninety-six still holds. It was signed in May."
    assert find(text, _sentences(nlp, text)) == find(text)
    assert any(text[a:b].startswith("nineteen") for a, b in find(text))
