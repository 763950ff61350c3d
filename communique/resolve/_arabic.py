"""Other spellings of Arabic place names in Latin letters (helper of the gazetteer).

News writes the article of "Al Qāmishlī" or "Deir ez-Zor" in many ways: left out
("Qamishli"), joined to the next word ("Deir Ezzor"), hyphenated. GeoNames keeps one or two
spellings, so the gazetteer adds these forms as other names of places in Arabic-speaking
countries, and a name not found is retried without its leading article ("Al-Shadadi").
Written by hand: no transliteration package folds the article; the word lists are data
(``data/gazetteer/arabic_articles.yml``).
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_yaml

__all__ = ["ARTICLE_MIN_REST", "article_forms", "countries", "without_article"]

# The rest of a name after its article must be a name of its own: "As Sur" gives no "sur".
ARTICLE_MIN_REST = 4


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    data = read_yaml("gazetteer", "arabic_articles.yml")
    assert isinstance(data, dict)
    return frozenset(data["countries"]), frozenset(data["articles"])


def countries() -> frozenset[str]:
    """ISO3 codes of the countries whose place names get the article's other forms."""
    return _lists()[0]


def article_forms(key: str) -> set[str]:
    """Other forms of a normalised name: without its leading article, and with an inner
    article joined to the word after it ("deir ez zor" -> "deir ezzor")."""
    articles = _lists()[1]
    words = key.split()
    out = {rest} if (rest := without_article(key)) else set()
    for i in range(1, len(words) - 1):
        if words[i] in articles:
            out.add(" ".join([*words[:i], words[i] + words[i + 1], *words[i + 2:]]))
    return out


def without_article(key: str) -> str | None:
    """A normalised name without its leading article ("al shadadi" -> "shadadi"), or None."""
    words = key.split()
    if len(words) > 1 and words[0] in _lists()[1]:
        rest = " ".join(words[1:])
        return rest if len(rest) >= ARTICLE_MIN_REST else None
    return None
