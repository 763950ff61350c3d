"""Time expressions, event dates and statuses, and the periods of amounts.

The ``communique_times_v1`` component finds DATE, TIME, DURATION and SET expressions and
normalises them to TIMEX3 values anchored on ``Doc._.communique_published``:

- candidates are spaCy's DATE/TIME entities (trimmed of TimeML signals such as "in", "since")
  plus the matches of our TIMEX3 grammar (``_timex_rules``), which catches what the small model
  misses ("44-day war", "every year", "Q3 2022", "the 1990s");
- absolute calendar dates are parsed by dateparser; ISO weeks, quarters, decades, seasons, day
  parts, PRESENT/PAST/FUTURE_REF, durations and sets are hand-written TIMEX3 rules because no
  maintained library produces TIMEX3 values (dateparser and dateutil return datetimes only);
- a month-day or weekday without a year takes the tense of its clause (``status.tense_of``):
  the latest occurrence on or before publication for a past event, the next for a future one.

``date_and_status`` and ``period_for`` (the cross-stage interface, rules in ``_time_status``)
read the times computed once per doc, looked up by token index, and never raise on odd parses.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..records import DateRange, EventStatus, TimeExpr
from . import _time_status
from . import status as _status
from ._timex_rules import lexicon, normalise
from ._timex_scan import find

__all__ = ["TimesComponent", "date_and_status", "period_for", "time_at"]

_TOKEN_KEY = "communique_time_tokens"
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}
_TRAIL = re.compile(r"(?:'s|’s|[\s,.;:!?)\"'])+$")


class TimesComponent:
    """Writes ``Doc._.communique_times`` (sorted by offset) and a token -> time index."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[TimeExpr]:
        """The normalised time expressions of ``doc`` (pure: writes nothing)."""
        anchor = doc._.communique_published
        signals = set(lexicon()["signals"])
        sentences = ([(s.start_char, s.end_char) for s in doc.sents]
                     if doc.has_annotation("SENT_START") else None)
        spans = set(find(doc.text, sentences))
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                spans.add(_trim(ent, signals))
        found: list[tuple[TimeExpr, str]] = []
        taken: set[int] = set()
        for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if start >= end or any(i in taken for i in range(start, end)):
                continue
            got = self._normalise(doc, start, end, anchor)
            if got is not None:
                found.append(got)
                taken.update(range(start, end))
        found.sort(key=lambda f: f[0].span)
        return [self._reanchor(doc, n, found) for n in range(len(found))]

    def _reanchor(self, doc: Doc, n: int, found: list[tuple[TimeExpr, str]]) -> TimeExpr:
        # "the following year", "later that day": TimeML anchors these on the date the text
        # last mentioned (of the unit's granularity or finer), not on the publication date.
        tx, rule = found[n]
        if not rule.startswith("anaphoric-"):
            return tx
        need = {"day": 10, "week": 10, "month": 7, "year": 4}[rule.split("-", 1)[1]]
        for prev, prev_rule in reversed(found[:n]):
            if prev.type not in ("DATE", "TIME") or prev_rule.startswith("anaphoric-"):
                continue
            value = prev.value[:10]
            if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value) or len(value) < need:
                continue
            ref = date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
            got = self._normalise(doc, tx.span[0], tx.span[1], ref)
            return got[0] if got is not None else tx
        return tx

    def _normalise(
        self, doc: Doc, start: int, end: int, anchor: date | None
    ) -> tuple[TimeExpr, str] | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        text = _slice(span, start, end)
        if _numeric_not_time(span, text):
            return None
        tense = _status.time_tense(span)
        norm = normalise(text, anchor, tense, _context(span))
        if norm is None:
            return None
        if norm.rule == "bare-units" and not _bare_units_ok(span, text):
            return None  # "years" is a duration after "for", "in", "within", not elsewhere
        if norm.type == "DURATION" and _is_rate(span, text):
            norm = replace(norm, type="SET")  # "$15 a year", "twice a week": a frequency
        det = re.match(r"(?:the|an?)\s+(?=[\w.]+-\w+$)", text, re.IGNORECASE)
        if norm.type == "DURATION" and det:
            # "the 44-day war": the determiner belongs to the noun, not to the duration
            start += det.end()
            text = text[det.end() :]
        s_, e_ = norm.start, norm.end
        if norm.rule == "year" and anchor and _preceded_by(span, ("since",)):
            e_ = anchor.isoformat()  # "since 1992": from then until publication
        expr = TimeExpr(text=text, span=(start, end), type=norm.type,  # type: ignore[arg-type]
                        value=norm.value, start=s_, end=e_)
        return expr, norm.rule

    def set_annotations(self, doc: Doc, times: list[TimeExpr]) -> None:
        """Store the times and the index of the tokens each covers."""
        doc._.communique_times = times
        doc.user_data[_TOKEN_KEY] = _token_index(doc, times)


