"""The resolver's merge rules, its explanations, and its independence from input order."""

from __future__ import annotations

import random
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from communique.resolve.dedupe import ResolveOptions, compatible, events_from_mentions, resolve


def mention(n: int, article: str, **over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "mention_id": f"m{n:03d}{article}",
        "event_id": f"m{n:03d}{article}",
        "article_id": article,
        "local_event_id": "E1",
        "published": "2022-09-13",
        "outlet": f"outlet-{article}",
        "source_url": f"https://{article}.example/x",
        "cameo": "194",
        "root": "19",
        "plover": "ASSAULT",
        "quad": 4,
        "goldstein": -10.0,
        "source_name": "Azerbaijani forces",
        "source_country": "AZE",
        "source_role": "MIL",
        "source_code": "AZEMIL",
        "target_name": "Armenia",
        "target_country": "ARM",
        "target_role": None,
        "target_code": "ARM",
        "place_name": "Jermuk",
        "place_country": "ARM",
        "place_feature": "city",
        "geonameid": 616629,
        "lat": 39.84,
        "lon": 45.67,
        "object": None,
        "date_start": "2022-09-13",
        "date_end": "2022-09-13",
        "date_precision": "day",
        "status": "reported",
        "negated": False,
        "sentence": "s",
        "confidence": 0.8,
        "merge_reason": "first report",
    }
    row.update(over)
    return row


@pytest.mark.parametrize(
    "change,merges",
    [
        ({}, True),
        ({"cameo": "190"}, True),  # same root family
        ({"cameo": "111", "root": "11"}, False),  # another family
        ({"negated": True}, False),
        ({"status": "hypothetical"}, False),
        ({"status": "background"}, True),
        ({"target_country": None}, True),  # unknown agrees with any
        ({"source_country": "ARM", "target_country": "AZE"}, False),  # fighting is directed
        ({"source_country": "TUR", "target_country": "SYR"}, False),  # no shared country
        ({"date_start": "2022-09-15", "date_end": "2022-09-15"}, True),  # within 3 days
        ({"date_start": "2022-09-20", "date_end": "2022-09-20"}, False),
        ({"date_start": "2022-01-01", "date_end": "2022-12-31", "date_precision": "year"}, False),
        ({"date_start": None, "date_end": None, "date_precision": "unknown"}, False),
        ({"place_name": "Goris", "geonameid": 174895}, False),  # another city
        ({"place_name": None, "place_country": None, "geonameid": None}, True),
        ({"place_name": "Baku", "place_country": "AZE", "geonameid": 587084}, False),
    ],
)
def test_dedupe_rules_compatible(change: dict[str, Any], merges: bool) -> None:
    a, b = mention(1, "a"), mention(2, "b", **change)
    assert (compatible(a, b) is not None) == merges
    assert (compatible(b, a) is not None) == merges


def test_dedupe_rules_symmetric_roots_merge_crosswise() -> None:
    a = mention(1, "a", cameo="043", root="04", source_country="AZE", target_country="TUR")
    b = mention(2, "b", cameo="040", root="04", source_country="TUR", target_country="AZE")
    reason = compatible(a, b)
    assert reason is not None and "either order" in reason


def test_dedupe_rules_never_within_one_article() -> None:
    a, b = mention(1, "a"), mention(2, "a")
    assert compatible(a, b) is None
    assert compatible(a, b, options=ResolveOptions(cross_article_only=False)) is not None


def test_dedupe_rules_complete_link_and_counts() -> None:
    rows = [
        mention(1, "a", published="2022-09-13"),
        mention(2, "b", published="2022-09-14", outlet="outlet-a"),  # same outlet as a
        mention(3, "c", published="2022-09-14", date_start="2022-09-16", date_end="2022-09-16"),
        mention(4, "d", published="2022-09-20", date_start="2022-09-19", date_end="2022-09-19"),
    ]
    clusters = resolve(rows)
    # c is within 3 days of a and b; d is within 3 days of c but not of a: complete link splits.
    assert [[r["article_id"] for r in c] for c in clusters] == [["a", "b", "c"], ["d"]]
    (event, single) = events_from_mentions(clusters)
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 3, 2)
    assert event["event_id"] == rows[0]["mention_id"] and single["num_mentions"] == 1
    assert clusters[0][1]["merge_reason"].startswith(
        f"same event as {rows[0]['mention_id']}: root 19"
    )


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(2, 12))
def test_dedupe_rules_result_is_independent_of_order(seed: int, n: int) -> None:
    rnd = random.Random(seed)
    rows = [
        mention(
            i,
            f"art{i % 5}",
            local_event_id=f"E{i}",
            published=f"2022-09-{10 + rnd.randint(0, 6):02d}",
            date_start=(d := f"2022-09-{10 + rnd.randint(0, 8):02d}"),
            date_end=d,
            cameo=rnd.choice(["190", "194", "043"]),
        )
        for i in range(n)
    ]
    for r in rows:
        r["root"] = r["cameo"][:2]

    def run(order: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
        return sorted(
            (r["mention_id"], r["event_id"], r["merge_reason"]) for c in resolve(order) for r in c
        )

    shuffled = rows[:]
    rnd.shuffle(shuffled)
    assert run(rows) == run(shuffled) == run(list(reversed(rows)))
