"""Hand-built documents for the store and resolution tests (no model needed).

Two outlets report the same meeting of the Azerbaijani and Turkish foreign ministers in
Belgrade in their own words; a third article reports an unrelated Serbian-Hungarian call.
"""

from __future__ import annotations

from communique.ingest.normalize import article_id
from communique.records import Actor, Article, DateRange, Document, Event, Place

CODER = "communique test"

MEETING_A = (
    "Azerbaijani Foreign Minister Jeyhun Bayramov met his Turkish counterpart Mevlut Cavusoglu "
    "in Belgrade on Monday on the sidelines of a Non-Aligned Movement gathering."
)
MEETING_B = (
    "Turkey's top diplomat Mevlut Cavusoglu held talks with Azerbaijan's Jeyhun Bayramov in "
    "Belgrade, the Turkish foreign ministry said on Monday."
)
CALL_C = (
    "Serbian President Aleksandar Vucic spoke by phone with Hungarian Prime Minister Viktor "
    "Orban on Tuesday about energy supplies."
)


def _actor(aid: str, name: str, country: str, start: int) -> Actor:
    return Actor(
        id=aid, name=name, kind="person", country=country, role="GOV",
        title="Foreign Minister", code=f"{country}GOV", mentions=[(start, start + len(name))],
    )


def document(
    text: str,
    *,
    source: str,
    published: str,
    src: tuple[str, str],
    tgt: tuple[str, str],
    cameo: str = "043",
    day: str | None = None,
    place: tuple[str, str, int] | None = ("Belgrade", "SRB", 792680),
    status: str = "reported",
) -> Document:
    """A one-event document: ``src`` and ``tgt`` are (name, ISO3) pairs found in ``text``."""
    actors = [
        _actor("A1", src[0], src[1], max(text.find(src[0]), 0)),
        _actor("A2", tgt[0], tgt[1], max(text.find(tgt[0]), 0)),
    ]
    places = []
    if place is not None:
        at = max(text.find(place[0]), 0)
        places.append(
            Place(
                id="P1", name=place[0], country=place[1], feature="city", geonameid=place[2],
                lat=44.804, lon=20.465, mentions=[(at, at + len(place[0]))],
            )
        )
    when = day or published
    event = Event(
        id="E1", cameo=cameo, root=cameo[:2], plover="CONSULT", quad=1, goldstein=2.8,
        source="A1", target="A2", place="P1" if places else None, object=None,
        date=DateRange(start=when, end=when, precision="day"), status=status,  # type: ignore[arg-type]
        negated=False, sentence=text, span=(0, len(text)), evidence="test: hand-built",
        confidence=0.9,
    )
    article = Article(
        id=article_id(text), source=source, title=text[:40], published=published,
        byline="Desk", text=text,
    )
    return Document(
        coder=CODER, article=article, actors=actors, places=places, events=[event],
    )


def two_outlets() -> list[Document]:
    """The same meeting from two outlets, plus an unrelated call."""
    return [
        document(
            MEETING_A, source="https://caspian-herald.example/a1", published="2021-10-11",
            src=("Jeyhun Bayramov", "AZE"), tgt=("Mevlut Cavusoglu", "TUR"),
        ),
        document(
            MEETING_B, source="https://bosphorus-daily.example/b7", published="2021-10-12",
            src=("Mevlut Cavusoglu", "TUR"), tgt=("Jeyhun Bayramov", "AZE"), day="2021-10-11",
        ),
        document(
            CALL_C, source="https://danube-wire.example/c3", published="2021-10-13",
            src=("Aleksandar Vucic", "SRB"), tgt=("Viktor Orban", "HUN"), cameo="040",
            day="2021-10-12", place=None,
        ),
    ]
