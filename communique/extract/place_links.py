"""Where an event happened: the place linked to its predicate by the parse, not any place nearby.

:func:`place_for_predicate` looks, in order, at

1. a locative prepositional phrase on the predicate ("met ... in Belgrade", "clashes near
   Kharkiv"), on its nominal arguments ("held talks in Cairo") or, for a nominal event, on the
   verb that carries it ("the forum held in Ankara", "the meeting took place in Belgrade");
2. a place that is the predicate's direct object or passive subject ("shelled Kharkiv",
   "Kharkiv was shelled");
3. a strong locative phrase deeper in the predicate's own clause ("were wounded in clashes
   between tribes in Maarib province"), not inside a reported or relative clause;
4. the same for up to two verbs governing the predicate ("met in Belgrade and discussed ...");
5. a UN Security Council meeting or vote, which happens in New York.

"Support for Azerbaijan" gives no location: "for" is not locative. A statement with none of
these has no location (None).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Place
from ._place_roles import roles

__all__ = ["LOCATIVE_PREPS", "place_for_predicate"]

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                            "around", "within", "into", "off", "along", "on", "to", "onto",
                            "through"})
# Prepositions that locate whatever they attach to; searched deeper in the predicate's clause.
# ("to", "into", "on" locate only when they attach to the predicate itself: "aid to Ukraine".)
_STRONG_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout",
                           "around", "within", "off", "along"})
# Dependents that open another speaker's or another event's clause: not searched.
_CLAUSE_BREAKS = frozenset({"ccomp", "parataxis", "relcl", "acl", "advcl", "conj", "xcomp"})
# People and things a place name modifies as owner or origin ("a U.S. soldier"), besides the
# actor nouns of ``toponym_roles.yml``.
_BEARERS = frozenset({"soldier", "aircraft", "plane", "jet", "warplane", "helicopter", "drone",
                      "personnel", "fighter", "militant", "rebel", "citizen", "dollar", "firm",
                      "company", "vessel", "ship", "warship", "journalist", "worker"})
# Verbs and nouns of flight and air attack, after which "over" locates.
_AIR_WORDS = frozenset({"shoot", "fly", "flight", "patrol", "crash", "bomb", "strike", "raid",
                        "airstrike", "drop", "hover", "circle", "intercept", "down", "sky", "skies",
                        "overfly", "attack", "mission", "sortie"})
# Markers of a clause that happens together with the predicate's.
_AT_ONCE = frozenset({"when", "as", "while"})
# Links from a predicate up to the verb whose clause it shares.
_UP = frozenset({"conj", "advcl", "xcomp", "acl", "relcl", "pcomp"})
# Verbs that carry a nominal event ("held a summit", "the talks took place").
_CARRIERS = frozenset({"hold", "take", "be", "convene", "host", "stage", "organize", "organise"})
_ARGUMENTS = ("dobj", "nsubj", "nsubjpass", "attr", "pobj")
_COUNCIL_WORDS = frozenset({"meet", "meeting", "vote", "adopt", "approve", "convene", "session",
                            "debate", "brief", "briefing", "resolution", "pass", "reject", "veto",
                            "consultation", "hold", "discuss"})
_NEW_YORK_GEONAMEID = 5128581
_FALLBACK_WINDOW = 12
_SPEECH = frozenset({"say", "tell", "report", "announce", "claim", "add", "state", "note"})


def _place_at(doc: Doc, token: Token, depth: int = 0) -> str | None:
    """The place a noun phrase headed by ``token`` is, or is part of ("the city of Kharkiv").

    Of several places in the phrase the most specific is meant: "the West Bank town of
    Bethlehem" is Bethlehem, "Pattani province's capital city" the province's.
    """
    table: dict[int, str] = doc._.communique_place_tokens or {}
    if token.i in table:
        return table[token.i]
    if depth > 2:
        return None
    found: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", *LOCATIVE_PREPS):
            for obj in child.children:
                if obj.dep_ == "pobj" and (pid := _place_at(doc, obj, depth + 1)):
                    found.append(pid)
        elif child.dep_ == "acl" and (pid := _locative(doc, child)):
            # "within the business forum held in Ankara": the forum is where it was held.
            found.append(pid)
    if not _bearer(token):
        # "Camden streets", "Bosnia's territory"; not "a U.S. soldier", "the U.S. aircraft"
        found += [table[c.i] for c in token.children
                  if c.dep_ in ("compound", "appos", "nmod", "poss") and c.i in table]
    # the first of equal rank: the name after "of" ("Ohio's county seat of Xenia")
    return min(found, key=lambda pid: _specificity(doc, pid)) if found else None


def _bearer(token: Token) -> bool:
    """A person, party or thing a place name on it says the owner or origin of, not where."""
    r, word = roles(), token.lemma_.lower()
    return token.ent_type_ in ("PERSON", "NORP") or word in _BEARERS or word in r["actor_nouns"]


_SPECIFIC = {"site": 0, "city": 1, "admin2": 2, "region": 3, "admin1": 4, "country": 5}


def _specificity(doc: Doc, pid: str) -> int:
    places: list[Place] = doc._.communique_places or []
    place = next((p for p in places if p.id == pid), None)
    return _SPECIFIC.get(place.feature or "site", 3) if place is not None else 3


def _locative(doc: Doc, head: Token) -> str | None:
    # Of several places on one predicate, the most specific is where it happened ("In
    # Chechnya, police arrested two men in the town of Gudermes": Gudermes).
    found: list[str] = []
    for child in head.children:
        if child.dep_ == "prep" and (child.lower_ in LOCATIVE_PREPS or _aloft(child)):
            for obj in child.children:
                if obj.dep_ == "pobj" and (pid := _place_at(doc, obj)):
                    found.append(pid)
    if not found:
        return None
    return min(found, key=lambda pid: _specificity(doc, pid))


def _aloft(prep: Token) -> bool:
    """"over" a place on a verb of flight or air attack ("shot down over Lebanon", "air raids
    over Palmyra"); elsewhere "over" is mostly a topic ("talks over Kashmir")."""
    return prep.lower_ == "over" and prep.head.lemma_.lower() in _AIR_WORDS


def _same_event(tok: Token) -> bool:
    """A dependent inside the predicate's own event: no other clause, except one that says
    when it happened ("three guards died when a mine hit their truck near Sirte")."""
    if tok.dep_ not in _CLAUSE_BREAKS:
        return True
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _AT_ONCE for c in tok.children)


