"""Rich renderings of records for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from ..records import Document

__all__ = ["summary_table"]


def _actor_label(doc: Document, actor_id: str | None) -> str:
    actor = doc.actor(actor_id)
    if actor is None:
        return "-"
    return actor.code or actor.country or actor.name


def summary_table(docs: Sequence[Document]) -> Table:
    """One row per event across the documents: date, dyad, CAMEO/PLOVER, status, place."""
    table = Table(title=f"Communique: {len(docs)} article(s)", show_lines=False)
    for col in (
        "article",
        "date",
        "source",
        "cameo",
        "plover",
        "target",
        "status",
        "place",
        "sentence",
    ):
        table.add_column(col, overflow="fold", max_width=60 if col == "sentence" else None)
    for doc in docs:
        if not doc.events:
            table.add_row(
                doc.article.title or doc.article.source,
                "-",
                "-",
                "-",
                "(no events)",
                "-",
                "-",
                "-",
                "",
            )
        for ev in doc.events:
            place = doc.place(ev.place)
            table.add_row(
                doc.article.title or doc.article.source.rsplit("/", 1)[-1],
                ev.date.start or "?",
                _actor_label(doc, ev.source),
                ev.cameo,
                ev.plover or "-",
                _actor_label(doc, ev.target),
                ev.status,
                place.name if place else "-",
                ev.sentence[:120],
            )
    return table
