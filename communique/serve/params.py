"""Request parameters shared by the views: patterns, bounds and the CLI's event filters.

Every parameter has a bound (length, pattern or range), so that nothing unbounded reaches a
query; values go to the store as bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request

from .models import Day
from .reader import StoreReader

__all__ = [
    "ArticleId", "Code", "CodeOrAll", "CountryQ", "EventFilters", "EventId", "Limit", "Name",
    "Offset", "PLAIN",
    "ReaderDep", "Since", "Text", "Until",
]

_CODE = r"^[A-Za-z]{3}$"
_LIST2 = r"^\d{2}(,\d{2})*$"
# Free text: any characters but control characters (which the request guard refuses).
PLAIN = r"^[^\x00-\x1f\x7f]*$"


def _reader(request: Request) -> StoreReader:
    reader: StoreReader = request.app.state.reader
    return reader


ReaderDep = Annotated[StoreReader, Depends(_reader)]
Code = Annotated[str, Path(pattern=_CODE, description="ISO 3166-1 alpha-3 code, e.g. AZE")]
CodeOrAll = Annotated[
    str, Path(pattern=r"^([A-Za-z]{3}|all)$", description="a country code, or 'all'")
]
ArticleId = Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,64}$", description="article id")]
EventId = Annotated[str, Path(pattern=r"^[0-9A-Za-z_-]{1,64}$", description="event id")]

Since = Annotated[Day | None, Query(description="on or after this day (YYYY-MM-DD)")]
Until = Annotated[Day | None, Query(description="on or before this day (YYYY-MM-DD)")]
CountryQ = Annotated[
    str | None, Query(pattern=_CODE, description="ISO3 country on either side / among parties")
]
Text = Annotated[
    str | None, Query(max_length=100, pattern=PLAIN, description="text (substring, any case)")
]
Name = Annotated[
    str | None,
    Query(alias="q", max_length=100, pattern=PLAIN, description="name (substring, any case)"),
]
Limit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="rows to skip")]


@dataclass(frozen=True)
class EventFilters:
    """The filters of ``communique events`` (see ``Store.events``), as query parameters."""

    actor: Annotated[
        str | None,
        Query(max_length=100, pattern=PLAIN, description="actor name (substring), code or country"),
    ] = None
    dyad: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z]{3},[A-Za-z]{3}$", description="two countries, e.g. AZE,TUR"),
    ] = None
    country: CountryQ = None
    since: Since = None
    until: Until = None
    root: Annotated[
        str | None, Query(pattern=_LIST2, max_length=64, description="CAMEO root(s): 04,05")
    ] = None
    cameo: Annotated[
        str | None,
        Query(pattern=r"^\d{2,4}(,\d{2,4})*$", max_length=64,
              description="CAMEO code prefix(es): 057"),
    ] = None
    plover: Annotated[
        str | None,
        Query(pattern=r"^[A-Za-z_]{1,20}(,[A-Za-z_]{1,20})*$", max_length=100,
              description="PLOVER type(s): CONSULT"),
    ] = None
    status: Annotated[
        str | None,
        Query(pattern=r"^(reported|background|planned|hypothetical)"
                      r"(,(reported|background|planned|hypothetical))*$",
              description="reported, background, planned, hypothetical"),
    ] = None
    place: Annotated[
        str | None,
        Query(max_length=100, pattern=PLAIN, description="place name (substring) or its country"),
    ] = None
    article_id: Annotated[
        str | None, Query(pattern=r"^[0-9A-Za-z_-]{1,64}$", description="events of one article")
    ] = None
    min_sources: Annotated[
        int | None, Query(ge=0, le=10_000, description="reported by at least this many outlets")
    ] = None

    def store_kwargs(self) -> dict[str, Any]:
        """The filters as ``Store.events`` keywords (codes upper-cased, plover too)."""
        kw: dict[str, Any] = {k: v for k, v in self.__dict__.items() if v not in (None, "")}
        if "plover" in kw:
            kw["plover"] = kw["plover"].upper()
        for key in ("since", "until"):
            if key in kw:
                kw[key] = kw[key].isoformat()
        return kw

    def items(self) -> list[tuple[str, Any]]:
        """The filters that are set, as query-string pairs."""
        return [(k, v) for k, v in self.__dict__.items() if v not in (None, "")]
