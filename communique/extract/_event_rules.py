"""Rules applied to a matched predicate: intent and threat recoding, negation, place-based
refinement of consultations, and the confidence table.

Kept out of ``events.py`` so that each rule is small, named (it appears in ``evidence``) and
testable on its own.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "FAMILY_PRECISION",
    "intent_code",
    "is_intent",
    "is_negated",
    "refine_consultation",
    "threat_code",
]

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
        "decide",
        "ready",
        "willing",
        "prepare",
        "aim",
        "undertake",
        "participate",
    }
)
# Heads that say the act did not happen ("refused to meet", "failed to sign").
_NEGATING_HEADS = frozenset({"refuse", "fail", "decline"})

# Measured precision of each rule family on the development gold (benchmarks/end_to_end.py
# --calibrate, medium match level); a family that fired fewer than 5 times keeps the prior.
FAMILY_PRECISION: dict[str, float] = {
    "verb": 0.57,  # 50 / 88 system events matched on dev
    "light": 0.79,  # 22 / 28
    "noun": 0.32,  # 6 / 19
    "intent": 0.5,  # fewer than 5 on dev: prior
    "threat": 0.5,  # fewer than 5 on dev: prior
}


def intent_code(code: str) -> str:
    """The 03x intent code for a cooperative act announced, pledged or agreed to."""
    root = code[:2]
    if code == "0334" or code.startswith("03"):
        return code
    if code in ("0871", "087"):
        return "0356"
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
