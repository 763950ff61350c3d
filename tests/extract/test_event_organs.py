"""A country named as an event's party is read as its government or its forces."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

import communique
from communique.extract._event_organs import organ_role, renumber
from communique.records import Actor, DateRange, Event


def _extract(text: str, nlp: Language) -> Any:
    return communique.extract(text, published="2024-06-12", nlp=nlp)


def _party(doc: Any, event: Any, side: str) -> tuple[str | None, str | None, str | None]:
    actor = doc.actor(getattr(event, side))
    return (actor.kind, actor.country, actor.role) if actor else (None, None, None)


def _texts(doc: Any, actor: Actor) -> list[str]:
    return [doc.article.text[s:e] for s, e in actor.mentions]


@pytest.mark.parametrize(
    ("code", "side", "role"),
    [("010", "source", "GOV"), ("163", "target", "GOV"), ("040", "target", "GOV"),
     ("190", "source", "MIL"), ("154", "source", "MIL"), ("195", "target", None),
     ("173", "target", None), ("173", "source", "GOV"), ("202", "target", None),
     ("0874", "source", "MIL"), ("0871", "source", "GOV"), ("0874", "target", None)],
)
def test_organ_role_by_cameo_code(code: str, side: str, role: str | None) -> None:
    assert organ_role(code, side) == role


def test_a_country_that_speaks_and_sanctions_is_its_government(nlp: Language) -> None:
    doc = _extract("Japan said on Monday it would impose sanctions on North Korea.", nlp)
    (event,) = [e for e in doc.events if e.root == "16"]
    assert _party(doc, event, "source") == ("government", "JPN", "GOV")
    assert _party(doc, event, "target") == ("government", "PRK", "GOV")
    organ = doc.actor(event.source)
    assert (organ.name, organ.code) == ("Japan government", "JPNGOV")
    assert "+organ; sym:" in event.evidence  # the record says which rule read the party
    # the organ is traced to the words that name it; the country keeps its name too
    assert {"Japan", "it"} <= set(_texts(doc, organ))
    assert "Japan" in _texts(doc, next(a for a in doc.actors if a.code == "JPN"))


def test_a_country_using_force_is_its_forces_and_its_target_the_country(nlp: Language) -> None:
    doc = _extract("Ethiopia bombed Eritrea on Sunday, officials said.", nlp)
    (event,) = [e for e in doc.events if e.root in ("18", "19")]
    assert _party(doc, event, "source") == ("government", "ETH", "MIL")
    assert doc.actor(event.source).name == "Ethiopia military"
    assert _party(doc, event, "target") == ("country", "ERI", None)


def test_the_articles_own_organ_is_reused_and_the_repeat_is_one_event(nlp: Language) -> None:
    text = (
        "The Peruvian government condemned Chile on Monday. "
        "On Monday, Peru condemned Chile again, officials said."
    )
    doc = _extract(text, nlp)
    governments = [a for a in doc.actors if a.code == "PERGOV"]
    assert len(governments) == 1
    condemned = [e for e in doc.events if e.root == "11"]
    assert [doc.actor(e.source).id for e in condemned] == [governments[0].id]
    assert "Peru" in _texts(doc, governments[0])


def test_actor_ids_follow_first_mention_after_organs_are_added(nlp: Language) -> None:
    text = (
        "Kenyan police arrested three men in Nairobi on Friday. "
        "Later, Kenya accused Somalia of sheltering the men."
    )
    doc = _extract(text, nlp)
    firsts = [a.mentions[0][0] for a in doc.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in doc.actors] == [f"A{n}" for n in range(1, len(firsts) + 1)]
    accused = [e for e in doc.events if e.root == "11"]
    assert accused and _party(doc, accused[0], "source") == ("government", "KEN", "GOV")


def _event(source: str | None, target: str | None) -> Event:
    return Event(id="", cameo="036", root="03", plover="AGREE", quad=1, goldstein=4.0,
                 source=source, target=target, date=DateRange.unknown(),
                 status="reported", sentence="x", span=(0, 1), evidence="lex:test",
                 confidence=0.5)


def test_renumber_orders_by_first_mention_and_renames_everything() -> None:
    actors = [
        Actor(id="A1", name="Iran", kind="country", country="IRN", mentions=[(40, 44)]),
        Actor(id="organ:IRNGOV", name="Iran government", kind="government", country="IRN",
              role="GOV", mentions=[(10, 14)]),
        Actor(id="A2", name="no mention", kind="person"),
    ]
    coded = renumber([_event("organ:IRNGOV", "A1")], actors, {3: ("organ:IRNGOV", "A1")})
    assert [(a.id, a.name) for a in coded.actors] == [
        ("A1", "Iran government"), ("A2", "Iran"), ("A3", "no mention")
    ]
    assert (coded.events[0].source, coded.events[0].target) == ("A1", "A2")
    assert coded.tokens == {3: ("A1", "A2")}
    # already numbered but listed out of order: listed in order of first mention
    coded = renumber([], [actors[2].model_copy(update={"id": "A3"}), *coded.actors[:2]], {})
    assert [a.id for a in coded.actors] == ["A1", "A2", "A3"]


def test_a_named_group_between_possessor_and_noun_is_the_party(nlp: Language) -> None:
    # "the leader of Somalia's al-Shabab insurgency" speaks for al-Shabab, not for Somalia
    doc = _extract(
        "The leader of Yemen's Houthi movement on Friday praised the withdrawal of Saudi troops.",
        nlp,
    )
    praised = [e for e in doc.events if e.root == "05"]
    assert praised and _party(doc, praised[0], "source")[1:] == ("YEM", "REB")


def test_a_countrys_military_base_is_its_forces(nlp: Language) -> None:
    doc = _extract("Iraqi militias fired rockets at a U.S. air base near Erbil on Monday.", nlp)
    base = next(a for a in doc.actors if a.code == "USAMIL")
    assert "U.S. air base" in _texts(doc, base)
    fired = [e for e in doc.events if e.root in ("18", "19")]
    assert fired and _party(doc, fired[0], "target") == ("government", "USA", "MIL")


def test_a_country_and_its_rebels_are_two_parties(nlp: Language) -> None:
    # a domestic conflict is an event; the country and its own government are one party
    doc = _extract("Colombia bombed Colombian rebels in the jungle on Monday.", nlp)
    fought = [e for e in doc.events if e.root in ("18", "19")]
    assert fought and _party(doc, fought[0], "target") == ("group", "COL", "REB")
    assert _party(doc, fought[0], "source") == ("government", "COL", "MIL")
    doc = _extract("Peru praised the Peruvian government on Monday.", nlp)
    assert not [e for e in doc.events if e.source and e.target]


@pytest.mark.parametrize(
    ("text", "word", "party"),
    [
        ("They held Russian-Chinese talks in Moscow.", "Russian", "RUS"),
        ("They froze a Chinese-funded pipeline.", "Chinese", "CHN"),
        ("She led Tunisia-inspired protests last week.", "Tunisia", None),
        ("They carried Soviet-style rifles.", "Soviet", None),
    ],
)
def test_a_hyphenated_country_is_a_party_unless_it_says_origin(
    nlp: Language, text: str, word: str, party: str | None
) -> None:
    from communique.extract._event_context import with_hyphen_parties

    doc = nlp(text)
    lookup = with_hyphen_parties(doc, lambda tok: (), lambda iso3, span: iso3)
    token = next(t for t in doc if t.text == word)
    # the article's own country actor when it has one, else the one ``create`` makes
    country = {a.id: a.country for a in doc._.communique_actors or ()}
    assert [country.get(found, found) for found in lookup(token)] == ([party] if party else [])


def test_a_demonym_on_the_event_noun_names_the_organ(nlp: Language) -> None:
    # "a Turkish offensive": the actors stage leaves the demonym to the events stage
    doc = _extract(
        "Lawmakers condemned a Turkish offensive against Kurdish fighters in Syria.", nlp
    )
    offensive = next(e for e in doc.events if e.root == "19")
    assert _party(doc, offensive, "source") == ("government", "TUR", "MIL")
    assert _texts(doc, doc.actor(offensive.source)) == ["Turkish"]
    # the condemnation is aimed at the government, in the same sentence
    condemned = next(e for e in doc.events if e.root == "11")
    assert _party(doc, condemned, "target") == ("government", "TUR", "GOV")
