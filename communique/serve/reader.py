"""How the server reaches the store: one short read-only connection per request.

DuckDB lets one process write a file or many read it, never both (see
:mod:`communique.store.lock`). The server therefore never keeps the file open: each request opens
it read-only, queries and closes it, retrying for a while when ``communique ingest`` holds it for
a batch. Connections opened while another is open in this process share one database instance
(DuckDB caches it per file), so concurrent requests pay the opening cost once.

Inside the process, the token-protected ingest endpoint needs the file read-write, which DuckDB
refuses while a read-only instance is open here; a readers-writer lock makes it wait for the
requests in flight and holds new ones back until its batch is written.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from ..store import Store

__all__ = ["StoreMissing", "StoreReader"]


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
    """Opens the store file per use: read-only for queries, read-write for the ingest endpoint.

    Args:
        path: the DuckDB file.
        wait: seconds to keep retrying while another process holds the file.
    """

    def __init__(self, path: Path, *, wait: float = 10.0) -> None:
        self.path = path
        self.wait = wait
        self._lock = _ReadWriteLock()

    def exists(self) -> bool:
        """Whether the store file exists."""
        return self.path.is_file()

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A read-only store, closed on exit.

        Raises:
            StoreMissing: no store file.
            StoreBusyError: another process held the file for more than ``wait`` seconds.
        """
        with self._lock.shared():
            if not self.exists():
                raise StoreMissing(f"no store at {self.path.name} (run `communique ingest`)")
            store = Store.open(self.path, read_only=True, wait=self.wait)
            try:
                yield store
            finally:
                store.close()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A writable store (created and migrated if new), released between batches."""
        with self._lock.exclusive():
            store = Store.open(self.path, shared=True, wait=self.wait)
            try:
                yield store
            finally:
                store.close()
