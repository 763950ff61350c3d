"""The embedded store: one DuckDB file, opened by path or backend URL.

``Store.open()`` connects and migrates; ``ingest_documents()`` writes documents in one
transaction per batch (articles already stored are skipped, so a rerun resumes and re-ingesting
changes nothing) and re-resolves cross-article events for the CAMEO roots the batch touched,
inside the same transaction. Query methods (``events()``, ``dyads()`` ...) return DataFrames;
they live in :mod:`communique.store.query`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import platformdirs

from ..errors import StoreError
from ..records import Document, ItemError
from ..resolve.dedupe import ResolveOptions
from .lock import connect
from .migrations import applied, migrate
from .query import QueryMixin
from .resolution import resolve_all, resolve_new
from .rows import TABLE_ORDER, error_row, flatten
from .schema import TABLES, columns, to_arrow

__all__ = ["DEFAULT_BATCH", "IngestResult", "Store", "default_db_path", "parse_store_url"]

DEFAULT_BATCH = 25
SCHEMES = ("duckdb",)


def default_db_path() -> Path:
    """The default store file: ``communique.duckdb`` in the user's data directory."""
    return Path(platformdirs.user_data_dir("communique")) / "communique.duckdb"


def parse_store_url(target: str | Path | None) -> tuple[str, Path]:
    """``(backend, path)`` for a store URL (``duckdb:///abs/path``, ``duckdb://rel/path``), a plain
    path, or None/"" (the default file).

    Raises:
        StoreError: a backend other than DuckDB (none other is built yet).
    """
    if target is None or str(target) == "":
        return "duckdb", default_db_path()
    text = str(target)
    if "://" not in text:
        return "duckdb", Path(text).expanduser()
    scheme, rest = text.split("://", 1)
    if scheme not in SCHEMES:
        raise StoreError(
            f"store backend {scheme!r} is not available (built: {', '.join(SCHEMES)}); "
            "use duckdb:///path/to/file.duckdb"
        )
    if rest in ("", ":memory:", "/:memory:"):
        return "duckdb", Path(":memory:")
    return "duckdb", Path(rest).expanduser()


@dataclass
class IngestResult:
    """What one ingest did: counts of articles added and skipped, and the failures."""

    added: int = 0
    skipped: int = 0
    errors: list[ItemError] = field(default_factory=list)
    batches: int = 0

    @property
    def failed(self) -> int:
        """Number of items that could not be read or processed."""
        return len(self.errors)


