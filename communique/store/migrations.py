"""Named, recorded schema migrations (cf. sqlite-utils ``migrations``).

Each migration is a name and the SQL it runs. ``migrate()`` applies, in order, those not yet in
the ``_migrations`` table, each in its own transaction, and records it there, so a store of any
age is brought to the current schema and the table says how it got there. Never edit a released
migration: add a new one.

Lists are kept as JSON text (``mentions``, ``parties``, ``events``) so that every table maps to
flat Parquet/CSV columns the same way it maps to DuckDB.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

__all__ = ["MIGRATIONS", "Migration", "applied", "migrate"]


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: a stable name and its SQL statements."""

    name: str
    sql: str


_M001 = """
CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    outlet VARCHAR,
    external_id VARCHAR,
    title VARCHAR,
    published DATE,
    byline VARCHAR,
    language VARCHAR,
    coder VARCHAR,
    n_chars INTEGER,
    n_events INTEGER,
    warnings VARCHAR,
    text VARCHAR,
    document VARCHAR
);
CREATE TABLE actors (
    actor_key VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    role VARCHAR,
    title VARCHAR,
    code VARCHAR,
    mentions VARCHAR
);
CREATE TABLE places (
    place_key VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    place_id VARCHAR NOT NULL,
    name VARCHAR,
    country VARCHAR,
    feature VARCHAR,
    geonameid BIGINT,
    lat DOUBLE,
    lon DOUBLE,
    mentions VARCHAR
);
CREATE TABLE event_mentions (
    mention_id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    local_event_id VARCHAR NOT NULL,
    published DATE,
    outlet VARCHAR,
    source_url VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    plover VARCHAR,
    quad INTEGER,
    goldstein DOUBLE,
    source_actor VARCHAR,
    source_name VARCHAR,
    source_country VARCHAR,
    source_role VARCHAR,
    source_code VARCHAR,
    target_actor VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_role VARCHAR,
    target_code VARCHAR,
    place_id VARCHAR,
    place_name VARCHAR,
    place_country VARCHAR,
    place_feature VARCHAR,
    geonameid BIGINT,
    lat DOUBLE,
    lon DOUBLE,
    object VARCHAR,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    status VARCHAR,
    negated BOOLEAN,
    sentence VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    evidence VARCHAR,
    confidence DOUBLE,
    merge_reason VARCHAR
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    plover VARCHAR,
    quad INTEGER,
    goldstein DOUBLE,
    source_name VARCHAR,
    source_country VARCHAR,
    source_role VARCHAR,
    source_code VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_role VARCHAR,
    target_code VARCHAR,
    place_name VARCHAR,
    place_country VARCHAR,
    place_feature VARCHAR,
    geonameid BIGINT,
    lat DOUBLE,
    lon DOUBLE,
    object VARCHAR,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    status VARCHAR,
    negated BOOLEAN,
    confidence DOUBLE,
    num_mentions INTEGER,
    num_sources INTEGER,
    num_articles INTEGER,
    first_published DATE,
    first_article_id VARCHAR,
    first_mention_id VARCHAR,
    sentence VARCHAR,
    source_url VARCHAR
);
CREATE TABLE amounts (
    amount_key VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    text VARCHAR,
    span_start INTEGER,
    span_end INTEGER,
    value DOUBLE,
    value_max DOUBLE,
    unit VARCHAR,
    measure VARCHAR,
    parties VARCHAR,
    period_start DATE,
    period_end DATE,
    period_precision VARCHAR,
    kind VARCHAR,
    claim_by VARCHAR
);
CREATE TABLE agreements (
    agreement_key VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    agreement_id VARCHAR NOT NULL,
    name VARCHAR,
    kind VARCHAR,
    count INTEGER,
    parties VARCHAR,
    signed_start DATE,
    signed_end DATE,
    signed_precision VARCHAR,
    place_name VARCHAR,
    place_country VARCHAR,
    topic VARCHAR,
    events VARCHAR,
    event_mention_ids VARCHAR,
    mentions VARCHAR
);
CREATE TABLE ingest_errors (
    error_key VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR,
    last_seen TIMESTAMP
);
"""

_M002 = """
-- No index on event_mentions.event_id: resolution UPDATEs it, and DuckDB rewrites updates of
-- indexed columns as delete + insert, which would re-check the primary key mid-transaction.
CREATE INDEX event_mentions_article ON event_mentions (article_id);
CREATE INDEX event_mentions_root ON event_mentions (root);
CREATE INDEX actors_article ON actors (article_id);
CREATE INDEX places_article ON places (article_id);
CREATE INDEX amounts_article ON amounts (article_id);
CREATE INDEX agreements_article ON agreements (article_id);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial_tables", _M001),
    Migration("0002_lookup_indexes", _M002),
)


def _ensure_table(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ("
        " seq INTEGER PRIMARY KEY, name VARCHAR UNIQUE NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )


def applied(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in this store, in the order they were applied."""
    exists = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = '_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return []  # a fresh (or read-only, never migrated) database
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY seq").fetchall()]


def migrate(
    conn: duckdb.DuckDBPyConnection, *, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now (in order)."""
    _ensure_table(conn)
    done = set(applied(conn))
    now: list[str] = []
    for seq, migration in enumerate(migrations, start=1):
        if migration.name in done:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO _migrations VALUES (?, ?, current_timestamp)", [seq, migration.name]
            )
            conn.execute("COMMIT")
        except duckdb.Error:
            conn.execute("ROLLBACK")
            raise
        now.append(migration.name)
    return now
