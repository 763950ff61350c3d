"""A Dask cluster: partitions of articles through the library's batch function, as Parquet.

The driver holds no pipeline logic. It reads the input (the same readers and fetcher as the
local engine), cuts it into numbered partitions and maps :func:`process_partition` over them
with ``dask.delayed``; each worker runs :func:`communique.process_batch` with the pipeline a
worker plugin loaded once when the worker joined, and writes the partition's rows as Parquet
(:mod:`communique.scale.parquet`). At most ``2 x workers`` partitions are in flight, so the
driver's memory is bounded whatever the input's size.

Without a scheduler address a ``LocalCluster`` of one single-threaded worker process per core
is started (spaCy holds the GIL: threads would not add throughput).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, wait
from distributed.diagnostics.plugin import WorkerPlugin

from ..api import process_batch
from ..records import Article, ItemError
from .parquet import Partition, write_partition
from .pool import default_workers, peak_rss_bytes

__all__ = ["DEFAULT_PARTITION", "DaskRun", "LoadModel", "process_partition", "run_dask"]

DEFAULT_PARTITION = 64  # articles per partition (one Parquet file per table and month)

Item = Article | ItemError


class LoadModel(WorkerPlugin):
    """Loads the pipeline once on every worker, when it joins (later tasks reuse it)."""

    name = "communique-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from ..parse.pipeline import load_pipeline

        load_pipeline(self.model)  # cached per process: process_batch finds it loaded


def process_partition(items: list[Item], *, out: str, index: int, model: str) -> Partition:
    """Worker side: one partition through the pipeline, written under ``out``."""
    results = process_batch(items, model=model)
    written = write_partition(results, out, index=index)
    # Peak memory once the partition is written: the pipeline and the Arrow tables included.
    worker = f"{socket.gethostname()}:{os.getpid()}"
    return replace(written, peak_rss=peak_rss_bytes(), worker=worker)


@dataclass
class DaskRun:
    """What a Dask run wrote: the partitions (in completion order) and where."""

    out: str
    scheduler: str
    partitions: list[Partition] = field(default_factory=list)

    @property
    def documents(self) -> int:
        """Documents written (after dropping repeats within a partition)."""
        return sum(p.documents for p in self.partitions)

    @property
    def errors(self) -> list[ItemError]:
        """Items that failed, by partition order."""
        return [e for p in sorted(self.partitions, key=lambda p: p.index) for e in p.errors]

    @property
    def max_peak_rss(self) -> int:
        """The largest worker peak RSS any partition reported (bytes)."""
        return max((p.peak_rss for p in self.partitions), default=0)


@contextmanager
def connect(scheduler: str | None, *, workers: int | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``workers``."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(
        n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
        dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        yield client


def _partitions(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    stream = iter(items)
    while part := list(islice(stream, size)):
        yield part


def run_dask(
    items: Iterable[Item],
    *,
    out: str | Path,
    model: str,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION,
    on_partition: Callable[[Partition], None] | None = None,
) -> DaskRun:
    """Process ``items`` on a Dask cluster into the Parquet dataset at ``out``.

    Args:
        items: articles and ingest errors (errors are written to ``ingest_errors``).
        out: the dataset folder; workers must be able to write it (a shared filesystem).
        model: the spaCy pipeline every worker loads.
        scheduler: ``tcp://host:8786``; None starts a local cluster.
        workers: local cluster size (default: this machine's cores).
        partition_size: articles per partition.
        on_partition: called in the driver as each partition finishes (progress).
    """
    target = str(out)
    if "://" not in target:
        Path(target).mkdir(parents=True, exist_ok=True)
        target = str(Path(target).resolve())
    with connect(scheduler, workers=workers) as client:
        client.register_plugin(LoadModel(model))
        run = DaskRun(out=target, scheduler=str(client.scheduler.address))
        # Two partitions per worker thread in flight (all workers: scheduler_info lists 5).
        window = 2 * max(1, sum(client.nthreads().values()))
        running: set[Future] = set()

        def finish(done: Iterable[Future]) -> None:
            for fut in done:
                part: Partition = fut.result()
                run.partitions.append(part)
                if on_partition is not None:
                    on_partition(part)

        task = dask.delayed(process_partition, pure=False)
        for index, part in enumerate(_partitions(items, partition_size)):
            running.add(client.compute(task(part, out=target, index=index, model=model)))
            if len(running) >= window:
                done, running = _wait(running)
                finish(done)
        while running:
            done, running = _wait(running)
            finish(done)
    return run


def _wait(running: set[Future]) -> tuple[set[Future], set[Future]]:
    result = wait(running, return_when="FIRST_COMPLETED")
    return set(result.done), set(result.not_done)
