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
date collapse to the most specific code.

Confidence: the precision that the predicate's rule family (verb, light verb, noun, intent,
threat) reached on the development gold at the medium match level (``FAMILY_PRECISION`` in
``_event_rules``, measured with ``benchmarks/end_to_end.py --calibrate``), times 0.8 when one
side of the dyad is missing and 0.9 when the date is unknown: it estimates the chance that the
event matches a hand-coded one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Actor, DateRange, Event, EventStatus
from . import actors as _actors
from . import places as _places
from . import times as _times
from ._event_args import ActorsAt, noun_arguments, np_actors, object_of, verb_arguments
from ._event_context import with_hyphen_parties
from ._event_lexicon import EventLexicon, LexEntry, load_lexicon
from ._event_rules import (
    FAMILY_PRECISION,
    intent_code,
    is_intent,
    is_negated,
    refine_consultation,
    threat_code,
)
from .taxonomy import cameo_info

__all__ = ["Candidate", "EventsComponent", "POLITICAL_ROLES"]

POLITICAL_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "IGO"})
_COOPERATIVE = frozenset({"04", "05", "06", "07", "08"})
_HOSTILE = frozenset({"15", "16", "17", "18", "19", "20"})
_COMMENTATORS = frozenset(
    {
        "analyst",
        "expert",
        "observer",
        "scholar",
        "academic",
        "researcher",
        "commentator",
        "professor",
        "economist",
        "critic",
    }
)
_STATEMENT = frozenset({"01", "02", "10", "11", "12", "13"})
_REPORTING = frozenset({"say", "tell", "state", "add", "claim", "charge", "insist", "argue"})
_TOPIC_PREPS = frozenset({"on", "over", "about", "regarding"})


@dataclass(slots=True)
class Candidate:
    """A matched predicate before it becomes one or more ``Event`` records."""

    anchor: Token  # the token dated and placed (a verb, or the noun of a nominal event)
    entry: LexEntry
    code: str
    family: str
    rule: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    negated: bool
    object: str | None
    event_noun: Token | None = None


def _np_text(token: Token) -> str:
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "poss", "case")]
    return " ".join(t.text for t in words if t.i >= token.left_edge.i).strip() or token.text


def _object_text(head: Token, actor_ids: tuple[str, ...]) -> str | None:
    if actor_ids:
        return None
    text = _np_text(head)
    return text[:80] if text else None


