"""One sense per article: a name qualified once means the same place where it stands bare, and
a name written two ways ("Harlow City", "Harlow") is never context for itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.resolve.gazetteer import Gazetteer
from communique.resolve.places import Toponym, resolve_toponyms

# Made-up places: a big Harlow in one state, a smaller one in another, and those states.
ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9300001\tHarlow\tcity\tUSA\tUS.ZA\t42.1\t-72.6\t150000\t0\t
9300002\tHarlow\tcity\tUSA\tUS.ZB\t39.9\t-83.8\t60000\t0\t
9300003\tZabena\tadmin1\tUSA\tUS.ZA\t42.3\t-71.8\t6000000\t0\t
9300004\tZobrak\tadmin1\tUSA\tUS.ZB\t40.2\t-82.7\t11000000\t0\t
"""


@pytest.fixture()
def gaz(mini_gazetteer: Callable[[str], Gazetteer]) -> Gazetteer:
    return mini_gazetteer(ROWS)


def test_bare_mentions_follow_the_qualified_one(gaz: Gazetteer) -> None:
    toponyms = [Toponym("Harlow"), Toponym("Harlow", qualifier="Zobrak"), Toponym("Harlow"),
                Toponym("Harlow City"), Toponym("Harlow")]
    got = resolve_toponyms(toponyms, gazetteer=gaz)
    harlows = [c for t, c in zip(toponyms, got, strict=True) if t.text.startswith("Harlow")]
    assert {c.geonameid for c in harlows if c is not None} == {9300002}


def test_a_name_written_two_ways_shares_one_key(gaz: Gazetteer) -> None:
    from communique.resolve.places import _name_keys, candidates_for

    toponyms = [Toponym("Harlow"), Toponym("Harlow City"), Toponym("Zobrak")]
    keys = _name_keys(toponyms, [candidates_for(t.text, gaz) for t in toponyms])
    assert keys == ["harlow", "harlow", "zobrak"]


def test_without_a_qualifier_the_bigger_place(gaz: Gazetteer) -> None:
    got = resolve_toponyms([Toponym("Harlow"), Toponym("Harlow")], gazetteer=gaz)
    assert {c.geonameid for c in got if c is not None} == {9300001}


def test_a_bare_dateline_fixes_nothing(gaz: Gazetteer) -> None:
    # "HARLOW —" says where the story was filed from, not which Harlow: the state named
    # decides the bare mentions
    toponyms = [Toponym("HARLOW", dateline=True), Toponym("Harlow"), Toponym("Zobrak"),
                Toponym("Harlow")]
    got = resolve_toponyms(toponyms, gazetteer=gaz)
    assert got[1] is not None and got[1].geonameid == 9300002


# A capital with a division of its own name ("Dublin City") and a small namesake elsewhere.
ROWS_CAPITAL = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9300011\tKorvin\tcity\tIRL\tIE.ZK\t53.3\t-6.2\t1000000\t1\t
9300012\tKorvin City\tadmin1\tIRL\tIE.ZK\t53.35\t-6.25\t1200000\t0\t
9300013\tKorvin\tcity\tUSA\tUS.ZB\t40.1\t-83.1\t42000\t0\t
9300014\tPellham\tcity\tUSA\tUS.ZB\t39.96\t-83.0\t900000\t0\t
9300015\tTarrow County\tadmin2\tUSA\tUS.ZB\t39.97\t-83.01\t1300000\t0\t
"""


def test_a_name_read_as_a_division_is_no_context_for_itself(
    mini_gazetteer: Callable[[str], Gazetteer],
) -> None:
    # "Korvin City Council ... Korvin ... Pellham": the division reading of
    # "Korvin City" must not vote for the capital Korvin; the local places speak for the town
    gaz = mini_gazetteer(ROWS_CAPITAL)
    toponyms = [Toponym("Korvin City"), Toponym("Korvin"), Toponym("Pellham"), Toponym("Korvin")]
    got = resolve_toponyms(toponyms, gazetteer=gaz)
    assert got[1] is not None and got[1].geonameid == 9300013


def test_a_name_and_the_longer_names_it_opens_share_one_key(
    mini_gazetteer: Callable[[str], Gazetteer],
) -> None:
    from communique.resolve.places import _name_keys, candidates_for

    gaz = mini_gazetteer(ROWS_CAPITAL)
    toponyms = [Toponym("Korvin City"), Toponym("Korvin"), Toponym("Pellham")]
    keys = _name_keys(toponyms, [candidates_for(t.text, gaz) for t in toponyms])
    assert keys == ["korvin", "korvin", "pellham"]
