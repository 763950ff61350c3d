"""Find agreement mentions in a parsed Doc: the noun, its name, kind, count, topic, predicate.

Pure functions over the parse and ``data/agreements/kinds.yml``; actors, dates, places and
events are attached by :mod:`communique.extract.agreements`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import pycountry
from spacy.tokens import Doc, Span, Token

from ..data import read_yaml
from ._amount_scan import parse_number_text

__all__ = ["Mention", "agreement_data", "find_mentions"]

_NAME_LINKS = {"of", "on", "for", "and", "the", "between"}
_REFERRING_DETS = {"the", "this", "that", "these", "those", "such", "both"}
_WHEN = {"DATE", "TIME"}
_CUT_DEPS = {"relcl", "acl", "advcl", "appos"}
_CUT_PREPS = {"between", "with", "among", "by", "in", "at"}


@dataclass(frozen=True)
class Mention:
    """One agreement mention: where it is, what it is and how it is phrased."""

    noun: Token
    span: Span
    kind: str
    name: str | None
    count: int | None
    referring: bool
    predicate: Token | None
    topic: str | None


@lru_cache(maxsize=1)
def agreement_data() -> dict[str, Any]:
    """The agreement nouns, predicates and topic prepositions (cached)."""
    return cast(dict[str, Any], read_yaml("agreements", "kinds.yml"))


def _is_country(tok: Token) -> bool:
    if tok.ent_type_ == "NORP":
        return True
    try:
        pycountry.countries.lookup(tok.text)
    except LookupError:
        return False
    return True


@lru_cache(maxsize=1)
def _multiword() -> tuple[str, ...]:
    """The multi-word agreement nouns, longest first."""
    nouns = agreement_data()["nouns"]
    return tuple(sorted((p for p in nouns if not p.isalpha()), key=len, reverse=True))


def _phrase_at(doc: Doc, tok: Token) -> tuple[str, Span] | None:
    """The agreement noun phrase starting at ``tok`` and its kind.

    Multi-word nouns ("memorandum of understanding", "cease-fire") are matched on the text,
    single nouns on the lemma so plurals ("agreements", "accords") match too.
    """
    nouns: dict[str, str] = agreement_data()["nouns"]
    low = tok.lower_
    # The text at ``tok`` starts with the token, so a phrase can match only if it agrees with
    # the token on their common length: checked before any span text is built (this function
    # runs on every token; building the text each time was the stage's hot spot).
    phrases = [p for p in _multiword() if p[: len(low)] == low[: len(p)]]
    # A 40-token span covers the next 40 characters; doc.text would rebuild the whole text
    # for every token (quadratic: minutes on a 100,000-character article).
    rest = doc[tok.i : tok.i + 40].text_with_ws[:40].lower() if phrases else ""
    for phrase in phrases:
        if not rest.startswith(phrase) or rest[len(phrase) : len(phrase) + 1].isalpha():
            continue
        span = doc.char_span(tok.idx, tok.idx + len(phrase), alignment_mode="expand")
        if span is not None and span.root.pos_ in ("NOUN", "PROPN"):
            return nouns[phrase], span
    for form in (tok.lemma_.lower(), tok.lower_):
        if form in nouns and tok.pos_ in ("NOUN", "PROPN"):
            return nouns[form], doc[tok.i : tok.i + 1]
    return None


def _name(phrase: Span) -> Span | None:
    """The agreement's proper name ("Shusha Declaration", "Doha agreement"), or None."""
    doc, noun = phrase.doc, phrase.root
    left = phrase.start
    while (
        left > noun.sent.start
        and doc[left - 1].pos_ == "PROPN"
        and doc[left - 1].is_title
        and not _is_country(doc[left - 1])
    ):
        left -= 1
    titled = noun.text[:1].isupper() and noun.i != noun.sent.start
    if left == phrase.start and not titled:
        return None
    right = phrase.end
    if titled:
        # "Treaty on Comprehensive Strategic Partnership": links followed by title-case words.
        j = right
        while j < noun.sent.end and (doc[j].is_title or doc[j].lower_ in _NAME_LINKS):
            j += 1
        while j > right and doc[j - 1].lower_ in _NAME_LINKS:
            j -= 1
        right = j
    if right - left < 2:
        return None  # a lone capitalised "Agreement" names nothing
    return doc[left:right]


