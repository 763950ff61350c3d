"""places component (first version; deepened by its own issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PlacesComponent"]


class PlacesComponent:
    """Writes ``Doc._.communique_places``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_places = []
        return doc


@Language.factory("communique_places_v1", assigns=["doc._.communique_places"])
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
