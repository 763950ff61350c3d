"""The CAMEO taxonomy table and the event lexicon are well-formed data."""

from __future__ import annotations

import pytest

from communique.data import data_path, read_yaml
from communique.extract._event_lexicon import compile_lexicon, load_lexicon
from communique.extract.taxonomy import all_codes, cameo_info, pentaclass

_QUAD = {
    **dict.fromkeys(range(1, 6), 1),
    **dict.fromkeys(range(6, 9), 2),
    **dict.fromkeys(range(9, 14), 3),
    **dict.fromkeys(range(14, 21), 4),
}


@pytest.mark.parametrize("code", all_codes())
def test_taxonomy_code_consistent(code: str) -> None:
    info = cameo_info(code)
    assert code.isdigit() and 2 <= len(code) <= 4
    assert info.root == code[:2]
    assert info.quad == _QUAD[int(info.root)]
    assert -10.0 <= info.goldstein <= 10.0
    assert info.name
    if len(code) > 2:
        assert info.root in all_codes()  # every code's root is itself in the table
    if info.root == "01":
        assert info.plover in (None, "REJECT", "SUPPORT", "AGREE")
    else:
        assert info.plover is not None


def test_taxonomy_has_version_and_every_root() -> None:

    assert data_path("taxonomy", "cameo.tsv").read_text("utf-8").startswith("# version:")
    roots = {cameo_info(c).root for c in all_codes()}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize(
    ("code", "plover", "goldstein"),
    [
        ("057", "SUPPORT", 8.0),
        ("163", "COERCE", -8.0),
        ("175", "ASSAULT", -9.0),
        ("0874", "RETREAT", 10.0),
        ("081", "CONCEDE", 5.0),
        ("016", "REJECT", -2.0),
        ("020", "REQUEST", 3.0),
        ("010", None, 0.0),
        ("192", "COERCE", -9.5),
    ],
)
def test_taxonomy_coding_rules(code: str, plover: str | None, goldstein: float) -> None:
    info = cameo_info(code)
    assert (info.plover, info.goldstein) == (plover, goldstein)


@pytest.mark.parametrize(
    ("code", "group"), [("044", 1), ("020", 0), ("062", 2), ("112", 3), ("163", 3), ("190", 4)]
)
def test_taxonomy_pentaclass(code: str, group: int) -> None:
    assert pentaclass(code) == group


def test_taxonomy_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        cameo_info("999")


def test_lexicon_entries_wellformed() -> None:
    data = read_yaml("lexicon", "events.yml")
    assert isinstance(data, dict) and "version" in data
    ids = [e["id"] for e in data["entries"]]
    assert len(ids) == len(set(ids))
    lex = load_lexicon()
    for entry in lex.entries:
        cameo_info(entry.code)
        assert entry.lemmas, entry.id
        assert entry.kind in ("verb", "noun", "light", "modal")
    anaphora = [a.id for a in lex.anaphora]
    assert anaphora and len(set(anaphora) | set(ids)) == len(anaphora) + len(ids)
    for anaphor in lex.anaphora:
        assert anaphor.nouns and all(r.isdigit() and len(r) == 2 for r in anaphor.roots)


@pytest.mark.parametrize(
    "bad",
    [
        {
            "version": 1,
            "entries": [
                {"id": "a", "kind": "verb", "lemmas": ["x"], "code": "040"},
                {"id": "a", "kind": "verb", "lemmas": ["y"], "code": "040"},
            ],
        },
        {"version": 1, "entries": [{"id": "a", "kind": "verb", "lemmas": ["x"], "code": "999"}]},
        {"version": 1, "entries": [{"id": "a", "kind": "light", "lemmas": ["x"], "code": "040"}]},
        {"version": 1, "entries": [{"id": "a", "kind": "adverb", "lemmas": ["x"], "code": "040"}]},
        # YAML reads a bare `on` as True: a word list must hold strings only
        {"version": 1, "entries": [{"id": "a", "kind": "verb", "lemmas": ["call"], "preps": [True],
                                    "code": "020"}]},
        {"version": 1, "entries": [], "anaphora": [{"id": "b", "nouns": ["step"], "roots": [16]}]},
        {"version": 1, "entries": [], "anaphora": [{"id": "b", "nouns": [], "roots": ["16"]}]},
    ],
)
def test_lexicon_rejects_bad_entries(bad: dict[str, object]) -> None:
    with pytest.raises((ValueError, KeyError)):
        compile_lexicon(bad)
