"""``communique serve`` as a process: loopback by default, read-only without a token, the token
from the environment enabling the ingest endpoint."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from servedocs import build_store
from typer.testing import CliRunner

from communique.cli import app
from communique.serve.run import is_loopback


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> list[str]:
    """Local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as fh:
            for line in fh.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hexport = local.rsplit(":", 1)
                if state == "0A" and int(hexport, 16) == port:
                    found.append(address)
    return found


@pytest.fixture()
def served(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, int]]:
    db = build_store(tmp_path / "s.duckdb")
    port = _free_port()
    env = dict(os.environ, **getattr(request, "param", {}))
    proc = subprocess.Popen(
        [sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url, port
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert b"dashboard on http://127.0.0.1:" in err


def test_cli_serve_binds_loopback_read_only(served: tuple[str, int]) -> None:
    url, port = served
    assert _listening(port) == ["0100007F"]  # 127.0.0.1 only
    health = httpx.get(f"{url}/health").json()
    assert health["status"] == "ok" and health["ingest"] is False
    assert httpx.post(f"{url}/api/ingest", json={"articles": [{"text": "x"}]}).status_code == 404
    assert httpx.get(f"{url}/health", headers={"host": "rebound.example"}).status_code == 400


@pytest.mark.parametrize("served", [{"COMMUNIQUE_TOKEN": "from-the-environment"}],
                         indirect=True)
def test_cli_serve_token_from_environment(served: tuple[str, int]) -> None:
    url, _ = served
    assert httpx.get(f"{url}/health").json()["ingest"] is True
    r = httpx.post(f"{url}/api/ingest", json={"articles": [{"text": "x"}]})
    assert r.status_code == 401
    r = httpx.post(f"{url}/api/ingest", json={"articles": [{"text": "x"}]},
                   headers={"authorization": "Bearer not-it"})
    assert r.status_code == 401


def test_cli_serve_help_documents_the_options() -> None:
    out = CliRunner().invoke(app, ["serve", "--help"]).output
    for option in ("--db", "--store", "--host", "--port", "--token", "COMMUNIQUE_TOKEN"):
        assert option in out
    demo = CliRunner().invoke(app, ["demo", "--help"]).output
    assert "--no-serve" in demo and "127.0.0.1:8000" in demo


@pytest.mark.parametrize(
    "host,loopback",
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)],
)
def test_cli_serve_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_cli_serve_every_route_is_documented(tmp_path: Path) -> None:
    from communique.serve import create_app

    doc = (Path(__file__).resolve().parents[2] / "docs" / "serve.md").read_text("utf-8")
    paths = create_app(tmp_path / "x.duckdb", token="t").openapi()["paths"]
    for path in paths:
        assert f"`{path}`" in doc or f"`{path.removesuffix('.json')}`" in doc, path
