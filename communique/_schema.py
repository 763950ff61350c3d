"""The JSON Schema of the document record, generated from the typed records.

The committed copy (``communique/data/schema/document.schema.json``) is what outside tools
validate against; ``python -m communique._schema`` rewrites it, and a test fails when it drifts
from the records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .records import Document

__all__ = ["SCHEMA_PATH", "document_schema"]

SCHEMA_PATH = Path(__file__).parent / "data" / "schema" / "document.schema.json"


def document_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one ``extract`` output line."""
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    # article.text is printed only with --with-text: present or absent, never required.
    article = schema["$defs"]["Article"]
    article["required"] = [f for f in article["required"] if f != "text"]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Communique document record (communique/1)"
    return schema


if __name__ == "__main__":
    SCHEMA_PATH.write_text(json.dumps(document_schema(), indent=2, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {SCHEMA_PATH}")
