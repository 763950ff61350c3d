"""Cross-article event resolution: mentions of one real-world event become one event.

Each article's events arrive as *mentions* (rows of ``event_mentions``). Two mentions from
different articles report the same event when every rule below holds (``compatible``):

1. the same CAMEO root (``04`` consult, ``19`` fight ...);
2. neither or both negated; a hypothetical event only merges with a hypothetical one;
3. actor countries agree side by side (a missing country agrees with any), or crosswise for the
   symmetric roots 03-06 ("A met B" = "B met A"), and at least one country is shared;
4. both dated, the dates within ``window_days`` of each other, and of comparable precision
   (day/month intervals only merge with intervals of at most a month, a year with a year);
5. places compatible: when both are known, the same country, and for two cities the same one.

Clustering is greedy *complete link* in a canonical order (publication date, article id, local
event number): a mention joins the best-scoring cluster all of whose members it is compatible
with and that holds no mention of its own article, else it starts a cluster. The canonical
order makes the clusters a function of the *set* of mentions, never of the order or batches in
which they were ingested, so an interrupted and resumed ingest gives the same events. A
cluster's event id is the mention id of its first member; each mention records why it joined.

Written by hand: record-linkage libraries (dedupe, recordlinkage) learn pairwise scores but
give neither order independence nor the per-merge explanations analysts need to audit counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = [
    "SYMMETRIC_ROOTS",
    "ResolveOptions",
    "compatible",
    "events_from_mentions",
    "resolve",
]

Row = dict[str, Any]
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "unknown": 4}


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    """Knobs of the resolver.

    Attributes:
        window_days: largest gap in days between two mentions' dates (the reporting window).
        cross_article_only: never merge two mentions of one article (the extractor already
            codes a repeated event once per article).
    """

    window_days: int = 3
    cross_article_only: bool = True


def _d(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _countries(row: Row) -> tuple[str | None, str | None]:
    return row.get("source_country") or None, row.get("target_country") or None


def _agree(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _actor_reason(a: Row, b: Row) -> str | None:
    sa, ta = _countries(a)
    sb, tb = _countries(b)
    shared = ({sa, ta} & {sb, tb}) - {None}
    if not shared:
        return None
    if _agree(sa, sb) and _agree(ta, tb):
        return "countries " + "-".join(c or "?" for c in (sa or sb, ta or tb))
    if a["root"] in SYMMETRIC_ROOTS and _agree(sa, tb) and _agree(ta, sb):
        return "countries " + "-".join(c or "?" for c in (sa or tb, ta or sb)) + " (either order)"
    return None


def _date_reason(a: Row, b: Row, window: int) -> str | None:
    a0, b0 = _d(a.get("date_start")), _d(b.get("date_start"))
    if a0 is None or b0 is None:
        return None
    a1, b1 = _d(a.get("date_end")) or a0, _d(b.get("date_end")) or b0
    long_a, long_b = (a1 - a0).days > _SHORT, (b1 - b0).days > _SHORT
    if long_a != long_b:  # a year-long background fact is not a dated report
        return None
    gap = max(0, (b0 - a1).days, (a0 - b1).days)
    if gap > window:
        return None
    return "same dates" if gap == 0 else f"dates {gap} day(s) apart"


def _place_reason(a: Row, b: Row) -> str | None:
    ca, cb = a.get("place_country"), b.get("place_country")
    if ca and cb and ca != cb:
        return None
    ga, gb = a.get("geonameid"), b.get("geonameid")
    city = {"city", "site"}
    if ga and gb and ga != gb and a.get("place_feature") in city and b.get("place_feature") in city:
        return None
    if a.get("place_name") and b.get("place_name"):
        return f"place {a.get('place_name')}"
    return "place compatible"


def compatible(a: Row, b: Row, *, options: ResolveOptions | None = None) -> str | None:
    """Why mentions ``a`` and ``b`` report the same event, or None when they may not merge."""
    opts = options or ResolveOptions()
    if a["root"] != b["root"] or bool(a.get("negated")) != bool(b.get("negated")):
        return None
    if opts.cross_article_only and a["article_id"] == b["article_id"]:
        return None
    if (a.get("status") == "hypothetical") != (b.get("status") == "hypothetical"):
        return None
    parts = [f"root {a['root']}"]
    for reason in (_actor_reason(a, b), _date_reason(a, b, opts.window_days), _place_reason(a, b)):
        if reason is None:
            return None
        parts.append(reason)
    return ", ".join(parts)


def _score(a: Row, b: Row) -> int:
    score = 2 * (a["cameo"] == b["cameo"])
    score += 2 * (_countries(a) == _countries(b))
    score += a.get("date_start") == b.get("date_start")
    score += bool(a.get("geonameid")) and a.get("geonameid") == b.get("geonameid")
    return int(score)


def _order_key(row: Row) -> tuple[str, str, int, str, str]:
    local = str(row.get("local_event_id") or "")
    digits = "".join(ch for ch in local if ch.isdigit())
    return (
        str(row.get("published") or "9999-12-31"), row["article_id"], int(digits or 0), local,
        row["mention_id"],  # a total order even for malformed input with repeated local ids
    )


def resolve(
    mentions: Iterable[Row], *, options: ResolveOptions | None = None
) -> list[list[Row]]:
    """Cluster mentions into events; each cluster's first row is its seed (the first report).

    Every returned row is a copy with ``event_id`` and ``merge_reason`` set. The result depends
    only on the set of mentions, not on their order.
    """
    opts = options or ResolveOptions()
    clusters: list[list[Row]] = []
    # Candidate clusters are looked up by their seed's start day (short dates) or kept in a
    # per-root list (long intervals), so each mention is compared with the clusters that can
    # be within the window, not with every cluster of its root.
    by_day: dict[tuple[str, int], list[int]] = {}
    long_ones: dict[str, list[int]] = {}
    for row in sorted(mentions, key=_order_key):
        row = dict(row)
        best: tuple[int, int, str] | None = None
        for idx in _candidates(row, by_day, long_ones, opts.window_days):
            members = clusters[idx]
            reasons = [compatible(m, row, options=opts) for m in members]
            if any(r is None for r in reasons):
                continue
            score = sum(_score(m, row) for m in members) * 10 // len(members)
            if best is None or score > best[0]:
                best = (score, idx, str(reasons[0]))
        if best is None:
            row["event_id"] = row["mention_id"]
            row["merge_reason"] = "first report"
            _index(row, len(clusters), by_day, long_ones)
            clusters.append([row])
        else:
            seed = clusters[best[1]][0]
            row["event_id"] = seed["mention_id"]
            row["merge_reason"] = f"same event as {seed['mention_id']}: {best[2]}"
            clusters[best[1]].append(row)
    return clusters


_SHORT = 31  # days: longer date intervals (a year of background) only merge with long ones


def _interval(row: Row) -> tuple[date, date] | None:
    start = _d(row.get("date_start"))
    if start is None:
        return None
    return start, _d(row.get("date_end")) or start


def _index(
    seed: Row, idx: int, by_day: dict[tuple[str, int], list[int]], long_ones: dict[str, list[int]]
) -> None:
    span = _interval(seed)
    if span is None:
        return  # an undated seed never takes other mentions
    if (span[1] - span[0]).days > _SHORT:
        long_ones.setdefault(seed["root"], []).append(idx)
    else:
        by_day.setdefault((seed["root"], span[0].toordinal()), []).append(idx)


def _candidates(
    row: Row, by_day: dict[tuple[str, int], list[int]], long_ones: dict[str, list[int]],
    window: int,
) -> list[int]:
    """Clusters whose seed could be within the window of ``row``, in creation order."""
    span = _interval(row)
    if span is None:
        return []
    if (span[1] - span[0]).days > _SHORT:
        return list(long_ones.get(row["root"], ()))
    first, last = span[0].toordinal() - window - _SHORT, span[1].toordinal() + window
    found = [i for day in range(first, last + 1) for i in by_day.get((row["root"], day), ())]
    return sorted(found)


def _first(rows: Sequence[Row], key: str) -> Any:
    return next((r[key] for r in rows if r.get(key) is not None), None)


_EVENT_COPY = (
    "cameo", "root", "plover", "quad", "goldstein", "object", "status", "negated",
)
_SIDE = ("name", "country", "role", "code")
_PLACE = ("place_name", "place_country", "place_feature", "geonameid", "lat", "lon")


def events_from_mentions(clusters: Iterable[Sequence[Row]]) -> list[Row]:
    """One ``events`` row per cluster of mentions (seed first), with GDELT-style counts.

    Type and status come from the seed (the first report); each actor side and the place come
    from the first mention that has them; the date from the most precise mention.
    """
    out: list[Row] = []
    for rows in clusters:
        seed = rows[0]
        dated = sorted(
            (r for r in rows if r.get("date_start") is not None),
            key=lambda r: _PRECISION_RANK.get(str(r.get("date_precision")), 4),
        )
        when = dated[0] if dated else seed
        sided = {
            side: next((r for r in rows if r.get(f"{side}_country") or r.get(f"{side}_name")), seed)
            for side in ("source", "target")
        }
        placed = next((r for r in rows if r.get("place_name")), seed)
        published = [str(r["published"]) for r in rows if r.get("published")]
        event: Row = {"event_id": seed["mention_id"]}
        event.update({k: seed.get(k) for k in _EVENT_COPY})
        for side in ("source", "target"):
            event.update({f"{side}_{k}": sided[side].get(f"{side}_{k}") for k in _SIDE})
        event.update({k: placed.get(k) for k in _PLACE})
        event.update(
            date_start=when.get("date_start"), date_end=when.get("date_end"),
            date_precision=when.get("date_precision"),
            confidence=max(float(r.get("confidence") or 0.0) for r in rows),
            num_mentions=len(rows),
            num_sources=len({r.get("outlet") for r in rows}),
            num_articles=len({r["article_id"] for r in rows}),
            first_published=min(published) if published else None,
            first_article_id=seed["article_id"], first_mention_id=seed["mention_id"],
            sentence=seed.get("sentence"), source_url=seed.get("source_url"),
        )
        out.append(event)
    return out
