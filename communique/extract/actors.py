"""actors component (first version; deepened by its own issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ActorsComponent"]


class ActorsComponent:
    """Writes ``Doc._.communique_actors``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_actors = []
        return doc


@Language.factory("communique_actors_v1", assigns=["doc._.communique_actors"])
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent()
