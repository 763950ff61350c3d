"""Proper-name actors: capitals as governments, IGOs, named groups and state bodies,
countries, and other named organisations.

A country name is an actor unless it is where something happens ("in Belgrade, Serbia") or a
modifier ("the Iran deal"); a capital is the government only as an agent or possessor
("Ankara said", "Ankara's purchase").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..resolve.actors import Country, Igo, NamedGroup
from ._actor_lexmatch import ActorContext, hyphen_joined
from ._actor_placenames import is_motion, mislabelled_place
from ._actor_types import (
    ActorKey,
    Mention,
    NameTag,
    actor_code,
    country_key,
    government_key,
    igo_key,
)
from ._actor_where import is_locative, named_group_key, sentence_country

__all__ = ["find_names"]

# Verbs whose object is a place even when it is a capital ("visited Ankara").
_MOTION = frozenset(
    {"visit", "reach", "enter", "leave", "arrive", "travel", "fly", "return", "tour", "hit",
     "bomb", "shell", "strike", "attack", "capture", "besiege", "surround", "host"}
)
_RELATIONAL = frozenset({"against", "with", "between", "toward", "towards", "on"})
_NOT_HEAD = frozenset({"amod", "compound", "nmod"})


def _root(ctx: ActorContext, tag: NameTag) -> Token:
    span = ctx.doc[tag.start : tag.end]
    return span.root


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
        prep = token.head
        if prep.lower_ == "to":
            # "an ultimatum to Damascus", "aid to Kabul"; "a visit to Paris" is a place
            return prep.head.lemma_.lower() not in _MOTION and not is_motion(prep.head)
        return prep.dep_ == "agent" or prep.lower_ in _RELATIONAL
    return False


def _in_person_name(token: Token, tag: NameTag) -> bool:
    """A capital inside a longer person's name ("Denzel Washington"); the NER's PERSON label
    on the capital alone ("Ankara was close to ...") is a mistake."""
    if token.ent_type_ != "PERSON":
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent is not None and (ent.start < tag.start or ent.end > tag.end)


def _qualified_state_bodies(ctx: ActorContext, seen: set[int]) -> list[Mention]:
    """"the U.S. State Department": the country word is part of the body's name."""
    out = []
    for tag in sorted(set(ctx.tags.values()), key=lambda t: t.start):
        previous = ctx.tags.get(tag.start - 1)
        if (
            tag.kind == "group" and isinstance(tag.entry, NamedGroup)
            and tag.entry.kind == "government" and previous is not None
            and previous.iso3 == tag.entry.home
        ):
            key = named_group_key(ctx, tag.entry, _root(ctx, tag))
            out.append(Mention(previous.start, tag.end, (key,), "named-state-body"))
            seen.update(range(previous.start, tag.end))
            ctx.used.update(range(previous.start, tag.end))
    return out


def find_names(ctx: ActorContext) -> list[Mention]:
    """Capitals as governments, IGOs, countries and other named organisations."""
    doc, mentions = ctx.doc, []
    seen: set[int] = set()
    mentions.extend(_qualified_state_bodies(ctx, seen))
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
            key, rule = named_group_key(ctx, tag.entry, root), "named-group"
            if tag.entry.kind == "government":
                rule = "named-state-body"
        elif (
            tag.kind == "country" and isinstance(tag.entry, Country) and not is_locative(root)
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
            and not _in_person_name(root, tag)
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


# Bodies within a body: their role is the role of the body their name holds.
_PANELS = frozenset({"committee", "subcommittee", "commission", "panel", "caucus"})


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
        # the name's last word or its head ("the Department of Education")
        hit = ctx.groups.ending_at(doc, e - 1) or ctx.groups.ending_at(doc, doc[s:e].root.i)
        if hit is None and doc[e - 1].lemma_.lower() in _PANELS:
            # "the Senate Foreign Relations Committee": a panel of the body it names
            hit = next(
                (h for i in range(e - 2, s - 1, -1) if (h := ctx.groups.ending_at(doc, i))), None
            )
        group = ctx.lexicon.groups[hit[1]] if hit else None
        if group is None and country is None and mislabelled_place(doc[s:e], ctx.place_country):
            continue  # "rebels captured Luhansk": a town the NER took for an organisation
        role = group.role if group is not None and group.kind == "group" else None
        rule = "ner-organization"
        if group is not None and group.kind == "government" and (
            country is not None or group.role != "MIL"
        ):
            # "the U.S. Department of Justice", "Naroda Police", "the Supreme Court": a state
            # body by its name. A named armed force with no nationality in its name ("X
            # Army") is not assumed to be a state's: it keeps a null role.
            role, rule = group.role, "ner-state-body"
        if country is None and role == "REB":
            # an armed group takes the country where the sentence says it acts (CODING.md)
            place = sentence_country(ctx, doc[s:e].root)
            country = place.iso3 if place else None
        key = ActorKey(kind="organization", name=doc[s:e].text, country=country, role=role,
                       code=actor_code(country, role))
        out.append(Mention(s, e, (key,), rule))
        ctx.used.update(range(s, e))
    return out
