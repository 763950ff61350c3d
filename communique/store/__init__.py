"""Store stage: the embedded DuckDB event dataset, its query API and exports.

::

    import communique
    store = communique.open("events.duckdb")        # or communique.open() for the default file
    store.ingest_documents(communique.process_batch(communique.iter_articles(["corpus/"])))
    store.events(dyad="AZE,TUR", since="2021-01-01")  # pandas DataFrame
"""

from __future__ import annotations

from pathlib import Path

from .db import DEFAULT_BATCH, IngestResult, Store, default_db_path, parse_store_url
from .migrations import MIGRATIONS, Migration
from .query import EVENT_FILTERS, parse_dyad
from .rows import flatten, mention_id, outlet_of
from .schema import TABLES, arrow_schema, columns, to_arrow

__all__ = [
    "DEFAULT_BATCH",
    "EVENT_FILTERS",
    "MIGRATIONS",
    "TABLES",
    "IngestResult",
    "Migration",
    "Store",
    "arrow_schema",
    "columns",
    "default_db_path",
    "flatten",
    "mention_id",
    "open",
    "outlet_of",
    "parse_dyad",
    "parse_store_url",
    "to_arrow",
]


def open(  # noqa: A001
    target: str | Path | None = None,
    *,
    read_only: bool = False,
    shared: bool = False,
    wait: float = 0.0,
) -> Store:
    """Open the store at ``target`` (path, ``duckdb:///path`` URL, or None for the default file).

    See :meth:`Store.open` (``shared``: release the file between batches for other processes'
    readers; ``wait``: seconds to wait while another process holds it).
    """
    return Store.open(target, read_only=read_only, shared=shared, wait=wait)
