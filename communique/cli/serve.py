"""The ``serve`` command: the dashboard and JSON API over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from ..config import load_config
from ..errors import CommuniqueError
from . import app
from .store import ConfigOpt, DbOpt, StoreOpt, store_target

__all__ = ["HostOpt", "PortOpt", "serve"]

HostOpt = Annotated[
    str | None, typer.Option(help="Interface to bind (default 127.0.0.1: this machine only).")
]
PortOpt = Annotated[int | None, typer.Option(help="TCP port (default 8000).")]


@app.command()
def serve(
    db: DbOpt = None,
    store: StoreOpt = None,
    host: HostOpt = None,
    port: PortOpt = None,
    token: Annotated[
        str | None,
        typer.Option(envvar="COMMUNIQUE_TOKEN", show_default=False,
                     help="Enable POST /api/ingest, which then requires this bearer token "
                          "(prefer the COMMUNIQUE_TOKEN variable: a flag shows in `ps`)."),
    ] = None,
    cache: Annotated[
        int, typer.Option(help="Aggregate views kept per store version (0: recompute each).")
    ] = 256,
    config: ConfigOpt = None,
) -> None:
    """Serve the dashboard and JSON API over the store (read-only unless a token is set).

    Every page has a JSON twin (the same path with .json); /openapi.json describes the API.
    Readers keep working while `communique ingest` writes to the same store.
    """
    from ..serve.run import serve as run

    try:
        cfg = load_config(config)["serve"]
        target = store_target(store, db, config)
    except CommuniqueError as exc:
        typer.echo(f"communique: {exc}", err=True)
        raise typer.Exit(2) from exc
    run(target or "", host=host or str(cfg["host"]), port=port or int(cfg["port"]),
        token=token or str(cfg["token"]) or None, cache=cache)
