"""Is a name mention a territory (a place) or a state, city or people acting (an actor)?

Issue 4: "Demonyms and metonymic uses ("Turkey said") are actors, not places, unless the text
is about the territory." Read from the mention's place in the parse, with the word lists of
``data/gazetteer/toponym_roles.yml``:

- a place: the object of a preposition of place or origin ("in", "from", "of", "such as",
  "except", "among them"), the object of a verb of movement or force ("visited Ohio", "shelled
  Kharkiv"), the subject of a verb of state ("Serbia borders Hungary", "Egypt is") or of
  "have" or "report" with a tally of what happens there ("Chile has 2,335 cases", "Lebanon
  reported three", "had the highest jobless rate"), the possessor of a territory noun or
  such a figure ("Turkey's capital", "Kenya's first case"), the object of "of" after a class
  noun or a town's office ("the state of Ohio", "the mayor of Elmira"), of "for" after an office
  serving it ("the U.N. coordinator for Darfur"), of "between" on a route or a movement
  ("shipments of cattle between Kenya and Uganda"), of "other than", the name a class
  noun is given ("other towns affected are Mombasa", "a town called Varde"), an apposition, a
  qualifier ("Paris, Texas"), a dateline, a state's or town's name on a person ("a
  Connecticut Democrat"), or a coordinate of any of these;
- an actor: the subject of any other verb ("Ankara said"), the possessor or "of"-object of a
  state noun ("Russia's foreign minister", "the president of Georgia"), the object of a party
  preposition ("talks with Israel", "a plot by the United States") or of another verb
  ("urged Israel"), a name inside an organisation's name ("U.S. Army"); a name on a thing
  named after the place ("West Nile virus") is no place either;
- otherwise undecided: a place unless the actors component claimed the tokens.

Written by hand: no library reads metonymy off a parse; the small model has no such label.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from spacy.tokens import Span, Token

from ..data import read_yaml

__all__ = ["first_conjunct", "is_place", "role", "roles"]

Role = Literal["place", "actor", "unclear"]
# What a territory is said to be in a small clause ("makes Norway the fifth country to ...").
_PLACE_NOUNS = frozenset({"country", "nation", "hub", "destination", "place", "capital"})


@lru_cache(maxsize=1)
def roles() -> dict[str, frozenset[str]]:
    """The word lists of ``toponym_roles.yml`` as sets."""
    data = read_yaml("gazetteer", "toponym_roles.yml")
    assert isinstance(data, dict)
    return {k: frozenset(str(w) for w in v) for k, v in data.items() if isinstance(v, list)}


def first_conjunct(token: Token) -> Token:
    """The first of a list of coordinated words ("Baku" for "Ankara" in "Baku and Ankara")."""
    node = token
    for _ in range(10):
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    return node


def _of_noun(noun: Token) -> set[str]:
    """The noun an "of" phrase hangs on ("loads" of "loads of cattle"), as word and lemma."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return {noun.head.head.lower_, noun.head.head.lemma_.lower()}
    return set()


def _prep_role(prep: Token) -> Role:
    r = roles()
    word = prep.lower_
    heads = {prep.head.lemma_.lower(), prep.head.lower_}
    if word == "for" and heads & r["for_place_words"]:
        return "place"  # "headed for Syria", "the forecast for Atlanta"
    if word == "for" and prep.head.dep_ == "acl" and (
            prep.head.head.lemma_.lower() in r["for_place_words"]):
        return "place"  # "the burn ban issued for Pike County"
    if word == "for" and heads & r["jurisdiction_offices"]:
        return "place"  # "the coordinator for Darfur", "district attorney for Pike County"
    if word in ("between", "with") and heads & r["path_words"]:
        return "place"  # "flights between Moscow and Riga", "the border with Chad"
    if word == "between" and _of_noun(prep.head) & r["path_words"]:
        return "place"  # "shipments of cattle between Kenya and Uganda"
    if word == "than" and "other" in {prep.head.lower_} | {
            c.lower_ for c in prep.head.children if c.dep_ == "amod"}:
        return "place"  # "cases other than Mexico", "other provinces than KwaZulu-Natal"
    if word in r["agentive_preps"]:
        return "actor"
    if word == "of" and prep.head.lower_ in r["class_nouns"]:
        return "place"  # "the state of Ohio", "the town of Gori"
    if word == "of" and heads & r["town_offices"]:
        return "place"  # "the mayor of Elmira", "the High Sheriff of Kent"
    if word == "of" and prep.head.lemma_.lower() in r["actor_nouns"]:
        return "actor"  # "the president of Georgia"
    if word in r["territorial_preps"]:
        return "place"
    return "unclear"


