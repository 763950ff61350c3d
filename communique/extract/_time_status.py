"""Event dates and statuses, and the periods of amounts, from the times of a doc.

CODING.md "Dates and status", as rules over the parse (the public entry points are
``times.date_and_status`` and ``times.period_for``):

- the date comes from the time expression governing the predicate, else from a time
  expression of its sentence that sits in the predicate's own clause or in a clause above it
  ("On Friday, officials said rebels attacked": Friday dates the attack; "an application made
  10 years ago" does not date the main clause), nor does a time naming a noun further down its
  arguments ("discussed the reconstruction of districts affected by the 2020 war");
- an undated event that is reported news takes the story's day -- the day-dated lead of the
  first sentences, when it is in the publication week and month ("warned Friday ... China
  expressed concern") -- else the publication month (``precision: month``), never a made-up day;
- background: a day more than about a week before publication, or an explicitly past period
  ("last week", "in April", "in 2013") or reference ("recently"), a past perfect or a habit
  ("has long denied", "regularly clash") with no date,
  a standing fact in the present ("opposes", "cooperates"), a long span ("for years", "in the
  last few years"); these never carry the publication date;
- reported: statements and acts of the news days, including present-tense statements ("China
  calls on the parties...");
- planned: will, plans, scheduled, a date after publication; hypothetical: if, would, could,
  is eyeing (a condition inside a statement's content leaves the statement reported).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from ..records import DateRange, EventStatus, TimeExpr
from . import status as _status
from ._timex_calendar import interval
from ._timex_dates import date_range
from ._tree import path_to_root, tree_distance

__all__ = ["date_and_status", "period_for"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Relative clauses ("an application that Malaysia made 10 years ago", an acl with a subject)
# and gerunds ("by withdrawing in 2017") have their own time; a reduced relative ("a forum
# held in Ankara on February 18") sets the scene of the predicate and dates it.
_CLAUSE_DEPS = frozenset({"relcl", "pcomp"})
# A time attached to a noun as its modifier ("the 2020 war", "Monday's attack").
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "nmod", "poss"})


def _times_with_tokens(doc: Doc) -> list[tuple[TimeExpr, Span]]:
    out = []
    for tx in doc._.communique_times or ():
        span = doc.char_span(tx.span[0], tx.span[1], alignment_mode="expand")
        if span is not None and len(span):
            out.append((tx, span))
    return out


def _own_or_higher_clause(time_root: Token, predicate: Token) -> bool:
    """Whether a time expression of the sentence may date ``predicate``: no clause boundary
    lies between the time and the point where its path meets the predicate's."""
    above = {t.i for t in path_to_root(predicate)}
    for node in path_to_root(time_root):
        if node.i in above:
            return True
        if node.i != time_root.i and (node.dep_ in _CLAUSE_DEPS or (
                node.dep_ == "acl" and any(c.dep_.startswith("nsubj") for c in node.children))):
            return False
    return True


def _names_a_noun(span: Span, token: Token) -> bool:
    """A time that modifies a noun further down the predicate's arguments ("discussed the
    reconstruction of districts affected by the 2020 war", "hopes for a deal before
    October's expiration"): it dates that noun, not ``token``. A noun next to the predicate
    keeps its time: the predicate itself, its own argument ("launched a January attack") or
    the noun it describes ("the February 2020 pact the United States negotiated")."""
    root = span.root
    noun = root.head
    return (
        root.dep_ in _NOUN_MODIFIER_DEPS
        and noun.pos_ in ("NOUN", "PROPN")
        and not span.start <= noun.i < span.end
        and token.i not in (noun.i, noun.head.i)
        and noun.i != token.head.i
    )


def _governing(
    doc: Doc, token: Token, *, types: tuple[str, ...], events: bool = False
) -> tuple[TimeExpr, bool] | None:
    """The time expression of ``token``'s sentence nearest to it in the parse, and whether it
    governs the token (within four arcs) rather than merely sharing its clause. For
    ``events``, a time naming another noun is no candidate (an amount's period may be one:
    "the 2021 budget of $5 billion")."""
    sent = token.sent
    best: tuple[int, int, TimeExpr] | None = None
    for tx, span in _times_with_tokens(doc):
        if tx.type not in types or span.start < sent.start or span.end > sent.end:
            continue
        if events and _names_a_noun(span, token):
            continue
        dist = tree_distance(span.root, token)
        if dist > 4 and not _own_or_higher_clause(span.root, token):
            continue
        key = (dist, abs(span.root.i - token.i))
        if best is None or key < best[:2]:
            best = (*key, tx)
    if best is None:
        return None
    return best[2], best[0] <= 4


