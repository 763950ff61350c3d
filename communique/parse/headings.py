"""Section headings glued to the next sentence, split off before the parser runs.

News pages lose their layout when extracted: "... last year. Trump approval During a visit by
Starmer to the White House, Trump said ..." reads as one sentence, so the parser makes the
heading part of the next clause and CODING.md's rule that an event's ``sentence`` carries no
section heading is broken. This component (after the tagger, before the parser) marks the
heading and the real sentence as sentences of their own; the parser keeps preset boundaries.

Written by hand because no library splits headings from run-in text: spaCy's sentencizer and
parser only see punctuation. A heading is recognised when, right after a sentence end, a short
run of words (at most five, no finite verb, the first capitalised) ends in a lowercase word and
is followed by a capitalised word that either

- is a function word opening a clause ("Difficult terrain Although ...", "The court In ..."),
- or is a name or a noun, when the run ends in a common noun that is not a title ("Trump
  approval During", "Old friends Malaysia's former prime minister" but never "Kremlin
  spokesperson Dmitry Peskov said", where the name belongs to the title).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..resolve.actors import load_lexicon

__all__ = ["HeadingSplitter", "heading_breaks"]

_ENDS = frozenset({".", "!", "?"})
_QUOTES = frozenset({'"', "”", "'", "’"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_OPENERS = frozenset({"DT", "IN", "WRB", "RB", "EX", "WDT", "PDT"})
_NAME_OR_NOUN = frozenset({"NNP", "NNPS", "NNS", "JJ"})
_NOT_FIRST = frozenset({"DT", "CD", "IN", "CC", "PRP$"})
_DATES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"}
)
# Nouns a name follows inside a sentence ("spokesperson Mao Ning", "members Greece, ...").
_BEFORE_NAMES = frozenset(
    {"analyst", "expert", "spokesperson", "spokesman", "spokeswoman", "adviser", "advisor",
     "politician", "consultant", "consultancy", "writer", "researcher", "professor", "chief",
     "leader", "official", "director", "commentator", "economist", "scholar", "lawyer",
     "activist", "journalist", "reporter", "correspondent", "historian", "member", "members",
     "ally", "allies", "partner", "partners", "neighbor", "neighbors", "neighbour"}
)
_MAX_WORDS = 5


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for title in load_lexicon().titles for w in title.split())


def _sentence_end_before(doc: Doc, i: int) -> bool:
    prev = doc[i - 1]
    return prev.text in _ENDS or (prev.text in _QUOTES and i > 1 and doc[i - 2].text in _ENDS)


def _opens_sentence(last: Token, first: Token, nxt: Token) -> bool:
    if nxt.text == "I" or nxt.lower_ in _DATES:
        return False
    if nxt.tag_ in _CLAUSE_OPENERS:
        return True
    return (
        last.tag_ in ("NN", "NNS")
        and last.lower_ not in _BEFORE_NAMES | _title_words()
        and first.tag_ not in _NOT_FIRST
        and nxt.tag_ in _NAME_OR_NOUN
    )


def heading_breaks(doc: Doc) -> list[tuple[int, int]]:
    """(heading start, sentence start) token indices of the headings in a tagged doc."""
    out: list[tuple[int, int]] = []
    for i in range(1, len(doc)):
        if not doc[i].is_title or not _sentence_end_before(doc, i):
            continue
        for k in range(i + 1, min(i + _MAX_WORDS + 1, len(doc))):
            last, nxt = doc[k - 1], doc[k]
            if last.is_punct or last.tag_ in _FINITE:
                break
            if not (last.is_lower and nxt.is_alpha and (nxt.is_title or nxt.is_upper)):
                continue
            if _opens_sentence(last, doc[i], nxt):
                out.append((i, k))
            break
    return out


class HeadingSplitter:
    """Sets sentence starts at glued headings (needs tags; runs before the parser)."""

    def __call__(self, doc: Doc) -> Doc:
        for start, end in heading_breaks(doc):
            doc[start].is_sent_start = True
            doc[end].is_sent_start = True
        return doc


@Language.factory("communique_headings_v1", requires=["token.tag"])
def make_headings(nlp: Language, name: str) -> HeadingSplitter:
    """The heading splitter."""
    return HeadingSplitter()
