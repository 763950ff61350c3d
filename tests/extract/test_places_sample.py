"""Places of the worked example (shared/samples): Belgrade, Ankara, and no demonym places."""

from __future__ import annotations

import math
from typing import Any

import pytest

pytestmark = pytest.mark.slow


def test_places_sample_belgrade_near_geonames_point(sample_doc: Any) -> None:
    belgrade = next(p for p in sample_doc.places if p.name == "Belgrade")
    assert belgrade.country == "SRB" and belgrade.geonameid == 792680
    dlat = math.radians(belgrade.lat - 44.804)
    dlon = math.radians(belgrade.lon - 20.465) * math.cos(math.radians(44.804))
    assert 6371.0 * math.hypot(dlat, dlon) < 5


def test_places_sample_ankara_for_february_agreements(sample_doc: Any) -> None:
    ankara = next(p for p in sample_doc.places if p.name == "Ankara")
    assert ankara.country == "TUR"
    text = sample_doc.article.text
    signing = [e for e in sample_doc.events if e.cameo == "057" and "Ankara" in e.sentence]
    assert signing, "the February signing event is coded"
    assert all(e.place == ankara.id for e in signing)
    assert any(text[s:e] == "Ankara" for s, e in ankara.mentions)


@pytest.mark.parametrize("word", ["Azerbaijani", "Turkish"])
def test_places_sample_demonyms_never_places(sample_doc: Any, word: str) -> None:
    text = sample_doc.article.text
    for place in sample_doc.places:
        assert all(word not in text[s:e] for s, e in place.mentions)


def test_places_sample_meeting_in_belgrade(sample_doc: Any) -> None:
    belgrade = next(p for p in sample_doc.places if p.name == "Belgrade")
    meetings = [
        e for e in sample_doc.events if e.cameo.startswith("04") and "Belgrade" in e.sentence
    ]
    assert meetings and all(e.place == belgrade.id for e in meetings)
