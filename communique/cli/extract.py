"""``communique extract``: articles in, document records out (no store)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..api import process_batch
from ..config import load_config
from ..errors import CommuniqueError
from ..ingest import iter_articles
from ..records import Document, ItemError
from . import app
from .render import summary_table


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (.txt .html .jsonl .csv), folders, globs, or - for stdin."),
    ],
    format: Annotated[
        str,
        typer.Option("--format", "-f", help="jsonl (one record a line), json (an array) or table."),
    ] = "jsonl",
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) for articles that carry none of their own."
        ),
    ] = None,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include article.text in records.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write records here instead of stdout.")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to use (default from config).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="A TOML file overlaying the defaults.")
    ] = None,
) -> None:
    """Extract actors, places, times, events, amounts and agreements from articles.

    Prints one record per article in input order. Exit status 0 when every article was
    processed, 1 when any could not be (one stderr line per failure; the others still print).
    """
    if format not in ("jsonl", "json", "table"):
        raise typer.BadParameter("--format must be jsonl, json or table")
    try:
        cfg = load_config(config)
        items = iter_articles(
            paths, published=_date(published), max_chars=int(cfg["pipeline"]["max_chars"])
        )
        results = process_batch(items, model=model or cfg["pipeline"]["model"])
        failures = write_records(results, format=format, with_text=with_text, output=output)
    except CommuniqueError as exc:
        typer.echo(f"communique: {exc}", err=True)
        raise typer.Exit(2) from exc
    raise typer.Exit(1 if failures else 0)


def write_records(results: object, *, format: str, with_text: bool, output: Path | None) -> int:
    """Stream records to ``output`` (or stdout) and failures to stderr; return the failure count."""
    failures = 0
    docs: list[Document] = []
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        first = True
        if format == "json":
            out.write("[")
        for item in results:  # type: ignore[attr-defined]
            if isinstance(item, ItemError):
                failures += 1
                typer.echo(item.line(), err=True)
                continue
            assert isinstance(item, Document)
            if format == "jsonl":
                out.write(item.to_json(with_text=with_text) + "\n")
                out.flush()
            elif format == "json":
                out.write(("" if first else ",\n") + json.dumps(item.to_dict(with_text=with_text)))
                first = False
            else:
                docs.append(item)
        if format == "json":
            out.write("]\n")
    finally:
        if output:
            out.close()
    if format == "table":
        Console().print(summary_table(docs))
    return failures
