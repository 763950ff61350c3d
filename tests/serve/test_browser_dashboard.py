"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright.

On the demo corpus (ingested by ``communique demo --no-serve``): the dyad view's chart and table
show the store's numbers, an event's evidence link opens its article with the sentence
highlighted, the map draws the world outline and the event locations, and an article carrying
``<script>`` and event-handler attributes (posted to the ingest endpoint, through the real
pipeline) runs nothing on any page. Screenshots of the dyad and article views go to the test's
temporary folder, and to ``$COMMUNIQUE_SCREENSHOTS`` when set (docs/screenshots/ has them).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from servedocs import IMG, SCRIPT, documents
from spacy.language import Language
from typer.testing import CliRunner

import communique
from communique.cli import app as cli
from communique.serve import create_app
from communique.serve.app import OUTLINE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "browser-test-token"
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
HIGHLIGHT = "rgb(255, 243, 176)"  # .hl-event.current in app.css
HOSTILE_POST = (
    "Turkish Foreign Minister Mevlut Cavusoglu met Azerbaijani Foreign Minister Jeyhun Bayramov "
    f"in Baku on Monday. {SCRIPT} The talks <img src=x onerror=\"alert('xss')\"> covered "
    "trade. <svg onload=\"window.__xss='svg'\"></svg> Officials said <a href=\"javascript:"
    "window.__xss='href'\">more</a> talks would follow."
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    path = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--no-progress", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def web_app(demo_db: Path) -> FastAPI:
    return create_app(demo_db, token=TOKEN)


@pytest.fixture(scope="module")
def server(web_app: FastAPI) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver; "
                    ".ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []  # console errors (CSP violations among them), page errors, dialogs
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))

    def dialog(d: Any) -> None:
        pg.problems.append(f"dialog: {d.message}")
        d.dismiss()

    pg.on("dialog", dialog)
    yield pg
    context.close()


def shot(pg: Any, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    pg.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 10_000
    if os.environ.get("COMMUNIQUE_SCREENSHOTS"):
        target = Path(os.environ["COMMUNIQUE_SCREENSHOTS"])
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, target / name)
    return out


def open_dyad(pg: Any, server: str, a: str, b: str) -> None:
    pg.goto(f"{server}/dyad/{a}/{b}")
    pg.wait_for_selector("body[data-charts=ready]", timeout=15_000)


def test_browser_dyad_view_shows_the_stores_numbers(
    page: Any, server: str, demo_db: Path, tmp_path: Path
) -> None:
    open_dyad(page, server, "AZE", "TUR")
    with communique.open(demo_db, read_only=True) as st:
        months = st.dyads(country="AZE")
        months = months[(months.country_a == "AZE") & (months.country_b == "TUR")]
        events = list(st.events(dyad="AZE,TUR", limit=50).event_id)
        amounts = st.amounts(country="AZE")
        agreements = st.agreements(country="AZE")
    assert len(months) >= 3 and len(events) >= 5  # the demo has a real AZE-TUR story
    bars = page.eval_on_selector_all(
        "#monthly rect.bar", "els => els.map(e => [e.dataset.month, +e.dataset.quad, "
        "+e.dataset.count])")
    want = [
        (row.month, q, int(getattr(row, key)))
        for row in months.itertuples()
        for q, key in ((1, "verbal_coop"), (2, "material_coop"), (3, "verbal_conflict"),
                       (4, "material_conflict"))
        if getattr(row, key)
    ]
    assert sorted(map(tuple, bars)) == sorted(want)
    dots = page.eval_on_selector_all(
        "#monthly circle.gold-dot", "els => els.map(e => [e.dataset.month, +e.dataset.goldstein])")
    assert [m for m, _ in dots] == list(months.month)
    assert [g for _, g in dots] == pytest.approx(list(months.mean_goldstein))
    assert page.get_attribute("#monthly svg", "data-total") == str(int(months.events.sum()))
    rows = page.eval_on_selector_all("#event-table tbody tr[data-event-id]",
                                     "els => els.map(e => e.dataset.eventId)")
    assert rows == events
    both = [p for p in amounts.parties if '"AZE"' in p and '"TUR"' in p]
    assert page.locator("#amounts .pt-actual, #amounts .pt-target, #amounts .pt-forecast").count() \
        == len(both)
    targets = sum(1 for p, k in zip(amounts.parties, amounts.kind, strict=True)
                  if '"AZE"' in p and '"TUR"' in p and k == "target")
    assert page.locator("#amounts .pt-target").count() == targets
    assert page.locator("#amounts text.target-label").count() == targets
    signed = [p for p in agreements.parties if '"AZE"' in p and '"TUR"' in p]
    assert page.locator("#timeline circle.tl-mark").count() == len(signed)
    shot(page, tmp_path, "dyad-view.png")
    assert page.problems == []


