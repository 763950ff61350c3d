"""docs/codebook.md cannot drift: every column, type, export field, code and command is in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

from communique.cli import app
from communique.data import read_tsv
from communique.store.export import GDELT_COLUMNS
from communique.store.schema import TABLES, columns

CODEBOOK = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"
STORE_COMMANDS = (
    "ingest",
    "info",
    "events",
    "dyads",
    "amounts",
    "agreements",
    "articles",
    "export",
)


def _section(title: str) -> str:
    text = CODEBOOK.read_text("utf-8")
    start = text.index(title)
    nxt = re.search(r"^#{2,3} ", text[start + len(title) :], flags=re.M)
    return text[start : start + len(title) + (nxt.start() if nxt else len(text))]


def _documented_columns(table: str) -> dict[str, str]:
    rows = re.findall(r"^\| `([a-z_0-9]+)` \| ([A-Z]+) \|", _section(f"### Table `{table}`"), re.M)
    return dict(rows)


@pytest.mark.parametrize("table", [*TABLES, "_migrations"])
def test_codebook_complete_every_column_with_its_type(table: str) -> None:
    if table == "_migrations":
        want = {"seq": "INTEGER", "name": "VARCHAR", "applied_at": "TIMESTAMP"}
    else:
        want = dict(columns(table))
    assert _documented_columns(table) == want


def test_codebook_complete_gdelt_columns_in_order() -> None:
    rows = re.findall(r"^\| (\d+) \| `(\w+)` \|", _section("## 6. GDELT 2.0 export"), re.M)
    assert [(int(n), c) for n, c in rows] == list(enumerate(GDELT_COLUMNS, start=1))


def test_codebook_complete_cameo_roots_and_plover_types() -> None:
    _, rows = read_tsv("taxonomy", "cameo.tsv")
    roots = _section("### CAMEO root codes")
    for row in rows:
        if len(row["code"]) == 2:
            assert f"| {row['code']} | {row['label']} | {row['quad']} |" in roots
    plover = _section("### PLOVER event types")
    for kind in {r["plover"] for r in rows if r.get("plover")}:
        assert f"`{kind}`" in plover


def test_codebook_complete_dyads_columns(tmp_path: Path) -> None:
    import communique

    with communique.open("duckdb:///:memory:") as store:
        cols = list(store.dyads().columns)
    documented = re.findall(r"^\| `(\w+)` \|", _section("### Columns of `communique dyads`"), re.M)
    assert documented == cols


@pytest.mark.parametrize("command", STORE_COMMANDS)
def test_codebook_complete_every_store_command_documented(command: str) -> None:
    cli = get_command(app)
    assert command in cli.commands  # type: ignore[attr-defined]
    assert cli.commands[command].help  # type: ignore[attr-defined]
    assert f"`communique {command}" in _section("## 7. Other exports and queries")
