"""One-word place names the NER took for people: places in a place context, people otherwise."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import communique
from communique.extract._actor_placenames import is_big_place, mislabelled_place, place_context
from communique.resolve.gazetteer import Candidate


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str],
            pos: list[str]) -> Doc:
    # a hand-built parse, so the rule is tested apart from the statistical parser
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=[w.lower().removesuffix("ed") for w in words])


def _city(population: int, *, alt: bool = False, feature: str = "city") -> Candidate:
    return Candidate(geonameid=1, name="X", feature=feature, country="UKR", admin1=None,
                     lat=0.0, lon=0.0, population=population, alt=alt)


@pytest.mark.parametrize(
    ("candidates", "big"),
    [
        ([_city(450_000)], True),
        ([_city(0, feature="admin1", alt=True)], True),  # "Kherson" for Kherson Oblast
        ([_city(9_000_000, feature="country")], True),
        ([_city(40_000)], False),  # a small town's name is too often also a surname
        ([_city(180_000, alt=True)], False),  # another name of a city ("Hamas" for Hamm)
        ([_city(120_000, feature="admin2", alt=True)], False),  # a county's short name
        ([], False),
    ],
)
def test_actor_placenames_big_place(candidates: list[Candidate], big: bool) -> None:
    assert is_big_place(candidates) is big


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "name", "place"),
    [
        # "Militia fighters shelled Dorvan": the object of a verb of force
        (["Fighters", "shelled", "Dorvan"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
         ["NOUN", "VERB", "PROPN"], 2, True),
        # "Soldiers retreated from Dorvan": a preposition after a verb of movement
        (["Soldiers", "retreated", "from", "Dorvan"], [1, 1, 1, 2],
         ["nsubj", "ROOT", "prep", "pobj"], ["NOUN", "VERB", "ADP", "PROPN"], 3, True),
        # "Talks resumed in Dorvan": a locative preposition
        (["Talks", "resumed", "in", "Dorvan"], [1, 1, 1, 2],
         ["nsubj", "ROOT", "prep", "pobj"], ["NOUN", "VERB", "ADP", "PROPN"], 3, True),
        # "a letter from Dorvan": "from" after no word of movement names the sender
        (["a", "letter", "from", "Dorvan"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
         ["DET", "NOUN", "ADP", "PROPN"], 3, False),
        # "Dorvan said": a speaker is a person
        (["Dorvan", "said"], [1, 1], ["nsubj", "ROOT"], ["PROPN", "VERB"], 0, False),
        # "officials praised Dorvan": an object of no force or movement
        (["Officials", "praised", "Dorvan"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
         ["NOUN", "VERB", "PROPN"], 2, False),
    ],
)
def test_actor_placenames_context(
    blank_nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str],
    name: int, place: bool,
) -> None:
    doc = _parsed(blank_nlp, words, heads, deps, pos)
    assert place_context(doc[name]) is place
    assert mislabelled_place(doc[name : name + 1], lambda _: "UKR") is place
    assert not mislabelled_place(doc[name : name + 1], lambda _: None)  # no known place


def test_actor_placenames_two_words_are_a_name(blank_nlp: Language) -> None:
    doc = _parsed(blank_nlp, ["Fighters", "shelled", "Ivan", "Dorvan"], [1, 1, 3, 1],
                  ["nsubj", "ROOT", "compound", "dobj"], ["NOUN", "VERB", "PROPN", "PROPN"])
    assert not mislabelled_place(doc[2:4], lambda _: "UKR")


def _people(nlp: Language, text: str) -> list[str]:
    doc = communique.extract(text, published="2024-05-02", nlp=nlp)
    return [a.name for a in doc.actors if a.kind in ("person", "organization")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Troops withdrew from Kherson on Friday.",
        "Ukrainian forces retook Kherson.",
        "Israeli jets struck Rafah again.",
        "The rebels captured Luhansk and Mariupol.",  # taken for organisations
    ],
)
def test_actor_placenames_no_person_nor_organisation_in_pipeline(nlp: Language, text: str) -> None:
    assert _people(nlp, text) == []


@pytest.mark.slow
def test_actor_placenames_named_person_stays(nlp: Language) -> None:
    # a surname that is also a city, introduced by a full name, stays the person
    text = "Senator Mark Houston met the mayor. Rebels later attacked Houston's convoy."
    assert "Mark Houston" in _people(nlp, text)
