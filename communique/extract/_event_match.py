"""Predicate matching: the lexicon applied to the dependency parse, token by token.

Verbs are matched first (light-verb entries consume their event noun, so "held talks" is one
predicate), then the nouns left over. Each match is a :class:`Candidate` with its arguments
already mapped to actor ids; ``_event_frames`` then applies the clause-level rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ._event_args import ActorsAt, noun_arguments, np_actors, object_of, verb_arguments
from ._event_lexicon import EventLexicon, LexEntry
from ._event_rules import is_negated, referred_to

__all__ = ["TOPIC_PREPS", "Candidate", "PredicateMatcher", "word_forms"]

TOPIC_PREPS = frozenset({"on", "over", "about", "regarding"})


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
    # The words of the subtree up to the head, read from the left edge rather than walking the
    # whole subtree (an object can hold a long clause after its head).
    words = [
        t for t in token.doc[token.left_edge.i : token.i + 1]
        if (t.i == token.i or token.is_ancestor(t)) and t.dep_ not in ("det", "poss", "case")
    ]
    return " ".join(t.text for t in words).strip() or token.text


def _object_text(head: Token, actor_ids: tuple[str, ...]) -> str | None:
    if actor_ids:
        return None
    text = _np_text(head)
    return text[:80] if text else None


_PARTITIVES = frozenset(
    {"some", "all", "part", "most", "many", "several", "thousands", "hundreds", "dozens",
     "rest", "half", "none", "one", "two", "three", "more", "%", "percent", "portion",
     "share", "bulk", "majority"}
)


def _np_words(head: Token) -> set[str]:
    """Forms of a noun phrase's head and of its left modifiers ("Somali President Mohamed":
    the title counts as much as the name), through a partitive ("some of its troops")."""
    words = word_forms(head)
    for child in head.children:
        if child.i < head.i and child.dep_ in ("compound", "amod", "nmod"):
            words |= _np_words(child)
        elif head.lower_ in _PARTITIVES and child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    words |= _np_words(pobj)
    return words


# Verbs whose subject is the agent of the nominal event they take as object.
_CARRIERS = frozenset(
    {"announce", "order", "approve", "declare", "launch", "impose", "begin", "start",
     "complete", "conduct", "carry", "make", "authorize", "authorise", "undertake"}
)

# Nouns of a standing conflict rather than an act: coded only with both sides named.
_STANDING = frozenset({"war", "conflict", "hostility", "warfare"})


def _verb_lemma(tok: Token, lexicon: EventLexicon) -> str:
    """The verb's lemma, or a naive one the lexicon knows when the lemmatiser slipped
    ("hoped" lemmatised as "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in lexicon.verb_lemmas:
        return lemma
    lower = tok.lower_
    for form in (lower[:-1], lower[:-2], lower[:-3] + "e", lower[:-3]):
        if form in lexicon.verb_lemmas and len(form) > 2:
            return form
    return lemma


def _has_prep(verb: Token, preps: frozenset[str]) -> bool:
    """A particle or preposition of ``preps`` on the verb, not one of a date ("called X on
    Wednesday" is no "called on X")."""
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in preps:
            objects = [p for p in child.children if p.dep_ == "pobj"]
            if not any(p.ent_type_ in ("DATE", "TIME") for p in objects):
                return True
        if "for" in preps and child.dep_ in ("advcl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "for" for g in child.children
        ):
            return True  # "called for Israel to halt the strikes": "for" opens a clause
    return False


def _prenominal(token: Token) -> bool:
    """A participle before the noun it describes ("the internationally recognised GNA")."""
    return (
        token.tag_ in ("VBN", "VBG")
        and token.i < token.head.i
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.dep_ in ("amod", "acl", "compound", "nmod")
    )


def _of_words(noun: Token) -> set[str]:
    """What a nominal event is of: "a suspension of aid", "aid suspension"."""
    found: set[str] = set()
    for child in noun.children:
        if child.dep_ == "compound":
            found |= word_forms(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found |= word_forms(pobj)
    return found


def word_forms(token: Token) -> set[str]:
    """Lemma, lowercase form and naive singulars: the small model lemmatises "bases" as
    "basis", so the lexicon is matched against all of them."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text in ("-", "–") and not doc[token.i - 2].whitespace_:
        forms.add(f"{doc[token.i - 2].lower_}-{lower}")  # "cease-fire" is three tokens
    if lower.endswith("es"):
        forms.add(lower[:-2])
    if lower.endswith("s"):
        forms.add(lower[:-1])
    return forms


class PredicateMatcher:
    """Finds event predicates with a compiled lexicon (built once per process)."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    def verb_candidate(self, tok: Token, aat: ActorsAt, consumed: set[int]) -> Candidate | None:
        lemma = _verb_lemma(tok, self.lexicon)
        if lemma not in self.lexicon.verb_lemmas:
            return None  # neither a verb entry nor a light verb: nothing below can match
        obj = object_of(tok)
        # Light verbs: the event noun is the object, or the object of a preposition
        # ("called for a ceasefire").
        nouns = [obj] if obj is not None else []
        # a second object: "allowed aid workers expanded access"
        nouns += [c for c in tok.children if c.dep_ == "dobj" and obj is not None and c.i != obj.i]
        nouns += [
            p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        # "provided $2 million in assistance": the event noun hangs on the object (not when
        # the object is an event itself: "announced a suspension of aid" is the suspension)
        if obj is not None and obj.lemma_.lower() not in self.lexicon.nouns:
            nouns += [
                p for c in obj.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
            ]
        # "stopped implementing its commitments": a gerund complement names the act; parser
        # slips leave the event noun as an adverbial or a clause ("eased curfew hours",
        # "allow UN agencies access")
        nouns += [c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
        nouns += [
            c
            for c in tok.children
            if c.dep_ in ("npadvmod", "ccomp")
            and c.pos_ == "NOUN"
            and c.ent_type_ not in ("DATE", "TIME")
        ]
        for noun in nouns:
            for conj in (noun, *[c for c in noun.children if c.dep_ == "conj"]):
                entry = self._light_entry(tok, lemma, conj)
                if entry is None:
                    continue
                consumed.update({noun.i, conj.i})
                source, target, rule = verb_arguments(tok, aat, event_noun=noun)
                topic = next(
                    (
                        p
                        for c in noun.children
                        if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS
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
                obj is not None and ("*" in entry.objects or _np_words(obj) & entry.objects)
            ):
                continue
            if entry.without and obj is not None and _np_words(obj) & entry.without:
                continue  # "released a report": not the release of anyone
            if entry.preps and not _has_prep(tok, entry.preps):
                continue
            if entry.needs_clause and not any(
                c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.tag_ == "VBG") for c in tok.children
            ):
                continue
            source, target, rule = verb_arguments(tok, aat, topic_object=entry.sym)
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

    def _light_entry(self, verb: Token, lemma: str, noun: Token) -> LexEntry | None:
        """The light-verb entry for ``verb`` + ``noun``; a compound modifier of the noun is
        tried first ("suspended aid deliveries", "launched a mediation effort", "a hunger
        strike"), and an entry with ``preps`` needs that particle ("called off a strike")."""
        for form_token in (*[c for c in noun.children if c.dep_ == "compound"], noun):
            for form in word_forms(form_token):
                entry = self.lexicon.light.get((lemma, form))
                if entry is None:
                    continue
                if entry.preps and not _has_prep(verb, entry.preps):
                    continue
                if entry.noun_with and not {
                    f for t in noun.subtree for f in word_forms(t)
                } & entry.noun_with:
                    continue
                return entry
        return None

    def noun_candidate(self, tok: Token, aat: ActorsAt) -> Candidate | None:
        entries = self.lexicon.nouns.get(tok.lemma_.lower())
        if not entries or referred_to(tok):
            return None
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        of_words = _of_words(tok)
        for entry in entries:
            if entry.mods and not (mods & entry.mods):
                continue
            if mods & entry.without:
                continue  # "a trade war", "the civil war" (context, not an act of a party)
            if entry.objects and not (of_words & entry.objects):
                continue
            source, target = noun_arguments(tok, aat)
            if not source and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _CARRIERS:
                # "USAID announced a suspension of aid": the announcer did it
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                source = np_actors(subj, aat)
            violent = entry.code[:2] in ("18", "19", "20")
            standing = tok.lemma_.lower() in _STANDING
            if standing and not (source and target):
                # "America's longest war", "the Washington-led war against IS": a conflict
                # named in passing is no act; "Russia's war against Ukraine" is
                return None
            if not source and not (entry.sym and len(target) >= 2) and not (violent and target):
                # a nominal event needs its agent in the text, except an attack on a named
                # party by unnamed attackers ("the terrorist strikes against the U.S.")
                return None
            if entry.sym and len(set(source) | set(target)) < 2:
                return None  # "a meeting of the Council" names no second party
            anchor = (
                tok.head
                if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ in ("VERB", "AUX")
                else tok
            )
            return Candidate(anchor, entry, entry.code, "noun", "noun", source, target, False, None)
        return None

    def find(self, doc: Doc, aat: ActorsAt) -> list[Candidate]:
        """Every matched predicate of the document, in text order (verbs, then nouns)."""
        consumed: set[int] = set()
        found: list[Candidate] = []
        for tok in doc:
            # a gerund a light verb took as its event ("stop killing") is not a second event
            if tok.pos_ in ("VERB", "AUX") and not _prenominal(tok) and tok.i not in consumed:
                cand = self.verb_candidate(tok, aat, consumed)
                if cand is not None:
                    found.append(cand)
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                cand = self.noun_candidate(tok, aat)
                if cand is not None:
                    found.append(cand)
        return found
