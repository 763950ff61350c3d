"""times component (first version; deepened by its own issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["TimesComponent"]


class TimesComponent:
    """Writes ``Doc._.communique_times``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_times = []
        return doc


@Language.factory("communique_times_v1", assigns=["doc._.communique_times"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()
