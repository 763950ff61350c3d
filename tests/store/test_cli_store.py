"""The store commands end to end (in-process), on two short demo reports and a bad file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from communique.cli import app

DEMO = Path(__file__).resolve().parents[2] / "demo" / "articles"
PAIR = (
    "caspian-herald/2021-10-11-aze-tur-belgrade-meeting.txt",
    "bosphorus-daily/2021-10-11-tur-aze-ministers-talks.txt",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for rel in PAIR:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEMO / rel, root / rel)
    (root / "broken").mkdir()
    (root / "broken" / "empty.txt").write_text("   \n", "utf-8")
    return root


@pytest.fixture(scope="module")
def db(corpus: Path, nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(path), "--no-progress"])
    assert result.exit_code == 1, result.output  # the empty file failed
    assert "I001" in result.output and "ingested 2 article(s)" in result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_store_ingest_again_changes_nothing(db: Path, corpus: Path) -> None:
    before = run("info", "--db", str(db))
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--no-progress"])
    assert "ingested 0 article(s), skipped 2 already stored" in result.output
    assert run("info", "--db", str(db)) == before
    assert "ingest_errors: 1" in before and "0001_initial_tables" in before


def test_cli_store_store_url_names_the_backend(db: Path) -> None:
    assert run("info", "--store", f"duckdb://{db}") == run("info", "--db", str(db))
    result = CliRunner().invoke(app, ["info", "--store", "postgres://host/db"])
    assert result.exit_code == 2 and "not available" in result.output


@pytest.mark.parametrize("command", ["events", "dyads", "amounts", "agreements", "articles"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "table"])
def test_cli_store_query_formats(db: Path, tmp_path: Path, command: str, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    run(command, "--db", str(db), "--format", fmt, "--output", str(out))
    if fmt == "csv":
        frame = pd.read_csv(out) if out.read_text("utf-8").strip() else pd.DataFrame()
    elif fmt == "jsonl":
        lines = out.read_text("utf-8").splitlines()
        frame = pd.DataFrame([json.loads(line) for line in lines if line.strip()])
    elif fmt == "parquet":
        frame = pd.read_parquet(out)
    else:
        assert f"{command}:" in out.read_text("utf-8")
        return
    if command == "articles":
        assert len(frame) == 2


def test_cli_store_export_gdelt_has_61_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    run("export", "--db", str(db), "--format", "gdelt", "--output", str(out))
    lines = out.read_text("utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)


def test_cli_store_events_dyad_filter_and_mentions(db: Path) -> None:
    rows = [json.loads(x) for x in run("events", "--db", str(db), "--format", "jsonl").splitlines()]
    dyad = [
        json.loads(x)
        for x in run(
            "events", "--db", str(db), "--dyad", "TUR,AZE", "--format", "jsonl"
        ).splitlines()
    ]
    assert all({r["source_country"], r["target_country"]} == {"AZE", "TUR"} for r in dyad)
    assert len(dyad) <= len(rows)
    mentions = run("events", "--db", str(db), "--mentions", "--format", "jsonl").splitlines()
    assert len(mentions) >= len(rows)


def test_cli_store_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store" in result.output


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--engine", "spark"], "unknown engine 'spark'"),
        (["--workers", "0"], "at least 1"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "needs --engine dask"),
    ],
)
def test_cli_store_bad_engine_options_are_refused(
    tmp_path: Path, corpus: Path, option: list[str], message: str
) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", str(tmp_path / "x.duckdb"), *option]
    )
    assert result.exit_code == 2 and message in result.output


def test_cli_store_codebook_example_two_outlets_one_meeting(db: Path) -> None:
    """The codebook's worked example: the Belgrade meeting from two outlets is one event."""
    out = run("events", "--db", str(db), "--min-sources", "2", "--mentions", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len({r["event_id"] for r in rows}) == 1 and len(rows) == 2
    assert {r["outlet"] for r in rows} == {"caspian-herald", "bosphorus-daily"}
    reason = rows[1]["merge_reason"]
    assert "root 04" in reason and "(either order)" in reason and "place Belgrade" in reason
