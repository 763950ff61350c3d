"""Other spellings of Arabic place names: the data file, the forms, the build and the lookup."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable

from communique.data import read_tsv, read_yaml
from communique.resolve._arabic import article_forms, without_article
from communique.resolve._candidates import candidates_for
from communique.resolve.gazetteer import SCHEMA, Gazetteer
from communique.resolve.gazetteer_build import _Writer


def test_arabic_articles_well_formed() -> None:
    data = read_yaml("gazetteer", "arabic_articles.yml")
    assert isinstance(data, dict) and isinstance(data["version"], int)
    _, rows = read_tsv("gazetteer", "countries.tsv")
    known = {r["iso3"] for r in rows}
    assert data["countries"] and len(set(data["countries"])) == len(data["countries"])
    assert set(data["countries"]) <= known
    articles = data["articles"]
    assert articles and len(set(articles)) == len(articles)
    assert all(re.fullmatch(r"[a-z]{2,3}", a) for a in articles)


def test_article_forms() -> None:
    assert article_forms("al qamishli") == {"qamishli"}
    assert article_forms("deir ez zor") == {"deir ezzor"}
    assert article_forms("ras al ayn") == {"ras alayn"}
    # the rest must be a name of its own
    assert article_forms("as sur") == set()
    assert article_forms("mosul") == set()


def test_without_article() -> None:
    assert without_article("al shadadi") == "shadadi"
    assert without_article("el arish") == "arish"
    assert without_article("aleppo") is None
    assert without_article("al bab") is None


def _gazetteer(rows: list[tuple[str, str, str]]) -> Gazetteer:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript(SCHEMA)
    w = _Writer(db)
    for i, (name, country, alt) in enumerate(rows, start=1):
        w.add(geonameid=i, name=name, feature="city", country=country, admin1=None,
              lat=30.0, lon=40.0, population=50_000, alternates=[alt] if alt else [])
    return Gazetteer(connection=db)


def test_build_adds_the_articles_other_forms_in_arabic_countries() -> None:
    gaz = _gazetteer([("Al Qāmishlī", "SYR", ""), ("Deir ez-Zor", "SYR", ""),
                      ("El Paso", "USA", ""), ("Al Maḩmūdīyah", "IRQ", "Mahmoudiyah")])
    assert [c.name for c in gaz.lookup("Qamishli")] == ["Al Qāmishlī"]
    assert [c.name for c in gaz.lookup("Deir Ezzor")] == ["Deir ez-Zor"]
    assert all(c.alt for c in gaz.lookup("Qamishli"))
    # not outside the Arabic-speaking countries: "El Paso" is no "Paso"
    assert gaz.lookup("Paso") == ()


def test_lookup_retries_without_a_leading_article(
    mini_gazetteer: Callable[[str], Gazetteer],
) -> None:
    gaz = mini_gazetteer(
        "geonameid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tpopulation\tcapital\tnames\n"
        "1\tShadadi\tcity\tSYR\tSY.08\t36.06\t40.73\t15000\t0\t\n"
        "2\tPaso\tcity\tESP\tES.51\t40.0\t-3.0\t2000\t0\t\n"
    )
    assert [c.name for c in candidates_for("Al-Shadadi", gaz)] == ["Shadadi"]
    # only places in Arabic-speaking countries
    assert candidates_for("El Paso", gaz) == ()
