"""``actors_at`` and the token map: what the events stage reads for source and target."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.extract.actors import actors_at
from communique.parse.pipeline import make_doc

pytestmark = pytest.mark.slow


def _doc(nlp: Language, text: str) -> Doc:
    with nlp.select_pipes(disable=["communique_events", "communique_amounts",
                                   "communique_agreements"]):
        return nlp(make_doc(nlp, text, published=None))


def _codes(doc: Doc, ids: tuple[str, ...]) -> list[str | None]:
    by_id = {a.id: a for a in doc._.communique_actors}
    return [by_id[i].code for i in ids]


def _token(doc: Doc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc if t.text == word][nth]


@pytest.mark.parametrize(
    ("text", "word", "nth", "codes"),
    [
        ("Azerbaijan and Turkey signed a treaty.", "Azerbaijan", 0, ["AZE", "TUR"]),
        ("Egypt accused Ethiopia and Sudan of stalling.", "Ethiopia", 0, ["ETH", "SDN"]),
        ("Egypt accused Ethiopia and Sudan of stalling.", "Egypt", 0, ["EGY"]),
        ("India and Pakistan clashed again. The two countries traded blame.", "countries", 0,
         ["IND", "PAK"]),
        ("The Azerbaijani and Turkish governments signed a deal.", "governments", 0,
         ["AZEGOV", "TURGOV"]),
        ("Indian Foreign Minister S. Jaishankar met Chinese Foreign Minister Wang Yi.", "Yi",
         0, ["CHNGOV"]),
        ("The UN rejected the Croatian government's request.", "request", 0, ["HRVGOV"]),
        ("Ankara welcomed the decision.", "Ankara", 0, ["TURGOV"]),
        ("Kenyan President Uhuru Kenyatta hosted Somali President Hassan Sheikh Mohamud, "
         "and the two leaders signed three agreements.", "leaders", 0, ["KENGOV", "SOMGOV"]),
    ],
)
def test_actors_at_noun_phrase_heads(
    nlp: Language, text: str, word: str, nth: int, codes: list[str]
) -> None:
    doc = _doc(nlp, text)
    assert _codes(doc, actors_at(doc, doc[_token(doc, word, nth)])) == codes


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The talks covered military cooperation.", "cooperation"),
        ("The Azerbaijani-Turkish business forum was held in Ankara.", "forum"),
        ("The meeting took place in Belgrade, Serbia.", "Serbia"),
    ],
)
def test_actors_at_non_actors_are_empty(nlp: Language, text: str, word: str) -> None:
    doc = _doc(nlp, text)
    assert actors_at(doc, doc[_token(doc, word)]) == ()


def test_actors_token_map_covers_every_mention(nlp: Language) -> None:
    doc = _doc(nlp, "Iraqi Prime Minister Mohammed Shia al-Sudani met Turkish officials. "
                    "Sudani said Baghdad wanted calm.")
    table = doc._.communique_actor_tokens
    for actor in doc._.communique_actors:
        for start, end in actor.mentions:
            span = doc.char_span(start, end)
            assert span is not None
            assert all(actor.id in table[t.i] for t in span)
    # title and nationality words point at the person they describe
    person = next(a for a in doc._.communique_actors if a.kind == "person")
    assert person.id in table[_token(doc, "Minister")]
    assert person.id in table[_token(doc, "Iraqi")]
