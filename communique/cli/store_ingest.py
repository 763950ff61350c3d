"""Store commands that write: ``ingest`` (files, folders, URLs, feeds) and ``demo``."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from ..config import load_config
from ..errors import CommuniqueError
from ..records import Article, Document, ItemError
from ..store import IngestResult, Store, default_db_path
from . import app
from .store import ConfigOpt, DbOpt, StoreOpt, _date, dyads, store_target

__all__ = ["demo", "ingest"]


# -- ingest ---------------------------------------------------------------------------------

# Seconds the ingest waits for readers (dashboard requests) to let go of the store file.
INGEST_WAIT = 60.0


def _is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def _inputs(specs: list[str], *, published: date | None, cfg: dict[str, Any]) -> Iterator[Any]:
    from ..ingest import iter_articles
    from ..ingest.fetch import FetchOptions, iter_urls

    max_chars = int(cfg["pipeline"]["max_chars"])
    local = [s for s in specs if not _is_url(s)]
    urls = [s for s in specs if _is_url(s)]
    if local:
        yield from iter_articles(local, published=published, max_chars=max_chars)
    if urls:
        yield from iter_urls(urls, options=FetchOptions.from_config(cfg), published=published,
                             max_chars=max_chars)


def _skip_known(
    items: Iterable[Any], store: Store, skipped: list[str], *, chunk: int = 64
) -> Iterator[Any]:
    """Drop articles already stored before they reach the pipeline (a rerun resumes cheaply)."""
    buf: list[Any] = []

    def drain() -> Iterator[Any]:
        known = store.known_article_ids(a.id for a in buf if isinstance(a, Article))
        for item in buf:
            if isinstance(item, Article) and item.id in known:
                skipped.append(item.id)
            else:
                yield item
        buf.clear()

    for item in items:
        buf.append(item)
        if len(buf) >= chunk:
            yield from drain()
    yield from drain()


def _estimate(specs: list[str]) -> int | None:
    """How many articles the inputs hold (for the progress bar), or None when unknown."""
    from ..ingest.sources import SUFFIXES

    total = 0
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            files = [path] if path.is_file() else []
        if not files:
            return None
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson", ".csv"):
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, URLs or RSS/Atom feeds.")
    ],
    db: DbOpt = None,
    store: StoreOpt = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for articles that carry none.")
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 25,
    workers: Annotated[
        int | None,
        typer.Option(help="Pipeline processes (default: one per core; 1: this process only)."),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="local (this machine) or dask (a cluster; see docs/scale.md).")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a local cluster).")
    ] = None,
    parquet: Annotated[
        str | None,
        typer.Option(help="Folder for the dask engine's Parquet dataset, loaded afterwards "
                     "(default: <store>.parquet/<time> beside the store)."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (default from config).")] = None,
    config: ConfigOpt = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Extract articles and store them: one transaction per batch, resumable, idempotent.

    Articles already in the store (same content hash) are skipped before extraction, so a rerun
    after an interruption resumes where it stopped. Failed items go to the ingest_errors table
    and stderr; exit status 1 when any item failed. A folder written by the dask engine (a
    Parquet dataset, possibly from another machine) is loaded as it is.
    """
    from .. import scale

    try:
        cfg = load_config(config)
        # shared: the file is held per batch only, so the dashboard keeps reading meanwhile.
        st = Store.open(store_target(store, db, config), shared=True, wait=INGEST_WAIT)
    except CommuniqueError as exc:
        typer.echo(f"communique: {exc}", err=True)
        raise typer.Exit(2) from exc
    skipped: list[str] = []
    err = Console(stderr=True)
    bar = Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        _RateColumn(), TextColumn("{task.fields[note]}"), console=err, disable=not progress,
    )
    try:
        with st, bar:
            if paths and all(scale.is_dataset(p) for p in paths):
                result = _load_datasets(paths, st)
                for error in result.errors:
                    bar.console.print(error.line(), markup=False, highlight=False)
            else:
                result = _run(paths, st, bar, skipped, published=published, cfg=cfg,
                              engine=engine, workers=workers, scheduler=scheduler,
                              model=model, batch_size=batch_size, parquet=parquet)
            where = st.path
    except CommuniqueError as exc:
        typer.echo(f"communique: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(
        f"ingested {result.added} article(s), skipped {len(skipped) + result.skipped} already "
        f"stored, {result.failed} failed; store {where}",
        err=True,
    )
    raise typer.Exit(1 if result.failed else 0)


