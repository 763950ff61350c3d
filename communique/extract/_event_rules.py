"""Rules applied to a matched predicate: intent and threat recoding, negation, place-based
refinement of consultations, and the confidence table.

Kept out of ``events.py`` so that each rule is small, named (it appears in ``evidence``) and
testable on its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from ._event_lexicon import Recode

__all__ = [
    "FAMILY_PRECISION",
    "POLITICAL_ROLES",
    "PLEDGE_HEADS",
    "REFUSING_HEADS",
    "refusal_code",
    "apply_recodes",
    "intent_code",
    "is_intent",
    "is_negated",
    "referred_to",
    "refine_consultation",
    "threat_code",
]

# Roles that make an actor political: an event needs one such actor (or a state or an IGO).
POLITICAL_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "IGO"})

# Heads that turn "X to <act>" into an intent ("agreed to meet", "vowed to protect").
_INTENT_HEADS = frozenset(
    {
        "agree",
        "pledge",
        "vow",
        "promise",
        "offer",
        "commit",
        "intend",
        "plan",
        "ready",
        "willing",
        "prepare",
        "aim",
        "undertake",
        "participate",
        "want",
        "wish",
        "seek",
        "hope",
    }
)
# Intent heads that make even a show of force a cooperative offer ("offered to send troops").
PLEDGE_HEADS = frozenset({"offer", "pledge", "promise", "agree", "commit", "volunteer"})
# Heads that say the act did not happen ("refused to meet", "failed to sign").
_NEGATING_HEADS = frozenset({"refuse", "fail", "decline"})
REFUSING_HEADS = frozenset({"refuse", "decline"})
# A refusal to yield or cooperate is itself an act (CAMEO 12x): "will not lift the embargo"
# (1244), "refused to release" (1243), "declined to meet" (125). Longest prefix wins.
_REFUSALS: dict[str, str] = {
    "085": "1244",
    "0354": "1244",
    "081": "1241",
    "0351": "1241",
    "082": "1242",
    "0352": "1242",
    "084": "1243",
    "0353": "1243",
    "086": "1245",
    "0355": "1245",
    "087": "1246",
    "0356": "1246",
    "083": "123",
    "034": "123",
    "080": "124",
    "035": "124",
    "045": "126",
    "038": "126",
    "039": "126",
    "04": "125",
    "036": "125",
    "057": "127",
    "037": "127",
    "06": "121",
    "031": "121",
    "07": "122",
    "033": "122",
}

# Measured precision of each rule family on the development gold (benchmarks/end_to_end.py
# --calibrate, medium match level); a family that fired fewer than 5 times keeps the prior.
FAMILY_PRECISION: dict[str, float] = {
    "verb": 0.66,  # 64 / 98 system events matched on dev (61 / 94 verbs, 3 / 4 modals)
    "light": 0.82,  # 27 / 33
    "noun": 0.5,  # 10 / 20
    "intent": 0.5,  # fewer than 5 on dev: prior
    "threat": 0.5,  # fewer than 5 on dev: prior
}


def refusal_code(code: str) -> str | None:
    """The 12x code of refusing the cooperative act ``code``, or None if it is not one."""
    for n in (4, 3, 2):
        if (found := _REFUSALS.get(code[:n])) is not None:
            return found
    return "120" if code[:2] in ("03", "05") else None


def intent_code(code: str) -> str:
    """The 03x intent code for a cooperative act announced, pledged or agreed to."""
    root = code[:2]
    if code == "0334" or code.startswith("03"):
        return code
    if code.startswith("087"):
        return "0356"
    specific = {
        "061": "0311", "062": "0312", "063": "0313", "064": "0314",
        "071": "0331", "072": "0332", "073": "0333", "074": "0334",
        "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355",
    }.get(code[:3])
    if specific is not None:
        return specific
    return {
        "04": "036",
        "05": "032",
        "06": "031",
        "07": "033",
        "08": "035",
    }.get(root, "030")


def threat_code(code: str) -> str:
    """The 13x threat code for a hostile act announced for the future ("will be crushed")."""
    if code.startswith("13"):
        return code
    if code in ("163", "162", "1621", "1622"):
        return "1312"
    if code in ("161", "164", "165"):
        return "1313"
    if code.startswith("166"):
        return "136"
    if code.startswith(("17",)):
        return "137"
    if code.startswith(("15", "18", "19", "20")):
        return "138"
    return "130"


def is_intent(verb: Token) -> bool:
    """True when the predicate is the infinitive of an intent head or carries "will"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _INTENT_HEADS:
        return True
    if verb.dep_ == "acl" and verb.head.lemma_ in (
        "readiness",
        "willingness",
        "commitment",
        "pledge",
    ):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children)


def is_negated(verb: Token) -> bool:
    """True when the text says the act did not happen ("did not meet", "refused to sign")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ != "xcomp":
        return False
    return head.lemma_ in _NEGATING_HEADS or any(c.dep_ == "neg" for c in head.children)


def refine_consultation(
    code: str, place_country: str | None, source_country: str | None, target_country: str | None
) -> tuple[str, bool]:
    """Recode a consultation by where it happened: (code, swap source/target).

    A meeting in a country that is neither party's is 044 (third location). A meeting in one
    party's country is a visit (042) by the other party, which becomes the source.
    """
    if not code.startswith("04") or code not in ("040", "042") or place_country is None:
        return code, False
    if source_country is None or target_country is None or source_country == target_country:
        return code, False
    if place_country not in (source_country, target_country):
        return "044", False
    if code == "040":
        return "042", place_country == source_country
    return code, False


_CLAUSE_BREAKS = frozenset({"ccomp", "relcl", "advcl", "parataxis"})


def _subject_words(verb: Token) -> set[str]:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")), None)
    if subj is not None and subj.dep_ == "agent":
        subj = next((c for c in subj.children if c.dep_ == "pobj"), None)
    if subj is None:
        return set()
    return {t.lemma_.lower() for t in subj.subtree if t.i <= subj.i}


def _clause_words(head: Token) -> set[str]:
    words, stack = set(), [head]
    while stack:
        node = stack.pop()
        words.add(node.lemma_.lower())
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSE_BREAKS)
    return words


def apply_recodes(code: str, anchor: Token, recodes: tuple[Recode, ...]) -> tuple[str, str]:
    """(code, evidence note): the first recode whose words the act's subject or clause has."""
    for recode in recodes:
        if code not in recode.codes:
            continue
        words = _subject_words(anchor) if recode.where == "subject" else _clause_words(anchor)
        if words & recode.words:
            return recode.code, f"+recode:{recode.id}"
    return code, ""


# Verbs whose object is an existing measure, not a new act: "would violate U.N. sanctions",
# "evaded the embargo", "complied with the sanctions" (the violation may be an event; the
# sanctions are not a second one).
_REFERENCE_HEADS = frozenset(
    {"violate", "breach", "defy", "flout", "evade", "circumvent", "bypass", "skirt", "break",
     "comply", "respect", "obey", "honor", "honour", "enforce", "observe", "monitor"}
)


def referred_to(noun: Token) -> bool:
    """A measure named as the object of a verb that violates or respects it (directly or
    through "with")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    return noun.dep_ in ("dobj", "pobj") and head.lemma_.lower() in _REFERENCE_HEADS
