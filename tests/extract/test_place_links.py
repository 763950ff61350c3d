"""Which place is an event's location: the phrase rules of ``extract.place_links``."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from communique.parse.pipeline import make_doc

pytestmark = pytest.mark.slow


def _place_of(nlp: Language, text: str, verb: str) -> str | None:
    from communique.extract.places import place_for_predicate

    doc = nlp(make_doc(nlp, text, published=date(2024, 5, 2)))
    token = next(t for t in doc if t.text == verb)
    pid = place_for_predicate(doc, token)
    place = next((p for p in doc._.communique_places if p.id == pid), None)
    return place.name if place else None


@pytest.mark.parametrize(
    ("text", "verb", "want"),
    [
        # a class noun's "of" names the place, not the region modifying the class noun
        ("Troops shelled houses in the West Bank town of Jenin on Monday.", "shelled", "Jenin"),
        ("Gunmen attacked a market in the northern Iraqi city of Mosul.", "attacked", "Mosul"),
        # of a locative phrase and the place acted on, the more specific
        ("In Ohio, the storm destroyed the town of Xenia.", "destroyed", "Xenia"),
        # a clause saying when it happened shares the event's place
        ("Two soldiers were killed when a bomb hit their convoy near Kirkuk.", "killed",
         "Kirkuk"),
        # verbs sharing one object are one act
        ("Soldiers shot and killed the two brothers of a senior militant leader late on Thursday "
         "night in a cottage near the West Bank city of Hebron.", "shot", "Hebron"),
        # a clause of what the attack did happens where the attack was
        ("Militants attacked Kandahar on Monday, killing 12 people.", "killing", "Kandahar"),
        # a town's own body acts where it serves
        ("Karachi police arrested two men on Friday.", "arrested", "Karachi"),
        # "over" locates a flight or an air attack
        ("A fighter jet was shot down over Lebanon in 1986.", "shot", "Lebanon"),
    ],
)
def test_the_events_own_place(nlp: Language, text: str, verb: str, want: str) -> None:
    assert _place_of(nlp, text, verb) == want


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # a country's name on a person or craft is whose it is, not where the event was
        ("Rebels shot down two U.S. helicopters last week.", "shot"),
        ("A U.S. soldier was killed on Saturday.", "killed"),
        # "over" a topic locates nothing
        ("The two governments clashed over Kashmir for decades.", "clashed"),
        # a later clause that is no "when" clause is another event
        ("He was captured in 2001 and later shipped to Cuba.", "captured"),
    ],
)
def test_no_place_for_the_event(nlp: Language, text: str, verb: str) -> None:
    assert _place_of(nlp, text, verb) is None
