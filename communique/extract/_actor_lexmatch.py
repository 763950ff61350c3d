"""Lexicon matching for actors: proper names (countries, demonyms, capitals, IGOs) and common
noun phrases (titles, collective nouns).

Our lexicon wins over the statistical NER: the small English model tags "Azerbaijani" as a
PERSON in "Azerbaijani Foreign Minister Jeyhun Bayramov", so names are matched here first and
NER spans are trimmed against these tags.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..resolve.actors import ActorLexicon
from ._actor_types import NameTag

__all__ = ["ActorContext", "NameMatcher", "PhraseIndex", "hyphen_joined"]

# Priority when one surface form names several things ("Georgia" is never a demonym, but a
# form may be a country alias and a capital, e.g. "Djibouti"): the country reading wins.
_PRIORITY = {"country": 0, "demonym": 1, "igo": 2, "group": 3, "capital": 4}


class NameMatcher:
    """Case-sensitive phrase matching of every proper-name surface form in the lexicon."""

    def __init__(self, tokenizer: Callable[[str], Doc], lexicon: ActorLexicon) -> None:
        forms = lexicon.surface_forms()
        sample = tokenizer("x")
        self._matcher = PhraseMatcher(sample.vocab, attr="ORTH")
        self._forms: dict[str, tuple[str, object]] = {}
        for form, readings in forms.items():
            kind, entry = min(readings, key=lambda r: _PRIORITY[r[0]])
            written = [form]
            if form.isalpha() and form.isupper() and len(form) >= 4:
                # British style writes acronyms said as words in title case ("Nato",
                # "Ecowas", "Unicef"); two- and three-letter ones would be words ("Who", "Un").
                written.append(form.title())
            for text in written:
                if text == form or text not in forms:
                    self._forms[text] = (kind, entry)
                    # The pipeline's own tokenizer, so "People's" or "U.N." split as in articles.
                    self._matcher.add(text, [tokenizer(text)])

    def tags(self, doc: Doc) -> dict[int, NameTag]:
        """Token index -> the longest lexicon name covering it."""
        spans = []
        for match_id, start, end in self._matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        out: dict[int, NameTag] = {}
        for span in filter_spans(spans):
            kind, entry = self._forms[span.label_]
            tag = NameTag(kind=kind, entry=entry, start=span.start, end=span.end)  # type: ignore[arg-type]
            for i in range(span.start, span.end):
                out[i] = tag
        return out


def hyphen_joined(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` are glued to a neighbour by a hyphen
    ("Azerbaijani-Turkish", "Baku-Tbilisi-Ceyhan"): part of a compound, not a name of its own.
    """
    left = start > 0 and doc[start - 1].text in ("-", "–") and not doc[start - 1].whitespace_
    right = (
        end < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_
    )
    return bool(left or right)


class PhraseIndex:
    """Lowercased phrases whose last word may be inflected ("special forces").

    Hand-written rather than a ``PhraseMatcher`` on LEMMA because lexicon phrases are plain
    strings: we compare the lowercased words with the last one lemmatised, longest first.
    """

    def __init__(self, phrases: Mapping[str, object], *, max_words: int = 5) -> None:
        self._phrases = phrases
        self._max = max_words
        # Every suffix of every phrase (the empty one included): a phrase ending at a token
        # ends with one of the token's forms, so a token none of whose forms is a suffix ends
        # no phrase. This rejects almost every token before any text is built (the method is
        # called on each token by several passes; it was the actors stage's hot spot).
        self._suffixes = {p[k:] for p in phrases for k in range(len(p) + 1)}

    def ending_at(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """The longest phrase ending at token ``i``: (start index, phrase), or None."""
        forms = token_forms(doc)
        best: tuple[int, str] | None = None
        # Grown leftwards one token at a time, the words as written, spacing included (so
        # "Secretary-General" stays one word); a string that ends no phrase cannot grow into one.
        longest = 1 if forms.glued[i - 1] or i == 0 else min(self._max, i + 1)
        for tail in forms.tails[i]:
            phrase, n = tail, 1
            while phrase in self._suffixes:
                if phrase in self._phrases and (best is None or i - n + 1 < best[0]):
                    best = (i - n + 1, phrase)
                if n == longest:
                    break
                n += 1
                phrase = forms.lower_ws[i - n + 1] + phrase
        return best


@dataclass
class ActorContext:
    """What every actor pass reads: the doc, its name tags and the phrase indexes."""

    doc: Doc
    tags: dict[int, NameTag]
    lexicon: ActorLexicon
    titles: PhraseIndex
    groups: PhraseIndex
    published: date | None
    used: set[int] = field(default_factory=set)
    person_forms: set[str] = field(default_factory=set)  # lowercased names and surnames
    # the country of the big place the gazetteer knows a name as (``_actor_placenames``);
    # none by default
    place_country: Callable[[str], str | None] = field(default=lambda _name: None)

    @property
    def known_forms(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Known-people names by first word: {"Recep": (("Recep", "Tayyip", "Erdogan"),)}."""
        return self.lexicon.known_forms

    def tag(self, i: int, *kinds: str) -> NameTag | None:
        """The name tag on token ``i`` if it is of one of ``kinds`` (any kind when none given)."""
        tag = self.tags.get(i)
        if tag is None or (kinds and tag.kind not in kinds):
            return None
        return tag


_FORMS_KEY = "communique.token_forms"


@dataclass(frozen=True)
class TokenForms:
    """Per token of a doc: the lowercased forms a phrase may end with (as written, lemma,
    plain singular), the lowercased text with its trailing space, and whether it is glued to
    the next token without space or hyphen (then no phrase spans the two)."""

    tails: list[tuple[str, ...]]
    lower_ws: list[str]
    glued: list[bool]


def token_forms(doc: Doc) -> TokenForms:
    """The doc's ``TokenForms``, built once per doc and kept in ``doc.user_data``: the phrase
    indexes are asked about every token by several actor passes, and reading spaCy's string
    attributes token by token was most of their cost."""
    forms = doc.user_data.get(_FORMS_KEY)
    if not isinstance(forms, TokenForms) or len(forms.tails) != len(doc):
        tails, lower_ws, glued = [], [], []
        for t in doc:
            low = t.lower_
            tails.append((low, t.lemma_.lower(), *_singulars(low)))
            lower_ws.append(t.text_with_ws.lower())
            glued.append(not t.whitespace_ and t.text not in ("-", "–"))
        forms = TokenForms(tails, lower_ws, glued)
        doc.user_data[_FORMS_KEY] = forms
    return forms


def _singulars(word: str) -> tuple[str, ...]:
    # The tagger leaves capitalised plurals unlemmatised ("Presidents" as NNPS): regular
    # English plural endings are enough for titles and group nouns.
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("men"):
        return (word[:-3] + "man",)
    if word.endswith("s") and not word.endswith("ss"):
        return (word[:-1],)
    return ()