def _run(
    paths: list[str], st: Store, bar: Progress, skipped: list[str], *, published: str | None,
    cfg: dict[str, Any], engine: str, workers: int | None, scheduler: str | None,
    model: str | None, batch_size: int, parquet: str | None,
) -> IngestResult:
    """Read, skip stored articles, process with the engine, store; progress on ``bar``."""
    from .. import scale

    task = bar.add_task("ingest", total=_estimate(paths), note="")
    inputs = _inputs(paths, published=_date_obj(published), cfg=cfg)
    items = _skip_known(inputs, st, skipped)

    def tick(item: Document | ItemError) -> None:
        if isinstance(item, ItemError):
            bar.console.print(item.line(), markup=False, highlight=False)
        bar.update(task, advance=1, note=f"{len(skipped)} already stored")

    def tick_partition(part: scale.Partition) -> None:
        for error in part.errors:
            bar.console.print(error.line(), markup=False, highlight=False)
        bar.update(task, advance=part.documents + len(part.errors),
                   note=f"{len(skipped)} already stored")

    before = len(skipped)
    result = scale.ingest(
        items, st, engine=engine, workers=workers, scheduler=scheduler,
        model=model or cfg["pipeline"]["model"], batch_size=batch_size,
        parquet=parquet or (_parquet_dir(st.path) if engine == "dask" else None),
        on_item=tick, on_partition=tick_partition,
    )
    bar.update(task, advance=len(skipped) - before)
    return result


class _RateColumn(ProgressColumn):
    """Articles per second since the start (Rich's own speed column counts bytes)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s" if task.completed else "")


def _parquet_dir(store_path: Path) -> Path:
    """Where the dask engine writes by default: a new folder per run beside the store file."""
    base = Path(tempfile.gettempdir()) if str(store_path) == ":memory:" else store_path.parent
    stem = "memory" if str(store_path) == ":memory:" else store_path.name
    return base / f"{stem}.parquet" / datetime.now().strftime("%Y%m%dT%H%M%S%f")


def _load_datasets(paths: list[str], st: Store) -> IngestResult:
    from ..scale import load_parquet

    total = IngestResult()
    for path in paths:
        part = load_parquet(st, path)
        total.added, total.skipped = total.added + part.added, total.skipped + part.skipped
        total.errors.extend(part.errors)
    return total


def _date_obj(value: str | None) -> date | None:
    return date.fromisoformat(_date(value)) if value else None  # type: ignore[arg-type]


# -- demo -----------------------------------------------------------------------------------

DEMO_ARTICLES = Path(__file__).resolve().parents[2] / "demo" / "articles"


@app.command()
def demo(
    db: DbOpt = None,
    store: StoreOpt = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    serve: Annotated[
        bool, typer.Option(help="Serve the dashboard afterwards (--no-serve: just ingest).")
    ] = True,
    host: Annotated[str | None, typer.Option(help="Dashboard interface (127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Dashboard port (8000).")] = None,
) -> None:
    """Ingest the bundled demo corpus (demo/articles), show its dyads and serve the dashboard
    (http://127.0.0.1:8000/ by default).

    Re-running is cheap: stored articles are skipped.
    """
    if not DEMO_ARTICLES.is_dir():
        typer.echo(f"communique: demo corpus not found at {DEMO_ARTICLES} (a source checkout "
                   "has it)", err=True)
        raise typer.Exit(2)
    if store is None and db is None:
        db = default_db_path().with_name("demo.duckdb")
    try:
        ingest([str(DEMO_ARTICLES)], db=db, store=store, progress=progress)
    except typer.Exit as done:
        if done.exit_code:
            raise
    dyads(db=db, store=store, format="table", output=None)
    if serve:
        from ..serve.run import serve as run

        cfg = load_config(None)["serve"]
        run(store_target(store, db) or "", host=host or str(cfg["host"]),
            port=port or int(cfg["port"]), start_page="/dyad/AZE/TUR")
