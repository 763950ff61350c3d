"""Open lists of states: "other African countries", "many European nations", "21 countries in
Europe", "Western governments".

CODING.md splits named compound actors but not "unnamed or open lists ('its allies',
'like-minded countries')": such a list is one actor, of no single country (several countries
and none singled out: null). It is a party all the same ("donated supplies to various African
countries", "accusations by many European countries").
"""

from __future__ import annotations

from spacy.tokens import Token

from ._actor_lexmatch import ActorContext
from ._actor_types import ActorKey, Mention

__all__ = ["find_open_lists"]

_STATES = frozenset({"country", "nation", "state", "government", "ally", "neighbour", "neighbor"})
# Words that open a list of states rather than name a known set ("the two countries" is the
# article's dyad, resolved elsewhere).
_OPEN = frozenset({"other", "many", "various", "several", "some", "numerous", "most", "all",
                   "few", "dozens", "neighbouring", "neighboring", "western", "foreign",
                   "like-minded", "donor", "member", "allied", "friendly"})
_CLOSED = frozenset({"two", "both", "these", "those", "its", "their", "his", "her", "our"})


def _open_list(ctx: ActorContext, token: Token) -> int | None:
    """The first token of an open list headed by the plural ``token``, or None."""
    if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in _STATES:
        return None
    mods = [c for c in token.children if c.i < token.i and c.dep_ in (
        "amod", "nummod", "det", "compound", "predet", "quantmod", "poss")]
    if any(c.lower_ in _CLOSED for c in mods) or any(
        ctx.tag(k, "country", "demonym", "capital", "igo") for k in range(token.left_edge.i,
                                                                          token.i)
    ):
        return None  # "the two countries", "its allies", "Gulf Arab states" of a named set
    opening = [
        c for c in mods
        if c.lower_ in _OPEN or c.tag_ == "CD" or c.ent_type_ in ("NORP", "LOC")
    ]
    placed = any(
        p.dep_ == "prep" and p.lower_ == "in" and any(
            o.dep_ == "pobj" and o.ent_type_ in ("LOC", "GPE") for o in p.children
        )
        for p in token.children
    )
    if not opening and not placed:
        return None
    return min([token.i, *(c.left_edge.i for c in opening)])


def find_open_lists(ctx: ActorContext) -> list[Mention]:
    """One actor of no country per open list of states the text names."""
    out = []
    for token in ctx.doc:
        if token.i in ctx.used:
            continue
        start = _open_list(ctx, token)
        if start is None or ctx.used.intersection(range(start, token.i + 1)):
            continue
        written = ctx.doc[start : token.i + 1].text
        key = ActorKey(kind="group", name=written)
        out.append(Mention(start, token.i + 1, (key,), "open-list"))
        ctx.used.update(range(start, token.i + 1))
    return out
