"""A division's point: the registry reference point when it lies among its towns, else its towns."""

from __future__ import annotations

from communique.resolve._division_points import division_point, reference_points, town_point

# Made-up towns of a division spanning about 2 x 4 degrees.
TOWNS = [(10.0, 20.0), (11.0, 22.0), (12.0, 24.0), (10.5, 23.0)]


def test_division_point_uses_reference_inside_town_box() -> None:
    refs = {"XX-AA": (11.5, 21.0)}
    assert division_point("XX-AA", TOWNS, refs) == (11.5, 21.0)


def test_division_point_reference_within_margin_is_kept() -> None:
    # half a degree north of the northernmost town: still the division's own point
    refs = {"XX-AA": (12.5, 22.0)}
    assert division_point("XX-AA", TOWNS, refs) == (12.5, 22.0)


def test_division_point_rejects_reference_far_from_its_towns() -> None:
    # a reference geocoded to a namesake on another continent
    refs = {"XX-AA": (-30.0, 150.0)}
    assert division_point("XX-AA", TOWNS, refs) == town_point(TOWNS)


def test_division_point_without_code_or_reference_uses_towns() -> None:
    assert division_point(None, TOWNS, {}) == town_point(TOWNS)
    assert division_point("XX-BB", TOWNS, {"XX-AA": (11.0, 21.0)}) == (11.0, 22.0)


def test_town_point_is_the_middle_of_the_range() -> None:
    assert town_point([(0.0, 0.0), (2.0, 4.0)]) == (1.0, 2.0)


def test_reference_points_table_is_well_formed() -> None:
    refs = reference_points()
    assert len(refs) > 4000
    for code, (lat, lon) in refs.items():
        country, _, sub = code.partition("-")
        assert len(country) == 2 and sub, code
        assert -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0, code
