"""The worked example of RECORDS.md: the events the sample article must (and must not) yield."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extract import places, times

_TIMES_LANDED = hasattr(times, "date_and_status")
_PLACES_LANDED = hasattr(places, "place_for_predicate")


def _events(doc: Any, root: str, pair: set[str]) -> list[Any]:
    country = {a.id: a.country for a in doc.actors}
    return [
        e
        for e in doc.events
        if e.cameo.startswith(root) and {country.get(e.source), country.get(e.target)} == pair
    ]


def _one(doc: Any, root: str, pair: set[str], **where: Any) -> Any:
    found = [
        e
        for e in _events(doc, root, pair)
        if all(
            (e.object or "").find(v) >= 0 if k == "object" else getattr(e, k) == v
            for k, v in where.items()
        )
    ]
    assert found, (
        f"no {root} event between {pair} with {where}: "
        f"{[(e.cameo, e.sentence[:40]) for e in doc.events]}"
    )
    return found[0]


@pytest.mark.parametrize(
    ("root", "pair", "where", "date", "status"),
    [
        ("04", {"AZE", "TUR"}, {}, "2021-10-11", "reported"),  # the ministers' meeting
        ("051", {"TUR", "AZE"}, {}, "2020", "background"),  # support during the 2020 war
        ("06", {"AZE", "TUR"}, {}, None, None),  # joint military drills
        ("057", {"AZE", "TUR"}, {"object": "Shusha Declaration"}, "2021-06-15", None),
        ("03", {"TUR", "AZE"}, {}, None, None),  # interest/readiness to join the restoration
    ],
)
def test_events_sample_must_have(
    sample_doc: Any,
    root: str,
    pair: set[str],
    where: dict[str, Any],
    date: str | None,
    status: str | None,
) -> None:
    ev = _one(sample_doc, root, pair, **where)
    assert ev.plover is not None and ev.evidence.startswith("lex:")
    if date is not None and _TIMES_LANDED:
        assert (ev.date.start or "").startswith(date)
    if status is not None and _TIMES_LANDED:
        assert ev.status == status


def test_events_sample_support_direction(sample_doc: Any) -> None:
    country = {a.id: a.country for a in sample_doc.actors}
    ev = _one(sample_doc, "051", {"TUR", "AZE"})
    assert (country[ev.source], country[ev.target]) == ("TUR", "AZE")


def test_events_sample_meeting_place(sample_doc: Any) -> None:
    if not _PLACES_LANDED:
        pytest.skip("places stage has not landed place_for_predicate yet")
    ev = _one(sample_doc, "04", {"AZE", "TUR"})
    place = sample_doc.place(ev.place)
    assert place is not None and place.name == "Belgrade"
    assert ev.cameo == "044"  # a meeting in a third country


def test_events_sample_signings(sample_doc: Any) -> None:
    signings = _events(sample_doc, "057", {"AZE", "TUR"})
    if not _TIMES_LANDED:
        assert len(signings) >= 2
        return
    dates = {e.date.start for e in signings}
    assert "2021-02-18" in dates  # eleven agreements in Ankara
    assert "2021-06-15" in dates  # Shusha Declaration
    assert any(
        (e.date.start or "").startswith("1992") and e.status == "background" for e in signings
    )


def test_events_sample_no_background_on_publication_day(sample_doc: Any) -> None:
    if not _TIMES_LANDED:
        pytest.skip("times stage has not landed date_and_status yet")
    assert not [
        e for e in sample_doc.events if e.status == "background" and e.date.start == "2021-10-11"
    ]


def test_events_sample_one_meeting_and_sentences_verbatim(sample_doc: Any) -> None:
    text = sample_doc.article.text
    assert len(_events(sample_doc, "04", {"AZE", "TUR"})) == 1  # "met", "meeting", "discussed"
    for ev in sample_doc.events:
        assert text[ev.span[0] : ev.span[1]] == ev.sentence
        assert ev.sentence == ev.sentence.strip()
        assert 0.0 < ev.confidence < 1.0
