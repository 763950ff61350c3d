"""Hostile requests: security headers everywhere, no inline script or style, size limits on
queries and bodies, bound parameters, the ingest token (constant-time), the Host check."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from servedocs import build_store

import communique
from communique.records import Article, Document, ItemError
from communique.serve import create_app
from communique.serve import ingest as ingest_module
from communique.serve.guard import CSP
from communique.serve.run import LOOPBACK_HOSTS

SERVE = Path(communique.__file__).parent / "serve"
TOKEN = "s3cret-token-for-tests"


def no_extraction(items: Iterable[Article | ItemError]) -> Iterable[Document | ItemError]:
    """The ingest endpoint's pipeline for these tests: stores each article with no records
    (the real pipeline is exercised by the browser test)."""
    for item in items:
        yield item if isinstance(item, ItemError) else Document(coder="test", article=item)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("sec") / "s.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(build_store(tmp_path / "w.duckdb"), token=TOKEN, process=no_extraction,
                     max_body=64 * 1024)
    with TestClient(app) as c:
        yield c


def body(n: int = 1, text: str = "Turkey and Azerbaijan signed a deal on Monday.") -> dict:
    return {"articles": [{"text": f"{text} ({i})", "id": f"x{i}"} for i in range(n)]}


@pytest.mark.parametrize(
    "path",
    ["/", "/events.json", "/dyad/AZE/TUR", "/static/app.css", "/static/js/charts.js", "/nowhere",
     "/events.json?limit=0", "/events.json?actor=" + "x" * 300, "/events.json?q=" + "y" * 3000,
     "/openapi.json", "/health"],
)
def test_api_security_headers_on_every_response(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_api_security_csp_allows_no_inline_code() -> None:
    assert "default-src 'self'" in CSP and "unsafe" not in CSP and "frame-ancestors 'none'" in CSP


class _Inline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {k for k, _ in attrs}
        if tag == "script" and "src" not in names:
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        self.problems += [f"{tag} {k}=" for k in names if k == "style" or k.startswith("on")]


@pytest.mark.parametrize("path", ["/", "/dyad/AZE/TUR", "/country/AZE", "/map", "/events",
                                  "/articles", "/actors", "/places", "/amounts", "/agreements"])
def test_api_security_pages_have_no_inline_script_or_style(client: TestClient, path: str) -> None:
    parser = _Inline()
    parser.feed(client.get(path).text)
    assert parser.problems == []


def test_api_security_article_page_has_no_inline_script_or_style(client: TestClient) -> None:
    for row in client.get("/articles.json").json()["rows"]:
        parser = _Inline()
        parser.feed(client.get(row["url"]).text)
        assert parser.problems == [], row["title"]


def test_api_security_client_code_never_parses_html() -> None:
    for js in (SERVE / "static" / "js").glob("*.js"):
        code = js.read_text("utf-8")
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|eval\(|new Function|"
                             r"document\.write", code), js.name


@pytest.mark.parametrize(
    "query,status",
    [("actor=" + "a" * 257, 400), ("&".join(f"p{i}=1" for i in range(33)), 400),
     ("actor=%00", 400), ("actor=a%0Ab", 400), ("actor=%ff%fe", 400),
     ("&".join(f"p{i}=" + "%C3%A9" * 250 for i in range(6)), 414)],  # 9 kB, 250 chars each
)
def test_api_security_query_limits(client: TestClient, query: str, status: int) -> None:
    r = client.get(f"/events.json?{query}")
    assert r.status_code == status and r.json()["status"] == status


@pytest.mark.parametrize(
    "actor", ["'; DROP TABLE events; --", "%' OR '1'='1", "\" OR 1=1 --", "AZE') OR ('a'='a"]
)
def test_api_security_filters_are_bound_parameters(client: TestClient, actor: str) -> None:
    r = client.get("/events.json", params={"actor": actor})
    assert r.status_code == 200 and r.json()["rows"] == []
    assert client.get("/health").json()["events"] == 6


def test_api_security_read_only_by_default(client: TestClient) -> None:
    assert client.post("/api/ingest", json=body()).status_code in (404, 405)
    assert client.get("/health").json()["ingest"] is False


@pytest.mark.parametrize(
    "headers",
    [{}, {"authorization": "Bearer wrong"}, {"authorization": f"Basic {TOKEN}"},
     {"authorization": f"Bearer {TOKEN}x"}, {"authorization": f"Bearer {TOKEN[:-1]}"},
     {"authorization": "Bearer "}],
)
def test_api_security_ingest_needs_the_token(writable: TestClient, headers: dict) -> None:
    r = writable.post("/api/ingest", json=body(), headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert writable.get("/health").json()["articles"] == 5


def test_api_security_ingest_with_the_token(writable: TestClient,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = ingest_module.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(ingest_module.hmac, "compare_digest", spy)
    auth = {"authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/ingest", json=body(2), headers=auth)
    assert r.status_code == 200 and r.json() == {"added": 2, "skipped": 0, "failed": 0,
                                                 "errors": []}
    assert calls == [(TOKEN.encode(), TOKEN.encode())]  # compared in constant time
    again = writable.post("/api/ingest", json=body(2), headers=auth).json()
    assert (again["added"], again["skipped"]) == (0, 2)
    assert writable.get("/health").json()["articles"] == 7


def test_api_security_ingest_reports_bad_items(writable: TestClient) -> None:
    r = writable.post("/api/ingest", json={"articles": [{"text": "   "}, {"text": "ok."}]},
                      headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    result = r.json()
    assert [e["code"] for e in result["errors"]] == ["I001"]
    assert (result["added"], result["failed"]) == (1, 1)


def test_api_security_ingest_refuses_lone_surrogates(writable: TestClient) -> None:
    raw = b'{"articles": [{"text": "\\ud800 lone surrogate"}]}'
    r = writable.post("/api/ingest", content=raw, headers={
        "authorization": f"Bearer {TOKEN}", "content-type": "application/json"})
    assert r.status_code == 422


@pytest.mark.parametrize(
    "payload",
    [{"articles": []}, {"articles": [{"text": ""}]}, {"articles": [{"txt": "x"}]}, [],
     {"articles": [{"text": "x", "published": "2021-02-30"}]}, {"articles": [{"text": 5}]}],
)
def test_api_security_ingest_rejects_malformed_bodies(
    writable: TestClient, payload: object
) -> None:
    r = writable.post("/api/ingest", json=payload, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422


def test_api_security_body_limit_by_length(writable: TestClient) -> None:
    r = writable.post("/api/ingest", json=body(1, "x" * 70_000),
                      headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413 and r.json()["status"] == 413


def test_api_security_body_limit_when_streamed(writable: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"articles": [{"text": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'"}]}'

    r = writable.post("/api/ingest", content=chunks(),
                      headers={"authorization": f"Bearer {TOKEN}",
                               "content-type": "application/json"})
    assert r.status_code == 413


def test_api_security_host_header_checked_on_loopback(db: Path) -> None:
    with TestClient(create_app(db, allowed_hosts=LOOPBACK_HOSTS),
                    base_url="http://127.0.0.1:8000") as c:
        assert c.get("/health").status_code == 200
        assert c.get("/health", headers={"host": "localhost:8000"}).status_code == 200
        r = c.get("/health", headers={"host": "attacker.example"})
        assert r.status_code == 400 and r.headers["x-content-type-options"] == "nosniff"


def test_api_security_templates_autoescape() -> None:
    for template in (SERVE / "templates").glob("*.html"):
        text = template.read_text("utf-8")
        assert "|safe" not in text and "autoescape false" not in text, template.name


def test_api_security_reflected_parameters_are_escaped(client: TestClient) -> None:
    hostile = '"><script>alert(1)</script>'
    page = client.get("/events", params={"actor": hostile, "place": "<img src=x onerror=1>"})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&#34;&gt;&lt;script&gt;" in page.text or "&quot;&gt;&lt;script&gt;" in page.text
