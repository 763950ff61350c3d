"""All the cores of one machine: a pool of worker processes, each loading the pipeline once.

The parent reads the input and hands out *chunks* of items (articles and ingest errors, in input
order); a worker runs :func:`communique.process_batch` on a chunk with the pipeline its pool
initializer loaded, so ``nlp.pipe`` batches within the chunk. At most ``2 x workers`` chunks are
in flight, and results are yielded chunk by chunk in submission order: the output keeps the
input order and memory stays bounded however long the input is.

Workers are *spawned* (a fresh interpreter each), never forked: the parent may hold a DuckDB
connection and Rich's refresh thread, neither of which survives a fork. A worker that dies (out
of memory, a crash in native code) takes only its chunk down: the chunk is retried one article
per task in a fresh pool, and the article that kills a worker again becomes an ``ItemError``.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice

from spacy.language import Language

from ..api import process_batch
from ..errors import CommuniqueError, ExtractionError
from ..parse.pipeline import load_pipeline
from ..records import Article, Document, ItemError

__all__ = ["DEFAULT_CHUNK", "PoolStats", "WorkerPool", "default_workers", "process_parallel"]

DEFAULT_CHUNK = 16  # articles per task: small enough to balance two workers on 32 articles

Item = Article | ItemError
Result = Document | ItemError
Chunk = tuple[list[Result], int, int]  # a chunk's results, the worker's pid and peak RSS

# The worker's pipeline, loaded once by the pool initializer (one per worker process), or the
# error that stopped it loading (raised by the first task, so the parent sees a ModelError
# rather than a pool that breaks for no stated reason).
_NLP: Language | None = None
_LOAD_ERROR: CommuniqueError | None = None


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def peak_rss_bytes() -> int:
    """This process's peak resident set size so far.

    On Linux, VmHWM of ``/proc/self/status``: ``ru_maxrss`` of a spawned worker also counts the
    parent's memory at the fork that preceded the exec (the kernel keeps the larger of the two).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


def _exit_with_parent(parent: int) -> None:
    # A worker whose parent was killed (kill -9 of `communique ingest`) would otherwise wait on
    # its task queue forever, holding a loaded model.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init_worker(model: str, parent: int) -> None:
    global _NLP, _LOAD_ERROR
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        _NLP = load_pipeline(model)
    except CommuniqueError as exc:
        _LOAD_ERROR = exc


def _run_chunk(chunk: list[Item]) -> tuple[list[Result], int, int]:
    """Worker side: the chunk's results in order, this worker's pid and peak RSS."""
    if _LOAD_ERROR is not None:
        raise _LOAD_ERROR
    out = list(process_batch(chunk, nlp=_NLP))
    return out, os.getpid(), peak_rss_bytes()


@dataclass
class PoolStats:
    """What a parallel run measured: each worker's peak resident memory (bytes), by pid."""

    peak_rss: dict[int, int] = field(default_factory=dict)
    restarts: int = 0

    @property
    def max_peak_rss(self) -> int:
        """The largest worker's peak RSS in bytes (0 before any chunk finished)."""
        return max(self.peak_rss.values(), default=0)


class _Pool:
    """A spawn-context process pool that can be replaced when a worker dies."""

    def __init__(self, workers: int, model: str) -> None:
        self.workers, self.model = workers, model
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.model, os.getpid()),
        )

    def submit(self, chunk: list[Item]) -> Future[Chunk]:
        try:
            return self.executor.submit(_run_chunk, chunk)
        except BrokenProcessPool as exc:  # a worker died since: seen when this is collected
            failed: Future[Chunk] = Future()
            failed.set_exception(exc)
            return failed

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _died(article: Article) -> ItemError:
    err = ExtractionError(
        f"{article.source}: extraction failed (the worker process died: out of memory or a "
        "crash in native code)"
    )
    return ItemError(source=article.source, code=err.code, message=err.message)


