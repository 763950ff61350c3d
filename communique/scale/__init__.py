"""Scale stage: run the pipeline over many articles, on one machine or a Dask cluster.

``process(items, engine=..., workers=...)`` is the one call the ``ingest`` command makes. The
local single-process engine runs :func:`communique.process_batch`; the parallel engines
(``--workers N``, ``--engine dask --scheduler ADDR``) belong to the scale issue and are refused
with a clear error until they land, so that an option never silently does nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..api import process_batch
from ..errors import ConfigError
from ..records import Article, Document, ItemError

__all__ = ["ENGINES", "process"]

ENGINES = ("local", "dask")


def process(
    items: Iterable[Article | ItemError],
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    model: str | None = None,
) -> Iterator[Document | ItemError]:
    """Documents (or per-item errors) for ``items``, in input order.

    Args:
        items: articles from ``communique.iter_articles`` or the fetcher.
        engine: ``local`` (this process) or ``dask`` (a cluster at ``scheduler``).
        workers: processes for the local engine.
        scheduler: the Dask scheduler address (``tcp://host:8786``) for ``engine="dask"``.
        model: the spaCy pipeline (default from configuration).

    Raises:
        ConfigError: an unknown engine, or a parallel engine that is not built yet.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine != "local" or workers != 1 or scheduler is not None:
        raise ConfigError(
            f"engine {engine!r} with {workers} worker(s) is not available yet: "
            "only the single-process local engine is built (run without --workers/--engine)"
        )
    return process_batch(items, model=model)
