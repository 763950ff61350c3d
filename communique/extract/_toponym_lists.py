"""Lists of places: "British Columbia, Alberta, Manitoba, Ontario and New Brunswick".

Three or more toponyms joined only by commas and "and"/"or" are one list, and a list names
places of one kind in one country as a rule; the resolver (``resolve.places``) gives a reading
that matches the other members' a bonus, so "Ontario" after three Canadian provinces is the
province, not the Californian city. Written by hand: the parse's coordination of proper names
is unreliable in long lists, the tokens between the names are not.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["list_groups"]

_JOINERS = frozenset({",", "and", "or", "&"})
_MIN_MEMBERS = 3


def list_groups(spans: list[Span]) -> dict[int, int]:
    """For spans in text order: span index -> list number, for the lists of three or more."""
    out: dict[int, int] = {}
    run: list[int] = []
    number = 0

    def close() -> None:
        nonlocal number
        if len(run) >= _MIN_MEMBERS:
            number += 1
            out.update({i: number for i in run})

    for i, span in enumerate(spans):
        if run:
            prev = spans[run[-1]]
            between = span.doc[prev.end : span.start]
            if len(between) and all(t.lower_ in _JOINERS for t in between):
                run.append(i)
                continue
            close()
        run = [i]
    if run:
        close()
    return out
