"""Later mentions resolved within the article: surnames, "the minister(s)", unnamed office
holders ("Azerbaijani and Turkish Presidents"), "the two countries", unqualified organs
("the Foreign Ministry") and "they" after a group.

The article's lead country is the country of its first country-bearing actor (a ministry
reporting without a nationality is the lead actor's); its main dyad is the two countries
with most actor mentions (ties: first mentioned).
"""

from __future__ import annotations

from collections import Counter

from ..resolve.actors import Country
from ._actor_groups import Pending
from ._actor_lexmatch import ActorContext
from ._actor_people import Person, surnames
from ._actor_pronouns import (
    resolve_definite_countries,
    resolve_definite_groups,
    resolve_pronouns,
)
from ._actor_types import ActorKey, Mention, actor_code, country_key, government_key
from ._actor_where import town_tag

__all__ = ["dyad_and_lead", "fill_lead_country", "resolve_references"]

# Groups whose country the sentence did not give take the article's lead country.
_LEAD_FILLED = frozenset({"bare-group", "named-group"})

_PAIR_NOUNS = frozenset({"country", "nation", "side", "state", "neighbor", "neighbour"})
_PAIR_DEPS = frozenset({"det", "nummod", "predet", "preconj"})
_STATE_OFFICES = ("minister", "president", "premier", "chancellor", "ambassador", "secretary",
                  "spokes")


def dyad_and_lead(
    mentions: list[Mention], countries: dict[str, Country]
) -> tuple[list[Country], Country | None]:
    """The main dyad (up to two countries) and the lead country of the explicit mentions."""
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        for key in m.keys:
            if key.country in countries:
                counts[key.country] += 1
                order.setdefault(key.country, m.start)
    ranked = sorted(counts, key=lambda c: (-counts[c], order[c]))[:2]
    dyad = sorted(ranked, key=lambda c: order[c])
    lead = min(order, key=lambda c: order[c]) if order else None
    return [countries[c] for c in dyad], countries[lead] if lead else None


_FORCE_WORDS = frozenset({"force", "troop", "army", "soldier", "military", "peacekeeper"})


def _last_two_forces(ctx: ActorContext, i: int, earlier: list[Mention]) -> tuple[ActorKey, ...]:
    """The last two distinct armed forces mentioned before token ``i`` ("its troops and the
    U.N. mission's forces ... Both forces say")."""
    found: list[ActorKey] = []
    for m in sorted((m for m in earlier if m.end <= i), key=lambda m: -m.start):
        root = ctx.doc[m.start : m.end].root
        near = {root.lemma_.lower(), root.head.lemma_.lower()}
        key = m.keys[0] if len(m.keys) == 1 else None
        if key is not None and key not in found and (key.role == "MIL" or near & _FORCE_WORDS):
            found.append(key)
        if len(found) == 2:
            return tuple(reversed(found))
    return ()


def _pair_mention(
    ctx: ActorContext, i: int, dyad: list[Country], earlier: list[Mention]
) -> Mention | None:
    """"the two countries", "both nations", "the two governments" -> the dyad; "both forces"
    -> the last two forces named."""
    doc, token = ctx.doc, ctx.doc[i]
    if len(dyad) < 2 or token.tag_ not in ("NNS", "NNPS"):
        return None
    # Only a pre-modifier counts: "the two countries", "both nations"; not "camps, both
    # located in ..." (an apposition after the noun).
    before = [c for c in token.children if c.i < i and c.dep_ in _PAIR_DEPS]
    if not any(c.lower_ in ("two", "both") for c in before):
        return None
    start = min(c.i for c in before)
    lemma = token.lemma_.lower()
    if lemma in _PAIR_NOUNS:
        keys = tuple(country_key(c) for c in dyad)
    else:
        hit = ctx.groups.ending_at(doc, i)
        if hit is None or ctx.lexicon.groups[hit[1]].kind != "government":
            return None
        group = ctx.lexicon.groups[hit[1]]
        keys = _last_two_forces(ctx, i, earlier) if group.role == "MIL" else ()
        keys = keys or tuple(government_key(c, group) for c in dyad)
    return Mention(start, i + 1, keys, "dyad")


