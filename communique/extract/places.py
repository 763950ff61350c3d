"""places component: toponyms found, told apart from actors, and resolved to GeoNames entries.

Candidates are spaCy's GPE/LOC/FAC entities plus gazetteer matches (a PhraseMatcher over
country, region and division names and cities of 100,000 people or more) that NER missed.
A candidate is dropped when it is an actor rather than a territory: a demonym or adjective
("Azerbaijani"), a token the actors component claimed ("Turkey said") or an active subject or
possessor that speaks or acts, unless the text is about the territory ("in Turkey").

Writes ``Doc._.communique_places`` (``P1``.. in order of first mention; mentions of the same
entry share one record) and ``Doc._.communique_place_tokens`` (token index -> place id).
Exports :func:`place_for_predicate` (the event-location choice), in :mod:`.place_links`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..records import Place
from ..resolve.gazetteer import Candidate, Gazetteer, default_gazetteer
from ..resolve.places import Toponym, resolve_toponyms
from .place_links import LOCATIVE_PREPS, place_for_predicate

__all__ = ["PlacesComponent", "find_toponyms", "place_for_predicate"]

_PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entities NER gives a wrong label but that are places when a locative preposition governs them
# ("clashes near Kharkiv" with Kharkiv as PERSON).
_RELABEL = ("PERSON", "ORG", "NORP")
# Verbs whose active subject stays a territory ("Serbia borders Hungary").
_TERRITORY_VERBS = frozenset({"be", "lie", "border", "remain", "stretch", "sit", "cover", "become"})
# Nouns a possessive territory modifies as territory ("Turkey's capital", "Serbia's north").
_TERRITORY_NOUNS = frozenset(
    [
        "capital",
        "city",
        "cities",
        "border",
        "borders",
        "territory",
        "territories",
        "region",
        "regions",
        "province",
        "north",
        "south",
        "east",
        "west",
        "coast",
        "soil",
        "airspace",
        "waters",
        "town",
        "towns",
        "village",
        "villages",
        "port",
        "ports",
        "outskirts",
    ]
)
_MATCH_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class _Found:
    span: Span
    toponym: Toponym


def _governed_locatively(span: Span) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS


def _territorial(span: Span) -> bool:
    """The text is about the place as a territory, not the state or people acting."""
    root = span.root
    if _governed_locatively(span) or root.dep_ in ("nsubjpass", "appos", "npadvmod"):
        return True
    if root.dep_ == "poss" and root.head.lower_ in _TERRITORY_NOUNS:
        return True
    if root.dep_ == "compound" and root.head.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return True
    if root.dep_ == "conj":
        # Coordinated places share the first one's role ("in Baku and Ankara").
        first = root
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        return first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPS
    return False


def _acts(span: Span) -> bool:
    """A metonymic use: the place speaks or acts ("Ankara said", "Turkey's support")."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        return root.head.lemma_ not in _TERRITORY_VERBS
    if root.dep_ == "poss":
        return root.head.lower_ not in _TERRITORY_NOUNS
    return False


def _is_actor(span: Span, actor_tokens: dict[int, tuple[str, ...]]) -> bool:
    if _territorial(span):
        return False
    if any(t.i in actor_tokens for t in span):
        return True
    return _acts(span)


def _looks_like_name(span: Span) -> bool:
    # Demonyms and adjectives ("Azerbaijani", "Turkish") are actors' business, never places.
    if span.root.tag_ in ("JJ", "JJR", "JJS") or span.root.ent_type_ == "NORP":
        return False
    return span[0].is_title or span[0].is_upper