def _trim(ent: Span, signals: set[str]) -> tuple[int, int]:
    tokens = list(ent)
    while tokens and tokens[0].lower_ in signals:
        tokens.pop(0)
    if not tokens:
        return ent.start_char, ent.start_char
    if len(tokens) > 2 and tokens[0].like_num and tokens[1].lower_ in ("a", "an", "per"):
        tokens = tokens[1:]  # "15 a year": the rate is a SET, the number belongs to the amount
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = ent.doc[tokens[0].i : tokens[-1].i + 1].text
    trail = _TRAIL.search(text)
    return start, end - (len(trail.group(0)) if trail else 0)


def _slice(span: Span, start: int, end: int) -> str:
    # doc.text joins every token of the doc on each call (it was this stage's hot spot):
    # cut the characters from the covering span's text instead, which is the same string.
    if span.start_char <= start and end <= span.end_char:
        return span.text[start - span.start_char : end - span.start_char]
    return span.doc.text[start:end]


def _is_rate(span: Span, text: str) -> bool:
    if not re.fullmatch(r"(?:a|an|per)\s+\w+", text, re.IGNORECASE) or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.like_num or prev.lower_ in ("times", "twice", "once", "thrice", "%", "percent")


def _bare_units_ok(span: Span, text: str) -> bool:
    if re.search(r"recent|coming|-long", text, re.IGNORECASE):
        return True
    return _preceded_by(span, tuple(lexicon()["duration_preps"]))


def _numeric_not_time(span: Span, text: str) -> bool:
    # A bare number the model reads as money or a count ("2000 troops", "$1990") is no year.
    if not re.fullmatch(r"\d{4}", text):
        return False
    before = span.doc[span.start - 1].text_with_ws[-1:] if span.start > 0 else ""
    if before == "$":
        return True
    # "the 1998 bombing" stays a date: only the model's numeric entity types veto a year.
    return span[0].ent_type_ in _NUMERIC_ENTS


def _context(span: Span) -> str:
    # The sentence and the one before it: enough to tell a quarterly report ("a year ago" is
    # then the year-ago quarter) without reading the whole document.
    doc = span.doc
    if not doc.has_annotation("SENT_START"):
        return doc.text[max(0, span.start_char - 300) : span.end_char + 300]
    sent = span.sent
    prev = doc[sent.start - 1].sent if sent.start > 0 else sent
    return doc[prev.start : sent.end].text


def _preceded_by(span: Span, words: tuple[str, ...]) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in words


def _token_index(doc: Doc, times: list[TimeExpr]) -> dict[int, int]:
    index: dict[int, int] = {}
    for n, tx in enumerate(times):
        span = doc.char_span(tx.span[0], tx.span[1], alignment_mode="expand")
        for tok in span or ():
            index[tok.i] = n
    return index


def time_at(doc: Doc, token: Token) -> TimeExpr | None:
    """The time expression covering ``token``, or None."""
    index = doc.user_data.get(_TOKEN_KEY)
    if index is None:
        index = _token_index(doc, list(doc._.communique_times or ()))
        doc.user_data[_TOKEN_KEY] = index
    n = index.get(token.i)
    times = doc._.communique_times or ()
    return times[n] if n is not None and n < len(times) else None


def date_and_status(doc: Doc, predicate: Token) -> tuple[DateRange, EventStatus]:
    """The date and status of the event whose predicate is ``predicate``.

    The date comes from the time expression governing the predicate in the parse, else from
    its sentence, else (reported news only) from the story's lead day or the publication
    month. Status: hypothetical (if, would, is eyeing), planned (will, plan, goal, a date
    after publication), background (a date more than about a week before publication, an
    explicitly past period or reference, a standing fact), reported otherwise. A background
    event never carries the publication date. Rules: ``_time_status``.
    """
    try:
        return _time_status.date_and_status(doc, predicate)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return DateRange.unknown(), "reported"


def period_for(doc: Doc, span: Span) -> tuple[DateRange | None, str | None]:
    """The period of the amount whose tokens are ``span`` and a kind hint.

    The period is the time expression nearest the amount in the parse within its sentence
    ("in the first eight months of 2021", "in 2020"); the hint is ``target`` under a goal,
    plan or future verb, ``forecast`` under an estimate, ``actual`` for a dated past figure.
    """
    try:
        return _time_status.period_for(doc, span)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return None, None


@Language.factory("communique_times_v1", assigns=["doc._.communique_times"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    """The ``communique_times_v1`` component."""
    return TimesComponent()
