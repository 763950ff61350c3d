"""A town's name found as a place once is that place again in the same article.

One sense per discourse: where an article has put a town or county on the map ("in Banbury",
"ELKTON, Md."), the same name elsewhere in it names the same place, also where the tagger
made an adjective of it or NER a person or group ("a vulnerable Banbury resident", "Elkton
police questioned her", "a Dalby native"). Only a town's or county's name, never a state's or
country's (those act: "Georgia said"), and only where its role is no actor's (``_place_roles``)
and it is no part of a person's, a street's or a longer name.

Written by hand: spaCy's NER labels each mention alone.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from ._place_roles import first_conjunct, role
from ._toponym_spans import (
    dateline,
    in_street_name,
    inside_longer_name,
    written_as_name,
)

__all__ = ["same_name_again"]

_ANCHOR_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "across",
                           "throughout", "around", "within"})


def same_name_again(
    doc: Doc,
    spans: list[Span],
    matches: list[tuple[int, int, bool]],
    *,
    is_state: Callable[[str], bool],
    people: set[str],
) -> list[Span]:
    """Gazetteer matches of a name ``spans`` already holds as a town, not overlapping them."""
    towns = {s.text.lower() for s in spans if not is_state(s.text) and _anchor(s, is_state)}
    if not towns:
        return []
    taken = {t.i for s in spans for t in s}
    out: list[Span] = []
    for start, end, _ in matches:
        span = Span(doc, start, end, label="GPE")
        if span.text.lower() not in towns or any(t.i in taken for t in span):
            continue
        if not written_as_name(span) or span.text in people or in_street_name(span):
            continue
        if start and doc[start - 1].text in people:
            continue  # "John T. Rhodes": the name ends a person's
        if "&" in (doc[start - 1].text if start else "", doc[end].text if end < len(doc) else ""):
            continue  # "Hale & Dorr": a firm's name
        if any(t.ent_type_ == "PERSON" for t in span) and _in_person(span):
            continue  # "Sharon Jones": the town's name is a first name here
        if inside_longer_name(span) or role(span) == "actor":
            continue
        out.append(span)
        taken.update(t.i for t in span)
    return out


def _anchor(span: Span, is_state: Callable[[str], bool]) -> bool:
    """A mention that is surely the place: after "in", "at", "near"..., a dateline in capitals
    or before a dash, or a town qualified by its state ("Elkton, Ga."); not one NER called
    a person ("the shooting of John Q. Bell"), nor a headline's first name before a comma
    ("Rhodes, Moss top Elmwood vote")."""
    if any(t.ent_type_ == "PERSON" for t in span):
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and dateline(span) and (span.text.isupper() or nxt.text != ","):
        return True
    if nxt is not None and nxt.text == "," and span.end + 1 < len(doc):
        return is_state(doc[span.end + 1].text)  # "Elkton, Ga.", not "Mason, Devon"
    root = first_conjunct(span.root)
    return root.dep_ == "pobj" and root.head.lower_ in _ANCHOR_PREPS


def _in_person(span: Span) -> bool:
    ent = next(e for e in span.doc.ents if e.start <= span.start < e.end)
    return ent.label_ == "PERSON" and len(ent) > len(span)
