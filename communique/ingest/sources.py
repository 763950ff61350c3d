"""Readers for every input kind: .txt, .html/.htm, .jsonl, .csv, folders, globs and stdin.

``iter_articles`` yields items in input order, lazily (one file or corpus line at a time), so a
corpus of any size streams in bounded memory.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import EmptyInput, InputError, MalformedRecord, MissingText, NotFound, TooLarge
from ..records import Article, ItemError
from .html import extract_html
from .normalize import article_id, decode, parse_date, parse_header

__all__ = ["DEFAULT_MAX_CHARS", "SUFFIXES", "article_from_text", "iter_articles"]

DEFAULT_MAX_CHARS = 200_000
SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".csv")
# A file is read whole only when it is one article; corpora stream line by line. Anything larger
# than this is refused before reading (a per-article cap applies to the text too).
_MAX_FILE_BYTES = 64 * 1024 * 1024

Item = Article | ItemError


def _error(source: str, exc: InputError) -> ItemError:
    return ItemError(source=source, code=exc.code, message=exc.message)


def _check_size(text: str, *, source: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise TooLarge(
            f"{source}: article of {len(text):,} characters exceeds the cap of {max_chars:,} "
            "(pipeline.max_chars)"
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
    """
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
    return Article(
        id=article_id(body),
        source=url or source,
        external_id=external_id,
        title=title,
        published=published.isoformat() if published else None,
        byline=byline,
        text=body,
    )


def _read_bytes(path: Path) -> bytes:
    if path.stat().st_size > _MAX_FILE_BYTES:
        raise TooLarge(f"{path}: file of {path.stat().st_size:,} bytes is over the 64 MiB limit")
    return path.read_bytes()


def _field(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return str(value)
    return None


def _from_record(
    record: Any, *, source: str, published: date | None, max_chars: int
) -> Article:
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


def _iter_jsonl(path: Path, *, published: date | None, max_chars: int) -> Iterator[Item]:
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            source = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig")
                record = json.loads(line)
                yield _from_record(record, source=source, published=published, max_chars=max_chars)
            except UnicodeDecodeError:
                yield _error(source, MalformedRecord(f"{source}: line is not valid UTF-8"))
            except json.JSONDecodeError as exc:
                yield _error(source, MalformedRecord(f"{source}: malformed JSON ({exc.msg})"))
            except InputError as exc:
                yield _error(source, exc)


def _iter_csv(path: Path, *, published: date | None, max_chars: int) -> Iterator[Item]:
    csv.field_size_limit(max(max_chars * 4, 1 << 20))
    try:
        text = decode(_read_bytes(path), source=str(path))
    except InputError as exc:
        yield _error(str(path), exc)
        return
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield _error(str(path), MissingText(f"{path}: CSV has no 'text' column"))
        return
    for n, row in enumerate(reader, start=2):
        source = f"{path}:{n}"
        try:
            yield _from_record(row, source=source, published=published, max_chars=max_chars)
        except InputError as exc:
            yield _error(source, exc)


def _iter_file(path: Path, *, published: date | None, max_chars: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, published=published, max_chars=max_chars)
        return
    if suffix == ".csv":
        yield from _iter_csv(path, published=published, max_chars=max_chars)
        return
    source = str(path)
    try:
        text = decode(_read_bytes(path), source=source)
        if suffix in (".html", ".htm"):
            page = extract_html(text, source=source)
            pub = parse_date(page.published) if page.published else published
            yield article_from_text(
                page.text, source=source, published=pub, title=page.title, byline=page.byline,
                parse_headers=False, max_chars=max_chars,
            )
        else:
            yield article_from_text(text, source=source, published=published, max_chars=max_chars)
    except InputError as exc:
        yield _error(source, exc)
    except OSError as exc:
        yield ItemError(source=source, code="I000", message=f"{source}: cannot read ({exc.strerror})")


def _expand(spec: str) -> list[Path] | None:
    """The files a path, folder or glob names (sorted); None when nothing matches."""
    path = Path(spec)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if path.exists():
        return [path]
    if glob.has_magic(spec):
        found = sorted(Path(p) for p in glob.glob(spec, recursive=True))
        return [p for p in found if p.is_file()] or None
    return None


def _iter_stdin(*, published: date | None, max_chars: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read(_MAX_FILE_BYTES + 1)
    try:
        if len(data) > _MAX_FILE_BYTES:
            raise TooLarge("<stdin>: input over the 64 MiB limit")
        text = decode(data, source="<stdin>")
        yield article_from_text(text, source="<stdin>", published=published, max_chars=max_chars)
    except InputError as exc:
        yield _error("<stdin>", exc)


def iter_articles(
    specs: Iterable[str],
    *,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """Articles (or per-item errors) from paths, folders, globs and ``-`` (stdin), in order.

    Args:
        specs: what the user named on the command line.
        published: the publication date for articles that carry none of their own.
        max_chars: the per-article size cap.
    """
    for spec in specs:
        if spec == "-":
            yield from _iter_stdin(published=published, max_chars=max_chars)
            continue
        files = _expand(spec)
        if files is None:
            yield _error(spec, NotFound(f"{spec}: no such file, folder or glob match"))
            continue
        if not files:
            yield _error(spec, EmptyInput(f"{spec}: folder holds no article files ({', '.join(SUFFIXES)})"))
            continue
        for path in files:
            yield from _iter_file(path, published=published, max_chars=max_chars)