def _title_mention(
    ctx: ActorContext, i: int, people: list[Person], lead: Country | None
) -> Mention | None:
    """Title without a name: unnamed office holders, or "the minister(s)" already named."""
    doc, token = ctx.doc, ctx.doc[i]
    hit = ctx.titles.ending_at(doc, i)
    if hit is None or token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod"):
        return None
    start, term = hit
    title = term.title() if token.tag_ in ("NNS", "NNPS") else doc[start : i + 1].text
    title_start = start
    countries: list[Country] = []
    # Nationalities among the phrase's premodifiers ("a Russian military spokesman").
    for k in range(max(token.sent.start, token.left_edge.i), start):
        tag = ctx.tag(k, "demonym", "country") or town_tag(ctx, k)  # "the Ohio governor"
        if tag is not None and isinstance(tag.entry, Country) and k not in ctx.used:
            countries.append(tag.entry)
            start = min(start, tag.start)
    office_of = ""
    for prep in token.children:  # "the governor of Arizona": the place the office is of
        if prep.dep_ == "prep" and prep.lower_ == "of" and not countries:
            for obj in prep.children:
                tag = ctx.tag(obj.i, "country") or town_tag(ctx, obj.i)
                if obj.dep_ == "pobj" and tag is not None and isinstance(tag.entry, Country):
                    countries.append(tag.entry)
                    office_of = doc[tag.start : tag.end].text
    role = ctx.lexicon.titles[term]
    for k in range(max(token.sent.start, token.left_edge.i), title_start):
        # "a military spokesman": the organ the office holder speaks for sets the role
        organ = ctx.lexicon.groups.get(doc[k].lower_)
        if organ is not None and organ.kind == "government" and role == "GOV":
            role = organ.role
    if countries:
        keys = tuple(
            ActorKey(kind="person",
                     name=f"{title[:1].upper()}{title[1:]} of {office_of or c.name}",
                     country=c.iso3, role=role,
                     title=title, code=actor_code(c.iso3, role))
            for c in dict.fromkeys(countries)
        )
        return Mention(start, i + 1, keys, "unnamed-official")
    if not any(c.lower_ in ("the", "both") for c in token.children):
        return None
    word = token.lemma_.lower()
    before = [p for p in people if p.start < i and p.title and word in p.title.lower()]
    if not before and any(c.lower_ in ("two", "both") for c in token.children):
        # "the two leaders" after two office holders with other titles (two presidents)
        before = [p for p in people if p.start < i and p.title][-2:]
    if not before:
        # Only a state office with nothing attached stands for the lead country's holder
        # ("the foreign minister said"); "the leader of ISIS" is nobody's government.
        if (
            token.tag_ in ("NNS", "NNPS") or not any(w in term for w in _STATE_OFFICES)
            or any(c.dep_ == "prep" for c in token.children)
        ):
            return None
        # "The finance minister said" with nobody named before: an unnamed office holder of
        # the lead country (or of no known country).
        iso3 = lead.iso3 if lead else None
        name = f"{title} of {lead.name}" if lead else title
        key = ActorKey(kind="person", name=name, country=iso3, role=role, title=title,
                       code=actor_code(iso3, role))
        first = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
        return Mention(first, i + 1, (key,),
                       "definite-title")
    chosen = list(dict.fromkeys(p.key() for p in before))
    plural = token.tag_ in ("NNS", "NNPS")
    if plural and len(chosen) < 2:
        return None
    keys = tuple(chosen) if plural else (before[-1].key(),)
    det = min(c.i for c in token.children if c.i < i) if any(
        c.i < i for c in token.children
    ) else start
    return Mention(min(det, start), i + 1, keys, "definite-title")


def resolve_references(
    ctx: ActorContext,
    people: list[Person],
    explicit: list[Mention],
    pending: list[Pending],
) -> list[Mention]:
    """Mentions that point back to actors the article has already introduced."""
    doc, out = ctx.doc, []
    dyad, lead = dyad_and_lead(explicit, ctx.lexicon.by_iso3)
    for p in pending:
        start = p.start - 1 if p.start and doc[p.start - 1].lower_ == "the" else p.start
        if lead is not None:
            out.append(Mention(start, p.end, (government_key(lead, p.group),), "lead-country"))
        else:  # no country anywhere in the article: the organ, honestly without one
            key = ActorKey(kind="government", name=doc[p.start : p.end].text, role=p.group.role,
                           code=p.group.role)
            out.append(Mention(start, p.end, (key,), "unqualified-organ"))
    by_surname = {form: p for p in people for form in surnames(p.name)}
    for i, token in enumerate(doc):
        if i in ctx.used:
            continue
        found: Mention | None = None
        if token.pos_ == "PROPN" and token.lower_ in by_surname:
            found = Mention(i, i + 1, (by_surname[token.lower_].key(),), "surname")
        else:
            found = _pair_mention(ctx, i, dyad, [*explicit, *out]) or _title_mention(
                ctx, i, people, lead
            )
        if found is not None:
            out.append(found)
            ctx.used.update(range(found.start, found.end))
    out.extend(resolve_definite_groups(ctx, [*explicit, *out]))
    out.extend(resolve_definite_countries(ctx, [*explicit, *out]))
    out.extend(resolve_pronouns(ctx, [*explicit, *out]))
    return out


_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _lead_officials(mentions: list[Mention], lead: Country) -> dict[ActorKey, ActorKey]:
    """Office holders named without a nationality ("Finance Minister Muhammad Aurangzeb")
    in an article two thirds of whose country mentions are of one country: that country's."""
    counts: Counter[str] = Counter(
        k.country for m in mentions for k in m.keys if k.country is not None
    )
    if not counts or counts[lead.iso3] * 3 < sum(counts.values()) * 2:
        return {}  # two thirds of the country mentions: a story about one country
    return {
        k: ActorKey(kind=k.kind, name=k.name, country=lead.iso3, role=k.role, title=k.title,
                    code=actor_code(lead.iso3, k.role))
        for m in mentions
        for k in m.keys
        if k.kind == "person" and k.country is None and k.title and k.role in _STATE_ROLES
    }


def fill_lead_country(ctx: ActorContext, mentions: list[Mention]) -> list[Mention]:
    """Non-state groups with no country in their sentence take the article's lead country.

    CODING.md: armed groups take the country where they act; an article about the Central
    African Republic that says "several rebels" means rebels there.
    """
    _, lead = dyad_and_lead(mentions, ctx.lexicon.by_iso3)
    if lead is None:
        return mentions
    officials = _lead_officials(mentions, lead)
    out = []
    for m in mentions:
        if any(k in officials for k in m.keys):
            m = Mention(m.start, m.end, tuple(officials.get(k, k) for k in m.keys),
                        f"{m.rule}+lead-country", m.extra)
        if (
            m.rule in _LEAD_FILLED and len(m.keys) == 1 and m.keys[0].country is None
            # an international NGO known by name is of no country (CODING.md)
            and not (m.rule == "named-group" and m.keys[0].role == "NGO")
        ):
            old = m.keys[0]
            key = ActorKey(kind=old.kind, name=old.name, country=lead.iso3, role=old.role,
                           title=old.title, code=actor_code(lead.iso3, old.role))
            m = Mention(m.start, m.end, (key,), f"{m.rule}+lead-country", m.extra)
        out.append(m)
    return out
