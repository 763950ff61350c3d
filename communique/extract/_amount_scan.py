"""Find money figures and percentages in plain text: spans, scaled values, ranges, units.

Written by hand because none of the parsing libraries covers news money as written:
quantulum3 misreads "USD 15 bln", "$15bn" and "500 million manat"; price-parser finds the
currency and the digits but ignores scale words. number-parser is used for numbers in words
("two hundred", "eleven"), which no regex should convert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from number_parser import parse_number

from ._amount_lexicon import NUMBER_WORDS, AmountLexicon, amount_lexicon

__all__ = ["Figure", "parse_number_text", "scan_figures"]


@dataclass(frozen=True)
class Figure:
    """A figure found in text: its char span, value (scaled), range end and unit."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str


@lru_cache(maxsize=4096)
def parse_number_text(text: str) -> float | None:
    """A number written in digits ("1,200.5") or words ("two hundred", "a million").

    Cached: number-parser rebuilds its language tables on every call, and news repeats its
    numbers.
    """
    cleaned = text.strip().replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    lowered = cleaned.lower()
    if lowered in ("a", "an"):
        return 1.0
    if any(ch.isdigit() and not ch.isdecimal() for ch in lowered):
        # Superscripts and other non-decimal digits ("km²", footnote marks "³"): number-parser
        # passes them to int(), which raises; they are not numbers a figure is written in.
        return None
    parsed = parse_number(lowered)
    return float(parsed) if parsed is not None else None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = amount_lexicon()
    num, scale = lex.number_re, lex.scale_re
    pre = rf"(?:{lex.alternation(list(lex.prefixes))}|\b(?:{lex.alternation(list(lex.codes))}))"
    post = rf"(?:(?i:{lex.alternation(list(lex.words))})|{lex.alternation(list(lex.codes))})"
    letters = "".join(lex.money_letters)
    # One amount: the number, an optional "-high" end, a scale word or a letter glued on.
    body = (
        rf"(?P<num>{num})(?:\s?(?:-|–)\s?(?P<num2>{num}))?"
        rf"(?:\s?(?P<scale>(?i:{scale}))\b|(?P<letter>[{letters}])\b)?"
    )
    # A figure never starts inside a word ("someone dollars" holds no "one dollars");
    # the lookbehind also spares the engine the attempt at every letter (4x faster on news).
    start = r"(?<!\w)"
    money = re.compile(
        rf"{start}(?P<approx>{lex.approx_re})?(?:(?P<pre>{pre})\s?{body}(?:\s+(?P<post1>{post})\b)?"
        rf"|{body.replace('?P<', '?P<b_')}(?:\s+of)?\s+(?P<post2>{post})\b)"
    )
    percent = re.compile(
        rf"{start}(?P<approx>{lex.approx_re})?(?P<num>{num})(?:\s?(?:-|–|to)\s?(?P<num2>{num}))?"
        r"\s?(?P<sign>%|(?i:percentage points?|per ?cents?|pct)\b)"
    )
    joiner = re.compile(r"\s*(?:-|–|to|and)\s*")
    return money, percent, joiner


@lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    """What every figure contains: a digit, a number word or a scale word ("a million").

    A region without one cannot hold a figure, so the two long patterns above (hundreds of
    alternatives tried at every character) skip it: on news text about half the sentences.
    Searched in the lowercased region, case-sensitively: several times faster than (?i).
    """
    words = [w.lower() for w in (*NUMBER_WORDS, *amount_lexicon().scales)]
    return re.compile(rf"\d|{amount_lexicon().alternation(words)}")


def _group(m: re.Match[str], name: str) -> str | None:
    value = m.groupdict().get(name)
    return value if value is not None else m.groupdict().get(f"b_{name}")


def _tidy(value: float) -> float:
    # 4.1 * 1e9 is 4099999999.9999995 in binary floating point; 12 significant digits is
    # more than any written figure carries.
    return float(f"{value:.12g}")


def _currency(m: re.Match[str], lex: AmountLexicon) -> str | None:
    for sym in (m.group("pre"), m.group("post1"), m.group("post2")):
        if sym is None:
            continue
        if sym in lex.prefixes:
            return lex.prefixes[sym]
        if sym in lex.codes:
            return lex.codes[sym]
        code = lex.words.get(sym.lower())
        if code is not None:
            # A "$" figure followed by a currency word ("$ 9.99 US dollars") keeps the word's.
            return code
    return None


def _money(m: re.Match[str], lex: AmountLexicon) -> Figure | None:
    low = parse_number_text(_group(m, "num") or "")
    if low is None:
        return None
    high_text = _group(m, "num2")
    high = parse_number_text(high_text) if high_text else None
    scale_word, letter = _group(m, "scale"), _group(m, "letter")
    mult = 1.0
    if scale_word:
        mult = lex.scales.get(scale_word, lex.scales.get(scale_word.lower(), 1.0))
    elif letter:
        mult = lex.money_letters[letter]
    unit = _currency(m, lex)
    if unit is None:
        return None
    return Figure(m.start(), m.end(), _tidy(low * mult), _tidy(high * mult) if high else None, unit)


def _percent(m: re.Match[str]) -> Figure | None:
    low = parse_number_text(m.group("num"))
    if low is None:
        return None
    high = parse_number_text(m.group("num2")) if m.group("num2") else None
    unit = "percentage_points" if m.group("sign").lower().startswith("percentage") else "percent"
    return Figure(m.start(), m.end(), low, high, unit)


def _merge_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """Join "$12 million to $20 million" and "between $12 million and $20 million"."""
    _, _, joiner = _patterns()
    out: list[Figure] = []
    for fig in figures:
        prev = out[-1] if out else None
        gap = text[prev.end : fig.start] if prev else ""
        if (
            prev is not None
            and prev.unit == fig.unit
            and prev.value_max is None
            and joiner.fullmatch(gap)
            and fig.value > prev.value
            and ("and" not in gap or text[: prev.start].rstrip().lower().endswith("between"))
            # "cut by $200 to $399", "rose from $5 to $7": a change, not a range.
            and not text[: prev.start].rstrip().lower().endswith(("by", "from"))
        ):
            start = prev.start
            before = text[:start].rstrip()
            if before.lower().endswith("between"):
                start = len(before) - len("between")
            out[-1] = Figure(start, fig.end, prev.value, fig.value, fig.unit)
        else:
            out.append(fig)
    return out


def scan_figures(text: str, regions: Iterable[tuple[int, int]] | None = None) -> list[Figure]:
    """Every money figure and percentage in ``text``, in order, ranges merged.

    Args:
        text: any text (an article, a sentence).
        regions: char spans to search (an article's sentences; a figure never crosses one);
            default the whole text.

    Returns:
        Figures with char spans into ``text``; money units are ISO 4217 codes, percentages
        ``percent`` (value 7 for "7%") or ``percentage_points``.
    """
    lex = amount_lexicon()
    money, percent, _ = _patterns()
    gate = _gate()
    spans = [(a, b) for a, b in regions or [(0, len(text))] if gate.search(text[a:b].lower())]
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for a, b in spans:
        for m in money.finditer(text, a, b):
            fig = _money(m, lex)
            if fig is not None:
                found.append(fig)
                taken.append((fig.start, fig.end))
    for a, b in spans:
        for m in percent.finditer(text, a, b):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            fig = _percent(m)
            if fig is not None:
                found.append(fig)
    found.sort(key=lambda f: f.start)
    return _merge_ranges(text, found)
