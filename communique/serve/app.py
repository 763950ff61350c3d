"""The web application: ``create_app(db_path, token=None)``.

Read-only unless a token is given (then ``POST /api/ingest`` exists and requires it). Every
page has a JSON twin (:mod:`.pages`); ``/openapi.json`` describes the JSON routes. FastAPI's
interactive docs are off: they load scripts from a CDN, which the offline dashboard and its
Content-Security-Policy both refuse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..store import parse_store_url
from ..store.lock import StoreBusyError
from . import views
from .guard import GuardMiddleware
from .head import HeadMiddleware
from .ingest import Process, add_ingest
from .models import (
    ActorsPage,
    AgreementsPage,
    AmountsPage,
    ArticlePage,
    ArticlesPage,
    CountriesPage,
    CountryPage,
    DyadPage,
    DyadsPage,
    ErrorBody,
    EventPage,
    EventsPage,
    Health,
    HomePage,
    MapPage,
    PlacesPage,
)
from .pages import add_page, templates, wants_json
from .params import ReaderDep
from .reader import StoreMissing, StoreReader

__all__ = ["OUTLINE", "STATIC", "create_app"]

STATIC = Path(__file__).with_name("static")
_CODE = re.compile(r"^[A-Z]{3}$")
# The world outline, copied from the npm package world-atlas by `make vendor` (see Makefile).
OUTLINE = STATIC / "vendor" / "countries-110m.json"


def _version() -> str:
    try:
        return metadata.version("communique")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def _error(request: Request, status: int, message: str, *, detail: Any = None,
           headers: Mapping[str, str] | None = None) -> Response:
    if "text/html" in request.headers.get("accept", "") and not wants_json(request):
        response = templates.TemplateResponse(
            request, "error.html", {"title": f"{status}", "status": status, "message": message},
            status_code=status,
        )
        response.headers.update(headers or {})
        return response
    body = ErrorBody(error=message, status=status, detail=detail)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status,
                        headers=dict(headers or {}))


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))} for e in exc.errors()]
        return _error(request, 422, "invalid request", detail=detail)

    @app.exception_handler(StoreMissing)
    async def missing(request: Request, exc: StoreMissing) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(StoreBusyError)
    async def busy(request: Request, exc: StoreBusyError) -> Response:
        return _error(request, 503, "the store is busy (an ingest holds it); retry shortly",
                      headers={"retry-after": "1"})


def _pages(app: FastAPI) -> None:
    def name(c: Any) -> str:
        return f"{c.name} ({c.code})" if c.name else c.code

    pages: list[tuple[str, Any, str, type, str, Any, str]] = [
        ("/", views.home, "index.html", HomePage, "home", lambda p: "Communique", "overview"),
        ("/dyad/{a}/{b}", views.dyad, "dyad.html", DyadPage, "dyad",
         lambda p: f"{name(p.a)} – {name(p.b) if p.b else 'all partners'}", "relations"),
        ("/country/{code}", views.country_view, "country.html", CountryPage, "country",
         lambda p: name(p.country), "relations"),
        ("/countries", views.countries, "countries.html", CountriesPage, "countries",
         lambda p: "Countries", "relations"),
        ("/dyads", views.dyads, "dyads.html", DyadsPage, "dyads", lambda p: "Dyads",
         "relations"),
        ("/map", views.map_view, "map.html", MapPage, "map", lambda p: "Map of events",
         "relations"),
        ("/events", views.events, "events.html", EventsPage, "events", lambda p: "Events",
         "records"),
        ("/event/{event_id}", views.event, "event.html", EventPage, "event",
         lambda p: f"Event {p.event.event_id}", "records"),
        ("/articles", views.articles, "articles.html", ArticlesPage, "articles",
         lambda p: "Articles", "records"),
        ("/article/{article_id}", views.article, "article.html", ArticlePage, "article",
         lambda p: p.article.title or f"Article of {p.article.published or 'unknown date'}"
         f"{' · ' + p.article.outlet if p.article.outlet else ''}", "records"),
        ("/amounts", views.amounts, "amounts.html", AmountsPage, "amounts", lambda p: "Figures",
         "records"),
        ("/agreements", views.agreements, "agreements.html", AgreementsPage, "agreements",
         lambda p: "Agreements", "records"),
        ("/actors", views.actors, "actors.html", ActorsPage, "actors", lambda p: "Actors",
         "records"),
        ("/places", views.places, "places.html", PlacesPage, "places", lambda p: "Places",
         "records"),
    ]
    for path, view, template, model, nm, title, tag in pages:
        add_page(app, path, view, template=template, model=model, name=nm, title=title, tag=tag)


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    process: Process | None = None,
    max_body: int = 2 << 20,
    max_chars: int = 200_000,
    wait: float = 10.0,
    cache: int = 256,
    allowed_hosts: Sequence[str] | None = None,
) -> FastAPI:
    """The dashboard and JSON API over the store at ``db_path``.

    Args:
        db_path: the store file (or a ``duckdb:///`` URL); it may not exist yet.
        token: enables ``POST /api/ingest`` and is required by it; None: read-only.
        process: the pipeline for the ingest endpoint (default ``communique.process_batch``).
        max_body: request body limit in bytes.
        max_chars: per-article size cap of the ingest endpoint.
        wait: seconds a request waits while an ingest process holds the store file.
        cache: aggregate views kept per store version (0: none).
        allowed_hosts: Host header values to accept (None: any); against DNS rebinding when
            bound to loopback.
    """
    _, path = parse_store_url(db_path)
    app = FastAPI(
        title="Communique", version=_version(), docs_url=None, redoc_url=None,
        separate_input_output_schemas=False,
        description="Event data from international news: who did what to whom, where and when. "
        "Every page of the dashboard has a JSON twin (the same path with .json).",
    )
    app.state.reader = StoreReader(path, wait=wait, cache=cache)
    app.state.outline_url = lambda: "/static/vendor/countries-110m.json" if OUTLINE.is_file() \
        else None
    app.state.ingest = token is not None
    _handlers(app)
    _pages(app)

    @app.get("/health", response_model=Health, tags=["overview"], responses={})
    def health(reader: ReaderDep) -> Health:
        """Whether the store can be read; event and article counts."""
        common: dict[str, Any] = {"version": _version(), "ingest": token is not None,
                                  "world_outline": OUTLINE.is_file()}
        try:
            with reader.read() as st:
                counts = st.counts()
        except StoreMissing:
            return Health(status="no store", **common)
        except StoreBusyError:
            return Health(status="busy", **common)
        return Health(status="ok", events=counts["events"], articles=counts["articles"],
                      **common)

    @app.get("/dyad", include_in_schema=False)
    def pick_dyad(a: str = "", b: str = "") -> Response:
        """The dyad picker's form target: redirect to the dyad page (or home if malformed)."""
        a, b = a.strip().upper(), b.strip().upper() or "ALL"
        if not (_CODE.match(a) and (b == "ALL" or _CODE.match(b))):
            return RedirectResponse("/", status_code=303)
        return RedirectResponse(f"/dyad/{a}/{'all' if b == 'ALL' else b}", status_code=303)

    if token is not None:
        if process is None:
            from ..api import process_batch  # the pipeline, imported only when ingest is on

            process = process_batch
        add_ingest(app, token=token, process=process, max_chars=max_chars)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # The last added is the outermost: the guard's headers go on every response, rejections
    # by the host check included.
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(HeadMiddleware)
    app.add_middleware(GuardMiddleware, max_body=max_body)
    return app
