"""How the server reaches the store: a read-only connection shared by requests, let go of
whenever an ingest wants the file.

DuckDB lets one process write a file or many read it, never both (see
:mod:`communique.store.lock`). The server keeps one read-only connection open while requests come
(each request gets its own cursor on it: opening the file costs more than most queries) and
closes it

- when a writer announces itself (its intent file), as soon as the requests in flight are done;
  new requests then wait until the writer holds the file, and retry until it lets go;
- after ``linger`` idle seconds, so that a server nobody uses does not keep the file.

A watcher thread makes the close happen even when no request comes.

Aggregate views (a dyad's months, a country's partners, the busiest pairs, the map) are cached
by the store's version (the size and modification time of the file and its write-ahead log,
which every committed batch changes): a repeated view costs nothing until the store changes.

Inside the process, the token-protected ingest endpoint needs the file read-write, which
DuckDB refuses while a read-only connection is open here; a readers-writer lock makes it wait
for the requests in flight, and the shared connection is closed before it opens the file.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

import duckdb

from ..errors import StoreError
from ..store import Store
from ..store.lock import connect, writer_waiting

__all__ = ["StoreMissing", "StoreReader"]

POLL = 0.02  # seconds between looks at the intent file
T = TypeVar("T")


class StoreMissing(StoreError):
    """The store file does not exist (nothing ingested yet)."""


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers (no starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreReader:
    """Read-only access for requests, read-write for the ingest endpoint (see the module doc).

    Args:
        path: the DuckDB file.
        wait: seconds a request waits while another process holds the file.
        linger: seconds an idle shared connection stays open.
    """

    def __init__(
        self, path: Path, *, wait: float = 10.0, linger: float = 2.0, cache: int = 256
    ) -> None:
        self.path = path
        self.wait = wait
        self.linger = linger
        self.cache_size = cache
        self._cache: OrderedDict[Hashable, tuple[tuple[int, ...], Any]] = OrderedDict()
        self._written = 0  # in-process writes (the file's times may be coarse)
        self._lock = _ReadWriteLock()
        self._mutex = threading.Lock()
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_used = 0.0
        self._watcher: threading.Thread | None = None

    def exists(self) -> bool:
        """Whether the store file exists."""
        return self.path.is_file()

    def version(self) -> tuple[int, ...]:
        """Changes whenever a batch is committed (by any process) to the store."""
        out = [self._written]
        for f in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = f.stat()
                out += [st.st_mtime_ns, st.st_size]
            except OSError:
                out += [0, 0]
        return tuple(out)

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, or its result for ``key`` at the store's current version."""
        if self.cache_size <= 0:
            return compute()
        version = self.version()
        with self._mutex:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == version:
                self._cache.move_to_end(key)
                return cast(T, hit[1])
        value = compute()  # read after the version: at least as new as the key says
        with self._mutex:
            self._cache[key] = (version, value)
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return value

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait
        while True:
            with self._mutex:
                waiting = writer_waiting(self.path)
                if self._conn is not None and not waiting:
                    self._users += 1
                    return self._conn.cursor()
            if not waiting or time.monotonic() > deadline:
                break
            time.sleep(POLL)  # let the announced writer in first
        conn = connect(self.path, read_only=True, wait=max(deadline - time.monotonic(), 0.0))
        with self._mutex:
            if self._conn is None:
                self._conn = conn
                self._start_watcher()
            else:  # another request opened it meanwhile: same database instance
                conn.close()
            self._users += 1
            return self._conn.cursor()

    def _done(self, cursor: duckdb.DuckDBPyConnection) -> None:
        cursor.close()
        with self._mutex:
            self._users -= 1
            self._last_used = time.monotonic()
            if self._users == 0 and writer_waiting(self.path):
                self._close_locked()

    def _close_locked(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _start_watcher(self) -> None:
        if self._watcher is not None and self._watcher.is_alive():
            return
        self._watcher = threading.Thread(target=self._watch, name="store-reader", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while True:
            time.sleep(POLL)
            with self._mutex:
                if self._conn is None:
                    return
                idle = time.monotonic() - self._last_used > self.linger
                if self._users == 0 and (idle or writer_waiting(self.path)):
                    self._close_locked()
                    return

    def close(self) -> None:
        """Close the shared connection (requests in flight keep their cursors)."""
        with self._mutex:
            self._close_locked()

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A read-only store for one request.

        Raises:
            StoreMissing: no store file.
            StoreBusyError: another process held the file for more than ``wait`` seconds.
        """
        with self._lock.shared():
            if not self.exists():
                raise StoreMissing(f"no store at {self.path.name} (run `communique ingest`)")
            cursor = self._cursor()
            try:
                yield Store(cursor, path=self.path, read_only=True)
            finally:
                self._done(cursor)

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A writable store (created and migrated if new), released between batches."""
        with self._lock.exclusive():
            self.close()
            store = Store.open(self.path, shared=True, wait=self.wait)
            try:
                yield store
            finally:
                store.close()
                with self._mutex:
                    self._written += 1
