"""Hand-built documents and articles for the scale tests (no model needed for the documents).

Each document has one consultation between two countries' ministers, a place, an amount and an
agreement, so that every table of the store gets rows; publication months differ, and one
article has no date (the ``unknown`` month partition).
"""

from __future__ import annotations

import json
from pathlib import Path

from communique.ingest.normalize import article_id
from communique.records import (
    Actor,
    Agreement,
    Amount,
    Article,
    DateRange,
    Document,
    Event,
    Place,
)

PAIRS = [
    ("Kenya", "KEN", "Uganda", "UGA", "Nairobi"),
    ("Egypt", "EGY", "Sudan", "SDN", "Cairo"),
    ("Chile", "CHL", "Peru", "PER", "Lima"),
    ("Poland", "POL", "Ukraine", "UKR", "Warsaw"),
    ("Japan", "JPN", "South Korea", "KOR", "Tokyo"),
]


def text_of(n: int) -> str:
    """The n-th test article: two countries' ministers meet, sign a deal, report trade."""
    a, _, b, _, city = PAIRS[n % len(PAIRS)]
    return (
        f"The foreign ministers of {a} and {b} met in {city} on Monday and signed "
        f"{n % 4 + 2} agreements on trade. Trade between the two countries reached "
        f"${n + 1}.5 billion last year, officials said."
    )


def published_of(n: int) -> str | None:
    """Dates over several months; every seventh article has none."""
    return None if n % 7 == 6 else f"2023-{n % 3 + 1:02d}-{n % 27 + 1:02d}"


def document(n: int, *, source: str | None = None) -> Document:
    """The hand-built record of :func:`text_of` ``(n)`` (as the pipeline might code it)."""
    a, a3, b, b3, city = PAIRS[n % len(PAIRS)]
    text = text_of(n)
    published = published_of(n)
    at_a, at_b, at_c = text.find(a), text.find(b), text.find(city)
    actors = [
        Actor(id="A1", name=a, kind="country", country=a3, role="GOV", title=None,
              code=f"{a3}GOV", mentions=[(at_a, at_a + len(a))]),
        Actor(id="A2", name=b, kind="country", country=b3, role="GOV", title=None,
              code=f"{b3}GOV", mentions=[(at_b, at_b + len(b))]),
    ]
    places = [Place(id="P1", name=city, country=a3, feature="city", geonameid=1000 + n,
                    lat=1.0, lon=2.0, mentions=[(at_c, at_c + len(city))])]
    day = DateRange(start=published, end=published, precision="day" if published else "unknown")
    events = [
        Event(id="E1", cameo="043", root="04", plover="CONSULT", quad=1, goldstein=2.8,
              source="A1", target="A2", place="P1", object=None, date=day, status="reported",
              negated=False, sentence=text.split(". ")[0], span=(0, 60),
              evidence="test: hand-built", confidence=0.9),
        Event(id="E2", cameo="057", root="05", plover="AGREE", quad=1, goldstein=8.0,
              source="A1", target="A2", place="P1", object="agreements", date=day,
              status="reported", negated=False, sentence=text.split(". ")[0], span=(0, 60),
              evidence="test: hand-built", confidence=0.8),
    ]
    amount_text = f"${n + 1}.5 billion"
    at_m = text.find(amount_text)
    amounts = [Amount(text=amount_text, span=(at_m, at_m + len(amount_text)),
                      value=(n + 1.5) * 1e9, unit="USD", measure="trade_turnover",
                      parties=[a3, b3], period=None, kind="actual")]
    agreements = [Agreement(id="G1", name=None, kind="agreement", count=n % 4 + 2,
                            parties=[a3, b3], signed=day, place="P1", topic="trade",
                            events=["E2"], mentions=[(at_c, at_c + 4)])]
    article = Article(id=article_id(text), source=source or f"corpus/outlet{n % 2}/a{n}.txt",
                      title=None, published=published, byline=None, text=text)
    return Document(coder="communique test", article=article, actors=actors, places=places,
                    events=events, amounts=amounts, agreements=agreements)


def write_jsonl(path: Path, count: int, *, broken_every: int = 0) -> Path:
    """A JSONL corpus of :func:`text_of` articles, with a malformed line every few records."""
    lines = []
    for n in range(count):
        record = {"id": f"t{n}", "text": text_of(n)}
        if published_of(n):
            record["published"] = published_of(n)
        lines.append(json.dumps(record))
        if broken_every and n % broken_every == broken_every - 1:
            lines.append('{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path
