"""Every page and its JSON twin from one view (cf. datasette).

``add_page(app, "/dyad/{a}/{b}", views.dyad, ...)`` registers

- ``/dyad/{a}/{b}.json``: the view's record as JSON (``response_model`` gives the OpenAPI schema);
- ``/dyad/{a}/{b}``: the same view (a FastAPI dependency, so the same parameters, validation
  and errors), rendered with its template; with ``Accept: application/json`` (and not
  ``text/html``) it answers JSON as well.

Module without ``from __future__ import annotations``: FastAPI reads the page handlers'
signatures, which are built here at run time.
"""

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel

from .highlight import render
from .models import ErrorBody

__all__ = ["ERRORS", "TEMPLATES", "add_page", "templates", "wants_json"]

TEMPLATES = Path(__file__).with_name("templates")
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "a query parameter over its size limit"},
    404: {"model": ErrorBody, "description": "no such record"},
    414: {"model": ErrorBody, "description": "query string over its size limit"},
    422: {"model": ErrorBody, "description": "a parameter out of its pattern or range"},
    503: {"model": ErrorBody, "description": "no store yet, or held by an ingest too long"},
}

# On the pages, errors are JSON (or, for browsers, an HTML page); FastAPI would document them
# under the page's own media type only.
_ERROR_REF = {"schema": {"$ref": "#/components/schemas/ErrorBody"}}
PAGE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"description": r["description"], "content": {"application/json": _ERROR_REF}}
    for code, r in ERRORS.items()
}

# Autoescaping on for every template: article text, titles and names are untrusted input.
_env = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
    trim_blocks=True, lstrip_blocks=True,
)
_env.globals["highlighted"] = lambda page: render(page.text, page.highlights)
templates = Jinja2Templates(env=_env)


def wants_json(request: Request) -> bool:
    """Whether the client asked for JSON rather than a page (``Accept`` header)."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _json(data: BaseModel) -> Response:
    return Response(data.model_dump_json(by_alias=True), media_type="application/json",
                    headers={"vary": "Accept"})


def add_page(
    app: FastAPI,
    path: str,
    view: Callable[..., BaseModel],
    *,
    template: str,
    model: type[BaseModel],
    name: str,
    title: Callable[[Any], str],
    tag: str,
) -> None:
    """Register the page at ``path`` and its JSON twin at ``path + ".json"``.

    Args:
        view: returns ``model``; its parameters are the routes' parameters.
        template: the page's Jinja2 template (gets ``page``, the record, and ``title``).
        title: the page title from the record.
        tag: the OpenAPI tag of both routes.
    """
    json_path = ("/index" if path == "/" else path) + ".json"
    summary = (view.__doc__ or name).strip().splitlines()[0]
    app.add_api_route(json_path, view, methods=["GET"], response_model=model, name=f"{name}_json",
                      summary=summary, responses=ERRORS, tags=[tag])

    def page(request: Request, data: BaseModel) -> Response:
        if wants_json(request):
            return _json(data)
        query = request.url.query
        twin = ("/index" if request.url.path == "/" else request.url.path) + ".json"
        response = templates.TemplateResponse(request, template, {
            "page": data, "title": title(data), "json_url": twin + (f"?{query}" if query else ""),
        })
        response.headers["vary"] = "Accept"
        return response

    page.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
        inspect.Parameter("data", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=model,
                          default=Depends(view)),
    ])
    page.__name__ = f"{name}_page"
    page.__doc__ = view.__doc__
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    app.add_api_route(
        path, page, methods=["GET"], response_class=HTMLResponse, name=name,
        summary=f"{summary} (page; JSON with Accept: application/json)", tags=[tag],
        responses={200: {"content": {"application/json": {"schema": ref}}}, **PAGE_ERRORS},
    )
