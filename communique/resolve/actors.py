"""Actor dictionary: countries, IGOs, titles, collective nouns and known people.

Everything here is read from the versioned TSV files in ``communique/data/actors/`` and looked
up by the actors component (``communique.extract.actors``). The lexicons are facts about the
world (country codes, demonyms, capitals, IGO codes) and our own lists of titles and group
nouns; nothing is specific to one article. The known-people table is optional and only used
when an article names a person without describing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from ..data import read_tsv

__all__ = [
    "CAMEO_ROLES",
    "ActorLexicon",
    "Country",
    "Group",
    "Igo",
    "KnownPerson",
    "NamedGroup",
    "load_lexicon",
]

# CAMEO agent roles used in ``Actor.role`` (CODING.md "Actors").
CAMEO_ROLES: frozenset[str] = frozenset(
    {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "IGO", "NGO", "MED", "CVL",
     "BUS", "REF"}
)


@dataclass(frozen=True)
class Country:
    """A country: ISO3 code, record name and the words that name it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Igo:
    """An international organisation with its CAMEO-style code."""

    code: str
    name: str
    aliases: tuple[str, ...]
    role: str


@dataclass(frozen=True)
class Group:
    """A collective noun ("special forces", "rebels") with its role and actor kind."""

    term: str
    role: str
    kind: str
    bare: str = "no"  # lead | always | yes | no: what an unqualified mention is


@dataclass(frozen=True)
class NamedGroup:
    """A named non-state group ("Hezbollah") with its role and usual country."""

    name: str
    aliases: tuple[str, ...]
    role: str
    home: str | None
    kind: str = "group"  # group | government (a state body known by name: "the Kremlin")


@dataclass(frozen=True)
class KnownPerson:
    """One office of a person from the user-editable known-people table."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    igo: str | None
    role: str
    title: str | None
    start: date | None
    end: date | None
    short: tuple[str, ...] = ()

    def holds_on(self, day: date | None) -> bool:
        """Whether the office covers ``day`` (any office when the day is unknown)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _day(cell: str | None) -> date | None:
    return date.fromisoformat(cell) if cell else None


@dataclass(frozen=True)
class ActorLexicon:
    """All actor lexicons, indexed for lookup.

    Surface forms of countries, demonyms, capitals and IGOs are case-sensitive as written (so
    "US" is the country but "us" is not); titles and group terms are lowercased phrases.
    """

    countries: tuple[Country, ...]
    igos: tuple[Igo, ...]
    titles: dict[str, str]
    groups: dict[str, Group]
    people: tuple[KnownPerson, ...]
    named_groups: tuple[NamedGroup, ...] = ()

    @cached_property
    def by_iso3(self) -> dict[str, Country]:
        """Countries by ISO3 code (built once: asked for on every article)."""
        return {c.iso3: c for c in self.countries}

    def surface_forms(self) -> dict[str, list[tuple[str, object]]]:
        """Every proper-name surface form -> [(kind, entry)] (country/demonym/capital/igo/group)."""
        out: dict[str, list[tuple[str, object]]] = {}
        for c in self.countries:
            for form in (c.name, *c.aliases):
                out.setdefault(form, []).append(("country", c))
            for form in c.demonyms:
                out.setdefault(form, []).append(("demonym", c))
            for form in c.capitals:
                out.setdefault(form, []).append(("capital", c))
        for igo in self.igos:
            for form in (igo.name, *igo.aliases):
                out.setdefault(form, []).append(("igo", igo))
        for group in self.named_groups:
            for form in (group.name, *group.aliases):
                out.setdefault(form, []).append(("group", group))
        return out

    def person(self, name: str, *, on: date | None = None) -> KnownPerson | None:
        """The office a known person held on a day, by full name or alias; None if unknown."""
        for p in self.people:
            if (name == p.name or name in p.aliases) and p.holds_on(on):
                return p
        return None

    def person_named(self, name: str, *, on: date | None = None) -> tuple[KnownPerson, bool] | None:
        """A known person by full name, alias or short form ("Erdogan"), with whether the
        office was held on ``on``: the office held that day, else the latest one ended before
        it (a former office holder is still of that country). None when unknown, or when the
        only offices begin after ``on``."""
        rows = [p for p in self.people if name == p.name or name in p.aliases]
        rows = rows or [p for p in self.people if name in p.short]
        if len({p.name for p in rows}) != 1:
            return None  # unknown, or a short form two known people share
        held = next((p for p in rows if p.holds_on(on)), None)
        if held is not None:
            return held, True
        ended = [p for p in rows if p.end is not None and on is not None and p.end < on]
        return (max(ended, key=lambda p: p.end or date.min), False) if ended else None

    @cached_property
    def known_forms(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Known-people names by first word, longest first: {"Recep": (("Recep", "Tayyip",
        "Erdogan"),)}."""
        table: dict[str, list[tuple[str, ...]]] = {}
        for p in self.people:
            for form in {p.name, *p.aliases, *p.short}:
                words = tuple(form.split())
                if words not in table.setdefault(words[0], []):
                    table[words[0]].append(words)
        return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> ActorLexicon:
    """Read every actor data file once per process."""
    _, rows = read_tsv("actors", "countries.tsv")
    countries = tuple(
        Country(
            iso3=r["iso3"], name=r["name"], aliases=_split(r.get("aliases")),
            demonyms=_split(r.get("demonyms")), capitals=_split(r.get("capitals")),
        )
        for r in rows
    )
    _, rows = read_tsv("actors", "igos.tsv")
    igos = tuple(
        Igo(code=r["code"], name=r["name"], aliases=_split(r.get("aliases")), role=r["role"])
        for r in rows
    )
    _, rows = read_tsv("actors", "titles.tsv")
    titles = {r["title"]: r["role"] for r in rows}
    _, rows = read_tsv("actors", "groups.tsv")
    groups = {
        r["term"]: Group(term=r["term"], role=r["role"], kind=r["kind"], bare=r.get("bare") or "no")
        for r in rows
    }
    _, rows = read_tsv("actors", "known_people.tsv")
    people = tuple(
        KnownPerson(
            name=r["name"], aliases=_split(r.get("aliases")), country=r.get("country") or None,
            igo=r.get("igo") or None, role=r["role"], title=r.get("title") or None,
            start=_day(r.get("start")), end=_day(r.get("end")), short=_split(r.get("short")),
        )
        for r in rows
    )
    _, rows = read_tsv("actors", "named_groups.tsv")
    named = tuple(
        NamedGroup(name=r["name"], aliases=_split(r.get("aliases")), role=r["role"],
                   home=r.get("home") or None, kind=r.get("kind") or "group")
        for r in rows
    )
    return ActorLexicon(countries=countries, igos=igos, titles=titles, groups=groups,
                        people=people, named_groups=named)
