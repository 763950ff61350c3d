"""Targets the clause does not name, found in the article around it.

- place as party: a visit to a place abroad is hosted by that country ("visited Ankara",
  "traveled to Moscow"); an appeal, statement or criticism about a situation "in <country>" ("called
  for an immediate ceasefire in Sudan", "condemned the violence in Myanmar") is addressed to
  that country when nothing else is; a use of force with no named target is against the
  country where it happened when that is not the attacker's own ("struck a camp near Balakot in
  Pakistan"). The country is the article's country actor; when the article has none (the name
  was only a place), :class:`CountryParties` adds one, so the event's target is an actor like
  any other.
- anaphora: "Russia condemned the measures" is aimed at whoever took the measures; a
  definite noun of an ``anaphora`` entry of the lexicon points back to the nearest earlier
  event of the entry's roots, whose source becomes the target.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..records import Actor
from ..resolve.actors import load_lexicon
from . import places as _places
from ._event_args import ActorsAt, np_actors
from ._event_lexicon import Anaphor, EventLexicon
from ._event_match import Candidate
from ._event_parties import country_token, political

__all__ = ["CountryParties", "anaphora_targets", "place_targets"]

# Roots whose target may be the country a situation is "in".
_ABOUT_ROOTS = frozenset({"01", "02", "10", "11", "12"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})
_DEFINITE = frozenset({"the", "this", "these", "those", "such", "that"})
_CLAUSE_BREAKS = frozenset({"ccomp", "relcl", "advcl", "parataxis", "acl"})
_WINDOW_SENTENCES = 3  # an anaphor looks back this many sentences
_REPORTING = frozenset({"say", "tell", "report", "add", "confirm", "announce", "state"})


class CountryParties:
    """Country actors of the article by ISO3, adding one for a country named only as a place."""

    def __init__(self, doc: Doc, actors: dict[str, Actor]) -> None:
        self.doc = doc
        self.actors = actors
        self.added: list[Actor] = []
        self._by_country: dict[str, str] = {}
        for actor in actors.values():
            if actor.kind == "country" and actor.country:
                self._by_country.setdefault(actor.country, actor.id)

    def political(self, actor_id: str) -> bool:
        """A state, an IGO or an actor in a political role (the events' coding filter)."""
        return political(self.actors.get(actor_id))

    def countries(self) -> set[str]:
        """The countries the article's actors belong to."""
        return {a.country for a in self.actors.values() if a.country}

    def country_of(self, actor_id: str | None) -> str | None:
        """The ISO3 code of an actor ("IGO" for an international organisation)."""
        return country_token(self.actors.get(actor_id or ""))

    def actor_for(self, iso3: str, mention: Span) -> str | None:
        """The id of the country actor for ``iso3``, added (with this mention) if missing."""
        found = self._by_country.get(iso3)
        if found is not None:
            return found
        country = load_lexicon().by_iso3.get(iso3)
        if country is None:
            return None
        used = {int(a[1:]) for a in self.actors if a[:1] == "A" and a[1:].isdigit()}
        actor = Actor(
            id=f"A{max(used, default=0) + 1}",
            name=country.name,
            kind="country",
            country=iso3,
            code=iso3,
            mentions=[(mention.start_char, mention.end_char)],
        )
        self.actors[actor.id] = actor
        self.added.append(actor)
        self._by_country[iso3] = actor.id
        return actor.id


def _place_span(doc: Doc, token: Token, place_id: str) -> Span:
    table: dict[int, str] = doc._.communique_place_tokens or {}
    start = end = token.i
    while start > 0 and table.get(start - 1) == place_id:
        start -= 1
    while end + 1 < len(doc) and table.get(end + 1) == place_id:
        end += 1
    return doc[start : end + 1]


def _place_country(doc: Doc, place_id: str | None) -> str | None:
    for place in doc._.communique_places or ():
        if place.id == place_id:
            return place.country
    return None


def _situation_place(doc: Doc, head: Token) -> tuple[Token, str] | None:
    """A place under an "in" phrase of ``head``'s own phrase ("a ceasefire in Sudan", "an
    end to the fighting in Gaza"): (the place token, its place id)."""
    table: dict[int, str] = doc._.communique_place_tokens or {}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in _CLAUSE_BREAKS:
                continue
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in table:
                        return pobj, table[pobj.i]
            if child.dep_ in ("prep", "pobj", "dobj", "amod", "compound", "conj"):
                stack.append(child)
    return None


def _own_place(doc: Doc, anchor: Token) -> tuple[Token, str] | None:
    """The place of an act found in the predicate's own clause (not a governing one)."""
    place_id = _places.place_for_predicate(doc, anchor)
    table: dict[int, str] = doc._.communique_place_tokens or {}
    own = [t for t in anchor.subtree if table.get(t.i) == place_id]
    if place_id is None or not own:
        return None
    node = own[0]
    while node.i != anchor.i and node.head.i != node.i:
        if node.dep_ in _CLAUSE_BREAKS:
            return None
        node = node.head
    return own[0], place_id


def _destination(doc: Doc, cand: Candidate) -> tuple[Token, str] | None:
    """Where a visit goes: "visited Ankara", "traveled to Moscow", "a visit to Cairo"."""
    table: dict[int, str] = doc._.communique_place_tokens or {}
    holders = [h for h in (cand.anchor, cand.event_noun) if h is not None]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "dobj" and child.i in table:
                return child, table[child.i]
            if child.dep_ == "prep" and child.lower_ in ("to", "in"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in table:
                        return pobj, table[pobj.i]
    return None


def _names_country(doc: Doc, iso3: str) -> bool:
    """Whether the text names the country itself (as a place)."""
    return any(
        p.country == iso3 and p.feature == "country" for p in doc._.communique_places or ()
    )


def _situation_heads(cand: Candidate) -> list[Token]:
    heads = [cand.event_noun] if cand.event_noun is not None else []
    verb = cand.anchor
    heads += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
    ]
    return heads


def _reporter_country(
    cand: Candidate, aat: ActorsAt, parties: CountryParties
) -> tuple[str, Span] | None:
    """The country of the actor reporting an act ("Afghan officials said attackers ..."),
    with the reporter's phrase."""
    node = cand.anchor
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("ccomp", "parataxis") or node.head.lemma_ not in _REPORTING:
        return None
    subj = next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    countries = {parties.country_of(a) for a in np_actors(subj, aat)} - {None, "IGO"}
    if subj is None or len(countries) != 1:
        return None
    iso3 = countries.pop()
    assert iso3 is not None
    return iso3, subj.doc[subj.left_edge.i : subj.right_edge.i + 1]


_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
_FORCE_ROLES = frozenset({"MIL", "COP", "SPY"})


def reported_agents(found: list[Candidate], aat: ActorsAt, parties: CountryParties) -> None:
    """The reporter as the agent of an agentless passive it reports: "officials said troops
    were deployed" (15x, 17x: the state whose officials speak), "both forces say several
    rebels were neutralized or captured" (19x too, when the reporters are armed forces)."""
    for cand in found:
        root = cand.code[:2]
        if cand.source or "passive" not in cand.rule or root not in ("15", "17", "19"):
            continue
        node = cand.anchor
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ not in ("ccomp", "parataxis") or node.head.lemma_ not in _REPORTING:
            continue
        subj = next((c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        roles = _FORCE_ROLES if root == "19" else _STATE_ROLES
        agents = tuple(
            a
            for a in np_actors(subj, aat)
            if (actor := parties.actors.get(a)) is not None
            and (actor.role in roles or (root == "19" and actor.kind == "igo"))
        )
        if agents:
            cand.source, cand.rule = agents, cand.rule + "+reporter-agent"


def place_targets(
    doc: Doc, found: list[Candidate], parties: CountryParties, aat: ActorsAt
) -> None:
    """Give targetless appeals, statements and uses of force the country of their place."""
    for cand in found:
        if cand.target:
            continue
        root = cand.code[:2]
        if root in _FORCE_ROOTS and not cand.source and _own_place(doc, cand.anchor) is None:
            # "attackers detonated a car bomb", an Afghan official said: an attack by no
            # named party is against the country whose officials report it
            reported = _reporter_country(cand, aat, parties)
            actor_id = parties.actor_for(*reported) if reported else None
            if actor_id is not None:
                cand.target, cand.rule = (actor_id,), cand.rule + "+reported-victim"
            continue
        root = cand.code[:2]
        hit: tuple[Token, str] | None = None
        rule = ""
        if root in _ABOUT_ROOTS and cand.source:
            for head in _situation_heads(cand):
                if (hit := _situation_place(doc, head)) is not None:
                    rule = "+place-party"
                    break
        elif root in _FORCE_ROOTS:
            hit, rule = _own_place(doc, cand.anchor), "+place-victim"
        elif cand.code == "042" and any(parties.political(a) for a in cand.source):
            hit, rule = _destination(doc, cand), "+place-host"
        if hit is None:
            continue
        iso3 = _place_country(doc, hit[1])
        if iso3 is None or iso3 in {parties.country_of(s) for s in cand.source}:
            continue
        if rule == "+place-victim" and not (
            iso3 in parties.countries() or _names_country(doc, iso3)
        ):
            continue  # a town the gazetteer may have put in a country the text never names
        actor_id = parties.actor_for(iso3, _place_span(doc, hit[0], hit[1]))
        if actor_id is not None:
            cand.target, cand.rule = (actor_id,), cand.rule + rule


def _anaphor_noun(cand: Candidate) -> Token | None:
    """The definite noun the predicate is about: its object ("condemned the measures") or the
    object of its topic preposition ("concern over the move")."""
    verb = cand.anchor
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    for holder in (verb, cand.event_noun):
        if holder is None:
            continue
        nouns += [
            p
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ in ("over", "about", "against", "to", "on")
            for p in c.children
            if p.dep_ == "pobj"
        ]
    for noun in nouns:
        if cand.event_noun is not None and noun.i == cand.event_noun.i:
            continue
        if any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children):
            return noun
    return None


def _anaphor_entry(lexicon: EventLexicon, noun: Token) -> Anaphor | None:
    forms = {noun.lemma_.lower(), noun.lower_, noun.lower_.rstrip("s")}
    return next((a for a in lexicon.anaphora if forms & a.nouns), None)


def anaphora_targets(found: list[Candidate], lexicon: EventLexicon) -> None:
    """Aim reactions to "the measures", "the attack" at the source of that earlier event."""
    ordered = sorted(found, key=lambda c: c.anchor.i)
    for n, cand in enumerate(ordered):
        if cand.target or not cand.source:
            continue
        noun = _anaphor_noun(cand)
        entry = _anaphor_entry(lexicon, noun) if noun is not None else None
        if entry is None:
            continue
        sent_start = cand.anchor.sent.start
        for earlier in reversed(ordered[:n]):
            if _sentences_between(earlier.anchor, cand.anchor) > _WINDOW_SENTENCES:
                break
            if earlier.anchor.i >= sent_start and earlier.anchor.sent == cand.anchor.sent:
                continue  # the same sentence: its own clause, not what is referred back to
            if earlier.code[:2] not in entry.roots or not earlier.source:
                continue
            parties = (*earlier.source, *earlier.target) if earlier.entry.sym else earlier.source
            target = tuple(dict.fromkeys(s for s in parties if s not in cand.source))
            if target:
                cand.target, cand.rule = target, f"{cand.rule}+anaphora:{entry.id}"
            break


def _sentences_between(a: Token, b: Token) -> int:
    doc = a.doc
    count, i = 0, a.sent.end
    while i < b.sent.start and i < len(doc):
        count += 1
        i = doc[i].sent.end
    return count
