"""The worked example of RECORDS.md on the real sample article (shared/samples), end to end."""

from __future__ import annotations

import math
from typing import Any

import pytest

from communique.records import Document, Event

pytestmark = pytest.mark.slow


def _countries(doc: Document, ev: Event) -> set[str | None]:
    return {
        getattr(doc.actor(ev.source), "country", None),
        getattr(doc.actor(ev.target), "country", None),
    }


def _events(doc: Document, root_prefix: str) -> list[Event]:
    return [e for e in doc.events if e.cameo.startswith(root_prefix)]


def test_sample_article_header(sample_doc: Any) -> None:
    assert sample_doc.article.published == "2021-10-11"
    assert sample_doc.article.byline == "Vugar Khalilov"


def test_sample_article_ministers(sample_doc: Any) -> None:
    by_name = {a.name: a for a in sample_doc.actors}
    bayramov = next(a for n, a in by_name.items() if n.endswith("Bayramov"))
    cavusoglu = next(a for n, a in by_name.items() if n.endswith("Cavusoglu"))
    assert (bayramov.country, bayramov.role, bayramov.kind) == ("AZE", "GOV", "person")
    assert (cavusoglu.country, cavusoglu.role, cavusoglu.kind) == ("TUR", "GOV", "person")
    assert not [
        a for a in sample_doc.actors if a.name in ("Azerbaijani", "Turkish") and a.kind == "person"
    ]


def test_sample_article_belgrade(sample_doc: Any) -> None:
    belgrade = next(p for p in sample_doc.places if p.name == "Belgrade")
    assert belgrade.country == "SRB"
    assert math.dist((belgrade.lat, belgrade.lon), (44.804, 20.465)) < 0.05
    assert not [p for p in sample_doc.places if p.name in ("Azerbaijani", "Turkish")]


def test_sample_article_meeting(sample_doc: Any) -> None:
    meetings = [
        e
        for e in _events(sample_doc, "04")
        if {"AZE", "TUR"} <= _countries(sample_doc, e) and e.status == "reported"
    ]
    assert meetings, sample_doc.events
    meeting = meetings[0]
    assert meeting.plover == "CONSULT"
    assert meeting.date.start == "2021-10-11"
    assert (
        sample_doc.place(meeting.place) is not None
        and sample_doc.place(meeting.place).name == "Belgrade"
    )


def test_sample_article_background_is_never_dated_publication(sample_doc: Any) -> None:
    assert not [
        e for e in sample_doc.events if e.status == "background" and e.date.start == "2021-10-11"
    ]


@pytest.mark.parametrize(
    ("value", "start", "end", "kind"),
    [
        (2.8e9, "2021-01-01", "2021-08-31", "actual"),
        (4.1e9, "2020-01-01", "2020-12-31", "actual"),
        (15e9, "2023-01-01", "2023-12-31", "target"),
    ],
)
def test_sample_article_trade_figures(
    sample_doc: Any, value: float, start: str, end: str, kind: str
) -> None:
    found = [
        a for a in sample_doc.amounts if a.unit == "USD" and abs(a.value - value) < value * 0.01
    ]
    assert found, sample_doc.amounts
    amount = found[0]
    assert set(amount.parties) == {"AZE", "TUR"}
    assert amount.kind == kind
    assert amount.period is not None and (amount.period.start, amount.period.end) == (start, end)


@pytest.mark.parametrize(
    ("start", "status"),
    [
        ("2020", "background"),
        ("1992", "background"),
        ("2021-02-18", "background"),
        ("2021-06-15", "background"),
    ],
)
def test_sample_article_dated_events(sample_doc: Any, start: str, status: str) -> None:
    assert [
        e
        for e in sample_doc.events
        if (e.date.start or "").startswith(start) and e.status == status
    ], [(e.cameo, e.date, e.status) for e in sample_doc.events]


def test_sample_article_agreements(sample_doc: Any) -> None:
    shusha = [g for g in sample_doc.agreements if g.name and "Shusha" in g.name]
    assert shusha and shusha[0].signed is not None and shusha[0].signed.start == "2021-06-15"
    eleven = [g for g in sample_doc.agreements if g.count == 11]
    assert eleven and eleven[0].signed is not None and eleven[0].signed.start == "2021-02-18"
    assert (
        sample_doc.place(eleven[0].place) is not None
        and sample_doc.place(eleven[0].place).name == "Ankara"
    )


def test_sample_article_drills_and_intent(sample_doc: Any) -> None:
    assert [e for e in _events(sample_doc, "06") if {"AZE", "TUR"} <= _countries(sample_doc, e)]
    assert [e for e in _events(sample_doc, "03") if "TUR" in _countries(sample_doc, e)]
