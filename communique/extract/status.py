"""Tense, modality and plan cues of a clause: what decides an event's status and a figure's kind.

Reads the dependency parse around a predicate and the cue lists of
``communique/data/time/status_cues.yml``. spaCy gives tags and morphology; which of them make
an event planned, hypothetical or background is Communique's coding rule (CODING.md "Dates and
status"), so it is written here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from ..data import read_yaml

__all__ = [
    "clause_verb",
    "cues",
    "is_hypothetical",
    "is_planned",
    "kind_hint",
    "tense_of",
    "time_tense",
]

# Dependency labels through which a clause inherits the plan or condition of its head
# ("plans to visit", "a goal to bring", "agreed to hold").
_CHAIN = {"xcomp", "acl", "relcl", "ccomp", "advcl", "conj", "pobj", "prep", "dobj", "attr",
          "pcomp", "acomp", "nsubjpass", "auxpass"}
# Tense is inherited by infinitives and participles, not by reported clauses: in "said it will
# meet on Friday" the meeting's tense is its own.
_TENSE_CHAIN = frozenset({"xcomp", "acl", "conj", "pobj", "prep", "pcomp", "advcl", "npadvmod"})


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The status cue lists."""
    data = read_yaml("time", "status_cues.yml")
    assert isinstance(data, dict)
    return data


