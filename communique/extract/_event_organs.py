"""A country named as an event's party, read as the organ that acts for it; actors renumbered.

The actors stage gives a country's name the role null: by itself "Turkey" is the country as a
whole. Only the event says in what capacity it is named. A country that speaks, meets, signs,
sanctions or is sanctioned acts through its government ("Turkey said" is TURGOV, as "Ankara
said" already is); a country that uses force acts through its forces ("Russia shelled the
city" is RUSMIL). The target of force, coercion or a military posture stays the country as a
whole (CODING.md: null is "the country as a whole": the territory shelled, the people held).

The organ is the article's own generic organ of that country and role when it has one ("the
Turkish government", merged with "Ankara"), else a new one. It takes a copy of the country's
mentions in the event's sentence, so it can be traced to the words that name it; the country
keeps them too, since the name is the country's (and events that need the country as a whole
in the same sentence keep it).

Finally every actor, the stage's own and those the events added, is numbered ``A1``.. in order
of first mention, and the events and the token map follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Actor, Event
from ..resolve.actors import load_lexicon
from ._actor_types import organ_key
from ._event_context import country_forms

__all__ = ["Coded", "organ_role", "renumber", "state_organs"]

# Source: a country using force acts through its forces (CAMEO 15 posture, 18 assault,
# 19 fight, 20 mass violence), and so does one pulling them back (0872 easing a blockade,
# 0873 demobilising, 0874 retreating).
_FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
_FORCE_CODES = frozenset({"0872", "0873", "0874"})
# Target: force, coercion (17: seizure, arrests, repression) or a show of force is aimed at the
# country as a whole, its land and people; forces pulled back (087x) leave its land.
_WHOLE_ROOTS = frozenset({"15", "17", "18", "19", "20"})

Tokens = dict[int, tuple[str, ...]]
_Span = tuple[int, int]


@dataclass(frozen=True)
class Coded:
    """The events stage's output: events, every actor of the article, the token map."""

    events: list[Event]
    actors: list[Actor]
    tokens: Tokens


def organ_role(code: str, side: str) -> str | None:
    """The role a country named as the ``side`` ("source"/"target") of an event of CAMEO
    ``code`` acts in: GOV, MIL, or None for the country as a whole."""
    if side == "source":
        return "MIL" if code[:2] in _FORCE_ROOTS or code in _FORCE_CODES else "GOV"
    return None if code[:2] in _WHOLE_ROOTS or code in _FORCE_CODES else "GOV"


def _is_country(actor: Actor | None) -> bool:
    return actor is not None and actor.kind == "country" and actor.role is None


def _within(span: _Span, outer: _Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def state_organs(
    doc: Doc, events: list[Event], actors: dict[str, Actor], tokens: Tokens
) -> tuple[list[Event], list[Actor], Tokens]:
    """Events whose country parties are read as organs (module docstring).

    Args:
        doc: the processed doc (for the token map of copied mentions).
        events: the coded events, party ids from ``actors``.
        actors: every actor of the article by id (not changed).
        tokens: token index -> actor ids (not changed).

    Returns:
        The events, the actors with organs added or given mentions, and the token map.
    """
    wanted: set[tuple[str, _Span, str]] = set()
    for ev in events:
        for side in ("source", "target"):
            aid = getattr(ev, side)
            role = organ_role(ev.cameo, side)
            if role is not None and _is_country(actors.get(aid or "")):
                wanted.add((aid, ev.span, role))
    out = dict(actors)
    table = dict(tokens)
    organ_ids = {(a.country, a.role): a.id for a in actors.values() if _generic_organ(a)}
    remap: dict[tuple[str, _Span, str], str] = {}
    for aid, span, role in sorted(wanted):
        country = actors[aid]
        assert country.country is not None
        copied = [m for m in country.mentions if _within(m, span)] or _country_words(
            doc, span, country.country
        )
        oid = organ_ids.get((country.country, role))
        if oid is None:
            entry = load_lexicon().by_iso3.get(country.country)
            if entry is None or not copied:
                continue
            key = organ_key(entry, role)
            oid = f"organ:{key.code}"
            organ_ids[(country.country, role)] = oid
            out[oid] = Actor(id=oid, name=key.name, kind="government", country=key.country,
                             role=key.role, code=key.code)
        organ = out[oid]
        out[oid] = organ.model_copy(
            update={"mentions": sorted({*organ.mentions, *copied})}
        )
        for start, end in copied:
            piece = doc.char_span(start, end, alignment_mode="expand")
            for tok in piece or ():
                table[tok.i] = tuple(dict.fromkeys((*table.get(tok.i, ()), oid)))
        remap[(aid, span, role)] = oid
    if not remap:
        return events, list(actors.values()), tokens
    moved = []
    for ev in events:
        parties = {}
        for side in ("source", "target"):
            aid = getattr(ev, side)
            role = organ_role(ev.cameo, side)
            parties[side] = remap.get((aid or "", ev.span, role or ""), aid)
        if (parties["source"], parties["target"]) != (ev.source, ev.target):
            ev = ev.model_copy(update={**parties, "evidence": _noted(ev.evidence)})
        moved.append(ev)
    return moved, list(out.values()), table


def _noted(evidence: str) -> str:
    # "lex:x; rule:verb-active; sym:False" -> "...; rule:verb-active+organ; sym:False"
    head, sep, tail = evidence.partition("; sym:")
    return f"{head}+organ{sep}{tail}"


def _country_words(doc: Doc, span: _Span, iso3: str) -> list[_Span]:
    """The words of the sentence that name the country when the country actor has no mention
    there: the events stage read it from a demonym or a hyphenated compound ("a Turkish
    offensive", "Kenya-U.S."), which the actors stage leaves to it."""
    piece = doc.char_span(*span, alignment_mode="expand")
    forms = country_forms()
    return [(t.idx, t.idx + len(t.text)) for t in piece or () if forms.get(t.text) == iso3]


def _generic_organ(actor: Actor) -> bool:
    # the organ the actors stage made for "the Turkish government", "Turkish troops" (not a
    # named ministry or office)
    if actor.kind != "government" or actor.country is None or actor.role is None:
        return False
    entry = load_lexicon().by_iso3.get(actor.country)
    return entry is not None and actor.name == organ_key(entry, actor.role).name


def renumber(events: list[Event], actors: list[Actor], tokens: Tokens) -> Coded:
    """Every actor numbered ``A1``.. by first mention (no mention: after the others, in the
    order given), with the events' parties and the token map renamed to match."""
    order = sorted(
        range(len(actors)),
        key=lambda n: (actors[n].mentions[0][0] if actors[n].mentions else 1 << 62, n),
    )
    ids = {actors[n].id: f"A{k}" for k, n in enumerate(order, start=1)}
    if all(old == new for old, new in ids.items()):
        return Coded(events, [actors[n] for n in order], tokens)
    return Coded(
        events=[
            ev.model_copy(update={"source": ids.get(ev.source or "", ev.source),
                                  "target": ids.get(ev.target or "", ev.target)})
            for ev in events
        ],
        actors=[actors[n].model_copy(update={"id": ids[actors[n].id]}) for n in order],
        tokens={i: tuple(ids.get(a, a) for a in found) for i, found in tokens.items()},
    )
