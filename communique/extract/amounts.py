"""amounts component: money, percentages, counts of people and things, with their meaning.

``match()`` finds every figure and reads, from the parse, what it measures (a cue lexicon in
``data/amounts/measures.yml``), which countries it is about (actors and places of earlier
components), its period (``times.period_for``), its kind (actual, target, forecast) and who
claims it. ``set_annotations()`` writes ``Doc._.communique_amounts``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import Amount
from ._amount_context import (
    find_claim_by,
    find_kind,
    find_measure,
    find_period,
    measure_of,
    parties_of_tokens,
    places_countries,
    tree_distance,
)
from ._amount_counts import find_counts, warm_up
from ._amount_scan import scan_figures

__all__ = ["AmountsComponent", "match"]

# A bare number ("killed at least 63") counts people only this close to a people cue.
_BARE_CUE_DISTANCE = 3
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "agent"}
_PARTY_PREPS = {"between", "with", "from", "to", "among", "by"}


def _subtree_tokens(tok: Token, exclude: Span) -> list[Token]:
    return [t for t in tok.subtree if not exclude.start <= t.i < exclude.end]


def _clause_arguments(verb: Token, span: Span) -> list[Token]:
    """Tokens of a verb's subject, objects and party prepositions, without the figure."""
    out: list[Token] = []
    for child in verb.children:
        is_arg = child.dep_ in _ARG_DEPS or (child.dep_ == "prep" and child.lower_ in _PARTY_PREPS)
        if is_arg and not child.left_edge.i <= span.root.i <= child.right_edge.i:
            out.extend(_subtree_tokens(child, span))
    return out


def _parties(doc: Doc, span: Span, cue: Token | None, unit_class: str) -> list[str]:
    """Countries the figure is about: the cue's phrase ("trade between X and Y") and the
    arguments of the clause that carries the figure, up to the first clause with a subject;
    else the sentence (with its places for counts of people, whose country is where they
    were)."""
    found: list[str] = []
    if cue is not None and cue.pos_ in ("NOUN", "PROPN", "ADJ"):
        found = parties_of_tokens(doc, _subtree_tokens(cue, span))
    for anc in span.root.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        found += [p for p in parties_of_tokens(doc, _clause_arguments(anc, span)) if p not in found]
        if found or any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children):
            break
    if found:
        return found
    found = parties_of_tokens(doc, span.sent)
    if unit_class == "people":
        found += [c for c in places_countries(doc, span.sent) if c not in found]
    return found


def _amount(doc: Doc, span: Span, *, text_span: tuple[int, int], value: float,
            value_max: float | None, unit: str, unit_class: str,
            head_noun: Token | None = None) -> Amount | None:
    cue = find_measure(span, unit_class, head_noun=head_noun)
    measure = measure_of(cue, unit_class) if cue is not None else None
    if unit_class in ("people", "any") and measure is None:
        return None  # an unexplained count ("two ministers") is not a figure of interest
    period, hint = find_period(doc, span)
    kind = find_kind(doc, span, hint=hint, period=period)
    if measure == "trade_turnover" and kind == "target":
        measure = "trade_target"
    start, end = text_span
    return Amount(
        text=doc.text[start:end],
        span=(start, end),
        value=value,
        value_max=value_max,
        unit=unit,
        measure=measure,
        parties=_parties(doc, span, cue, unit_class),
        period=period,
        kind=kind,  # type: ignore[arg-type]
        claim_by=find_claim_by(doc, span),
    )


def _bare_is_people(span: Span) -> bool:
    cue = find_measure(span, "people")
    return cue is not None and tree_distance(span.root, cue) <= _BARE_CUE_DISTANCE


def match(doc: Doc) -> list[Amount]:
    """Every amount in a parsed ``Doc``, in text order (pure: writes nothing).

    Args:
        doc: a Doc that went through the parser and the times/actors/places components.
    """
    out: list[Amount] = []
    taken: list[tuple[int, int]] = []
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation(
        "SENT_START") else None
    for fig in scan_figures(doc.text, sentences):
        span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        if span is None:
            continue
        taken.append((fig.start, fig.end))
        unit_class = "percent" if fig.unit in ("percent", "percentage_points") else "money"
        amount = _amount(doc, span, text_span=(fig.start, fig.end), value=fig.value,
                         value_max=fig.value_max, unit=fig.unit, unit_class=unit_class)
        if amount is not None:
            out.append(amount)
    for count in find_counts(doc, taken):
        unit, unit_class = count.unit, "any"
        if unit == "bare":
            if not _bare_is_people(count.span):
                continue
            unit = "people"
        if unit == "people":
            unit_class = "people"
        amount = _amount(doc, count.span, text_span=(count.span.start_char, count.span.end_char),
                         value=count.value, value_max=None, unit=unit, unit_class=unit_class,
                         head_noun=count.noun)
        if amount is None and unit_class == "any" and count.noun is None:
            # Physical quantities (tonnes, barrels, kg) are kept even when no cue explains them.
            amount = _amount_plain(doc, count.span, count.value, unit)
        if amount is not None:
            out.append(amount)
    out.sort(key=lambda a: a.span)
    return out


def _amount_plain(doc: Doc, span: Span, value: float, unit: str) -> Amount:
    period, hint = find_period(doc, span)
    return Amount(
        text=span.text, span=(span.start_char, span.end_char), value=value, unit=unit,
        parties=_parties(doc, span, None, "any"), period=period,
        kind=find_kind(doc, span, hint=hint, period=period),  # type: ignore[arg-type]
        claim_by=find_claim_by(doc, span),
    )


class AmountsComponent:
    """Writes ``Doc._.communique_amounts`` (a list of :class:`~communique.records.Amount`)."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, match(doc))
        return doc

    def set_annotations(self, doc: Doc, amounts: list[Amount]) -> None:
        """Store the amounts on the Doc."""
        doc._.communique_amounts = amounts


@Language.factory(
    "communique_amounts_v1",
    requires=["doc._.communique_times", "doc._.communique_actors"],
    assigns=["doc._.communique_amounts"],
)
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    """The amounts component (registered as ``communique_amounts_v1``)."""
    warm_up()
    return AmountsComponent()
