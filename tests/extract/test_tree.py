"""Dependency distances shared by the time and amount stages."""

from __future__ import annotations

from typing import Any

from communique.extract._tree import APART, path_to_root, tree_distance


def test_tree_distance_within_and_across_sentences(nlp: Any) -> None:
    doc = nlp("Kenya signed the deal on Monday. Somalia welcomed it.")
    signed = next(t for t in doc if t.text == "signed")
    deal = next(t for t in doc if t.text == "deal")
    the = next(t for t in doc if t.text == "the")
    welcomed = next(t for t in doc if t.text == "welcomed")
    assert tree_distance(signed, signed) == 0
    assert tree_distance(deal, signed) == 1
    assert tree_distance(the, signed) == 2
    assert tree_distance(the, welcomed) == APART
    assert [t.i for t in path_to_root(the)] == [the.i, deal.i, signed.i]
