"""Money and percentage figures found in plain text: spans, scaled values, ranges, units."""

from __future__ import annotations

import pytest

from communique.extract._amount_scan import parse_number_text, scan_figures


@pytest.mark.parametrize(
    ("text", "figure", "value", "value_max", "unit"),
    [
        ("Trade amounted to $2.8 billion last year.", "$2.8 billion", 2.8e9, None, "USD"),
        ("Turnover may reach USD 15 bln by 2023.", "USD 15 bln", 15e9, None, "USD"),
        ("Japan pledged 1.2 trillion yen in loans.", "1.2 trillion yen", 1.2e12, None, "JPY"),
        ("The EU gave €300 million to the fund.", "€300 million", 3e8, None, "EUR"),
        ("The budget is 500 million manat.", "500 million manat", 5e8, None, "AZN"),
        ("Ankara set aside 3 billion Turkish lira.", "3 billion Turkish lira", 3e9, None, "TRY"),
        ("Moscow spent 20 billion rubles on it.", "20 billion rubles", 2e10, None, "RUB"),
        ("London committed £1.1bn in aid.", "£1.1bn", 1.1e9, None, "GBP"),
        ("The bank announced a $100m loan.", "$100m", 1e8, None, "USD"),
        ("China lent about $34 billion.", "about $34 billion", 3.4e10, None, "USD"),
        ("It costs RM20 billion.", "RM20 billion", 2e10, None, "MYR"),
        ("Workers earn two Jordanian dinars an hour.", "two Jordanian dinars", 2.0, None, "JOD"),
        ("The fund holds 9.9 billion yuan.", "9.9 billion yuan", 9.9e9, None, "CNY"),
        ("The deal is worth $4.1 billion.", "$4.1 billion", 4.1e9, None, "USD"),
        ("a grant of $530,000 to the museum", "$530,000", 530000.0, None, "USD"),
        ("It raised between $12 million and $20 million.", "between $12 million and $20 million",
         1.2e7, 2e7, "USD"),
        ("Costs rose to $12-15 million.", "$12-15 million", 1.2e7, 1.5e7, "USD"),
        ("Iran enriched uranium to 60%.", "60%", 60.0, None, "percent"),
        ("Growth slowed to 7 percent.", "7 percent", 7.0, None, "percent"),
        ("Tariffs of 15-20 % were imposed.", "15-20 %", 15.0, 20.0, "percent"),
        ("Rates rose 2.5 percentage points.", "2.5 percentage points", 2.5, None,
         "percentage_points"),
    ],
)
def test_amounts_scan_finds_figure(
    text: str, figure: str, value: float, value_max: float | None, unit: str
) -> None:
    (found,) = scan_figures(text)
    assert text[found.start : found.end] == figure
    assert found.value == pytest.approx(value)
    assert found.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert found.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "In 2016 won the vote by a wide margin.",
        "The 44-day war ended in November.",
        "Prices were cut by $200 to $399.",  # two figures, not a range
        "Someone dollars the bill; none percent of it was said.",  # no number inside a word
        "The Covid19% figure is a typo.",
    ],
)
def test_amounts_scan_no_false_figure_or_range(text: str) -> None:
    figures = scan_figures(text)
    assert all(f.value_max is None for f in figures)
    assert all(f.unit in ("USD",) for f in figures)
    assert len(figures) == text.count("$")


@pytest.mark.parametrize(
    ("text", "value"),
    [("eleven", 11.0), ("two hundred", 200.0), ("1,250.5", 1250.5), ("twenty-five", 25.0)],
)
def test_amounts_scan_parses_numbers_in_words_and_digits(text: str, value: float) -> None:
    assert parse_number_text(text) == value


@pytest.mark.parametrize("text", ["²", "10³", "5²", "km²"])
def test_amounts_scan_superscript_digits_are_not_numbers(text: str) -> None:
    # number-parser passes "²" (str.isdigit() but not a decimal) to int() and raises.
    assert parse_number_text(text) is None


@pytest.mark.slow
def test_amounts_superscripts_in_an_article_do_not_fail_extraction(nlp: object) -> None:
    import communique

    text = "Somalia said 10³ people were displaced. About ³ of the 5² soldiers were killed."
    doc = communique.extract(text, published="2024-01-01", nlp=nlp)
    assert doc.warnings == []
    assert all(a.value is not None for a in doc.amounts)


_PARAGRAPH = (
    "Trade between the two countries reached $2.8 billion in the first eight months. "
    "Officials did not say when talks would resume. "
    "Inflation eased to 7.5% in March, and about a million dollars was pledged. "
    "The ministers spoke for an hour."
)


def _sentences(text: str) -> list[tuple[int, int]]:
    ends = [i + 1 for i, ch in enumerate(text) if ch == "." and text[i + 1 : i + 2] in (" ", "")]
    return list(zip([0, *(e + 1 for e in ends[:-1])], ends, strict=True))


def test_amounts_scan_by_sentence_equals_whole_text() -> None:
    whole = scan_figures(_PARAGRAPH)
    assert [(f.value, f.unit) for f in whole] == [(2.8e9, "USD"), (7.5, "percent"), (1e6, "USD")]
    assert scan_figures(_PARAGRAPH, _sentences(_PARAGRAPH)) == whole


def test_amounts_scan_searches_only_the_regions_given() -> None:
    first, *rest = _sentences(_PARAGRAPH)
    assert [f.value for f in scan_figures(_PARAGRAPH, [first])] == [2.8e9]
    assert [f.value for f in scan_figures(_PARAGRAPH, rest[:1])] == []
