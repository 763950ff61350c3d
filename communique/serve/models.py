"""The HTTP layer's response records: what every JSON twin returns and every page renders.

Each page of the dashboard is one of these models, rendered by a template or serialised as
JSON by the same view (so the API serves exactly what the dashboard shows). The OpenAPI document
is generated from them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..records import Document
from .rows import (
    ActorRow,
    AgreementRow,
    AmountRow,
    ArticleRow,
    CountryCount,
    CountryRef,
    Day,
    DyadMonth,
    DyadRow,
    ErrorBody,
    EventRow,
    Highlight,
    HighlightKind,
    MapPoint,
    MentionRow,
    Page,
    Partner,
    PlaceRow,
    QuadTotals,
    _Out,
)

__all__ = [
    "ActorRow",
    "ActorsPage",
    "AgreementRow",
    "AgreementsPage",
    "AmountRow",
    "AmountsPage",
    "ArticlePage",
    "ArticleRow",
    "ArticlesPage",
    "CountriesPage",
    "CountryCount",
    "CountryPage",
    "CountryRef",
    "Day",
    "DyadMonth",
    "DyadPage",
    "DyadRow",
    "DyadsPage",
    "ErrorBody",
    "EventPage",
    "EventRow",
    "EventsPage",
    "Health",
    "Highlight",
    "HighlightKind",
    "HomePage",
    "IngestArticle",
    "IngestRequest",
    "IngestResult",
    "MapPage",
    "MapPoint",
    "MentionRow",
    "Page",
    "Partner",
    "PlaceRow",
    "PlacesPage",
    "QuadTotals",
]


class EventsPage(Page[EventRow]):
    """Events matching the filters, newest first."""


class EventPage(_Out):
    """An event and every mention of it."""

    event: EventRow
    mentions: list[MentionRow]


class DyadPage(_Out):
    """Two countries (or one and all its partners): monthly events by quad class with the mean
    Goldstein line, their figures, agreements, and the newest events."""

    a: CountryRef
    b: CountryRef | None = Field(None, description="null: country a with all its partners")
    since: date | None = None
    until: date | None = None
    totals: QuadTotals
    months: list[DyadMonth]
    amounts: list[AmountRow]
    agreements: list[AgreementRow]
    events: list[EventRow]
    events_url: str = Field(description="every event of the dyad, paginated")


class CountryPage(_Out):
    """A country's partners ranked by event count, and its monthly events."""

    country: CountryRef
    since: date | None = None
    until: date | None = None
    totals: QuadTotals
    partners: list[Partner]
    months: list[DyadMonth]


class DyadsPage(Page[DyadRow]):
    """Country pairs, busiest first."""


class HomePage(_Out):
    """What the store holds: row counts, date range, busiest dyads and countries."""

    counts: dict[str, int]
    first_date: date | None = None
    last_date: date | None = None
    dyads: list[DyadRow]
    countries: list[CountryCount]


class CountriesPage(Page[CountryCount]):
    """Countries by number of events."""


class ActorsPage(Page[ActorRow]):
    """Actors, most reported first."""


class PlacesPage(Page[PlaceRow]):
    """Places, most reported first."""


class AmountsPage(Page[AmountRow]):
    """Figures, newest first."""


class AgreementsPage(Page[AgreementRow]):
    """Agreements, newest first."""


class ArticlesPage(Page[ArticleRow]):
    """Articles, newest first."""


class MapPage(_Out):
    """Event locations for the filters (the busiest ``limit`` locations)."""

    country: str | None = None
    since: date | None = None
    until: date | None = None
    located: int = Field(description="events with a location under the filters")
    points: list[MapPoint]
    outline_url: str | None = Field(None, description="world outline (TopoJSON), if bundled")


class ArticlePage(_Out):
    """An article's text, its full document record, and every record's spans."""

    article: ArticleRow
    text: str
    document: Document
    highlights: list[Highlight]
    event_ids: dict[str, str] = Field(description="document event id -> stored event id")


class Health(_Out):
    """Whether the store can be read, and what this server offers."""

    status: Literal["ok", "no store", "busy"]
    version: str
    events: int | None = None
    articles: int | None = None
    ingest: bool = Field(description="whether the token-protected ingest endpoint is enabled")
    world_outline: bool


class IngestArticle(BaseModel):
    """One article to ingest, as a JSONL corpus line would give it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=200_000)
    id: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=1000)
    published: Day | None = None
    byline: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)


class IngestRequest(BaseModel):
    """A batch of articles for the ingest endpoint."""

    model_config = ConfigDict(extra="forbid")

    articles: list[IngestArticle] = Field(min_length=1, max_length=50)


class IngestResult(_Out):
    """What an ingest request did."""

    added: int
    skipped: int
    failed: int
    errors: list[dict[str, str]]
