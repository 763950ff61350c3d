"""Ingest behaviour: idempotent, one event per real-world event, resumable, order-free."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from storedocs import MEETING_A, document, two_outlets

import communique
from communique.records import ItemError
from communique.store.export import export


def _dump(store: communique.store.Store, tmp: Path, name: str) -> dict[str, str]:
    """Every table exported as ordered CSV (timestamps excluded): equal stores, equal dumps."""
    out = {}
    for table in communique.store.TABLES:
        path = tmp / f"{name}-{table}.csv"
        export(store, format="csv", table=table, output=path)
        out[table] = path.read_text("utf-8")
    gdelt = tmp / f"{name}.tsv"
    export(store, format="gdelt", output=gdelt)
    out["gdelt"] = gdelt.read_text("utf-8")
    return out


def test_db_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    with communique.open(tmp_path / "s.duckdb") as store:
        first = store.ingest_documents(two_outlets())
        counts = store.counts()
        again = store.ingest_documents(two_outlets())
        assert (first.added, again.added, again.skipped) == (3, 0, 3)
        assert store.counts() == counts


def test_db_ingest_same_story_two_outlets_is_one_event_two_mentions() -> None:
    with communique.open("duckdb:///:memory:") as store:
        store.ingest_documents(two_outlets())
        events = store.events(dyad="TUR,AZE")
        assert len(events) == 1
        ev = events.iloc[0]
        assert (ev.num_mentions, ev.num_articles, ev.num_sources) == (2, 2, 2)
        mentions = store.mentions(event_id=ev.event_id)
        assert list(mentions.merge_reason.str.startswith("same event")) == [False, True]
        assert "countries AZE-TUR" in mentions.merge_reason.iloc[1]
        assert len(store.events(dyad="SRB,HUN")) == 1


@pytest.mark.parametrize(
    "day,merged", [("2021-10-11", True), ("2021-10-13", True), ("2021-10-20", False)]
)
def test_db_ingest_reporting_window_decides_the_merge(day: str, merged: bool) -> None:
    docs = two_outlets()[:1] + [
        document(
            MEETING_A + " Officials confirmed the talks.",
            source="https://other.example/x",
            published="2021-10-21",
            src=("Jeyhun Bayramov", "AZE"),
            tgt=("Mevlut Cavusoglu", "TUR"),
            day=day,
        )
    ]
    with communique.open("duckdb:///:memory:") as store:
        store.ingest_documents(docs)
        assert len(store.events()) == (1 if merged else 2)


@pytest.mark.parametrize("split", [0, 1, 2])
def test_db_ingest_interrupted_then_resumed_equals_one_run(tmp_path: Path, split: int) -> None:
    docs = two_outlets()
    with communique.open(tmp_path / "one.duckdb") as one:
        one.ingest_documents(docs, batch_size=1)
        want = _dump(one, tmp_path, "one")
    path = tmp_path / "two.duckdb"
    with communique.open(path) as first:
        first.ingest_documents(docs[split : split + 1])  # the "interrupted" run got this far
    with communique.open(path) as rerun:
        result = rerun.ingest_documents(docs, batch_size=2)
        assert result.skipped == 1
        assert _dump(rerun, tmp_path, "two") == want


def test_db_ingest_any_order_gives_the_same_store(tmp_path: Path) -> None:
    dumps = []
    for n, order in enumerate(itertools.permutations(two_outlets())):
        with communique.open(tmp_path / f"{n}.duckdb") as store:
            store.ingest_documents(list(order), batch_size=1)
            dumps.append(_dump(store, tmp_path, str(n)))
    assert all(d == dumps[0] for d in dumps)


def test_db_ingest_failed_batch_rolls_back(tmp_path: Path) -> None:
    def broken():  # the pipeline dies mid-stream after two documents
        yield from two_outlets()[:2]
        raise RuntimeError("killed")

    with communique.open(tmp_path / "s.duckdb") as store:
        store.ingest_documents(two_outlets()[2:])
        with pytest.raises(RuntimeError):
            store.ingest_documents(broken(), batch_size=5)
        assert store.counts()["articles"] == 1  # the open batch is lost, the committed one kept


def test_db_ingest_errors_are_recorded_once_and_cleared_by_success() -> None:
    err = ItemError(source="https://caspian-herald.example/a1", code="I008", message="timed out")
    with communique.open("duckdb:///:memory:") as store:
        result = store.ingest_documents([err, err])
        assert result.failed == 2 and store.counts()["ingest_errors"] == 1
        assert store.errors().code.tolist() == ["I008"]
        store.ingest_documents(two_outlets()[:1])
        assert store.counts()["ingest_errors"] == 0


def _many(seed: int) -> list[communique.Document]:
    """Twenty one-event reports of three dyads over six weeks: many merge candidates."""
    import random

    rnd = random.Random(seed)
    pairs = [
        (("Ilham Aliyev", "AZE"), ("Recep Erdogan", "TUR")),
        (("Nikol Pashinyan", "ARM"), ("Ilham Aliyev", "AZE")),
        (("Aleksandar Vucic", "SRB"), ("Viktor Orban", "HUN")),
    ]
    docs = []
    for i in range(20):
        src, tgt = rnd.choice(pairs)
        day = f"2022-09-{rnd.randint(1, 30):02d}"
        text = f"Report {i}: {src[0]} met {tgt[0]} on {day} to discuss the border and energy."
        docs.append(
            document(
                text,
                source=f"https://outlet{i % 4}.example/{i}",
                published=day,
                src=src,
                tgt=tgt,
                cameo=rnd.choice(["040", "042", "043"]),
                day=day,
            )
        )
    return docs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_db_ingest_batch_resolution_equals_full_resolution(tmp_path: Path, seed: int) -> None:
    docs = _many(seed)
    with communique.open(tmp_path / "a.duckdb") as store:
        store.ingest_documents(docs, batch_size=3)
        scoped = _dump(store, tmp_path, "scoped")
        assert store.resolve_events() == store.counts()["events"]
        assert _dump(store, tmp_path, "full") == scoped
    with communique.open(tmp_path / "b.duckdb") as bulk:
        bulk.ingest_documents(docs, batch_size=7, resolve=False)
        assert bulk.counts()["events"] == len(docs)
        bulk.resolve_events()
        assert _dump(bulk, tmp_path, "bulk") == scoped
        assert bulk.counts()["events"] < len(docs)  # the test data does merge
