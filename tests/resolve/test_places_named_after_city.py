"""A division and its main city both matched by other names: the city is meant."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.resolve.gazetteer import Gazetteer
from communique.resolve.places import candidates_for

# Made-up places: a region and its capital both known in English by a short name ("Qarin"),
# and a state whose own name a big city also carries as another name ("Amber").
ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9000001\tQarin al Kubra\tadmin1\tSAU\tSA.90\t21.6\t41.5\t5000000\t0\tQarin
9000002\tQaryat Qarin\tcity\tSAU\tSA.90\t21.4\t39.8\t1500000\t0\tQarin
9000003\tAmber\tadmin1\tUSA\tUS.ZZ\t43.0\t-75.0\t20000000\t0\t
9000004\tAmber City\tcity\tUSA\tUS.ZZ\t40.7\t-74.0\t8000000\t0\tAmber
9000005\tQarin Oasis\tadmin1\tSAU\tSA.91\t25.0\t45.0\t9000000\t0\tQarin
"""


@pytest.fixture()
def gaz(mini_gazetteer: Callable[[str], Gazetteer]) -> Gazetteer:
    return mini_gazetteer(ROWS)


def test_division_by_other_name_yields_to_its_city(gaz: Gazetteer) -> None:
    names = {c.name for c in candidates_for("Qarin", gaz)}
    assert "Qaryat Qarin" in names and "Qarin al Kubra" not in names
    # a division without such a city inside it stays a candidate
    assert "Qarin Oasis" in names


def test_division_by_its_own_name_keeps_it(gaz: Gazetteer) -> None:
    names = {c.name for c in candidates_for("Amber", gaz)}
    assert names == {"Amber", "Amber City"}