def clause_verb(token: Token) -> Token:
    """The verb heading the clause ``token`` sits in (the token itself when it is one)."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _heads(token: Token, limit: int = 4, *, through: frozenset[str] | None = None) -> list[Token]:
    """``token`` and the heads it inherits plans and conditions (or tense) from."""
    labels = through or _CHAIN
    out = [token]
    node = token
    for _ in range(limit):
        if node.head.i == node.i or node.dep_ not in labels:
            break
        node = node.head
        out.append(node)
    return out


def tense_of(token: Token) -> str | None:
    """``past``, ``future`` or ``present`` for the clause of ``token``; None when unclear."""
    verb = clause_verb(token)
    c = cues()
    for node in _heads(verb, 3, through=_TENSE_CHAIN):
        if node.pos_ not in ("VERB", "AUX"):
            continue
        auxes = _aux(node)
        if any(a.lower_ in c["future_aux"] or a.lower_ == "would" for a in auxes):
            return "future"  # "would" in reported speech is the future of the past
        if node.i != verb.i and node.lemma_.lower() in c["future_verbs"]:
            return "future"  # "planned to leave on Thursday": the leaving is ahead
        if node.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if node.tag_ == "VBN" and (any(a.lemma_ == "have" for a in auxes) or not auxes):
            return "past"  # "has met", "the injunction issued Thursday"
        if node.tag_ == "VBG" and any(a.lemma_ == "have" for a in auxes):
            return "past"  # "have been searching since the Oct. 23 slaying"
        if node.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            if node.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
                # "is meeting on Friday": a present progressive with a date is scheduled.
                return "future"
            return "future" if node.lemma_.lower() in c["future_verbs"] else "present"
    return None


def time_tense(span: Span) -> str | None:
    """The tense that picks which occurrence a date without a year (or week) means.

    ``past``, ``future``, ``present``, ``until`` ("postponed until Tuesday": ahead),
    ``deadline`` (a past verb with "by", "to": "extended the offer to Nov. 20", often still
    ahead, "bought from Sept. 14 to Thursday" not) or None. Beyond the clause's tense:
    "as soon as Tuesday" and a modal ("could come Tuesday") look ahead; so does the object of
    a scheduling verb ("scheduled a news conference Thursday", "a summit set for April") and
    "is to resume trading Tuesday". A date reached through an adjective ("payable Dec. 15")
    or a noun ("under a June agreement") does not take a past or future verb's tense.
    """
    c = cues()
    doc, root = span.doc, span.root
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    if before[-3:] in (["as", "soon", "as"], ["as", "early", "as"]):
        return "future"
    node, via_noun, via_adj = root, False, False
    for _ in range(8):
        if node.head.i == node.i or (node.i != root.i and node.pos_ in ("VERB", "AUX")):
            break
        node = node.head
        via_noun |= node.pos_ in ("NOUN", "PROPN")
        via_adj |= node.pos_ == "ADJ"
    is_verb = node.pos_ in ("VERB", "AUX")
    if is_verb and _schedules(node):
        return "future"
    tense = tense_of(root)
    if (is_verb and tense != "future" and node.dep_ == "xcomp" and node.head.lemma_ == "be"
            and any(a.lower_ == "to" for a in _aux(node))):
        return "future"  # "is to resume trading Tuesday"
    if tense == "past" and is_verb and node.tag_ == "VB" and any(
        a.lower_ == "to" for a in _aux(node)
    ):
        return None  # "subpoenaed him to testify on Feb. 10": ahead of the past verb, maybe
    if tense == "past" and before[-1:] and before[-1] in c["deadline_preps"]:
        return "until" if before[-1] in ("until", "till") else "deadline"
    if via_adj and tense == "past":
        return None
    # a progressive ("is continuing ... under a June agreement") says nothing of the noun
    if (via_noun and tense == "future" and is_verb
            and not any(a.lower_ in c["future_aux"] for a in _aux(node))):
        return None
    return tense


def _schedules(verb: Token) -> bool:
    # "scheduled a news conference Thursday", "a summit set for April", "planned a rally on
    # Saturday"; but not a participle under a past clause ("a service planned for Saturday
    # was canceled") nor past active "set" ("set Friday as the deadline").
    if verb.lemma_.lower() not in cues()["schedule_verbs"]:
        return False
    if verb.lemma_.lower() == "set" and verb.tag_ == "VBD":
        return False
    return not (verb.dep_ == "acl" and tense_of(verb.head) == "past")


def is_hypothetical(predicate: Token) -> bool:
    """A conditional or speculative event: "if", "would", "could", "is eyeing"."""
    c = cues()
    speech = set(c["speech_verbs"])
    for node in _heads(predicate, 3):
        if node.i != predicate.i and node.lemma_.lower() in speech:
            break  # "warned that bases are at risk if ...": the warning itself is a fact
        if any(a.lower_ in c["modal_aux"] for a in _aux(node)):
            return True
        conditions = [ch for ch in node.children
                      if ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in
                                                    c["conditional_marks"] for m in ch.children)]
        if conditions and node.lemma_.lower() not in speech:
            return True
        if any(ch.dep_ == "mark" and ch.lower_ in c["conditional_marks"] for ch in node.children):
            return True
        if node.i == predicate.i and node.lemma_.lower() in c["speculative_verbs"]:
            return node.tag_ in ("VBG", "VBZ", "VBP")
    return False


def is_planned(predicate: Token) -> bool:
    """A future or intended event: "will", "plans to", "a goal to", "is scheduled to"."""
    c = cues()
    chain = _heads(predicate, 4)
    for node in chain:
        if any(a.lower_ in c["future_aux"] for a in _aux(node)):
            return True
        if node.i == predicate.i:
            continue
        lemma = node.lemma_.lower()
        if lemma in c["future_verbs"] and node.pos_ in ("VERB", "AUX", "ADJ"):
            return True
        if lemma in c["future_nouns"] and node.pos_ == "NOUN":
            return True
    # "be going to", "be about to", "be set/due/scheduled to" on the predicate itself
    return any(
        ch.dep_ == "aux" and ch.lower_ == "to" and predicate.head.lemma_ in ("go", "set", "due")
        for ch in predicate.children
    )


def kind_hint(span: Span) -> str | None:
    """``target`` (goal, plan, pledge), ``forecast`` (estimate, capacity) or None."""
    c = cues()
    root = span.root
    chain = _heads(root, 6)
    lemmas = {n.lemma_.lower() for n in chain} | {
        ch.lemma_.lower() for n in chain for ch in n.children if ch.dep_ in ("dobj", "nsubj")
    }
    if lemmas & set(c["forecast_words"]):
        return "forecast"
    if lemmas & (set(c["future_nouns"]) | set(c["future_verbs"])):
        return "target"
    if any(tense_of(n) == "future" for n in chain if n.pos_ in ("VERB", "AUX")):
        return "target"
    return None
