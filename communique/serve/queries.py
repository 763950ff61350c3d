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

from ..store.query import Where

__all__ = [
    "QUAD_COLUMNS", "Where", "actors", "among_parties", "countries", "date_range", "dyad_filter",
    "dyad_pairs", "local_event_ids", "map_points", "monthly", "partners", "places",
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


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, list(params))
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def dyad_filter(a: str, b: str | None, *, since: date | None, until: date | None) -> Where:
    """Events between ``a`` and ``b`` (either direction), or between ``a`` and any country."""
    f = Where().add(_BOTH)
    if b is None:
        f.add("(source_country = ? OR target_country = ?)", a, a)
    else:  # with _BOTH: a -> b or b -> a (a third country cannot be on both sides)
        f.add("source_country IN (?, ?) AND target_country IN (?, ?)", a, b, a, b)
    return f.dates("date_start", since, until)


def monthly(
    conn: duckdb.DuckDBPyConnection, f: Where
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """``(months, totals)``: per month (dated events only) and over all events of the filter,
    counts by quad class and the mean Goldstein score."""
    # One scan for both (grouping sets); grouping on date_trunc and formatting the ~100 groups
    # afterwards is about twice as fast as formatting every row's date.
    rows = _rows(
        conn,
        "SELECT strftime(m, '%Y-%m') AS month, * EXCLUDE (m) FROM ("
        f"SELECT date_trunc('month', date_start) AS m, grouping(m) AS everything, {_AGGS} "
        "FROM events" + f.sql() + " GROUP BY GROUPING SETS ((m), ())) ORDER BY month",
        f.params,
    )
    total = next(r for r in rows if r["everything"])
    months = [r for r in rows if not r["everything"] and r["month"] is not None]
    for r in [total, *months]:
        del r["everything"]
    del total["month"]
    return months, total


def partners(
    conn: duckdb.DuckDBPyConnection, code: str, *, since: date | None, until: date | None,
    limit: int,
) -> list[dict[str, Any]]:
    """The partners of ``code``, most events first."""
    f = dyad_filter(code, None, since=since, until=until)
    return _rows(
        conn,
        "SELECT CASE WHEN source_country = ? THEN target_country ELSE source_country END "
        f"AS partner, {_AGGS} FROM events" + f.sql()
        + " GROUP BY partner ORDER BY events DESC, partner LIMIT ?",
        [code, *f.params, limit],
    )


def dyad_pairs(
    conn: duckdb.DuckDBPyConnection, *, country: str | None, since: date | None,
    until: date | None, limit: int, offset: int,
) -> list[dict[str, Any]]:
    """Unordered country pairs with their totals, busiest first."""
    f = Where().add(_BOTH).dates("date_start", since, until)
    if country:
        f.add("(source_country = ? OR target_country = ?)", country, country)
    # Directed pairs first (grouping on the two columns as stored), then folded into unordered
    # pairs: about twice as fast as grouping a million rows on least()/greatest().
    return _rows(
        conn,
        "SELECT least(s, t) AS a, greatest(s, t) AS b, CAST(sum(n) AS BIGINT) AS events, "
        + ", ".join(f"CAST(sum({c}) AS BIGINT) AS {c}" for c in QUAD_COLUMNS)
        + ", round(sum(g) / nullif(sum(ng), 0), 2) AS mean_goldstein, "
        "strftime(min(d0), '%Y-%m') AS first_month, strftime(max(d1), '%Y-%m') AS last_month "
        "FROM (SELECT source_country AS s, target_country AS t, count(*) AS n, "
        + ", ".join(f"count(*) FILTER (WHERE quad = {q}) AS {c}"
                    for q, c in enumerate(QUAD_COLUMNS, start=1))
        + ", sum(goldstein) AS g, count(goldstein) AS ng, min(date_start) AS d0, "
        "max(date_start) AS d1 FROM events" + f.sql() + " GROUP BY s, t) "
        "GROUP BY a, b ORDER BY events DESC, a, b LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )


def countries(
    conn: duckdb.DuckDBPyConnection, *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """Countries by the number of events they are a party to (on either side, counted once)."""
    return _rows(
        conn,
        "SELECT code, CAST(sum(n) AS BIGINT) AS events FROM ("
        "SELECT source_country AS code, count(*) AS n FROM events "
        "WHERE source_country IS NOT NULL GROUP BY 1 UNION ALL "
        "SELECT target_country, count(*) FROM events WHERE target_country IS NOT NULL "
        "AND target_country IS DISTINCT FROM source_country GROUP BY 1) "
        "GROUP BY code ORDER BY events DESC, code LIMIT ? OFFSET ?",
        [limit, offset],
    )


def among_parties(
    conn: duckdb.DuckDBPyConnection, table: str, parties: list[str], *, since: date | None,
    until: date | None, limit: int,
) -> list[dict[str, Any]]:
    """Rows of ``amounts`` or ``agreements`` whose parties include all of ``parties``, in time
    order (their own date, else the article's), with their article's date and title."""
    when = {"amounts": "period_start", "agreements": "signed_start"}[table]
    # The rows first (a LIKE on the JSON text narrows before it is parsed), then their articles
    # by key: a join would scan every article's title, three times the cost on 250k articles.
    rows = _rows(
        conn,
        f"SELECT * FROM {table} WHERE " + " AND ".join("parties LIKE ?" for _ in parties)
        + " AND list_has_all(CAST(parties AS JSON)::VARCHAR[], ?)",
        [*(f'%"{p}"%' for p in parties), parties],
    )
    ids = sorted({r["article_id"] for r in rows})
    meta: dict[str, tuple[Any, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for aid, published, title in conn.execute(
            "SELECT article_id, published, title FROM articles WHERE article_id IN ("
            + ", ".join("?" for _ in chunk) + ")", chunk,
        ).fetchall():
            meta[aid] = (published, title)
    for r in rows:
        r["published"], r["title"] = meta.get(r["article_id"], (None, None))
        r["_at"] = r[when] or r["published"]
    rows = [r for r in rows if (since is None or (r["_at"] and r["_at"] >= since))
            and (until is None or (r["_at"] and r["_at"] <= until))]
    rows.sort(key=lambda r: (r["_at"] is None, r["_at"] or date.min, r["article_id"]))
    for r in rows:
        del r["_at"]
    return rows[:limit]


def date_range(conn: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """The first and last event dates."""
    row = conn.execute("SELECT min(date_start), max(date_start) FROM events").fetchone()
    return (row[0], row[1]) if row else (None, None)


def map_points(
    conn: duckdb.DuckDBPyConnection, f: Where, *, limit: int
) -> tuple[int, list[dict[str, Any]]]:
    """``(located events, the busiest `limit` locations)`` rounded to 0.1 degree."""
    f.add("lat IS NOT NULL AND lon IS NOT NULL")
    rows = _rows(
        conn,
        "SELECT round(lat, 1) AS lat, round(lon, 1) AS lon, count(*) AS events, "
        "min(place_name) AS place, min(place_country) AS country, "
        "sum(count(*)) OVER () AS located FROM events" + f.sql()
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
    f = Where()
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
        + f.sql() + " GROUP BY ALL ORDER BY articles DESC, name, code LIMIT ? OFFSET ?",
        [*f.params, limit, offset],
    )


def places(
    conn: duckdb.DuckDBPyConnection, *, country: str | None, q: str | None, limit: int,
    offset: int,
) -> list[dict[str, Any]]:
    """Places grouped by name and gazetteer entry; most articles first."""
    f = Where()
    if country:
        f.add("country = ?", country)
    if q:
        f.add("name ILIKE ?", f"%{q}%")
    return _rows(
        conn,
        "SELECT name, country, feature, geonameid, lat, lon, "
        "count(DISTINCT article_id) AS articles FROM places" + f.sql()
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
