"""Who an event's parties are: political or private, one party or two, a place or a party.

Predicates over the article's actors that the events stage filters and pairs with (CODING.md:
an event needs a political actor; a private person's words are commentary; a country and its
own government are one party, a country and its rebels two).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor
from ._event_rules import POLITICAL_ROLES

__all__ = ["country_token", "names_a_party", "political", "private_person", "role_of", "same_actor"]


def private_person(actor: Actor | None) -> bool:
    """A person in no known political role: not a state's, an IGO's or an armed group's
    ("former President Obama", an analyst, a name the article never describes)."""
    return (
        actor is not None
        and actor.kind == "person"
        and (actor.role or "") not in POLITICAL_ROLES
        and not (actor.code or "").startswith("IGO")
    )


# Roles in which an actor acts for its state: the country named as a whole is the same party.
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY"})


def same_actor(actors: dict[str, Actor], a: str | None, b: str | None) -> bool:
    """Two mentions of one party: same country, and the same role, or one is the country itself
    and the other acts for its state ("Turkey" and "the Turkish government"). A country and its
    rebels, opposition, civilians or private people are two parties: "Turkey bombed Kurdish
    rebels", "Ukraine sanctioned its former president" are domestic events."""
    x, y = actors.get(a or ""), actors.get(b or "")
    if x is None or y is None or x.country is None or x.country != y.country:
        return False
    if x.role == y.role:
        return True
    if x.kind == "country":
        return (y.role or "") in _STATE_ROLES
    if y.kind == "country":
        return (x.role or "") in _STATE_ROLES
    return False


def role_of(actors: dict[str, Actor], actor_id: str | None) -> str | None:
    """The role of the actor with this id (None when unknown or the country as a whole)."""
    actor = actors.get(actor_id or "")
    return actor.role if actor is not None else None


def political(actor: Actor | None) -> bool:
    """A state, its organs, an IGO, or an actor in a political role (the coding filter)."""
    if actor is None:
        return False
    return actor.kind in ("country", "government", "igo") or (actor.role or "") in POLITICAL_ROLES


def country_token(actor: Actor | None) -> str | None:
    """The actor's ISO3 code, "IGO" for an international organisation."""
    if actor is None:
        return None
    return "IGO" if actor.kind == "igo" else actor.country


def names_a_party(
    doc: Doc, place_id: str | None, ids: tuple[str, ...], actors: dict[str, Actor],
    sentence: tuple[int, int],
) -> bool:
    """Every mention of the place in the sentence is a mention of one of the parties."""
    place = next((p for p in doc._.communique_places or () if p.id == place_id), None)
    if place is None:
        return False
    here = [m for m in place.mentions if sentence[0] <= m[0] and m[1] <= sentence[1]]
    parties = [m for i in ids if (a := actors.get(i)) for m in a.mentions]
    return bool(here) and all(any(s < m[1] and m[0] < e for s, e in parties) for m in here)
