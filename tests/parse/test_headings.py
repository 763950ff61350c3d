"""Section headings glued to the next sentence are sentences of their own (CODING.md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "heading", "sentence"),
    [
        (
            "The talks ended. Trump approval During a visit to the White House, Trump said he "
            "would approve the deal.",
            "Trump approval",
            "During a visit",
        ),
        (
            "Ties are warm. Old friends Malaysia's former prime minister met Chinese leaders.",
            "Old friends",
            "Malaysia's former",
        ),
    ],
)
def test_heading_is_split_off(nlp: Language, text: str, heading: str, sentence: str) -> None:
    sents = [s.text for s in nlp(text).sents]
    assert heading in sents
    assert any(s.startswith(sentence) for s in sents)


@pytest.mark.parametrize(
    "text",
    [
        "The talks ended. Kremlin spokesperson Dmitry Peskov said the deal was dead.",
        "The talks ended. Council members Greece, Panama and South Korea supported the call.",
        "The talks ended. Russian forces Monday shelled the city.",
        "The talks ended. From what I understand, they will resume.",
    ],
)
def test_no_heading_inside_a_sentence(nlp: Language, text: str) -> None:
    assert len(list(nlp(text).sents)) == 2
