"""A list of places names places of one kind in one country: "Alberta, Manitoba and Ontario"."""

from __future__ import annotations

from collections.abc import Callable

from communique.resolve.gazetteer import Gazetteer
from communique.resolve.places import Toponym, resolve_toponyms

# Made-up places: three provinces of one country, a fourth named like a big town elsewhere,
# and the state that town lies in.
ROWS = """geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames
9600001\tAlvera\tadmin1\tCAN\tCA.Z1\t55.0\t-115.0\t4000000\t0\t
9600002\tMarrow\tadmin1\tCAN\tCA.Z2\t55.0\t-98.0\t1300000\t0\t
9600003\tOntarra\tadmin1\tCAN\tCA.Z3\t50.0\t-85.0\t14000000\t0\t
9600004\tOntarra\tcity\tUSA\tUS.ZQ\t34.1\t-117.6\t170000\t0\t
9600005\tKalvornia\tadmin1\tUSA\tUS.ZQ\t37.0\t-119.0\t39000000\t0\t
"""


def test_a_list_member_reads_like_the_others(
    mini_gazetteer: Callable[[str], Gazetteer],
) -> None:
    gaz = mini_gazetteer(ROWS)
    # the state of the town is named elsewhere in the article: without the list, the town wins
    alone = [Toponym("Kalvornia"), Toponym("Ontarra")]
    town = resolve_toponyms(alone, gazetteer=gaz)[1]
    assert town is not None and town.geonameid == 9600004
    listed = [Toponym("Kalvornia"), Toponym("Alvera", group=1), Toponym("Marrow", group=1),
              Toponym("Ontarra", group=1)]
    province = resolve_toponyms(listed, gazetteer=gaz)[3]
    assert province is not None and province.geonameid == 9600003
