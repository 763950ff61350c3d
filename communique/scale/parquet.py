"""The Parquet dataset the scale engines write, and loading it into a store.

Layout (hive-style, one folder per store table, partitioned by publication month)::

    OUT/articles/month=2025-03/part-000007-0.parquet
    OUT/event_mentions/month=2025-03/part-000007-0.parquet
    OUT/events/month=unknown/part-000012-0.parquet      (articles without a date)
    OUT/ingest_errors/part-000012.parquet               (items that failed; no month)

Each partition of the input (numbered in input order) writes its own files, so workers never
share a file. The rows are :func:`communique.store.flatten`'s, typed by
:func:`communique.store.to_arrow`, so every table has exactly the store's columns plus
``month``. DuckDB (``read_parquet('OUT/events/*/*.parquet', hive_partitioning=true)``), pandas
(``pd.read_parquet('OUT/events')``) and Spark read it as it is. ``events`` holds one
unresolved event per mention (as ``flatten`` gives it): cross-article resolution needs every
mention, so it runs when a store loads the dataset (:func:`load_parquet`). A table folder
exists only once some partition has rows for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from ..errors import StoreError
from ..records import Document, ItemError
from ..store import IngestResult, Store, columns, flatten, to_arrow
from ..store.rows import TABLE_ORDER, error_row

__all__ = [
    "PARTITION",
    "UNKNOWN_MONTH",
    "Partition",
    "is_dataset",
    "load_parquet",
    "month_of",
    "write_partition",
]

PARTITION = "month"
UNKNOWN_MONTH = "unknown"  # not hive's __HIVE_DEFAULT_PARTITION__: pandas cannot read a null key

_HIVE = pads.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive")
_LOADED = tuple(t for t in TABLE_ORDER if t != "events")  # events are re-resolved on load


@dataclass(frozen=True)
class Partition:
    """What one partition wrote: its index, counts, the failed items, and the worker that
    wrote it (``host:pid``) with its peak memory (bytes)."""

    index: int
    documents: int
    errors: tuple[ItemError, ...]
    peak_rss: int = 0
    worker: str = ""


def month_of(doc: Document) -> str:
    """The partition key of a document: its publication month ``YYYY-MM`` or ``unknown``."""
    published = doc.article.published
    return published[:7] if published else UNKNOWN_MONTH


def write_partition(
    results: Iterable[Document | ItemError], out: str | Path, *, index: int
) -> Partition:
    """Write one partition's documents and errors under ``out`` (see the module docstring).

    A document whose article already came earlier in the partition is left out, as the store
    keeps the first of two identical articles.
    """
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_ORDER}
    months: dict[str, list[str]] = {t: [] for t in TABLE_ORDER}
    errors: list[ItemError] = []
    seen: set[str] = set()
    for item in results:
        if isinstance(item, ItemError):
            errors.append(item)
            continue
        if item.article.id in seen:
            continue
        seen.add(item.article.id)
        month = month_of(item)
        for table, table_rows in flatten(item).items():
            rows[table].extend(table_rows)
            months[table].extend([month] * len(table_rows))
    base = str(out).rstrip("/")
    for table in TABLE_ORDER:
        if not rows[table]:
            continue
        data = to_arrow(table, rows[table]).append_column(
            PARTITION, pa.array(months[table], pa.string())
        )
        pads.write_dataset(
            data, f"{base}/{table}", format="parquet", partitioning=_HIVE,
            basename_template=f"part-{index:06d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
    if errors:
        if "://" not in base:  # pyarrow creates the folders of a remote filesystem itself
            Path(f"{base}/ingest_errors").mkdir(parents=True, exist_ok=True)
        pq.write_table(
            to_arrow("ingest_errors", [error_row(e) for e in errors]),
            f"{base}/ingest_errors/part-{index:06d}.parquet",
        )
    return Partition(index=index, documents=len(seen), errors=tuple(errors))


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a folder this module wrote (it has an articles or errors table)."""
    p = Path(path)
    return p.is_dir() and any((p / t).is_dir() for t in ("articles", "ingest_errors"))


def _files(path: Path, table: str) -> list[str]:
    return sorted(str(f) for f in (path / table).rglob("*.parquet"))


def _scan(files: list[str], table: str) -> str:
    # The partition index is in the file name: it orders duplicates as the input did.
    names = ", ".join(name for name, _ in columns(table))
    return (
        f"SELECT {names}, CAST(regexp_extract(filename, 'part-(\\d+)', 1) AS BIGINT) AS _part "
        f"FROM read_parquet({files!r}, filename=true, hive_partitioning=false, "
        "union_by_name=true)"
    )


def _count(store: Store, table: str) -> int:
    row = store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def load_parquet(store: Store, path: str | Path) -> IngestResult:
    """Load a dataset written by the scale engines into ``store``, then resolve events.

    Articles already stored are skipped (so loading twice changes nothing); of two identical
    articles in the dataset the one earlier in the input is kept. Failed items go to
    ``ingest_errors``. Events are re-resolved over the whole store, which gives exactly the
    events a batch-by-batch ingest gives (see :mod:`communique.store.resolution`).

    Raises:
        StoreError: ``path`` is not such a dataset, or the store is read-only.
    """
    root = Path(path)
    if not is_dataset(root):
        raise StoreError(f"{root} is not a Communique Parquet dataset (no articles/ folder)")
    if store.read_only:
        raise StoreError("the store is open read-only")
    conn = store.conn
    result = IngestResult()
    conn.execute("BEGIN TRANSACTION")
    try:
        articles = _files(root, "articles")
        conn.execute("CREATE OR REPLACE TEMP TABLE _chosen (article_id VARCHAR, _part BIGINT)")
        if articles:
            conn.execute(
                "INSERT INTO _chosen SELECT article_id, min(_part) FROM "
                f"({_scan(articles, 'articles')}) GROUP BY article_id"
            )
            total = _count(store, "_chosen")
            conn.execute(
                "DELETE FROM _chosen WHERE article_id IN (SELECT article_id FROM articles)"
            )
            result.added = _count(store, "_chosen")
            result.skipped = total - result.added
        for table in _LOADED:
            files = _files(root, table)
            if not files:
                continue
            names = ", ".join(name for name, _ in columns(table))
            conn.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM ({_scan(files, table)}) "
                "SEMI JOIN _chosen USING (article_id, _part)"
            )
        conn.execute(
            "DELETE FROM ingest_errors WHERE source IN (SELECT a.source FROM articles a "
            "JOIN _chosen c USING (article_id))"
        )
        result.errors = _load_errors(store, root)
        conn.execute("DROP TABLE _chosen")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    store.resolve_events()
    result.batches = 1
    return result


def _load_errors(store: Store, root: Path) -> list[ItemError]:
    files = _files(root, "ingest_errors")
    if not files:
        return []
    names = ", ".join(name for name, _ in columns("ingest_errors") if name != "last_seen")
    rows = store.conn.execute(
        f"SELECT {names} FROM ({_scan(files, 'ingest_errors')}) ORDER BY _part"
    ).fetchall()
    latest = {r[0]: r for r in rows}  # error_key -> the last record of it, as a rerun keeps
    store.conn.execute(
        "DELETE FROM ingest_errors WHERE error_key IN (SELECT unnest(?))", [list(latest)]
    )
    for key, source, code, message in latest.values():
        store.conn.execute(
            f"INSERT INTO ingest_errors ({names}, last_seen) "
            "VALUES (?, ?, ?, ?, current_timestamp)",
            [key, source, code, message],
        )
    return [ItemError(source=r[1], code=r[2], message=r[3]) for r in rows]

