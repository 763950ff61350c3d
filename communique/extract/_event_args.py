"""Who did it and to whom: source and target noun phrases of an event predicate.

Pure functions over spaCy's dependency parse. They return head tokens of noun phrases; the
component maps those to actor ids with the actors stage's ``actors_at``. Kept apart from the
lexicon so that the same argument rules serve verbs, light verbs and nominal events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

__all__ = [
    "ActorsAt",
    "noun_arguments",
    "np_actors",
    "object_of",
    "verb_arguments",
]

ActorsAt = Callable[[Token], tuple[str, ...]]

_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
# Prepositions introducing the party an action is directed at ("met with", "sanctions
# against", "support for", "appeal to").
_TARGET_PREPS = frozenset(
    {
        "with",
        "against",
        "on",
        "upon",
        "to",
        "for",
        "toward",
        "towards",
        "into",
        "between",
        "at",
        "over",
        "from",
    }
)
# Heads whose "of" phrase names who they are ("members of", "the leader of", "a meeting of").
_PART_OF = frozenset(
    {"member", "leader", "head", "chief", "official", "envoy", "representative", "delegation",
     "delegate", "meeting", "session", "army", "force", "troop", "soldier", "fighter",
     "militant", "government", "ministry", "minister", "president", "spokesman",
     "spokesperson", "spokeswoman", "commander", "unit", "wing", "faction", "part", "group",
     "council", "panel", "body", "mission", "people", "authority", "administration",
     "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
     "some", "many", "several", "most", "all", "number", "one", "two", "three", "rest"}
)
_NOUN_SOURCE_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
_RELATIVE = frozenset({"that", "which", "who", "whom"})
# Verbs through which a subject is passed down to an infinitive or participle ("agreed to
# meet", "vowed to protect").
_INHERIT = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "ccomp"})


def _conjuncts(token: Token) -> Iterator[Token]:
    yield token
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            yield from _conjuncts(child)
        elif (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and any(g.dep_ in ("conj", "cc") for g in child.children)
        ):
            yield from _conjuncts(child)  # "Greece, Panama and South Korea": a list


def np_actors(token: Token | None, actors_at: ActorsAt) -> tuple[str, ...]:
    """Actor ids of the noun phrase headed by ``token``, following relative pronouns, copulas,
    coordination and pre-modifiers ("the Azerbaijani and Turkish governments")."""
    if token is None:
        return ()
    if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head
    found: list[str] = []
    for conj in _conjuncts(token):
        for actor in actors_at(conj):
            if actor not in found:
                found.append(actor)
    if found:
        return tuple(found)
    # Pre-modifiers and appositions carry the actor when the head is generic ("Turkish
    # counterpart", "the Azerbaijani-Turkish business forum").
    for child in token.children:
        if child.dep_ in ("appos", "conj"):
            found.extend(a for a in np_actors(child, actors_at) if a not in found)
        elif child.dep_ in _NOUN_SOURCE_DEPS and child.i < token.i:
            # the whole pre-modifier, so "a U.S. Senate committee" finds "U.S."
            for sub in child.subtree:
                found.extend(a for a in actors_at(sub) if a not in found)
    if found:
        return tuple(found)
    # "members of the New People's Army", "a meeting of the Security Council" (not "the
    # bombing of a French base": what an act is done to is no party to it)
    for child in token.children if token.lemma_.lower() in _PART_OF else ():
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.extend(a for a in np_actors(pobj, actors_at) if a not in found)
    if found:
        return tuple(found)
    # "Turkey was among the first countries (that voiced ...)": the copula's subject.
    node = token
    for _ in range(4):
        if node.dep_ in ("pobj", "attr") or (node.dep_ == "prep"):
            node = node.head
            continue
        break
    if node is not token and node.lemma_ == "be":
        subj = next((c for c in node.children if c.dep_ in _SUBJ), None)
        if subj is not None and subj is not token:
            return tuple(actors_at(subj))
    return ()


def object_of(verb: Token) -> Token | None:
    """The direct object (or passive subject, or adjectival complement) of a verb."""
    for dep in ("dobj", "nsubjpass", "acomp", "attr", "oprd"):
        for child in verb.children:
            if child.dep_ == dep:
                return child
    return None


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(5):
        subj = next((c for c in node.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            return subj
        # a parser slip hangs the subject on the auxiliary ("Iran is defying")
        for aux in (c for c in node.children if c.dep_ in ("aux", "auxpass")):
            subj = next((c for c in aux.children if c.dep_ in _SUBJ), None)
            if subj is not None:
                return subj
        if node.dep_ in ("relcl", "acl") and node.tag_ in ("VBG", "VBD", "VBZ", "VBP"):
            return node.head  # "countries voicing support", "forces that attacked"
        if node.dep_ in _INHERIT and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def _is_passive(verb: Token) -> bool:
    """A passive verb, or a bare participle coordinated with one ("were neutralized or
    captured")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    own = any(c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children)
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not own
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)
    )


