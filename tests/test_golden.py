"""Golden tests: short realistic articles written for this suite, each with must-have and
must-not-have records (``tests/golden/<id>.txt`` + ``<id>.expect.json``).

An expectation is a partial record: every key it gives must hold of one record of the output
(``must``) or of none (``must_not``). Keys: actors ``name kind country role``; places ``name
country near=[lat, lon]`` (within 25 km); events ``root cameo (prefix) countries (set of ISO3 or
IGO of source and target) status date (prefix of date.start) place (name)``; amounts ``value
(within 1%) unit kind measure period (prefix of period.start) parties (set)``; agreements ``kind
count parties (set) name``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.records import Document

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def _token(doc: Document, actor_id: str | None) -> str | None:
    actor = doc.actor(actor_id)
    if actor is None:
        return None
    return "IGO" if actor.kind == "igo" and not actor.country else actor.country


def _holds(kind: str, record: Any, want: dict[str, Any], doc: Document) -> bool:
    for key, value in want.items():
        if kind == "events" and key == "countries":
            got = {_token(doc, record.source), _token(doc, record.target)} - {None}
            if got != set(value):
                return False
        elif kind == "events" and key == "date":
            if not (record.date.start or "").startswith(value):
                return False
        elif kind == "events" and key == "cameo":
            if not record.cameo.startswith(value):
                return False
        elif key == "place":
            place = doc.place(record.place)
            if place is None or place.name != value:
                return False
        elif key == "near":
            if record.lat is None or _km((record.lat, record.lon), tuple(value)) > 25:
                return False
        elif key == "value":
            if abs(record.value - value) > abs(value) * 0.01:
                return False
        elif key == "period":
            if record.period is None or not (record.period.start or "").startswith(value):
                return False
        elif key == "parties":
            if set(record.parties) != set(value):
                return False
        elif key == "name":
            if (record.name or "").lower() != value.lower():
                return False
        elif getattr(record, key) != value:
            return False
    return True


@pytest.fixture(scope="module")
def outputs(nlp: Any) -> dict[str, Document]:
    return {
        case: communique.extract((GOLDEN / f"{case}.txt").read_text("utf-8"), source=case, nlp=nlp)
        for case in CASES
    }


def _expectations(polarity: str) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for case in CASES:
        spec = json.loads((GOLDEN / f"{case}.expect.json").read_text("utf-8"))
        for kind, wants in spec.get(polarity, {}).items():
            out.extend((case, kind, want) for want in wants)
    return out


@pytest.mark.parametrize(("case", "kind", "want"), _expectations("must"))
def test_golden_must_have(
    outputs: dict[str, Document], case: str, kind: str, want: dict[str, Any]
) -> None:
    doc = outputs[case]
    records = getattr(doc, kind)
    assert any(_holds(kind, r, want, doc) for r in records), (
        f"{case}: no {kind[:-1]} matching {want}; got " + json.dumps(doc.to_dict()[kind])[:1500]
    )


@pytest.mark.parametrize(("case", "kind", "want"), _expectations("must_not"))
def test_golden_must_not_have(
    outputs: dict[str, Document], case: str, kind: str, want: dict[str, Any]
) -> None:
    doc = outputs[case]
    bad = [r for r in getattr(doc, kind) if _holds(kind, r, want, doc)]
    assert not bad, f"{case}: unwanted {kind}: {bad}"
