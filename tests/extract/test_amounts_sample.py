"""The sample article (shared/samples/000_...): its amounts and agreements end to end.

Period and signing-date checks need the times stage, and the Ankara place the places stage;
they skip with a reason while those stages produce nothing for the article.
"""

from __future__ import annotations

import pytest

from communique.records import Agreement, Amount, Document


def _amount(doc: Document, value: float) -> Amount:
    found = [a for a in doc.amounts if a.unit == "USD" and a.value == pytest.approx(value)]
    assert len(found) == 1, doc.amounts
    return found[0]


def _needs_times(doc: Document) -> None:
    if not doc.times:
        pytest.skip("the times stage produced no time expressions for the sample")


@pytest.mark.parametrize(
    ("value", "measures", "kind"),
    [(2.8e9, {"trade_turnover"}, "actual"), (4.1e9, {"trade_turnover"}, "actual"),
     (15e9, {"trade_target", "trade_turnover"}, "target")],
)
def test_amounts_sample_trade_figures(
    sample_doc: Document, value: float, measures: set[str], kind: str
) -> None:
    amount = _amount(sample_doc, value)
    assert amount.measure in measures and amount.kind == kind
    assert sorted(amount.parties) == ["AZE", "TUR"]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [(2.8e9, "2021-01-01", "2021-08-31"), (4.1e9, "2020-01-01", "2020-12-31"),
     (15e9, "2023-01-01", "2023-12-31")],
)
def test_amounts_sample_periods(sample_doc: Document, value: float, start: str, end: str) -> None:
    _needs_times(sample_doc)
    period = _amount(sample_doc, value).period
    assert period is not None and (period.start, period.end) == (start, end)


def _agreement(doc: Document, **fields: object) -> Agreement:
    found = [g for g in doc.agreements if all(getattr(g, k) == v for k, v in fields.items())]
    assert len(found) == 1, doc.agreements
    return found[0]


def test_agreements_sample_shusha_declaration(sample_doc: Document) -> None:
    g = _agreement(sample_doc, name="Shusha Declaration")
    assert (g.kind, g.count, g.topic) == ("declaration", 1, "allied relations")
    assert sorted(g.parties) == ["AZE", "TUR"]
    _needs_times(sample_doc)
    assert g.signed is not None and g.signed.start == "2021-06-15"


def test_agreements_sample_eleven_ankara_agreements(sample_doc: Document) -> None:
    g = _agreement(sample_doc, count=11)
    assert g.kind == "agreement" and len(g.mentions) == 2  # "The agreements" merged
    ankara = [p.id for p in sample_doc.places if p.name == "Ankara"]
    if ankara:
        assert g.place == ankara[0]
    _needs_times(sample_doc)
    assert g.signed is not None and g.signed.start == "2021-02-18"


def test_agreements_sample_1992_military_agreement(sample_doc: Document) -> None:
    g = _agreement(sample_doc, topic="military education and weapon equipment")
    assert g.kind == "agreement" and g.count == 1 and g.signed is None
    assert sorted(g.parties) == ["AZE", "TUR"]
