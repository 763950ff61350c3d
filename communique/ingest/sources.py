"""Readers for every input kind: .txt, .html/.htm, .jsonl, .csv, folders, globs and stdin.

``iter_articles`` yields items in input order, lazily (one file or corpus line at a time), so a
corpus of any size streams in bounded memory.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import EmptyInput, InputError, NotFound, TooLarge
from ..records import ItemError
from .article import DEFAULT_MAX_CHARS, Item, article_from_text, item_error, max_input_bytes
from .corpora import iter_csv, iter_jsonl
from .html import extract_html
from .normalize import decode, parse_date

__all__ = ["DEFAULT_MAX_CHARS", "SUFFIXES", "article_from_text", "iter_articles"]

SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".csv")


def _read_bytes(path: Path, *, limit: int) -> bytes:
    """The file's bytes, refused from its size (before reading) when over ``limit``.

    The read itself is bounded too, so a pipe or device named as a file cannot exhaust memory.
    """
    size = path.stat().st_size
    if size > limit:
        raise TooLarge(
            f"{path}: file of {size:,} bytes is over the {limit:,}-byte limit of one article "
            "(pipeline.max_chars)"
        )
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"{path}: input over the {limit:,}-byte limit of one article")
    return data


def _iter_one(path: Path, *, suffix: str, published: date | None, max_chars: int) -> Item:
    source = str(path)
    html = suffix in (".html", ".htm")
    limit = max_input_bytes(max_chars, kind="html" if html else "text")
    text = decode(_read_bytes(path, limit=limit), source=source)
    if not html:
        return article_from_text(text, source=source, published=published, max_chars=max_chars)
    page = extract_html(text, source=source)
    pub = parse_date(page.published) if page.published else published
    return article_from_text(
        page.text, source=source, published=pub, title=page.title, byline=page.byline,
        parse_headers=False, max_chars=max_chars,
    )


def _iter_file(path: Path, *, published: date | None, max_chars: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    source = str(path)
    try:
        if suffix in (".jsonl", ".ndjson"):
            yield from iter_jsonl(path, published=published, max_chars=max_chars)
        elif suffix == ".csv":
            yield from iter_csv(path, published=published, max_chars=max_chars)
        else:
            yield _iter_one(path, suffix=suffix, published=published, max_chars=max_chars)
    except InputError as exc:
        yield item_error(source, exc)
    except OSError as exc:
        # A corpus that fails mid-way keeps the records already yielded; the error names the file.
        reason = exc.strerror or type(exc).__name__
        yield ItemError(source=source, code="I000", message=f"{source}: cannot read ({reason})")


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
    limit = max_input_bytes(max_chars)
    data = sys.stdin.buffer.read(limit + 1)
    try:
        if len(data) > limit:
            raise TooLarge(f"<stdin>: input over the {limit:,}-byte limit of one article")
        text = decode(data, source="<stdin>")
        yield article_from_text(text, source="<stdin>", published=published, max_chars=max_chars)
    except InputError as exc:
        yield item_error("<stdin>", exc)


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
            yield item_error(spec, NotFound(f"{spec}: no such file, folder or glob match"))
            continue
        if not files:
            kinds = ", ".join(SUFFIXES)
            yield item_error(spec, EmptyInput(f"{spec}: folder holds no article files ({kinds})"))
            continue
        for path in files:
            yield from _iter_file(path, published=published, max_chars=max_chars)
