"""The pure mapping from a :class:`~communique.records.Document` to table rows.

``flatten(document)`` gives ``{table name: [row dict, ...]}`` with exactly the columns of the
store's tables (see ``migrations.py`` and ``docs/codebook.md``). It is used for the DuckDB
inserts and, unchanged, by the scale engines that write Parquet, so both give the same rows.

Ids are deterministic: an article's id is its content hash; every other key is derived from it
(``<article_id>:A1``), and an event mention's id is a hash of article id and local event id, so
re-ingesting, resuming or processing in parallel always produces the same keys.

Before cross-article resolution every mention is its own event (``event_id == mention_id``);
:mod:`communique.resolve.dedupe` merges them and rewrites ``event_id`` and ``merge_reason``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import urlsplit

from ..records import Actor, Agreement, DateRange, Document, Event, ItemError, Place
from ..resolve.dedupe import events_from_mentions

__all__ = ["TABLE_ORDER", "error_row", "event_row", "flatten", "mention_id", "outlet_of"]

# Insert order (articles first: every other row refers to one).
TABLE_ORDER = ("articles", "actors", "places", "event_mentions", "events", "amounts", "agreements")

Row = dict[str, Any]


def mention_id(article_id: str, local_event_id: str) -> str:
    """The global id of one article's event: sha256 of ``article_id:E1``, 16 hex chars."""
    return hashlib.sha256(f"{article_id}:{local_event_id}".encode()).hexdigest()[:16]


def outlet_of(source: str) -> str:
    """Who published the article: the URL's host (``www.`` dropped) or, for files, the folder.

    ``num_sources`` counts distinct outlets, so folders of a corpus stand for outlets
    (``demo/articles/caspian-herald/x.txt`` -> ``caspian-herald``); a JSONL/CSV corpus
    (``path:LINE``) is one outlet named after its file.
    """
    if "://" in source:
        host = urlsplit(source).hostname or source
        return host.removeprefix("www.")
    path = source.rsplit(":", 1)[0] if source.rsplit(":", 1)[-1].isdigit() else source
    parts = path.replace("\\", "/").rstrip("/").split("/")
    if path != source:  # a corpus line: the corpus file is the outlet
        return parts[-1].rsplit(".", 1)[0]
    return parts[-2] if len(parts) > 1 else parts[-1]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _spans(spans: list[tuple[int, int]]) -> str:
    return _json([list(s) for s in spans])


def _date(rng: DateRange | None, prefix: str) -> Row:
    return {
        f"{prefix}_start": rng.start if rng else None,
        f"{prefix}_end": rng.end if rng else None,
        f"{prefix}_precision": rng.precision if rng else None,
    }


def _actor_cols(actor: Actor | None, prefix: str) -> Row:
    return {
        f"{prefix}_name": actor.name if actor else None,
        # An IGO has no ISO country; the codebook's token for it is "IGO".
        f"{prefix}_country": (actor.country or ("IGO" if actor.kind == "igo" else None))
        if actor
        else None,
        f"{prefix}_role": actor.role if actor else None,
        f"{prefix}_code": actor.code if actor else None,
    }


def _place_cols(place: Place | None) -> Row:
    return {
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_feature": place.feature if place else None,
        "geonameid": place.geonameid if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
    }


def event_row(doc: Document, event: Event) -> Row:
    """The ``event_mentions`` row of one event of ``doc`` (unresolved: its own event)."""
    art = doc.article
    mid = mention_id(art.id, event.id)
    source, target = doc.actor(event.source), doc.actor(event.target)
    return {
        "mention_id": mid,
        "event_id": mid,
        "article_id": art.id,
        "local_event_id": event.id,
        "published": art.published,
        "outlet": outlet_of(art.source),
        "source_url": art.source,
        "cameo": event.cameo,
        "root": event.root,
        "plover": event.plover,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "source_actor": event.source,
        **_actor_cols(source, "source"),
        "target_actor": event.target,
        **_actor_cols(target, "target"),
        "place_id": event.place,
        **_place_cols(doc.place(event.place)),
        "object": event.object,
        **_date(event.date, "date"),
        "status": event.status,
        "negated": event.negated,
        "sentence": event.sentence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "evidence": event.evidence,
        "confidence": event.confidence,
        "merge_reason": "first report",
    }


