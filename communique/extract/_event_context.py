"""Actors the actors stage leaves to the events stage: countries in hyphenated compounds and
demonyms on event nouns.

The actors stage treats "Azerbaijani-Turkish" and "Russian-Chinese" as parts of a compound,
not names of their own (right for actor mentions). For events, such a compound names the
parties of a joint act ("the Azerbaijani-Turkish business forum", "Russian-Chinese talks"),
and a demonym on an event noun names its agent ("a Turkish offensive", CODING.md), so the
events stage maps each to the country actor of the article, reusing the actors
stage's own lexicon of country names and demonyms (no second list to maintain).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..resolve.actors import load_lexicon
from ._event_parties import political

__all__ = ["country_forms", "with_hyphen_parties"]

_HYPHENS = frozenset({"-", "–"})
# Private people a nationality word describes without making them their state ("Chinese
# immigrants", "Afghan students"): no country actor.
_PRIVATE_PEOPLE = frozenset(
    {"immigrant", "migrant", "tourist", "student", "worker", "national", "citizen", "resident",
     "businessman", "businessmen", "family", "man", "woman", "child", "people", "traveler",
     "traveller", "patient", "fan", "athlete", "player", "artist", "writer", "community"}
)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonym as written ("Turkish") -> ISO3."""
    forms: dict[str, str] = {}
    for country in load_lexicon().countries:
        for form in country.demonyms:
            forms.setdefault(form, country.iso3)
    return forms


@lru_cache(maxsize=1)
def country_forms() -> dict[str, str]:
    """Surface form (country name, alias or demonym, as written) -> ISO3."""
    forms: dict[str, str] = {}
    for country in load_lexicon().countries:
        for form in (country.name, *country.aliases, *country.demonyms):
            forms.setdefault(form, country.iso3)
    return forms


# "Somalia-based", "Tunisia-inspired", "Soviet-style": the country is where a thing comes
# from or what it is like, not a party to what is done with it.
_ORIGIN_SUFFIXES = frozenset({"based", "inspired", "born", "style", "made", "bred"})


def _of_origin(token: Token) -> bool:
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text in _HYPHENS
        and doc[token.i + 2].lower_ in _ORIGIN_SUFFIXES
    )


def _in_hyphen_compound(token: Token) -> bool:
    doc = token.doc
    left = token.i > 0 and doc[token.i - 1].text in _HYPHENS and not doc[token.i - 1].whitespace_
    right = token.i + 1 < len(doc) and doc[token.i + 1].text in _HYPHENS and not token.whitespace_
    return bool(left or right)


def with_hyphen_parties(
    doc: Doc,
    actors_at: Callable[[Token], tuple[str, ...]],
    create: Callable[[str, Span], str | None] | None = None,
) -> Callable[[Token], tuple[str, ...]]:
    """``actors_at`` extended to the country parts of hyphenated compounds.

    A part maps to the article's country actor for that ISO3 code (or, failing that, its first
    actor of that country); for a country the article has no actor for, ``create`` (when
    given) makes one ("shot down two Indian aircraft"), else the part maps to nothing.
    """
    by_country: dict[str, str] = {}
    for actor in doc._.communique_actors or ():
        # the country actor itself wins over the first other actor of that country; private
        # people of the country ("every household" beside "One Australian state") are not it
        if actor.country and political(actor) and (
            actor.kind == "country" or actor.country not in by_country
        ):
            by_country[actor.country] = actor.id
    forms = country_forms()
    demonyms = _demonyms()

    def lookup(token: Token) -> tuple[str, ...]:
        found = actors_at(token)
        if found:
            return found
        if _in_hyphen_compound(token):
            iso3 = None if _of_origin(token) else forms.get(token.text)
        elif token.dep_ == "amod" and token.head.pos_ == "NOUN" and (
            token.head.lemma_.lower() not in _PRIVATE_PEOPLE
        ):
            # "a Turkish offensive": the demonym on an event noun names its agent country
            iso3 = demonyms.get(token.text)
        elif token.dep_ == "compound" and token.head.pos_ == "NOUN":
            iso3 = forms.get(token.text)  # "U.S. bases", "Russia sanctions"
        else:
            return ()
        if not iso3:
            return ()
        actor_id = by_country.get(iso3)
        if actor_id is None and create is not None:
            actor_id = create(iso3, doc[token.i : token.i + 1])
        return (actor_id,) if actor_id else ()

    return lookup
