"""Collective and named actors: state organs, non-state groups, capitals, IGOs, countries and
other named organisations.

A collective noun takes its country from its qualifiers ("Iraqi special forces", "the
Azerbaijani and Turkish governments", "Turkey's government", "the government of Iraq"). A
country name is an actor unless it is where something happens ("in Belgrade, Serbia"); a
capital is the government only as an agent ("Ankara said").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..resolve.actors import Country, Group, Igo, NamedGroup
from ._actor_lexmatch import ActorContext, hyphen_joined
from ._actor_types import ActorKey, Mention, NameTag, actor_code, country_key, igo_key

__all__ = ["Pending", "find_groups", "find_names", "government_key", "group_key"]

# Prepositions that make a country name the place of an event rather than an actor.
_LOCATIVE = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "into", "within", "outside", "around",
     "via", "over"}
)
# Verbs whose object is a place even when it is a capital ("visited Ankara").
_MOTION = frozenset(
    {"visit", "reach", "enter", "leave", "arrive", "travel", "fly", "return", "tour", "hit",
     "bomb", "shell", "strike", "attack", "capture", "besiege", "surround", "host"}
)
_RELATIONAL = frozenset({"against", "with", "between", "toward", "towards"})
# Canonical body per role, so that "Turkish troops" and "the Turkish army" are one actor.
_CANON = {"GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
          "JUD": "judiciary", "LEG": "legislature"}
# Terms that name one specific body, kept apart from the generic government of the role.
_SPECIFIC = ("ministry", "office", "department", "embassy", "presidency", "court")
_NOT_HEAD = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True)
class Pending:
    """An unqualified collective ("the Foreign Ministry") resolved once the lead is known."""

    start: int
    end: int
    group: Group


def government_key(country: Country, group: Group) -> ActorKey:
    """A state organ of ``country``: one actor per role, or per specific body."""
    if any(w in group.term for w in _SPECIFIC):
        body = group.term.title()
    else:
        body = _CANON.get(group.role, group.term)
    name = f"{country.name} {body}"
    return ActorKey(kind="government", name=name, country=country.iso3, role=group.role,
                    code=actor_code(country.iso3, group.role))


def group_key(country: Country | None, group: Group, written: str) -> ActorKey:
    """A non-state group, named as first written; merged per country, role and term."""
    iso3 = country.iso3 if country else None
    name = f"{country.name} {group.term}" if country else written
    return ActorKey(kind="group", name=name, country=iso3, role=group.role,
                    code=actor_code(iso3, group.role))


def _qualifiers(ctx: ActorContext, start: int, head: Token) -> tuple[list[NameTag], int, int]:
    """Name tags qualifying a collective noun, and the mention's token bounds."""
    doc, tags = ctx.doc, []
    first = start
    # Every name inside the noun phrase's premodifiers qualifies it ("Syrian regime forces",
    # "An Istanbul court"); nothing outside it does ("in Belgrade, Serbia, the ministry").
    k = max(head.sent.start, head.left_edge.i)
    while k < start:
        tag = ctx.tag(k, "demonym", "country", "igo", "capital", "group")
        if tag is not None and k not in ctx.used and not hyphen_joined(doc, tag.start, tag.end):
            tags.append(tag)
            first = min(first, tag.start)
            k = tag.end
        else:
            k += 1
    k = first - 1
    # A misparse may cut coordinated nationalities off the phrase ("Emirati and Saudi
    # officials" parsed with "Emirati" as the head): keep reading bare demonyms and "and".
    while k >= head.sent.start and tags:
        tag = ctx.tag(k, "demonym")
        if tag is not None and k not in ctx.used:
            tags.insert(0, tag)
            first, k = tag.start, tag.start - 1
        elif doc[k].lower_ in ("and", ","):
            k -= 1
        else:
            break
    end = head.i + 1
    for prep in head.children:  # "the government of Iraq"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                tag = ctx.tag(obj.i, "country")
                if obj.dep_ == "pobj" and tag is not None:
                    tags.append(tag)
                    end = max(end, tag.end)
    return tags, first, end


