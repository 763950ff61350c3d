"""amounts component (first version; deepened by its own issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["AmountsComponent"]


class AmountsComponent:
    """Writes ``Doc._.communique_amounts``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_amounts = []
        return doc


@Language.factory("communique_amounts_v1", assigns=["doc._.communique_amounts"])
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent()
