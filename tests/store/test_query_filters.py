"""Query filters of ``Store.events`` and friends on a small hand-built store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from storedocs import two_outlets

import communique
from communique.store import Store


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with communique.open("duckdb:///:memory:") as st:
        st.ingest_documents(two_outlets())
        yield st


@pytest.mark.parametrize(
    "filters,countries",
    [
        ({}, [("SRB", "HUN"), ("AZE", "TUR")]),
        ({"dyad": "TUR,AZE"}, [("AZE", "TUR")]),
        ({"dyad": ["HUN", "SRB"]}, [("SRB", "HUN")]),
        ({"country": "hun"}, [("SRB", "HUN")]),
        ({"actor": "bayramov"}, [("AZE", "TUR")]),
        ({"actor": "SRBGOV"}, [("SRB", "HUN")]),
        ({"since": "2021-10-12"}, [("SRB", "HUN")]),
        ({"until": "2021-10-11"}, [("AZE", "TUR")]),
        ({"root": "04"}, [("SRB", "HUN"), ("AZE", "TUR")]),
        ({"root": ["19"]}, []),
        ({"cameo": "043"}, [("AZE", "TUR")]),
        ({"cameo": "04,05"}, [("SRB", "HUN"), ("AZE", "TUR")]),
        ({"plover": "CONSULT", "status": "reported"}, [("SRB", "HUN"), ("AZE", "TUR")]),
        ({"status": "planned"}, []),
        ({"place": "belgr"}, [("AZE", "TUR")]),
        ({"place": "SRB"}, [("AZE", "TUR")]),
        ({"min_sources": 2}, [("AZE", "TUR")]),
        ({"limit": 1}, [("SRB", "HUN")]),
    ],
)
def test_query_filters_events(store: Store, filters: dict, countries: list) -> None:
    frame = store.events(**filters)
    assert list(zip(frame.source_country, frame.target_country, strict=True)) == countries


def test_query_filters_bad_dyad_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="two country codes"):
        store.events(dyad="AZE")


@pytest.mark.parametrize(
    "directed,pairs",
    [(False, [("AZE", "TUR"), ("HUN", "SRB")]), (True, [("AZE", "TUR"), ("SRB", "HUN")])],
)
def test_query_filters_dyads(store: Store, directed: bool, pairs: list) -> None:
    frame = store.dyads(directed=directed)
    assert list(zip(frame.country_a, frame.country_b, strict=True)) == pairs
    assert frame.verbal_coop.tolist() == [1, 1]
    assert frame.month.tolist() == ["2021-10", "2021-10"]
    assert frame.mentions.tolist() == [2, 1]


def test_query_filters_articles_and_article(store: Store) -> None:
    frame = store.articles(outlet="bosphorus-daily.example")
    assert len(frame) == 1 and "text" not in frame.columns
    doc = store.article(frame.article_id.iloc[0])
    assert doc is not None and doc.article.text and "Cavusoglu" in doc.article.text
    assert store.article("0000000000000000") is None