class EventsComponent:
    """Writes ``Doc._.communique_events``: a list of :class:`~communique.records.Event`."""

    def __init__(self, *, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    # -- matching -------------------------------------------------------------------------
    def _verb_candidate(self, tok: Token, aat: ActorsAt, consumed: set[int]) -> Candidate | None:
        lemma = tok.lemma_.lower()
        obj = object_of(tok)
        # Light verbs: the event noun is the object, or the object of a preposition
        # ("called for a ceasefire").
        nouns = [obj] if obj is not None else []
        nouns += [
            p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        # "provided $2 million in assistance": the event noun hangs on the object
        if obj is not None:
            nouns += [
                p for c in obj.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
            ]
        # "stopped implementing its commitments": a gerund complement names the act
        nouns += [c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
        for noun in nouns:
            for conj in (noun, *[c for c in noun.children if c.dep_ == "conj"]):
                entry = self.lexicon.light.get((lemma, conj.lemma_.lower()))
                if entry is None:
                    continue
                consumed.update({noun.i, conj.i})
                source, target, rule = verb_arguments(tok, aat, event_noun=noun)
                topic = next(
                    (
                        p
                        for c in noun.children
                        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS
                        for p in c.children
                        if p.dep_ == "pobj"
                    ),
                    None,
                )
                return Candidate(
                    tok,
                    entry,
                    entry.code,
                    "light",
                    f"light-{rule}",
                    source,
                    target,
                    is_negated(tok),
                    _object_text(topic, np_actors(topic, aat)) if topic is not None else None,
                    conj,
                )
        for entry in self.lexicon.verbs.get(lemma, ()):
            if entry.objects and not (
                obj is not None
                and (obj.lemma_.lower() in entry.objects or obj.lower_ in entry.objects)
            ):
                continue
            if entry.preps and not any(
                c.dep_ in ("prep", "prt") and c.lower_ in entry.preps for c in tok.children
            ):
                continue
            source, target, rule = verb_arguments(tok, aat)
            obj_text = None
            if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not np_actors(obj, aat):
                obj_text = _object_text(obj, ())
            return Candidate(
                tok,
                entry,
                entry.code,
                "verb",
                f"verb-{rule}",
                source,
                target,
                is_negated(tok),
                obj_text,
            )
        return None

    def _noun_candidate(self, tok: Token, aat: ActorsAt) -> Candidate | None:
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        for entry in self.lexicon.nouns.get(tok.lemma_.lower(), ()):
            if entry.mods and not (mods & entry.mods):
                continue
            source, target = noun_arguments(tok, aat)
            if not source and not (entry.sym and len(target) >= 2):
                return None  # a nominal event needs its agent in the text
            if entry.sym and len(set(source) | set(target)) < 2:
                return None  # "a meeting of the Council" names no second party
            anchor = (
                tok.head
                if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX")
                else tok
            )
            return Candidate(anchor, entry, entry.code, "noun", "noun", source, target, False, None)
        return None

    def candidates(self, doc: Doc, aat: ActorsAt) -> list[Candidate]:
        """Every matched predicate of the document, with intent/threat and report rules applied."""
        consumed: set[int] = set()
        found: list[Candidate] = []
        for tok in doc:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
                cand = self._verb_candidate(tok, aat, consumed)
                if cand is not None:
                    found.append(cand)
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                cand = self._noun_candidate(tok, aat)
                if cand is not None:
                    found.append(cand)
        for cand in found:
            agentless = cand.rule.endswith(("passive", "participle")) or cand.family == "noun"
            if cand.entry.sym and agentless and not cand.source and len(set(cand.target)) < 2:
                # "Eleven agreements were signed within the A-B forum": the parties are named
                # somewhere in the predicate's own clause.
                parties = _subtree_actors(cand.anchor, aat)
                if len(parties) >= 2:
                    cand.source, cand.target, cand.rule = parties, (), cand.rule + "+clause-parties"
            elif (
                cand.family == "light"
                and cand.source
                and not cand.target
                and cand.event_noun is not None
            ):
                others = _subtree_actors(cand.event_noun, aat, skip=cand.source)
                if others:
                    cand.target, cand.rule = others[:1], cand.rule + "+noun-target"
            elif (
                cand.family == "verb"
                and cand.source
                and not cand.target
                and (cand.code[:2] in _STATEMENT)
            ):
                # "warned that cooperation between Russia and North Korea ...", "concerned
                # about Iran's ...": a statement is about the actors of its complement.
                holder = next(
                    (c for c in cand.anchor.children if c.dep_ in ("ccomp", "xcomp")), None
                ) or next(
                    (
                        p
                        for c in cand.anchor.children
                        if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS
                        for p in c.children
                        if p.dep_ == "pobj"
                    ),
                    None,
                )
                others = (
                    _subtree_actors(holder, aat, skip=cand.source) if holder is not None else ()
                )
                if others:
                    cand.target, cand.rule = others[:2], cand.rule + "+clause-target"
        by_anchor = {c.anchor.i: c for c in found}
        dropped: set[int] = set()
        for cand in found:
            verb = cand.anchor
            if verb.dep_ == "conj" and verb.head.dep_ == "xcomp" and verb.head.i not in by_anchor:
                verb = verb.head  # "threatened to close or suspend": the conjunct shares the frame
            root = cand.code[:2]
            head = by_anchor.get(verb.head.i)
            threatened = head is not None and verb.dep_ == "xcomp" and head.code.startswith("13")
            intent = is_intent(verb) and not (root == "04" and verb.dep_ != "xcomp")
            if (
                cand.family != "noun"
                and (intent or threatened)
                and not cand.code.startswith(("03", "13"))
            ):
                # "will convene a meeting on Friday" is a planned meeting (CODING.md), not an
                # intent: only pledges ("agreed to meet") recode a consultation.
                if root in _COOPERATIVE and not threatened:
                    cand.code, cand.family = intent_code(cand.code), "intent"
                elif root in _HOSTILE or threatened:
                    cand.code, cand.family = threat_code(cand.code), "threat"
                if head is not None and verb.dep_ == "xcomp" and head.code[:2] in ("03", "13"):
                    # "pledged to withdraw", "threatened to close": the inner act is the code
                    dropped.add(id(head))
                    if not cand.source:
                        cand.source = head.source
            if head is not None and head.entry.deliberation and verb.dep_ in ("xcomp", "ccomp"):
                dropped.add(id(cand))  # "considering sending troops": nothing sent yet
                continue
            clause = verb.head if verb.dep_ == "conj" else verb  # "defying ... and ignoring"
            if cand.entry.alleged and clause.dep_ == "ccomp" and clause.head.lemma_ in _REPORTING:
                # "X said Iran is defying the Council": the charge is the news (112), not the act.
                reporter = _subtree_reporter(clause.head, aat)
                if reporter and cand.source and not set(reporter) & set(cand.source):
                    cand.code, cand.family, cand.rule = "112", "verb", cand.rule + "+alleged"
                    cand.target, cand.source = cand.source, reporter
            if (
                verb.dep_ == "ccomp"
                and (head := by_anchor.get(verb.head.i)) is not None
                and head.entry.report
            ):
                dropped.add(id(head))  # "warned that X will ...": code the clause, not the warning
        dropped.update(id(c) for c in found if _commentary(c.anchor))
        return [
            c
            for c in found
            if id(c) not in dropped
            and not (c.entry.needs_target and not c.target)
            and not (c.entry.only == "intent" and c.family != "intent")
        ]

    # -- records --------------------------------------------------------------------------
    def match(
        self, doc: Doc, *, actors_at: Callable[[Token], tuple[str, ...]] | None = None
    ) -> list[Event]:
        """The document's events (pure: reads ``doc``, writes nothing).

        Args:
            doc: a parsed Doc that went through times, actors and places.
            actors_at: token -> actor ids; the actors stage's ``actors_at`` when not given
                (benchmarks pass their own to score events with gold actors).
        """
        aat: ActorsAt = with_hyphen_parties(
            doc, actors_at or (lambda tok: _actors.actors_at(doc, tok))
        )
        actors = {a.id: a for a in (doc._.communique_actors or ())}
        events: list[Event] = []
        for cand in self.candidates(doc, aat):
            events.extend(self._events(doc, cand, actors))
        return _dedupe(events)

    def _events(self, doc: Doc, cand: Candidate, actors: dict[str, Actor]) -> list[Event]:
        pairs = [p for p in _pairs(cand) if not _same_actor(actors, *p)]
        pairs = [
            p
            for p in pairs
            if _political(actors.get(p[0] or "")) or _political(actors.get(p[1] or ""))
        ]
        if not pairs:
            return []
        date, status = _date_status(doc, cand.anchor)
        place = _place_of(doc, cand.anchor)
        place_country = next(
            (p.country for p in (doc._.communique_places or ()) if p.id == place), None
        )
        start, end = _sentence_span(cand.anchor)
        out: list[Event] = []
        for source, target in pairs:
            code, swap = cand.code, False
            if code[:2] in ("05", "07") and _military(cand):
                code = "062"  # CODING.md: military backing and arms transfers are 062
            if cand.entry.refine == "place":
                code, swap = refine_consultation(
                    code,
                    place_country,
                    _country(actors.get(source or "")),
                    _country(actors.get(target or "")),
                )
            if swap:
                source, target = target, source
            if (
                code in ("190", "193")
                and _role(actors, source) == "REB"
                and _role(actors, target) == "CVL"
            ):
                code = "180"  # CODING.md: a militant attack on civilians
            info = cameo_info(code)
            confidence = FAMILY_PRECISION[cand.family]
            if source is None or target is None:
                confidence *= 0.8
            if date.precision == "unknown":
                confidence *= 0.9
            rule = (
                cand.rule
                + ("+place" if code != cand.code else "")
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

    def set_annotations(self, doc: Doc, events: list[Event]) -> None:
        """Write the events on the Doc."""
        doc._.communique_events = events

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def _commentary(token: Token) -> bool:
    """True under "analysts say ..." (CODING.md: commentary by analysts is not coded)."""
    node = token
    for _ in range(4):
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in _REPORTING | {
            "believe",
            "think",
            "note",
            "expect",
        }:
            subj = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            return subj is not None and subj.lemma_.lower() in _COMMENTATORS
        if node.head is node:
            return False
        node = node.head
    return False


def _subtree_reporter(verb: Token, aat: ActorsAt) -> tuple[str, ...]:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return np_actors(subj, aat) if subj is not None else ()


def _sentence_span(token: Token) -> tuple[int, int]:
    """The sentence's character span without the blank lines spaCy attaches to it."""
    sent = token.sent
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def _subtree_actors(token: Token, aat: ActorsAt, *, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Actors named in a predicate's own clause (not in embedded clauses), in text order."""
    nodes: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(
            c for c in node.children if c.dep_ not in ("ccomp", "relcl", "advcl", "parataxis")
        )
    found: list[str] = []
    for node in sorted(nodes, key=lambda t: t.i):
        found.extend(a for a in aat(node) if a not in found and a not in skip)
    return tuple(found)


def _pairs(cand: Candidate) -> list[tuple[str | None, str | None]]:
    src, tgt = cand.source, cand.target
    if cand.entry.sym and not tgt and len(src) >= 2:
        return [(src[0], src[1])]  # a joint act: one event, actors in text order
    if cand.entry.sym and not src and len(tgt) >= 2:
        return [(tgt[0], tgt[1])]
    pairs = [(s, t) for s in (src or (None,)) for t in (tgt or (None,)) if s != t]
    return [p for p in pairs if p != (None, None)]


def _military(cand: Candidate) -> bool:
    noun = cand.event_noun if cand.event_noun is not None else cand.anchor
    return any(
        c.lemma_.lower() == "military" for c in noun.children if c.dep_ in ("amod", "compound")
    )


def _same_actor(actors: dict[str, Actor], a: str | None, b: str | None) -> bool:
    """Two mentions of one party: same country, and one is the country itself or same role."""
    x, y = actors.get(a or ""), actors.get(b or "")
    if x is None or y is None or x.country is None or x.country != y.country:
        return False
    return x.role == y.role or x.kind == "country" or y.kind == "country"


def _role(actors: dict[str, Actor], actor_id: str | None) -> str | None:
    actor = actors.get(actor_id or "")
    return actor.role if actor is not None else None


def _political(actor: Actor | None) -> bool:
    if actor is None:
        return False
    return actor.kind in ("country", "government", "igo") or (actor.role or "") in POLITICAL_ROLES


def _country(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return "IGO" if actor.kind == "igo" else actor.country


def _date_status(doc: Doc, anchor: Token) -> tuple[DateRange, EventStatus]:
    # Guard until the times stage lands its interface (COMMON.md); remove then.
    fn = getattr(_times, "date_and_status", None)
    if fn is None:
        return DateRange.unknown(), "reported"
    result: tuple[DateRange, EventStatus] = fn(doc, anchor)
    return result


def _place_of(doc: Doc, anchor: Token) -> str | None:
    # Guard until the places stage lands its interface (COMMON.md); remove then.
    fn = getattr(_places, "place_for_predicate", None)
    return fn(doc, anchor) if fn is not None else None


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (source, target, CAMEO, date); consultations of a pair on one date are one."""
    best: dict[tuple[object, ...], Event] = {}
    order: list[tuple[object, ...]] = []
    for ev in events:
        pair = (
            tuple(sorted((ev.source or "", ev.target or "")))
            if "sym:True" in ev.evidence
            else (ev.source, ev.target)
        )
        if ev.root == "04":
            # "met" and "discussed at the meeting" are one consultation: same pair and month.
            key = (pair, "04", (ev.date.start or "")[:7], ev.negated)
        else:
            key = (pair, ev.cameo, ev.date.start, ev.negated)
        kept = best.get(key)
        if kept is None and ev.date.start is None:
            # an undated repeat of an event already coded with a date is the same event
            kept_key = next((k for k in order if k[:2] == key[:2] and k[3] == key[3]), None)
            if kept_key is not None:
                continue
        if kept is None:
            best[key] = ev
            order.append(key)
        elif _better(ev, kept):
            best[key] = ev
    return [best[k].model_copy(update={"id": f"E{i}"}) for i, k in enumerate(order, start=1)]


def _better(new: Event, old: Event) -> bool:
    if new.root == "04" and old.cameo == "040" and new.cameo != "040":
        return True
    if old.root == "04" and new.cameo == "040" and old.cameo != "040":
        return False
    precision = ("unknown", "year", "range", "month", "day")
    if new.date.precision != old.date.precision:
        return precision.index(new.date.precision) > precision.index(old.date.precision)
    return new.confidence > old.confidence


@Language.factory(
    "communique_events_v1",
    assigns=["doc._.communique_events"],
    requires=["doc._.communique_actors", "doc._.communique_times"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """The events component; the lexicon is compiled once here, per process."""
    return EventsComponent(lexicon=load_lexicon())
