"""Queries over the store, each returning a pandas DataFrame (the CLI and the web layer print
or serve them). Filters are keyword-only and combine with AND; every one is optional.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..records import Document

if TYPE_CHECKING:
    import duckdb

__all__ = ["EVENT_FILTERS", "QueryMixin", "parse_dyad"]

# The filters of ``events()`` (the CLI's options and the API's query parameters use these names).
EVENT_FILTERS = (
    "actor", "dyad", "country", "since", "until", "root", "cameo", "plover", "status", "place",
    "event_id", "article_id", "min_sources", "limit",
)


def parse_dyad(value: str | Sequence[str]) -> tuple[str, str]:
    """``"AZE,TUR"`` (or ``("AZE", "TUR")``) as a pair of upper-case country codes.

    Raises:
        ValueError: not exactly two codes.
    """
    parts = value.split(",") if isinstance(value, str) else list(value)
    codes = [p.strip().upper() for p in parts if p.strip()]
    if len(codes) != 2:
        raise ValueError(f"a dyad is two country codes like AZE,TUR, not {value!r}")
    return codes[0], codes[1]


def _list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [i.strip() for i in items if i.strip()]


class Where:
    """SQL conditions and their bound parameters, joined with AND (values are always bound,
    never pasted). Shared by the store's queries and the HTTP layer's."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> Where:
        self.parts.append(sql)
        self.params.extend(params)
        return self

    def dates(self, column: str, since: str | date | None, until: str | date | None) -> Where:
        """``column`` on or after ``since`` and on or before ``until`` (either may be None)."""
        if since is not None:
            self.add(f"{column} >= CAST(? AS DATE)", str(since))
        if until is not None:
            self.add(f"{column} <= CAST(? AS DATE)", str(until))
        return self

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _limit(limit: int | None, offset: int | None = None) -> str:
    sql = f" LIMIT {int(limit)}" if limit is not None else ""
    return sql + (f" OFFSET {int(offset)}" if offset else "")


