"""A name the gazetteer lacks is retried without its last words, but never down to a feature
word alone ("Fort Hood" is no town whose other name is Fort)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.resolve._candidates import candidates_for
from communique.resolve.gazetteer import Gazetteer

# Made-up places: a town with the other names "Fort" and "Lake", and a town of its own name.
ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9400001\tKessingby\tcity\tUSA\tUS.ZC\t44.3\t-69.8\t18000\t0\tFort|Lake
9400002\tBrolton\tcity\tUSA\tUS.ZD\t46.9\t-96.8\t120000\t0\t
"""


@pytest.fixture()
def gaz(mini_gazetteer: Callable[[str], Gazetteer]) -> Gazetteer:
    return mini_gazetteer(ROWS)


@pytest.mark.parametrize("name", ["Fort Hood", "Lake Titicaca", "Fort Detrick Army Base"])
def test_no_feature_word_alone(gaz: Gazetteer, name: str) -> None:
    assert candidates_for(name, gaz) == ()


def test_last_words_still_dropped_to_a_town(gaz: Gazetteer) -> None:
    assert [c.name for c in candidates_for("Brolton City", gaz)] == ["Brolton"]
    assert [c.name for c in candidates_for("Brolton Fire Station", gaz)] == ["Brolton"]
