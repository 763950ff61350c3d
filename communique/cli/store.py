"""Store commands: ``ingest``, ``info``, ``events``, ``dyads``, ``amounts``, ``agreements``,
``articles`` and ``export``. Each parses its options, makes one library call and prints it."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from ..config import load_config
from ..errors import CommuniqueError
from ..store import Store, parse_store_url
from ..store.export import EXPORT_FORMATS, FRAME_FORMATS, export, write_frame
from . import app

__all__ = [
    "agreements", "amounts", "articles", "dyads", "emit", "events", "export_cmd", "info",
    "store_target",
]

DbOpt = Annotated[Path | None, typer.Option("--db", help="Store file (DuckDB).")]
StoreOpt = Annotated[
    str | None, typer.Option("--store", help="Store URL, e.g. duckdb:///path/events.duckdb.")
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, csv, jsonl or parquet.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")]
SinceOpt = Annotated[str | None, typer.Option(help="On or after this day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="On or before this day (YYYY-MM-DD).")]
CountryOpt = Annotated[str | None, typer.Option(help="ISO3 country on either side.")]
LimitOpt = Annotated[int | None, typer.Option(help="At most this many rows.")]
ConfigOpt = Annotated[Path | None, typer.Option(help="A TOML file overlaying the defaults.")]


def store_target(store: str | None, db: Path | None, config: Path | None = None) -> str | None:
    """The store to open: ``--store``, else ``--db``, else config ``[store] url``, else default."""
    if store and db:
        raise typer.BadParameter("give --store or --db, not both")
    if store or db:
        return store or str(db)
    return str(load_config(config)["store"]["url"]) or None


def _parse(target: str | None) -> tuple[str, Path]:
    try:
        return parse_store_url(target)
    except CommuniqueError as exc:
        typer.echo(f"communique: {exc}", err=True)
        raise typer.Exit(2) from exc


def _open(store: str | None, db: Path | None, *, read_only: bool = True) -> Store:
    target = store_target(store, db)
    _, path = _parse(target)
    if read_only and str(path) != ":memory:" and not path.exists():
        typer.echo(f"communique: no store at {path} (run `communique ingest` first)", err=True)
        raise typer.Exit(2)
    try:
        return Store.open(target, read_only=read_only)
    except CommuniqueError as exc:
        typer.echo(f"communique: {exc}", err=True)
        raise typer.Exit(2) from exc


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


_TABLE_COLUMNS = {
    "events": (
        "event_id", "date_start", "source_country", "cameo", "plover", "target_country",
        "status", "place_name", "num_articles", "num_sources", "sentence",
    ),
}


def emit(frame: pd.DataFrame, *, format: str, output: Path | None, kind: str) -> None:
    """Print or write a query result in the chosen format."""
    if format in FRAME_FORMATS:
        try:
            write_frame(frame, format=format, output=output)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
        return
    if format != "table":
        raise typer.BadParameter("--format must be table, csv, jsonl or parquet")
    cols = [c for c in _TABLE_COLUMNS.get(kind, tuple(frame.columns)) if c in frame.columns]
    table = Table(title=f"{kind}: {len(frame)} row(s)")
    for col in cols:
        # One line per row: ids stay whole (they are what users copy), long text is cut.
        width = 16 if col.endswith("_id") else max(7, min(len(col), 12))
        table.add_column(col, overflow="ellipsis", no_wrap=True, min_width=width,
                         max_width=60 if col == "sentence" else 30)
    for row in frame[cols].itertuples(index=False):
        table.add_row(*("" if pd.isna(v) else " ".join(str(v).split())[:200] for v in row))
    if output:
        with output.open("w", encoding="utf-8") as fh:
            Console(file=fh, width=200).print(table)
    else:
        Console().print(table)


# -- info and queries -----------------------------------------------------------------------


@app.command()
def info(db: DbOpt = None, store: StoreOpt = None) -> None:
    """Show the store's location, backend, migrations and row counts."""
    target = store_target(store, db)
    backend, path = _parse(target)
    typer.echo(f"store: {backend}://{path}\nbackend: {backend}\nfile: {path}")
    if str(path) != ":memory:" and not path.exists():
        typer.echo("status: not created yet (run `communique ingest`)")
        return
    with _open(store, db) as st:
        typer.echo("migrations: " + ", ".join(st.migrations()))
        for table, n in st.counts().items():
            typer.echo(f"{table}: {n}")


