"""The views: each returns one response record, which its page renders and its twin serialises.

A view opens the store read-only for the length of the request (see :mod:`.reader`) and makes
the store's own queries (``Store.events`` and friends: the CLI's filters) or the dashboard's
aggregates in :mod:`.queries`. Row lists fetch one row more than the page to know whether there
is a next page, so no count of a large result is ever needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Query, Request

from .. import store as _store
from . import queries as q
from .convert import (
    agreement_row,
    amount_row,
    article_row,
    clean,
    country,
    event_row,
    frame_rows,
    page_url,
)
from .highlight import highlights
from .models import (
    ActorRow,
    ActorsPage,
    AgreementsPage,
    AmountsPage,
    ArticlePage,
    ArticlesPage,
    CountriesPage,
    CountryCount,
    CountryPage,
    DyadMonth,
    DyadPage,
    DyadRow,
    DyadsPage,
    EventPage,
    EventRow,
    EventsPage,
    HomePage,
    MapPage,
    MapPoint,
    MentionRow,
    Partner,
    PlaceRow,
    PlacesPage,
    QuadTotals,
)
from .params import (
    ArticleId,
    Code,
    CodeOrAll,
    CountryQ,
    EventFilters,
    EventId,
    Limit,
    Name,
    Offset,
    ReaderDep,
    Since,
    Text,
    Until,
)
from .reader import StoreReader

__all__ = [
    "actors", "agreements", "amounts", "article", "articles", "countries", "country_view",
    "dyad", "dyads", "event", "events", "home", "map_view", "places",
]

R = TypeVar("R")
DYAD_EVENTS = 50  # events listed on the dyad page (all of them: its events_url)
DYAD_AMOUNTS = 200
DYAD_AGREEMENTS = 200


def _page(rows: Sequence[R], request: Request, limit: int, offset: int) -> dict[str, Any]:
    more = len(rows) > limit
    nxt = (page_url(request.url.path, request.query_params.multi_items(), offset=offset + limit)
           if more else None)
    return {"rows": list(rows[:limit]), "limit": limit, "offset": offset, "next": nxt}


def _events(st: _store.Store, frame_rows_: list[dict[str, Any]]) -> list[EventRow]:
    local = q.local_event_ids(st.conn, [r.get("first_mention_id") or "" for r in frame_rows_])
    return [event_row(r, local) for r in frame_rows_]


def _totals(row: dict[str, Any]) -> QuadTotals:
    data = {k: clean(v) for k, v in row.items() if k in QuadTotals.model_fields}
    return QuadTotals(**{k: (0 if v is None and k != "mean_goldstein" else v)
                         for k, v in data.items()})


def _dyad_row(row: dict[str, Any]) -> DyadRow:
    a, b = row.pop("a"), row.pop("b")
    return DyadRow(a=country(a), b=country(b), url=f"/dyad/{a}/{b}", **row)


def home(reader: ReaderDep) -> HomePage:
    """The store at a glance: counts, date range, busiest dyads and countries."""
    return reader.cached(("home",), lambda: _home(reader))


def _home(reader: StoreReader) -> HomePage:
    with reader.read() as st:
        first, last = q.date_range(st.conn)
        pairs = q.dyad_pairs(st.conn, country=None, since=None, until=None, limit=12, offset=0)
        tops = q.countries(st.conn, limit=20, offset=0)
        counts = st.counts()
    return HomePage(
        counts=counts, first_date=first, last_date=last, dyads=[_dyad_row(r) for r in pairs],
        countries=[CountryCount(country=country(r["code"]), events=r["events"],
                                url=f"/country/{r['code']}") for r in tops],
    )


def events(
    request: Request, reader: ReaderDep, filters: Annotated[EventFilters, Depends()],
    limit: Limit = 50, offset: Offset = 0,
) -> EventsPage:
    """Resolved events matching the filters of ``communique events``, newest first."""
    with reader.read() as st:
        frame = st.events(**filters.store_kwargs(), limit=limit + 1, offset=offset)
        rows = _events(st, frame_rows(frame))
    return EventsPage(**_page(rows, request, limit, offset))


def event(reader: ReaderDep, event_id: EventId) -> EventPage:
    """One event and every article's mention of it (sentence, offsets, merge reason)."""
    with reader.read() as st:
        found = frame_rows(st.events(event_id=event_id))
        if not found:
            raise HTTPException(404, f"no event {event_id}")
        ev = _events(st, found)[0]
        mentions = frame_rows(st.mentions(event_id=event_id))
    return EventPage(event=ev, mentions=[
        MentionRow(**{k: v for k, v in m.items() if k in MentionRow.model_fields},
                   evidence_url=f"/article/{m['article_id']}#ev-{m['local_event_id']}")
        for m in mentions
    ])


