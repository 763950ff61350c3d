"""Events: who did what to whom, coded in CAMEO and PLOVER, one record per distinct act.

Pipeline component ``communique_events_v1`` (after times, actors and places). For every
sentence it finds event predicates in the dependency parse with the packaged lexicon
(``data/lexicon/events.yml``): verbs ("met", "condemned"), light verbs with their event noun
("held talks", "voiced support") and nominal events ("a Turkish offensive against ..."). The
arguments come from ``_event_args`` (subjects, objects, passives, prepositions, coordination,
relative clauses) and are mapped to actor ids with ``actors.actors_at``; dates and status come
from ``times.date_and_status``, the place from ``places.place_for_predicate``.

Coding rules (CODING.md): only events with a political actor count; joint acts ("X and Y
signed") are one event in text order, other compound actors are split; a pledge ("agreed to
meet", "will withdraw") is the 03x intent of the act and a hostile "will" is a 13x threat;
statements that report a coded clause are not coded themselves; one event per (source,
target, CAMEO, date) with the clearest sentence kept, and consultations of one pair on one
month collapse to the most specific code. A consultation in a third country is 044, in one
party's country a visit (042); military backing is 062 and a militant attack on civilians 180.
Appeals are coded by what they ask for and obligations in reported speech are the
speaker's demands; refusals to cooperate are 12x; acts alleged in an accusation are not coded.
The modules, in the order they apply: ``_event_lexicon`` (data), ``_event_match``
(predicates), ``_event_args`` (arguments), ``_event_context`` (hyphenated and demonym
parties), ``_event_frames`` (clause rules), ``_event_appeals`` (what appeals ask for),
``_event_rules`` (recoding tables, refusals, confidence), ``_event_links`` (targets from
places, reporters and anaphora), ``_event_organs`` (a country named as a party is its
government or its forces; actors renumbered by first mention), ``_event_dates`` (date and
status), ``_event_dedupe`` (order and one record per act).

Confidence: the precision that the predicate's rule family (verb, light verb, noun, intent,
threat) reached on the development gold at the medium match level (``FAMILY_PRECISION`` in
``_event_rules``, measured with ``benchmarks/end_to_end.py --calibrate``), times 0.8 when one
side of the dyad is missing, 0.9 when the date is unknown and 0.9 when it comes from another
sentence: it estimates the chance that the event matches a hand-coded one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Actor, Event
from . import actors as _actors
from . import places as _places
from ._event_appeals import apply_appeals
from ._event_args import ActorsAt
from ._event_context import with_hyphen_parties
from ._event_dates import event_date, inherit_context_dates
from ._event_dedupe import clause_order, dedupe
from ._event_frames import apply_frames
from ._event_lexicon import EventLexicon, load_lexicon
from ._event_links import CountryParties, anaphora_targets, place_targets, reported_agents
from ._event_match import Candidate, PredicateMatcher
from ._event_organs import Coded, renumber, state_organs
from ._event_parties import (
    country_token,
    names_a_party,
    political,
    private_person,
    role_of,
    same_actor,
)
from ._event_rules import (
    FAMILY_PRECISION,
    POLITICAL_ROLES,
    apply_recodes,
    refine_consultation,
)
from .taxonomy import cameo_info

__all__ = ["Candidate", "EventsComponent", "POLITICAL_ROLES"]



class EventsComponent:
    """Writes ``Doc._.communique_events``: a list of :class:`~communique.records.Event`."""

    def __init__(self, *, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon
        self.matcher = PredicateMatcher(lexicon)

    def candidates(self, doc: Doc, aat: ActorsAt) -> list[Candidate]:
        """Every matched predicate of the document, with the clause-level rules applied."""
        return apply_frames(self.matcher.find(doc, aat), aat)

    # -- records --------------------------------------------------------------------------
    def match(
        self, doc: Doc, *, actors_at: Callable[[Token], tuple[str, ...]] | None = None
    ) -> list[Event]:
        """The document's events (pure: reads ``doc``, writes nothing).

        Args:
            doc: a parsed Doc that went through times, actors and places.
            actors_at: token -> actor ids; the actors stage's ``actors_at`` when not given
                (benchmarks pass their own to score events with gold actors). Given, the
                events name those ids; not given, the renumbered actors of
                :meth:`match_with_actors`.
        """
        return self.match_with_actors(doc, actors_at=actors_at).events

    def match_with_actors(
        self, doc: Doc, *, actors_at: Callable[[Token], tuple[str, ...]] | None = None
    ) -> Coded:
        """The document's events with every actor they may name (pure, like ``match``).

        A country named only as a place becomes an actor when an event is aimed at it
        (``_event_links``). With the stage's own actors, a country named as a party becomes
        the organ that acts for it and all actors are renumbered by first mention
        (``_event_organs``); with ``actors_at`` given, the ids stay the caller's.
        """
        own = actors_at is None
        actors = {a.id: a for a in (doc._.communique_actors or ())}
        parties = CountryParties(doc, actors)
        aat: ActorsAt = with_hyphen_parties(
            doc, actors_at or (lambda tok: _actors.actors_at(doc, tok)), parties.actor_for
        )
        # Main clauses first within a sentence ("warplanes supported by Russia pounded ..."):
        # the first event of a sentence is its main predicate.
        found = sorted(
            apply_appeals(self.candidates(doc, aat), self.lexicon, aat),
            key=lambda c: clause_order(c.anchor),
        )
        for cand in found:
            code, note = apply_recodes(cand.code, cand.anchor, self.lexicon.recodes)
            cand.code, cand.rule = code, cand.rule + note
        reported_agents(found, aat, parties)
        place_targets(doc, found, parties, aat)
        anaphora_targets(found, self.lexicon)
        found = [
            c for c in found
            if c.target or not c.entry.needs_target or c.entry.mutual and len(c.source) > 1
        ]
        events: list[Event] = []
        for cand in found:
            events.extend(self._events(doc, cand, actors))
        tokens = dict(doc._.communique_actor_tokens or {})
        every = list(actors.values())
        if own:
            events, every, tokens = state_organs(doc, events, actors, tokens)
        countries = {a.id: country_token(a) for a in every}
        events = dedupe(inherit_context_dates(doc, events, countries))
        used = {a for ev in events for a in (ev.source, ev.target) if a}
        stage = {a.id for a in doc._.communique_actors or ()}
        kept = [a for a in every if a.id in stage or a.id in used]
        return renumber(events, kept, tokens) if own else Coded(events, kept, tokens)

    def _events(self, doc: Doc, cand: Candidate, actors: dict[str, Actor]) -> list[Event]:
        cand.source = _described(actors, cand.source)
        cand.target = _described(actors, cand.target)
        if cand.code == "042" and not any(political(actors.get(s)) for s in cand.source):
            return []  # a visit is somebody's: travellers and tourists are no event
        if cand.code[:2] in _STATEMENTS and cand.source and all(
            private_person(actors.get(s)) for s in cand.source
        ):
            return []  # a private person's (or ex-official's) words are commentary (CODING.md)
        pairs = [p for p in _pairs(cand) if not same_actor(actors, *p)]
        if not pairs and cand.source and not cand.entry.needs_target:
            # "recall its ambassador", "rejected its offer", "Erdogan agreed to a ceasefire
            # halting Turkey's incursion": a target that is the source itself says nothing of
            # whom the act is aimed at
            pairs = [(s, None) for s in dict.fromkeys(cand.source)]
        pairs = [
            p
            for p in pairs
            if political(actors.get(p[0] or "")) or political(actors.get(p[1] or ""))
        ]
        if not pairs:
            return []
        date, status = event_date(doc, cand)
        start, end = _sentence_span(cand.anchor)
        place = _place_of(doc, cand.anchor)
        if cand.entry.refine == "place" and names_a_party(
            doc, place, (*cand.source, *cand.target), actors, (start, end)
        ):
            place = None  # "talked to Greece": Greece is whom, not where they talked
        place_country = next(
            (p.country for p in (doc._.communique_places or ()) if p.id == place), None
        )
        out: list[Event] = []
        for source, target in pairs:
            code, swap, notes = cand.code, False, ""
            if code[:2] in ("05", "07") and _military(cand):
                code, notes = "062", "+military"  # CODING.md: military backing is 062
            if cand.entry.refine == "place":
                before = code
                code, swap = refine_consultation(
                    code,
                    place_country,
                    country_token(actors.get(source or "")),
                    country_token(actors.get(target or "")),
                )
            if cand.entry.refine == "place" and code != before:
                notes += "+place"
            if swap:
                source, target = target, source
            if (
                code in ("190", "193")
                and role_of(actors, source) == "REB"
                and role_of(actors, target) == "CVL"
            ):
                code, notes = "180", notes + "+civilians"  # CODING.md: militant attack
            info = cameo_info(code)
            confidence = FAMILY_PRECISION[cand.family]
            if source is None or target is None:
                confidence *= 0.8
            if date.precision == "unknown":
                confidence *= 0.9
            rule = (
                cand.rule
                + notes
                + (f"+{cand.family}" if cand.family in ("intent", "threat") else "")
            )
            out.append(
                Event(
                    id="",
                    cameo=code,
                    root=info.root,
                    plover=info.plover,
                    quad=info.quad,
                    goldstein=info.goldstein,
                    source=source,
                    target=target,
                    place=place,
                    object=cand.object,
                    date=date,
                    status=status,
                    negated=cand.negated,
                    sentence=doc.text[start:end],
                    span=(start, end),
                    evidence=f"lex:{cand.entry.id}; rule:{rule}; sym:{cand.entry.sym}",
                    confidence=round(min(max(confidence, 0.05), 0.95), 2),
                )
            )
        return out

    def set_annotations(self, doc: Doc, coded: Coded) -> None:
        """Write the events on the Doc, with the actors and token map they name."""
        doc._.communique_events = coded.events
        doc._.communique_actors = coded.actors
        doc._.communique_actor_tokens = coded.tokens

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match_with_actors(doc))
        return doc


def _sentence_span(token: Token) -> tuple[int, int]:
    """The sentence's character span without the blank lines spaCy attaches to it."""
    sent = token.sent
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def _pairs(cand: Candidate) -> list[tuple[str | None, str | None]]:
    src, tgt = cand.source, cand.target
    if cand.entry.sym and not tgt and len(src) >= 2:
        return [(src[0], src[1])]  # a joint act: one event, actors in text order
    if cand.entry.sym and not src and len(tgt) >= 2:
        return [(tgt[0], tgt[1])]
    if cand.entry.mutual and not tgt and len(src) >= 2:
        return [(s, t) for s in src for t in src if s != t]  # "X and Y traded accusations"
    pairs = [(s, t) for s in (src or (None,)) for t in (tgt or (None,)) if s != t]
    return [p for p in pairs if p != (None, None)]


