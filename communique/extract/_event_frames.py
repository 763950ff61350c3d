"""Clause-level rules over matched predicates (CODING.md).

- agentless joint acts take the parties named in their clause ("eleven agreements were signed
  within the Azerbaijani-Turkish forum"); light verbs and statements without a target take it
  from their event noun or complement;
- an act offered ("an invitation to meet with Kim", "an offer to hold talks with Chile") gives
  its party to the intent or rejection that takes the offer, and is not coded itself;
- pledges ("agreed to meet", "will withdraw") become 03x intents and hostile futures or
  threatened acts 13x threats, the pledge/threat verb itself folding into them;
- deliberation ("considering sending troops") blocks the act; a reported violation ("X said
  Iran is defying ...") is X's accusation (112); a statement verb whose complement is coded is
  not coded itself; analyst commentary is dropped.
"""

from __future__ import annotations

from spacy.tokens import Token

from ._event_args import ActorsAt, np_actors
from ._event_match import TOPIC_PREPS, Candidate
from ._event_rules import (
    PLEDGE_HEADS,
    REFUSING_HEADS,
    intent_code,
    is_intent,
    refusal_code,
    threat_code,
)

__all__ = ["apply_frames", "subtree_actors"]

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


def apply_frames(found: list[Candidate], aat: ActorsAt) -> list[Candidate]:
    """The candidates that remain, recoded, after the clause-level rules."""
    for cand in found:
        agentless = cand.rule.endswith(("passive", "participle")) or cand.family == "noun"
        if cand.entry.sym and agentless and not cand.source and len(set(cand.target)) < 2:
            # "Eleven agreements were signed within the A-B forum": the parties are named
            # somewhere in the predicate's own clause.
            parties = subtree_actors(cand.anchor, aat)
            if len(parties) >= 2:
                cand.source, cand.target, cand.rule = parties, (), cand.rule + "+clause-parties"
        elif (
            cand.family == "light"
            and cand.source
            and not cand.target
            and cand.event_noun is not None
        ):
            others = subtree_actors(cand.event_noun, aat, skip=cand.source)
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
            # "are concerned about ...": the complement hangs on the adjective
            heads = [cand.anchor, *(c for c in cand.anchor.children if c.dep_ == "acomp")]
            holder = next(
                (c for c in cand.anchor.children if c.dep_ in ("ccomp", "xcomp")), None
            ) or next(
                (
                    p
                    for h in heads
                    for c in h.children
                    if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS
                    for p in c.children
                    if p.dep_ == "pobj"
                ),
                None,
            )
            others = subtree_actors(holder, aat, skip=cand.source) if holder is not None else ()
            if others:
                cand.target, cand.rule = others[:2], cand.rule + "+clause-target"
    by_anchor = {c.anchor.i: c for c in found}
    by_noun = {c.event_noun.i: c for c in found if c.event_noun is not None}
    dropped: set[int] = set()
    for cand in found:
        verb = cand.anchor
        outer = None
        if verb.dep_ == "acl":  # "an invitation to meet": the noun's event, or its verb's
            outer = by_noun.get(verb.head.i) or (
                by_anchor.get(verb.head.head.i) if verb.head.dep_ == "dobj" else None)
        if (
            outer is not None
            and outer.code[:2] in ("03", "12")
            and not outer.target
            and cand.target
            and not cand.source
            and any(c.tag_ == "TO" for c in verb.children)
        ):
            # "accepted an invitation to meet with Kim", "rejected an offer to hold talks with
            # Chile": the act offered is what the intent or the rejection is about; its party
            # is their target, not that of a second, source-less event
            outer.target = cand.target
            outer.rule += "+complement-target"
            dropped.add(id(cand))
            continue
        if verb.dep_ == "conj" and verb.head.dep_ == "xcomp" and verb.head.i not in by_anchor:
            verb = verb.head  # "threatened to close or suspend": the conjunct shares the frame
        root = cand.code[:2]
        head = by_anchor.get(verb.head.i)
        threatened = head is not None and verb.dep_ == "xcomp" and head.code.startswith("13")
        if (
            root == "04"
            and head is not None
            and head.code[:2] == "04"
            and verb.dep_ in ("advcl", "xcomp", "acl")
            and any(c.tag_ == "TO" for c in verb.children)
        ):
            # "met X to discuss Y": the talks are the purpose of the coded meeting, not a
            # second event (appeals, "urged X to resume talks", are _event_appeals' business)
            dropped.add(id(cand))
            continue
        intent = is_intent(verb) and not (root == "04" and verb.dep_ != "xcomp")
        if (
            cand.family != "noun"
            and (intent or threatened)
            and not cand.code.startswith(("03", "13"))
        ):
            # "will convene a meeting on Friday" is a planned meeting (CODING.md), not an
            # intent: only pledges ("agreed to meet") recode a consultation.
            pledged = verb.dep_ == "xcomp" and verb.head.lemma_ in PLEDGE_HEADS
            # "the EU agreed to extend sanctions": agreeing to a hostile act decides it, no
            # threat ("decided/voted to" are no intent heads: the act is coded as it is)
            decided = verb.dep_ == "xcomp" and verb.head.lemma_ == "agree"
            if (root in _COOPERATIVE or pledged and root == "15") and not threatened:
                # "offered to send troops": a pledge of military help, not a show of force
                code = intent_code(cand.code) if root != "15" else "0312"
                cand.code, cand.family = code, "intent"
            elif (root in _HOSTILE or threatened) and not decided:
                cand.code, cand.family = threat_code(cand.code), "threat"
            if head is not None and verb.dep_ == "xcomp" and head.code[:2] in ("03", "13"):
                # "pledged to withdraw", "threatened to close": the inner act is the code
                dropped.add(id(head))
                if not cand.source:
                    cand.source = head.source
        refusing = verb.dep_ == "xcomp" and verb.head.lemma_ in REFUSING_HEADS
        refusal = refusal_code(cand.code) if cand.negated else None
        if refusal is not None and (cand.family == "intent" or refusing):
            # "will not lift the embargo", "refused to release": the refusal is the act
            cand.code, cand.family, cand.negated = refusal, "verb", False
            cand.rule += "+refusal"
            if refusing and head is not None and head.code == "120":
                dropped.add(id(head))  # "refused to lift sanctions": one refusal, 1244
                cand.source = cand.source or head.source
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
    dropped.update(id(c) for c in found if _commentary(c.anchor, aat))
    dropped.update(_alleged_acts(found))
    return [
        c
        for c in found
        if id(c) not in dropped and not (c.entry.only == "intent" and c.family != "intent")
    ]


