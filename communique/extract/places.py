"""places component: toponyms found, told apart from actors, and resolved to GeoNames entries.

Candidates are spaCy's GPE/LOC/FAC entities plus the gazetteer's names that NER missed
(``_toponym_find``: well-known names wherever they stand as places, smaller towns and
counties only in a strong place context). A candidate is dropped when it is an actor rather
than a territory (``_place_roles``): a demonym or adjective ("Azerbaijani"), a state or city
acting or speaking ("Turkey said", "talks with Israel", "Russia's foreign minister"), a
country's name inside an organisation's ("U.S. Army"); a dateline or a qualified town
("Moorhead, Minn.") is always a place. The resolver (``resolve.places``) chooses the entry.

Writes ``Doc._.communique_places`` (``P1``.. in order of first mention; mentions of the same
entry share one record) and ``Doc._.communique_place_tokens`` (token index -> place id).
Exports :func:`place_for_predicate` (the event-location choice), in :mod:`.place_links`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Place
from ..resolve.gazetteer import Candidate, Gazetteer, default_gazetteer
from ..resolve.places import resolve_toponyms
from ._toponym_find import Found, Matchers, build_matchers, find_toponyms
from .place_links import place_for_predicate

__all__ = ["PlacesComponent", "find_toponyms", "place_for_predicate"]

_Found = Found  # the record a candidate is, kept under its old private name


class PlacesComponent:
    """Writes ``Doc._.communique_places`` and ``Doc._.communique_place_tokens``.

    Args:
        nlp: the pipeline (its vocabulary builds the phrase patterns).
        gazetteer: the gazetteer to resolve against; the full one (built on first use) by default.
    """

    def __init__(self, nlp: Language, *, gazetteer: Gazetteer | None = None) -> None:
        self.nlp = nlp
        self._gazetteer = gazetteer
        self._matchers: Matchers | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use (the default one is opened on first use, not at import)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def matchers(self) -> Matchers:
        """The gazetteer's phrase matchers (built on first use)."""
        if self._matchers is None:
            self._matchers = build_matchers(self.nlp, self.gazetteer)
        return self._matchers

    def match(self, doc: Doc) -> list[Found]:
        """The toponyms of ``doc`` (pure: reads the doc, writes nothing)."""
        return find_toponyms(doc, self.matchers())

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


@Language.factory(
    "communique_places_v1",
    assigns=["doc._.communique_places", "doc._.communique_place_tokens"],
    requires=["doc.ents", "token.dep"],
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    """The places component over the default gazetteer."""
    return PlacesComponent(nlp)
