"""Working types of the actors component: actor keys, mentions and name tags on tokens."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..resolve.actors import Country, Group, Igo, NamedGroup

__all__ = [
    "ActorKey", "Mention", "NameTag", "actor_code", "country_key", "government_key", "group_key",
    "igo_key", "organ_key",
]


@dataclass(frozen=True)
class ActorKey:
    """What makes two mentions the same actor: merged by equality, ordered by first mention."""

    kind: str
    name: str
    country: str | None = None
    role: str | None = None
    title: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class NameTag:
    """A lexicon match on a token run: a country name, demonym, capital or IGO name."""

    kind: str  # country | demonym | capital | igo | group
    entry: Country | Igo | NamedGroup
    start: int
    end: int

    @property
    def iso3(self) -> str | None:
        """The country's ISO3 code (None for an IGO)."""
        return self.entry.iso3 if isinstance(self.entry, Country) else None


@dataclass
class Mention:
    """One mention in the text (token span ``[start, end)``) of one or more actors.

    ``keys`` has several actors for a group mention ("the two countries", "Azerbaijani and
    Turkish governments"); ``extra`` are description tokens outside the span (a person's title
    and nationality) that also point to the actor in the token map.
    """

    start: int
    end: int
    keys: tuple[ActorKey, ...]
    rule: str
    extra: tuple[int, ...] = field(default_factory=tuple)


def actor_code(country: str | None, role: str | None) -> str | None:
    """CAMEO-style code: country + role (``AZEGOV``), the country alone, or the role alone."""
    if country is None and role is None:
        return None
    return f"{country or ''}{role or ''}"


def country_key(country: Country) -> ActorKey:
    """The country as a whole (role null, code = ISO3)."""
    return ActorKey(kind="country", name=country.name, country=country.iso3, code=country.iso3)


def igo_key(igo: Igo) -> ActorKey:
    """An international organisation (kind igo, its own code)."""
    return ActorKey(kind="igo", name=igo.name, role=igo.role, code=igo.code)


# Canonical body per role, so that "Turkish troops" and "the Turkish army" are one actor.
_CANON = {"GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
          "JUD": "judiciary", "LEG": "legislature"}
# Terms that name one specific body, kept apart from the generic government of the role.
_SPECIFIC = ("ministry", "office", "department", "embassy", "presidency", "court")


def government_key(country: Country, group: Group) -> ActorKey:
    """A state organ of ``country``: one actor per role, or per specific body."""
    if any(w in group.term for w in _SPECIFIC):
        return organ_key(country, group.role, group.term.title())
    return organ_key(country, group.role, _CANON.get(group.role, group.term))


def organ_key(country: Country, role: str, body: str | None = None) -> ActorKey:
    """The organ of ``country`` in ``role``: its generic body ("Turkey government") unless
    ``body`` names a specific one."""
    name = f"{country.name} {body or _CANON.get(role, role.lower())}"
    return ActorKey(kind="government", name=name, country=country.iso3, role=role,
                    code=actor_code(country.iso3, role))


def group_key(country: Country | None, group: Group, written: str) -> ActorKey:
    """A non-state group, named as first written; merged per country, role and term."""
    iso3 = country.iso3 if country else None
    name = f"{country.name} {group.term}" if country else written
    return ActorKey(kind="group", name=name, country=iso3, role=group.role,
                    code=actor_code(iso3, group.role))