@app.command()
def events(
    db: DbOpt = None,
    store: StoreOpt = None,
    actor: Annotated[str | None, typer.Option(help="Actor name, code or country.")] = None,
    dyad: Annotated[str | None, typer.Option(help="Two countries, e.g. AZE,TUR.")] = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root(s), e.g. 04 or 04,05.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix(es), e.g. 057.")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER type(s), e.g. CONSULT.")] = None,
    status: Annotated[
        str | None, typer.Option(help="reported, background, planned, hypothetical.")
    ] = None,
    place: Annotated[str | None, typer.Option(help="Place name or its country code.")] = None,
    event_id: Annotated[str | None, typer.Option(help="One event.")] = None,
    min_sources: Annotated[
        int | None, typer.Option(help="Reported by at least this many outlets.")
    ] = None,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="List the events' mentions and merge reasons.")
    ] = False,
    limit: LimitOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """List resolved events (one row per real-world event) matching the filters."""
    with _open(store, db) as st:
        try:
            frame = st.events(
                actor=actor, dyad=dyad, country=country, since=_date(since), until=_date(until),
                root=root, cameo=cameo, plover=plover, status=status, place=place,
                event_id=event_id, min_sources=min_sources, limit=limit,
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
        if mentions:
            frame = st.mentions(event_id=list(frame["event_id"]))
            emit(frame, format=format, output=output, kind="mentions")
            return
    emit(frame, format=format, output=output, kind="events")


@app.command()
def dyads(
    db: DbOpt = None,
    store: StoreOpt = None,
    country: CountryOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    directed: Annotated[bool, typer.Option(help="Source -> target pairs, not unordered.")] = False,
    format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """Per country pair and month: events by quad class and mean Goldstein score."""
    with _open(store, db) as st:
        frame = st.dyads(country=country, since=_date(since), until=_date(until), directed=directed)
    emit(frame, format=format, output=output, kind="dyads")


@app.command()
def amounts(
    db: DbOpt = None,
    store: StoreOpt = None,
    country: CountryOpt = None,
    measure: Annotated[str | None, typer.Option(help="e.g. trade_turnover, casualties.")] = None,
    unit: Annotated[str | None, typer.Option(help="e.g. USD, people.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """List figures (trade, aid, casualties ...) with parties and periods."""
    with _open(store, db) as st:
        frame = st.amounts(country=country, measure=measure, unit=unit, since=_date(since),
                           until=_date(until), limit=limit)
    emit(frame, format=format, output=output, kind="amounts")


@app.command()
def agreements(
    db: DbOpt = None,
    store: StoreOpt = None,
    country: CountryOpt = None,
    kind: Annotated[str | None, typer.Option(help="treaty, declaration, memorandum ...")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """List agreements, treaties, declarations and memoranda with parties and dates."""
    with _open(store, db) as st:
        frame = st.agreements(country=country, kind=kind, since=_date(since), until=_date(until),
                              limit=limit)
    emit(frame, format=format, output=output, kind="agreements")


@app.command()
def articles(
    db: DbOpt = None,
    store: StoreOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet (URL host or corpus folder).")] = None,
    search: Annotated[str | None, typer.Option(help="Text in the title or body.")] = None,
    limit: LimitOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """List stored articles."""
    with _open(store, db) as st:
        frame = st.articles(since=_date(since), until=_date(until), outlet=outlet, search=search,
                            limit=limit)
    emit(frame, format=format, output=output, kind="articles")


@app.command("export")
def export_cmd(
    db: DbOpt = None,
    store: StoreOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="gdelt, csv, jsonl or parquet.")
    ] = "gdelt",
    table: Annotated[str, typer.Option(help="Table for csv/jsonl/parquet.")] = "events",
    output: OutputOpt = None,
) -> None:
    """Export events in the GDELT 2.0 layout (61 tab-separated columns) or a table as
    CSV/JSONL/Parquet, ordered by key so equal stores give equal files."""
    if format not in EXPORT_FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXPORT_FORMATS)}")
    with _open(store, db) as st:
        try:
            n = export(st, format=format, output=output, table=table)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    if output:
        print(f"exported {n} row(s) to {output}", file=sys.stderr)


# The ingest and demo commands live in their own module; importing it registers them.
from . import store_ingest as _store_ingest  # noqa: E402,F401
