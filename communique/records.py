"""Frozen typed records: what leaves a stage and what every part of Communique speaks.

The JSON form of :class:`Document` is the contract of ``shared/spec/RECORDS.md``
(``schema: communique/1``). Records are pydantic models so that the same classes give the
JSON serialisation, the JSON Schema kept in ``communique/data/schema/document.schema.json``
and the OpenAPI models of the HTTP layer. Every record is frozen: a stage builds new records,
it never mutates another stage's output.

Offsets (``span``, ``mentions``) are Python ``str`` indices, end exclusive, into
``Article.text``.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA",
    "Actor",
    "ActorKind",
    "Agreement",
    "Amount",
    "AmountKind",
    "Article",
    "DateRange",
    "Document",
    "Event",
    "EventStatus",
    "ItemError",
    "Place",
    "Precision",
    "Span",
    "TimeExpr",
    "TimeType",
]

SCHEMA: Final = "communique/1"

Span = tuple[int, int]
Precision = Literal["day", "month", "year", "range", "unknown"]
EventStatus = Literal["reported", "background", "planned", "hypothetical"]
ActorKind = Literal["person", "country", "government", "organization", "igo", "group"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
AmountKind = Literal["actual", "target", "forecast"]


class _Record(BaseModel):
    # Every field is always serialised (unknown is null, never absent), so the JSON Schema marks
    # them all required.
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class DateRange(_Record):
    """A calendar interval with the precision the text supports.

    ``start``/``end`` are ISO dates (``YYYY-MM-DD``) or null when unknown.
    """

    start: str | None
    end: str | None
    precision: Precision

    @classmethod
    def unknown(cls) -> DateRange:
        """The honest answer when no date can be given."""
        return cls(start=None, end=None, precision="unknown")


class Article(_Record):
    """One input article and its metadata."""

    id: str
    source: str
    external_id: str | None = None
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    language: str = "en"
    text: str | None = None


class Actor(_Record):
    """A political actor: a country, a government body, an organisation, a group or a person."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    role: str | None = None
    title: str | None = None
    code: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Place(_Record):
    """A toponym resolved to a gazetteer entry."""

    id: str
    name: str
    country: str | None = None
    feature: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = Field(default_factory=list)


class TimeExpr(_Record):
    """A time expression normalised to a TIMEX3 value against the publication date."""

    text: str
    span: Span
    type: TimeType
    value: str
    start: str | None = None
    end: str | None = None


class Event(_Record):
    """One coded event: CAMEO/PLOVER type, dyad, place, date, status and its evidence."""

    id: str
    cameo: str
    root: str
    plover: str | None
    quad: int
    goldstein: float
    source: str | None
    target: str | None
    place: str | None = None
    object: str | None = None
    date: DateRange
    status: EventStatus
    negated: bool = False
    sentence: str
    span: Span
    evidence: str
    confidence: float


class Amount(_Record):
    """A figure with what it measures, between whom, for which period."""

    text: str
    span: Span
    value: float
    value_max: float | None = None
    unit: str
    measure: str | None = None
    parties: list[str] = Field(default_factory=list)
    period: DateRange | None = None
    kind: AmountKind = "actual"
    claim_by: str | None = None


class Agreement(_Record):
    """An agreement, treaty, declaration, memorandum or contract as a thing of its own."""

    id: str
    name: str | None
    kind: str
    count: int | None = 1
    parties: list[str] = Field(default_factory=list)
    signed: DateRange | None = None
    place: str | None = None
    topic: str | None = None
    events: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Document(_Record):
    """Everything Communique extracted from one article (the JSONL line of ``extract``)."""

    schema_: Literal["communique/1"] = Field(default=SCHEMA, alias="schema")
    coder: str
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        populate_by_name=True,
        json_schema_serialization_defaults_required=True,
    )

    def to_json(self, *, with_text: bool = False) -> str:
        """Serialise to the spec's JSON (one line); the body text only when asked."""
        return self.model_dump_json(
            by_alias=True, exclude=None if with_text else {"article": {"text"}}
        )

    def to_dict(self, *, with_text: bool = False) -> dict[str, object]:
        """The spec's JSON object as Python data."""
        return self.model_dump(
            mode="json", by_alias=True, exclude=None if with_text else {"article": {"text"}}
        )

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str | None) -> Place | None:
        """The place with this id, or None."""
        return next((p for p in self.places if p.id == place_id), None)


class ItemError(_Record):
    """One input item that could not be read or processed; the rest of the batch goes on."""

    source: str
    code: str
    message: str

    def line(self) -> str:
        """The one-line stderr form: ``error [CODE] message`` (messages name their source)."""
        msg = self.message if self.source in self.message else f"{self.source}: {self.message}"
        return f"error [{self.code}] {msg}"
