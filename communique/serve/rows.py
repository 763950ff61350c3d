"""The HTTP layer's row records: one event, figure, agreement, article, actor, place, map point
or highlight, as the pages list them and the JSON twins return them (see :mod:`.models`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

__all__ = [
    "ActorRow",
    "AgreementRow",
    "AmountRow",
    "ArticleRow",
    "CountryCount",
    "CountryRef",
    "Day",
    "DyadMonth",
    "DyadRow",
    "ErrorBody",
    "EventRow",
    "Highlight",
    "HighlightKind",
    "MapPoint",
    "MentionRow",
    "Page",
    "Partner",
    "PlaceRow",
    "QuadTotals",
]

T = TypeVar("T")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day(value: object) -> object:
    # Pydantic's lax mode reads a number as a Unix time (``until=0`` -> 1970-01-01); a day that
    # is not written YYYY-MM-DD is an error here, as in the CLI.
    if not isinstance(value, str | date) or (isinstance(value, str) and not _DAY.match(value)):
        raise ValueError("a day as YYYY-MM-DD")
    return value


# A calendar day in ISO form (request parameters and bodies).
Day = Annotated[date, BeforeValidator(_iso_day)]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class ErrorBody(_Out):
    """Every error response: a message and the HTTP status (and, for 422, what was wrong)."""

    error: str
    status: int
    detail: list[dict[str, object]] | None = None


class CountryRef(_Out):
    """A country code with its name (null for codes outside ISO 3166, such as IGO)."""

    code: str
    name: str | None = None


class EventRow(_Out):
    """One resolved event, with links to its record and its evidence (the first mention)."""

    event_id: str
    cameo: str
    root: str
    plover: str | None = None
    quad: int | None = None
    goldstein: float | None = None
    source_name: str | None = None
    source_country: str | None = None
    source_role: str | None = None
    source_code: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    target_role: str | None = None
    target_code: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    place_feature: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    object: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    status: str | None = None
    negated: bool | None = None
    confidence: float | None = None
    num_mentions: int | None = None
    num_sources: int | None = None
    num_articles: int | None = None
    first_published: date | None = None
    first_article_id: str | None = None
    first_mention_id: str | None = None
    sentence: str | None = None
    source_url: str | None = None
    url: str = Field(description="this event's page")
    evidence_url: str | None = Field(None, description="the sentence, highlighted in its article")


class Page(_Out, Generic[T]):
    """A page of rows; ``next`` is the URL of the following page, null on the last."""

    rows: list[T]
    limit: int
    offset: int
    next: str | None = None


class MentionRow(_Out):
    """One article's report of an event: its sentence, offsets and why it was merged."""

    mention_id: str
    article_id: str
    local_event_id: str
    published: date | None = None
    outlet: str | None = None
    source_url: str | None = None
    sentence: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    evidence: str | None = None
    confidence: float | None = None
    merge_reason: str | None = None
    evidence_url: str


class QuadTotals(_Out):
    """Event counts by quad class and the mean Goldstein score."""

    events: int = 0
    verbal_coop: int = 0
    material_coop: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    mean_goldstein: float | None = None


class DyadMonth(QuadTotals):
    """One month of a dyad (or of a country with all its partners)."""

    month: str = Field(pattern=r"^\d{4}-\d{2}$")


class AmountRow(_Out):
    """A figure (trade, aid, casualties ...) with its parties and period."""

    amount_key: str
    article_id: str
    text: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    measure: str | None = None
    parties: list[str] = []
    period_start: date | None = None
    period_end: date | None = None
    period_precision: str | None = None
    kind: str | None = None
    claim_by: str | None = None
    published: date | None = None
    title: str | None = None
    evidence_url: str


class AgreementRow(_Out):
    """An agreement, treaty, declaration or memorandum with its parties and signing date."""

    agreement_key: str
    article_id: str
    agreement_id: str
    name: str | None = None
    kind: str | None = None
    count: int | None = None
    parties: list[str] = []
    signed_start: date | None = None
    signed_end: date | None = None
    signed_precision: str | None = None
    place_name: str | None = None
    place_country: str | None = None
    topic: str | None = None
    published: date | None = None
    title: str | None = None
    evidence_url: str


class Partner(QuadTotals):
    """A country's partner with event counts, cooperation (quad 1-2) and conflict (3-4)."""

    country: CountryRef
    cooperation: int = 0
    conflict: int = 0
    dyad_url: str


class DyadRow(QuadTotals):
    """A country pair's totals over the filter's period."""

    a: CountryRef
    b: CountryRef
    first_month: str | None = None
    last_month: str | None = None
    url: str


class CountryCount(_Out):
    """A country with the number of events it is a party to."""

    country: CountryRef
    events: int
    url: str


class ActorRow(_Out):
    """An actor as the articles name it, with how many articles and mentions."""

    name: str | None = None
    kind: str | None = None
    country: str | None = None
    role: str | None = None
    code: str | None = None
    articles: int
    mentions: int


class PlaceRow(_Out):
    """A resolved place with its coordinates and how many articles name it."""

    name: str | None = None
    country: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    articles: int


class ArticleRow(_Out):
    """A stored article's metadata."""

    article_id: str
    source: str | None = None
    outlet: str | None = None
    external_id: str | None = None
    title: str | None = None
    published: date | None = None
    byline: str | None = None
    language: str | None = None
    n_chars: int | None = None
    n_events: int | None = None
    url: str


class MapPoint(_Out):
    """Events at one location (rounded to 0.1 degree)."""

    lat: float
    lon: float
    events: int
    place: str | None = None
    country: str | None = None


HighlightKind = Literal["actor", "place", "time", "event", "amount", "agreement"]


class Highlight(_Out):
    """A span of the article text and the record it belongs to."""

    kind: HighlightKind
    id: str = Field(description="the record's id in the document (A1, P1, T1, E1, M1, G1)")
    start: int
    end: int
    label: str
    href: str | None = Field(None, description="the record's page, when it has one")
