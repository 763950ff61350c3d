"""Hand-built documents for the web tests (no model needed), and a store made of them.

Four fictional reports give the dashboard something of each kind: two countries' events in
three quad classes over two months, a conflict elsewhere, figures (an actual value and a
target), an agreement, places with coordinates and time expressions. ``HOSTILE`` is a report
whose text, title, actor and place names carry HTML and script: the pages must show it as text.
"""

from __future__ import annotations

from pathlib import Path

import communique
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
    TimeExpr,
)

CODER = "communique test"
SCRIPT = "<script>window.__xss = 'script'</script>"
IMG = "<img src=x onerror=\"window.__xss = 'onerror'\">"

# (source, target, cameo, root, plover, quad, goldstein) per event kind used here.
CODES = {
    "meet": ("043", "04", "CONSULT", 1, 2.8),
    "aid": ("071", "07", "AID", 2, 7.4),
    "criticise": ("111", "11", "DISAPPROVE", 3, -2.0),
    "fight": ("190", "19", "FIGHT", 4, -10.0),
    "call": ("040", "04", "CONSULT", 1, 1.0),
}


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def document(
    text: str, *, source: str, published: str, title: str | None = None,
    actors: list[tuple[str, str, str]], events: list[tuple[str, str, str, str, str | None]],
    places: list[tuple[str, str, float, float]] = (),  # type: ignore[assignment]
    amounts: list[Amount] = (),  # type: ignore[assignment]
    agreements: list[Agreement] = (),  # type: ignore[assignment]
    times: list[str] = (),  # type: ignore[assignment]
) -> Document:
    """A document whose records point into ``text``.

    ``actors``: (name as in the text, kind, ISO3); ``events``: (kind, source name, target name,
    sentence as in the text, place name or None); ``places``: (name, ISO3, lat, lon).
    """
    acts = [
        Actor(id=f"A{i}", name=name, kind=kind, country=iso, role="GOV",  # type: ignore[arg-type]
              code=f"{iso}GOV", mentions=[_span(text, name)])
        for i, (name, kind, iso) in enumerate(actors, start=1)
    ]
    by_name = {a.name: a.id for a in acts}
    plcs = [
        Place(id=f"P{i}", name=name, country=iso, feature="city", lat=lat, lon=lon,
              mentions=[_span(text, name)])
        for i, (name, iso, lat, lon) in enumerate(places, start=1)
    ]
    place_ids = {p.name: p.id for p in plcs}
    evs = []
    for i, (kind, src, tgt, sentence, place) in enumerate(events, start=1):
        cameo, root, plover, quad, goldstein = CODES[kind]
        evs.append(Event(
            id=f"E{i}", cameo=cameo, root=root, plover=plover, quad=quad, goldstein=goldstein,
            source=by_name[src], target=by_name[tgt], place=place_ids.get(place or ""),
            date=DateRange(start=published, end=published, precision="day"), status="reported",
            sentence=sentence, span=_span(text, sentence), evidence="test: hand-built",
            confidence=0.9,
        ))
    tms = [TimeExpr(text=t, span=_span(text, t), type="DATE", value=published,
                    start=published, end=published) for t in times]
    article = Article(id=article_id(text), source=source, title=title, published=published,
                      byline="Desk", text=text)
    return Document(coder=CODER, article=article, actors=acts, places=plcs, times=tms,
                    events=evs, amounts=list(amounts), agreements=list(agreements))


MEETING = (
    "Azerbaijani Foreign Minister Jeyhun Bayramov met Turkish Foreign Minister Mevlut Cavusoglu "
    "in Belgrade on Monday. Trade between the two countries reached $2.8 billion in 2021, and "
    "they aim for $15 billion by 2023. The ministers recalled the Shusha Declaration."
)
AID = (
    "Turkey sent aid to Azerbaijan on Saturday. Separately, Ankara criticised Baku over "
    "transit fees."
)
CLASH = "Armenia and Azerbaijan fought along the border near Jermuk on Tuesday."
CALL = "Serbia's Aleksandar Vucic called Hungary's Viktor Orban on Friday about gas."
HOSTILE = (
    f"Turkey praised Azerbaijan {SCRIPT} in a statement. {IMG} Observers in "
    "<b onmouseover=alert(1)>Baku</b> welcomed it."
)


