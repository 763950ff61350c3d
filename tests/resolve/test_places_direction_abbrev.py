"""An abbreviated compass word ("W.", "N.W.") is stripped like a written-out one."""

from __future__ import annotations

from collections.abc import Callable

from communique.resolve.gazetteer import Gazetteer
from communique.resolve.places import candidates_for

ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9300101\tEastbrook\tcity\tUSA\tUS.PA\t40.0\t-75.1\t500000\t0\t
"""


def test_abbreviated_direction_is_stripped(mini_gazetteer: Callable[[str], Gazetteer]) -> None:
    gaz = mini_gazetteer(ROWS)
    assert [c.name for c in candidates_for("W. Eastbrook", gaz)] == ["Eastbrook"]
    assert [c.name for c in candidates_for("N.W. Eastbrook", gaz)] == ["Eastbrook"]
    assert candidates_for("W.", gaz) == ()  # a direction alone names no place