def _nested(doc: Doc, predicate: Token) -> str | None:
    """A strong locative phrase anywhere in the predicate's own clause, nearest first."""
    frontier = [c for c in predicate.children if _same_event(c)]
    for _ in range(4):
        nxt: list[Token] = []
        for tok in frontier:
            if tok.dep_ == "prep" and tok.lower_ in _STRONG_PREPS:
                for obj in tok.children:
                    if obj.dep_ == "pobj" and (found := _place_at(doc, obj)):
                        return found
            nxt += [c for c in tok.children if _same_event(c)]
        frontier = nxt
    return None


def _anchors(predicate: Token) -> list[Token]:
    """The predicate, its nominal arguments, and the verb carrying a nominal event."""
    out = [predicate]
    out += [c for c in predicate.children if c.dep_ in _ARGUMENTS and c.pos_ in ("NOUN", "PROPN")]
    if predicate.pos_ in ("NOUN", "PROPN"):
        head = predicate.head
        if head.lemma_ in _CARRIERS or head.dep_ == "acl":
            out.append(head)
        for child in predicate.children:
            if child.dep_ == "acl":  # "the forum held in Ankara"
                out.append(child)
    return out


def _security_council(doc: Doc, predicate: Token) -> str | None:
    sent = predicate.sent
    text = sent.text
    if "Security Council" not in text:
        return None
    words = {predicate.lemma_.lower(), *(t.lemma_.lower() for t in predicate.children)}
    if not words & _COUNCIL_WORDS:
        return None
    places: list[Place] = doc._.communique_places if doc._.communique_places is not None else []
    for place in places:
        if place.geonameid == _NEW_YORK_GEONAMEID:
            return place.id
    # Not named in the text: the Council sits in New York, so the place joins with no mention.
    place = Place(
        id=f"P{len(places) + 1}",
        name="New York",
        country="USA",
        feature="city",
        geonameid=_NEW_YORK_GEONAMEID,
        lat=40.71427,
        lon=-74.00597,
        mentions=[],
    )
    places.append(place)
    doc._.communique_places = places
    return place.id


