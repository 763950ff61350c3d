"""`communique extract`: the CLI contract of RECORDS.md (exit codes, stderr lines, formats)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from communique._schema import SCHEMA_PATH
from communique.cli import app

pytestmark = pytest.mark.slow

ARTICLE = (
    "date 2022-11-03 By Maria Costa\n\n"
    "Brazilian President Luiz Inacio Lula da Silva met Argentine President Alberto Fernandez "
    "in Buenos Aires on Wednesday. The two leaders signed a trade agreement.\n"
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def _schema() -> dict[str, object]:
    return json.loads(SCHEMA_PATH.read_text("utf-8"))


def test_cli_extract_jsonl_valid_record(runner: CliRunner, tmp_path: Path, nlp: object) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    record = json.loads(lines[0])
    jsonschema.validate(record, _schema())
    assert record["schema"] == "communique/1"
    assert record["article"]["published"] == "2022-11-03"
    assert record["article"]["byline"] == "Maria Costa"
    assert "text" not in record["article"]


def test_cli_extract_with_text_offsets_point_into_text(
    runner: CliRunner, tmp_path: Path, nlp: object
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--with-text"])
    record = json.loads(result.stdout)
    text = record["article"]["text"]
    assert text.startswith("Brazilian President")
    spans = [m for a in record["actors"] for m in a["mentions"]] + [
        e["span"] for e in record["events"]
    ]
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for actor in record["actors"]:
        for start, end in actor["mentions"]:
            assert text[start:end].strip()


def test_cli_extract_failures_exit_nonzero_others_printed(
    runner: CliRunner, tmp_path: Path, nlp: object
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    result = runner.invoke(app, ["extract", str(empty), str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 1
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 2
    assert "[I001]" in errors[0] and "empty.txt" in errors[0]
    assert "[I007]" in errors[1] and "missing.txt" in errors[1]


def test_cli_extract_json_and_table(runner: CliRunner, tmp_path: Path, nlp: object) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "1", "text": ARTICLE.split("\n\n", 1)[1], "published": "2022-11-03"},
        {
            "id": "2",
            "text": "Kenya and Ethiopia held talks in Nairobi on Monday.",
            "published": "2023-01-10",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["article"]["external_id"] for r in records] == ["1", "2"]
    table = runner.invoke(app, ["extract", str(path), "--format", "table"])
    assert table.exit_code == 0 and "Communique" in table.stdout


def test_cli_extract_published_option(runner: CliRunner, tmp_path: Path, nlp: object) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Kenya and Ethiopia held talks in Nairobi on Monday.", "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2023-01-10"])
    assert json.loads(result.stdout)["article"]["published"] == "2023-01-10"
    bad = runner.invoke(app, ["extract", str(path), "--published", "yesterday"])
    assert bad.exit_code == 2


def test_cli_help_documents_every_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name, command in ((c.name, c) for c in app.registered_commands):
        assert command.callback is not None and command.callback.__doc__, f"{name} has no help"