class PlacesComponent:
    """Writes ``Doc._.communique_places`` and ``Doc._.communique_place_tokens``.

    Args:
        nlp: the pipeline (its vocabulary builds the phrase patterns).
        gazetteer: the gazetteer to resolve against; the full one (built on first use) by default.
    """

    def __init__(self, nlp: Language, *, gazetteer: Gazetteer | None = None) -> None:
        self.nlp = nlp
        self._gazetteer = gazetteer
        self._matcher: PhraseMatcher | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use (the default one is opened on first use, not at import)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def _phrase_matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            matcher = PhraseMatcher(self.nlp.vocab)
            names = self.gazetteer.names_for_matching(min_population=_MATCH_MIN_POPULATION)
            matcher.add("PLACE", list(self.nlp.tokenizer.pipe(names)))
            self._matcher = matcher
        return self._matcher

    def match(self, doc: Doc) -> list[_Found]:
        """The toponyms of ``doc`` (pure: reads the doc, writes nothing)."""
        return find_toponyms(doc, self._phrase_matcher(), known=self._known)

    def _known(self, name: str) -> bool:
        return bool(self.gazetteer.lookup(name))

    def set_annotations(self, doc: Doc, found: list[_Found]) -> None:
        """Resolve ``found`` and write the place records and the token map."""
        resolved = resolve_toponyms([f.toponym for f in found], gazetteer=self.gazetteer)
        places: dict[object, dict[str, object]] = {}
        tokens: dict[int, str] = {}
        for f, cand in zip(found, resolved, strict=True):
            if cand is None and f.span.label_ == "GPE":
                continue  # a "GPE" no gazetteer knows is mostly an NER error ("Ebola")
            key: object = (
                (cand.geonameid or (cand.name, cand.feature)) if cand else f.span.text.lower()
            )
            entry = places.get(key)
            if entry is None:
                entry = places[key] = _record_fields(f, cand, f"P{len(places) + 1}")
            entry["mentions"].append((f.span.start_char, f.span.end_char))  # type: ignore[attr-defined]
            for t in f.span:
                tokens[t.i] = str(entry["id"])
        doc._.communique_places = [Place(**fields) for fields in places.values()]  # type: ignore[arg-type]
        doc._.communique_place_tokens = tokens

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def _record_fields(f: _Found, cand: Candidate | None, pid: str) -> dict[str, object]:
    if cand is None:
        feature = "site" if f.span.label_ == "FAC" else None
        return {"id": pid, "name": f.span.text, "feature": feature, "mentions": []}
    return {
        "id": pid,
        "name": f.span.text,
        "country": cand.country,
        # Second-level divisions (counties) are regions in the record's vocabulary.
        "feature": "region" if cand.feature == "admin2" else cand.feature,
        "geonameid": cand.geonameid,
        "lat": cand.lat,
        "lon": cand.lon,
        "mentions": [],
    }


def _trim(span: Span) -> Span:
    """Without a leading article or a trailing possessive ("the United Kingdom's")."""
    start, end = span.start, span.end
    if end - start > 1 and span[0].lower_ == "the":
        start += 1
    if end - start > 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


def find_toponyms(
    doc: Doc, matcher: PhraseMatcher, *, known: Callable[[str], bool]
) -> list[_Found]:
    """Toponym spans of ``doc`` in text order, with qualifier and dateline set.

    Args:
        doc: a parsed doc (NER and dependency parse).
        matcher: the gazetteer PhraseMatcher.
        known: whether the gazetteer has a name (rescues places NER labelled PERSON or ORG).
    """
    actor_tokens: dict[int, tuple[str, ...]] = doc._.communique_actor_tokens or {}
    spans: list[Span] = [_trim(e) for e in doc.ents if e.label_ in _PLACE_LABELS]
    for ent in doc.ents:
        # The small model often labels towns PERSON ("Alexandria woman charged"); a name the
        # gazetteer knows, used as a territory, is a place whoever claimed it.
        if (
            ent.label_ in _RELABEL
            and ent.label_ != "NORP"
            and _territorial(ent)
            and known(ent.text)
        ):
            spans.append(Span(doc, ent.start, ent.end, label="GPE"))
    taken = {t.i for s in spans for t in s}
    for _, start, end in matcher(doc):
        span = Span(doc, start, end, label="GPE")
        if any(t.i in taken for t in span):
            continue
        if span.root.ent_type_ in _RELABEL and not _territorial(span):
            continue
        spans.append(span)
        taken.update(t.i for t in span)
    spans = [s for s in spans if _looks_like_name(s) and not _is_actor(s, actor_tokens)]
    spans.sort(key=lambda s: s.start)
    found: list[_Found] = []
    for i, span in enumerate(spans):
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        qualifier = None
        # "Paris, Texas" / "Belgrade, Serbia": the second name qualifies the first.
        if nxt is not None and nxt.start == span.end + 1 and doc[span.end].text == ",":
            qualifier = nxt.text
        dateline = (
            span.start_char < 3
            and span.end < len(doc)
            and doc[span.end].text in (",", "-", "\u2014", "(")
        )
        found.append(_Found(span, Toponym(span.text, qualifier=qualifier, dateline=dateline)))
    return found


@Language.factory(
    "communique_places_v1",
    assigns=["doc._.communique_places", "doc._.communique_place_tokens"],
    requires=["doc.ents", "token.dep"],
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    """The places component over the default gazetteer."""
    return PlacesComponent(nlp)
