"""Open lists of states are one actor of no country; named or counted pairs are not lists."""

from __future__ import annotations

import pytest
from spacy.language import Language

import communique

pytestmark = pytest.mark.slow


def _lists(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = communique.extract(text, published="2024-05-02", nlp=nlp)
    return [(a.name, a.country) for a in doc.actors if a.kind == "group" and a.role is None]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Japan sent medical supplies to various Asian countries.", "various Asian countries"),
        ("The plan was rejected by many Western governments.", "many Western governments"),
        ("Chile signed trade deals with 14 countries in Asia.", "14 countries"),
    ],
)
def test_actors_open_list_of_states(nlp: Language, text: str, name: str) -> None:
    assert _lists(nlp, text) == [(name, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru clashed again. The two countries traded blame.",  # the dyad
        "Chile called on its allies to help.",  # somebody's allies
        "Chile was among the first countries to back the plan.",  # an ordinal ranks, no list
    ],
)
def test_actors_closed_sets_are_no_open_list(nlp: Language, text: str) -> None:
    assert _lists(nlp, text) == []
