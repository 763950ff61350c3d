"""Every entry of the actor data files is well-formed, and the lexicon lookups behave."""

from __future__ import annotations

from datetime import date

import pycountry
import pytest

from communique.data import data_path, lexicon_versions, read_tsv
from communique.resolve.actors import CAMEO_ROLES, load_lexicon

FILES = ("countries", "igos", "titles", "groups", "named_groups", "known_people",
         "place_contexts")
# Kosovo has no ISO 3166-1 code; XKX is the user-assigned code in common use (EU, IMF).
USER_ASSIGNED = {"XKX"}


def _valid_iso3(code: str) -> bool:
    return code in USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None


@pytest.mark.parametrize("stem", FILES)
def test_actor_data_file_is_versioned(stem: str) -> None:
    first = data_path("actors", f"{stem}.tsv").read_text("utf-8").splitlines()[0]
    assert first.startswith("# version:")
    versions = lexicon_versions()
    assert versions.get(stem, versions.get(f"actors/{stem}")) == first.split(":", 1)[1].strip()


@pytest.mark.parametrize("stem", FILES)
def test_actor_data_rows_have_every_column(stem: str) -> None:
    header, rows = read_tsv("actors", f"{stem}.tsv")
    lines = [
        line for line in data_path("actors", f"{stem}.tsv").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(line.count("\t") == len(header) - 1 for line in lines)
    for row in rows:
        assert all(v == v.strip() for v in row.values()), row


def test_actor_data_countries_are_iso3() -> None:
    lex = load_lexicon()
    assert len(lex.countries) > 190
    bad = [c.iso3 for c in lex.countries if not _valid_iso3(c.iso3)]
    assert not bad
    assert len({c.iso3 for c in lex.countries}) == len(lex.countries)


@pytest.mark.parametrize(
    ("form", "kind", "iso3"),
    [
        ("Azerbaijani", "demonym", "AZE"),
        ("Turkish", "demonym", "TUR"),
        ("Emirati", "demonym", "ARE"),
        ("Ankara", "capital", "TUR"),
        ("Baku", "capital", "AZE"),
        ("Britain", "country", "GBR"),
        ("U.S.", "country", "USA"),
        ("Iraqi", "demonym", "IRQ"),
        ("Guinea Bissau", "country", "GNB"),  # written without its hyphen
    ],
)
def test_actor_data_surface_forms(form: str, kind: str, iso3: str) -> None:
    readings = load_lexicon().surface_forms()[form]
    assert (kind, iso3) in [(k, getattr(e, "iso3", None)) for k, e in readings]


def test_actor_data_no_form_names_two_countries() -> None:
    for form, readings in load_lexicon().surface_forms().items():
        countries = {getattr(e, "iso3", None) for _, e in readings} - {None}
        assert len(countries) <= 1, (form, countries)


def test_actor_data_roles_are_cameo() -> None:
    lex = load_lexicon()
    roles = [*lex.titles.values(), *(g.role for g in lex.groups.values()),
             *(i.role for i in lex.igos), *(g.role for g in lex.named_groups),
             *(p.role for p in lex.people)]
    assert set(roles) <= CAMEO_ROLES


def test_actor_data_groups_kinds() -> None:
    for group in load_lexicon().groups.values():
        assert group.kind in ("government", "group")
        assert group.bare in ("lead", "always", "yes", "arg", "no")
        assert group.term == group.term.lower()
        # only state organs stand for the lead country when unqualified
        assert group.bare not in ("lead", "always") or group.kind == "government"


def test_actor_data_place_contexts() -> None:
    _, rows = read_tsv("actors", "place_contexts.tsv")
    assert {r["use"] for r in rows} == {"at", "after-motion", "motion"}
    assert all(r["word"] == r["word"].lower() and " " not in r["word"] for r in rows)
    assert len({(r["word"], r["use"]) for r in rows}) == len(rows)


def test_actor_data_igos() -> None:
    igos = load_lexicon().igos
    assert all(i.code.startswith("IGO") for i in igos)
    names = [i.name for i in igos]
    assert len(names) == len(set(names))
    forms = [f for i in igos for f in (i.name, *i.aliases)]
    assert len(forms) == len(set(forms))


def test_actor_data_named_groups_home() -> None:
    for group in load_lexicon().named_groups:
        assert group.home is None or _valid_iso3(group.home)
        assert group.kind in ("group", "government")
        # a state body known by name must say which state it belongs to
        assert group.kind == "group" or group.home is not None


def test_actor_data_known_people_rows() -> None:
    for person in load_lexicon().people:
        assert person.country is None or _valid_iso3(person.country)
        assert (person.country is None) != (person.igo is None)
        assert person.start is None or person.end is None or person.start <= person.end


@pytest.mark.parametrize(
    ("name", "day", "found"),
    [
        ("António Guterres", date(2021, 10, 11), True),
        ("Antonio Guterres", None, True),
        ("Antonio Guterres", date(2010, 1, 1), False),
        ("Guterres", date(2021, 10, 11), False),
    ],
)
def test_actor_known_people_lookup_by_date(name: str, day: date | None, found: bool) -> None:
    assert (load_lexicon().person(name, on=day) is not None) is found


@pytest.mark.parametrize(("stem", "column"), [("titles", "title"), ("groups", "term")])
def test_actor_data_terms_are_unique(stem: str, column: str) -> None:
    _, rows = read_tsv("actors", f"{stem}.tsv")
    terms = [r[column] for r in rows]
    assert sorted(t for t in set(terms) if terms.count(t) > 1) == []


@pytest.mark.parametrize(
    ("name", "day", "country", "current"),
    [
        ("Erdogan", date(2021, 3, 1), "TUR", True),
        ("Recep Tayyip Erdoğan", date(2010, 1, 1), "TUR", True),
        ("Obama", date(2021, 3, 1), "USA", False),
        ("Fu Cong", date(2020, 1, 1), None, None),  # office begins later: unknown
        ("Kim", date(2021, 3, 1), None, None),  # no short form: never a bare "Kim"
    ],
)
def test_actor_known_people_short_forms(
    name: str, day: date, country: str | None, current: bool | None
) -> None:
    found = load_lexicon().person_named(name, on=day)
    if country is None:
        assert found is None
    else:
        assert found is not None and (found[0].country, found[1]) == (country, current)


def test_actor_known_people_short_forms_are_not_shared() -> None:
    owners: dict[str, set[str]] = {}
    for person in load_lexicon().people:
        for form in person.short:
            owners.setdefault(form, set()).add(person.name)
    assert {f: n for f, n in owners.items() if len(n) > 1} == {}
