"""The fetcher against a real HTTP server on 127.0.0.1: pages, a feed, retries, timeouts."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from communique.ingest.fetch import Fetcher, FetchOptions, iter_urls
from communique.records import Article, ItemError

PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2023-05-04"></head><body><article>
<h1>{title}</h1><p>{body}</p><p>Officials in both capitals welcomed the outcome of the talks,
which lasted more than three hours and covered energy, transport and border security.</p>
</article></body></html>"""
BODIES = {
    "/news/meeting.html": (
        "Ministers meet in Baku",
        "Kazakhstan's foreign minister met his "
        "Azerbaijani counterpart in Baku on Thursday to discuss a transit corridor.",
    ),
    "/news/call.html": (
        "Leaders hold a call",
        "The presidents of Serbia and Hungary spoke by phone "
        "on Wednesday about gas deliveries through the TurkStream pipeline.",
    ),
}
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Ministers meet</title><link>{base}/news/meeting.html</link>
<pubDate>Thu, 04 May 2023 10:00:00 GMT</pubDate></item>
<item><title>Call</title><link>{base}/news/call.html</link></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: str, ctype: str = "text/html") -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path in BODIES:
            title, body = BODIES[self.path]
            self._send(200, PAGE.format(title=title, body=body))
        elif self.path == "/feed.xml":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            self._send(200, FEED.format(base=base), "application/rss+xml")
        elif self.path == "/flaky.html":
            if self.hits[self.path] == 1:
                self._send(500, "try again")
            else:
                self._send(200, PAGE.format(title="Flaky", body=BODIES["/news/call.html"][1]))
        elif self.path == "/slow.html":
            time.sleep(1.0)
            self._send(200, PAGE.format(title="Slow", body="late"))
        else:
            self._send(404, "missing")


@pytest.fixture()
def server() -> Iterator[str]:
    _Handler.hits = {}
    _Handler.agents = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


OPTS = FetchOptions(
    user_agent="communique-test/1", timeout=0.4, retries=1, per_host_delay=0.0, backoff=0.0
)


def test_fetch_loopback_page_becomes_article(server: str) -> None:
    (item,) = list(iter_urls([f"{server}/news/meeting.html"], options=OPTS))
    assert isinstance(item, Article)
    assert "transit corridor" in (item.text or "")
    assert item.published == "2023-05-04" and item.title == "Ministers meet in Baku"
    assert item.source == f"{server}/news/meeting.html"
    assert _Handler.agents == ["communique-test/1"]


def test_fetch_loopback_feed_yields_each_entry(server: str) -> None:
    items = list(iter_urls([f"{server}/feed.xml"], options=OPTS))
    assert [type(i) for i in items] == [Article, Article]
    assert [i.source for i in items] == [f"{server}/news/meeting.html", f"{server}/news/call.html"]


def test_fetch_loopback_500_is_retried(server: str) -> None:
    (item,) = list(iter_urls([f"{server}/flaky.html"], options=OPTS))
    assert isinstance(item, Article)
    assert _Handler.hits["/flaky.html"] == 2


@pytest.mark.parametrize(
    "path,code,words",
    [("/slow.html", "I008", "timed out"), ("/gone.html", "I007", "HTTP 404")],
)
def test_fetch_loopback_failures_are_item_errors(
    server: str, path: str, code: str, words: str
) -> None:
    (item,) = list(iter_urls([f"{server}{path}"], options=OPTS))
    assert isinstance(item, ItemError)
    assert item.code == code and words in item.message


def test_fetch_loopback_per_host_delay_spaces_requests(server: str) -> None:
    waits: list[float] = []
    opts = FetchOptions(timeout=2.0, retries=0, per_host_delay=5.0)
    with Fetcher(options=opts, sleep=waits.append) as fetcher:
        fetcher.get(f"{server}/news/meeting.html")
        fetcher.get(f"{server}/news/call.html")
    assert len(waits) == 1 and 4.0 < waits[0] <= 5.0


def test_fetch_loopback_cli_ingests_a_feed(server: str, nlp: object, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import communique
    from communique.cli import app

    db = tmp_path / "feed.duckdb"
    args = ["ingest", f"{server}/feed.xml", f"{server}/gone.html", "--db", str(db), "--no-progress"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output  # the 404 page failed, the feed's pages did not
    assert "ingested 2 article(s)" in result.output and "I007" in result.output
    with communique.open(db, read_only=True) as store:
        arts = store.articles()
        assert sorted(arts.source) == [f"{server}/news/call.html", f"{server}/news/meeting.html"]
        assert set(arts.outlet) == {"127.0.0.1"}
        assert store.errors().source.tolist() == [f"{server}/gone.html"]


def test_fetch_options_from_partial_config_keeps_defaults() -> None:
    opts = FetchOptions.from_config({"fetch": {"timeout": 3}})
    assert opts.timeout == 3.0
    assert opts.retries == FetchOptions().retries
    assert opts.user_agent.startswith("communique/")
    assert FetchOptions.from_config({}) == FetchOptions()
