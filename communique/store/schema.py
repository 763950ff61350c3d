"""The store's tables and columns, read from the migrations themselves so they never drift.

``columns(table)`` lists a table's columns and DuckDB types in order, as the current migrations
create them; ``arrow_schema(table)`` and ``to_arrow(table, rows)`` give the matching Arrow types,
so that the rows of :func:`communique.store.rows.flatten` become Parquet files (the scale
engines) with exactly the columns and types of the DuckDB tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Any

import duckdb
import pyarrow as pa

from .migrations import migrate

__all__ = ["TABLES", "arrow_schema", "columns", "to_arrow"]

# Every table of the store (``_migrations`` aside), in insert order.
TABLES = (
    "articles", "actors", "places", "event_mentions", "events", "amounts", "agreements",
    "ingest_errors",
)

_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


@lru_cache(maxsize=1)
def _catalog() -> dict[str, tuple[tuple[str, str], ...]]:
    conn = duckdb.connect(":memory:")
    try:
        migrate(conn)
        rows = conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        conn.close()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, dtype in rows:
        out.setdefault(table, []).append((column, dtype))
    return {k: tuple(v) for k, v in out.items()}


def columns(table: str) -> tuple[tuple[str, str], ...]:
    """``((column, DuckDB type), ...)`` of ``table`` in table order.

    Raises:
        KeyError: no such table.
    """
    return _catalog()[table]


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table`` (dates as ``date32``)."""
    return pa.schema([(name, _ARROW[dtype]) for name, dtype in columns(table)])


def _cell(value: Any, dtype: str) -> Any:
    if dtype == "DATE" and isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value


def to_arrow(table: str, rows: Sequence[dict[str, Any]]) -> pa.Table:
    """Rows of ``table`` (as ``flatten`` gives them) as an Arrow table with the store's types.

    Columns a row lacks are null (e.g. ``ingest_errors.last_seen``, set by the database).
    """
    cols = columns(table)
    data = {
        name: [_cell(row.get(name), dtype) for row in rows] for name, dtype in cols
    }
    return pa.Table.from_pydict(data, schema=arrow_schema(table))
