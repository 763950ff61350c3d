"""Gazetteer lookup and context-scored resolution on the tiny test extract."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.resolve.gazetteer import Gazetteer, normalise
from communique.resolve.places import Toponym, candidates_for, resolve_toponyms

MINI = Path(__file__).resolve().parents[1] / "data" / "gazetteer_mini.tsv"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_tsv(MINI)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Côte d'Ivoire", "cote divoire"),
        ("St. Louis", "st louis"),
        ("Baku-Tbilisi", "baku tbilisi"),
    ],
)
def test_gazetteer_normalise_equates_spellings(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("name", "geonameid"), [("U.S.", 6252001), ("Türkiye", 298795), ("Kharkov", 706483)]
)
def test_gazetteer_lookup_alternate_names(gaz: Gazetteer, name: str, geonameid: int) -> None:
    found = gaz.lookup(name)
    assert geonameid in {c.geonameid for c in found}
    assert all(c.alt for c in found if c.geonameid == geonameid)


def test_gazetteer_drops_division_named_after_its_city(gaz: Gazetteer) -> None:
    features = {c.feature for c in candidates_for("Belgrade", gaz) if c.country == "SRB"}
    assert features == {"city"}


@pytest.mark.parametrize(
    ("toponyms", "index", "geonameid"),
    [
        ([Toponym("Belgrade", qualifier="Serbia"), Toponym("Serbia")], 0, 792680),
        ([Toponym("Paris", qualifier="Texas"), Toponym("Texas")], 0, 4717560),
        ([Toponym("Paris")], 0, 2988507),
        ([Toponym("Cairo")], 0, 360630),
        # A Texas article's "Paris" is Paris, Texas.
        ([Toponym("Texas"), Toponym("Paris")], 1, 4717560),
        ([Toponym("Egypt"), Toponym("Cairo")], 1, 360630),
        ([Toponym("Mexico"), Toponym("Mexico City")], 0, 3996063),
        ([Toponym("Ankara")], 0, 323786),
        # A town's neighbours decide: Paris among Urbana and Edgar County is Paris, Illinois;
        # "Georgia" around a Georgia town is the state, "Paris" five times votes for nothing.
        ([Toponym("Paris"), Toponym("Urbana"), Toponym("Edgar County")], 0, 4246659),
        ([Toponym("Paris")] * 5 + [Toponym("Urbana")], 0, 4246659),
        ([Toponym("Swainsboro"), Toponym("Georgia")], 1, 4197000),
        ([Toponym("Baku"), Toponym("Georgia")], 1, 614540),
    ],
)
def test_resolve_uses_article_context(
    gaz: Gazetteer, toponyms: list[Toponym], index: int, geonameid: int
) -> None:
    resolved = resolve_toponyms(toponyms, gazetteer=gaz)
    assert resolved[index] is not None
    assert resolved[index].geonameid == geonameid


def test_resolve_unknown_name_is_none(gaz: Gazetteer) -> None:
    assert resolve_toponyms([Toponym("Atlantis Prime")], gazetteer=gaz) == [None]


@pytest.mark.parametrize("name", ["East", "West", "Central"])
def test_resolve_compass_word_is_no_place(gaz: Gazetteer, name: str) -> None:
    assert candidates_for(name, gaz) == ()


def test_gazetteer_other_name_of_a_city_keeps_its_division(gaz: Gazetteer) -> None:
    # "New York" is New York City's other name, not its canonical one: the state stays
    assert {c.feature for c in candidates_for("New York", gaz)} == {"admin1", "city"}


@pytest.mark.parametrize("name", ["EU", "E.U.", "U.N.", "UN", "NATO"])
def test_abbreviation_with_dots_names_no_town(gaz: Gazetteer, name: str) -> None:
    # organisations' initials, dotted or not, are not the towns Eu (France) or Un (India)
    assert candidates_for(name, gaz) == ()


def test_city_in_capitals_is_a_big_city(gaz: Gazetteer) -> None:
    # a dateline's "CAIRO -" keeps the city; "NATO" (above) keeps no town
    assert 360630 in {c.geonameid for c in candidates_for("CAIRO", gaz)}
    # a small town's name in capitals is a town in a dateline only
    assert candidates_for("XENIA", gaz) == ()
    assert [c.geonameid for c in candidates_for("XENIA", gaz, dateline=True)] == [4528810]


def test_shortening_a_name_never_cuts_at_of(gaz: Gazetteer) -> None:
    # "Line of Control" is no town called Line; "the City of Canton" is Canton
    assert candidates_for("Line of Control", gaz) == ()
    assert {c.geonameid for c in candidates_for("the City of Canton", gaz)} == {5149222}


@pytest.mark.parametrize(
    ("toponyms", "index", "geonameid"),
    [
        # a town and its county: the Paris inside a Henry County, over Paris, France
        ([Toponym("Henry County"), Toponym("Paris")], 1, 4647963),
        ([Toponym("Paris"), Toponym("Henry County")], 1, 4628829),
        # a small town named like a state of its own country is in the state's shadow
        ([Toponym("Maryland"), Toponym("California")], 1, 5332921),
        # a town's other name loses to another town's own name, context notwithstanding
        ([Toponym("Texas"), Toponym("Maryville")], 1, 4639848),
        # ... unless it is a much bigger place's other name
        ([Toponym("Russia"), Toponym("St. Petersburg")], 1, 498817),
        # a division among its country's other divisions: the state, not the country
        ([Toponym("Alabama"), Toponym("Iowa"), Toponym("Georgia")], 2, 4197000),
    ],
)
def test_resolve_readings_that_lie_together(
    gaz: Gazetteer, toponyms: list[Toponym], index: int, geonameid: int
) -> None:
    resolved = resolve_toponyms(toponyms, gazetteer=gaz)
    assert resolved[index] is not None
    assert resolved[index].geonameid == geonameid