class QueryMixin:
    """The read side of :class:`~communique.store.Store`."""

    if TYPE_CHECKING:

        @property
        def conn(self) -> duckdb.DuckDBPyConnection:
            """The store's connection (a property of :class:`~communique.store.Store`)."""

    def _df(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self.conn.execute(sql, list(params)).df()

    def events(
        self,
        *,
        actor: str | None = None,
        dyad: str | Sequence[str] | None = None,
        country: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        root: str | Sequence[str] | None = None,
        cameo: str | Sequence[str] | None = None,
        plover: str | Sequence[str] | None = None,
        status: str | Sequence[str] | None = None,
        place: str | None = None,
        event_id: str | None = None,
        article_id: str | None = None,
        min_sources: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> pd.DataFrame:
        """Resolved events (one row per real-world event), newest first.

        Args:
            actor: matches either side's name (substring, any case), actor code or country.
            dyad: two countries (``"AZE,TUR"``), in either order.
            country: a country on either side.
            since: events dated on or after this day; until: on or before it.
            root: CAMEO root code(s) (``"04"`` or ``["04", "05"]``).
            cameo: CAMEO code prefix(es) (``"04"`` matches 040-046, ``"057"`` only 057x).
            plover: PLOVER type(s); status: reported/background/planned/hypothetical.
            place: a place name (substring) or a country code of the place.
            event_id: one event; article_id: events reported by this article.
            min_sources: at least this many distinct outlets.
            limit: at most this many rows; offset: skip this many first (pagination).
        """
        w = Where()
        if actor:
            like = f"%{actor}%"
            w.add(
                "(source_name ILIKE ? OR target_name ILIKE ? OR upper(source_code) = upper(?) "
                "OR upper(target_code) = upper(?) OR source_country = upper(?) "
                "OR target_country = upper(?))",
                like, like, actor, actor, actor, actor,
            )
        if dyad:
            a, b = parse_dyad(dyad)
            w.add(
                "((source_country = ? AND target_country = ?) OR "
                "(source_country = ? AND target_country = ?))", a, b, b, a,
            )
        if country:
            w.add("(source_country = upper(?) OR target_country = upper(?))", country, country)
        w.dates("date_start", since, until)
        for column, value in (("root", root), ("plover", plover), ("status", status)):
            values = _list(value)
            if values:
                w.add(f"{column} IN (SELECT unnest(?))", values)
        prefixes = _list(cameo)
        if prefixes:
            w.add("(" + " OR ".join("starts_with(cameo, ?)" for _ in prefixes) + ")", *prefixes)
        if place:
            w.add("(place_name ILIKE ? OR place_country = upper(?))", f"%{place}%", place)
        if event_id:
            w.add("event_id = ?", event_id)
        if article_id:
            w.add(
                "event_id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)", article_id
            )
        if min_sources is not None:
            w.add("num_sources >= ?", int(min_sources))
        order = " ORDER BY date_start DESC NULLS LAST, event_id"
        if limit is None:
            return self._df("SELECT * FROM events" + w.sql() + order, w.params)
        # A page: find its rows on the filter and sort columns alone, then read their other
        # columns (sentences and names are most of the table; ~6x faster on a million events).
        return self._df(
            "SELECT * FROM events WHERE rowid IN (SELECT rowid FROM events" + w.sql() + order
            + _limit(limit, offset) + ")" + order,
            w.params,
        )

    def mentions(
        self,
        *,
        event_id: str | Sequence[str] | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Event mentions (one per article reporting an event) with sentence, offsets and the
        reason each was merged into its event.

        Args:
            event_id: one event id or several (the mentions of these events only).
            article_id: the mentions of one article.
            limit: at most this many rows.
        """
        w = Where()
        ids = _list(event_id)
        if ids:
            w.add("event_id IN (SELECT unnest(?))", ids)
        if article_id:
            w.add("article_id = ?", article_id)
        return self._df(
            "SELECT * FROM event_mentions" + w.sql()
            + " ORDER BY event_id, published NULLS LAST, article_id, mention_id" + _limit(limit),
            w.params,
        )

    def dyads(
        self,
        *,
        country: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        directed: bool = False,
    ) -> pd.DataFrame:
        """Per country pair and month: event counts by quad class and the mean Goldstein score.

        Pairs are unordered (``country_a`` < ``country_b``) unless ``directed`` (then source ->
        target). Only events with a country on both sides count; undated events are left out.
        """
        w = Where()
        w.add("source_country IS NOT NULL AND target_country IS NOT NULL")
        w.add("source_country <> target_country AND date_start IS NOT NULL")
        if country:
            w.add("(source_country = upper(?) OR target_country = upper(?))", country, country)
        w.dates("date_start", since, until)
        a = "source_country" if directed else "least(source_country, target_country)"
        b = "target_country" if directed else "greatest(source_country, target_country)"
        sql = (
            f"SELECT {a} AS country_a, {b} AS country_b, strftime(date_start, '%Y-%m') AS month, "
            "count(*) AS events, "
            "count(*) FILTER (WHERE quad = 1) AS verbal_coop, "
            "count(*) FILTER (WHERE quad = 2) AS material_coop, "
            "count(*) FILTER (WHERE quad = 3) AS verbal_conflict, "
            "count(*) FILTER (WHERE quad = 4) AS material_conflict, "
            "round(avg(goldstein), 2) AS mean_goldstein, "
            "CAST(sum(num_mentions) AS BIGINT) AS mentions "
            "FROM events" + w.sql() + " GROUP BY ALL ORDER BY country_a, country_b, month"
        )
        return self._df(sql, w.params)

    def amounts(
        self,
        *,
        country: str | None = None,
        measure: str | None = None,
        unit: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> pd.DataFrame:
        """Figures (trade, aid, casualties ...) with their parties, period and article."""
        w = Where()
        if country:
            w.add("list_contains(CAST(parties AS JSON)::VARCHAR[], upper(?))", country)
        if measure:
            w.add("measure = ?", measure)
        if unit:
            w.add("unit = ?", unit)
        if article_id:
            w.add("amounts.article_id = ?", article_id)
        w.dates("coalesce(period_start, published)", since, until)
        return self._df(
            "SELECT amounts.*, published, title FROM amounts JOIN articles USING (article_id)"
            + w.sql() + " ORDER BY published DESC NULLS LAST, amount_key"
            + _limit(limit, offset),
            w.params,
        )

    def agreements(
        self,
        *,
        country: str | None = None,
        kind: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> pd.DataFrame:
        """Agreements, treaties, declarations and memoranda with parties and signing date."""
        w = Where()
        if country:
            w.add("list_contains(CAST(parties AS JSON)::VARCHAR[], upper(?))", country)
        if kind:
            w.add("kind = ?", kind)
        if article_id:
            w.add("agreements.article_id = ?", article_id)
        w.dates("coalesce(signed_start, published)", since, until)
        return self._df(
            "SELECT agreements.*, published, title FROM agreements JOIN articles USING (article_id)"
            + w.sql() + " ORDER BY coalesce(signed_start, published) DESC NULLS LAST, agreement_key"
            + _limit(limit, offset),
            w.params,
        )

    def articles(
        self,
        *,
        since: str | date | None = None,
        until: str | date | None = None,
        outlet: str | None = None,
        search: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
    ) -> pd.DataFrame:
        """Stored articles (without body text and document JSON), newest first."""
        w = Where()
        w.dates("published", since, until)
        if outlet:
            w.add("outlet = ?", outlet)
        if search:
            w.add("(title ILIKE ? OR text ILIKE ?)", f"%{search}%", f"%{search}%")
        return self._df(
            "SELECT * EXCLUDE (text, document) FROM articles" + w.sql()
            + " ORDER BY published DESC NULLS LAST, article_id" + _limit(limit, offset),
            w.params,
        )

    def article(self, article_id: str) -> Document | None:
        """The full document record of one stored article (body text included), or None."""
        row = self.conn.execute(
            "SELECT document, text FROM articles WHERE article_id = ?", [article_id]
        ).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        data["article"]["text"] = row[1]
        return Document.model_validate(data)

    def errors(self) -> pd.DataFrame:
        """Items that could not be ingested (source, code, message, when last seen)."""
        return self._df("SELECT * FROM ingest_errors ORDER BY source, code")
