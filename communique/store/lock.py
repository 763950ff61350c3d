"""Opening a store file that another process may hold.

DuckDB lets one process write a database file, or any number of processes read it, never both
at once: the writer's file lock excludes readers and the readers' shared lock excludes a writer
(https://duckdb.org/docs/current/connect/concurrency). So that the dashboard keeps answering
while ``communique ingest`` runs, both sides hold the file briefly and wait for each other:

- the ingest opens the file per committed batch (``Store.open(..., shared=True)``) and releases
  it between batches;
- readers (the web server) open it read-only and close it whenever a writer wants it.

A writer announces itself with an intent file beside the store (``<store>.writer``, refreshed
while it waits, removed once it holds the file): a reader that sees a fresh one lets go of the
file and opens no new connection until the writer is in, so a busy dashboard cannot starve an
ingest. :func:`connect` is the one place that waits: it retries a lock conflict with a growing
pause until ``wait`` seconds have passed, then raises :class:`StoreBusyError`.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from ..errors import StoreError

__all__ = [
    "INTENT_STALE", "StoreBusyError", "connect", "intent_path", "is_lock_conflict",
    "writer_waiting",
]

# Pauses between attempts grow from FIRST_PAUSE to MAX_PAUSE seconds: short enough that a reader
# slips in between two ingest batches, long enough not to spin on a busy file.
FIRST_PAUSE = 0.005
MAX_PAUSE = 0.1
# An intent file not refreshed for this long belongs to a writer that is gone.
INTENT_STALE = 5.0


class StoreBusyError(StoreError):
    """Another process held the store file for longer than we were willing to wait."""


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether ``exc`` is DuckDB refusing the file because another process holds its lock."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def intent_path(path: Path) -> Path:
    """The file by which a writer asks readers to let go of the store at ``path``."""
    return path.with_name(path.name + ".writer")


def writer_waiting(path: Path) -> bool:
    """Whether a writer is waiting for the store at ``path`` (a fresh intent file exists)."""
    try:
        return time.time() - intent_path(path).stat().st_mtime < INTENT_STALE
    except OSError:
        return False


def connect(path: Path, *, read_only: bool, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to ``path``, retrying for up to ``wait`` seconds while another
    process holds the file (a writer announces itself meanwhile, see the module docstring).

    Raises:
        StoreBusyError: the file was still locked after ``wait`` seconds.
        StoreError: the file cannot be opened for another reason.
    """
    deadline = time.monotonic() + max(wait, 0.0)
    pause = FIRST_PAUSE
    intent = None if read_only else intent_path(path)
    try:
        while True:
            try:
                return duckdb.connect(str(path), read_only=read_only)
            except duckdb.Error as exc:
                if not is_lock_conflict(exc):
                    raise StoreError(f"cannot open store {path}: {exc}") from exc
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreBusyError(
                        f"store {path} is held by another process (waited {wait:g} s): {exc}"
                    ) from exc
                if intent is not None:
                    intent.touch()
                time.sleep(min(pause, left))
                pause = min(pause * 2, MAX_PAUSE)
    finally:
        if intent is not None:
            intent.unlink(missing_ok=True)
