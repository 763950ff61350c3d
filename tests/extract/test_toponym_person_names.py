"""Words of people's names, which are never places in the article: the name part only."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from communique.extract._toponym_spans import person_names


def _names(nlp: Language, text: str, spans: list[tuple[int, int]]) -> set[str]:
    doc = nlp(text)
    doc.ents = [Span(doc, a, b, label="PERSON") for a, b in spans]
    return person_names(doc)


def test_person_names_whole_short_name(blank_nlp: Language) -> None:
    assert _names(blank_nlp, "Mayor Ellen Brandt spoke.", [(1, 3)]) == {"Ellen", "Brandt"}


def test_person_names_skip_the_title_ner_swallowed(blank_nlp: Language) -> None:
    # "Fairview County Prosecutor Dana Welk": the town before the title is no one's name
    text = "according to Fairview County Prosecutor Dana Welk today"
    assert _names(blank_nlp, text, [(2, 7)]) == {"Dana", "Welk"}


def test_person_names_stop_at_punctuation(blank_nlp: Language) -> None:
    # "Tom Okafor, R-Elmwood": a legislator's district after the comma
    text = "Sen. Tom Okafor , R - Elmwood voted"
    assert _names(blank_nlp, text, [(1, 7)]) == {"Tom", "Okafor"}


def test_person_names_not_from_a_place_named_like_a_person(blank_nlp: Language) -> None:
    # "Greer Station": NER's person that ends in a place's word
    assert _names(blank_nlp, "near Greer Station yesterday", [(1, 3)]) == set()


def test_person_names_not_from_a_person_holding_a_class_noun(blank_nlp: Language) -> None:
    # "the Children's Village Tambura": NER's person made of a village and a town
    assert _names(blank_nlp, "at the Village Tambura school", [(2, 4)]) == set()


def test_person_names_need_two_words_before_punctuation(blank_nlp: Language) -> None:
    # "Peru-Chile talks" taken for a person: one word before the hyphen names nobody
    assert _names(blank_nlp, "Peru - Chile talks resumed", [(0, 3)]) == set()


def test_person_names_leave_out_abbreviations(blank_nlp: Language) -> None:
    # "Fresno, Calif. Olson said": NER's person swallowed the state's abbreviation
    assert _names(blank_nlp, "in Fresno , Calif. Olson said", [(3, 5)]) == {"Olson"}
    assert _names(blank_nlp, "J. Olson said", [(0, 2)]) == {"J.", "Olson"}
