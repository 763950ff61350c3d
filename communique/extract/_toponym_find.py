"""Toponym candidates: spaCy's place entities plus the gazetteer's names, kept by context.

The small English model misses many places (tagged PERSON or ORG, or no entity at all), so
names from the gazetteer are matched in the text too, case-insensitively but only where
written as names (capitalised, or in capitals in a dateline):

- well-known names (countries, regions, first-level divisions, cities of 100,000 people or
  more, countries' other names such as "U.S.") wherever their role is a place;
- smaller places (cities of 1,000 or more, counties and other second-level divisions) only
  as proper nouns no entity claimed, in a strong place context: the object of a preposition
  of place ("in Elbow Lake"), qualified ("Moorhead, Minn."), a dateline ("COLUMBUS, Ohio"),
  or a county's name ("Kanawha County").

Which candidates are places rather than actors is ``_place_roles``' call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..resolve.gazetteer import Gazetteer
from ..resolve.places import Toponym
from ._place_roles import first_conjunct, is_place, role, roles
from ._toponym_discourse import same_name_again
from ._toponym_lists import list_groups
from ._toponym_spans import (
    CONNECTORS,
    before_local_word,
    body_prefix,
    dateline,
    division_lists,
    in_street_name,
    inside_longer_name,
    never_acts,
    opens_before_local_noun,
    party_district,
    person_names,
    qualified,
    trim,
    written_as_name,
)

__all__ = ["Found", "Matchers", "find_toponyms", "build_matchers"]

_PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities NER gives a wrong label but that are places where the parse says so
# ("Alexandria woman charged" with Alexandria as PERSON).
_RELABEL = ("PERSON", "ORG", "NORP")
_RELABEL_PREPS = frozenset({"in", "at", "near", "outside", "inside", "from", "into", "across",
                            "throughout", "around", "of", "through", "along", "via", "onto"})
# "to" is a place's only after a word of motion ("a trip to Acapulco", "heading on to Tyler"),
# not of speech or giving ("talking to Hamas", "a gesture to Abbas"); "as" only in "such as".
_TO_PREPS = frozenset({"to", "toward", "towards"})
_BIG_POPULATION = 100_000
_SMALL_POPULATION = 1_000
_DIVISION_WORDS = frozenset({"county", "parish", "district", "province", "oblast", "region"})


@dataclass(frozen=True)
class Found:
    """A toponym span and what the resolver needs of it."""

    span: Span
    toponym: Toponym


@dataclass(frozen=True)
class Matchers:
    """The gazetteer's names as phrase matchers, and name tests."""

    big: PhraseMatcher
    small: PhraseMatcher
    known: Callable[[str], bool]
    is_country: Callable[[str], bool]
    # a place's own name, not only a town's other name ("Hamas" is one of Hamm's)
    own: Callable[[str], bool] = bool
    # a country's or first-level division's name: a state that may act
    is_state: Callable[[str], bool] = bool


def _add(matcher: PhraseMatcher, tokenizer: Any, names: list[str], *, chunk: int = 2000) -> None:
    # A few thousand pattern Docs at a time: the 145,000 small-place names as Docs at once
    # took 750 MB more at peak, which every worker process of the scale engines paid.
    stream = iter(names)
    while part := list(islice(stream, chunk)):
        matcher.add("PLACE", list(tokenizer.pipe(part)))


def build_matchers(nlp: Language, gazetteer: Gazetteer) -> Matchers:
    """Phrase matchers over the gazetteer's names (lower-cased: datelines are in capitals)."""
    # The tokenizer (spaCy types it as a plain callable) makes the patterns in one pass.
    tokenizer: Any = nlp.tokenizer
    big = PhraseMatcher(nlp.vocab, attr="LOWER")
    _add(big, tokenizer, gazetteer.names_for_matching(min_population=_BIG_POPULATION))
    small = PhraseMatcher(nlp.vocab, attr="LOWER")
    _add(small, tokenizer, gazetteer.small_names(min_population=_SMALL_POPULATION,
                                                  below=_BIG_POPULATION))

    def known(name: str) -> bool:
        return bool(gazetteer.lookup(name))

    def is_country(name: str) -> bool:
        cands = gazetteer.lookup(name)
        features = {c.feature for c in cands}
        return "country" in features and "admin1" not in features

    def own(name: str) -> bool:
        return any(not c.alt or c.feature != "city" for c in gazetteer.lookup(name))

    def is_state(name: str) -> bool:
        return any(c.feature in ("country", "admin1") for c in gazetteer.lookup(name))

    return Matchers(big, small, known, is_country, own, is_state)


def _looks_like_name(span: Span) -> bool:
    # Demonyms and adjectives ("Azerbaijani", "Turkish") are actors' business, never places;
    # a town's name NER took for a group is a place in a place phrase ("in Greer").
    if span.root.tag_ in ("JJ", "JJR", "JJS"):
        return False
    if span.root.ent_type_ == "NORP" and not (span.root.dep_ == "pobj" and role(span) == "place"):
        return False
    return span.text[:1].isupper()  # "DeKalb" as well as "Kharkiv" and "KHARKIV"


