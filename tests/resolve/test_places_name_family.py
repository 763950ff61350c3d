"""A county named in full, then its bare name: the bare name is that county or a town in it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.resolve.gazetteer import Gazetteer
from communique.resolve.places import Toponym, resolve_toponyms

# Made-up places: Brill County (a county whose short name "Brill" is another name of it), a
# bigger town called Brill in another state, and Brill County's namesake in a third state.
ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9100001\tBrill County\tadmin2\tUSA\tUS.OH\t40.1\t-82.5\t60000\t0\tBrill
9100002\tBrill\tcity\tUSA\tUS.MO\t37.5\t-91.9\t9000\t0\t
9100003\tBrill County\tadmin2\tUSA\tUS.TX\t31.8\t-95.6\t8000\t0\tBrill
9100004\tNewtown\tcity\tUSA\tUS.CA\t36.0\t-119.0\t40000\t0\t
"""


@pytest.fixture()
def gaz(mini_gazetteer: Callable[[str], Gazetteer]) -> Gazetteer:
    return mini_gazetteer(ROWS)


def test_bare_name_is_the_county_named_in_full(gaz: Gazetteer) -> None:
    got = resolve_toponyms([Toponym("Brill County"), Toponym("Brill")], gazetteer=gaz)
    assert got[1] is not None and got[1].feature == "admin2"


def test_bare_name_alone_keeps_its_town(gaz: Gazetteer) -> None:
    got = resolve_toponyms([Toponym("Newtown"), Toponym("Brill")], gazetteer=gaz)
    assert got[1] is not None and got[1].feature == "city" and got[1].admin1 == "US.MO"


def test_family_members(gaz: Gazetteer) -> None:
    from communique.resolve._name_family import division_stems, in_family

    texts = ["Brill County", "Brill", "Newtown"]
    stems = division_stems(texts, [gaz.lookup(t) for t in texts])
    assert set(stems) == {"brill"}
    ohio, missouri, texas = (next(c for c in gaz.lookup("Brill") if c.admin1 == a)
                             for a in ("US.OH", "US.MO", "US.TX"))
    assert in_family("Brill", ohio, stems) and in_family("Brill", texas, stems)
    assert in_family("Brill Valley", ohio, stems)  # a longer name opening with the bare one
    assert not in_family("Brill", missouri, stems)  # a namesake town in no such county
    assert not in_family("Newtown", ohio, stems)
