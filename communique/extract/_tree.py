"""Distances in the dependency parse, shared by the extractors that attach one thing to another
(a time expression to its predicate, a measure cue to its figure)."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["path_to_root", "tree_distance"]

# Far enough that no caller's threshold accepts it.
APART = 99


def path_to_root(token: Token, *, limit: int = 50) -> list[Token]:
    """``token`` and its heads up to the sentence root (compared by index: spaCy makes a new
    Token object on every access, so identity never holds)."""
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < limit:
        path.append(path[-1].head)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency edges between two tokens of one sentence (``APART`` if apart)."""
    if a.sent.start != b.sent.start:
        return APART
    pa, pb = path_to_root(a), path_to_root(b)
    depth_b = {t.i: n for n, t in enumerate(pb)}
    for n, t in enumerate(pa):
        if t.i in depth_b:
            return n + depth_b[t.i]
    return APART