def test_browser_evidence_link_opens_the_highlighted_sentence(
    page: Any, server: str, demo_db: Path, tmp_path: Path
) -> None:
    open_dyad(page, server, "AZE", "TUR")
    with communique.open(demo_db, read_only=True) as st:
        ev = st.events(dyad="AZE,TUR", place="Belgrade").iloc[0]
    row = page.locator(f"#event-table tr[data-event-id='{ev.event_id}']")
    row.locator("a.evidence").click()
    page.wait_for_url("**/article/*#ev-*")
    page.wait_for_selector("body[data-current]")
    current = page.locator(".hl-event.current")
    assert current.count() >= 1
    text = " ".join(current.all_inner_texts())
    assert "Belgrade" in text and ev.source_name.split()[-1] in text
    colour = current.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == HIGHLIGHT
    kinds = page.eval_on_selector_all(
        "#article-text a.hl", "els => [...new Set(els.flatMap(e => [...e.classList]))]")
    assert {"hl-actor", "hl-place", "hl-time"} <= set(kinds)
    # each highlight links to its record in the page
    first = page.locator("#article-text a.hl-actor").first
    href = first.get_attribute("href")
    assert href.startswith("#rec-actor-") and page.locator(href).count() == 1
    shot(page, tmp_path, "article-view.png")
    assert page.problems == []


def test_browser_map_draws_outline_and_locations(page: Any, server: str) -> None:
    page.goto(f"{server}/map")
    page.wait_for_selector("body[data-charts=ready]", timeout=15_000)
    points = httpx.get(f"{server}/map.json").json()["points"]
    assert page.locator("#map circle.pt").count() == len(points) > 5
    outline = int(page.get_attribute("#map svg", "data-outline") or 0)
    if OUTLINE.is_file():
        assert outline > 150  # Natural Earth 1:110m has 177 countries
    else:
        assert outline == 0 and "make vendor" in page.inner_text("#map figcaption")
    assert page.problems == []


def test_browser_hostile_article_runs_nothing(page: Any, server: str, web_app: FastAPI) -> None:
    # Hostile actor and place names too: a hand-built document, written through the server's
    # own writer (this test runs last, so the other pages show the demo corpus alone).
    with web_app.state.reader.write() as st:
        st.ingest_documents([documents()[-1]])
    r = httpx.post(f"{server}/api/ingest", timeout=120,
                   headers={"authorization": f"Bearer {TOKEN}"},
                   json={"articles": [{"text": HOSTILE_POST, "published": "2024-05-06",
                                       "title": f"{SCRIPT}{IMG} report"}]})
    assert r.status_code == 200 and r.json()["added"] == 1, r.text
    found = httpx.get(f"{server}/articles.json", params={"search": "onerror"}).json()["rows"]
    assert len(found) == 2  # the posted one and the hand-built one
    urls = [row["url"] for row in found]
    urls += ["/articles", "/events?actor=Cavusoglu", "/dyad/AZE/TUR", "/dyad/TUR/AZE",
             "/places", "/actors", "/map", "/country/AZE"]
    for url in urls:
        page.goto(server + url)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, url
        injected = page.evaluate(
            "document.querySelectorAll('[onerror],[onload],[onmouseover],img[src=x]').length")
        assert injected == 0, url
        scripts = page.eval_on_selector_all("script", "els => els.map(e => e.src)")
        assert all(s.startswith(f"{server}/static/") for s in scripts), (url, scripts)
        assert page.problems == [], url
    page.goto(server + found[0]["url"])
    assert "<script>window.__xss" in page.inner_text("#article-text")  # shown, as text
