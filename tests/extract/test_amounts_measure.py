"""Amounts on parsed sentences: counts, measures, kinds, parties and periods.

The earlier stages' outputs (actors, times) are set by hand on the Doc, so these tests
exercise the amounts logic alone.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.extract.amounts import match
from communique.records import Actor, TimeExpr

_COUNTRIES = {"Azerbaijan": "AZE", "Turkey": "TUR", "Kenya": "KEN", "China": "CHN",
              "Malaysia": "MYS", "Russia": "RUS"}


def _doc(nlp: Language, text: str, *, times: list[TimeExpr] = ()) -> Doc:  # type: ignore[assignment]
    doc = nlp(text)
    actors, tokens = [], {}
    for n, (name, iso) in enumerate(_COUNTRIES.items(), start=1):
        hits = [t.i for t in doc if t.text == name]
        if hits:
            actors.append(Actor(id=f"A{n}", name=name, kind="country", country=iso))
            tokens.update({i: (f"A{n}",) for i in hits})
    doc._.communique_actors = actors
    doc._.communique_actor_tokens = tokens
    doc._.communique_times = list(times)
    doc._.communique_published = date(2021, 10, 11)
    return doc


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "measure"),
    [
        ("Gunmen killed six other civilians near the border on Monday.", "six other civilians",
         6, "people", "killed"),
        ("The death toll rose to at least 63, officials said.", "at least 63", 63, "people",
         "killed"),
        ("More than 150 people were injured in the blast.", "More than 150 people", 150,
         "people", "injured"),
        ("The fighting displaced up to 10,000 civilians.", "up to 10,000 civilians", 10000,
         "people", "displaced"),
        ("Police arrested 45 protesters in the capital.", "45 protesters", 45, "people",
         "arrests"),
        ("The rebels are holding twelve hostages.", "twelve hostages", 12, "people",
         "hostages"),
        ("The militants kidnapped two hundred students.", "two hundred students", 200, "people",
         "hostages"),
        ("Russia exported 2,000 tonnes of wheat.", "2,000 tonnes", 2000, "tonnes", "exports"),
        ("Iran has a stockpile of 275 kilos of enriched uranium.", "275 kilos", 275, "kg",
         "stockpile"),
        ("Pyongyang has shipped at least 10,000 containers to Moscow.",
         "at least 10,000 containers", 10000, "containers", "shipments"),
    ],
)
def test_amounts_counts_people_and_things(
    nlp: Language, text: str, figure: str, value: float, unit: str, measure: str
) -> None:
    amounts = {a.text: a for a in match(_doc(nlp, text))}
    assert figure in amounts, amounts
    found = amounts[figure]
    assert (found.value, found.unit, found.measure) == (value, unit, measure)


@pytest.mark.parametrize(
    "text",
    ["Two ministers met for three hours.", "The 44-day war ended in 2020."],
)
def test_amounts_ignores_unexplained_counts(nlp: Language, text: str) -> None:
    assert match(_doc(nlp, text)) == []


@pytest.mark.parametrize(
    ("text", "measure", "kind", "parties"),
    [
        ("The trade turnover between Azerbaijan and Turkey amounted to $2.8 billion.",
         "trade_turnover", "actual", ["AZE", "TUR"]),
        ("Azerbaijan and Turkey set a goal to bring trade turnover to $15 billion.",
         "trade_target", "target", ["AZE", "TUR"]),
        ("China pledged to invest $1 trillion in new infrastructure.", "investment", "target",
         ["CHN"]),
        ("Analysts estimate the deal could be worth $20 billion.", "deal_value", "forecast", []),
        ("Malaysia received a $34 billion loan from China.", "loan", "actual",
         ["MYS", "CHN"]),
        ("Russia gave Kenya humanitarian aid worth €300 million.", "aid", "actual",
         ["RUS", "KEN"]),
    ],
)
def test_amounts_money_measure_kind_parties(
    nlp: Language, text: str, measure: str, kind: str, parties: list[str]
) -> None:
    (amount,) = match(_doc(nlp, text))
    assert (amount.measure, amount.kind) == (measure, kind)
    assert sorted(amount.parties) == sorted(parties)


def test_amounts_period_from_clause_time_expression(nlp: Language) -> None:
    text = "The trade turnover between Azerbaijan and Turkey amounted to $4.1 billion in 2020."
    start = text.index("2020")
    times = [TimeExpr(text="2020", span=(start, start + 4), type="DATE", value="2020",
                      start="2020-01-01", end="2020-12-31")]
    (amount,) = match(_doc(nlp, text, times=times))
    assert amount.period is not None
    assert (amount.period.start, amount.period.end, amount.period.precision) == (
        "2020-01-01", "2020-12-31", "year")


def test_amounts_claim_by_single_party(nlp: Language) -> None:
    text = "The army chief claimed his forces had killed 1,000 militants."
    (amount,) = match(_doc(nlp, text))
    assert amount.value == 1000 and amount.claim_by == "The army chief"
