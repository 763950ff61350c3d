"""Extract stage: one spaCy component per record type, each in its own module.

Importing this package registers the factories (``communique_<x>_v1``) with spaCy. Every
component is a small ``Doc -> Doc`` callable: ``match()`` is pure and returns typed records,
``set_annotations()`` writes them on ``Doc._.communique_<x>``. Order and the data each reads:

- ``times``      (spaCy DATE/TIME ents + own patterns)          -> ``communique_times``
- ``actors``     (ents, parse, actor lexicons)                  -> ``communique_actors``,
                                                                   ``communique_actor_tokens``
- ``places``     (ents, gazetteer)                              -> ``communique_places``,
                                                                   ``communique_place_tokens``
- ``events``     (parse, actors, places, times, event lexicon)  -> ``communique_events``
- ``amounts``    (ents, actors, times)                          -> ``communique_amounts``
- ``agreements`` (parse, events, places, times)                 -> ``communique_agreements``
"""

from . import actors, agreements, amounts, events, places, times

__all__ = ["actors", "agreements", "amounts", "events", "places", "times"]
