"""TIMEX3 recognition and normalisation on short news sentences, anchored on a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.parse.pipeline import make_doc
from communique.records import TimeExpr

MON_2021_10_11 = date(2021, 10, 11)  # a Monday


def run_times(nlp: Language, text: str, published: date | None = MON_2021_10_11) -> Doc:
    """spaCy's components and ours up to times (the later stages are not needed here)."""
    doc = make_doc(nlp, text, published=published)
    for name, proc in nlp.pipeline:
        if name.startswith("communique_") and name != "communique_times":
            continue
        doc = proc(doc)
    return doc


def _times(nlp: Language, text: str, published: date | None = MON_2021_10_11) -> list[TimeExpr]:
    return list(run_times(nlp, text, published)._.communique_times)


@pytest.mark.parametrize(
    ("text", "expr", "type_", "value"),
    [
        ("The ministers met on October 11 in Belgrade.", "October 11", "DATE", "2021-10-11"),
        ("The ministers met on Thursday in Belgrade.", "Thursday", "DATE", "2021-10-07"),
        ("The two leaders will meet on Thursday in Ankara.", "Thursday", "DATE", "2021-10-14"),
        ("Protesters gathered in the capital last week.", "last week", "DATE", "2021-W40"),
        ("The envoy visited Baku earlier this month.", "earlier this month", "DATE", "2021-10"),
        ("Trade grew by a third in 2020.", "2020", "DATE", "2020"),
        ("The region was unstable in the 1990s.", "the 1990s", "DATE", "199"),
        ("The government will hold elections next year.", "next year", "DATE", "2022"),
        ("The plant is to open in Q3 2022.", "Q3 2022", "DATE", "2022-Q3"),
        ("During the 44-day war the army advanced.", "44-day", "DURATION", "P44D"),
        ("Talks resumed three months after the ceasefire.", "three months", "DURATION", "P3M"),
        ("The summit is held every year in Geneva.", "every year", "SET", "P1Y"),
        ("The treaty was signed on Feb. 13 in Vienna.", "Feb. 13", "DATE", "2021-02-13"),
        ("The rebels seized the town late last year.", "late last year", "DATE", "2020"),
        ("The two states have cooperated since 1992.", "1992", "DATE", "1992"),
        ("The minister said today that talks would go on.", "today", "DATE", "2021-10-11"),
        ("Police arrested five people yesterday.", "yesterday", "DATE", "2021-10-10"),
        ("The president travels to Paris this week.", "this week", "DATE", "2021-W41"),
        ("The agreement was signed on 2021-02-18 in Ankara.", "2021-02-18", "DATE", "2021-02-18"),
        ("Exports rose in the third quarter of 2020.", "the third quarter of 2020", "DATE",
         "2020-Q3"),
        ("The army withdrew two years ago.", "two years ago", "DATE", "2019"),
        ("Inflation is now falling.", "now", "DATE", "PRESENT_REF"),
        ("The bank publishes the figures monthly.", "monthly", "SET", "P1M"),
        ("The storm hit the coast on Friday morning.", "Friday morning", "TIME", "2021-10-08TMO"),
    ],
)
def test_times_normalise_pattern(
    nlp: Language, text: str, expr: str, type_: str, value: str
) -> None:
    found = {t.text: t for t in _times(nlp, text)}
    assert expr in found, f"{expr!r} not in {sorted(found)}"
    tx = found[expr]
    assert (tx.type, tx.value) == (type_, value)
    assert text[tx.span[0] : tx.span[1]] == expr


@pytest.mark.parametrize(
    ("text", "expr", "start", "end"),
    [
        ("In the first eight months of 2021, trade grew.", "the first eight months of 2021",
         "2021-01-01", "2021-08-31"),
        ("Trade amounted to $4.1 billion in 2020.", "2020", "2020-01-01", "2020-12-31"),
        ("The two states have cooperated since 1992.", "1992", "1992-01-01", "2021-10-11"),
        ("Protesters gathered in the capital last week.", "last week", "2021-10-04", "2021-10-10"),
        ("The plant is to open in Q3 2022.", "Q3 2022", "2022-07-01", "2022-09-30"),
    ],
)
def test_times_normalise_interval(
    nlp: Language, text: str, expr: str, start: str, end: str
) -> None:
    tx = next(t for t in _times(nlp, text) if t.text == expr)
    assert (tx.start, tx.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # A past event: the most recent occurrence on or before publication.
        ("The accord was signed on December 20.", date(2022, 1, 5), "2021-12-20"),
        ("The accord was signed on June 15.", MON_2021_10_11, "2021-06-15"),
        # A future one (will, plans, scheduled): the next occurrence.
        ("The leaders will sign the accord on January 10.", date(2021, 12, 20), "2022-01-10"),
        ("The ministers plan to meet on November 3.", MON_2021_10_11, "2021-11-03"),
        ("The vote is scheduled for March 2.", date(2021, 12, 20), "2022-03-02"),
    ],
)
def test_times_month_day_year_by_tense(
    nlp: Language, text: str, published: date, value: str
) -> None:
    values = [t.value for t in _times(nlp, text, published) if t.type == "DATE"]
    assert values == [value]


@pytest.mark.parametrize(
    "text",
    [
        "He said they may march to the square.",  # "may", "march" in lower case
        "The Sun newspaper reported the story.",
        "The man, 44, was charged.",  # an age, not a year
        "The deal is worth $2021 million.",
    ],
)
def test_times_normalise_rejects_non_times(nlp: Language, text: str) -> None:
    assert _times(nlp, text) == []


def test_times_without_publication_date_leave_relative_days_out(nlp: Language) -> None:
    found = {t.text: t.value for t in _times(nlp, "Police arrested him yesterday in 1999.", None)}
    assert found == {"1999": "1999"}
