"""What a figure is about: its measure, parties, period, kind and claimant, from the parse.

Shared by the amounts and agreements components. Actors and places come from the earlier
components' token maps (``communique_actor_tokens``, ``communique_place_tokens``); periods
from ``times.period_for`` with a same-clause fallback on ``communique_times``.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..records import DateRange, TimeExpr
from . import times
from ._amount_lexicon import MeasureCue, amount_lexicon
from ._tree import tree_distance

__all__ = [
    "date_range_of",
    "find_measure",
    "find_kind",
    "find_claim_by",
    "find_period",
    "parties_of_tokens",
    "tree_distance",
]

# How far (dependency edges) a cue may sit from the figure and still describe it.
_MAX_CUE_DISTANCE = 5


@lru_cache(maxsize=8)
def _cues_ending(unit_class: str) -> dict[str, tuple[tuple[int, int, MeasureCue], ...]]:
    """The cues for this class of unit by their last lemma, as (-length, lexicon order, cue),
    longest first (the lexicon order breaks ties)."""
    out: dict[str, list[tuple[int, int, MeasureCue]]] = {}
    for n, cue in enumerate(amount_lexicon().cues):
        if unit_class in cue.units or "any" in cue.units:
            out.setdefault(cue.lemmas[-1], []).append((-len(cue.lemmas), n, cue))
    return {k: tuple(sorted(v, key=lambda c: c[:2])) for k, v in out.items()}


def _cues_at(tok: Token, unit_class: str) -> list[MeasureCue]:
    """The cues ending at ``tok`` (by lemma or as written), longest first.

    Looked up by the token's last word rather than by testing every cue on every token of the
    sentence: that test, reading spaCy's string attributes each time, was most of the stage.
    """
    index = _cues_ending(unit_class)
    lemma, text = tok.lemma_.lower(), tok.text.lower()
    found = [*index.get(lemma, ()), *(index.get(text, ()) if text != lemma else ())]
    if len(found) > 1:
        found.sort(key=lambda c: c[:2])
    out: list[MeasureCue] = []
    for _, _, cue in found:
        before = cue.lemmas[:-1]
        if before:
            left = tok.doc[max(tok.i - len(before), 0) : tok.i]
            if tuple(t.lemma_.lower() for t in left) != before:
                continue
        out.append(cue)
    return out


def find_measure(span: Span, unit_class: str, *, head_noun: Token | None = None) -> Token | None:
    """The nearest cue token for the figure, and through ``.measure`` below what it means.

    Returns the cue token; :func:`measure_of` gives its measure. Multi-word cues beat
    single-word ones at the same distance; for counts, a cue on the counted noun itself only
    wins when no event cue (killed, displaced) is near.
    """
    best: tuple[int, int, Token] | None = None
    root = span.root
    for tok in span.sent:
        own_noun = head_noun is not None and tok.i == head_noun.i
        if span.start <= tok.i < span.end and not own_noun:
            continue
        cues = _cues_at(tok, unit_class)
        if not cues:
            continue
        dist = _MAX_CUE_DISTANCE if own_noun else tree_distance(root, tok)
        if dist > _MAX_CUE_DISTANCE:
            continue
        key = (dist, -len(cues[0].lemmas), tok)  # the longest cue on this token
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def measure_of(tok: Token, unit_class: str) -> str | None:
    """The measure a cue token names for this class of unit (longest cue first)."""
    cues = _cues_at(tok, unit_class)
    return cues[0].measure if cues else None


def _country_of_actor(doc: Doc, actor_id: str) -> str | None:
    for actor in doc._.communique_actors or ():
        if actor.id == actor_id:
            if actor.kind == "igo":
                return "IGO"
            return str(actor.country) if actor.country else None
    return None


def parties_of_tokens(doc: Doc, tokens: Iterable[Token]) -> list[str]:
    """ISO3 (or IGO) of the actors mentioned by these tokens, in text order, deduplicated."""
    actor_tokens: dict[int, tuple[str, ...]] = doc._.communique_actor_tokens or {}
    out: list[str] = []
    for tok in sorted(tokens, key=lambda t: t.i):
        for actor_id in actor_tokens.get(tok.i, ()):
            code = _country_of_actor(doc, actor_id)
            if code and code not in out:
                out.append(code)
    return out


def places_countries(doc: Doc, tokens: Iterable[Token]) -> list[str]:
    """ISO3 of the places mentioned by these tokens (for casualty figures)."""
    place_tokens: dict[int, str] = doc._.communique_place_tokens or {}
    by_id = {p.id: p for p in doc._.communique_places or ()}
    out: list[str] = []
    for tok in tokens:
        place = by_id.get(place_tokens.get(tok.i, ""))
        if place is not None and place.country and place.country not in out:
            out.append(place.country)
    return out


def date_range_of(start: str | None, end: str | None) -> DateRange | None:
    """A DateRange with the precision the bounds support (day, month, year or range)."""
    if not start or not end:
        return None
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    if s == e:
        return DateRange(start=start, end=end, precision="day")
    last = calendar.monthrange(e.year, e.month)[1]
    if s.day == 1 and e.day == last:
        whole_year = s.year == e.year and s.month == 1 and e.month == 12
        return DateRange(start=start, end=end, precision="year" if whole_year else "month")
    return DateRange(start=start, end=end, precision="range")


def _clause_times(doc: Doc, span: Span) -> DateRange | None:
    """Fallback: the time expression of the same sentence nearest to the figure in the tree."""
    best: tuple[int, TimeExpr] | None = None
    for tx in doc._.communique_times or ():
        in_sentence = span.sent.start_char <= tx.span[0] < span.sent.end_char
        if tx.type != "DATE" or not in_sentence:
            continue
        t_span = doc.char_span(tx.span[0], tx.span[1], alignment_mode="expand")
        if t_span is None:
            continue
        dist = tree_distance(span.root, t_span.root)
        if best is None or dist < best[0]:
            best = (dist, tx)
    return date_range_of(best[1].start, best[1].end) if best else None


def find_period(doc: Doc, span: Span) -> tuple[DateRange | None, str | None]:
    """The figure's period and a kind hint: times.period_for first, the clause's time next."""
    period, hint = times.period_for(doc, span)
    if period is not None and period.precision != "unknown":
        return period, hint
    return _clause_times(doc, span), hint


def _governors(span: Span) -> list[Token]:
    """The figure's ancestors and their auxiliaries/markers, up to the sentence root."""
    out: list[Token] = []
    for anc in span.root.ancestors:
        out.append(anc)
        out.extend(c for c in anc.children if c.dep_ in ("aux", "auxpass", "advmod", "amod"))
    return out


def find_kind(doc: Doc, span: Span, *, hint: str | None, period: DateRange | None) -> str:
    """actual / target / forecast: a cue over the figure first, then the period hint."""
    lex = amount_lexicon()
    for tok in _governors(span):
        lemma = tok.lemma_.lower()
        if lemma in lex.target_lemmas:
            return "target"
        if lemma in lex.forecast_lemmas:
            return "forecast"
    if hint in ("actual", "target", "forecast"):
        return hint
    published: date | None = doc._.communique_published
    future = (
        period is not None and period.start and published is not None
        and date.fromisoformat(period.start) > published
    )
    if future:
        return "target"
    return "actual"


def find_claim_by(doc: Doc, span: Span) -> str | None:
    """Who alone claims the figure ("the army claimed to have killed 1,000"), or None."""
    lex = amount_lexicon()
    for anc in span.root.ancestors:
        if anc.lemma_.lower() not in lex.claim_lemmas:
            continue
        for child in anc.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return doc[child.left_edge.i : child.right_edge.i + 1].text
    return None
