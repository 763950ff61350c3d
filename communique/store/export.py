"""Exports: the GDELT 2.0 event table layout, and any table as CSV, JSONL or Parquet.

The GDELT layout (tab-separated, no header, the 61 columns of the GDELT 2.0 Event Codebook in
its order) lets existing GDELT tooling read Communique's events. Fields Communique does not
produce are left empty; ``docs/codebook.md`` lists them and how each filled field is derived.
Every export is ordered by key, so two stores with the same content give byte-identical files.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from .db import Store

__all__ = [
    "EXPORT_FORMATS", "FRAME_FORMATS", "GDELT_COLUMNS", "export", "gdelt_row", "gdelt_rows",
    "write_frame",
]

FRAME_FORMATS = ("csv", "jsonl", "parquet")
EXPORT_FORMATS = ("gdelt", *FRAME_FORMATS)

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61  # the GDELT 2.0 event table; a changed tuple is a bug

# GDELT geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_GEO_TYPE = {"country": (1, 1), "admin1": (2, 5), "region": (5, 5), "city": (3, 4), "site": (3, 4)}


def _clean(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return ""
    text = str(value)
    # A tab or newline inside a field would break the TSV row; GDELT fields never hold them.
    return " ".join(text.split()) if any(c in text for c in "\t\r\n") else text


def _num(value: Any, digits: int | None = None) -> str:
    if value is None or pd.isna(value):
        return ""
    if digits is None:
        return str(int(value))
    return f"{float(value):.{digits}f}".rstrip("0").rstrip(".") if digits else str(value)


def _actor(ev: dict[str, Any], side: str) -> list[Any]:
    return [
        ev.get(f"{side}_code"), ev.get(f"{side}_name"), ev.get(f"{side}_country"),
        None, None, None, None, ev.get(f"{side}_role"), None, None,
    ]


def _geo(ev: dict[str, Any]) -> list[Any]:
    if not ev.get("place_name"):
        return [None] * 8
    us = ev.get("place_country") == "USA"
    geo_type = _GEO_TYPE.get(str(ev.get("place_feature")), (None, None))[0 if us else 1]
    return [
        geo_type, ev.get("place_name"), ev.get("place_country"), None, None,
        _num(ev.get("lat"), 4), _num(ev.get("lon"), 4), ev.get("geonameid"),
    ]


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return date.fromisoformat(str(value)[:10])


def gdelt_row(ev: dict[str, Any]) -> list[str]:
    """One resolved event (a row of ``events``) as the 61 GDELT 2.0 fields."""
    day, first = _day(ev.get("date_start")), _day(ev.get("first_published"))
    cameo = str(ev["cameo"])
    fields: list[Any] = [
        # GDELT ids are integers: the first 15 hex digits of our event id fit in a BIGINT.
        int(str(ev["event_id"])[:15], 16),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else None,
        *_actor(ev, "source"),
        *_actor(ev, "target"),
        None, cameo, cameo[:3], ev.get("root"), _num(ev.get("quad")),
        _num(ev.get("goldstein"), 1), _num(ev.get("num_mentions")), _num(ev.get("num_sources")),
        _num(ev.get("num_articles")), None,
        *([None] * 8), *([None] * 8), *_geo(ev),
        first.strftime("%Y%m%d") + "000000" if first else None,
        ev.get("source_url"),
    ]
    return [_clean(f) for f in fields]


def gdelt_rows(store: Store) -> Iterator[list[str]]:
    """Every resolved event of ``store`` as GDELT rows, ordered by event id."""
    cur = store.conn.execute("SELECT * FROM events ORDER BY event_id")
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(1000):
        for row in batch:
            yield gdelt_row(dict(zip(names, row, strict=True)))


def write_frame(frame: pd.DataFrame, *, format: str, output: Path | None) -> None:
    """Write a DataFrame as CSV, JSONL or Parquet to ``output`` (stdout for the text formats).

    Raises:
        ValueError: unknown format, or Parquet without an output file.
    """
    if format == "csv":
        frame.to_csv(output if output else sys.stdout, index=False)
    elif format == "jsonl":
        text = "" if frame.empty else frame.to_json(
            orient="records", lines=True, date_format="iso", force_ascii=False
        )
        if output:
            output.write_text(text + ("\n" if text and not text.endswith("\n") else ""), "utf-8")
        else:
            sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))
    elif format == "parquet":
        if output is None:
            raise ValueError("--format parquet needs --output FILE")
        frame.to_parquet(output, index=False)
    else:
        raise ValueError(f"unknown format {format!r} (choose from {', '.join(FRAME_FORMATS)})")


def _write_gdelt(store: Store, out: IO[str]) -> int:
    n = 0
    for fields in gdelt_rows(store):
        out.write("\t".join(fields) + "\n")
        n += 1
    return n


def export(store: Store, *, format: str, output: Path | None = None, table: str = "events") -> int:
    """Export ``table`` (GDELT: the resolved events) to ``output`` or stdout; return row count.

    Raises:
        ValueError: unknown format or table.
    """
    if format == "gdelt":
        if output is None:
            return _write_gdelt(store, sys.stdout)
        with output.open("w", encoding="utf-8", newline="\n") as fh:
            return _write_gdelt(store, fh)
    from .schema import TABLES, columns

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (choose from {', '.join(TABLES)})")
    key = columns(table)[0][0]
    frame = store.conn.execute(f"SELECT * FROM {table} ORDER BY {key}").df()
    if table == "ingest_errors":  # a wall-clock time would make two exports of one store differ
        frame = frame.drop(columns=["last_seen"])
    write_frame(frame, format=format, output=output)
    return len(frame)
