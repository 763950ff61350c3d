"""Property-based tests (hypothesis): normalisers and the whole pipeline keep offsets in the text.

The amounts and times normalisers are text-level functions, so they are fuzzed with many
examples; the whole-pipeline property uses the session ``nlp`` with few examples.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

import communique
from communique.errors import InputError
from communique.extract._amount_scan import scan_figures
from communique.extract._timex_rules import normalise
from communique.extract._timex_scan import find

# News-like vocabulary mixed with arbitrary characters, so the rules actually fire.
WORDS = [
    "$",
    "USD",
    "EUR",
    "2.8",
    "1,200",
    "15",
    "billion",
    "bln",
    "million",
    "percent",
    "%",
    "to",
    "-",
    "between",
    "and",
    "in",
    "2021",
    "the",
    "first",
    "eight",
    "months",
    "of",
    "January",
    "Feb.",
    "18",
    "last",
    "week",
    "Monday",
    "ago",
    "two",
    "years",
    "Q3",
    "1990s",
    "early",
    "next",
    "month",
    "since",
    "2011",
    "manat",
    "tonnes",
    "people",
    "killed",
    "Turkey",
    "signed",
    "Azerbaijan",
    ".",
    ",",
    "(",
    ")",
    "\n",
    "ثلاثة",
    "שני",
    "\u200f",
    "\x00",
]
NEWSY = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=40).map(" ".join)
ANCHOR = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))


@given(NEWSY)
@settings(max_examples=300, deadline=None)
def test_amounts_scan_figures_inside_text(text: str) -> None:
    for fig in scan_figures(text):
        assert 0 <= fig.start < fig.end <= len(text)
        assert math.isfinite(fig.value)
        assert fig.value_max is None or fig.value_max >= fig.value


@given(NEWSY)
@settings(max_examples=300, deadline=None)
def test_times_find_spans_inside_text(text: str) -> None:
    for start, end in find(text):
        assert 0 <= start < end <= len(text)


@given(NEWSY, ANCHOR, st.sampled_from([None, "past", "present", "future"]))
@settings(max_examples=300, deadline=None)
def test_times_normalise_total(text: str, anchor: date | None, tense: str | None) -> None:
    norm = normalise(text, anchor, tense)
    if norm is not None and norm.start and norm.end:
        assert date.fromisoformat(norm.start) <= date.fromisoformat(norm.end)


def _spans(doc: communique.Document) -> list[tuple[int, int]]:
    spans = [m for a in doc.actors for m in a.mentions] + [
        m for p in doc.places for m in p.mentions
    ]
    spans += [t.span for t in doc.times] + [e.span for e in doc.events]
    spans += [a.span for a in doc.amounts] + [m for g in doc.agreements for m in g.mentions]
    return spans


@pytest.mark.slow
@given(text=NEWSY, published=ANCHOR)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_extract_every_span_inside_article_text(
    nlp: Language, text: str, published: date | None
) -> None:
    try:
        doc = communique.extract(text, published=published, nlp=nlp)
    except InputError:
        return  # empty text: refused with a coded error, as documented
    body = doc.article.text or ""
    for start, end in _spans(doc):
        assert 0 <= start <= end <= len(body)
    for time in doc.times:
        assert body[time.span[0] : time.span[1]] == time.text
    for amount in doc.amounts:
        assert body[amount.span[0] : amount.span[1]] == amount.text
    doc.to_json(with_text=True)
