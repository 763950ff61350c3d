"""Store rows (DataFrames and DuckDB tuples) to the API's records, with links.

Pandas gives NaN/NaT/NA for SQL NULL, Timestamps for dates and JSON text for list columns; the
API wants null, ISO dates and lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

import pandas as pd

from ..data import read_tsv
from .models import AgreementRow, AmountRow, ArticleRow, CountryRef, EventRow

__all__ = [
    "agreement_row", "amount_row", "article_row", "clean", "country", "event_row", "frame_rows",
    "page_url",
]


def clean(value: Any) -> Any:
    """A JSON-ready scalar: null for NaN/NaT/NA, a date for a Timestamp, Python numbers."""
    if value is None or isinstance(value, (list, dict, str, bool)):
        return value
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A DataFrame's rows as dicts of clean values."""
    return [{k: clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    _, rows = read_tsv("gazetteer", "countries.tsv")
    return {r["iso3"]: r["name"] for r in rows}


def country(code: str) -> CountryRef:
    """A country code with its gazetteer name (null when the code is not a country)."""
    return CountryRef(code=code, name=_names().get(code))


def _parties(value: Any) -> list[str]:
    if isinstance(value, str) and value:
        parsed = json.loads(value)
        return [str(p) for p in parsed] if isinstance(parsed, list) else []
    return []


def evidence_url(article_id: str, local_id: str | None = None) -> str:
    """The article page, scrolled to (and highlighting) one of its events."""
    url = f"/article/{quote(article_id, safe='')}"
    return url + (f"#ev-{quote(local_id, safe='')}" if local_id else "")


def event_row(row: Mapping[str, Any], local_ids: Mapping[str, str]) -> EventRow:
    """An events-table row with its page and evidence links."""
    first = row.get("first_article_id")
    local = local_ids.get(row.get("first_mention_id") or "")
    return EventRow(
        **row,
        url=f"/event/{quote(row['event_id'], safe='')}",
        evidence_url=evidence_url(first, local) if first else None,
    )


def amount_row(row: Mapping[str, Any]) -> AmountRow:
    """An amounts row (parties as a list) with a link to its article."""
    data = {k: v for k, v in row.items() if k in AmountRow.model_fields}
    data["parties"] = _parties(row.get("parties"))
    return AmountRow(**data, evidence_url=evidence_url(row["article_id"]))


def agreement_row(row: Mapping[str, Any]) -> AgreementRow:
    """An agreements row (parties as a list) with a link to its article."""
    data = {k: v for k, v in row.items() if k in AgreementRow.model_fields}
    data["parties"] = _parties(row.get("parties"))
    return AgreementRow(**data, evidence_url=evidence_url(row["article_id"]))


def article_row(row: Mapping[str, Any]) -> ArticleRow:
    """An articles row with its page link."""
    data = {k: v for k, v in row.items() if k in ArticleRow.model_fields}
    return ArticleRow(**data, url=evidence_url(row["article_id"]))


def page_url(path: str, params: Iterable[tuple[str, Any]], **changes: Any) -> str:
    """``path`` with the query ``params``, some replaced (``next`` links)."""
    merged = {k: v for k, v in params if k not in changes}
    merged.update({k: v for k, v in changes.items() if v is not None})
    query = urlencode(sorted(merged.items()))
    return f"{path}?{query}" if query else path
