"""Communique: event data from international news, every record traceable to its sentence.

Public API::

    import communique
    doc = communique.extract(text, published="2021-10-11")
    for item in communique.process_batch(communique.iter_articles(["corpus.jsonl"])): ...
"""

# The ``extract`` subpackage (the pipeline stage) is imported first so that the public function
# ``communique.extract`` bound below is not shadowed when the stage is imported later.
from . import extract as _extract_stage  # noqa: F401  (registers the spaCy factories)
from .api import extract, process_batch  # noqa: E402
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
from .store import open

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
    "open",
    "process_batch",
]