class Store(QueryMixin):
    """A Communique store. Use :meth:`open` (or ``communique.open``) rather than the constructor."""

    def __init__(
        self,
        conn: duckdb.DuckDBPyConnection,
        *,
        path: Path,
        read_only: bool,
        shared: bool = False,
        wait: float = 0.0,
    ) -> None:
        self._conn: duckdb.DuckDBPyConnection | None = conn
        self._closed = False
        self.path = path
        self.read_only = read_only
        self.shared = shared and str(path) != ":memory:"
        self.wait = wait
        self.resolve_options = ResolveOptions()

    @property
    def conn(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection; a shared store reopens it (waiting for readers) on use."""
        if self._conn is None:
            if self._closed:
                raise StoreError(f"store {self.path} is closed")
            self._conn = connect(self.path, read_only=self.read_only, wait=self.wait)
        return self._conn

    def release(self) -> None:
        """Close the file between batches of a shared store, so that readers in other
        processes can open it; the next use reopens it. A no-op for other stores."""
        if self.shared and self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        read_only: bool = False,
        shared: bool = False,
        wait: float = 0.0,
    ) -> Store:
        """Open (creating and migrating when writable) the store at ``target``.

        Args:
            target: a path, a ``duckdb:///path`` URL, ``duckdb:///:memory:``, or None for the
                default file in the user data directory.
            read_only: open without write access (several readers may share a file).
            shared: hold the file only while writing a batch or looking up ids, and release it
                in between, so that readers in other processes (the dashboard) keep working
                during a long ingest (see :mod:`communique.store.lock`).
            wait: seconds to keep retrying while another process holds the file.

        Raises:
            StoreError: unknown backend, or the file cannot be opened (e.g. locked by a writer
                for longer than ``wait``).
        """
        _, path = parse_store_url(target)
        memory = str(path) == ":memory:"
        if not memory and not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        if memory:
            conn = duckdb.connect(":memory:")
        else:
            conn = connect(path, read_only=read_only, wait=wait)
        if not read_only:
            migrate(conn)
        store = cls(conn, path=path, read_only=read_only, shared=shared, wait=wait)
        store.release()
        return store

    @property
    def url(self) -> str:
        """The backend URL of this store."""
        # duckdb:// + an absolute path gives the usual three slashes (duckdb:///var/x.duckdb).
        return f"duckdb://{self.path}" if str(self.path) != ":memory:" else "duckdb:///:memory:"

    def close(self) -> None:
        """Close the connection (committed data is on disk)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrations(self) -> list[str]:
        """Names of the migrations recorded in this store, in order."""
        return applied(self.conn)

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        return {t: self._scalar(f"SELECT count(*) FROM {t}") for t in TABLES}

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> int:
        row = self.conn.execute(sql, list(params)).fetchone()
        return int(row[0]) if row else 0

    # -- writing ---------------------------------------------------------------------------

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of ``ids`` already stored (to skip them before running the pipeline)."""
        known = self._known(ids)
        self.release()
        return known

    def _known(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        rows = self.conn.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def _insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        names = ", ".join(name for name, _ in columns(table))
        data = to_arrow(table, rows)  # noqa: F841 - read by DuckDB's replacement scan below
        self.conn.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM data")

    def add_batch(
        self, docs: Sequence[Document], errors: Sequence[ItemError] = (), *, resolve: bool = True
    ) -> int:
        """Write one batch atomically; return the number of articles added (new ones only).

        Already-stored articles are skipped; errors are recorded (replacing earlier records of
        the same source and code); the events the new mentions can change are re-resolved.
        With ``resolve=False`` (bulk loads) each new mention is stored as its own event; call
        :meth:`resolve_events` once at the end.
        """
        if self.read_only:
            raise StoreError("the store is open read-only")
        self.conn.execute("BEGIN TRANSACTION")
        try:
            known = self._known(d.article.id for d in docs)
            fresh: dict[str, Document] = {}
            for doc in docs:
                if doc.article.id not in known:
                    fresh.setdefault(doc.article.id, doc)
            tables: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_ORDER}
            for doc in fresh.values():
                for table, rows in flatten(doc).items():
                    tables[table].extend(rows)
            for table in TABLE_ORDER:
                if table != "events" or not resolve:  # else re-derived from mentions below
                    self._insert(table, tables[table])
            if fresh:
                sources = sorted({d.article.source for d in fresh.values()})
                self.conn.execute(
                    "DELETE FROM ingest_errors WHERE source IN (SELECT unnest(?))", [sources]
                )
            self._record_errors(errors)
            if resolve:
                resolve_new(
                    self.conn, tables["event_mentions"], options=self.resolve_options,
                    insert=self._insert,
                )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return len(fresh)

    def _record_errors(self, errors: Sequence[ItemError]) -> None:
        rows = {row["error_key"]: row for row in map(error_row, errors)}
        if not rows:
            return
        self.conn.execute(
            "DELETE FROM ingest_errors WHERE error_key IN (SELECT unnest(?))", [list(rows)]
        )
        self._insert("ingest_errors", [dict(r, last_seen=None) for r in rows.values()])
        self.conn.execute(
            "UPDATE ingest_errors SET last_seen = current_timestamp WHERE last_seen IS NULL"
        )

    def resolve_events(self, *, options: ResolveOptions | None = None) -> int:
        """Re-resolve every event from all stored mentions (after changing options, or after
        bulk loads that skipped resolution); return the number of events."""
        if options is not None:
            self.resolve_options = options
        self.conn.execute("BEGIN TRANSACTION")
        try:
            resolve_all(self.conn, options=self.resolve_options, insert=self._insert)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return self._scalar("SELECT count(*) FROM events")

    def ingest_documents(
        self,
        items: Iterable[Document | ItemError],
        *,
        batch_size: int = DEFAULT_BATCH,
        on_item: Callable[[Document | ItemError], None] | None = None,
        resolve: bool = True,
    ) -> IngestResult:
        """Store processed documents (and record failed items), one transaction per batch.

        Args:
            items: what ``communique.process_batch`` yields.
            batch_size: documents per transaction; a crash loses at most the open batch.
            on_item: called after each item is taken (progress bars).
            resolve: re-resolve events per batch (False for bulk loads; then call
                :meth:`resolve_events`).
        """
        result = IngestResult()
        docs: list[Document] = []
        errs: list[ItemError] = []

        def flush() -> None:
            added = self.add_batch(docs, errs, resolve=resolve)
            result.added += added
            result.skipped += len(docs) - added
            result.batches += 1
            docs.clear()
            errs.clear()
            self.release()

        for item in items:
            if isinstance(item, ItemError):
                errs.append(item)
                result.errors.append(item)
            else:
                docs.append(item)
            if on_item is not None:
                on_item(item)
            if len(docs) + len(errs) >= batch_size:
                flush()
        if docs or errs:
            flush()
        return result
