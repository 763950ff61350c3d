"""The coder string's data versions: every versioned file counted once, none hiding another."""

from __future__ import annotations

from communique.data import data_path, lexicon_versions


def _version(folder: str, name: str) -> str:
    first = data_path(folder, name).read_text("utf-8").splitlines()[0]
    return first.split(":", 1)[1].strip()


def test_a_stem_two_folders_share_is_named_with_its_folder() -> None:
    versions = lexicon_versions()
    assert "countries" not in versions
    assert versions["actors/countries"] == _version("actors", "countries.tsv")
    assert versions["gazetteer/countries"] == _version("gazetteer", "countries.tsv")
    assert versions["groups"] == _version("actors", "groups.tsv")
