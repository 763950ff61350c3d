"""Text normalisation shared by every reader: decoding, header lines, article ids."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, UndecodableInput

__all__ = ["Header", "article_id", "decode", "parse_date", "parse_header", "sniff_encoding"]

# "date 2021-10-11 By Vugar Khalilov", "Date: 2021-10-11", "By Jane Doe", "published 2021-10-11".
# Written by hand: the header convention is ours (the spec's), no library knows it.
_HEADER_DATE = re.compile(
    r"^\s*(?:date|published|dated)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+Z-]+)?"
    r"(?:\s+(?P<byline>[Bb][Yy]\s*:?\s+.+?))?\s*$",
    re.IGNORECASE,
)
_HEADER_BY = re.compile(r"^\s*by\s*:?\s+(?P<byline>[^\n]{2,80})\s*$", re.IGNORECASE)
_HEADER_TITLE = re.compile(r"^\s*title\s*:\s*(?P<title>[^\n]+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Header:
    """What the header lines of a plain-text article said, and where the body starts."""

    published: date | None
    byline: str | None
    title: str | None
    body_start: int
    invalid_date: str | None = None


def parse_date(value: str) -> date | None:
    """An ISO date (``YYYY-MM-DD``, optionally with a time part) or None when it is not one."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _clean_byline(raw: str | None) -> str | None:
    if not raw:
        return None
    text = re.sub(r"^\s*by\s+", "", raw.strip(), flags=re.IGNORECASE).strip(" ,;")
    return text or None


def parse_header(text: str) -> Header:
    """Recognise header lines at the start of ``text``; the body starts after them.

    Only lines at the very start are header lines, and only the forms above; the body is the
    rest of the text with nothing else changed (so offsets shift by ``body_start`` only).
    Blank lines right after the header belong to it.
    """
    published: date | None = None
    byline: str | None = None
    title: str | None = None
    invalid: str | None = None
    pos = 0
    matched_any = False
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if not line.strip():
            if matched_any or pos == 0:
                pos = end + 1
                continue
            break
        m = _HEADER_DATE.match(line)
        if m and not matched_any:
            published = parse_date(m.group("date"))
            if published is None:
                invalid = m.group("date")
            byline = _clean_byline(m.group("byline"))
            matched_any = True
            pos = end + 1
            continue
        m = _HEADER_BY.match(line)
        if m and byline is None and matched_any:
            byline = _clean_byline(m.group("byline"))
            pos = end + 1
            continue
        m = _HEADER_TITLE.match(line)
        if m and title is None and (matched_any or pos == 0):
            title = m.group("title").strip()
            matched_any = True
            pos = end + 1
            continue
        break
    if not matched_any:
        return Header(None, None, None, 0)
    body_start = min(pos, len(text))
    return Header(published, byline, title, body_start, invalid)


def decode(data: bytes, *, source: str) -> str:
    """Bytes to text: UTF-8 (BOM or not), UTF-16, else the encoding charset-normalizer finds.

    A file that is UTF-8 but for a few corrupt bytes (more valid non-ASCII characters than
    invalid sequences) keeps its UTF-8 reading with U+FFFD in place of each corrupt sequence:
    re-reading the whole article in a legacy code page would garble every accented letter.

    Raises:
        EmptyInput: no bytes or only whitespace.
        BinaryInput: the bytes are not text (mostly control characters, or no encoding fits and
            there are NUL bytes).
        UndecodableInput: text in no encoding we can detect.
    """
    if not data.strip():
        raise EmptyInput(f"{source} is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UndecodableInput(f"{source}: invalid UTF-16 ({exc.reason})") from exc
        return _check_text(text, source=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _mostly_utf8(data) or _detected(data, source=source)
    else:
        # ASCII in UTF-16 without a BOM is valid UTF-8 full of NULs; charset-normalizer knows it.
        head = data[:_SAMPLE]
        if head.count(0) * 5 >= len(head):
            best = from_bytes(data).best()
            if best is not None and best.encoding.startswith("utf_16"):
                text = str(best)
    return _check_text(text, source=source)


# How much of the start of a text the binary check looks at (characters).
_SAMPLE = 4096


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return text if good >= bad else None


def _detected(data: bytes, *, source: str) -> str:
    best = from_bytes(data).best()
    if best is None:
        _undetected(data, source=source)
    return str(best)


def _undetected(data: bytes, *, source: str) -> NoReturn:
    if b"\x00" in data[:_SAMPLE]:
        raise BinaryInput(f"{source} is a binary file, not text")
    raise UndecodableInput(f"{source}: not UTF-8 and no other encoding fits")


def _check_text(text: str, *, source: str) -> str:
    # A few stray control characters (a pasted NUL, an escape) are kept: offsets must point into
    # the text as given. A sample that is over a tenth control characters is not prose.
    if not text.strip():  # e.g. a byte-order mark and nothing else
        raise EmptyInput(f"{source} is empty")
    if _control_share(text[:_SAMPLE]) > 0.1:
        raise BinaryInput(f"{source} is a binary file, not text")
    return text


def _control_share(sample: str) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(sample)


def sniff_encoding(head: bytes, *, source: str) -> str:
    """The encoding of a stream from its first bytes, for readers that decode as they go.

    Same rules as :func:`decode` (UTF-8 unless the start says otherwise); ``head`` may end in
    the middle of a character.

    Raises:
        EmptyInput, BinaryInput, UndecodableInput: as :func:`decode`, judged on ``head``.
    """
    if not head.strip():
        raise EmptyInput(f"{source} is empty")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        try:
            codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
            encoding = "utf-8-sig"
        except UnicodeDecodeError:
            encoding = "utf-8-sig" if _mostly_utf8(head) is not None else ""
        if encoding == "" or head.count(0) * 5 >= len(head):
            best = from_bytes(head).best()
            if best is None:
                _undetected(head, source=source)
            encoding = best.encoding
    text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)
    _check_text(text, source=source)
    return encoding


def article_id(body: str) -> str:
    """sha256 of the normalised body text (NFC, whitespace runs collapsed), first 16 hex chars.

    The same story with different line wrapping or trailing spaces gets the same id.
    """
    norm = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
