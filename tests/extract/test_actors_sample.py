"""The sample article's actors (issue 4's "It must show")."""

from __future__ import annotations

from typing import Any

import pytest

from communique.records import Actor

pytestmark = pytest.mark.slow


def _one(doc: Any, **want: object) -> Actor:
    found = [a for a in doc.actors if all(getattr(a, k) == v for k, v in want.items())]
    assert len(found) == 1, (want, doc.actors)
    return found[0]


def _texts(doc: Any, actor: Actor) -> list[str]:
    return [doc.article.text[s:e] for s, e in actor.mentions]


@pytest.mark.parametrize(
    ("name", "country", "code"),
    [("Jeyhun Bayramov", "AZE", "AZEGOV"), ("Mevlut Cavusoglu", "TUR", "TURGOV")],
)
def test_actors_sample_ministers(sample_doc: Any, name: str, country: str, code: str) -> None:
    minister = _one(sample_doc, name=name)
    assert (minister.kind, minister.country, minister.role) == ("person", country, "GOV")
    assert (minister.title, minister.code) == ("Foreign Minister", code)
    # "The ministers ... They" are both ministers
    assert {"The ministers", "They"} <= set(_texts(sample_doc, minister))


def test_actors_sample_foreign_ministry_is_azerbaijani(sample_doc: Any) -> None:
    ministry = _one(sample_doc, name="Azerbaijan Foreign Ministry")
    assert (ministry.kind, ministry.country, ministry.role) == ("government", "AZE", "GOV")
    assert _texts(sample_doc, ministry) == ["the Foreign Ministry"]


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [("Armenia", "country", "ARM"), ("Azerbaijan", "country", "AZE"),
     ("Turkey", "country", "TUR"), ("Non-Aligned Movement", "igo", "IGONON")],
)
def test_actors_sample_countries_and_igo(sample_doc: Any, name: str, kind: str, code: str) -> None:
    actor = _one(sample_doc, name=name)
    assert (actor.kind, actor.code) == (kind, code)


def test_actors_sample_two_countries_are_the_dyad(sample_doc: Any) -> None:
    for name in ("Azerbaijan", "Turkey"):
        assert "the two countries" in _texts(sample_doc, _one(sample_doc, name=name))


@pytest.mark.parametrize("code", ["AZEGOV", "TURGOV", "AZEMIL", "TURMIL"])
def test_actors_sample_coordinated_nationalities(sample_doc: Any, code: str) -> None:
    organ = _one(sample_doc, code=code, kind="government", title=None,
                 name=f"{'Azerbaijan' if code[:3] == 'AZE' else 'Turkey'} "
                 f"{'government' if code.endswith('GOV') else 'military'}")
    # One noun phrase names both organs ("The Azerbaijani and Turkish governments"); a later
    # "their" may refer back to both. Nothing else does, except the country's own name where an
    # event names the country as a party acting through this organ ("Turkey was among the
    # first countries to support Azerbaijan": the Turkish government, ``_event_organs``).
    texts = _texts(sample_doc, organ)
    assert [t for t in texts if t.lower().removeprefix("the ").startswith("azerbaijani and turk")]
    acts = [e.span for e in sample_doc.events if organ.id in (e.source, e.target)]
    for (start, end), text in zip(organ.mentions, texts, strict=True):
        if text in ("their", "they") or "azerbaijani and turkish" in text.lower():
            continue
        assert any(s <= start and end <= e for s, e in acts), text
    if code.endswith("MIL"):
        # no country of the sample uses force, so its forces are named only by the phrase
        assert set(texts[1:]) <= {"their", "they"}


def test_actors_sample_demonyms_are_never_people_or_names(sample_doc: Any) -> None:
    assert not [a for a in sample_doc.actors if a.name in ("Azerbaijani", "Turkish")]
    assert not [a for a in sample_doc.actors if a.kind == "person" and "Azerbaijani" in a.name]
    assert not [a for a in sample_doc.actors if a.name in ("Serbia", "Belgrade", "Ankara")]


def test_actors_sample_ids_follow_first_mention(sample_doc: Any) -> None:
    firsts = [a.mentions[0][0] for a in sample_doc.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in sample_doc.actors] == [f"A{n}" for n in range(1, len(firsts) + 1)]
