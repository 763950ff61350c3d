"""Every entry of the amounts and agreements data files is well-formed."""

from __future__ import annotations

import re
from typing import Any, cast

import pycountry
import pytest

from communique.data import read_yaml

# Currencies ISO 4217 lists that pycountry may lack in older releases are still valid codes.
_ISO = {c.alpha_3 for c in pycountry.currencies}


@pytest.mark.parametrize(
    "name", ["currencies.yml", "scales.yml", "measures.yml", "kinds.yml", "units.yml"]
)
def test_amounts_data_has_version(name: str) -> None:
    data = cast(dict[str, Any], read_yaml("amounts", name))
    assert isinstance(data["version"], int)


@pytest.mark.parametrize("section", ["prefixes", "words", "code_aliases"])
def test_amounts_data_currency_maps_to_iso4217(section: str) -> None:
    data = cast(dict[str, Any], read_yaml("amounts", "currencies.yml"))
    for key, code in data[section].items():
        assert isinstance(key, str) and key.strip() == key and key, key
        assert code in _ISO, f"{section}: {key!r} -> {code!r} is not ISO 4217"


def test_amounts_data_codes_are_iso4217() -> None:
    data = cast(dict[str, Any], read_yaml("amounts", "currencies.yml"))
    aliases = data["code_aliases"]
    for code in data["codes"]:
        assert aliases.get(code, code) in _ISO, code


def test_amounts_data_scales_are_powers_of_ten() -> None:
    data = cast(dict[str, Any], read_yaml("amounts", "scales.yml"))
    for section in ("words", "money_letters"):
        for word, mult in data[section].items():
            assert float(mult) >= 1000 and re.fullmatch(r"1(0+)", str(int(float(mult)))), word
    assert all(isinstance(a, str) and a for a in data["approximators"])


def test_amounts_data_measure_cues_are_well_formed() -> None:
    cues = cast(dict[str, Any], read_yaml("amounts", "measures.yml"))["cues"]
    ids = [c["id"] for c in cues]
    assert len(ids) == len(set(ids)), "duplicate cue id"
    for cue in cues:
        assert set(cue) == {"id", "lemmas", "measure", "units"}, cue
        assert cue["lemmas"] and all(lem == lem.lower() for lem in cue["lemmas"]), cue
        assert re.fullmatch(r"[a-z_]+", cue["measure"]), cue
        assert set(cue["units"]) <= {"money", "percent", "people", "any"}, cue


def test_amounts_data_kind_and_unit_lists_are_lemmas() -> None:
    kinds = cast(dict[str, Any], read_yaml("amounts", "kinds.yml"))
    units = cast(dict[str, Any], read_yaml("amounts", "units.yml"))
    for words in (kinds["target"], kinds["forecast"], kinds["claim"], units["people"],
                  units["things"]):
        assert all(isinstance(w, str) and w == w.lower() and w for w in words)
    assert not set(kinds["target"]) & set(kinds["forecast"])
    assert all(isinstance(v, str) and v for v in units["quantulum"].values())


def test_agreements_data_is_well_formed() -> None:
    data = cast(dict[str, Any], read_yaml("agreements", "kinds.yml"))
    assert isinstance(data["version"], int)
    kinds = {"agreement", "accord", "treaty", "declaration", "memorandum", "contract", "deal",
             "ceasefire", "pact", "protocol", "convention", "charter", "roadmap"}
    for noun, kind in data["nouns"].items():
        assert noun == noun.lower() and kind in kinds, noun
    for key in ("predicates", "topic_preps"):
        assert all(isinstance(w, str) and w == w.lower() for w in data[key]), key
