"""Event dates and statuses, amount periods, and the sample article's times."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from communique.extract.times import date_and_status, period_for, time_at
from communique.ingest.sources import article_from_text
from communique.parse.pipeline import make_doc
from communique.records import DateRange

MON_2021_10_11 = date(2021, 10, 11)


def run_times(nlp: Language, text: str, published: date = MON_2021_10_11) -> Doc:
    """spaCy's components and ours up to times (the later stages are not needed here)."""
    doc = make_doc(nlp, text, published=published)
    for name, proc in nlp.pipeline:
        if not name.startswith("communique_") or name == "communique_times":
            doc = proc(doc)
    return doc


def _pred(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "predicate", "start", "precision", "status"),
    [
        # dated by the time expression governing the predicate
        ("The ministers met in Belgrade on October 11.", "met", "2021-10-11", "day", "reported"),
        ("Turkey backed Azerbaijan during the war in 2020.", "backed", "2020-01-01", "year",
         "background"),
        ("The accord was signed in Ankara on February 18.", "signed", "2021-02-18", "day",
         "background"),
        ("Cooperation between the two armies first emerged in 1992.", "emerged", "1992-01-01",
         "year", "background"),
        # CODING.md: "last week" gives the month and is explicitly past: background
        ("Protesters clashed with police last week.", "clashed", "2021-10-01", "month",
         "background"),
        # the future: planned, dated to the planned day
        ("The presidents will meet in Baku on Thursday.", "meet", "2021-10-14", "day", "planned"),
        ("The two countries plan to hold talks next year.", "hold", "2022-01-01", "year",
         "planned"),
        # perfect of news: reported, undated -> the publication month (CODING.md)
        ("The minister has met his Turkish counterpart.", "met", "2021-10-01", "month",
         "reported"),
        # conditional: hypothetical, never the publication date
        ("If talks fail, Russia would impose sanctions.", "impose", None, "unknown",
         "hypothetical"),
        # a standing fact has no date
        ("Azerbaijan and Turkey cooperate in many spheres.", "cooperate", None, "unknown",
         "background"),
        ("Washington opposes the expansion of the base.", "opposes", None, "unknown",
         "background"),
        # a statement in the present is this week's news: the publication month
        ("China calls on the parties to show restraint.", "calls", "2021-10-01", "month",
         "reported"),
        # a long span or a past perfect with no date: background, undated
        ("Iran has denied for years that it seeks a bomb.", "denied", None, "unknown",
         "background"),
        ("The two leaders had exchanged angry barbs.", "exchanged", None, "unknown",
         "background"),
        ("Iran has long denied the charges.", "denied", None, "unknown", "background"),
        ("The two leaders had been exchanging barbs.", "exchanging", None, "unknown",
         "background"),
        # an event said to be past ("past attacks", "previous talks"): background, undated
        ("Past attacks were claimed by the militants.", "claimed", None, "unknown",
         "background"),
        # a condition inside a warning's content, a demand with "must": the statement is news
        ("Cavusoglu warned that the bases are at risk if Turkey is sanctioned.", "warned",
         "2021-10-01", "month", "reported"),
        # a time in a clause that modifies a noun does not date the main clause
        ("The request, linked to an application that Malaysia made 10 years ago, met with "
         "opposition from China.", "met", "2021-10-01", "month", "reported"),
        ("In 2020 the army advanced.", "advanced", "2020-01-01", "year", "background"),
        # a time naming a noun deep in the arguments dates that noun, not the predicate
        ("The ministers discussed the reconstruction of districts affected by the 2020 war.",
         "discussed", "2021-10-01", "month", "reported"),
        ("China hopes for a new deal before October's expiration.", "hopes", None, "unknown",
         "background"),
        # ... but a noun next to the predicate keeps it: its argument, the noun it describes
        ("Militants launched a deadly January attack on the base.", "launched", "2021-01-01",
         "month", "background"),
        ("He praised the 2020 pact that the United States negotiated with the Taliban.",
         "negotiated", "2020-01-01", "year", "background"),
    ],
)
def test_times_date_and_status(
    nlp: Language, text: str, predicate: str, start: str | None, precision: str, status: str
) -> None:
    doc = run_times(nlp, text)
    rng, got = date_and_status(doc, _pred(doc, predicate))
    assert (rng.start, rng.precision, got) == (start, precision, status)


