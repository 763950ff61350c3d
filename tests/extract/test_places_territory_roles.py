"""A name is a territory, not an acting state, where the sentence is about the territory (issue 4).

Sentences written for these tests; each rule of ``_place_roles`` that reads a territory use
has its cases here, with the party uses that must stay actors.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from communique.parse.pipeline import make_doc

pytestmark = pytest.mark.slow


def _places(nlp: Language, text: str) -> set[str]:
    doc = nlp(make_doc(nlp, text, published=date(2024, 5, 2)))
    return {p.name for p in doc._.communique_places}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a tally after a count verb: a bare figure, a counted noun, a figure in a complement
        ("Latvia reported four cases, while Estonia reported two.", {"Estonia"}),
        ("Uruguay has confirmed 14 incidents so far.", {"Uruguay"}),
        ("Ecuador reported having 310 cases of measles last year.", {"Ecuador"}),
        ("Hunan has reported three children dead from the fever and 1,200 cases.", {"Hunan"}),
        ("Norway now has nine confirmed cases of the disease.", {"Norway"}),
        # a ranking among territories
        ("Oregon reported the largest increase in jobless claims.", {"Oregon"}),
        ("Last year, Nevada had the highest jobless rate in the nation.", {"Nevada"}),
        # the territory an office serves, after "for"
        ("Maria Lopez, the U.N. humanitarian coordinator for Chad, visited the camps.", {"Chad"}),
        ("The case was argued by John Reed, assistant district attorney for Marion County.",
         {"Marion County"}),
        ("The burn ban issued for Polk County was lifted on Monday.", {"Polk County"}),
        # the town a local office serves, after "of"
        ("The mayor of Tulsa, Jane Doe, opened the bridge.", {"Tulsa"}),
        ("She received an award from the High Sheriff of Norfolk.", {"Norfolk"}),
        # "between" on a path or movement, "other than", "except", a list after "among them"
        ("The movement of cattle between Kenya and Uganda was halted.", {"Kenya", "Uganda"}),
        ("No spread has been seen other than Peru, the agency said.", {"Peru"}),
        ("The strain is present in other provinces than Limpopo.", {"Limpopo"}),
        ("Schools reopened in all states except Sabah and Sarawak.", {"Sabah", "Sarawak"}),
        ("Several countries, among them Brazil, Chile and Peru, have cases.",
         {"Brazil", "Chile", "Peru"}),
        # the object of a verb of force or movement
        ("Rebels stormed Maiduguri at dawn.", {"Maiduguri"}),
        # the name a class noun is given
        ("Other towns affected by the storm are Tarbes and Pau.", {"Tarbes"}),
        ("Fish died in a town called Viborg on Monday.", {"Viborg"}),
        # the possessor of its land, its infrastructure or a landmark in it
        ("Fires burned across Mongolia's barren steppes.", {"Mongolia"}),
        ("The loans helped rebuild Honduras's infrastructure.", {"Honduras"}),
        ("The show moves to Dayton's Schuster Gallery next month.", {"Dayton"}),
        # a small town "-based", in apposition to a street or a class noun, before its ward
        ("The Zugdidi-based brigade took part in the drills.", {"Zugdidi"}),
        ("The sessions are held at a hall in Mill Lane, Banbury.", {"Banbury"}),
        ("Chiswick ward councillor Mary Stone said the bins were full.", {"Chiswick"}),
        # what a territory is made to be in a small clause
        ("The outbreak makes Latvia the tenth country to report the strain.", {"Latvia"}),
        # datelines: after a byline's date, with the Windows-1252 dash, or in small letters
        # before a dash after the headline
        ("Road to close. By Jane Roe Staff Writer June 2, 2011 LIMA -- City officials said the "
         "road would close.", {"LIMA"}),
        ("Barn burns. SPARTA \x97 Firefighters battled the blaze on Monday.", {"SPARTA"}),
        ("Man hurt in crash. Greenwood \u2014 A man was hurt on Monday.", {"Greenwood"}),
    ],
)
def test_territory_uses_are_places(nlp: Language, text: str, places: set[str]) -> None:
    names = _places(nlp, text)
    assert places <= names, names


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        ("Peru reported that the envoy had left.", {"Peru"}),
        ("Ghana has said it would send troops.", {"Ghana"}),
        ("Egypt has a blockade on the crossing.", {"Egypt"}),
        ("A spokesman for Israel denied the report.", {"Israel"}),
        ("The government of Chad said it would accept the monitors.", {"Chad"}),
        ("Talks between Peru and Chile resumed on Monday.", {"Peru", "Chile"}),
        ("Iran is a greater threat than Russia, he said.", {"Russia"}),
    ],
)
def test_party_uses_stay_actors(nlp: Language, text: str, not_places: set[str]) -> None:
    names = _places(nlp, text)
    assert not names & not_places, names


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        # a motion's destination, whatever NER made of the name
        ("The family took a trip to Cancun last spring.", "Cancun", True),
        ("The fire may have spread to Dalby in Queensland.", "Dalby", True),
        ("They kept talking to Hamas for weeks.", "Hamas", False),
        # "such as" after a class of places, not of people
        ("Work was done in counties such as Peoria and Tazewell.", "Peoria", True),
        ("He taught that leaders such as Jesus were prophets.", "Jesus", False),
    ],
)
def test_place_ner_took_for_a_person(nlp: Language, text: str, name: str, found: bool) -> None:
    # the entity is set by hand: the model's label varies
    from spacy.tokens import Span

    doc = nlp(make_doc(nlp, text, published=date(2024, 5, 2)))
    k = next(t.i for t in doc if t.text == name)
    doc.ents = [Span(doc, k, k + 1, label="PERSON")]
    got = {f.span.text for f in nlp.get_pipe("communique_places").match(doc)}
    assert (name in got) == found, got


@pytest.mark.parametrize(
    ("text", "name", "label", "found"),
    [
        # a town on the map once is that town again, whatever NER made of the later mention
        ("A fire broke out in Banbury on Monday. A Banbury resident called the police.",
         "Banbury", "NORP", True),
        ("Flooding hit Grovetown, Ga., on Monday. Grovetown police closed two roads.",
         "Grovetown", "NORP", True),
        # no anchor: a name after "of" is no sure place
        ("The death of Bell was ruled an accident. The Bell family sued.", "Bell", "NORP",
         False),
    ],
)
def test_town_named_again_in_the_article(
    nlp: Language, text: str, name: str, label: str, found: bool
) -> None:
    from spacy.tokens import Span

    doc = nlp(make_doc(nlp, text, published=date(2024, 5, 2)))
    last = [t.i for t in doc if t.text == name][-1]
    doc.ents = [Span(doc, last, last + 1, label=label)]
    got = {f.span.start for f in nlp.get_pipe("communique_places").match(doc)}
    assert (last in got) == found, got


def test_town_ner_took_for_an_organisation_as_subject_of_be(nlp: Language) -> None:
    from spacy.tokens import Span

    doc = nlp(make_doc(nlp, "Oak Glen is about 30 miles north of Peoria.",
                       published=date(2024, 5, 2)))
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    got = {f.span.text for f in nlp.get_pipe("communique_places").match(doc)}
    assert "Oak Glen" in got, got
