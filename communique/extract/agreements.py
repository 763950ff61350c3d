"""agreements component: agreements, treaties, declarations, memoranda, deals, ceasefires.

``match()`` finds agreement mentions (:mod:`._agreement_find`), gives each its parties (the
actors the text names around the noun and its signing predicate), its signing date (only when
the day is known, from ``times.date_and_status``), place (``places.place_for_predicate``),
topic and the 057 events of its sentence, and merges later referring mentions ("The
agreements") into the record they refer to. ``set_annotations()`` writes
``Doc._.communique_agreements``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Agreement, DateRange
from . import places, times
from ._agreement_find import Mention, find_mentions
from ._amount_context import parties_of_tokens

__all__ = ["AgreementsComponent", "match"]

# Predicates that mean the agreement was actually signed or concluded on their date.
_SIGNING = {"sign", "ink", "conclude", "seal", "strike", "reach", "agree", "initial", "adopt",
            "ratify", "finalize", "finalise", "clinch", "forge"}
_PARTY_PREPS = {"between", "with", "among", "by", "within"}
# A referring mention ("The agreements") looks back at most this many sentences.
_MERGE_WINDOW = 3


@dataclass
class _Draft:
    mention: Mention
    parties: list[str]
    signed: DateRange | None
    place: str | None
    events: list[str]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    topic: str | None = None
    sent_index: int = 0


def _party_tokens(mention: Mention) -> list[Token]:
    noun, pred = mention.noun, mention.predicate
    toks = list(noun.subtree)
    if pred is not None:
        for child in pred.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent") or (
                child.dep_ == "prep" and child.lower_ in _PARTY_PREPS
            ):
                toks.extend(child.subtree)
    return toks


def _signed(doc: Doc, mention: Mention) -> DateRange | None:
    pred = mention.predicate
    if pred is None or pred.lemma_.lower() not in _SIGNING:
        return None
    rng, status = times.date_and_status(doc, pred)
    if status in ("planned", "hypothetical"):
        return None
    return rng if rng.precision == "day" else None


def _place(doc: Doc, mention: Mention) -> str | None:
    pred = mention.predicate
    if pred is None:
        return None
    found = places.place_for_predicate(doc, pred)
    if found is not None:
        return found
    # "signed within the business forum held in Ankara": a place under an in/at phrase of
    # the predicate's own clause.
    place_tokens: dict[int, str] = doc._.communique_place_tokens or {}
    for tok in pred.subtree:
        if tok.i in place_tokens and tok.head.lower_ in ("in", "at"):
            return place_tokens[tok.i]
    return None


def _events(doc: Doc, mention: Mention) -> list[str]:
    sent = mention.noun.sent
    return [
        ev.id
        for ev in doc._.communique_events or ()
        if ev.cameo.startswith("057")
        and ev.span[0] < sent.end_char
        and sent.start_char < ev.span[1]
    ]


def _antecedent(drafts: list[_Draft], mention: Mention, sent_index: int) -> _Draft | None:
    if not mention.referring:
        return None
    plural = mention.count != 1
    for draft in reversed(drafts):
        if sent_index - draft.sent_index > _MERGE_WINDOW:
            break
        same_number = (draft.mention.count != 1) == plural
        if draft.mention.kind == mention.kind and same_number:
            return draft
    return None


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sent.start: n for n, sent in enumerate(doc.sents)}


def match(doc: Doc) -> list[Agreement]:
    """Every agreement in a parsed ``Doc``, one record per agreement (pure: writes nothing)."""
    sent_of = _sentence_index(doc)
    drafts: list[_Draft] = []
    for mention in find_mentions(doc):
        n = sent_of.get(mention.noun.sent.start, 0)
        span = (mention.span.start_char, mention.span.end_char)
        same_name = next(
            (d for d in drafts if mention.name and d.mention.name == mention.name), None
        )
        target = same_name or _antecedent(drafts, mention, n)
        parties = parties_of_tokens(doc, _party_tokens(mention))
        if target is not None:
            target.mentions.append(span)
            target.parties += [p for p in parties if p not in target.parties]
            target.events += [e for e in _events(doc, mention) if e not in target.events]
            target.topic = target.topic or mention.topic
            target.signed = target.signed or _signed(doc, mention)
            continue
        drafts.append(
            _Draft(
                mention=mention, parties=parties, signed=_signed(doc, mention),
                place=_place(doc, mention), events=_events(doc, mention), mentions=[span],
                topic=mention.topic, sent_index=n,
            )
        )
    return [
        Agreement(
            id=f"G{k}", name=d.mention.name, kind=d.mention.kind, count=d.mention.count,
            parties=d.parties, signed=d.signed, place=d.place, topic=d.topic,
            events=d.events, mentions=d.mentions,
        )
        for k, d in enumerate(drafts, start=1)
    ]


class AgreementsComponent:
    """Writes ``Doc._.communique_agreements`` (a list of :class:`~communique.records.Agreement`)."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, match(doc))
        return doc

    def set_annotations(self, doc: Doc, agreements: list[Agreement]) -> None:
        """Store the agreements on the Doc."""
        doc._.communique_agreements = agreements


@Language.factory(
    "communique_agreements_v1",
    requires=["doc._.communique_events", "doc._.communique_places"],
    assigns=["doc._.communique_agreements"],
)
def make_agreements(nlp: Language, name: str) -> AgreementsComponent:
    """The agreements component (registered as ``communique_agreements_v1``)."""
    return AgreementsComponent()