def _described(actors: dict[str, Actor], ids: tuple[str, ...]) -> tuple[str, ...]:
    """A person and the country or body their description names ("the EU's Commission
    President von der Leyen") are one party: the person."""
    people = [actors[a] for a in ids if a in actors and actors[a].kind == "person"]
    if not people:
        return ids
    own = {p.country for p in people if p.country} | {p.code for p in people if p.code}
    return tuple(
        a
        for a in ids
        if a not in actors
        or actors[a].kind == "person"
        or not ({actors[a].country, actors[a].code} & own)
    )


_STATEMENTS = frozenset({"01", "02", "10", "11", "12", "13"})


def _military(cand: Candidate) -> bool:
    noun = cand.event_noun if cand.event_noun is not None else cand.anchor
    return any(
        c.lemma_.lower() == "military" for c in noun.children if c.dep_ in ("amod", "compound")
    )


def _place_of(doc: Doc, anchor: Token) -> str | None:
    return _places.place_for_predicate(doc, anchor)


@Language.factory(
    "communique_events_v1",
    assigns=[
        "doc._.communique_events", "doc._.communique_actors", "doc._.communique_actor_tokens"
    ],
    requires=["doc._.communique_actors", "doc._.communique_times"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """The events component; the lexicon is compiled once here, per process."""
    return EventsComponent(lexicon=load_lexicon())
