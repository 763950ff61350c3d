"""The order of a sentence's events and one record per distinct act.

- Within a sentence the main clause comes first, then what depends on it, and acts inside an
  "if"/"unless" clause last: the first event of a sentence is its main predicate.
- One event per (source, target, CAMEO, date) (CODING.md): a repeated event keeps the most
  precisely dated mention, then the most confident; consultations of a pair in one month are
  one (the most specific code wins over 040), and an undated repeat of a dated event is the
  same event.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..records import Event

__all__ = ["clause_order", "dedupe"]


def clause_order(token: Token) -> tuple[int, bool, int, int]:
    """Sort key of an event's anchor: sentence, conditional, depth in the parse, position."""
    return token.sent.start, _conditional(token), _depth(token), token.i


def _conditional(token: Token) -> bool:
    """Inside an "if"/"unless" clause: after the main clause's events."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
    return False


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (source, target, CAMEO, date); consultations of a pair on one date are one."""
    best: dict[tuple[object, ...], Event] = {}
    order: list[tuple[object, ...]] = []
    for ev in events:
        pair = (
            tuple(sorted((ev.source or "", ev.target or "")))
            if "sym:True" in ev.evidence
            else (ev.source, ev.target)
        )
        key: tuple[object, ...]
        if ev.root == "04":
            # "met" and "discussed at the meeting" are one consultation: same pair and month.
            key = (pair, "04", (ev.date.start or "")[:7], ev.negated)
        else:
            key = (pair, ev.cameo, ev.date.start, ev.negated)
        kept = best.get(key)
        if kept is None and ev.date.start is None:
            # an undated repeat of an event already coded with a date is the same event, also
            # when the repeat leaves a party out ("the withdrawal of forces by America" after
            # "the withdrawal of U.S. forces from the country")
            kept_key = next(
                (k for k in order if _covers(k[0], pair) and k[1] == key[1] and k[3] == key[3]),
                None,
            )
            if kept_key is not None:
                continue
        if kept is None:
            best[key] = ev
            order.append(key)
        elif _better(ev, kept):
            best[key] = ev
    return [best[k].model_copy(update={"id": f"E{i}"}) for i, k in enumerate(order, start=1)]


def _covers(kept: object, pair: object) -> bool:
    """Whether a kept event's parties include every party ``pair`` names (a missing party,
    empty or None, is any)."""
    if not (isinstance(kept, tuple) and isinstance(pair, tuple)) or len(kept) != len(pair):
        return False
    return any(pair) and all(not p or p == k for p, k in zip(pair, kept, strict=True))


def _better(new: Event, old: Event) -> bool:
    if new.root == "04" and old.cameo == "040" and new.cameo != "040":
        return True
    if old.root == "04" and new.cameo == "040" and old.cameo != "040":
        return False
    precision = ("unknown", "year", "range", "month", "day")
    if new.date.precision != old.date.precision:
        return precision.index(new.date.precision) > precision.index(old.date.precision)
    return new.confidence > old.confidence
