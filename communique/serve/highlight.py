"""The article view's text: every actor, place, time, event, amount and agreement highlighted.

Spans overlap freely (an event's sentence holds its actors; an amount's text may hold a place),
so the text is cut at every span boundary:

- events are the outer layer: nested ``<span class="hl-event">`` elements, opened and closed with
  a stack; where two event spans cross, the inner one is closed and reopened (the continuation
  has no ``id``, only ``data-event``);
- within them, each piece of text covered by entity spans becomes one ``<a>`` (links cannot
  nest) that links to the innermost record and names every covering record in its classes and
  title.

No library renders overlapping stand-off annotations into nested HTML (displaCy takes
non-overlapping entity spans only), hence this module. Every piece of text and every attribute
value is escaped with MarkupSafe: the article is untrusted input.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..records import Document
from .models import Highlight, HighlightKind

__all__ = ["highlights", "render"]


def _label_event(doc: Document, ev_id: str) -> str:
    ev = next(e for e in doc.events if e.id == ev_id)
    src, tgt = doc.actor(ev.source), doc.actor(ev.target)
    who = f"{src.name if src else '?'} -> {tgt.name if tgt else '?'}"
    return f"{ev.cameo} {ev.plover or ''} {who} ({ev.status})".replace("  ", " ")


def highlights(doc: Document, event_ids: dict[str, str]) -> list[Highlight]:
    """Every record's spans in ``doc``, ordered by position (those outside the text dropped).

    Args:
        doc: the document, with its article text.
        event_ids: document event id -> stored event id (for links to event pages).
    """
    n = len(doc.article.text or "")
    out: list[Highlight] = []

    def add(kind: HighlightKind, rid: str, span: tuple[int, int], label: str,
            href: str | None = None) -> None:
        start, end = span
        if 0 <= start < end <= n:
            out.append(Highlight(kind=kind, id=rid, start=start, end=end, label=label, href=href))

    for a in doc.actors:
        for m in a.mentions:
            add("actor", a.id, m, f"{a.name} ({a.code or a.country or a.kind})")
    for p in doc.places:
        for m in p.mentions:
            add("place", p.id, m, f"{p.name} ({p.country or '?'}, {p.feature or 'place'})")
    for i, t in enumerate(doc.times, start=1):
        add("time", f"T{i}", t.span, f"{t.text} = {t.value}")
    for e in doc.events:
        stored = event_ids.get(e.id)
        add("event", e.id, e.span, _label_event(doc, e.id),
            f"/event/{stored}" if stored else None)
    for i, amt in enumerate(doc.amounts, start=1):
        add("amount", f"M{i}", amt.span,
            f"{amt.text} = {amt.value:g} {amt.unit} {amt.measure or ''} ({amt.kind})"
            .replace("  ", " "))
    for g in doc.agreements:
        for span in g.mentions:
            add("agreement", g.id, span, f"{g.kind} {g.name or ''}".strip())
    out.sort(key=lambda h: (h.start, -h.end, h.kind, h.id))
    return out


@dataclass
class _Open:
    hl: Highlight
    first: bool


def _open_event(h: Highlight, *, first: bool) -> str:
    ident = f' id="ev-{escape(h.id)}"' if first else ""
    return (f'<span class="hl-event"{ident} data-event="{escape(h.id)}" '
            f'title="{escape(h.label)}">')


def _leaf(text: str, cover: list[Highlight]) -> str:
    if not cover:
        return str(escape(text))
    inner = min(cover, key=lambda h: (h.end - h.start, h.kind))
    kinds = " ".join(sorted({f"hl-{h.kind}" for h in cover}))
    ids = " ".join(f"{h.kind}:{h.id}" for h in cover)
    title = "; ".join(h.label for h in cover)
    return (f'<a class="hl {kinds}" href="#rec-{escape(inner.kind)}-{escape(inner.id)}" '
            f'data-records="{escape(ids)}" title="{escape(title)}">{escape(text)}</a>')


def render(text: str, spans: list[Highlight]) -> Markup:
    """``text`` as escaped HTML with ``spans`` highlighted (see the module docstring)."""
    events = [h for h in spans if h.kind == "event"]
    entities = [h for h in spans if h.kind != "event"]
    cuts = sorted({0, len(text), *(h.start for h in spans), *(h.end for h in spans)})
    stack: list[_Open] = []
    opened: set[str] = set()
    parts: list[str] = []
    for pos, nxt in zip(cuts, cuts[1:], strict=False):
        # Close every event span ending here; reopen those above it on the stack that go on.
        if any(o.hl.end <= pos for o in stack):
            keep = [o for o in stack if o.hl.end > pos]
            for o in reversed(stack):
                parts.append("</span>")
                if o.hl.end <= pos:
                    parts.append(f'<sup class="evref"><a href="#rec-event-{escape(o.hl.id)}">'
                                 f"{escape(o.hl.id)}</a></sup>")
            stack = []
            for o in keep:
                parts.append(_open_event(o.hl, first=False))
                stack.append(_Open(o.hl, first=False))
        for h in events:
            if h.start == pos:
                first = h.id not in opened
                opened.add(h.id)
                parts.append(_open_event(h, first=first))
                stack.append(_Open(h, first=first))
        cover = [h for h in entities if h.start <= pos and h.end >= nxt]
        parts.append(_leaf(text[pos:nxt], cover))
    for o in reversed(stack):
        parts.append("</span>")
        parts.append(f'<sup class="evref"><a href="#rec-event-{escape(o.hl.id)}">'
                     f"{escape(o.hl.id)}</a></sup>")
    return Markup("".join(parts))
