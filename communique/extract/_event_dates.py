"""When an event happened, from the times stage, with the event-level rules of CODING.md.

- A pledge or threat is dated and given its status by the verb that expresses it ("agreed on
  Thursday to restore relations": the agreement of Thursday, reported). A 03x intent or 13x
  threat is never ``planned``: it was expressed, so it is ``reported`` (or ``background``),
  dated to the statement that carries it, else to the publication month like any undated
  news of the week.
- Context date: a news lead gives the day ("agreed on Thursday ...") and the next sentence
  tells more of the same event without repeating it ("Kenyatta hosted Mohamed at State House,
  where ..."). An undated reported event (publication month by default) whose sentence has
  no time expression of its own takes the day of a day-dated reported event of the
  immediately preceding sentence that shares one of its countries. The evidence says so
  (``date:context``) and the confidence is lowered (CODING.md: "date from another sentence").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from ..records import DateRange, Event, EventStatus
from . import times as _times
from ._event_match import Candidate
from ._timex_calendar import interval

__all__ = ["event_date", "inherit_context_dates"]

_REPORTING = frozenset({"say", "tell", "warn", "add", "state", "announce", "insist", "stress"})
# Statements (CAMEO 01, 02, 10-12) are dated by the verb that reports them when their own
# present tense says nothing of when ('"We are deeply concerned," Wood said on Friday').
_STATEMENT_ROOTS = frozenset({"01", "02", "10", "11", "12"})


def _publication_month(doc: Doc) -> DateRange:
    published: date | None = doc._.communique_published
    if published is None:
        return DateRange.unknown()
    first, last = interval(f"{published.year:04d}-{published.month:02d}")
    return DateRange(start=first, end=last, precision="month")


def _expressing_verbs(anchor: Token) -> list[Token]:
    """The verbs that express a pledge or threat, nearest first: the head of "agreed/vowed/
    threatened to <act>", and the reporting verb of "warned that it will (continue to)
    <act>"."""
    out: list[Token] = []
    node = anchor
    for _ in range(4):
        if node.dep_ == "conj" and node.head.dep_ in ("xcomp", "ccomp"):
            node = node.head  # "threatened to close or suspend"
        if node.dep_ == "xcomp" or (node.dep_ == "acl" and node.head.pos_ == "NOUN"):
            head = node.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head  # "is ready to", "readiness to"
            if head.pos_ not in ("VERB", "AUX"):
                break
        elif node.dep_ == "ccomp" and node.head.lemma_.lower() in _REPORTING:
            head = node.head
        else:
            break
        out.append(head)
        node = head
    return out


def _reporting_verb(anchor: Token) -> Token | None:
    node = anchor
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in _REPORTING:
        return node.head
    return None


def event_date(doc: Doc, cand: Candidate) -> tuple[DateRange, EventStatus]:
    """The date and status of a candidate's events."""
    if cand.code[:2] in _STATEMENT_ROOTS:
        rng, status = _times.date_and_status(doc, cand.anchor)
        verb = _reporting_verb(cand.anchor)
        if verb is not None and rng.start is None and status == "background":
            return _times.date_and_status(doc, verb)
        return rng, status
    if cand.family not in ("intent", "threat") and cand.code[:2] not in ("03", "13"):
        return _times.date_and_status(doc, cand.anchor)
    for verb in _expressing_verbs(cand.anchor):
        rng, status = _times.date_and_status(doc, verb)
        if status != "planned":
            return rng, status
    rng, status = _times.date_and_status(doc, cand.anchor)
    if status == "planned":
        return _publication_month(doc), "reported"
    return rng, status


def _sentence_has_date(doc: Doc, start: int, end: int) -> bool:
    return any(
        t.type in ("DATE", "TIME") and start <= t.span[0] < end
        for t in doc._.communique_times or ()
    )


def inherit_context_dates(
    doc: Doc, events: list[Event], countries: dict[str, str | None]
) -> list[Event]:
    """Events re-dated from the preceding sentence's lead day (see module docstring).

    Args:
        doc: the processed doc.
        events: the document's events, in any order.
        countries: actor id -> country token (ISO3 or "IGO").
    """
    default = _publication_month(doc)
    if default.start is None:
        return events
    sentences = list(doc.sents)
    index: dict[int, int] = {}
    for n, sent in enumerate(sentences):
        text = sent.text
        index[sent.start_char + len(text) - len(text.lstrip())] = n
    by_sentence: dict[int, list[Event]] = {}
    for ev in events:
        if (k := index.get(ev.span[0])) is not None:
            by_sentence.setdefault(k, []).append(ev)

    def parties(ev: Event) -> set[str]:
        return {c for a in (ev.source, ev.target) if a and (c := countries.get(a))}

    out: list[Event] = []
    for ev in events:
        k = index.get(ev.span[0])
        if (
            k is None
            or k == 0
            or ev.status != "reported"
            or ev.date != default
            or _sentence_has_date(doc, sentences[k].start_char, sentences[k].end_char)
        ):
            out.append(ev)
            continue
        lead = next(
            (
                prev
                for prev in by_sentence.get(k - 1, ())
                if prev.status == "reported"
                and prev.date.precision == "day"
                and parties(ev) & parties(prev)
            ),
            None,
        )
        if lead is None:
            out.append(ev)
            continue
        out.append(
            ev.model_copy(
                update={
                    "date": lead.date,
                    "evidence": f"{ev.evidence}; date:context",
                    "confidence": round(max(ev.confidence * 0.9, 0.05), 2),
                }
            )
        )
    return out
