"""Appeals and demands coded by what they ask for (CODING.md: 0256 urge a ceasefire, 026 urge
talks, 0253 call for release, 1056 demand an end of violence ...).

- An appeal or demand with a complement ("urged Russia to withdraw its troops", "called on
  both sides to stop the fighting", "demanded that Iran release ...") takes the CAMEO code of
  what it asks for: the complement's act, mapped to the 02x/10x code of asking for it. The
  act itself is not coded: it has not happened.
- An obligation put on another actor in reported speech is the speaker's demand (``must``)
  or appeal (``should``) of that actor ("the Taliban must stop killing civilians," Ameri
  said: 1056 AFG GOV -> Taliban); "must be clear and united" asks for an attitude, not an
  act, and stays a plain appeal (020). The modal entries are lexicon entries (kind ``modal``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ._event_args import ActorsAt, np_actors
from ._event_lexicon import EventLexicon
from ._event_match import Candidate

__all__ = ["apply_appeals", "asked_code"]

_REPORTING = frozenset({"say", "tell", "add", "state", "insist", "stress", "warn", "write"})
_COPULAS = frozenset({"be", "remain", "stay", "become"})
# What is asked for -> (appeal code, demand code); longest prefix of the act's code wins.
_ASKED: dict[str, tuple[str, str]] = {
    "087": ("0256", "1056"),
    "0356": ("0256", "1056"),
    "04": ("026", "106"),
    "036": ("026", "106"),
    "084": ("0253", "1053"),
    "0353": ("0253", "1053"),
    "085": ("0254", "1054"),
    "0354": ("0254", "1054"),
    "081": ("0251", "1051"),
    "0351": ("0251", "1051"),
    "082": ("0252", "1052"),
    "086": ("0255", "1055"),
    "0355": ("0255", "1055"),
    "045": ("028", "108"),
    "038": ("028", "108"),
    "037": ("027", "107"),
    "057": ("027", "107"),
    "0831": ("0241", "1041"),
    "083": ("024", "104"),
    "034": ("024", "104"),
    "05": ("022", "102"),
    "06": ("021", "101"),
    "07": ("023", "103"),
}


def asked_code(act: str, *, demand: bool) -> str | None:
    """The 02x (or, for a demand, 10x) code of asking for the act coded ``act``."""
    for n in (4, 3, 2):
        if (found := _ASKED.get(act[:n])) is not None:
            return found[1] if demand else found[0]
    return None


def _complements(verb: Token) -> list[Token]:
    """The verbs of what an appeal asks for: "urged X to V", "called on X to V", "demanded
    that X V", with their conjuncts ("to stop the fighting and return to talks")."""
    found: list[Token] = []
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative"))]
    holders += [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for holder in holders:
        for child in holder.children:
            clause = child.dep_ in ("xcomp", "ccomp", "acl", "relcl") or (
                # "called for Israel to halt the strikes"
                child.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "for" for g in child.children)
            )
            if clause and child.pos_ in ("VERB", "AUX"):
                found.append(child)
                found.extend(c for c in child.children if c.dep_ == "conj")
    return found


def _inner(by_anchor: dict[int, Candidate], verb: Token) -> Candidate | None:
    """The candidate coding the act of ``verb`` (its own, or its light-verb noun's)."""
    return by_anchor.get(verb.i)


def _speaker(verb: Token, aat: ActorsAt) -> tuple[Token, tuple[str, ...]] | None:
    """The reporting verb of the clause of ``verb`` and the actors of its subject."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    for _ in range(6):
        if node.dep_ in ("ccomp", "parataxis", "advcl") and node.head.lemma_ in _REPORTING:
            head = node.head
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # a speaker not known as an actor ("Human Rights Watch said ...") still speaks
            return (head, np_actors(subj, aat)) if subj is not None else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _modal_candidates(
    found: list[Candidate], lexicon: EventLexicon, aat: ActorsAt
) -> tuple[list[Candidate], set[int]]:
    by_anchor = {c.anchor.i: c for c in found}
    made: list[Candidate] = []
    dropped: set[int] = set()
    doc = found[0].anchor.doc if found else None
    if doc is None:
        return made, dropped
    for token in doc:
        entry = next(
            (lexicon.modals[a.lemma_.lower()] for a in token.children
             if a.dep_ == "aux" and a.lemma_.lower() in lexicon.modals),
            None,
        )
        if entry is None or any(a.lemma_ == "have" and a.dep_ == "aux" for a in token.children):
            continue  # "must have known": a guess, not an obligation
        spoken = _speaker(token, aat)
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in ("it", "this", "that"):
            continue  # "it should be seen as ...": a passive or a thing is asked nothing
        addressee = np_actors(subj, aat)
        if spoken is None or not addressee or set(addressee) & set(spoken[1]):
            continue
        demand = entry.code.startswith("10")
        # nothing asked for has happened: "... and return to the table to discuss peace"
        dropped.update(id(c) for c in found if c.anchor.i in {t.i for t in token.subtree})
        for verb in (token, *(c for c in token.children if c.dep_ == "conj")):
            inner = _inner(by_anchor, verb)
            if verb.lemma_ in _COPULAS:
                code = "020"  # "must be clear and united": an attitude asked for
            else:
                code = (asked_code(inner.code, demand=demand) if inner else None) or entry.code
            if inner is not None:
                dropped.add(id(inner))
            made.append(
                Candidate(spoken[0], entry, code, "verb", "modal", spoken[1], addressee,
                          False, None)
            )
    return made, dropped


def apply_appeals(found: list[Candidate], lexicon: EventLexicon, aat: ActorsAt) -> list[Candidate]:
    """The candidates with appeals specified by what they ask for and obligations in
    reported speech added; the asked-for acts themselves removed."""
    by_anchor = {c.anchor.i: c for c in found}
    dropped: set[int] = set()
    extra: list[Candidate] = []
    for cand in found:
        if cand.code[:2] not in ("02", "10") or id(cand) in dropped:
            continue
        demand = cand.code.startswith("10")
        codes: list[str] = []
        for verb in _complements(cand.anchor):
            inner = _inner(by_anchor, verb)
            if inner is None or inner is cand:
                continue
            dropped.add(id(inner))
            if not cand.target and inner.source:
                cand.target = inner.source  # who is asked to act: "for Israel to halt ..."
            if (code := asked_code(inner.code, demand=demand)) and code not in codes:
                codes.append(code)
        if codes:
            rule = f"{cand.rule}+asks"
            cand.code, cand.rule = codes[0], rule
            extra.extend(replace(cand, code=code) for code in codes[1:])
    made, modal_dropped = _modal_candidates(found, lexicon, aat)
    dropped |= modal_dropped
    return [c for c in found if id(c) not in dropped] + extra + made