def _prep_objects(head: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    for child in head.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield child.lower_, pobj


def _names_an_actor(token: Token) -> bool:
    """The word itself (or a conjunct) is part of an actor mention, not only its modifiers."""
    table = token.doc._.communique_actor_tokens or {}
    return any(t.i in table for t in (token, *token.conjuncts))


def verb_arguments(
    verb: Token,
    actors_at: ActorsAt,
    *,
    event_noun: Token | None = None,
    topic_object: bool = False,
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """(source ids, target ids, rule) of a verbal or light-verb predicate.

    The rule is "active", "passive" or "participle" (an ``acl`` past participle: "an agreement
    signed between ..."), for the evidence string. With ``topic_object`` (a joint act: "met",
    "discussed"), an object that is no actor is what the act is about: its owner is no party
    ("discussed Iran's nuclear program" is no talk with Iran).
    """
    passive = _is_passive(verb)
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    rule = "active"
    if passive or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        rule = "passive" if passive else "participle"
        for _prep, pobj in _prep_objects(verb, frozenset({"by"})):
            source = np_actors(pobj, actors_at)
        if event_noun is None:
            subj = next((c for c in verb.children if c.dep_ in _PASS_SUBJ), None)
            if subj is None and rule == "participle":
                subj = verb.head
            if subj is None and verb.dep_ == "conj":  # "were neutralized or captured"
                subj = next((c for c in verb.head.children if c.dep_ in _PASS_SUBJ), None)
            target = np_actors(subj, actors_at)
        if not source:
            for _prep, pobj in _prep_objects(verb, frozenset({"between"})):
                source = np_actors(pobj, actors_at)
    else:
        source = np_actors(_subject(verb), actors_at)
        # "provided the Lebanese army with aircraft": the event noun under the verb's "with",
        # the object is whom it goes to
        equipped = (
            event_noun is not None and event_noun.dep_ == "pobj"
            and event_noun.head.lower_ == "with" and event_noun.head.head.i == verb.i
        )
        if event_noun is not None and not equipped:
            # "offered Iran sanctions relief": the indirect object receives the act
            recipient = next((c for c in verb.children if c.dep_ in ("dative", "iobj")), None)
            target = np_actors(recipient, actors_at)
            if not target and event_noun.dep_ == "dobj" and _names_an_actor(event_noun):
                # "summoned a senior Indian diplomat": the event noun is the party itself
                target = tuple(a for a in np_actors(event_noun, actors_at) if a not in source)
        else:
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")), None)
            if topic_object and obj is not None and not _names_an_actor(obj):
                # "discussed Iran's nuclear program": a topic, not a party; "discussed the war
                # with Putin": the party may hang on the topic
                topic, obj = obj, None
                for _, pobj in _prep_objects(topic, frozenset({"with"})):
                    target = target or np_actors(pobj, actors_at)
            target = target or np_actors(obj, actors_at)
            if target and set(target) <= set(source):
                target = ()  # "withdrew its troops from Iraq", "closed its borders with Togo"
            if not target and obj is not None and not topic_object:
                # "praised Turkey's role", "condemned the attack on Kabul"
                for child in obj.children:
                    if child.dep_ == "poss":
                        target = tuple(a for a in np_actors(child, actors_at) if a not in source)
                if not target:
                    # "the ban on Iran", "demands by protesters"
                    for _, pobj in _prep_objects(obj, _TARGET_PREPS | {"of", "by"}):
                        target = np_actors(pobj, actors_at)
                        if target:
                            break
                if not target:
                    # "rejected proposals laid out by the National Assembly", "condemned the
                    # attack carried out by militants": the thing's author
                    for acl in obj.children:
                        if acl.dep_ == "acl" and acl.tag_ == "VBN":
                            for _, pobj in _prep_objects(acl, frozenset({"by"})):
                                target = target or np_actors(pobj, actors_at)
    if not target:
        holders = [event_noun] if event_noun is not None else []
        holders.append(verb)
        for holder in holders:
            for _, pobj in _prep_objects(holder, _TARGET_PREPS):
                target = np_actors(pobj, actors_at)
                if target:
                    break
            if target:
                break
    return source, tuple(t for t in target if t not in source) or target, rule


def noun_arguments(noun: Token, actors_at: ActorsAt) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(source ids, target ids) of a nominal event ("Turkey's support for Azerbaijan", "a
    Turkish offensive against the YPG", "the meeting between A and B")."""
    source: list[str] = []
    for child in noun.children:
        if child.dep_ in _NOUN_SOURCE_DEPS:
            for actor in np_actors(child, actors_at):
                if actor not in source:
                    source.append(actor)
            for sub in child.children:
                if sub.dep_ == "conj":
                    source.extend(a for a in actors_at(sub) if a not in source)
    target: tuple[str, ...] = ()
    for prep, pobj in _prep_objects(noun, _TARGET_PREPS | {"by", "of"}):
        found = np_actors(pobj, actors_at)
        if not found:
            continue
        if prep in ("by", "of") and not source or prep == "between" and not source:
            source.extend(found)
        elif prep != "by" and not target:
            # "Turkey's backing of the Libyan government": with the agent named, what the
            # act is "of" is whom it is aimed at
            target = found
    return tuple(source), tuple(t for t in target if t not in source)
