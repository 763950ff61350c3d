"""A division named in full in the article, and the same name written bare.

Local news names "Licking County" once and then "Licking" (its board, its schools), or
"DeKalb County" and "DeKalb": the bare name is the county, or the town of that name inside it,
not a namesake elsewhere ("Licking", Missouri). The resolver gives the readings that are the
named division, or lie inside it, a bonus when the bare name (or a longer name opening with it,
"Licking Valley") stands in the same article.

Written by hand: a rule of how news writes names, over the resolver's own candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._colocation import km
from .gazetteer import Candidate, normalise

__all__ = ["division_stems", "in_family"]

# The class words a division's full name ends with ("Licking County", "Orleans Parish").
_CLASS_WORDS = ("county", "parish", "borough", "district", "province", "oblast", "governorate",
                "prefecture", "region")
# A town this close to a county's point lies in it, or near enough to be meant by its name.
_INSIDE_KM = 40.0


def division_stems(
    texts: Sequence[str], cands: Sequence[Sequence[Candidate]]
) -> dict[str, list[Candidate]]:
    """Bare name -> every county the article's full name may be ("licking" -> the Licking
    Counties); none of its readings is preferred here, so no guess feeds on itself."""
    out: dict[str, list[Candidate]] = {}
    for text, cs in zip(texts, cands, strict=True):
        key = normalise(text)
        for word in _CLASS_WORDS:
            if key.endswith(" " + word) and len(key) > len(word) + 2:
                divisions = [c for c in cs if c.feature == "admin2"]
                if divisions:
                    out.setdefault(key[: -len(word) - 1], divisions)
    return out


def in_family(text: str, c: Candidate, stems: dict[str, list[Candidate]]) -> bool:
    """``c`` is one of the counties the article names in full under ``text``'s bare name, or
    lies in one; ``text`` is that bare name or opens with it ("Licking", "Licking Valley")."""
    words = normalise(text).split()
    divisions = next((stems[" ".join(words[:n])] for n in range(len(words), 0, -1)
                      if " ".join(words[:n]) in stems), None)
    if not divisions or normalise(text) + " county" in stems:
        return False
    for d in divisions:
        if c.geonameid is not None and c.geonameid == d.geonameid:
            return True
        if (c.feature == "city" and c.admin1 == d.admin1 and c.lat is not None
                and d.lat is not None and km(c, d) <= _INSIDE_KM):
            return True
    return False
