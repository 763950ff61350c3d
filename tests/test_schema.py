"""The committed JSON Schema matches the typed records; the Python API's output validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from communique._schema import SCHEMA_PATH, document_schema


def test_schema_committed_copy_is_current() -> None:
    committed = json.loads(SCHEMA_PATH.read_text("utf-8"))
    assert committed == document_schema(), "run: python -m communique._schema"


@pytest.mark.slow
def test_schema_sample_article_validates(sample_path: Path, nlp: object) -> None:
    import communique

    doc = communique.extract(sample_path.read_text("utf-8"), source=str(sample_path), nlp=nlp)  # type: ignore[arg-type]
    jsonschema.validate(doc.to_dict(), json.loads(SCHEMA_PATH.read_text("utf-8")))
    assert doc.article.published == "2021-10-11"
    assert doc.article.byline == "Vugar Khalilov"


def test_schema_rejects_missing_field() -> None:
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema": "communique/1", "coder": "x"}, schema)
