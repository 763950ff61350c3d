"""Toponym resolution: choose, for every toponym of an article, the gazetteer entry it denotes.

Each name's candidates are scored by a prior (feature class, population, canonical or alternate
name) and then by the article's own context, in two passes:

1. prior only, to learn which countries and first-level divisions the article is about;
2. prior + context: the candidate's country among the countries named or implied by the first
   pass, its division among the divisions named, the dateline's country, and an explicit
   qualifier ("Paris, Texas"; "Belgrade, Serbia") which outweighs everything else.

Pure functions over :class:`~communique.resolve.gazetteer.Candidate` records; no spaCy here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import Candidate, Gazetteer

__all__ = ["Toponym", "candidates_for", "resolve_toponyms"]

# Feature priors, in log10-population units: a country or region outranks a town of the same
# name ("Georgia", "Jordan"), a first-level division outranks a town ("Texas" the state).
_FEATURE_PRIOR = {"country": 6.0, "admin1": 1.5, "city": 0.0, "admin2": -1.0}
# Authored regions carry no population: a fixed prior puts them level with a city of 10 million.
_REGION_PRIOR = 8.0
_CAPITAL_BONUS = 3.0
_DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "upper",
        "lower",
    ]
)
_ALT_PENALTY = 1.5
_QUALIFIER_BONUS = 10.0
_COUNTRY_NAMED_BONUS = 1.5
_COUNTRY_SHARE_BONUS = 2.0
_ADMIN1_NAMED_BONUS = 5.0
_DATELINE_BONUS = 1.5


@dataclass(frozen=True, slots=True)
class Toponym:
    """A toponym to resolve.

    Attributes:
        text: the name as written.
        qualifier: the name that qualifies it ("Texas" in "Paris, Texas"), if any.
        dateline: the toponym opens the article's dateline.
    """

    text: str
    qualifier: str | None = None
    dateline: bool = False


def _strip(name: str) -> str:
    low = name.lower()
    for prefix in ("the ", "city of "):
        if low.startswith(prefix):
            return name[len(prefix) :]
    return name


def candidates_for(name: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The gazetteer's candidates for a name as written, divisions named after a city removed.

    A division that shares its name with a city inside it that is the bulk of it (Beograd
    district and Belgrade, the Paris department and Paris) is dropped: news means the city, and
    the city lies within it. A name the gazetteer lacks is retried without its last words
    ("Fargo City", "Cottonport Fire Station").
    """
    words = _strip(name).split()
    cands = gazetteer.lookup(name)
    while not cands and len(words) > 1 and words[0].lower() in _DIRECTIONS:
        words = words[1:]  # "North Texas", "Western Europe", "northern Syria"
        cands = gazetteer.lookup(" ".join(words))
    while not cands and len(words) > 1:
        words = words[:-1]
        cands = gazetteer.lookup(" ".join(words)) if len(" ".join(words)) >= 4 else ()
    cities = {(c.country, c.admin1): c.population for c in cands if c.feature == "city"}

    def named_after_city(c: Candidate) -> bool:
        pop = cities.get((c.country, c.admin1), 0)
        return pop >= 1000 and (c.alt or pop * 5 >= c.population)

    return tuple(
        c for c in cands if not (c.feature in ("admin1", "admin2") and named_after_city(c))
    )


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
    country_share: dict[str, float]
    named_admin1: set[str]
    dateline_country: str | None


def _context(toponyms: Sequence[Toponym], first: list[Candidate | None]) -> _Context:
    named = {c.country for c in first if c is not None and c.feature == "country" and c.country}
    admin1 = {c.admin1 for c in first if c is not None and c.feature == "admin1" and c.admin1}
    counts = Counter(c.country for c in first if c is not None and c.country)
    total = sum(counts.values()) or 1
    dateline = next(
        (c.country for t, c in zip(toponyms, first, strict=True) if t.dateline and c is not None),
        None,
    )
    return _Context(named, {k: v / total for k, v in counts.items()}, admin1, dateline)


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


def _score(
    c: Candidate, ctx: _Context, qualifiers: tuple[Candidate, ...], shadow: set[str | None]
) -> float:
    score = _prior(c)
    if qualifiers and _qualifies(c, qualifiers):
        score += _QUALIFIER_BONUS
    # A place named like its own country ("Mexico" the state) gets no help from that country
    # being in the news: the name means the country.
    if c.feature != "country" and c.country and c.country not in shadow:
        if c.country in ctx.named_countries:
            score += _COUNTRY_NAMED_BONUS
        score += _COUNTRY_SHARE_BONUS * ctx.country_share.get(c.country, 0.0)
        if c.country == ctx.dateline_country:
            score += _DATELINE_BONUS
    if c.feature in ("city", "admin2") and c.admin1 in ctx.named_admin1:
        score += _ADMIN1_NAMED_BONUS
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
    cands = [candidates_for(t.text, gazetteer) for t in toponyms]
    first = [max(cs, key=_prior) if cs else None for cs in cands]
    ctx = _context(toponyms, first)
    out: list[Candidate | None] = []
    for t, cs in zip(toponyms, cands, strict=True):
        if not cs:
            out.append(None)
            continue
        quals = candidates_for(t.qualifier, gazetteer) if t.qualifier else ()
        shadow = {c.country for c in cs if c.feature == "country"}
        out.append(max(cs, key=lambda c, q=quals, s=shadow: _score(c, ctx, q, s)))  # type: ignore[misc]
    return out
