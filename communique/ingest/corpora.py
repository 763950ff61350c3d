"""Corpus readers: JSONL and CSV files of many articles, streamed record by record.

Neither reader holds more than one record (and a fixed read buffer) in memory, so a corpus of
any size streams in bounded memory; a bad record is an ItemError for that record only.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, MalformedRecord, MissingText, TooLarge, UndecodableInput
from ..records import Article, ItemError
from .article import Item, article_from_text, item_error, max_input_bytes
from .normalize import parse_date, sniff_encoding

__all__ = ["iter_csv", "iter_jsonl"]

# Bytes read at a time when skipping the rest of an over-long JSONL line, and the start of a
# CSV file its encoding is judged on.
_CHUNK = 1 << 20
_HEAD = 64 * 1024
# Bytes a CSV reader could not decode, kept as lone surrogates by ``surrogateescape``.
_ESCAPED = re.compile("[\udc80-\udcff]")


def _field(record: dict[str | None, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def _from_record(record: Any, *, source: str, published: date | None, max_chars: int) -> Article:
    if not isinstance(record, dict):
        raise MalformedRecord(f"{source}: a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MissingText(f"{source}: record has no 'text' field")
    pub_raw = _field(record, "published", "date", "publish_date")
    pub = published
    if pub_raw is not None:
        pub = parse_date(pub_raw)
        if pub is None:
            raise MalformedRecord(f"{source}: 'published' {pub_raw!r} is not a valid date")
    return article_from_text(
        text,
        source=source,
        published=pub,
        external_id=_field(record, "id"),
        title=_field(record, "title"),
        byline=_field(record, "byline", "author"),
        parse_headers=False,
        max_chars=max_chars,
    )


def _skip_rest_of_line(fh: IO[bytes]) -> None:
    while True:
        chunk = fh.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_item(raw: bytes, *, source: str, published: date | None, max_chars: int) -> Item:
    try:
        record = json.loads(raw.decode("utf-8-sig"))
        return _from_record(record, source=source, published=published, max_chars=max_chars)
    except UnicodeDecodeError:
        return item_error(source, MalformedRecord(f"{source}: line is not valid UTF-8"))
    except json.JSONDecodeError as exc:
        return item_error(source, MalformedRecord(f"{source}: malformed JSON ({exc.msg})"))
    except RecursionError:
        return item_error(source, MalformedRecord(f"{source}: JSON nested too deeply"))
    except ValueError as exc:  # e.g. an integer literal over Python's digit limit
        return item_error(source, MalformedRecord(f"{source}: unreadable JSON value ({exc})"))
    except InputError as exc:
        return item_error(source, exc)


def iter_jsonl(path: Path, *, published: date | None, max_chars: int) -> Iterator[Item]:
    """One item per non-blank line of a JSONL file (source ``path:LINE``).

    A line longer than the record budget is skipped in chunks, never read whole.
    """
    limit = max_input_bytes(max_chars, kind="jsonl")
    with path.open("rb") as fh:
        n = 0
        while raw := fh.readline(limit + 1):
            n += 1
            source = f"{path}:{n}"
            if len(raw) > limit:
                if not raw.endswith(b"\n"):
                    _skip_rest_of_line(fh)
                yield item_error(
                    source,
                    TooLarge(f"{source}: line over {limit:,} bytes exceeds the article cap "
                             f"of {max_chars:,} characters (pipeline.max_chars)"),
                )
                continue
            if raw.strip():
                yield _jsonl_item(raw, source=source, published=published, max_chars=max_chars)


def _csv_row(
    row: dict[str | None, Any], *, source: str, encoding: str, published: date | None,
    max_chars: int,
) -> Item:
    try:
        for value in row.values():
            values = value if isinstance(value, list) else [value]
            if any(isinstance(v, str) and _ESCAPED.search(v) for v in values):
                raise UndecodableInput(f"{source}: row is not valid {encoding} text")
        return _from_record(row, source=source, published=published, max_chars=max_chars)
    except InputError as exc:
        return item_error(source, exc)


def iter_csv(path: Path, *, published: date | None, max_chars: int) -> Iterator[Item]:
    """One item per data row of a CSV file with a header row (source ``path:LINE``).

    The file is decoded as it is read (encoding judged on its first 64 KiB); a row whose bytes do
    not decode, or that the CSV parser rejects, is an error for that row only.
    """
    # The csv module's limit is process-wide; it is only ever raised, to what one article needs.
    csv.field_size_limit(max(csv.field_size_limit(), max_input_bytes(max_chars)))
    with path.open("rb") as fh:
        try:
            encoding = sniff_encoding(fh.read(_HEAD), source=str(path))
        except InputError as exc:
            yield item_error(str(path), exc)
            return
        fh.seek(0)
        text = io.TextIOWrapper(fh, encoding=encoding, errors="surrogateescape", newline="")
        reader = csv.DictReader(text)
        try:
            names = reader.fieldnames
        except csv.Error as exc:
            yield item_error(str(path), MalformedRecord(f"{path}: unreadable CSV header ({exc})"))
            return
        if not names or "text" not in [n.strip().lower() for n in names]:
            yield item_error(str(path), MissingText(f"{path}: CSV has no 'text' column"))
            return
        reader.fieldnames = [n.strip().lower() for n in names]
        yield from _csv_rows(reader, path=path, encoding=encoding, published=published,
                             max_chars=max_chars)


def _csv_rows(
    reader: csv.DictReader[str], *, path: Path, encoding: str, published: date | None,
    max_chars: int,
) -> Iterator[Item]:
    rows = iter(reader)
    while True:
        source = f"{path}:{reader.line_num + 1}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            # The csv parser resynchronises at the next line; the bad record alone is reported.
            yield ItemError(source=source, code=MalformedRecord.code,
                            message=f"{source}: malformed CSV record ({exc})")
            continue
        yield _csv_row(row, source=source, encoding=encoding, published=published,
                       max_chars=max_chars)
