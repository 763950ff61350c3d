"""Property-based tests (hypothesis) of the ingest parsers and normalisers."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from communique.errors import InputError
from communique.ingest.article import article_from_text
from communique.ingest.normalize import article_id, decode, parse_date, parse_header

# Text of any script, control characters included (the things scraped articles carry).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
NAMES = st.text(st.characters(categories=("L",)), min_size=1, max_size=12)
BYLINE = st.lists(NAMES, min_size=1, max_size=3).map(" ".join)


@st.composite
def headers(draw: st.DrawFn) -> tuple[str, date, str | None]:
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    byline = draw(st.one_of(st.none(), BYLINE))
    keyword = draw(st.sampled_from(["date", "Date:", "published", "DATED"]))
    line = f"{keyword} {day.isoformat()}" + (f" By {byline}" if byline else "")
    blank = draw(st.sampled_from(["\n", "\n\n", "\n \n"]))
    return line + blank, day, byline


@given(headers(), ANY_TEXT)
@settings(deadline=None)  # shared 2-core machine: timings vary, not correctness
def test_normalize_header_body_keeps_offsets(
    header: tuple[str, date, str | None], rest: str
) -> None:
    head, day, byline = header
    # A body whose first line is prose (not a header form): the header ends exactly at it.
    body = "Officials said " + rest
    text = head + body
    parsed = parse_header(text)
    assert parsed.body_start == len(head)
    assert text[parsed.body_start :] == body
    assert parsed.published == day
    assert parsed.byline == byline


@given(ANY_TEXT)
@settings(deadline=None)  # shared 2-core machine: timings vary, not correctness
def test_normalize_header_never_fails(text: str) -> None:
    parsed = parse_header(text)
    assert 0 <= parsed.body_start <= len(text)
    if parsed.body_start == 0:
        assert parsed.published is None and parsed.invalid_date is None


@given(st.dates())
@settings(deadline=None)  # shared 2-core machine: timings vary, not correctness
def test_normalize_parse_date_round_trips(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.isoformat()}T12:30:00Z") == day


@given(st.text(max_size=40))
@settings(deadline=None)  # shared 2-core machine: timings vary, not correctness
def test_normalize_parse_date_total(value: str) -> None:
    result = parse_date(value)
    assert result is None or isinstance(result, date)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@given(text=st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=200))
@settings(deadline=None)  # shared 2-core machine: timings vary, not correctness
def test_normalize_decode_round_trips(encoding: str, text: str) -> None:
    assume(text.strip())
    assert decode(text.encode(encoding), source="x") == text


@given(st.binary(max_size=600))
@settings(deadline=None)  # shared 2-core machine: timings vary, not correctness
def test_normalize_decode_total(data: bytes) -> None:
    # Any bytes give text or a coded InputError, nothing else.
    try:
        text = decode(data, source="x")
    except InputError as exc:
        assert exc.code.startswith("I0")
    else:
        assert isinstance(text, str) and text.strip()


@given(ANY_TEXT, st.sampled_from([" ", "\n", "  \n\t", "\r\n"]))
@settings(deadline=None)  # shared 2-core machine: timings vary, not correctness
def test_normalize_article_id_stable_under_layout(text: str, sep: str) -> None:
    words = text.split()
    assert article_id(" ".join(words)) == article_id(sep.join(words) + sep)
    assert len(article_id(text)) == 16 and article_id(text) == article_id(text)


@given(headers(), ANY_TEXT)
@settings(max_examples=50, deadline=None)
def test_normalize_article_text_is_body(header: tuple[str, date, str | None], body: str) -> None:
    head, day, _ = header
    try:
        art = article_from_text(head + body, source="x")
    except InputError:
        assume(False)
        return
    assert art.text is not None and (head + body).endswith(art.text)
    assert art.published == day.isoformat()
    assert art.id == article_id(art.text)