_ALLEGING_DEPS = frozenset({"prep", "pcomp", "ccomp", "xcomp", "acl", "dobj"})


def _alleged_acts(found: list[Candidate]) -> set[int]:
    """Acts inside an accusation or denial ("accused X of attacking", "denied that it
    attacked", "dismissed accusations it is getting weapons"): CODING.md codes the
    accusation, not the act it alleges."""
    out: set[int] = set()
    for cand in found:
        if not cand.code.startswith(("112", "016")) or cand.entry.report:
            continue  # "warned that X will ...": a warning reports, it does not allege
        heads = [h for h in (cand.anchor, cand.event_noun) if h is not None]
        inside = {
            t.i
            for h in heads
            for c in h.children
            if c.dep_ in _ALLEGING_DEPS
            for t in c.subtree
        }
        out.update(id(o) for o in found if o is not cand and o.anchor.i in inside)
    return out


def _commentary(token: Token, aat: ActorsAt) -> bool:
    """True under "analysts say ..." or said by analysts ("Security analysts are praising
    ...": CODING.md: commentary by analysts is not coded); "U.N. human rights experts" speak
    for the U.N."""
    own = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if own is not None and own.lemma_.lower() in _COMMENTATORS:
        return not np_actors(own, aat)
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
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _subtree_reporter(verb: Token, aat: ActorsAt) -> tuple[str, ...]:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return np_actors(subj, aat) if subj is not None else ()


def subtree_actors(token: Token, aat: ActorsAt, *, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
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
