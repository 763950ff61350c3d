"""A list of names before a plural division word: each name is a division of that kind."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from communique.extract._toponym_spans import division_lists
from communique.parse.pipeline import make_doc

pytestmark = pytest.mark.slow

KNOWN = {"Pike County", "Hardin County", "Lamar County", "Orange County", "Seminole County"}


def _lists(nlp: Language, text: str) -> set[str]:
    doc = nlp(make_doc(nlp, text, published=date(2024, 5, 2)))
    return set(division_lists(doc, KNOWN.__contains__).values())


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Storms knocked out power in Pike, Hardin and Lamar counties overnight.",
         {"Pike County", "Hardin County", "Lamar County"}),
        ("Shelters opened in Orange and Seminole counties on Monday.",
         {"Orange County", "Seminole County"}),
        # the serial comma, "or", and a name the gazetteer lacks left out
        ("Residents of Pike, Hardin, or Bogusville counties may apply.",
         {"Pike County", "Hardin County"}),
        # one name, or no conjunction: no list
        ("Two Pike counties were named in the report.", set()),
        ("In Pike, Hardin counties voted.", set()),
    ],
)
def test_division_lists(nlp: Language, text: str, want: set[str]) -> None:
    assert _lists(nlp, text) == want


def test_division_list_names_become_counties(nlp: Language) -> None:
    text = "Flood warnings remain for Becker, Clay and Wilkin counties in Minnesota."
    doc = nlp(make_doc(nlp, text, published=date(2024, 5, 2)))
    places = {p.name: p for p in doc._.communique_places}
    for name in ("Becker", "Clay", "Wilkin"):
        assert places[name].feature == "region" and places[name].country == "USA", name
        # all three lie in Minnesota's north-west (about 46-47 N, 95.5-97 W)
        assert 45.5 < (places[name].lat or 0) < 47.5 and -97.0 < (places[name].lon or 0) < -95.0