def _strong_context(span: Span, known: Callable[[str], bool]) -> bool:
    root = first_conjunct(span.root)  # "in Oakport and Moorhead" as well as "in Oakport"
    if root.dep_ == "pobj" and root.head.lower_ in roles()["territorial_preps"]:
        return True
    if span[-1].lower_ in _DIVISION_WORDS or party_district(span):
        return True
    head, r = span.root.head, roles()
    if (span.root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end
            and head.lemma_.lower() in r["local_nouns"] | r["public_bodies"]):
        # "Roselle police", "a Williston man", "the Byesville Volunteer Fire Department"
        return _first_in_name(span)
    if span.root.dep_ == "npadvmod" and head.lemma_.lower() == "base":
        return True  # "the Kutaisi-based brigade"
    if span.root.dep_ == "appos" and (head.lemma_.lower() in r["class_nouns"] or (
            head.dep_ == "pobj" and head.head.lower_ in r["territorial_preps"])):
        return True  # "another town, Oakdale,", "in Mill Lane, Banbury"
    return dateline(span) or qualified(span, known)


def _generic(span: Span) -> bool:
    r = roles()
    low = span.text.lower()
    return low in r["generic_names"] or low in r["public_bodies"] or low in r["organisation_heads"]


def _first_in_name(span: Span) -> bool:
    # "Torrington Fire Department": the place's name opens the organisation's name
    ent = next((e for e in span.doc.ents if e.start <= span.start and span.end <= e.end), None)
    if ent is None:
        return True
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    return span.start == start


def _proper(span: Span) -> bool:
    # "Man charged" at the start of a sentence is a noun, "Reading" a verb: names are NNP
    return all(t.tag_ in ("NNP", "NNPS") or t.lower_ in CONNECTORS or t.is_upper for t in span)


def _widen(span: Span, matches: list[tuple[int, int, bool]]) -> Span:
    """The longest gazetteer name around a place entity NER cut short: "Guinea-Bissau" for
    "Guinea", "Goz Beida" for "Beida", "Rio Grande do Sul" for "Rio Grande"."""
    best = span
    for start, end, _ in matches:
        if start <= span.start and span.end <= end and end - start > len(best):
            wider = trim(Span(span.doc, start, end, label=span.label_))
            if written_as_name(wider) and len(wider) > len(best):
                best = wider  # not "the Netherlands" for "Netherlands": the article stays out
    return best


def _relabel_prep(prep: Token) -> bool:
    word = prep.lower_
    if word in _TO_PREPS:
        head = prep.head
        return bool({head.lemma_.lower(), head.lower_} & roles()["motion_words"])
    if word == "as":  # "counties such as Peoria", not "leaders such as Jesus"
        return (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"
                and prep.head.lemma_.lower() not in roles()["actor_nouns"])
    return word in _RELABEL_PREPS


def _relabel_ok(ent: Span, m: Matchers, people: set[str]) -> bool:
    """A PERSON or ORG entity that is a place after all ("Alexandria woman charged", "clashes
    near Kharkiv"): in a locative phrase or modifying a common noun, and no person's name.
    Outside a locative phrase only a place's own name will do: "Hamas" is one of Hamm's other
    names, and "Hamas runs Gaza" no German town."""
    if ent.text in people or not m.known(ent.text):
        return False
    root = ent.root
    if root.dep_ == "pobj":
        return _relabel_prep(root.head)
    if not m.own(ent.text):
        return False
    if root.dep_ in ("appos", "npadvmod", "nsubjpass"):
        return True
    if root.dep_ == "nsubj" and ent.label_ == "ORG":
        return role(ent) == "place"  # "Oak Glen is about 30 miles north of Peoria"
    if root.dep_ in ("attr", "oprd", "dep"):
        return role(ent) == "place"  # "other towns hit are Tarbes and Pau", "a town called Viborg"
    if root.dep_ == "conj":
        return _relabel_ok(Span(ent.doc, root.head.i, root.head.i + 1), m, people) or (
            bool(root.head.ent_type_ in _PLACE_LABELS))
    if root.dep_ not in ("compound", "nmod", "amod"):
        return False
    return not root.head.ent_type_ or before_local_word(ent, m.is_country)


