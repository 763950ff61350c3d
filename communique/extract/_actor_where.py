"""Where an actor acts: locative context, the sentence's country, a named group's country.

Shared by the collective-noun and proper-name passes (``_actor_groups``, ``_actor_names``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..resolve.actors import Country, NamedGroup
from ._actor_lexmatch import ActorContext
from ._actor_types import ActorKey, NameTag, actor_code

__all__ = ["is_locative", "located_country", "named_group_key", "sentence_country", "town_tag"]

# Prepositions that make a country name the place of an event rather than an actor.
_LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "into", "within", "outside", "around",
     "via", "over"}
)


def is_locative(token: Token) -> bool:
    """A name that is where something happens ("in Belgrade, Serbia")."""
    while token.dep_ in ("appos", "conj", "compound") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE


def town_tag(ctx: ActorContext, i: int) -> NameTag | None:
    """A town, region or state the NER found at token ``i`` that the actor lexicon does not
    know, tagged with the country the gazetteer puts it in ("Istanbul" -> Turkey, "Ohio" ->
    the United States); None when the token is no such place or the gazetteer has no big
    place of that name."""
    token = ctx.doc[i]
    if token.ent_type_ not in ("GPE", "LOC") or token.pos_ != "PROPN" or i in ctx.tags:
        return None
    ent = next((e for e in ctx.doc.ents if e.start <= i < e.end), None)
    if ent is None or any(k in ctx.tags for k in range(ent.start, ent.end)):
        return None
    iso3 = ctx.place_country(ent.text)
    country = ctx.lexicon.by_iso3.get(iso3) if iso3 else None
    return NameTag(kind="country", entry=country, start=ent.start, end=ent.end) if country else None


def located_country(ctx: ActorContext, token: Token) -> Country | None:
    """The country the noun ``token`` lies in by its own locative phrase ("a military base in
    northeast Nigeria", "a police post in eastern Herat", "a court in Istanbul"), or None."""
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
            continue
        for t in prep.subtree:
            tag = ctx.tag(t.i, "country", "capital") or town_tag(ctx, t.i)
            if tag is not None and isinstance(tag.entry, Country):
                return tag.entry
    return None


def sentence_country(ctx: ActorContext, token: Token) -> Country | None:
    """The nearest country word of the sentence (a capital only where it is a place).

    Non-state groups take the country where the sentence says they act (CODING.md).
    """
    best: tuple[int, Country] | None = None
    for i in range(token.sent.start, token.sent.end):
        tag = ctx.tag(i, "country", "demonym", "capital")
        if tag is None or not isinstance(tag.entry, Country):
            continue
        if tag.kind == "capital" and not is_locative(ctx.doc[i]):
            continue
        distance = abs(i - token.i)
        if best is None or distance < best[0]:
            best = (distance, tag.entry)
    return best[1] if best else None


def named_group_key(ctx: ActorContext, group: NamedGroup, root: Token) -> ActorKey:
    """A named group's actor key: a state body is its country's; a group where it acts."""
    if group.kind == "government" and group.home in ctx.lexicon.by_iso3:
        # A state body known by its own name is always its country's ("the Kremlin").
        country = ctx.lexicon.by_iso3[group.home]
        return ActorKey(kind="government", name=f"{country.name} {group.name}",
                        country=country.iso3, role=group.role,
                        code=actor_code(country.iso3, group.role))
    # Where the sentence says the group acts ("IS fighters in Syria"), else its usual
    # country (CODING.md); other countries in the sentence are other actors, not its place.
    place = next(
        (
            t.entry for i in range(root.sent.start, root.sent.end)
            if (t := ctx.tag(i, "country")) is not None and isinstance(t.entry, Country)
            and is_locative(ctx.doc[i])
        ),
        None,
    )
    iso3 = place.iso3 if place else group.home
    return ActorKey(kind="group", name=group.name, country=iso3, role=group.role,
                    code=actor_code(iso3, group.role))
