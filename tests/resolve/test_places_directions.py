"""A leading compass word, hyphenated or not, is stripped from a name the gazetteer lacks."""

from __future__ import annotations

from collections.abc import Callable

from communique.resolve.gazetteer import Gazetteer
from communique.resolve.places import candidates_for

ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9300001\tWestbrook\tcity\tAUS\tAU.02\t-33.9\t151.2\t400000\t0\t
9300002\tNorth-Western\tadmin1\tZMB\tZM.06\t-13.0\t25.5\t700000\t0\t
"""


def test_hyphenated_direction_is_stripped(
    mini_gazetteer: Callable[[str], Gazetteer],
) -> None:
    gaz = mini_gazetteer(ROWS)
    assert [c.name for c in candidates_for("North-Western Westbrook", gaz)] == ["Westbrook"]
    assert [c.name for c in candidates_for("North Westbrook", gaz)] == ["Westbrook"]
    assert candidates_for("North-Western", gaz) == ()  # a direction alone names no place
