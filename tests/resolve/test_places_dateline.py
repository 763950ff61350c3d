"""A dateline names the city the story was filed from, not a division of that name."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.resolve.gazetteer import Gazetteer
from communique.resolve.places import Toponym, resolve_toponyms

# Made-up places: a state and a smaller city elsewhere that share a name.
ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9200001\tKellan\tadmin1\tUSA\tUS.ZY\t47.3\t-120.2\t7000000\t0\t
9200002\tKellan\tcity\tUSA\tUS.ZX\t38.9\t-77.0\t900000\t0\t
"""


@pytest.fixture()
def gaz(mini_gazetteer: Callable[[str], Gazetteer]) -> Gazetteer:
    return mini_gazetteer(ROWS)


def test_dateline_is_the_city(gaz: Gazetteer) -> None:
    got = resolve_toponyms([Toponym("KELLAN", dateline=True)], gazetteer=gaz)[0]
    assert got is not None and got.feature == "city"


def test_same_name_outside_a_dateline_is_the_state(gaz: Gazetteer) -> None:
    got = resolve_toponyms([Toponym("Kellan")], gazetteer=gaz)[0]
    assert got is not None and got.feature == "admin1"
