"""Scale stage: run the pipeline over many articles, on all cores of one machine or a Dask cluster.

Three engines run the same library batch function, :func:`communique.process_batch`:

- ``local`` with one worker: in this process;
- ``local`` with N workers (default: the machine's cores): a process pool, each worker loading
  the pipeline once, results in input order (:mod:`.pool`);
- ``dask``: partitions on a Dask cluster (a ``LocalCluster`` when no scheduler is given), each
  worker loading the pipeline once and writing Parquet partitioned by publication month
  (:mod:`.cluster`, :mod:`.parquet`), which the store then loads.

``process`` yields documents (local engines); ``ingest`` is the one call the ``ingest`` command
makes: any engine into a store. Dask is imported only when the dask engine runs
(``communique.scale.cluster``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..api import process_batch
from ..config import load_config
from ..errors import ConfigError
from ..records import Article, Document, ItemError
from ..store import DEFAULT_BATCH, IngestResult, Store
from .parquet import Partition, is_dataset, load_parquet, write_partition
from .pool import DEFAULT_CHUNK, PoolStats, WorkerPool, default_workers, process_parallel

__all__ = [
    "DEFAULT_CHUNK",
    "ENGINES",
    "Partition",
    "PoolStats",
    "WorkerPool",
    "default_workers",
    "ingest",
    "is_dataset",
    "load_parquet",
    "process",
    "process_parallel",
    "write_partition",
]

ENGINES = ("local", "dask")


def _model(model: str | None) -> str:
    return model or str(load_config()["pipeline"]["model"])


def _check(engine: str, workers: int | None, scheduler: str | None) -> None:
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1 (got {workers})")
    if scheduler is not None and engine != "dask":
        raise ConfigError("a scheduler address needs --engine dask")


def process(
    items: Iterable[Article | ItemError],
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    model: str | None = None,
    stats: PoolStats | None = None,
) -> Iterator[Document | ItemError]:
    """Documents (or per-item errors) for ``items``, in input order, on this machine.

    Args:
        items: articles from ``communique.iter_articles`` or the fetcher.
        engine: ``local`` (the dask engine writes Parquet: see :func:`ingest`, :func:`run_dask`).
        workers: processes; None for one per core, 1 for this process only.
        scheduler: not used by the local engine (an error when given).
        model: the spaCy pipeline (default from configuration).
        stats: filled with the workers' peak memory when a pool runs.

    Raises:
        ConfigError: an unknown engine, the dask engine, or a bad worker count.
    """
    _check(engine, workers, scheduler)
    if engine == "dask":
        raise ConfigError(
            "the dask engine writes a Parquet dataset rather than yielding documents: use "
            "communique.scale.ingest (or `communique ingest --engine dask`) or run_dask"
        )
    n = default_workers() if workers is None else workers
    if n == 1:
        return process_batch(items, model=_model(model))
    return process_parallel(items, workers=n, model=_model(model), stats=stats)


def ingest(
    items: Iterable[Article | ItemError],
    store: Store,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    parquet: str | Path | None = None,
    on_item: Callable[[Document | ItemError], None] | None = None,
    on_partition: Callable[[Partition], None] | None = None,
) -> IngestResult:
    """Process ``items`` with an engine and store the results.

    The local engines write through :meth:`Store.ingest_documents` (one transaction per
    ``batch_size`` documents, ``on_item`` after each). The dask engine writes the Parquet
    dataset ``parquet`` on the cluster (``on_partition`` after each partition), then loads it
    into the store with :func:`load_parquet`.

    Raises:
        ConfigError: a bad engine or option, or the dask engine without a ``parquet`` folder.
    """
    _check(engine, workers, scheduler)
    if engine == "local":
        docs = process(items, workers=workers, model=model)
        return store.ingest_documents(docs, batch_size=batch_size, on_item=on_item)
    if parquet is None:
        raise ConfigError("the dask engine needs a folder for its Parquet dataset")
    from .cluster import run_dask

    run = run_dask(
        items, out=parquet, model=_model(model), scheduler=scheduler, workers=workers,
        on_partition=on_partition,
    )
    if not run.partitions:
        return IngestResult()  # nothing new to process: no dataset was written
    return load_parquet(store, parquet)
