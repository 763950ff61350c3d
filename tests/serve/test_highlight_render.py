"""The article view's highlighting: overlapping and crossing spans give well-formed HTML that
keeps every character of the text, escaped, with each span linked to its record."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from servedocs import HOSTILE, documents

from communique.serve.highlight import highlights, render
from communique.serve.models import Highlight


class _Check(HTMLParser):
    """Collects text and checks that tags nest, and that no <a> is inside another."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.events: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        assert not (tag == "a" and "a" in self.stack), "nested links"
        self.stack.append(tag)
        if tag == "a" and "hl" in (a.get("class") or ""):
            self.links.append((a.get("href") or "", a.get("data-records") or ""))
        if tag == "span" and a.get("id"):
            self.events.append(a["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data: str) -> None:
        if "sup" not in self.stack:
            self.text.append(data)


def check(html: str) -> _Check:
    parser = _Check()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return parser


def h(kind: str, rid: str, start: int, end: int) -> Highlight:
    return Highlight(kind=kind, id=rid, start=start, end=end, label=f"{kind} {rid}")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "spans",
    [
        [],
        [h("event", "E1", 0, 26)],
        [h("event", "E1", 0, 26), h("event", "E2", 0, 26), h("actor", "A1", 0, 6)],
        [h("event", "E1", 0, 15), h("event", "E2", 7, 26)],  # crossing events
        [h("amount", "M1", 2, 12), h("actor", "A1", 5, 20), h("place", "P1", 8, 10)],
        [h("event", "E1", 3, 9), h("time", "T1", 0, 26)],  # an entity around an event
    ],
)
def test_highlight_render_nests_and_keeps_the_text(spans: list[Highlight]) -> None:
    text = "Turkey <and> Azerbaijan & "
    parsed = check(str(render(text, spans)))
    assert "".join(parsed.text) == text
    assert sorted(parsed.events) == sorted({f"ev-{s.id}" for s in spans if s.kind == "event"})


def test_highlight_render_links_the_innermost_record() -> None:
    parsed = check(str(render("abcdefghij", [h("amount", "M1", 0, 10), h("actor", "A2", 3, 5)])))
    assert parsed.links == [
        ("#rec-amount-M1", "amount:M1"), ("#rec-actor-A2", "amount:M1 actor:A2"),
        ("#rec-amount-M1", "amount:M1"),
    ]


def test_highlight_render_escapes_hostile_text() -> None:
    doc = documents()[-1]
    html = str(render(HOSTILE, highlights(doc, {"E1": "abc"})))
    assert "<script>" not in html and "<img" not in html and "<b " not in html
    assert "&lt;script&gt;" in html
    assert "".join(check(html).text) == HOSTILE


def test_highlight_spans_of_every_record_inside_the_text() -> None:
    doc = documents()[0]
    found = highlights(doc, {"E1": "stored-id"})
    assert {x.kind for x in found} == {"actor", "place", "time", "event", "amount", "agreement"}
    text = doc.article.text or ""
    assert all(0 <= x.start < x.end <= len(text) for x in found)
    event = next(x for x in found if x.kind == "event")
    assert event.href == "/event/stored-id"
    assert [x.start for x in found] == sorted(x.start for x in found)


def test_highlight_spans_outside_the_text_are_dropped() -> None:
    doc = documents()[3]
    short = doc.model_copy(update={"article": doc.article.model_copy(update={"text": "Serbia"})})
    assert highlights(short, {}) == []
