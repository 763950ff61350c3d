"""Hypothesis round-trips: any document goes into DuckDB and comes back unchanged."""

from __future__ import annotations

import json
import math
from typing import Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

import communique
from communique.records import (
    Actor,
    Agreement,
    Amount,
    Article,
    DateRange,
    Document,
    Event,
    Place,
    TimeExpr,
)
from communique.store import flatten
from communique.store.schema import columns

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
opt_text = st.none() | text
iso3 = st.sampled_from(["AZE", "TUR", "SRB", "USA", "RUS", "UKR", "CHN", "IGO"])
days = st.dates(min_value=__import__("datetime").date(1990, 1, 1)).map(lambda d: d.isoformat())
spans = st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=3)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def date_ranges(draw: Any) -> DateRange:
    if draw(st.booleans()):
        return DateRange.unknown()
    start = draw(days)
    return DateRange(
        start=start,
        end=draw(st.none() | st.just(start)),
        precision=draw(st.sampled_from(["day", "month", "year", "range"])),
    )


@st.composite
def documents(draw: Any) -> Document:
    body = draw(st.text(min_size=1, max_size=200).filter(lambda s: s.strip()))
    actors = [
        Actor(
            id=f"A{i}",
            name=draw(text),
            kind=draw(st.sampled_from(["person", "country", "igo"])),
            country=draw(st.none() | iso3),
            role=draw(st.none() | st.sampled_from(["GOV", "MIL"])),
            title=draw(opt_text),
            code=draw(opt_text),
            mentions=draw(spans),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    ]
    places = [
        Place(
            id=f"P{i}",
            name=draw(text),
            country=draw(st.none() | iso3),
            feature=draw(st.none() | st.sampled_from(["city", "country"])),
            geonameid=draw(st.none() | st.integers(1, 2**40)),
            lat=draw(st.none() | finite),
            lon=draw(st.none() | finite),
            mentions=draw(spans),
        )
        for i in range(1, draw(st.integers(0, 2)) + 1)
    ]
    ids = [a.id for a in actors]
    events = [
        Event(
            id=f"E{i}",
            cameo=(c := draw(st.sampled_from(["040", "057", "0356", "190", "1124"]))),
            root=c[:2],
            plover=draw(st.none() | st.just("CONSULT")),
            quad=draw(st.integers(1, 4)),
            goldstein=draw(st.floats(-10, 10)),
            source=draw(st.none() | st.sampled_from(ids or [None])),
            target=draw(st.none() | st.sampled_from(ids or [None])),
            place=draw(st.none() | st.sampled_from([p.id for p in places] or [None])),
            object=draw(opt_text),
            date=draw(date_ranges()),
            status=draw(st.sampled_from(["reported", "background", "planned", "hypothetical"])),
            negated=draw(st.booleans()),
            sentence=draw(text),
            span=draw(st.tuples(st.integers(0, 99), st.integers(0, 99))),
            evidence=draw(text),
            confidence=draw(st.floats(0, 1)),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    ]
    amounts = [
        Amount(
            text=draw(text),
            span=(0, 1),
            value=draw(finite),
            value_max=draw(st.none() | finite),
            unit=draw(st.sampled_from(["USD", "people", "percent"])),
            measure=draw(opt_text),
            parties=draw(st.lists(iso3, max_size=2)),
            period=draw(st.none() | date_ranges()),
            kind=draw(st.sampled_from(["actual", "target", "forecast"])),
            claim_by=draw(opt_text),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    agreements = [
        Agreement(
            id=f"G{i}",
            name=draw(opt_text),
            kind="treaty",
            count=draw(st.none() | st.integers(1, 20)),
            parties=draw(st.lists(iso3, max_size=3)),
            signed=draw(st.none() | date_ranges()),
            place=None,
            topic=draw(opt_text),
            events=[e.id for e in events[:1]],
            mentions=draw(spans),
        )
        for i in range(1, draw(st.integers(0, 2)) + 1)
    ]
    article = Article(
        id=communique.ingest.article_id(body),
        source=draw(
            st.sampled_from(["https://www.example.org/a", "corpus/outlet/x.txt", "corpus.jsonl:7"])
        ),
        external_id=draw(opt_text),
        title=draw(opt_text),
        published=draw(st.none() | days),
        byline=draw(opt_text),
        text=body,
    )
    times = [TimeExpr(text="Monday", span=(0, 6), type="DATE", value="2021-10-11")]
    return Document(
        coder="hypothesis",
        article=article,
        actors=actors,
        places=places,
        times=times,
        events=events,
        amounts=amounts,
        agreements=agreements,
        warnings=draw(st.lists(text, max_size=2)),
    )


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0) or (math.isnan(a) and math.isnan(b))
    return bool(a == b)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_db_roundtrip_document_comes_back_equal(doc: Document) -> None:
    with communique.open("duckdb:///:memory:") as store:
        store.ingest_documents([doc])
        assert store.article(doc.article.id) == doc


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_db_roundtrip_every_flattened_row_is_stored_as_is(doc: Document) -> None:
    rows = flatten(doc)
    with communique.open("duckdb:///:memory:") as store:
        store.ingest_documents([doc])
        for table, expected in rows.items():
            if table == "events":  # resolved from mentions; one document -> one event each
                assert store.counts()["events"] == len(expected)
                continue
            names = [c for c, _ in columns(table)]
            key = names[0]
            cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY {key}")
            got = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
            want = sorted(expected, key=lambda r: r[key])
            assert len(got) == len(want)
            for g, w in zip(got, want, strict=True):
                for name in names:
                    value = g[name]
                    value = value.isoformat() if hasattr(value, "isoformat") else value
                    assert _same(value, w[name]), (table, name, value, w[name])


@settings(max_examples=20, deadline=None)
@given(doc=documents())
def test_db_roundtrip_json_columns_hold_the_record_lists(doc: Document) -> None:
    rows = flatten(doc)
    assert json.loads(rows["articles"][0]["warnings"]) == doc.warnings
    for row, actor in zip(rows["actors"], doc.actors, strict=True):
        assert [tuple(s) for s in json.loads(row["mentions"])] == list(actor.mentions)
    for row, amount in zip(rows["amounts"], doc.amounts, strict=True):
        assert json.loads(row["parties"]) == amount.parties