def _count(noun: Token) -> int | None:
    for child in noun.lefts:
        if child.like_num and child.dep_ in ("nummod", "amod", "quantmod", "compound"):
            value = parse_number_text(child.text)
            if value is not None and value.is_integer():
                return int(value)
    return None if noun.tag_ in ("NNS", "NNPS") else 1


def _predicate(noun: Token) -> Token | None:
    predicates = set(agreement_data()["predicates"])
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in predicates:
            return child
    head = noun.head
    if noun.dep_ == "conj":
        head = noun.head.head
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in predicates:
        return head
    if head.pos_ == "ADP" and head.head.pos_ == "VERB" and head.head.lemma_.lower() in predicates:
        return head.head
    return None


def _topic(noun: Token, predicate: Token | None) -> str | None:
    preps = set(agreement_data()["topic_preps"])
    nouns = set(agreement_data()["nouns"])
    # The noun's own phrase first ("a memorandum of understanding on energy"), then the
    # predicate's ("signed ... on allied relations").
    candidates: list[Token] = [t for t in noun.subtree if t.dep_ == "prep"]
    if predicate is not None:
        candidates += [c for c in predicate.children if c.i > noun.i]
    for prep in candidates:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in _WHEN]
        if not objs:
            continue
        keep = _topic_tokens(objs[0], nouns)
        while keep and (keep[-1].dep_ in ("cc", "punct") or keep[-1].is_punct):
            keep.pop()
        if keep:
            return noun.doc[keep[0].i : keep[-1].i + 1].text
    return None


def _topic_tokens(obj: Token, nouns: set[str]) -> list[Token]:
    """The object's phrase without nested parties, clauses and coordinated agreements."""
    cut: set[int] = set()
    for tok in obj.subtree:
        cut_here = tok.dep_ in _CUT_DEPS or (tok.dep_ == "prep" and tok.lower_ in _CUT_PREPS)
        if tok.dep_ == "conj" and tok.lemma_.lower() in nouns:
            cut_here = True
            cut.update(c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i)
        if cut_here:
            cut.update(t.i for t in tok.subtree)
    kept = [t for t in obj.subtree if t.i not in cut]
    # Keep one contiguous run from the object's left edge.
    run: list[Token] = []
    for tok in kept:
        if run and tok.i != run[-1].i + 1:
            break
        run.append(tok)
    return run


def _mention_span(phrase: Span, name: Span | None) -> Span:
    if name is not None:
        return name
    start = phrase.start
    for child in phrase.root.lefts:
        if child.dep_ in ("nummod", "amod", "compound", "nmod", "npadvmod") and child.i < start:
            start = child.left_edge.i
    return phrase.doc[start : phrase.end]


def find_mentions(doc: Doc) -> list[Mention]:
    """Every agreement mention in text order."""
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        found = _phrase_at(doc, tok) if tok.is_alpha else None
        if found is None or (tok.head.lower_ == "in" and tok.dep_ == "pobj"):
            i += 1
            continue
        kind, phrase = found
        noun = phrase.root
        name = _name(phrase)
        dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet")}
        pred = _predicate(noun)
        span = _mention_span(phrase, name)
        out.append(
            Mention(
                noun=noun,
                span=span,
                kind=kind,
                name=name.text if name is not None else None,
                count=_count(noun),
                referring=bool(dets & _REFERRING_DETS) and name is None,
                predicate=pred,
                topic=_topic(noun, pred),
            )
        )
        i = max(phrase.end, span.end)
    return out
