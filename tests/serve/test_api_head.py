"""HEAD requests get GET's status and headers without a body, on pages, JSON twins and errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from servedocs import build_store

from communique.serve import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db: Path = build_store(tmp_path_factory.mktemp("head") / "s.duckdb")
    with TestClient(create_app(db, cache=0)) as c:
        yield c


@pytest.mark.parametrize(
    "path",
    ["/", "/events.json", "/dyad/AZE/TUR", "/dyad/AZE/TUR.json", "/health", "/static/app.css",
     "/event/nonexistent", "/nowhere"],
)
def test_head_matches_get_without_body(client: TestClient, path: str) -> None:
    got, head = client.get(path), client.head(path)
    assert head.status_code == got.status_code != 405
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


def test_head_is_no_way_around_post_only_routes(client: TestClient) -> None:
    assert client.head("/api/ingest").status_code in (404, 405)