def find_groups(ctx: ActorContext) -> tuple[list[Mention], list[Pending]]:
    """Collective nouns from the group lexicon, with the countries their qualifiers give."""
    doc, mentions, pending = ctx.doc, [], []
    for i, token in enumerate(doc):
        hit = ctx.groups.ending_at(doc, i)
        # A predicate nominal describes its subject ("Turkey is Azerbaijan's investor").
        if (
            hit is None or token.pos_ not in ("NOUN", "PROPN")
            or token.dep_ in _NOT_HEAD | {"attr"}
        ):
            continue
        start, term = hit
        # A proper name wins over a common noun inside it ("the Security Council").
        if i in ctx.tags or ctx.used.intersection(range(start, i + 1)):
            continue
        group = ctx.lexicon.groups[term]
        tags, first, end = _qualifiers(ctx, start, token)
        igo = next((t.entry for t in tags if t.kind == "igo"), None)
        countries = [t.entry for t in tags if isinstance(t.entry, Country)]
        keys: list[ActorKey] = []
        named = next((t.entry for t in tags if t.kind == "group"), None)
        if isinstance(igo, Igo):
            keys = [igo_key(igo)]
        elif isinstance(named, NamedGroup):  # "Hezbollah fighters" are Hezbollah
            keys, countries = [_named_group_key(ctx, named, token)], []
        for country in dict.fromkeys(countries):
            if group.kind == "government":
                keys.append(government_key(country, group))
            else:
                keys.append(group_key(country, group, doc[start : i + 1].text))
        if keys:
            mentions.append(Mention(first, end, tuple(keys), "qualified-collective"))
            ctx.used.update(range(first, end))
        elif group.bare == "lead" and any(c.lower_ == "the" for c in token.children):
            pending.append(Pending(start, i + 1, group))
            ctx.used.update(range(start, i + 1))
        elif group.bare == "yes":
            key = group_key(_sentence_country(ctx, token), group, doc[start : i + 1].text)
            mentions.append(Mention(start, i + 1, (key,), "bare-group"))
            ctx.used.update(range(start, i + 1))
    return mentions, pending


def _sentence_country(ctx: ActorContext, token: Token) -> Country | None:
    # Non-state groups take the country where the sentence says they act (CODING.md): the
    # nearest country word, a capital only where it is a place.
    best: tuple[int, Country] | None = None
    for i in range(token.sent.start, token.sent.end):
        tag = ctx.tag(i, "country", "demonym", "capital")
        if tag is None or not isinstance(tag.entry, Country):
            continue
        if tag.kind == "capital" and not _is_locative(ctx.doc[i]):
            continue
        distance = abs(i - token.i)
        if best is None or distance < best[0]:
            best = (distance, tag.entry)
    return best[1] if best else None


def _root(ctx: ActorContext, tag: NameTag) -> Token:
    span = ctx.doc[tag.start : tag.end]
    return span.root


def _is_locative(token: Token) -> bool:
    while token.dep_ in ("appos", "conj", "compound") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE


def _heads_phrase(token: Token) -> bool:
    """A noun that heads its phrase (not a modifier, nor a conjunct of one)."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ == "JJ":
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ not in _NOT_HEAD | {"poss", "amod"}


def _is_agent(token: Token) -> bool:
    """A capital standing for its government: subject, agent, or object of a non-motion verb."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):  # "Ankara's purchase" too
        return True
    if token.dep_ == "dobj":
        return token.head.lemma_ not in _MOTION
    if token.dep_ == "pobj":
        return token.head.dep_ == "agent" or token.head.lower_ in _RELATIONAL
    return False


