"""Corpora stream: reading a 10 MB JSONL or CSV corpus never holds more than a record or so."""

from __future__ import annotations

import csv
import json
import tracemalloc
from pathlib import Path

import pytest

from communique.ingest import iter_articles
from communique.records import Article

RECORDS = 1_200
TEXT = "Ministers of Chad and Niger met in N'Djamena to discuss border security and trade. " * 100


def _jsonl(path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for n in range(RECORDS):
            fh.write(json.dumps({"id": str(n), "text": TEXT, "published": "2022-04-01"}) + "\n")


def _csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "published", "text"])
        for n in range(RECORDS):
            writer.writerow([str(n), "2022-04-01", TEXT])


@pytest.mark.parametrize(("name", "write"), [("corpus.jsonl", _jsonl), ("corpus.csv", _csv)])
def test_memory_corpus_streams_in_bounded_memory(tmp_path: Path, name: str, write: object) -> None:
    path = tmp_path / name
    write(path)  # type: ignore[operator]
    size = path.stat().st_size
    assert size > 9_000_000
    tracemalloc.start()
    try:
        count = 0
        for item in iter_articles([str(path)]):
            assert isinstance(item, Article)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == RECORDS
    # A whole-file load would peak above the file size; streaming stays near one record.
    assert peak < size / 10, f"peak {peak:,} bytes for a {size:,}-byte corpus"
