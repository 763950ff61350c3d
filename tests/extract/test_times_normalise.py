"""TIMEX3 recognition and normalisation on short news sentences, anchored on a publication date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from test_times_status import run_times

from communique.records import TimeExpr

MON_2021_10_11 = date(2021, 10, 11)  # a Monday


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
    ("text", "published", "expr", "type_", "value"),
    [
        # which year a month, month-day or weekday means: tense, deadlines, schedules, nouns
        ("The dividend is payable Dec. 15.", MON_2021_10_11, "Dec. 15", "DATE", "2021-12-15"),
        ("The company agreed to buy the bank in January.", MON_2021_10_11, "January", "DATE",
         "2022-01"),
        ("Officials expect the leaders at a summit set for April.", MON_2021_10_11, "April",
         "DATE", "2022-04"),
        ("Police have been searching for him since the Oct. 23 attack.", date(2022, 5, 6),
         "Oct. 23", "DATE", "2021-10-23"),
        ("The talks were postponed until Tuesday.", MON_2021_10_11, "Tuesday", "DATE",
         "2021-10-12"),
        ("The envoy could arrive as soon as Thursday.", MON_2021_10_11, "Thursday", "DATE",
         "2021-10-14"),
        ("The envoy has scheduled a news conference Thursday.", MON_2021_10_11, "Thursday",
         "DATE", "2021-10-14"),
        ("The vote is set for Friday, Oct. 15.", MON_2021_10_11, "Friday, Oct. 15", "DATE",
         "2021-10-15"),
        # quarters: the current one is this year's
        ("The firm expects a fourth-quarter charge.", date(2021, 10, 28), "fourth-quarter",
         "DATE", "2021-Q4"),
        ("Sales fell from the 1988 third quarter.", MON_2021_10_11, "the 1988 third quarter",
         "DATE", "1988-Q3"),
        ("Output should recover in next year's first quarter.", MON_2021_10_11,
         "next year's first quarter", "DATE", "2022-Q1"),
        ("Profit should rise by year-end.", MON_2021_10_11, "year-end", "DATE", "2021"),
        # spoken years, decades and centuries in words
        ("The plant opened in nineteen ninety-six.", MON_2021_10_11, "nineteen ninety-six",
         "DATE", "1996"),
        ("Talks began in January nineteen ninety-seven.", MON_2021_10_11,
         "January nineteen ninety-seven", "DATE", "1997-01"),
        ("The goal was set for the year two thousand.", MON_2021_10_11,
         "the year two thousand", "DATE", "2000"),
        ("The border was closed in the nineties.", MON_2021_10_11, "the nineties", "DATE",
         "199"),
        ("The bridge dates from the 11th century.", MON_2021_10_11, "the 11th century", "DATE",
         "10"),
        # holidays
        ("Shops reopened after Thanksgiving Day.", date(2021, 12, 1), "Thanksgiving Day", "DATE",
         "2021-11-25"),
        ("The truce was agreed last Christmas.", MON_2021_10_11, "last Christmas", "DATE",
         "2020-12-25"),
        ("Pilgrims arrived for Easter week.", date(2021, 4, 20), "Easter week", "DATE",
         "2021-W13"),
        # clock times with their day
        ("The polls will close at 9 a.m. EST Tuesday.", MON_2021_10_11, "9 a.m. EST Tuesday",
         "TIME", "2021-10-12T09:00"),
        ("The ceasefire began at midnight Friday.", MON_2021_10_11, "midnight Friday", "TIME",
         "2021-10-08T24:00"),
        ("The rocket lifted off at 18:00 UTC.", MON_2021_10_11, "18:00 UTC", "TIME",
         "2021-10-11T18:00Z"),
        ("Shelling resumed last night.", MON_2021_10_11, "last night", "TIME", "2021-10-10TNI"),
        ("The vote ended mid-afternoon yesterday.", MON_2021_10_11, "mid-afternoon yesterday",
         "TIME", "2021-10-10TAF"),
        # anchored on the date the text last mentioned
        ("The treaty was signed in 1995. The following year, parliament ratified it.",
         MON_2021_10_11, "The following year", "DATE", "1996"),
        ("He arrived in Kabul on June 3 and left the next day.", MON_2021_10_11, "the next day",
         "DATE", "2021-06-04"),
        # sets and durations
        ("The council meets each Thursday.", MON_2021_10_11, "each Thursday", "SET",
         "XXXX-WXX-4"),
        ("The licence costs $15 a year.", MON_2021_10_11, "a year", "SET", "P1Y"),
        ("The two sides have fought for years.", MON_2021_10_11, "years", "DURATION", "PXY"),
        ("It is a decades-long dispute.", MON_2021_10_11, "decades-long", "DURATION", "PXY"),
        ("The siege lasted 2 1/2 years.", MON_2021_10_11, "2 1/2 years", "DURATION", "P2Y6M"),
        ("The truce was extended by two more weeks.", MON_2021_10_11, "two more weeks",
         "DURATION", "P2W"),
        ("The speech took a minute and a half.", MON_2021_10_11, "a minute and a half",
         "DURATION", "PT1M30S"),
        ("Violence has grown over the past decade.", MON_2021_10_11, "the past decade",
         "DURATION", "P10Y"),
    ],
)
def test_times_normalise_pattern_anchored(
    nlp: Language, text: str, published: date, expr: str, type_: str, value: str
) -> None:
    found = {t.text: t for t in _times(nlp, text, published)}
    assert expr in found, f"{expr!r} not in {sorted(found)}"
    assert (found[expr].type, found[expr].value) == (type_, value)


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
        "A second A380 landed in Sydney.",  # an ordinal, not one second
        "Two thousand people marched.",  # a count, not the year 2000
    ],
)
def test_times_normalise_rejects_non_times(nlp: Language, text: str) -> None:
    assert _times(nlp, text) == []


def test_times_without_publication_date_leave_relative_days_out(nlp: Language) -> None:
    found = {t.text: t.value for t in _times(nlp, "Police arrested him yesterday in 1999.", None)}
    assert found == {"1999": "1999"}
