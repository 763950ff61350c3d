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
from ._actor_types import ActorKey, Mention, NameTag, government_key, group_key, igo_key
from ._actor_where import located_country, named_group_key, sentence_country, town_tag

__all__ = ["Pending", "find_groups"]

_NOT_HEAD = frozenset({"amod", "compound", "nmod"})
# Prepositions whose object is a party to what happens ("sanctions against", "aid to", "talks
# with", "pressure from"); locative ones ("in", "at") give places, not parties.
_PARTY_PREPS = frozenset({"by", "against", "with", "on", "to", "for", "from", "toward", "towards",
                          "between", "among", "upon"})
# Heads that count a group ("hundreds of workers", "a group of students"): the argument is theirs.
_COUNTING = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                       "million", "millions", "score", "scores", "number", "group", "some",
                       "many", "most", "all", "few", "several", "each", "both", "none"})


def _is_argument(token: Token) -> bool:
    """A noun that is a party to its clause: subject, object, agent or the object of a party
    preposition ("Police detained 18 people", "aid to farmers"), directly or through a
    counting head ("thousands of workers went on strike") or coordination."""
    if (
        token.dep_ == "pobj" and token.head.lower_ == "of"
        and (token.head.head.lower_ in _COUNTING or token.head.head.pos_ == "NUM")
    ):
        token = token.head.head
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _PARTY_PREPS


@dataclass(frozen=True)
class Pending:
    """An unqualified collective ("the Foreign Ministry") resolved once the lead is known."""

    start: int
    end: int
    group: Group


def _qualifiers(ctx: ActorContext, start: int, head: Token) -> tuple[list[NameTag], int, int]:
    """Name tags qualifying a collective noun, and the mention's token bounds."""
    doc, tags = ctx.doc, []
    first = start
    # Every name inside the noun phrase's premodifiers qualifies it ("Syrian regime forces",
    # "An Istanbul court"); nothing outside it does ("in Belgrade, Serbia, the ministry").
    k = max(head.sent.start, head.left_edge.i)
    while k < start:
        tag = ctx.tag(k, "demonym", "country", "igo", "capital", "group")
        if tag is None and k not in ctx.used:
            tag = town_tag(ctx, k)  # "an Istanbul court", "Ohio officials": that country's
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


# Sentences back that a definite "the insurgents" may refer to a group named there.
_NAMED_WINDOW = 8


def _named_before(ctx: ActorContext, token: Token, group: Group) -> ActorKey | None:
    """The armed or opposition group last named before a definite, unqualified "the
    insurgents" / "the rebels" (within a few sentences) in the same role, if any."""
    if group.role not in ("REB", "OPP") or not any(c.lower_ == "the" for c in token.children):
        return None
    sents = list(ctx.doc.sents)
    here = next(n for n, sent in enumerate(sents) if sent.start <= token.i < sent.end)
    floor = sents[max(0, here - _NAMED_WINDOW)].start
    for i in range(token.i - 1, floor - 1, -1):
        tag = ctx.tag(i, "group")
        if (
            tag is not None and isinstance(tag.entry, NamedGroup) and tag.entry.kind == "group"
            and tag.entry.role == group.role
        ):
            return named_group_key(ctx, tag.entry, token)  # where it acts in this sentence
    return None


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
            keys, countries = [named_group_key(ctx, named, token)], []
        for country in dict.fromkeys(countries):
            if group.kind == "government":
                keys.append(government_key(country, group))
            else:
                keys.append(group_key(country, group, doc[start : i + 1].text))
        if keys:
            mentions.append(Mention(first, end, tuple(keys), "qualified-collective"))
            ctx.used.update(range(first, end))
        elif group.bare == "always" or (
            group.bare == "lead" and any(c.lower_ == "the" for c in token.children)
        ):
            pending.append(Pending(start, i + 1, group))
            ctx.used.update(range(start, i + 1))
        elif group.bare == "yes" or (group.bare == "arg" and _is_argument(token)):
            if group.kind != "government" and (earlier := _named_before(ctx, token, group)):
                key = earlier  # "the insurgents" after "the Taliban": the group named
            elif group.kind != "government":
                key = group_key(sentence_country(ctx, token), group, doc[start : i + 1].text)
            elif (place := located_country(ctx, token)) is not None and not any(
                ctx.tag(k, "country", "demonym") for k in range(token.left_edge.i, start)
            ):
                key = government_key(place, group)  # "a military base in Nigeria": Nigeria's
            elif any(c.lower_ == "the" for c in token.children) and not any(
                c.dep_ == "compound" for c in token.children
            ):
                # "the court": the article's lead country's, like "the Foreign Ministry"
                pending.append(Pending(start, i + 1, group))
                ctx.used.update(range(start, i + 1))
                continue
            else:
                # in no country its own phrase names, or whose owners are named in a compound
                # ("a joint Kenya-U.S. military base": the events read those as parties)
                continue
            mentions.append(Mention(start, i + 1, (key,), "bare-group"))
            ctx.used.update(range(start, i + 1))
    return mentions, pending