def dyad(reader: ReaderDep, a: Code, b: CodeOrAll, since: Since = None,
         until: Until = None) -> DyadPage:
    """Two countries (or ``a`` and all its partners): months by quad class with the mean
    Goldstein score, their figures and agreements, and the newest events."""
    a, other = a.upper(), (None if b == "all" else b.upper())
    return reader.cached(("dyad", a, other, since, until),
                         lambda: _dyad(reader, a, other, since, until))


def _dyad(reader: StoreReader, a: str, other: str | None, since: date | None,
          until: date | None) -> DyadPage:
    f = q.dyad_filter(a, other, since=since, until=until)
    parties = [a] if other is None else [a, other]
    with reader.read() as st:
        months, totals = q.monthly(st.conn, f)
        amounts = q.among_parties(st.conn, "amounts", parties, since=since, until=until,
                                  limit=DYAD_AMOUNTS)
        agreements = q.among_parties(st.conn, "agreements", parties, since=since, until=until,
                                     limit=DYAD_AGREEMENTS)
        scope: dict[str, Any] = {"dyad": f"{a},{other}"} if other else {"country": a}
        scope.update({k: v.isoformat() for k, v in (("since", since), ("until", until)) if v})
        evs = _events(st, frame_rows(st.events(**scope, limit=DYAD_EVENTS)))
    return DyadPage(
        a=country(a), b=country(other) if other else None, since=since, until=until,
        totals=_totals(totals), months=[DyadMonth(**m) for m in months],
        amounts=[amount_row(r) for r in amounts],
        agreements=[agreement_row(r) for r in agreements], events=evs,
        events_url=page_url("/events", scope.items()),
    )


def country_view(reader: ReaderDep, code: Code, since: Since = None, until: Until = None,
                 limit: Annotated[int, Query(ge=1, le=300)] = 100) -> CountryPage:
    """A country's partners ranked by events, with cooperation and conflict counts."""
    code = code.upper()
    return reader.cached(("country", code, since, until, limit),
                         lambda: _country(reader, code, since, until, limit))


def _country(reader: StoreReader, code: str, since: date | None, until: date | None,
             limit: int) -> CountryPage:
    f = q.dyad_filter(code, None, since=since, until=until)
    with reader.read() as st:
        rows = q.partners(st.conn, code, since=since, until=until, limit=limit)
        months, totals = q.monthly(st.conn, f)
    partners = [
        Partner(country=country(r["partner"]), cooperation=r["verbal_coop"] + r["material_coop"],
                conflict=r["verbal_conflict"] + r["material_conflict"],
                dyad_url=f"/dyad/{code}/{r['partner']}",
                **{k: v for k, v in r.items() if k in QuadTotals.model_fields})
        for r in rows
    ]
    return CountryPage(country=country(code), since=since, until=until, totals=_totals(totals),
                       partners=partners, months=[DyadMonth(**m) for m in months])


def countries(request: Request, reader: ReaderDep, limit: Limit = 100,
              offset: Offset = 0) -> CountriesPage:
    """Countries by the number of events they are a party to."""
    rows = reader.cached(("countries", limit, offset), lambda: _countries(reader, limit, offset))
    out = [CountryCount(country=country(r["code"]), events=r["events"],
                        url=f"/country/{r['code']}") for r in rows]
    return CountriesPage(**_page(out, request, limit, offset))


def _countries(reader: StoreReader, limit: int, offset: int) -> list[dict[str, Any]]:
    with reader.read() as st:
        return q.countries(st.conn, limit=limit + 1, offset=offset)


def dyads(request: Request, reader: ReaderDep, country: CountryQ = None, since: Since = None,
          until: Until = None, limit: Limit = 50, offset: Offset = 0) -> DyadsPage:
    """Country pairs with their totals, busiest first."""
    code = country.upper() if country else None

    def compute() -> list[dict[str, Any]]:
        with reader.read() as st:
            return q.dyad_pairs(st.conn, country=code, since=since, until=until,
                                limit=limit + 1, offset=offset)

    rows = [dict(r) for r in reader.cached(("dyads", code, since, until, limit, offset), compute)]
    return DyadsPage(**_page([_dyad_row(r) for r in rows], request, limit, offset))


