"""Toponym resolution: choose, for every toponym of an article, the gazetteer entry it denotes.

Each name's candidates are scored by a prior (feature class, population, canonical or alternate
name) and then by the article's own context, in two passes:

1. prior only, to learn which countries and first-level divisions the article is about;
2. prior + context: the candidate's country among the countries named or implied by the first
   pass, its division among the divisions named (or among its country's other divisions),
   the dateline's country, the article's other names that have a reading beside it
   (``_colocation``: Paris inside a Henry County), and an explicit qualifier ("Paris, Texas";
   "Belgrade, Serbia") which outweighs everything else.

Context never helps a reading in another's shadow: a place named like its own country
("Mexico" the state), a small town named like a division of its country ("California",
Maryland), a town's other name when the name is a bigger place's own ("Maryville").

Pure functions over :class:`~communique.resolve.gazetteer.Candidate` records; no spaCy here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._candidates import candidates_for
from ._colocation import colocation, km
from ._name_family import division_stems, in_family
from .gazetteer import Candidate, Gazetteer

__all__ = ["Toponym", "candidates_for", "resolve_toponyms"]

# Feature priors, in log10-population units: a country or region outranks a town of the same
# name ("Georgia", "Jordan"), a first-level division outranks a town ("Texas" the state).
_FEATURE_PRIOR = {"country": 6.0, "admin1": 1.5, "city": 0.0, "admin2": -1.0}
# Authored regions carry no population: a fixed prior puts them level with a city of 10 million.
_REGION_PRIOR = 8.0
_CAPITAL_BONUS = 3.0
_ALT_PENALTY = 1.5
# Readings that lie beside the article's other names (``_colocation``), by their share.
_TOGETHER_BONUS = 8.0
# More for a town's other name when the name is another place's own ("Maryville").
_SHADOWED_ALT_PENALTY = 4.0
# A town a tenth the size of a division of its country named like it is in its shadow.
_DIVISION_SHADOW = 10
_QUALIFIER_BONUS = 10.0
_COUNTRY_NAMED_BONUS = 1.5
_COUNTRY_SHARE_BONUS = 2.0
_ADMIN1_NAMED_BONUS = 5.0
_DATELINE_BONUS = 1.5
# The article's other local places: share in the candidate's division, share within 150 km.
_ADMIN1_SHARE_BONUS = 4.0
# A division most of the article's towns lie in is the one meant ("Georgia" with Athens and
# Jackson County), a division named like a country notwithstanding.
_ADMIN1_INSIDE_BONUS = 8.0
_NEAR_BONUS = 3.0
# The division the article names in full, or a town in it, for its bare name ("Licking").
_FAMILY_BONUS = 4.0
# A dateline names the city the story was filed from ("WASHINGTON —" is no state).
_DATELINE_CITY_BONUS = 3.0
_SIBLING_BONUS = 4.0
# A reading of the same kind and country as the other members of its list, by their share.
_LIST_BONUS = 6.0
_NEAR_KM = 150.0
# Rounds of resolution: priors, then context from the previous round's choices, twice.
_PASSES = 2


@dataclass(frozen=True, slots=True)
class Toponym:
    """A toponym to resolve.

    Attributes:
        text: the name as written.
        qualifier: the name that qualifies it ("Texas" in "Paris, Texas"), if any.
        dateline: the toponym opens the article's dateline.
        group: the number of the list of places it stands in ("Alberta, Manitoba and
            Ontario"), if any.
    """

    text: str
    qualifier: str | None = None
    dateline: bool = False
    group: int | None = None


def _prior(c: Candidate) -> float:
    if c.feature == "region":
        score = _REGION_PRIOR
    else:
        score = _FEATURE_PRIOR.get(c.feature, 0.0) + math.log10(c.population + 10)
    if c.capital:
        score += _CAPITAL_BONUS
    return score - (_ALT_PENALTY if c.alt else 0.0)


@dataclass
class _Context:
    named_countries: set[str]
    # first-level divisions named, with the names that named them
    named_admin1: dict[str, set[str]]
    dateline_country: str | None
    # Where the article's other places lie: the share of picks in each first-level division
    # and their points (excluding the toponym being resolved), from the previous pass.
    picks: list[tuple[str, Candidate]] = field(default_factory=list)


def _context(
    toponyms: Sequence[Toponym], first: list[Candidate | None], keys: Sequence[str]
) -> _Context:
    named = {c.country for c in first if c is not None and c.feature == "country" and c.country}
    admin1: dict[str, set[str]] = {}
    for k, c in zip(keys, first, strict=True):
        if c is not None and c.feature == "admin1" and c.admin1:
            admin1.setdefault(c.admin1, set()).add(k)
    dateline = next(
        (c.country for t, c in zip(toponyms, first, strict=True) if t.dateline and c is not None),
        None,
    )
    picks = [(k, c) for k, c in zip(keys, first, strict=True) if c is not None]
    return _Context(named, admin1, dateline, picks)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _name_keys(toponyms: Sequence[Toponym], cands: Sequence[Sequence[Candidate]]) -> list[str]:
    """Each toponym's name key; names with the same readings share one ("Springfield City" and
    "Springfield"), and so do a name and the longer names it opens ("Dublin City" and
    "Dublin"), so a name never counts as context for itself under another spelling."""
    first: dict[frozenset[object], str] = {}
    out = []
    for t, cs in zip(toponyms, cands, strict=True):
        key = _key(t.text)
        if cs:
            key = first.setdefault(frozenset(c.geonameid or (c.name, c.feature) for c in cs), key)
        out.append(key)
    shortest = sorted(set(out), key=len)
    return [next((k for k in shortest if key == k or key.startswith(k + " ")), key)
            for key in out]


def _alike(c: Candidate, members: Sequence[Candidate]) -> float:
    """The share of a list's other members read as the same kind of place in c's country."""
    if not members:
        return 0.0
    return sum(1 for p in members if p.feature == c.feature and p.country == c.country) / len(
        members)


def _fixed_readings(
    toponyms: Sequence[Toponym], keys: Sequence[str], picks: Sequence[Candidate | None]
) -> dict[str, Candidate]:
    """One sense per article: a name qualified somewhere ("Springfield, Ohio") means the same
    place where it stands bare (a bare dateline is no such evidence: "ALBANY —")."""
    out: dict[str, Candidate] = {}
    for t, key, pick in zip(toponyms, keys, picks, strict=True):
        if pick is not None and t.qualifier:
            out.setdefault(key, pick)
    return out


def _qualifies(c: Candidate, qualifiers: tuple[Candidate, ...]) -> bool:
    for q in qualifiers:
        if q.feature == "country" and c.country == q.country and c.feature != "country":
            return True
        if (
            q.feature == "admin1"
            and c.admin1 == q.admin1
            and c.feature not in ("country", "admin1")
        ):
            return True
    return False


def _country_share(c: Candidate, ctx: _Context, name: str) -> float:
    # The share of the article's other toponyms in the candidate's country: the name's own
    # mentions do not vote for themselves ("Paris" five times is no evidence for France).
    others = [p.country for k, p in ctx.picks if k != name and p.country]
    return sum(1 for o in others if o == c.country) / len(others) if others else 0.0


def _neighbourhood(c: Candidate, ctx: _Context, name: str) -> float:
    """How much the article's other local places (towns, counties, states) surround ``c``:
    the share of them in its first-level division, and of them within 150 km of it."""
    others = [p for k, p in ctx.picks if k != name and p.feature in ("city", "admin2", "admin1")]
    if not others or c.feature in ("country", "region"):
        return 0.0
    if c.feature == "admin1":
        inside = sum(1 for p in others if p.admin1 == c.admin1 and p.feature != "admin1")
        # a division among its country's other divisions ("Georgia" beside Alabama and Iowa)
        siblings = sum(1 for p in others if p.feature == "admin1" and p.country == c.country)
        return (_ADMIN1_INSIDE_BONUS * inside + _SIBLING_BONUS * siblings) / len(others)
    same = sum(1 for p in others if p.admin1 and p.admin1 == c.admin1) / len(others)
    near = 0.0
    if c.lat is not None:
        located = [p for p in others if p.lat is not None and p.feature != "admin1"]
        if located:
            near = sum(1 for p in located if km(c, p) <= _NEAR_KM) / len(located)
    return _ADMIN1_SHARE_BONUS * same + _NEAR_BONUS * near


def _shadow(cs: Sequence[Candidate]) -> set[object]:
    """What context may not help: the countries of a name that is a country's ("Mexico" the
    state), and the small towns named after a division of their own country ("California",
    Maryland), as (country, admin1) pairs."""
    out: set[object] = {c.country for c in cs if c.feature == "country"}
    divisions = [c for c in cs if c.feature == "admin1" and not c.alt]
    out |= {
        (c.country, c.admin1)
        for c in cs
        for d in divisions
        if c.feature in ("city", "admin2") and c.country == d.country and c.admin1 != d.admin1
        and c.population * _DIVISION_SHADOW < d.population
    }
    return out


def _score(
    c: Candidate,
    ctx: _Context,
    qualifiers: tuple[Candidate, ...],
    shadow: set[object],
    name: str = "",
    *,
    canonical: int = 0,
    together: float = 0.0,
) -> float:
    score = _prior(c)
    if qualifiers and _qualifies(c, qualifiers):
        score += _QUALIFIER_BONUS
    if canonical and c.alt and c.feature == "city" and c.population < 5 * canonical:
        # "Maryville" is Beeville's other name and three towns' own: no context for Beeville
        return score - _SHADOWED_ALT_PENALTY
    if (c.country, c.admin1) in shadow:
        return score
    score += _TOGETHER_BONUS * together
    if qualifiers and _qualifies(c, qualifiers):
        score += _QUALIFIER_BONUS
    # A place named like its own country ("Mexico" the state) gets no help from that country
    # being in the news: the name means the country.
    if c.feature != "country" and c.country and c.country not in shadow:
        if c.country in ctx.named_countries:
            score += _COUNTRY_NAMED_BONUS
        score += _COUNTRY_SHARE_BONUS * _country_share(c, ctx, name)
        if c.country == ctx.dateline_country:
            score += _DATELINE_BONUS
    if c.feature in ("city", "admin2") and ctx.named_admin1.get(c.admin1 or "", set()) - {name}:
        # not by the name itself read as a division ("Dublin City" for Dublin)
        score += _ADMIN1_NAMED_BONUS
    if c.country not in shadow or c.feature == "admin1":
        score += _neighbourhood(c, ctx, name)
    return score


def resolve_toponyms(
    toponyms: Sequence[Toponym], *, gazetteer: Gazetteer
) -> list[Candidate | None]:
    """The entry each toponym denotes (None when the gazetteer has no candidate).

    Args:
        toponyms: every toponym of one article, in text order.
        gazetteer: where candidates come from.

    Returns:
        One entry (or None) per toponym, in the same order.
    """
    cands = [candidates_for(t.text, gazetteer, dateline=t.dateline) for t in toponyms]
    picks: list[Candidate | None] = [max(cs, key=_prior) if cs else None for cs in cands]
    keys = _name_keys(toponyms, cands)
    together = colocation(keys, cands)
    stems = division_stems([t.text for t in toponyms], cands)
    for _ in range(_PASSES):
        ctx = _context(toponyms, picks, keys)
        out: list[Candidate | None] = []
        fixed = _fixed_readings(toponyms, keys, picks)
        for t, cs, beside, name in zip(toponyms, cands, together, keys, strict=True):
            if not cs:
                out.append(None)
                continue
            if name in fixed and fixed[name] in cs and not t.qualifier:
                out.append(fixed[name])  # "Springfield, Ohio -- ... Springfield's schools"
                continue
            quals = candidates_for(t.qualifier, gazetteer) if t.qualifier else ()
            shadow = _shadow(cs)
            # The largest place whose own name this is (1 for a place without people): a
            # town's other name yields to it, unless that town is five times its size
            # ("St. Petersburg" is Saint Petersburg's other name, Florida's own).
            canonical = max((max(c.population, 1) for c in cs if not c.alt), default=0)
            members = [p for k, (u, p) in enumerate(zip(toponyms, picks, strict=True))
                       if t.group is not None and u.group == t.group and p is not None
                       and keys[k] != name]
            scores = [_score(c, ctx, quals, shadow, name, canonical=canonical,
                             together=beside.get(i, 0.0))
                      + (_FAMILY_BONUS if stems and in_family(t.text, c, stems) else 0.0)
                      + (_DATELINE_CITY_BONUS if t.dateline and c.feature == "city" else 0.0)
                      + _LIST_BONUS * _alike(c, members)
                      for i, c in enumerate(cs)]
            out.append(cs[max(range(len(cs)), key=scores.__getitem__)])
        picks = out
    return picks
