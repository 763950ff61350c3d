"""Co-location: which readings of an article's names lie together.

Local news names a town and its county, or a few neighbouring towns, and nothing more:
"Paris" and "Henry County" are each ambiguous, but only in Tennessee is there a Paris inside a
Henry County. For every local candidate (town, county, division) this counts the article's
other names that have some candidate beside it: a town or county within a short distance,
or the division it lies in. The resolver adds a bonus by that share, so readings that fit
together win over each name's most populous reading (Paris, France) when nothing else in the
article speaks for the latter.

Written by hand: the geoparsers that do this (Mordecai, CLAVIN) need a search server.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .gazetteer import Candidate

__all__ = ["colocation", "km"]

_LOCAL = ("city", "admin2")
# Towns and counties this close lie together (a county seat is rarely 40 km from the
# county's middle; two towns of one story seldom further apart).
_NEAR_KM = 40.0
# A name with more readings than this says too little about where each lies ("Springfield").
_MAX_READINGS = 40


def km(a: Candidate, b: Candidate) -> float:
    """Great-circle distance between two located candidates (haversine)."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def _beside(c: Candidate, d: Candidate) -> bool:
    if c.feature == "admin1":
        return d.feature in _LOCAL and d.admin1 == c.admin1
    if d.feature == "admin1":
        return False  # a division named is the resolver's own bonus already
    if c.lat is None or d.lat is None or abs(c.lat - d.lat) > 1.0:
        return False
    return km(c, d) <= _NEAR_KM


def colocation(
    names: Sequence[str], cands: Sequence[Sequence[Candidate]]
) -> list[dict[int, float]]:
    """For each toponym, the share of the article's other names that lie beside each of its
    local candidates (keyed by the candidate's position in its list).

    Args:
        names: every toponym's key, in text order (repeated names count once).
        cands: every toponym's candidates, in the same order.
    """
    readings: dict[str, list[Candidate]] = {}
    for name, cs in zip(names, cands, strict=True):
        local = [c for c in cs if c.feature in (*_LOCAL, "admin1")]
        if local and len(local) <= _MAX_READINGS:
            readings.setdefault(name, local)
    out: list[dict[int, float]] = []
    memo: dict[str, dict[int, float]] = {}
    for name, cs in zip(names, cands, strict=True):
        if name not in memo:
            others = [r for n, r in readings.items() if n != name]
            shares: dict[int, float] = {}
            if others:
                for i, c in enumerate(cs):
                    if c.feature not in (*_LOCAL, "admin1"):
                        continue
                    hits = sum(1 for r in others if any(_beside(c, d) for d in r))
                    if hits:
                        shares[i] = hits / len(others)
            memo[name] = shares
        out.append(memo[name])
    return out