def _in_name_role(span: Span, head: Token, *, country: bool) -> Role:
    # A name modifying a noun or inside a longer name: "Alexandria woman" (a place), "U.S.
    # Army" (a country's name in an organisation: the state), "Dublin City Council" (a
    # public body named after the place it serves), "Toyota Motor" (the company's own name).
    r = roles()
    if head.lemma_.lower() in r["named_after_nouns"]:
        return "actor"  # "West Nile virus", "Marburg fever": a disease, no place meant here
    if head.ent_type_ in ("PERSON", "NORP"):
        # "U.S. President Obama" names the state; "a Connecticut Democrat", "Sarnia native
        # Brandon Biggers" the place they come from
        return "actor" if country else "place"
    if country and head.lemma_.lower() in r["actor_nouns"] - r["class_nouns"]:
        return "actor"  # "U.S. President Obama", "U.S. troops": the state's; "U.S. states" no
    if head.pos_ == "NOUN" and head.lower_ not in r["organisation_heads"]:
        return "place"  # "Gainesville man", "Torrington firefighters", whatever NER says
    doc = span.doc
    ent = next((e for e in doc.ents if e.start <= span.start and span.end <= e.end), None)
    words = {t.lower_ for t in doc[span.end : max(head.i + 1, ent.end if ent else 0)]}
    organisation = (ent is not None and ent.label_ == "ORG") or bool(
        words & r["organisation_heads"])
    if not organisation:
        return "place"
    if not country and head.is_lower and (ent is None or ent.end <= head.i):
        return "place"  # "the Omaha company", "an Iowa bank": where it is, no name of its own
    if country:
        return "actor"
    return "place" if words & r["public_bodies"] else "actor"


def _counts(verb: Token) -> bool:
    """The verb's object is a figure of what happens in a territory ("has 12 cases")."""
    r = roles()
    nouns = r["occurrence_nouns"]

    def figure(t: Token) -> bool:
        if t.lower_ in nouns or t.lemma_.lower() in nouns:
            return True
        # "150,000 displaced persons": the figure is in the object's modifier
        return any(c.dep_ == "amod" and (c.lower_ in nouns or c.lemma_.lower() in nouns)
                   for c in t.children)

    tally = verb.lemma_.lower() in r["tally_verbs"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    # "reported having 640 cases": the object of the verb's own complement
    objects += [o for x in verb.children if x.dep_ == "xcomp" and x.lemma_.lower() == "have"
                for o in x.children if o.dep_ == "dobj"]
    if verb.dep_ == "amod":
        objects.append(verb.head)  # "has nine confirmed cases" parsed as "confirmed cases"
    for obj in objects + [c for o in objects for c in o.conjuncts]:
        if figure(obj):
            return True
        if tally and (obj.like_num or any(c.dep_ == "nummod" for c in obj.children)):
            return True  # "Jordan reported four", "Ohio has confirmed 17 incidents"
        if any(c.dep_ == "amod" and c.tag_ == "JJS" for c in obj.children):
            return True  # "had the third-highest jobless rate", "the largest increase"
        # "the highest number of cases", "the largest share of deaths"
        of = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
        if any(figure(p) for p in of):
            return True
    return False


def _tally_noun(head: Token) -> bool:
    # "Chile now has nine confirmed cases" parsed with "cases" as the clause's head
    # and "has" its auxiliary: the name is still the subject of "have" a figure
    r = roles()
    return head.lemma_.lower() in r["occurrence_nouns"] and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)


def role(span: Span, *, country: bool = False) -> Role:
    """The role of a name mention in its sentence (see the module docstring).

    Args:
        span: the mention.
        country: the name is a country's: inside an organisation's name it names the state
            ("U.S. Army"), where a city's or a state's names where the body sits ("Dublin
            City Council", "the Texas Department of Health").
    """
    r = roles()
    root = first_conjunct(span.root)
    dep, head = root.dep_, root.head
    lemma = head.lemma_.lower()
    if dep == "pobj":
        return _prep_role(head)
    if dep in ("nsubjpass", "appos", "npadvmod"):
        return "place"
    if dep == "dep" and head.dep_ == "prep":
        return _prep_role(head)  # "many countries, among them China, Japan"
    if dep == "attr" and lemma == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in r["class_nouns"] for c in head.children):
        return "place"  # "other towns affected are Mombasa and Eldoret"
    if dep == "oprd" and lemma in ("call", "name") and head.dep_ == "acl" and (
            head.head.lemma_.lower() in r["class_nouns"]):
        return "place"  # "a town called Varde"
    if dep == "nsubj":
        if head.dep_ == "aux" and head.head.i != head.i:
            # "Sweden has 17 confirmed dead": the parse hangs the subject on the auxiliary
            head = head.head
            lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX"):
            if lemma in r["count_verbs"] and _counts(head):
                return "place"  # "Chile has 2,335 cases", "Peru reported its first case"
            return "place" if lemma in r["subject_verbs"] else "actor"
        if head.pos_ == "NOUN" and head.lemma_.lower() in r["class_nouns"] | _PLACE_NOUNS:
            return "place"  # "makes Norway the fifth country to confirm", "make Leeds a hub"
        return "place" if _tally_noun(head) else "unclear"
    if dep == "poss":
        nouns = r["territory_nouns"] | r["occurrence_nouns"]
        words = {head.lower_, lemma} | {c.lower_ for c in head.children if c.dep_ == "compound"}
        if words & nouns:
            return "place"  # "Turkey's capital", "Kenya's capital Nairobi", "Kenya's first case"
        return "actor" if lemma in r["actor_nouns"] else "unclear"
    if dep == "dobj":
        return "place" if lemma in r["object_verbs"] else "actor"
    if dep in ("compound", "nmod", "amod"):
        return _in_name_role(span, head, country=country)
    return "unclear"


def is_place(
    span: Span, actor_tokens: dict[int, tuple[str, ...]], *, country: bool = False
) -> bool:
    """Whether ``span`` is a territory here, given the tokens the actors component claimed."""
    got = role(span, country=country)
    if got == "unclear":
        return not any(t.i in actor_tokens for t in span)
    return got == "place"
