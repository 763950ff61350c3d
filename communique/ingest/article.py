"""One Article from raw text, and the size budgets every reader shares.

Every reader funnels through :func:`article_from_text`, so the checks that protect the pipeline
(non-empty body, the per-article size cap, no unpaired surrogates) live in one place.
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import EmptyInput, InputError, MalformedRecord, TooLarge, UndecodableInput
from ..records import Article, ItemError
from .normalize import article_id, parse_header

__all__ = [
    "DEFAULT_MAX_CHARS",
    "Item",
    "article_from_text",
    "item_error",
    "max_input_bytes",
]

DEFAULT_MAX_CHARS = 200_000

Item = Article | ItemError

# Every encoding we read spends at most 4 bytes on a character, so an input of more than
# 4 * max_chars bytes (plus room for header lines) cannot hold an article under the cap: it is
# refused from its size alone. HTML carries markup and scripts around its text, so a page gets a
# larger, fixed budget. A JSONL line may spell a character as a 6-byte \\uXXXX escape.
_HEADER_SLACK = 64 * 1024
_MAX_HTML_BYTES = 16 * 1024 * 1024

# Lone surrogates come from JSON escapes (\ud800) or undecodable bytes kept by surrogateescape;
# they cannot be written as UTF-8, so an article carrying one would fail at output time.
_SURROGATE = re.compile("[\ud800-\udfff]")


def max_input_bytes(max_chars: int, *, kind: str = "text") -> int:
    """The byte budget of one input item of ``kind`` ("text", "html" or "jsonl") for this cap."""
    per_char = {"text": 4, "html": 4, "jsonl": 6}[kind]
    budget = per_char * max_chars + _HEADER_SLACK
    return max(_MAX_HTML_BYTES, budget) if kind == "html" else budget


def item_error(source: str, exc: InputError) -> ItemError:
    """The per-item error record of an input error."""
    return ItemError(source=source, code=exc.code, message=exc.message)


def _check_size(text: str, *, source: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise TooLarge(
            f"{source}: article of {len(text):,} characters exceeds the cap of {max_chars:,} "
            "(pipeline.max_chars)"
        )


def _check_encodable(source: str, **fields: str | None) -> None:
    for name, value in fields.items():
        if value is not None and _SURROGATE.search(value):
            raise UndecodableInput(
                f"{source}: {name} holds bytes or escapes that are not valid Unicode text"
            )


def article_from_text(
    text: str,
    *,
    source: str,
    published: date | None = None,
    external_id: str | None = None,
    title: str | None = None,
    byline: str | None = None,
    url: str | None = None,
    parse_headers: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """An Article from raw text: header lines parsed off the start (for plain text).

    The header's own date wins over ``published`` (the CLI's ``--published`` fills a gap, it
    never overrides).

    Raises:
        EmptyInput: the body is empty.
        TooLarge: the body is over ``max_chars``.
        MalformedRecord: the header date does not exist (2021-02-30).
        UndecodableInput: the text or metadata holds unpaired surrogates.
    """
    # The cap is checked on the raw text first (a header is a few lines), so that an oversized
    # input is refused before any per-line work on it.
    if len(text) > max_chars + _HEADER_SLACK:
        _check_size(text, source=source, max_chars=max_chars)
    body = text
    if parse_headers:
        header = parse_header(text)
        if header.invalid_date:
            raise MalformedRecord(f"{source}: header date {header.invalid_date} does not exist")
        body = text[header.body_start :]
        published = header.published or published
        byline = header.byline or byline
        title = header.title or title
    if not body.strip():
        raise EmptyInput(f"{source}: the article has no body text")
    _check_size(body, source=source, max_chars=max_chars)
    _check_encodable(source, text=body, title=title, byline=byline, id=external_id, url=url)
    return Article(
        id=article_id(body),
        source=url or source,
        external_id=external_id,
        title=title,
        published=published.isoformat() if published else None,
        byline=byline,
        text=body,
    )