def _article_row(doc: Document) -> Row:
    art = doc.article
    document = doc.model_dump(mode="json", by_alias=True, exclude={"article": {"text"}})
    return {
        "article_id": art.id,
        "source": art.source,
        "outlet": outlet_of(art.source),
        "external_id": art.external_id,
        "title": art.title,
        "published": art.published,
        "byline": art.byline,
        "language": art.language,
        "coder": doc.coder,
        "n_chars": len(art.text) if art.text is not None else None,
        "n_events": len(doc.events),
        "warnings": _json(list(doc.warnings)),
        "text": art.text,
        "document": _json(document),
    }


def _agreement_row(doc: Document, g: Agreement, local_to_mid: dict[str, str]) -> Row:
    aid = doc.article.id
    place = doc.place(g.place)
    return {
        "agreement_key": f"{aid}:{g.id}", "article_id": aid, "agreement_id": g.id,
        "name": g.name, "kind": g.kind, "count": g.count, "parties": _json(g.parties),
        **_date(g.signed, "signed"),
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "topic": g.topic, "events": _json(g.events),
        "event_mention_ids": _json([local_to_mid[e] for e in g.events if e in local_to_mid]),
        "mentions": _spans(g.mentions),
    }


def flatten(document: Document) -> dict[str, list[Row]]:
    """Every table's rows for one document, keyed by table name (see ``TABLE_ORDER``).

    ``events`` holds one unresolved event per mention (``num_mentions`` 1); the store replaces
    them with resolved events after insert. Pure: no I/O, same input -> same rows.
    """
    art = document.article
    aid = art.id
    mentions = [event_row(document, ev) for ev in document.events]
    local_to_mid = {ev.id: mention_id(aid, ev.id) for ev in document.events}
    return {
        "articles": [_article_row(document)],
        "actors": [
            {
                "actor_key": f"{aid}:{a.id}", "article_id": aid, "actor_id": a.id, "name": a.name,
                "kind": a.kind, "country": a.country, "role": a.role, "title": a.title,
                "code": a.code, "mentions": _spans(a.mentions),
            }
            for a in document.actors
        ],
        "places": [
            {
                "place_key": f"{aid}:{p.id}", "article_id": aid, "place_id": p.id, "name": p.name,
                "country": p.country, "feature": p.feature, "geonameid": p.geonameid,
                "lat": p.lat, "lon": p.lon, "mentions": _spans(p.mentions),
            }
            for p in document.places
        ],
        "event_mentions": mentions,
        "events": events_from_mentions([[m] for m in mentions]),
        "amounts": [
            {
                "amount_key": f"{aid}:{n}", "article_id": aid, "seq": n, "text": m.text,
                "span_start": m.span[0], "span_end": m.span[1], "value": m.value,
                "value_max": m.value_max, "unit": m.unit, "measure": m.measure,
                "parties": _json(m.parties), **_date(m.period, "period"), "kind": m.kind,
                "claim_by": m.claim_by,
            }
            for n, m in enumerate(document.amounts, start=1)
        ],
        "agreements": [_agreement_row(document, g, local_to_mid) for g in document.agreements],
    }


def error_row(error: ItemError) -> Row:
    """The ``ingest_errors`` row of a failed item (keyed by source and code: reruns overwrite)."""
    key = hashlib.sha256(f"{error.source}\x00{error.code}".encode()).hexdigest()[:16]
    return {"error_key": key, "source": error.source, "code": error.code, "message": error.message}
