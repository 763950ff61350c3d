"""Counts of people and things, and physical quantities, found on the parsed ``Doc``.

Money and percentages are found on the text (:mod:`._amount_scan`); counts need the parse,
because whether "63" is a number of people depends on the noun it counts or the verb that
governs it ("killed at least 63"). quantulum3 names physical units ("2,000 tonnes",
"275 kilos"); it is quiet on nouns it does not know, which is why the people and things
lexicons are our own.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ._amount_lexicon import amount_lexicon
from ._amount_scan import parse_number_text

__all__ = ["Count", "find_counts", "warm_up"]

with warnings.catch_warnings():
    # quantulum3 warns at import that its optional classifier is missing; we do not need it.
    warnings.simplefilter("ignore", UserWarning)
    from quantulum3 import parser as _quantulum

_SKIP_ENTS = {"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"}
_BARE_DEPS = ("dobj", "nsubj", "nsubjpass", "pobj")
_NOUN_WINDOW = 4  # tokens between the number and the noun it counts ("six other civilians")


def warm_up() -> None:
    """Build quantulum3's unit tables now (about 4 s, once per process) rather than inside
    the first article that has a number: pipeline loading, not extraction, pays for it."""
    _quantulum.parse("1 tonne")


@dataclass(frozen=True)
class Count:
    """A count: its token span (approximator to noun), value, unit and counted noun."""

    span: Span
    value: float
    unit: str
    noun: Token | None


def _is_number(tok: Token) -> bool:
    if tok.ent_type_ in _SKIP_ENTS:
        return False
    if tok.lower_ in ("a", "an"):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ in amount_lexicon().scales
    return bool(tok.like_num)


def _number_runs(doc: Doc, taken: list[tuple[int, int]]) -> list[Span]:
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if _is_number(tok) and not any(s <= tok.idx < e for s, e in taken):
            j = i
            while j + 1 < len(doc) and _is_number(doc[j + 1]):
                j += 1
            runs.append(doc[i : j + 1])
            i = j + 1
        else:
            i += 1
    return runs


def _value(run: Span) -> float | None:
    scales = amount_lexicon().scales
    total: float | None = None
    words: list[str] = []
    for tok in run:
        if tok.lower_ in scales and total is not None:
            total *= scales[tok.lower_]
            continue
        if tok.lower_ in scales:
            total = (parse_number_text(" ".join(words)) if words else 1.0) or 1.0
            total *= scales[tok.lower_]
            words = []
            continue
        words.append(tok.text)
    if words:
        part = parse_number_text(" ".join(words))
        if part is None:
            return None
        total = part if total is None else total * part
    return float(f"{total:.12g}") if total is not None else None


@lru_cache(maxsize=1)
def _approx_tail() -> re.Pattern[str]:
    return re.compile(rf"{amount_lexicon().approx_re}$")


def _counted_noun(run: Span) -> Token | None:
    last = run[-1]
    head = last.head
    if (
        last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "appos")
        and head.pos_ in ("NOUN", "PROPN")
        and 0 < head.i - last.i <= _NOUN_WINDOW
    ):
        return head
    return None


# Units a derived unit we accept is written with ("km2", "kW h", "sq hm").
_COMPONENTS = ("kilometre", "metre", "mile", "hectometre", "watt", "kilowatt", "megawatt",
               "gigawatt", "hour")


@lru_cache(maxsize=1)
def _unit_form() -> re.Pattern[str]:
    """A word-bounded surface or symbol (plural allowed) of a unit quantulum may name and we
    accept, in any case: without one after the number, quantulum finds no unit of ours."""
    units = _quantulum.load.units("en_US")
    forms: set[str] = set()
    for name in (*amount_lexicon().quantulum_units, *_COMPONENTS):
        unit = units.names.get(name)
        if unit is not None:
            forms.update(f.lower() for f in (*unit.surfaces, *unit.symbols))
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alternation})(?:e?s)?(?![a-z])")


@lru_cache(maxsize=1)
def _extra_unit() -> re.Pattern[str]:
    """The lexicon's own units right after a number, longest first (one pattern, not one per
    unit and number)."""
    phrases = sorted(amount_lexicon().extra_units, key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!)")
    return re.compile(rf"\s*({'|'.join(re.escape(p) for p in phrases)})\b")


def _physical_unit(doc: Doc, run: Span) -> tuple[str, int] | None:
    """(unit, end char) of a physical quantity starting at ``run``, or None."""
    lex = amount_lexicon()
    window = doc[run.start : min(run.end + 3, len(doc))]
    # Cut from the window's text: doc.text would join the whole doc for every number.
    rest = window.text[run.end_char - window.start_char :].lower()
    m = _extra_unit().match(rest)
    if m:
        return lex.extra_units[m.group(1)], run.end_char + m.end()
    if not _unit_form().search(rest):
        return None  # no form of an accepted unit follows: quantulum (ms a call) cannot find one
    for q in _quantulum.parse(window.text):
        unit = lex.quantulum_units.get(q.unit.name)
        if unit is not None and q.span[0] == 0:
            return unit, window.start_char + q.span[1]
    return None


def find_counts(doc: Doc, taken: list[tuple[int, int]]) -> list[Count]:
    """Counts of people, counted things and physical quantities outside ``taken`` char spans.

    A count of people or things is kept by the caller only when a measure cue explains it;
    physical quantities are always kept.
    """
    lex = amount_lexicon()
    out: list[Count] = []
    for run in _number_runs(doc, taken):
        value = _value(run)
        if value is None or value <= 0:
            continue
        noun = _counted_noun(run)
        unit: str | None = None
        end_char = run.end_char
        if noun is not None:
            lemma = noun.lemma_.lower()
            if lemma in lex.people or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS")):
                unit = "people"
            elif lemma in lex.things:
                unit = noun.lower_ if noun.tag_ in ("NNS", "NNPS") else f"{lemma}s"
            if unit is not None:
                end_char = noun.idx + len(noun.text)
        if unit is None:
            physical = _physical_unit(doc, run)
            if physical is not None:
                unit, end_char = physical
                noun = None
        if unit is None and noun is None and run.root.dep_ in _BARE_DEPS:
            unit = "bare"  # the caller decides from the governing verb whether these are people
        if unit is None:
            continue
        start_char = run.start_char
        # The 30 characters before the run (30 tokens hold at least 30 characters).
        before = doc[max(0, run.start - 30) : run.start].text_with_ws[-30:]
        m = _approx_tail().search(before)
        if m:
            start_char -= len(m.group(0))
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None:
            out.append(Count(span=span, value=value, unit=unit, noun=noun))
    return out
