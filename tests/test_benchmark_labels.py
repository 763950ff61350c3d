"""The benchmarks' own label files are well-formed (they point into ../shared, hold no text)."""

from __future__ import annotations

import re
from pathlib import Path

LABELS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "geo_scope_labels.tsv"


def test_geo_scope_labels_well_formed() -> None:
    lines = LABELS.read_text("utf-8").splitlines()
    assert re.fullmatch(r"# version: \d+", lines[0])
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    assert rows[0] == ["corpus", "article", "toponym", "use"]
    seen = set()
    for corpus, article, toponym, use in rows[1:]:
        assert corpus in ("lgl", "geovirus")
        assert article.isdigit() and toponym.isdigit()
        assert use in ("territory", "actor", "demonym")
        assert (corpus, article, toponym) not in seen  # each gold toponym labelled once
        seen.add((corpus, article, toponym))
    assert len(seen) == 200