def documents() -> list[Document]:
    """The four reports and the hostile one."""
    meet = "Azerbaijani Foreign Minister Jeyhun Bayramov met Turkish Foreign Minister Mevlut " \
           "Cavusoglu in Belgrade on Monday."
    return [
        document(
            MEETING, source="https://caspian-herald.example/1", published="2021-10-11",
            title="Ministers meet in Belgrade",
            actors=[("Jeyhun Bayramov", "person", "AZE"), ("Mevlut Cavusoglu", "person", "TUR")],
            events=[("meet", "Jeyhun Bayramov", "Mevlut Cavusoglu", meet, "Belgrade")],
            places=[("Belgrade", "SRB", 44.804, 20.465)], times=["Monday", "2021"],
            amounts=[
                Amount(text="$2.8 billion", span=_span(MEETING, "$2.8 billion"), value=2.8e9,
                       unit="USD", measure="trade_turnover", parties=["AZE", "TUR"],
                       period=DateRange(start="2021-01-01", end="2021-12-31",
                                        precision="year"), kind="actual"),
                Amount(text="$15 billion", span=_span(MEETING, "$15 billion"), value=1.5e10,
                       unit="USD", measure="trade_target", parties=["AZE", "TUR"],
                       period=DateRange(start="2023-01-01", end="2023-12-31",
                                        precision="year"), kind="target"),
            ],
            agreements=[Agreement(
                id="G1", name="Shusha Declaration", kind="declaration", parties=["AZE", "TUR"],
                signed=DateRange(start="2021-06-15", end="2021-06-15", precision="day"),
                mentions=[_span(MEETING, "Shusha Declaration")],
            )],
        ),
        document(
            AID, source="https://bosphorus-daily.example/2", published="2022-03-05",
            title="Aid, and a quarrel",
            actors=[("Turkey", "country", "TUR"), ("Azerbaijan", "country", "AZE"),
                    ("Ankara", "government", "TUR"), ("Baku", "government", "AZE")],
            events=[("aid", "Turkey", "Azerbaijan", "Turkey sent aid to Azerbaijan on Saturday.",
                     None),
                    ("criticise", "Ankara", "Baku",
                     "Separately, Ankara criticised Baku over transit fees.", None)],
        ),
        document(
            CLASH, source="https://yerevan-courier.example/3", published="2022-09-13",
            title="Border clash",
            actors=[("Armenia", "country", "ARM"), ("Azerbaijan", "country", "AZE")],
            events=[("fight", "Armenia", "Azerbaijan", CLASH, "Jermuk")],
            places=[("Jermuk", "ARM", 39.84, 45.67)], times=["Tuesday"],
        ),
        document(
            CALL, source="https://danube-wire.example/4", published="2021-10-01",
            title="A call about gas",
            actors=[("Aleksandar Vucic", "person", "SRB"), ("Viktor Orban", "person", "HUN")],
            events=[("call", "Aleksandar Vucic", "Viktor Orban", CALL, None)],
        ),
        document(
            HOSTILE, source="https://hostile.example/<script>", published="2022-03-20",
            title=f"{SCRIPT} headline {IMG}",
            actors=[("Turkey", "country", "TUR"), ("Azerbaijan", "country", "AZE")],
            events=[("meet", "Turkey", "Azerbaijan",
                     f"Turkey praised Azerbaijan {SCRIPT} in a statement.", None)],
            places=[("<b onmouseover=alert(1)>Baku</b>", "AZE", 40.4, 49.9)],
        ),
    ]


def build_store(path: Path) -> Path:
    """A store file at ``path`` holding :func:`documents`."""
    with communique.open(path) as st:
        st.ingest_documents(documents())
    return path