def article(reader: ReaderDep, article_id: ArticleId) -> ArticlePage:
    """An article's text, its document record and the spans of every record in it."""
    with reader.read() as st:
        doc = st.article(article_id)
        if doc is None:
            raise HTTPException(404, f"no article {article_id}")
        meta = frame_rows(st.conn.execute(
            "SELECT * EXCLUDE (text, document) FROM articles WHERE article_id = ?", [article_id]
        ).df())[0]
        ids = dict(st.conn.execute(
            "SELECT local_event_id, event_id FROM event_mentions WHERE article_id = ?",
            [article_id]).fetchall())
    return ArticlePage(article=article_row(meta), text=doc.article.text or "", document=doc,
                       highlights=highlights(doc, ids), event_ids=ids)


def articles(request: Request, reader: ReaderDep, since: Since = None, until: Until = None,
             outlet: Text = None, search: Text = None, limit: Limit = 50,
             offset: Offset = 0) -> ArticlesPage:
    """Stored articles, newest first."""
    with reader.read() as st:
        frame = st.articles(since=since, until=until, outlet=outlet, search=search,
                            limit=limit + 1, offset=offset)
    return ArticlesPage(**_page([article_row(r) for r in frame_rows(frame)], request, limit,
                                offset))


def amounts(request: Request, reader: ReaderDep, country: CountryQ = None,
            measure: Text = None, unit: Text = None, since: Since = None, until: Until = None,
            limit: Limit = 50, offset: Offset = 0) -> AmountsPage:
    """Figures (trade, aid, casualties ...) with parties and periods, newest first."""
    with reader.read() as st:
        frame = st.amounts(country=country, measure=measure, unit=unit, since=since,
                           until=until, limit=limit + 1, offset=offset)
    return AmountsPage(**_page([amount_row(r) for r in frame_rows(frame)], request, limit,
                               offset))


def agreements(request: Request, reader: ReaderDep, country: CountryQ = None,
               kind: Text = None, since: Since = None, until: Until = None,
               limit: Limit = 50, offset: Offset = 0) -> AgreementsPage:
    """Agreements, treaties, declarations and memoranda, newest first."""
    with reader.read() as st:
        frame = st.agreements(country=country, kind=kind, since=since, until=until,
                              limit=limit + 1, offset=offset)
    return AgreementsPage(**_page([agreement_row(r) for r in frame_rows(frame)], request,
                                  limit, offset))


def actors(request: Request, reader: ReaderDep, country: CountryQ = None, q_: Name = None,
           kind: Text = None, limit: Limit = 50, offset: Offset = 0) -> ActorsPage:
    """Actors as the articles name them, most articles first."""
    with reader.read() as st:
        rows = q.actors(st.conn, country=country.upper() if country else None, q=q_, kind=kind,
                        limit=limit + 1, offset=offset)
    return ActorsPage(**_page([ActorRow(**r) for r in rows], request, limit, offset))


def places(request: Request, reader: ReaderDep, country: CountryQ = None, q_: Name = None,
           limit: Limit = 50, offset: Offset = 0) -> PlacesPage:
    """Resolved places, most articles first."""
    with reader.read() as st:
        rows = q.places(st.conn, country=country.upper() if country else None, q=q_,
                        limit=limit + 1, offset=offset)
    return PlacesPage(**_page([PlaceRow(**r) for r in rows], request, limit, offset))


def map_view(request: Request, reader: ReaderDep, country: CountryQ = None,
             dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3},[A-Za-z]{3}$")] = None,
             since: Since = None, until: Until = None,
             limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> MapPage:
    """Where events happened: the busiest locations under the filters."""
    if dyad:
        a, b = dyad.upper().split(",")
        f = q.dyad_filter(a, b, since=since, until=until)
    else:
        f = q.Where().dates("date_start", since, until)
        if country:  # a country's events, whoever the other side is
            f.add("(source_country = ? OR target_country = ?)", country.upper(), country.upper())
    def compute() -> tuple[int, list[dict[str, Any]]]:
        with reader.read() as st:
            return q.map_points(st.conn, f, limit=limit)

    located, rows = reader.cached(("map", dyad, country, since, until, limit), compute)
    outline: Callable[[], str | None] = request.app.state.outline_url
    return MapPage(country=country.upper() if country else None, since=since, until=until,
                   located=located, points=[MapPoint(**r) for r in rows], outline_url=outline())
