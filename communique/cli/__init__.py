"""The ``communique`` command: a thin Typer layer over the library.

Each command parses its arguments, makes one library call and prints what it returns. Command
groups live in their own modules and register themselves on ``app`` here.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="communique",
    help=(
        "Communique turns news about international relations into event data: who did what to "
        "whom, where and when, coded in CAMEO and PLOVER, each record traceable to its sentence."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Communique: event data from international news."""


# Importing the command modules registers their commands on ``app``.
from . import data as _data  # noqa: E402,F401
from . import extract as _extract  # noqa: E402,F401

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``communique`` script."""
    app()


from . import serve as _serve  # noqa: E402,F401
from . import store as _store  # noqa: E402,F401