def _small_ok(span: Span, known: Callable[[str], bool]) -> bool:
    if _proper(span) and (qualified(span, known) or dateline(span)):
        return True  # "Greer, South Carolina", "ORLANDO, Fla.": whatever NER made of it
    if any(t.ent_type_ == "ORG" for t in span):
        # "Laurel County Sheriff's Office", "the Torrington Fire Department": a public body
        # named after the place it serves (not "Ford Motor", not "Watertown Daily Times");
        # "St. Mary's School in Roselle": NER's organisation ran on over where it is
        root = span.root
        ent = next((e for e in span.doc.ents if e.start <= span.start and span.end <= e.end),
                   None)
        where = (root.dep_ == "pobj" and root.head.lower_ in roles()["territorial_preps"]
                 and ent is not None and ent.start <= root.head.i)
        return _proper(span) and (_first_in_name(span) or where) and role(span) == "place"
    if any(t.ent_type_ and t.ent_type_ not in _PLACE_LABELS for t in span):
        return False  # NER saw a person, an organisation, a date: leave it to NER
    return ((_proper(span) or opens_before_local_noun(span)) and _strong_context(span, known)
            and not inside_longer_name(span))


def find_toponyms(doc: Doc, m: Matchers) -> list[Found]:
    """Toponym spans of ``doc`` in text order, with qualifier and dateline set.

    Args:
        doc: a parsed doc (NER and dependency parse); the actors component has run.
        m: the gazetteer's matchers and name tests (``build_matchers``).
    """
    actor_tokens: dict[int, tuple[str, ...]] = doc._.communique_actor_tokens or {}
    # Big and small names together, the longest first where they start alike: "Guernsey
    # County" (a small name) before "Guernsey" (a big one).
    matches = [(s, e, False) for _, s, e in m.big(doc)] + [(s, e, True) for _, s, e in m.small(doc)]
    matches.sort(key=lambda x: (x[0], x[0] - x[1], x[2]))
    spans: list[Span] = [
        _widen(body_prefix(trim(e), m.known), matches)
        for e in doc.ents if e.label_ in _PLACE_LABELS
    ]
    people = person_names(doc)
    for ent in doc.ents:
        relabel = ent.label_ in ("PERSON", "ORG") or (
            ent.label_ == "NORP" and ent.root.dep_ == "pobj")  # "in Greer" as a demonym
        if relabel and _relabel_ok(ent, m, people):
            spans.append(Span(doc, ent.start, ent.end, label="GPE"))
        elif ent.label_ in ("PERSON", "ORG") and len(head := body_prefix(ent, m.known)) < len(
                ent) and before_local_word(head, m.is_country):
            spans.append(Span(doc, head.start, head.end, label="GPE"))  # "Litchfield Fire"
    taken = {t.i for s in spans for t in s}
    for start, end, small in matches:
        span = Span(doc, start, end, label="GPE")
        if any(t.i in taken for t in span) or not written_as_name(span):
            continue
        if not (_proper(span) or opens_before_local_noun(span)) or span.text in people or (
                _generic(span)):
            continue
        if small and not _small_ok(span, m.known):
            continue
        if span.root.ent_type_ in _RELABEL and role(
            span, country=m.is_country(span.text)
        ) != "place" and not (dateline(span) or qualified(span, m.known)):
            continue
        spans.append(span)
        taken.update(t.i for t in span)
    # "Clay, Grant and Wilkin counties": each name is a county's, whatever NER made of it.
    listed = division_lists(doc, m.known)
    if listed:
        spans = [s for s in spans if not any(a < s.end and s.start < b for a, b in listed)]
        spans += [Span(doc, a, b, label="GPE") for a, b in listed]
    # The qualifier of a town is where it lies, whatever the parse makes of it ("Rockville,
    # Maryland admitted a patient": Maryland is no actor).
    qualifiers = {
        b.start
        for a in spans
        for b in spans
        if b.start == a.end + 1 and doc[a.end].text == "," and not m.is_country(a.text)
    }
    spans = [
        s
        for s in spans
        if (s.start, s.end) in listed
        or (dateline(s) and _proper(s))  # "HAMILTON —", whatever its tag or NER label
        or (qualified(s, m.known) and _proper(s) and s.root.tag_ not in ("JJ", "NNPS")
            and not m.is_country(s.text) and not in_street_name(s))  # "Greer, S.C."
        or (_looks_like_name(s)
        and not in_street_name(s)
        and (dateline(s)
             or s.start in qualifiers
             or never_acts(s, m.is_state)
             or (qualified(s, m.known) and not m.is_country(s.text))  # "Moorhead, Minn."
             or is_place(s, actor_tokens, country=m.is_country(s.text))))
    ]
    spans += same_name_again(doc, spans, matches, is_state=m.is_state, people=people)
    spans.sort(key=lambda s: s.start)
    found: list[Found] = []
    groups = list_groups(spans)
    for i, span in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        qualifier = None
        # "Paris, Texas" / "Belgrade, Serbia": the second name qualifies the first.
        key = (span.start, span.end)
        if (nxt is not None and nxt.start == span.end + 1 and doc[span.end].text == ","
                and key not in listed and not m.is_country(span.text)):  # "China, Japan"
            qualifier = nxt.text
        found.append(Found(span, Toponym(listed.get(key, span.text), qualifier=qualifier,
                                         dateline=dateline(span), group=groups.get(i))))
    return found
