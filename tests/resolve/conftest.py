"""Fixtures of the resolution tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from communique.resolve.gazetteer import Gazetteer


@pytest.fixture()
def mini_gazetteer(tmp_path: Path) -> Callable[[str], Gazetteer]:
    """A gazetteer of the rows given (a TSV text with its header line): made-up places that
    put one resolution rule to the test."""

    def make(rows: str) -> Gazetteer:
        path = tmp_path / "mini.tsv"
        path.write_text(rows, "utf-8")
        return Gazetteer.from_tsv(path)

    return make
