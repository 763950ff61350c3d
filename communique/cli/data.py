"""``communique data``: build and inspect the data Communique keeps outside the package.

``communique data build-gazetteer`` writes the full GeoNames gazetteer into the cache directory
(``$COMMUNIQUE_CACHE`` or the platform's user cache); it is also built on first use when
missing, so the command is for building ahead of time, rebuilding, or writing elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..resolve.gazetteer import default_path
from ..resolve.gazetteer_build import build_gazetteer
from . import app

__all__ = ["build_gazetteer_cmd", "data_app"]

data_app = typer.Typer(
    help="Build the reference data kept in the cache directory.", no_args_is_help=True
)
app.add_typer(data_app, name="data")


@data_app.command("build-gazetteer")
def build_gazetteer_cmd(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: the cache directory's)."),
    ] = None,
    min_population: Annotated[
        int, typer.Option(help="Smallest city population kept (GeoNames cities500 floor).")
    ] = 500,
) -> None:
    """Build the offline GeoNames gazetteer (countries, divisions, cities) as one SQLite file."""
    stats = build_gazetteer(output or default_path(), min_population=min_population)
    typer.echo(f"wrote {stats.places} places and {stats.names} names to {stats.path}")
