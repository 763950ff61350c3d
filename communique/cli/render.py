"""Rich renderings of records for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.table import Table

from ..records import Document

__all__ = ["summary_table"]

# Columns that hold codes keep their full width and never wrap; the sentence (cut at 100
# characters: the full one is in the JSONL record) wraps in what is left.
_COLUMNS: dict[str, int] = {
    "date": 10,
    "source": 7,
    "cameo": 5,
    "plover": 10,
    "target": 7,
    "status": 10,
    "place": 8,
}


def _actor_label(doc: Document, actor_id: str | None) -> str:
    actor = doc.actor(actor_id)
    if actor is None:
        return "-"
    return actor.code or actor.country or actor.name


def summary_table(docs: Sequence[Document]) -> Table:
    """One line per event across the documents: date, dyad, CAMEO/PLOVER, status, place."""
    many = len(docs) > 1
    table = Table(title=f"Communique: {len(docs)} article(s)", box=box.SIMPLE_HEAD)
    if many:
        table.add_column("article", overflow="fold", max_width=20)
    for col, width in _COLUMNS.items():
        table.add_column(col, no_wrap=True, overflow="ellipsis", min_width=width, max_width=12)
    table.add_column("sentence", min_width=30)
    for doc in docs:
        name = doc.article.title or doc.article.source.rsplit("/", 1)[-1]
        lead = [name] if many else []
        if not doc.events:
            table.add_row(*lead, "-", "-", "-", "(no events)", "-", "-", "-", "")
        for ev in doc.events:
            place = doc.place(ev.place)
            table.add_row(
                *lead,
                ev.date.start or "?",
                _actor_label(doc, ev.source),
                ev.cameo,
                ev.plover or "-",
                _actor_label(doc, ev.target),
                ev.status,
                place.name if place else "-",
                ev.sentence if len(ev.sentence) <= 100 else ev.sentence[:99] + "…",
            )
    return table
