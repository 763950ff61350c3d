"""events component (first version; deepened by its own issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["EventsComponent"]


class EventsComponent:
    """Writes ``Doc._.communique_events``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.communique_events = []
        return doc


@Language.factory("communique_events_v1", assigns=["doc._.communique_events"])
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()
