"""agreements component (first version; deepened by its own issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["AgreementsComponent"]


class AgreementsComponent:
    """Writes ``Doc._.communique_agreements``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_agreements = []
        return doc


@Language.factory("communique_agreements_v1", assigns=["doc._.communique_agreements"])
def make_agreements(nlp: Language, name: str) -> AgreementsComponent:
    return AgreementsComponent()