def _one_by_one(pool: _Pool, chunk: list[Item], stats: PoolStats) -> list[Result]:
    """A chunk whose worker died, rerun one item per task; a repeat killer is an ItemError."""
    out: list[Result] = []
    for item in chunk:
        if isinstance(item, ItemError):
            out.append(item)
            continue
        try:
            results, pid, rss = pool.submit([item]).result()
            stats.peak_rss[pid] = max(rss, stats.peak_rss.get(pid, 0))
            out.extend(results)
        except BrokenProcessPool:
            stats.restarts += 1
            pool.restart()
            out.append(_died(item))
    return out


class WorkerPool:
    """Started workers that can serve several runs (``with WorkerPool(2, model) as pool``).

    :func:`process_parallel` starts one per call; a benchmark keeps one to time warm runs.
    """

    def __init__(self, workers: int, model: str, *, chunk_size: int = DEFAULT_CHUNK) -> None:
        self.workers, self.chunk_size = workers, chunk_size
        self._pool = _Pool(workers, model)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def warm(self, *, tries: int = 20) -> set[int]:
        """Start every worker and wait until each has loaded the pipeline; their pids."""
        pids: set[int] = set()
        for _ in range(tries):
            futures = [self._pool.executor.submit(_ready) for _ in range(2 * self.workers)]
            pids |= {f.result() for f in futures}
            if len(pids) >= self.workers:
                break
        return pids

    def process(self, items: Iterable[Item], *, stats: PoolStats | None = None) -> Iterator[Result]:
        """Documents (or per-item errors) for ``items``, in input order."""
        stats = stats if stats is not None else PoolStats()
        pending: deque[tuple[list[Item], Future[Chunk]]] = deque()
        for chunk in _chunks([], iter(items), self.chunk_size):
            pending.append((chunk, self._pool.submit(chunk)))
            if len(pending) >= 2 * self.workers:
                yield from _collect(self._pool, pending, stats)
        while pending:
            yield from _collect(self._pool, pending, stats)

    def close(self) -> None:
        """Stop the workers."""
        self._pool.close()


def _ready() -> int:
    time.sleep(0.2)  # long enough that one idle worker cannot take every probe
    if _LOAD_ERROR is not None:
        raise _LOAD_ERROR
    return os.getpid()


def process_parallel(
    items: Iterable[Item],
    *,
    workers: int,
    model: str,
    chunk_size: int = DEFAULT_CHUNK,
    stats: PoolStats | None = None,
) -> Iterator[Result]:
    """Documents (or per-item errors) for ``items``, in input order, from ``workers`` processes.

    An input of one chunk or less is processed in this process: starting workers would cost
    more than it saves.

    Args:
        items: articles and ingest errors (errors pass through in place).
        workers: worker processes (at least 2 to be worth a pool).
        model: the spaCy pipeline each worker loads once.
        chunk_size: items per task.
        stats: filled with each worker's peak RSS as chunks come back.
    """
    stream = iter(items)
    head = list(islice(stream, chunk_size + 1))
    if len(head) <= chunk_size or workers < 2:
        yield from process_batch([*head, *stream], model=model)
        return
    with WorkerPool(workers, model, chunk_size=chunk_size) as pool:
        yield from pool.process(chain(head, stream), stats=stats)


def _chunks(head: list[Item], rest: Iterator[Item], size: int) -> Iterator[list[Item]]:
    buf = list(head)
    while True:
        if len(buf) < size:
            buf.extend(islice(rest, size - len(buf)))
        if not buf:
            return
        yield buf[:size]
        buf = buf[size:]


def _collect(
    pool: _Pool,
    pending: deque[tuple[list[Item], Future[Chunk]]],
    stats: PoolStats,
) -> list[Result]:
    """The oldest chunk's results (waiting for them); resubmits what a dead worker dropped."""
    chunk, future = pending.popleft()
    try:
        results, pid, rss = future.result()
    except BrokenProcessPool:
        stats.restarts += 1
        pool.restart()
        # Which article killed the worker is unknown: this chunk goes one article per task.
        results = _one_by_one(pool, chunk, stats)
        # Chunks in flight that had not finished died with the pool: submit them again.
        for n, (c, f) in enumerate(pending):
            if not f.done() or f.cancelled() or f.exception() is not None:
                pending[n] = (c, pool.submit(c))
        return results
    stats.peak_rss[pid] = max(rss, stats.peak_rss.get(pid, 0))
    return results
