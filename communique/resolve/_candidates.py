"""A name's gazetteer candidates as the resolver sees them (helper of ``places``).

The name as written is looked up, then without a leading article or class phrase ("the City
of Canton"), a leading direction ("North Texas"), its last words ("Fargo City") or a leading
Arabic article ("Al-Shadadi"); an abbreviation keeps only countries, divisions and big cities;
a division named after the city that is the bulk of it yields to the city.
"""

from __future__ import annotations

from ._arabic import countries as arabic_countries
from ._arabic import without_article
from .gazetteer import Candidate, Gazetteer, normalise

__all__ = ["candidates_for"]

_DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
    "southeastern", "southwestern", "upper", "lower",
    # abbreviated, in headlines and local news: "W. Phila.", "N.W. Rochester"
    "n.", "s.", "e.", "w.", "n.e.", "n.w.", "s.e.", "s.w."})
_BIG_CITY = 100_000


def _direction(word: str) -> bool:
    # "North", "western", and hyphenated ones: "North-Western Sydney", "South-East Asia"
    parts = word.lower().split("-")
    return all(p in _DIRECTIONS for p in parts)


# "the City of Canton", "Town of Groton", "the Province of Ontario", "the Port of Los Angeles":
# the class word names no other place than the one after "of".
_CLASS_WORDS = frozenset({"city", "town", "village", "township", "borough", "county", "parish",
                          "province", "state", "commonwealth", "port", "municipality"})


# Words that open the name of a feature and are no name alone: what is left of "Fort Hood" or
# "Lake Erie" after its last word is dropped.
_FEATURE_WORDS = frozenset({"fort", "ft", "lake", "mount", "mt", "port", "cape", "point", "bay",
                            "camp", "glen", "grand", "mission", "villa", "san", "santa", "saint",
                            "st", "new", "old", "upper", "lower", "little", "great", "big",
                            "river", "gulf", "sea", "isle", "island", "islands", "strait", "canal",
                            "valley", "mountain", "mountains", "cabo", "rio", "lago", "monte"})


def _strip(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 2 and words[0].lower() in _CLASS_WORDS and words[1].lower() == "of":
        words = words[2:]
    return " ".join(words)


def candidates_for(
    name: str, gazetteer: Gazetteer, *, dateline: bool = False
) -> tuple[Candidate, ...]:
    """The gazetteer's candidates for a name as written, divisions named after a city removed.

    A division that shares its name with a city inside it that is the bulk of it (Beograd
    district and Belgrade, the Paris department and Paris) is dropped: news means the city, and
    the city lies within it. A name the gazetteer lacks is retried without its last words
    ("Fargo City", "Cottonport Fire Station").
    """
    words = _strip(name).split()
    if len(words) == 1 and _direction(words[0]):
        return ()  # "the West", "East": a direction, not Cameroon's East region
    cands = gazetteer.lookup(name) or gazetteer.lookup(" ".join(words))
    if not cands and (bare_name := without_article(normalise(" ".join(words)))):
        # "Al-Shadadi" where the gazetteer spells it without the article: Arabic places only
        arab = arabic_countries()
        cands = tuple(c for c in gazetteer.lookup(bare_name) if c.country in arab)
    bare = name.replace(".", "").replace(" ", "")
    if len(bare) <= 5 and bare.isupper() and not (dateline and len(bare) > 3):
        # "EU", "E.U.", "U.N.", "NSW", "NATO": an abbreviation names a country or a division,
        # not the towns Eu, Un or Nato; four or five capitals are a big city's name ("ROME"),
        # or any town's in a dateline ("XENIA, Ohio -")
        big = len(bare) > 3
        cands = tuple(c for c in cands if c.feature in ("country", "admin1", "region")
                      or (big and c.feature == "city" and c.population >= _BIG_CITY and not c.alt))
    while not cands and len(words) > 1 and _direction(words[0]):
        words = words[1:]  # "North Texas", "Western Europe", "northern Syria"
        cands = gazetteer.lookup(" ".join(words))
    # Dropping last words never cuts at "of": "Line of Control" is no town called Line.
    while not cands and len(words) > 1 and "of" not in (w.lower() for w in words[1:]):
        words = words[:-1]
        if len(words) == 1 and words[0].lower().rstrip(".") in _FEATURE_WORDS:
            break  # "Fort Detrick", "Lake Titicaca": no town called Fort or Lake is meant
        cands = gazetteer.lookup(" ".join(words)) if len(" ".join(words)) >= 4 else ()
    # Only a city the name is the canonical name of ("New York" is New York City's other name,
    # and the state keeps it).
    cities = {
        (c.country, c.admin1): c.population for c in cands if c.feature == "city" and not c.alt
    }
    # A first-level division matched by another name of its own yields to a city matched likewise
    # inside it ("Mecca": Makkah Region and Makkah city, both by their other names).
    alt_cities = {
        (c.country, c.admin1): c.population for c in cands if c.feature == "city" and c.alt
    }

    def named_after_city(c: Candidate) -> bool:
        key = (c.country, c.admin1)
        pop = cities.get(key, 0)
        if pop >= 1000 and (c.alt or pop * 5 >= c.population):
            return True
        return c.alt and c.feature == "admin1" and alt_cities.get(key, 0) * 5 >= c.population

    return tuple(
        c for c in cands if not (c.feature in ("admin1", "admin2") and named_after_city(c))
    )
