"""Place names the NER took for people or organisations: "Russian forces shelled Kharkiv",
"troops withdrew from Kherson", "rebels captured Luhansk" (the small English model tags many
one-word towns PERSON or ORG).

A one-word PERSON name is a place, not a person, when nothing in the text makes it a person (no
title, nationality or apposition, no first name, no earlier full name it shortens, no entry in
the known-people table: the caller checks those); a one-word ORG name likewise when no lexicon
word makes it an organisation. And then only when the gazetteer knows it as a country, a
first-level division or a city of 100,000 people or more under its own name, and it stands where
a place stands: after a locative preposition, or as the object of a word of force or movement
(``data/actors/place_contexts.tsv``). A surname tagged as a place that acts stays a person
("Blinken met Wang Yi", in ``_actor_people``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from spacy.tokens import Span, Token

from ..data import read_tsv
from ..resolve.gazetteer import Candidate

__all__ = [
    "big_place_country", "is_big_place", "is_motion", "mislabelled_place", "place_context",
]

# Cities smaller than this are too often also surnames ("Taylor", "Bush" in Egypt) to outweigh
# the NER's PERSON label.
_MIN_CITY = 100_000


@cache
def _contexts() -> dict[str, frozenset[str]]:
    """{use: words} from the data file (at, after-motion, motion)."""
    table: dict[str, set[str]] = {}
    for row in read_tsv("actors", "place_contexts.tsv")[1]:
        table.setdefault(row["use"], set()).add(row["word"])
    return {use: frozenset(words) for use, words in table.items()}


def _big(c: Candidate) -> bool:
    return c.feature in ("country", "admin1") or (
        c.feature == "city" and not c.alt and c.population >= _MIN_CITY
    )


def is_big_place(candidates: Iterable[Candidate]) -> bool:
    """Whether a name's gazetteer entries include a country, a first-level division, or a city
    of 100,000+ known by that name itself (an alternate name such as "Hamas" for Hamm, or a
    county's short name, is too weak)."""
    return any(_big(c) for c in candidates)


def big_place_country(candidates: Iterable[Candidate]) -> str | None:
    """The ISO3 country of the most populous big place (:func:`is_big_place`) a name denotes
    ("Istanbul" -> TUR, "Texas" -> USA), or None."""
    big = [c for c in candidates if _big(c) and c.country]
    return max(big, key=lambda c: c.population).country if big else None


def place_context(token: Token) -> bool:
    """Whether ``token`` stands where a place stands: the object of a locative preposition ("in
    X"), of a preposition after a word of force or movement ("withdrew from X", "the attack on
    X"), or the object or passive subject of such a word ("shelled X", "X was captured")."""
    words = _contexts()
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head  # "shelled Kharkiv and Sumy"
    head = token.head
    if token.dep_ == "pobj":
        prep = head.lower_
        if prep in words["at"]:
            return True
        return prep in words["after-motion"] and is_motion(head.head)
    if token.dep_ in ("dobj", "nsubjpass"):
        return head.pos_ == "VERB" and is_motion(head)
    return False


def is_motion(token: Token) -> bool:
    """A verb or noun of force or movement ("shelled", "withdrew", "a trip"), whose object is
    a place."""
    motion = _contexts()["motion"]
    # the form as written too: the lemmatiser leaves some irregular forms alone ("retook")
    return token.lemma_.lower() in motion or token.lower_ in motion


def mislabelled_place(span: Span, place_country: Callable[[str], str | None]) -> bool:
    """Whether the undescribed PERSON or ORG name ``span`` is a place the NER mislabelled.

    Args:
        span: the name as trimmed by the people or organisations pass (a bare name: the
            caller has found no description, earlier full name, known person or group word).
        place_country: the country of the big place a name is (:func:`big_place_country`
            over its gazetteer entries), or None; asked only for one-word names in a place
            context.
    """
    return len(span) == 1 and place_context(span[0]) and place_country(span.text) is not None
