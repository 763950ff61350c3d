"""Agreement records from parsed sentences: name, kind, count, topic, parties, signing date,
merging of later mentions. Actors and times are set by hand on the Doc."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.extract.agreements import match
from communique.records import Actor, TimeExpr

_COUNTRIES = {"Azerbaijan": "AZE", "Turkey": "TUR", "Egypt": "EGY", "Russia": "RUS",
              "Georgia": "GEO", "Armenia": "ARM"}


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
    doc._.communique_events = []
    doc._.communique_places = []
    doc._.communique_place_tokens = {}
    doc._.communique_published = date(2021, 10, 11)
    return doc


@pytest.mark.parametrize(
    ("text", "name", "kind", "count", "topic"),
    [
        ("Eleven agreements were signed by Azerbaijan and Turkey.", None, "agreement", 11, None),
        ("Azerbaijan and Turkey signed the Shusha Declaration on allied relations.",
         "Shusha Declaration", "declaration", 1, "allied relations"),
        ("Russia and Armenia signed a memorandum of understanding on energy cooperation.",
         None, "memorandum", 1, "energy cooperation"),
        ("Armenia and Azerbaijan agreed to a ceasefire deal late on Saturday.", None,
         "ceasefire", 1, None),
        ("The rivals agreed to a cease-fire in the region.", None, "ceasefire", 1, None),
        ("Georgia and Turkey signed several accords on transport.", None, "accord", None,
         "transport"),
        ("Russia signed the Treaty on Comprehensive Strategic Partnership with Armenia.",
         "Treaty on Comprehensive Strategic Partnership", "treaty", 1, None),
    ],
)
def test_agreements_mention_fields(
    nlp: Language, text: str, name: str | None, kind: str, count: int | None, topic: str | None
) -> None:
    (agreement,) = match(_doc(nlp, text))
    assert (agreement.name, agreement.kind, agreement.count) == (name, kind, count)
    if topic is not None:
        assert agreement.topic == topic


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Eleven agreements were signed by Azerbaijan and Turkey.", ["AZE", "TUR"]),
        ("Turkey is eyeing an agreement with Egypt on maritime borders.", ["TUR", "EGY"]),
        ("An agreement was signed between Russia and Georgia.", ["RUS", "GEO"]),
    ],
)
def test_agreements_parties_named_by_text(nlp: Language, text: str, parties: list[str]) -> None:
    (agreement,) = match(_doc(nlp, text))
    assert agreement.parties == parties


def test_agreements_signed_only_when_day_known(nlp: Language) -> None:
    text = "On June 15, Azerbaijan and Turkey signed a declaration. In 1992 they signed a treaty."
    day, year = text.index("June 15"), text.index("1992")
    times = [
        TimeExpr(text="June 15", span=(day, day + 7), type="DATE", value="2021-06-15",
                 start="2021-06-15", end="2021-06-15"),
        TimeExpr(text="1992", span=(year, year + 4), type="DATE", value="1992",
                 start="1992-01-01", end="1992-12-31"),
    ]
    declaration, treaty = match(_doc(nlp, text, times=times))
    assert declaration.signed is not None and declaration.signed.start == "2021-06-15"
    assert treaty.signed is None


def test_agreements_later_mention_merged(nlp: Language) -> None:
    text = ("Eleven agreements were signed by Azerbaijan and Turkey. "
            "The agreements envisage closer trade.")
    (agreement,) = match(_doc(nlp, text))
    assert agreement.count == 11 and len(agreement.mentions) == 2
    assert text[slice(*agreement.mentions[1])] == "agreements"


@pytest.mark.parametrize("text", ["The two sides are in agreement with the plan.",
                                  "Officials will deal with the crisis."])
def test_agreements_not_an_agreement(nlp: Language, text: str) -> None:
    assert match(_doc(nlp, text)) == []
