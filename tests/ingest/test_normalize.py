"""Header lines, decoding and article ids."""

from __future__ import annotations

from datetime import date

import pytest

from communique.errors import BinaryInput, EmptyInput
from communique.ingest.normalize import article_id, decode, parse_header


@pytest.mark.parametrize(
    ("text", "published", "byline", "body"),
    [
        (
            "date 2021-10-11 By Vugar Khalilov\n\nBody text.",
            date(2021, 10, 11),
            "Vugar Khalilov",
            "Body text.",
        ),
        (" date 2021-10-11 By Jane Doe\nBody.", date(2021, 10, 11), "Jane Doe", "Body."),
        ("Date: 2019-03-02\nBy: Ana Lima\n\nBody.", date(2019, 3, 2), "Ana Lima", "Body."),
        ("published 2024-01-05\n\nBody.", date(2024, 1, 5), None, "Body."),
        (
            "No header. The date 2021-10-11 is in the body.",
            None,
            None,
            "No header. The date 2021-10-11 is in the body.",
        ),
    ],
)
def test_normalize_parse_header(
    text: str, published: date | None, byline: str | None, body: str
) -> None:
    header = parse_header(text)
    assert header.published == published
    assert header.byline == byline
    assert text[header.body_start :] == body


def test_normalize_header_keeps_offsets() -> None:
    text = "date 2021-10-11 By Jane Doe\n\nEgypt and Sudan met."
    header = parse_header(text)
    body = text[header.body_start :]
    # A span found in the input is found in the body at the same place less the header length.
    assert body.index("Sudan") == text.index("Sudan") - header.body_start


def test_normalize_invalid_header_date_reported() -> None:
    assert parse_header("date 2021-02-30 By X\n\nBody.").invalid_date == "2021-02-30"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Minister visits Kyiv.", "Minister visits Kyiv."),
        ("\ufeffBOM then text".encode(), "BOM then text"),
        (
            "Министр посетил Киев сегодня утром.".encode("cp1251"),
            "Министр посетил Киев сегодня утром.",
        ),
        ("Talks in Zürich".encode("utf-16"), "Talks in Zürich"),
    ],
)
def test_normalize_decode_encodings(data: bytes, expected: str) -> None:
    assert decode(data, source="x") == expected


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_normalize_decode_empty(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        decode(data, source="x")


def test_normalize_decode_binary() -> None:
    with pytest.raises(BinaryInput):
        decode(bytes(range(256)) * 8, source="x.bin")


def test_normalize_article_id_ignores_whitespace_layout() -> None:
    a = article_id("Egypt and Sudan\nsigned a deal.  ")
    b = article_id("Egypt and Sudan signed a deal.")
    assert a == b and len(a) == 16
    assert article_id("Egypt and Sudan signed a pact.") != a
