"""The dashboard's aggregate queries (monthly dyad series, partners, pairs, map, actors, places).

The row-level lists (events, amounts, agreements, articles) are the store's own queries, so that
the API's filters are the CLI's; what is here exists only for the web views. Every value is a
bound parameter; the only SQL assembled from pieces is fixed text chosen by code.

"Between two countries" means what ``Store.dyads`` means: a country on both sides, and two
different ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb

__all__ = [
    "QUAD_COLUMNS", "Filter", "actors", "countries", "date_range", "dyad_filter", "dyad_pairs",
    "local_event_ids", "map_points", "monthly", "partners", "places", "totals",
]

QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
_AGGS = (
    "count(*) AS events, "
    "count(*) FILTER (WHERE quad = 1) AS verbal_coop, "
    "count(*) FILTER (WHERE quad = 2) AS material_coop, "
    "count(*) FILTER (WHERE quad = 3) AS verbal_conflict, "
    "count(*) FILTER (WHERE quad = 4) AS material_conflict, "
    "round(avg(goldstein), 2) AS mean_goldstein"
)
_BOTH = (
    "source_country IS NOT NULL AND target_country IS NOT NULL "
    "AND source_country <> target_country"
)


class Filter:
    """SQL conditions and their bound parameters, joined with AND."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> Filter:
        self.parts.append(sql)
        self.params.extend(params)
        return self

    def dates(self, column: str, since: date | None, until: date | None) -> Filter:
        if since is not None:
            self.add(f"{column} >= ?", since)
        if until is not None:
            self.add(f"{column} <= ?", until)
        return self

    def where(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, list(params))
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def dyad_filter(a: str, b: str | None, *, since: date | None, until: date | None) -> Filter:
    """Events between ``a`` and ``b`` (either direction), or between ``a`` and any country."""
    f = Filter().add(_BOTH)
    if b is None:
        f.add("(source_country = ? OR target_country = ?)", a, a)
    else:
        f.add(
            "((source_country = ? AND target_country = ?) OR "
            "(source_country = ? AND target_country = ?))", a, b, b, a,
        )
    return f.dates("date_start", since, until)


def monthly(conn: duckdb.DuckDBPyConnection, f: Filter) -> list[dict[str, Any]]:
    """Per month (dated events only): counts by quad class and mean Goldstein score."""
    return _rows(
        conn,
        f"SELECT strftime(date_start, '%Y-%m') AS month, {_AGGS} FROM events"
        + f.where() + (" AND " if f.parts else " WHERE ") + "date_start IS NOT NULL"
        " GROUP BY month ORDER BY month",
        f.params,
    )


def totals(conn: duckdb.DuckDBPyConnection, f: Filter) -> dict[str, Any]:
    """Counts by quad class and mean Goldstein score over all events of the filter."""
    return _rows(conn, f"SELECT {_AGGS} FROM events" + f.where(), f.params)[0]


def partners(
    conn: duckdb.DuckDBPyConnection, code: str, *, since: date | None, until: date | None,
    limit: int,
) -> list[dict[str, Any]]:
    """The partners of ``code``, most events first."""
    f = dyad_filter(code, None, since=since, until=until)
    return _rows(
        conn,
        "SELECT CASE WHEN source_country = ? THEN target_country ELSE source_country END "
        f"AS partner, {_AGGS} FROM events" + f.where()
        + " GROUP BY partner ORDER BY events DESC, partner LIMIT ?",
        [code, *f.params, limit],
    )


def dyad_pairs(
    conn: duckdb.DuckDBPyConnection, *, country: str | None, since: date | None,
    until: date | None, limit: int, offset: int,
) -> list[dict[str, Any]]:
    """Unordered country pairs with their totals, busiest first."""
    f = Filter().add(_BOTH).dates("date_start", since, until)
    if country:
        f.add("(source_country = ? OR target_country = ?)", country, country)
    return _rows(
        conn,
        "SELECT least(source_country, target_country) AS a, "
        f"greatest(source_country, target_country) AS b, {_AGGS}, "
        "strftime(min(date_start), '%Y-%m') AS first_month, "
        "strftime(max(date_start), '%Y-%m') AS last_month FROM events" + f.where()
        + " GROUP BY a, b ORDER BY events DESC, a, b LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )


def countries(
    conn: duckdb.DuckDBPyConnection, *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Countries by the number of events they are a party to."""
    return _rows(
        conn,
        "SELECT code, count(*) AS events FROM (SELECT unnest(list_distinct("
        "[source_country, target_country])) AS code FROM events) WHERE code IS NOT NULL "
        "GROUP BY code ORDER BY events DESC, code LIMIT ? OFFSET ?",
        [limit, offset],
    )


def date_range(conn: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """The first and last event dates."""
    row = conn.execute("SELECT min(date_start), max(date_start) FROM events").fetchone()
    return (row[0], row[1]) if row else (None, None)


def map_points(
    conn: duckdb.DuckDBPyConnection, f: Filter, *, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    """``(located events, the busiest `limit` locations)`` rounded to 0.1 degree."""
    f.add("lat IS NOT NULL AND lon IS NOT NULL")
    rows = _rows(
        conn,
        "SELECT round(lat, 1) AS lat, round(lon, 1) AS lon, count(*) AS events, "
        "min(place_name) AS place, min(place_country) AS country, "
        "sum(count(*)) OVER () AS located FROM events" + f.where()
        + " GROUP BY 1, 2 ORDER BY events DESC, lat, lon LIMIT ?",
        [*f.params, limit],
    )
    located = int(rows[0]["located"]) if rows else 0
    for row in rows:
        del row["located"]
    return located, rows


def actors(
    conn: duckdb.DuckDBPyConnection, *, country: str | None, q: str | None, kind: str | None,
    limit: int, offset: int,
) -> list[dict[str, Any]]:
    """Actors grouped by name, kind, country, role and code; most articles first."""
    f = Filter()
    if country:
        f.add("country = ?", country)
    if q:
        f.add("name ILIKE ?", f"%{q}%")
    if kind:
        f.add("kind = ?", kind)
    return _rows(
        conn,
        "SELECT name, kind, country, role, code, count(DISTINCT article_id) AS articles, "
        "CAST(sum(json_array_length(mentions)) AS BIGINT) AS mentions FROM actors"
        + f.where() + " GROUP BY ALL ORDER BY articles DESC, name, code LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )


def places(
    conn: duckdb.DuckDBPyConnection, *, country: str | None, q: str | None, limit: int,
    offset: int,
) -> list[dict[str, Any]]:
    """Places grouped by name and gazetteer entry; most articles first."""
    f = Filter()
    if country:
        f.add("country = ?", country)
    if q:
        f.add("name ILIKE ?", f"%{q}%")
    return _rows(
        conn,
        "SELECT name, country, feature, geonameid, lat, lon, "
        "count(DISTINCT article_id) AS articles FROM places" + f.where()
        + " GROUP BY ALL ORDER BY articles DESC, name LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )


def local_event_ids(
    conn: duckdb.DuckDBPyConnection, mention_ids: Sequence[str]
) -> dict[str, str]:
    """``mention_id -> the event's id within its article`` (for evidence links)."""
    ids = sorted({m for m in mention_ids if m})
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT mention_id, local_event_id FROM event_mentions "
        "WHERE mention_id IN (SELECT unnest(?))", [ids],
    ).fetchall()
    return {r[0]: r[1] for r in rows}
