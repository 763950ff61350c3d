"""Islamic and Jewish holidays: their day (Ramadan: its span) against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from test_times_status import run_times

from communique.extract._timex_holidays import holiday_names, holiday_span
from communique.records import TimeExpr


def _times(nlp: Language, text: str, published: date) -> dict[str, TimeExpr]:
    return {t.text: t for t in run_times(nlp, text, published)._.communique_times}


@pytest.mark.parametrize(
    ("text", "published", "expr", "value", "start", "end"),
    [
        # Ramadan is a span of days: the month holding it, start and end the days
        ("Food prices rose during Ramadan.", date(2025, 3, 10), "Ramadan", "2025-03",
         "2025-03-01", "2025-03-29"),
        ("Curfews were eased during Ramadan.", date(2024, 3, 20), "Ramadan", "2024",
         "2024-03-11", "2024-04-09"),
        ("The truce began on Eid al-Fitr.", date(2024, 4, 20), "Eid al-Fitr", "2024-04-10",
         "2024-04-10", "2024-04-10"),
        ("Pilgrims gathered before Eid al-Adha 2023.", date(2024, 1, 5), "Eid al-Adha 2023",
         "2023-06-28", "2023-06-28", "2023-06-28"),
        ("Sirens sounded on Yom Kippur.", date(2023, 10, 20), "Yom Kippur", "2023-09-25",
         "2023-09-25", "2023-09-25"),
        ("The talks resume after Passover.", date(2024, 4, 1), "Passover", "2024-04-23",
         "2024-04-23", "2024-04-23"),
        ("Hamas attacked on Simchat Torah.", date(2023, 10, 9), "Simchat Torah", "2023-10-07",
         "2023-10-07", "2023-10-07"),
        ("Candles were lit for Hanukkah.", date(2023, 12, 20), "Hanukkah", "2023-12-08",
         "2023-12-08", "2023-12-08"),
    ],
)
def test_times_holidays_of_other_calendars(
    nlp: Language, text: str, published: date, expr: str, value: str, start: str, end: str
) -> None:
    found = _times(nlp, text, published)
    assert expr in found, sorted(found)
    assert (found[expr].type, found[expr].value, found[expr].start, found[expr].end) == (
        "DATE", value, start, end)


def test_times_holiday_in_a_war_name_is_no_date(nlp: Language) -> None:
    found = _times(nlp, "Veterans of the Yom Kippur War met in Haifa.", date(2023, 10, 6))
    assert "Yom Kippur" not in found


def test_times_every_holiday_has_a_day_each_year() -> None:
    for name in holiday_names():
        for year in (1990, 2000, 2023, 2024, 2033, 2050):
            span = holiday_span(name, year)
            assert span is not None and span[0].year == year and span[0] <= span[1], (name, year)
