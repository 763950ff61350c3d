"""Three or more toponyms joined by commas and "and"/"or" are one list."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from communique.extract._toponym_lists import list_groups


def _spans(nlp: Language, text: str, names: list[str]) -> list[Span]:
    doc = nlp.make_doc(text)
    out = []
    for name in names:
        start = text.index(name)
        span = doc.char_span(start, start + len(name))
        assert span is not None
        out.append(span)
    return out


def test_list_of_three_or_more(nlp: Language) -> None:
    text = "Cases rose in Alberta, Manitoba, Ontario and Quebec, and fell in Texas and Ohio."
    spans = _spans(nlp, text, ["Alberta", "Manitoba", "Ontario", "Quebec", "Texas", "Ohio"])
    groups = list_groups(spans)
    assert {groups[i] for i in range(4)} == {1}
    # two names are no list of the kind (and "Paris, Texas" is a qualifier, not a list)
    assert 4 not in groups and 5 not in groups


def test_other_words_break_a_list(nlp: Language) -> None:
    text = "Troops left Gori, entered Tbilisi, and Batumi stayed calm."
    spans = _spans(nlp, text, ["Gori", "Tbilisi", "Batumi"])
    assert list_groups(spans) == {}
