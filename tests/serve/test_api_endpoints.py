"""Every endpoint in-process (TestClient) on a hand-built store: the JSON twins say what the store
says, the pages render it, and each page's JSON twin is the page's own view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from servedocs import HOSTILE, build_store

import communique
from communique.serve import create_app
from communique.store import Store

PAGES = [
    "/", "/dyad/AZE/TUR", "/dyad/aze/all", "/country/AZE", "/countries", "/dyads", "/map",
    "/events", "/articles", "/amounts", "/agreements", "/actors", "/places",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("serve") / "s.duckdb")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def store(db: Path, client: TestClient) -> Iterator[Store]:
    with communique.open(db, read_only=True) as st:
        yield st


def ids(store: Store) -> tuple[str, str]:
    """The Belgrade meeting's event and article."""
    ev = store.events(actor="Bayramov")
    return str(ev.event_id[0]), str(ev.first_article_id[0])


@pytest.mark.parametrize("path", PAGES)
def test_api_endpoints_page_and_twin(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = ("/index" if path == "/" else path) + ".json"
    data = client.get(twin)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    assert f'href="{twin}"' in page.text  # every page links its twin
    negotiated = client.get(path, headers={"accept": "application/json"})
    assert negotiated.json() == data.json()


def test_api_endpoints_event_and_article_pages(client: TestClient, store: Store) -> None:
    event_id, article_id = ids(store)
    for path in (f"/event/{event_id}", f"/article/{article_id}"):
        assert client.get(path).status_code == 200
        assert client.get(path + ".json").json() == client.get(
            path, headers={"accept": "application/json"}).json()


def test_api_endpoints_health(client: TestClient, store: Store) -> None:
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["ingest"] is False
    assert health["events"] == store.counts()["events"]


def test_api_endpoints_health_without_store(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none.duckdb")) as c:
        assert c.get("/health").json()["status"] == "no store"
        r = c.get("/events.json")
        assert r.status_code == 503 and "no store" in r.json()["error"]
    assert not (tmp_path / "none.duckdb").exists()  # reading never creates a store


def test_api_endpoints_dyad_numbers_match_the_store(client: TestClient, store: Store) -> None:
    page = client.get("/dyad/TUR/AZE.json").json()
    want = store.dyads(country="AZE")
    want = want[(want.country_a == "AZE") & (want.country_b == "TUR")]
    assert [m["month"] for m in page["months"]] == list(want.month)
    for m, (_, w) in zip(page["months"], want.iterrows(), strict=True):
        assert (m["events"], m["verbal_coop"], m["material_coop"], m["verbal_conflict"],
                m["material_conflict"]) == (w.events, w.verbal_coop, w.material_coop,
                                            w.verbal_conflict, w.material_conflict)
        assert m["mean_goldstein"] == pytest.approx(w.mean_goldstein)
    assert page["totals"]["events"] == int(want.events.sum())
    assert [e["event_id"] for e in page["events"]] == list(store.events(dyad="AZE,TUR").event_id)
    assert {a["kind"] for a in page["amounts"]} == {"actual", "target"}
    assert [g["name"] for g in page["agreements"]] == ["Shusha Declaration"]
    assert page["events_url"] == "/events?dyad=TUR%2CAZE"


def test_api_endpoints_dyad_with_all_partners(client: TestClient) -> None:
    page = client.get("/dyad/AZE/all.json").json()
    assert page["b"] is None
    assert page["totals"]["events"] == 5  # 3 with TUR, 1 hostile with TUR, 1 with ARM
    assert page["totals"]["material_conflict"] == 1


def test_api_endpoints_country_partners_ranked(client: TestClient) -> None:
    page = client.get("/country/aze.json").json()
    assert [(p["country"]["code"], p["events"], p["cooperation"], p["conflict"])
            for p in page["partners"]] == [("TUR", 4, 3, 1), ("ARM", 1, 0, 1)]
    assert page["country"] == {"code": "AZE", "name": "Azerbaijan"}


@pytest.mark.parametrize(
    "query,count",
    [("", 6), ("dyad=TUR,AZE", 4), ("country=arm", 1), ("actor=bayramov", 1), ("root=19", 1),
     ("cameo=04,19", 4), ("plover=consult", 3), ("status=planned", 0), ("place=belgr", 1),
     ("since=2022-01-01", 4), ("until=2021-10-05", 1), ("min_sources=2", 0)],
)
def test_api_endpoints_events_filters_are_the_clis(
    client: TestClient, store: Store, query: str, count: int
) -> None:
    rows = client.get(f"/events.json?{query}").json()["rows"]
    assert len(rows) == count
    kw = dict(p.split("=") for p in query.split("&") if p)
    if "plover" in kw:  # the API upper-cases PLOVER types, the store matches them as given
        kw["plover"] = kw["plover"].upper()
    assert [r["event_id"] for r in rows] == list(store.events(**kw).event_id)


def test_api_endpoints_events_pagination(client: TestClient, store: Store) -> None:
    seen, url = [], "/events.json?limit=2"
    while url:
        page = client.get(url).json()
        seen += [r["event_id"] for r in page["rows"]]
        url = page["next"]
    assert seen == list(store.events().event_id)


def test_api_endpoints_evidence_links_point_at_the_sentence(client: TestClient) -> None:
    row = client.get("/events.json?actor=bayramov").json()["rows"][0]
    path, _, anchor = row["evidence_url"].partition("#")
    page = client.get(path).text
    assert f'id="{anchor}"' in page and "Belgrade" in page


def test_api_endpoints_article_has_every_records_span(client: TestClient, store: Store) -> None:
    _, article_id = ids(store)
    page = client.get(f"/article/{article_id}.json").json()
    text = page["text"]
    kinds = {h["kind"] for h in page["highlights"]}
    assert kinds == {"actor", "place", "time", "event", "amount", "agreement"}
    for h in page["highlights"]:
        assert 0 <= h["start"] < h["end"] <= len(text)
    spans = {text[h["start"]:h["end"]] for h in page["highlights"]}
    assert {"Jeyhun Bayramov", "Belgrade", "$15 billion", "Shusha Declaration"} <= spans
    assert page["document"]["article"]["id"] == article_id


def test_api_endpoints_lists(client: TestClient) -> None:
    assert [r["name"] for r in client.get("/agreements.json?country=tur").json()["rows"]] == [
        "Shusha Declaration"]
    amounts = client.get("/amounts.json?measure=trade_target").json()["rows"]
    assert [(a["value"], a["parties"]) for a in amounts] == [(1.5e10, ["AZE", "TUR"])]
    actors = client.get("/actors.json?q=bayr").json()["rows"]
    assert [(a["name"], a["articles"], a["mentions"]) for a in actors] == [
        ("Jeyhun Bayramov", 1, 1)]
    places = client.get("/places.json?country=ARM").json()["rows"]
    assert [(p["name"], p["lat"]) for p in places] == [("Jermuk", 39.84)]
    articles = client.get("/articles.json?search=Jermuk").json()["rows"]
    assert [a["title"] for a in articles] == ["Border clash"]
    dyads = client.get("/dyads.json").json()["rows"]
    assert [(d["a"]["code"], d["b"]["code"], d["events"]) for d in dyads][:1] == [
        ("AZE", "TUR", 4)]
    countries = client.get("/countries.json?limit=1").json()
    assert countries["rows"][0]["country"]["code"] == "AZE" and countries["next"]


def test_api_endpoints_map_points(client: TestClient) -> None:
    page = client.get("/map.json").json()
    assert page["located"] == 2
    assert {(p["place"], p["lat"], p["lon"]) for p in page["points"]} == {
        ("Belgrade", 44.8, 20.5), ("Jermuk", 39.8, 45.7)}
    assert client.get("/map.json?dyad=ARM,AZE").json()["located"] == 1


@pytest.mark.parametrize(
    "path",
    ["/event/ffffffffffffffff", "/article/ffffffffffffffff", "/event/nope.json", "/nowhere"],
)
def test_api_endpoints_not_found(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and r.json()["status"] == 404


def test_api_endpoints_not_found_page_for_browsers(client: TestClient) -> None:
    r = client.get("/article/ffffffffffffffff", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    "path",
    ["/dyad/AZ/TUR", "/dyad/AZE/T1R.json", "/country/ABCD.json", "/events.json?limit=501",
     "/events.json?offset=-1", "/events.json?since=2021-02-30", "/events.json?dyad=AZE",
     "/events.json?root=4", "/events.json?status=rumoured", "/map.json?limit=0"],
)
def test_api_endpoints_invalid_parameters(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 422 and r.json()["error"] == "invalid request"


def test_api_endpoints_dyad_picker_redirects(client: TestClient) -> None:
    assert client.get("/dyad?a=aze&b=tur", follow_redirects=False).headers["location"] == \
        "/dyad/AZE/TUR"
    assert client.get("/dyad?a=aze", follow_redirects=False).headers["location"] == \
        "/dyad/AZE/all"
    assert client.get("/dyad?a=x/../y", follow_redirects=False).headers["location"] == "/"


def test_api_endpoints_openapi_lists_every_twin(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for page in PAGES:
        twin = ("/index" if page == "/" else page.replace("AZE", "{a}").replace("aze", "{a}")
                .replace("TUR", "{b}").replace("all", "{b}").replace("/country/{a}",
                                                                     "/country/{code}")) + ".json"
        assert twin in paths, twin
    assert "/health" in paths and "/api/ingest" not in paths  # read-only by default


def test_api_endpoints_hostile_text_is_escaped(client: TestClient) -> None:
    article_id = client.get("/articles.json?search=praised").json()["rows"][0]["article_id"]
    page = client.get(f"/article/{article_id}").text
    assert "<script>window.__xss" not in page and "onerror=\"window" not in page
    assert "&lt;script&gt;window.__xss" in page
    assert client.get(f"/article/{article_id}.json").json()["text"] == HOSTILE
    for path in ("/articles", "/events", "/dyad/AZE/TUR", "/places", "/map"):
        body = client.get(path).text
        assert "<script>window" not in body and "<b onmouseover" not in body, path
