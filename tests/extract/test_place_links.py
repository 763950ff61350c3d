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
        ("Floods damaged homes in the Texas town of Uvalde on Monday.", "damaged", "Uvalde"),
        ("A bomb destroyed a bus in the southern Afghan city of Kandahar.", "destroyed",
         "Kandahar"),
        # of a locative phrase and the place acted on, the more specific
        ("In Ohio, the storm destroyed the town of Xenia.", "destroyed", "Xenia"),
        # a clause saying when it happened shares the event's place
        ("Three guards died when a mine hit their truck near Sirte.", "died", "Sirte"),
        # verbs sharing one object are one act
        ("Police shot and wounded the two sons of a well-known local smuggler late on Tuesday "
         "evening in a warehouse near the Sudanese town of Kassala.", "shot", "Kassala"),
        # a clause of what the attack did happens where the attack was
        ("Rebels shelled Goma on Monday, killing nine people.", "killing", "Goma"),
        # a town's own body acts where it serves
        ("Karachi police arrested two men on Friday.", "arrested", "Karachi"),
        # "over" locates a flight or an air attack
        ("A cargo plane was shot down over Angola in 1998.", "shot", "Angola"),
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