def _own(doc: Doc, predicate: Token) -> list[str]:
    """The predicate's own locative phrases and the place it acts on ("In Idlib province,
    artillery hit the towns of Saraqib and Binnish": both)."""
    table: dict[int, str] = doc._.communique_place_tokens or {}
    own = [pid for anchor in _anchors(predicate) if (pid := _locative(doc, anchor))]
    own += [pid for c in predicate.children
            if c.dep_ in ("dobj", "nsubjpass") and (pid := _place_at(doc, c))]
    # "Lagos police detained a driver": a town's own body acts where it serves
    own += [table[m.i] for c in predicate.children if c.dep_ == "nsubj"
            and c.lemma_.lower() in roles()["public_bodies"]
            for m in c.children if m.dep_ == "compound" and m.i in table
            and _specificity(doc, table[m.i]) <= _SPECIFIC["admin2"]]
    return own


def _one_act(predicate: Token) -> list[Token]:
    """Verbs coordinated with the predicate that share its subject and give it its object:
    one act ("police shot and wounded three men in Kassala"), not a next one ("was arrested and
    shipped to Cuba")."""
    if any(c.dep_ == "dobj" for c in predicate.children):
        return []
    return [c for c in predicate.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and any(d.dep_ == "dobj" for d in c.children)
            and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]


def place_for_predicate(doc: Doc, predicate: Token) -> str | None:
    """The id of the place where the event of ``predicate`` happened, or None.

    Args:
        doc: a doc the places component has run on.
        predicate: the event's predicate (a verb, or a noun for a nominal event).
    """
    own = _own(doc, predicate) + [pid for c in _one_act(predicate) for pid in _own(doc, c)]
    if own:
        return min(own, key=lambda pid: _specificity(doc, pid))
    if found := _nested(doc, predicate):
        return found
    # Up to two governing verbs whose clause the predicate shares ("blew himself up at the
    # entrance ..., killing six"; "met in Belgrade and discussed ...").
    head = predicate
    for _ in range(2):
        if head.dep_ not in _UP or head.head == head:
            break
        head = head.head
        if found := _locative(doc, head) or _nested(doc, head):
            return found
        if predicate.dep_ == "advcl" and head.i == predicate.head.i and (
                found := next((pid for c in head.children if c.dep_ == "dobj"
                               and (pid := _place_at(doc, c))), None)):
            return found  # "raiders stormed Dori, killing nine"
    return _security_council(doc, predicate) or _sentence_fallback(doc, predicate)


def _sentence_fallback(doc: Doc, predicate: Token) -> str | None:
    """When the parse links no place (the small model often misattaches a phrase): the place
    of a locative phrase of the predicate's sentence nearest to it, within a few words, not
    under another speaker's verb."""
    table: dict[int, str] = doc._.communique_place_tokens or {}
    sent = predicate.sent
    best: tuple[int, str] | None = None
    for tok in sent:
        if tok.i not in table or tok.dep_ != "pobj" or tok.head.lower_ not in _STRONG_PREPS:
            continue
        if any(a.lemma_ in _SPEECH for a in tok.ancestors if a.i != predicate.i):
            continue
        dist = abs(tok.i - predicate.i)
        if dist <= _FALLBACK_WINDOW and (best is None or dist < best[0]):
            best = (dist, table[tok.i])
    return best[1] if best else None
