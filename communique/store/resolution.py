"""Re-resolving events inside a batch's transaction, touching only what the batch can change.

The resolver's date rule makes resolution separable: two mentions whose dates are more than
``window_days`` apart never merge, so the mentions of one CAMEO root fall into *date components*
(chains of date intervals with gaps of at most the window), and the clusters of one component
depend on nothing outside it. A batch therefore re-resolves only the components its new mentions
fall into (found by widening the date range until it stops growing), which gives exactly the
events a full re-resolution would give, at a cost that follows the batch, not the store.
Undated mentions never merge and are their own events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from ..resolve.dedupe import ResolveOptions, events_from_mentions, resolve

__all__ = ["resolve_all", "resolve_new"]

Row = dict[str, Any]
Insert = Callable[[str, Sequence[Row]], None]

_END = "coalesce(date_end, date_start)"


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _intervals(new: Sequence[Row], window: int) -> list[tuple[date, date]]:
    """The new mentions' date intervals widened by the window, merged where they overlap."""
    spans = sorted(
        (_as_date(r["date_start"]) - timedelta(days=window),
         _as_date(r.get("date_end") or r["date_start"]) + timedelta(days=window))
        for r in new
        if r.get("date_start") is not None
    )
    merged: list[tuple[date, date]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _component(
    conn: duckdb.DuckDBPyConnection, root: str, lo: date, hi: date, window: int
) -> tuple[date, date]:
    """Widen [lo, hi] until no dated mention of ``root`` lies within the window of its edges."""
    pad = timedelta(days=window)
    while True:
        row = conn.execute(
            f"SELECT min(date_start), max({_END}) FROM event_mentions "
            f"WHERE root = ? AND date_start IS NOT NULL AND {_END} >= ? AND date_start <= ?",
            [root, lo, hi],
        ).fetchone()
        if row is None or row[0] is None:
            return lo, hi
        new_lo, new_hi = min(lo, row[0] - pad), max(hi, row[1] + pad)
        if (new_lo, new_hi) == (lo, hi):
            return lo, hi
        lo, hi = new_lo, new_hi


def _apply(
    conn: duckdb.DuckDBPyConnection, mentions: list[Row], options: ResolveOptions, insert: Insert
) -> None:
    """Resolve ``mentions`` (closed components) and replace their events and assignments."""
    if not mentions:
        return
    clusters = resolve(mentions, options=options)
    before = {m["mention_id"]: (m["event_id"], m["merge_reason"]) for m in mentions}
    changed = [
        {k: r[k] for k in ("mention_id", "event_id", "merge_reason")}
        for rows in clusters
        for r in rows
        if before[r["mention_id"]] != (r["event_id"], r["merge_reason"])
    ]
    if changed:
        upd = pa.Table.from_pylist(changed)  # noqa: F841 - read by DuckDB's replacement scan
        conn.execute(
            "UPDATE event_mentions SET event_id = upd.event_id, merge_reason = upd.merge_reason "
            "FROM upd WHERE event_mentions.mention_id = upd.mention_id"
        )
    old = sorted({m["event_id"] for m in mentions})
    conn.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [old])
    insert("events", events_from_mentions(clusters))


def resolve_new(
    conn: duckdb.DuckDBPyConnection, new: Sequence[Row], *, options: ResolveOptions, insert: Insert
) -> None:
    """Re-resolve the date components of ``new`` mentions (already inserted), per CAMEO root."""
    by_root: dict[str, list[Row]] = {}
    for row in new:
        by_root.setdefault(row["root"], []).append(row)
    for root in sorted(by_root):
        rows = by_root[root]
        loaded: dict[str, Row] = {}
        for lo, hi in _intervals(rows, options.window_days):
            lo, hi = _component(conn, root, lo, hi, options.window_days)
            for m in _rows(
                conn,
                f"SELECT * FROM event_mentions WHERE root = ? AND date_start IS NOT NULL "
                f"AND {_END} >= ? AND date_start <= ?",
                [root, lo, hi],
            ):
                loaded[m["mention_id"]] = m
        for r in rows:  # undated: their own events
            if r.get("date_start") is None:
                loaded.setdefault(r["mention_id"], dict(r))
        _apply(conn, list(loaded.values()), options, insert)


def resolve_all(
    conn: duckdb.DuckDBPyConnection, *, options: ResolveOptions, insert: Insert
) -> None:
    """Re-resolve every stored mention (after changing options, or after a bulk load)."""
    conn.execute("DELETE FROM events")
    cur = conn.execute("SELECT DISTINCT root FROM event_mentions ORDER BY 1")
    for (root,) in cur.fetchall():
        mentions = _rows(conn, "SELECT * FROM event_mentions WHERE root = ?", [root])
        _apply(conn, mentions, options, insert)
