"""One event per distinct act within an article: repeats are dropped (``_event_dedupe``)."""

from __future__ import annotations

import pytest

from communique.extract._event_dedupe import dedupe
from communique.records import DateRange, Event


def _event(source: str | None, target: str | None, start: str | None) -> Event:
    precision = "day" if start else "unknown"
    return Event(
        id="", cameo="0874", root="08", plover="RETREAT", quad=2, goldstein=7.0, source=source,
        target=target, date=DateRange(start=start, end=start, precision=precision),
        status="reported", sentence="s", span=(0, 1), evidence="lex:x; rule:noun; sym:False",
        confidence=0.5,
    )


@pytest.mark.parametrize(
    ("repeat", "kept"),
    [
        (_event("A1", None, None), 1),  # names the source only: the dated event repeated
        (_event(None, "A2", None), 1),  # names the target only
        (_event("A1", "A2", None), 1),  # both, undated
        (_event("A1", "A3", None), 2),  # another target: another act
        (_event("A1", None, "2021-05-01"), 2),  # dated otherwise: another act
        (_event(None, None, None), 2),  # no party at all says nothing of whose act it is
    ],
)
def test_event_dedupe_undated_repeat_with_a_party_left_out(repeat: Event, kept: int) -> None:
    dated = _event("A1", "A2", "2021-05-09")
    assert len(dedupe([dated, repeat])) == kept