def _story_day(doc: Doc, published: date) -> DateRange | None:
    """The day of the story's lead: the first day-dated expression of its first three
    sentences, when it falls in the publication month and within three days before it."""
    sents = list(doc.sents)[:3] if doc.has_annotation("SENT_START") else []
    if not sents:
        return None
    limit = sents[-1].end_char
    for tx in doc._.communique_times or ():
        if tx.span[0] >= limit:
            break
        if tx.type not in ("DATE", "TIME") or not _DAY.match(tx.value):
            continue
        day = date.fromisoformat(tx.value[:10])
        if timedelta(0) <= published - day <= timedelta(days=3) and day.month == published.month:
            return DateRange(start=day.isoformat(), end=day.isoformat(), precision="day")
    return None


def _undated_news(doc: Doc, published: date) -> DateRange:
    lead = _story_day(doc, published)
    if lead is not None:
        return lead
    first, last = interval(f"{published.year:04d}-{published.month:02d}")
    return DateRange(start=first, end=last, precision="month")


def _past_period(tx: TimeExpr, published: date) -> bool:
    # "last week", "in April", "in 2013": an explicitly past period, not a day of the news
    if _DAY.match(tx.value) or tx.end is None:
        return False
    return date.fromisoformat(tx.end) < published


def _is_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children if c.dep_ == "aux")


def _is_past_perfect(verb: Token) -> bool:
    # "had signed", "had been exchanging angry barbs": before the story's own time
    return verb.tag_ in ("VBN", "VBG") and any(
        c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass")
    )


def _long_span(doc: Doc, predicate: Token) -> bool:
    # "has denied for years", "imposed controls in the last few years": a habit or a stretch
    found = _governing(doc, predicate, types=("DURATION",))
    if found is None or not found[1]:
        return False
    value = found[0].value
    return bool(re.fullmatch(r"P(?:X|\d+)[YE]|P[2-9]\d*M|P\d{2,}M|PX[MW]", value))


def _said_past(predicate: Token) -> bool:
    # "Past attacks were claimed by Islamic State": the event, or what it is about, is past
    nouns = [predicate] + [
        c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
    ]
    words = set(_status.cues()["past_adjectives"])
    return any(m.dep_ == "amod" and m.lower_ in words for n in nouns for m in n.children)


def _habitual(predicate: Token) -> bool:
    # "Iran has long denied", "the two sides regularly clash": a habit, not this week's act
    words = set(_status.cues()["habitual_adverbs"])
    return any(c.dep_ == "advmod" and c.lower_ in words for c in predicate.children)


def date_and_status(doc: Doc, predicate: Token) -> tuple[DateRange, EventStatus]:
    """See ``times.date_and_status``."""
    published: date | None = doc._.communique_published
    window = timedelta(days=int(_status.cues()["reported_window_days"]))
    found = _governing(doc, predicate, types=("DATE", "TIME"), events=True)
    rng = date_range(found[0]) if found else None
    hypothetical = _status.is_hypothetical(predicate)
    planned = _status.is_planned(predicate)
    ref = found[0].value if found else ""
    if found is not None and rng is not None and rng.start is not None and published is not None:
        start = date.fromisoformat(rng.start)
        if hypothetical:
            return rng, "hypothetical"
        if start > published or planned:
            return rng, "planned"
        end = date.fromisoformat(rng.end or rng.start)
        old = end < published - window or _past_period(found[0], published)
        return rng, "background" if old else "reported"
    if hypothetical:
        return rng or DateRange.unknown(), "hypothetical"
    if planned or ref == "FUTURE_REF":
        return rng or DateRange.unknown(), "planned"
    if ref == "PAST_REF" or (rng is not None and rng.start is not None):
        return rng or DateRange.unknown(), "background" if ref == "PAST_REF" else "reported"
    if (
        _is_past_perfect(predicate) or _long_span(doc, predicate) or _habitual(predicate)
        or _said_past(predicate)
    ):
        return DateRange.unknown(), "background"
    tense = _status.tense_of(predicate)
    speech = predicate.lemma_.lower() in _status.cues()["speech_verbs"]
    if tense == "present" and not _is_perfect(predicate) and not speech:
        return DateRange.unknown(), "background"  # a standing fact or habit, not this week's news
    if published is None:
        return DateRange.unknown(), "reported"
    return _undated_news(doc, published), "reported"


def period_for(doc: Doc, span: Span) -> tuple[DateRange | None, str | None]:
    """See ``times.period_for``."""
    found = _governing(doc, span.root, types=("DATE",))
    rng = date_range(found[0], keep_interval=True) if found else None
    hint = _status.kind_hint(span)
    if hint is None and rng is not None and rng.start is not None:
        published = doc._.communique_published
        if published is not None and date.fromisoformat(rng.start) > published:
            hint = "forecast"
        elif _status.tense_of(span.root) == "past":
            hint = "actual"
    if rng is not None and rng.start is None:
        rng = None
    return rng, hint
