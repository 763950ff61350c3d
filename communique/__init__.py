"""Communique: event data from international news, every record traceable to its sentence.

Public API::

    import communique
    doc = communique.extract(text, published="2021-10-11")
    for item in communique.process_batch(communique.iter_articles(["corpus.jsonl"])): ...
"""

from .api import extract, process_batch
from .errors import CommuniqueError
from .ingest import iter_articles
from .parse import load_pipeline
from .records import (
    Actor,
    Agreement,
    Amount,
    Article,
    DateRange,
    Document,
    Event,
    ItemError,
    Place,
    TimeExpr,
)

__all__ = [
    "Actor",
    "Agreement",
    "Amount",
    "Article",
    "CommuniqueError",
    "DateRange",
    "Document",
    "Event",
    "ItemError",
    "Place",
    "TimeExpr",
    "extract",
    "iter_articles",
    "load_pipeline",
    "process_batch",
]
