"""PhraseIndex: the longest lexicon phrase ending at a token, as written, lemmatised or singular."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.extract._actor_lexmatch import PhraseIndex, token_forms

_PHRASES = {
    "foreign minister": "GOV",
    "minister": "GOV",
    "deputy foreign minister": "GOV",
    "secretary-general": "IGO",
    "special forces": "MIL",
    "president": "GOV",
}


@pytest.fixture(scope="module")
def index() -> PhraseIndex:
    return PhraseIndex(_PHRASES)


def _at(nlp: Language, index: PhraseIndex, text: str, word: str) -> tuple[str, str] | None:
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    got = index.ending_at(doc, i)
    return None if got is None else (doc[got[0] : i + 1].text, got[1])


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Deputy Foreign Minister spoke.", "Minister",
         ("Deputy Foreign Minister", "deputy foreign minister")),
        ("The Foreign Minister spoke.", "Minister", ("Foreign Minister", "foreign minister")),
        ("Its Prime Minister spoke.", "Minister", ("Minister", "minister")),
        ("The U.N. Secretary-General spoke.", "General",
         ("Secretary-General", "secretary-general")),
        ("Iraqi Special Forces moved in.", "Forces", ("Special Forces", "special forces")),
        ("Two Presidents met.", "Presidents", ("Presidents", "president")),
        ("Both ministers met.", "ministers", ("ministers", "minister")),
        ("The talks ended.", "talks", None),
    ],
)
def test_phrase_index_longest_phrase(
    nlp: Language, index: PhraseIndex, text: str, word: str, expected: tuple[str, str] | None
) -> None:
    assert _at(nlp, index, text, word) == expected


def test_phrase_index_no_phrase_across_glued_tokens(nlp: Language, index: PhraseIndex) -> None:
    # "foreign/minister" is no "foreign minister": the slash glues the words without a space.
    assert _at(nlp, index, "a foreign/minister post", "minister") == ("minister", "minister")


def test_token_forms_kept_per_doc(nlp: Language) -> None:
    doc = nlp("The Presidents met.")
    forms = token_forms(doc)
    assert forms is token_forms(doc)
    assert forms.tails[1][0] == "presidents" and "president" in forms.tails[1]
    assert forms.lower_ws[0] == "the " and forms.glued[-2] is True
