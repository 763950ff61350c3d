"""The scale engines' Parquet dataset: layout, direct reads, and loading into a store equal to
ingesting the same documents batch by batch (hand-built documents; no model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from scaledocs import document

import communique
from communique.records import Document, ItemError
from communique.scale import is_dataset, load_parquet, write_partition
from communique.store import Store
from communique.store.schema import TABLES, columns

ERROR = ItemError(source="corpus/bad.jsonl:3", code="I004", message="malformed record")


def table_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in key order, without the timestamps the database sets."""
    out = {}
    for table in TABLES:
        names = [n for n, dtype in columns(table) if dtype != "TIMESTAMP"]
        out[table] = store.conn.execute(
            f"SELECT {', '.join(names)} FROM {table} ORDER BY ALL"
        ).fetchall()
    return out


def write(out: Path, parts: list[list[Document | ItemError]]) -> None:
    for index, part in enumerate(parts):
        write_partition(part, out, index=index)


@pytest.fixture()
def docs() -> list[Document]:
    return [document(n) for n in range(10)]


def test_parquet_layout_is_hive_by_publication_month(tmp_path: Path, docs: list[Document]) -> None:
    write(tmp_path, [[*docs[:5], ERROR], docs[5:]])
    months = sorted(p.name for p in (tmp_path / "event_mentions").iterdir())
    assert months == ["month=2023-01", "month=2023-02", "month=2023-03", "month=unknown"]
    assert sorted(p.name for p in (tmp_path / "articles" / "month=unknown").iterdir()) == [
        "part-000001-0.parquet"  # article 6 (no date) is in the second partition
    ]
    assert [p.name for p in (tmp_path / "ingest_errors").iterdir()] == ["part-000000.parquet"]
    assert is_dataset(tmp_path) and not is_dataset(tmp_path / "articles")


def test_parquet_read_directly_by_duckdb_and_pandas(tmp_path: Path, docs: list[Document]) -> None:
    write(tmp_path, [docs[:4], docs[4:]])
    glob = str(tmp_path / "event_mentions" / "*" / "*.parquet")
    con = duckdb.connect()
    by_month = con.execute(
        f"SELECT month, count(*) FROM read_parquet('{glob}', hive_partitioning=true) "
        "GROUP BY month ORDER BY month"
    ).fetchall()
    assert by_month == [("2023-01", 6), ("2023-02", 6), ("2023-03", 6), ("unknown", 2)]
    frame = pd.read_parquet(tmp_path / "articles")
    assert len(frame) == 10 and set(frame["month"].astype(str)) >= {"2023-01", "unknown"}
    names = [n for n, _ in columns("articles")]
    assert list(frame.columns) == [*names, "month"]


def test_parquet_load_equals_batch_ingest(tmp_path: Path, docs: list[Document]) -> None:
    write(tmp_path, [[*docs[:3], ERROR], docs[3:7], docs[7:]])
    with communique.open("duckdb:///:memory:") as loaded, communique.open(
        "duckdb:///:memory:"
    ) as ingested:
        result = load_parquet(loaded, tmp_path)
        ingested.ingest_documents([*docs[:3], ERROR, *docs[3:]], batch_size=4)
        assert (result.added, result.skipped, result.failed) == (10, 0, 1)
        assert table_rows(loaded) == table_rows(ingested)
        assert loaded.counts()["events"] > 0


def test_parquet_load_twice_changes_nothing(tmp_path: Path, docs: list[Document]) -> None:
    write(tmp_path, [docs])
    with communique.open("duckdb:///:memory:") as store:
        load_parquet(store, tmp_path)
        before = table_rows(store)
        again = load_parquet(store, tmp_path)
        assert (again.added, again.skipped) == (0, 10)
        assert table_rows(store) == before


def test_parquet_duplicate_article_keeps_the_first(tmp_path: Path) -> None:
    first, repeat = document(1, source="a/first.txt"), document(1, source="b/repeat.txt")
    assert first.article.id == repeat.article.id
    write(tmp_path, [[document(0)], [first, repeat], [repeat]])
    with communique.open("duckdb:///:memory:") as loaded, communique.open(
        "duckdb:///:memory:"
    ) as ingested:
        load_parquet(loaded, tmp_path)
        ingested.ingest_documents([document(0), first, repeat, repeat])
        assert table_rows(loaded) == table_rows(ingested)
        sources = loaded.conn.execute("SELECT source FROM articles ORDER BY 1").fetchall()
        assert ("a/first.txt",) in sources and ("b/repeat.txt",) not in sources


def test_parquet_load_refuses_other_folders(tmp_path: Path) -> None:
    with communique.open("duckdb:///:memory:") as store, pytest.raises(
        communique.CommuniqueError, match="not a Communique Parquet dataset"
    ):
        load_parquet(store, tmp_path)