def find_names(ctx: ActorContext) -> list[Mention]:
    """Capitals as governments, IGOs, countries and other named organisations."""
    doc, mentions = ctx.doc, []
    seen: set[int] = set()
    for tag in sorted(set(ctx.tags.values()), key=lambda t: t.start):
        # "the U.S. State Department": the country word is part of the body's name
        previous = ctx.tags.get(tag.start - 1)
        if (
            tag.kind == "group" and isinstance(tag.entry, NamedGroup)
            and tag.entry.kind == "government" and previous is not None
            and previous.iso3 == tag.entry.home
        ):
            key = _named_group_key(ctx, tag.entry, _root(ctx, tag))
            mentions.append(Mention(previous.start, tag.end, (key,), "named-state-body"))
            seen.update(range(previous.start, tag.end))
            ctx.used.update(range(previous.start, tag.end))
    for tag in sorted(set(ctx.tags.values()), key=lambda t: t.start):
        if seen.intersection(range(tag.start, tag.end)) or ctx.used.intersection(
            range(tag.start, tag.end)
        ):
            continue
        seen.update(range(tag.start, tag.end))
        root = _root(ctx, tag)
        if hyphen_joined(doc, tag.start, tag.end):
            continue
        key: ActorKey | None = None
        rule = ""
        if tag.kind == "igo" and isinstance(tag.entry, Igo):
            key, rule = igo_key(tag.entry), "igo-name"
        elif tag.kind == "group" and isinstance(tag.entry, NamedGroup):
            key, rule = _named_group_key(ctx, tag.entry, root), "named-group"
            if tag.entry.kind == "government":
                rule = "named-state-body"
        elif (
            tag.kind == "country" and isinstance(tag.entry, Country) and not _is_locative(root)
            and root.dep_ != "compound"  # "the Singapore Strait", "the Iran deal": a modifier
        ):
            key, rule = country_key(tag.entry), "country-name"
        elif (
            tag.kind == "demonym" and isinstance(tag.entry, Country)
            and _heads_phrase(root)
        ):
            # A nationality word heading its phrase ("the Iraqis", "Americans"): the country.
            key, rule = country_key(tag.entry), "demonym-noun"
        elif (
            tag.kind == "capital" and isinstance(tag.entry, Country) and _is_agent(root)
            and root.ent_type_ != "PERSON"
        ):
            key = government_key(tag.entry, ctx.lexicon.groups["government"])
            rule = "capital-metonymy"
        if key is not None:
            det = doc[tag.start - 1] if tag.start else None
            # "the U.N." but not "the Singapore Strait"'s article: only the name's own det
            own = (
                det is not None and det.lower_ == "the"
                and det.head.i in range(tag.start, tag.end)
            )
            start = tag.start - 1 if own else tag.start
            mentions.append(Mention(start, tag.end, (key,), rule))
            ctx.used.update(range(start, tag.end))
    mentions.extend(_organisations(ctx))
    return mentions


def _named_group_key(ctx: ActorContext, group: NamedGroup, root: Token) -> ActorKey:
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
            and _is_locative(ctx.doc[i])
        ),
        None,
    )
    iso3 = place.iso3 if place else group.home
    return ActorKey(kind="group", name=group.name, country=iso3, role=group.role,
                    code=actor_code(iso3, group.role))


def _organisations(ctx: ActorContext) -> list[Mention]:
    """ORG entities no lexicon covers: kind organization, role from their last word."""
    doc, out = ctx.doc, []
    for ent in doc.ents:
        if ent.label_ != "ORG" or ctx.used.intersection(range(ent.start, ent.end)):
            continue
        s, e = ent.start, ent.end
        while s < e and doc[s].lower_ == "the":
            s += 1
        while e > s and doc[e - 1].text in ("'s", "’s"):
            e -= 1
        if s >= e or all(i in ctx.tags for i in range(s, e)):
            continue
        if doc[s:e].text.lower() in ctx.person_forms:  # "al-Assad" tagged ORG: the person
            continue
        country = next(
            (t.iso3 for i in range(s, e) if (t := ctx.tag(i, "demonym", "country"))), None
        )
        hit = ctx.groups.ending_at(doc, e - 1)
        group = ctx.lexicon.groups[hit[1]] if hit else None
        # A named armed or governmental body is not assumed to be the state's: null role.
        role = group.role if group is not None and group.kind == "group" else None
        key = ActorKey(kind="organization", name=doc[s:e].text, country=country, role=role,
                       code=actor_code(country, role))
        out.append(Mention(s, e, (key,), "ner-organization"))
        ctx.used.update(range(s, e))
    return out