@pytest.mark.parametrize(
    "text",
    [
        "The army first deployed troops there in 2013.",
        "The rebels had seized the town in March.",
        "Turkey backed Azerbaijan during the war in 2020.",
    ],
)
def test_times_background_never_carries_publication_date(nlp: Language, text: str) -> None:
    doc = run_times(nlp, text)
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        rng, status = date_and_status(doc, tok)
        if status == "background":
            assert rng.start != MON_2021_10_11.isoformat()
            assert not (rng.start and rng.start <= "2021-10-11" <= (rng.end or "")), rng


@pytest.mark.parametrize(
    ("text", "predicate", "start", "precision"),
    [
        # the story's lead day dates the undated news of the following sentences
        ("The United States warned Monday that the cooperation is dangerous. China expressed "
         "concern about the tensions.", "expressed", "2021-10-11", "day"),
        ("Officials met in Vienna on Saturday. Iran rejected the proposal.", "rejected",
         "2021-10-09", "day"),
        # no lead day in the publication week and month: the publication month
        ("Officials met in Vienna in 2019. Iran rejected the proposal.", "rejected",
         "2021-10-01", "month"),
        ("Officials met in Vienna on Sept. 30. Iran rejected the proposal.", "rejected",
         "2021-10-01", "month"),
    ],
)
def test_times_undated_news_takes_the_story_day(
    nlp: Language, text: str, predicate: str, start: str, precision: str
) -> None:
    doc = run_times(nlp, text)
    rng, status = date_and_status(doc, _pred(doc, predicate))
    assert (rng.start, rng.precision, status) == (start, precision, "reported")


def test_times_date_and_status_survives_a_doc_without_times(blank_nlp: Language) -> None:
    doc = blank_nlp("Talks ended.")
    doc._.communique_published = MON_2021_10_11
    rng, status = date_and_status(doc, doc[1])
    assert isinstance(rng, DateRange) and status in ("reported", "background")


@pytest.mark.parametrize(
    ("text", "amount", "start", "end", "precision", "hint"),
    [
        ("In the first eight months of 2021, trade amounted to $2.8 billion.", "$2.8 billion",
         "2021-01-01", "2021-08-31", "month", "actual"),
        ("Trade between the two countries amounted to $4.1 billion in 2020.", "$4.1 billion",
         "2020-01-01", "2020-12-31", "year", "actual"),
        ("The two countries set up a goal to bring trade to $15 billion in 2023.",
         "$15 billion", "2023-01-01", "2023-12-31", "year", "target"),
    ],
)
def test_times_period_for(
    nlp: Language, text: str, amount: str, start: str, end: str, precision: str, hint: str
) -> None:
    doc = run_times(nlp, text)
    begin = text.index(amount)
    span = doc.char_span(begin, begin + len(amount), alignment_mode="expand")
    assert span is not None
    period, kind = period_for(doc, span)
    assert period == DateRange(start=start, end=end, precision=precision)  # type: ignore[arg-type]
    assert kind == hint


def test_times_period_for_undated_amount_is_none(nlp: Language) -> None:
    doc = run_times(nlp, "The fund holds $3 billion.")
    assert period_for(doc, doc[3:5]) == (None, None)


def test_times_time_at_looks_up_by_token(nlp: Language) -> None:
    doc = run_times(nlp, "The accord was signed in Ankara on February 18.")
    assert time_at(doc, _pred(doc, "18")).value == "2021-02-18"  # type: ignore[union-attr]
    assert time_at(doc, _pred(doc, "Ankara")) is None


def test_times_sample_article(nlp: Language, sample_path: Path) -> None:
    art = article_from_text(sample_path.read_text("utf-8"), source=str(sample_path))
    assert art.published == "2021-10-11"
    doc = run_times(nlp, art.text or "", date.fromisoformat(art.published))
    got = {(t.text, t.value, t.start, t.end) for t in doc._.communique_times}
    for expected in [
        ("October 11", "2021-10-11", "2021-10-11", "2021-10-11"),
        ("the first eight months of 2021", "2021", "2021-01-01", "2021-08-31"),
        ("February 18", "2021-02-18", "2021-02-18", "2021-02-18"),
        ("June 15", "2021-06-15", "2021-06-15", "2021-06-15"),
        ("1992", "1992", "1992-01-01", "1992-12-31"),
        ("2023", "2023", "2023-01-01", "2023-12-31"),
        ("44-day", "P44D", None, None),
    ]:
        assert expected in got, expected
    assert sum(1 for t in doc._.communique_times if t.value == "2020") == 2
