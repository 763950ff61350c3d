"""Event constructions on short sentences: must-have and must-not-have (root, source, target)."""

from __future__ import annotations

import pytest
from spacy.language import Language

import communique

Triple = tuple[str, str | None, str | None]


def _coded(text: str, nlp: Language) -> list[tuple[str, str | None, str | None, bool]]:
    doc = communique.extract(text, published="2024-06-12", nlp=nlp)
    country = {a.id: ("IGO" if a.kind == "igo" else a.country) for a in doc.actors}
    return [
        (e.cameo, country.get(e.source or ""), country.get(e.target or ""), e.negated)
        for e in doc.events
    ]


CASES: list[tuple[str, str, list[Triple], list[Triple]]] = [
    (
        "passive",
        "The Armenian army was attacked by Azerbaijani forces on Monday.",
        [("19", "AZE", "ARM")],
        [("19", "ARM", "AZE")],
    ),
    (
        "passive-kill",
        "Syrian soldiers were killed by Turkish forces near Afrin on Sunday.",
        [("19", "TUR", "SYR")],
        [("19", "SYR", "TUR")],
    ),
    (
        "object-author",  # the thing rejected is someone's: the author is the target
        "Kenya rejected proposals made by the Somali government on Tuesday.",
        [("12", "KEN", "SOM")],
        [("12", "KEN", None)],
    ),
    (
        "provide-with",  # "provided X with weapons": X receives them
        "Iran supplied the Houthis in Yemen with drones and missiles last year.",
        [("062", "IRN", "YEM")],
        [("062", "IRN", None)],
    ),
    (
        "dative-recipient",  # "offered X sanctions relief": X receives it; not humanitarian aid
        "The European Union offered Iran sanctions relief on Monday.",
        [("085", "IGO", "IRN")],
        [("07", "IGO", "IRN")],
    ),
    (
        "topic-object",  # what a consultation is about is no party to it
        "Turkey and Greece discussed Iran's nuclear program in Athens on Monday.",
        [("04", "TUR", "GRC")],
        [("04", "TUR", "IRN"), ("04", "GRC", "IRN")],
    ),
    (
        "call-off-not-call",  # calling a meeting is not cancelling one
        "Peru called a meeting of the Andean Community, while Chile called off a visit to "
        "Bolivia.",
        [("160", "CHL", "BOL")],
        [("160", "PER", None), ("160", "PER", "IGO")],
    ),
    (
        "measure-referred-to",  # violating sanctions is no new sanction
        "Such shipments would violate the U.N. arms embargo on Libya, Egypt said on Monday.",
        [],
        [("16", "IGO", "LBY"), ("16", "IGO", None)],
    ),
    (
        "want-intent",  # a wish to act is the intent, not the act
        "Serbia wants to hold talks with Kosovo's government, officials said on Monday.",
        [("036", "SRB", "XKX")],
        [("04", "SRB", "XKX")],
    ),
    (
        "addressee-not-place",  # talking to a country is no visit to it
        "Turkey talked to Greece on Monday about the migrants.",
        [("040", "TUR", "GRC")],
        [("042", "TUR", "GRC")],
    ),
    (
        "war-in-passing",  # a conflict named in passing is no act; with both sides it is
        "The militia is a key ally in the Moscow-led war against the rebels, and Russia's war "
        "against Ukraine goes on.",
        [("19", "RUS", "UKR")],
        [("19", None, "RUS"), ("19", None, None)],
    ),
    (
        "own-object",  # the source's own troops or borders are no target; the place after is
        "Ghana closed its borders with Togo, and Australia will withdraw its troops from Iraq.",
        [("19", "GHA", "TGO"), ("0", "AUS", "IRQ")],
        [("19", "GHA", None)],
    ),
    (
        "object-by",  # "demands by protesters": the protesters are whom the act answers
        "Nepal's government accepted the demands by protesters in Kathmandu on Friday.",
        [("08", "NPL", "NPL")],
        [("08", "NPL", None)],
    ),
    (
        "event-noun-party",  # "summoned a senior Indian diplomat": the noun is the target
        "Pakistan summoned a senior Indian diplomat to its Foreign Ministry on Thursday.",
        [("11", "PAK", "IND")],
        [("11", "PAK", None)],
    ),
    (
        "noun-of-target",  # with the agent named, a nominal act "of" a party is aimed at it
        "Turkey's backing of the Libyan government angered Egypt on Monday.",
        [("05", "TUR", "LBY")],
        [("05", "TUR", None)],
    ),
    (
        "renewed-sanctions",  # renewing sanctions imposes them again
        "The European Union renewed its sanctions on Russia on Monday.",
        [("163", "IGO", "RUS")],
        [],
    ),
    (
        "call-for-clause",  # "called for X to <act>": an appeal to X, coded by the act
        "The United Nations called for Israel and Hamas to hold talks on Monday.",
        [("026", "IGO", "ISR")],
        [("04", "ISR", None), ("04", "ISR", "PSE")],
    ),
    (
        "decided-hostile-act",  # agreeing to sanction is the sanction decided, not a threat
        "The European Union agreed on Monday to extend sanctions against Russia.",
        [("163", "IGO", "RUS")],
        [("13", "IGO", "RUS")],
    ),
    (
        "reciprocal-accusations",  # CODING.md: split reciprocal acts, one event each way
        "China and the Philippines traded accusations over a collision on Monday.",
        [("111", "CHN", "PHL"), ("111", "PHL", "CHN")],
        [("111", "CHN", None)],
    ),
    (
        "reciprocal-clash",
        "Indian and Chinese troops clashed in the Galwan Valley on Monday.",
        [("190", "IND", "CHN"), ("190", "CHN", "IND")],
        [],
    ),
    (
        "joint-truce",  # both sides agreeing to a truce is one joint act, in text order
        "Sudan's army and the Rapid Support Forces agreed to a 72-hour truce on Saturday.",
        [("0356", "SDN", "SDN")],
        [("0356", "SDN", None)],
    ),
    (
        "release-of-a-thing",  # releasing a report is no release of anyone; a tanker is
        "China released a report on Monday, and Britain released the Iranian tanker on Friday.",
        [("0841", "GBR", "IRN")],
        [("0841", "CHN", None)],
    ),
    (
        "cease-aid",
        "The United States ceased military aid to Ukraine on Monday.",
        [("162", "USA", "UKR")],
        [],
    ),
    (
        "coordination-joint",
        "France and Germany signed a defense agreement in Paris on Monday.",
        [("057", "FRA", "DEU")],
        [("057", "DEU", "FRA")],
    ),
    (
        "coordination-split",
        "The United States and Britain condemned Iran on Tuesday.",
        [("111", "USA", "IRN"), ("111", "GBR", "IRN")],
        [("111", "USA", "GBR")],
    ),
    (
        "nominal",
        "Turkey's offensive against Kurdish militants in Syria began on Wednesday.",
        [("19", "TUR", "SYR")],
        [],
    ),
    (
        "nominal-demonym",
        "Turkey said a Turkish offensive against Kurdish militants in Syria began on Wednesday.",
        [("19", "TUR", "SYR")],
        [("19", "SYR", "TUR")],
    ),
    (
        "nominal-between",
        "The meeting between Chinese President Xi Jinping and Russian President "
        "Vladimir Putin took place in Moscow on Monday.",
        [("04", "CHN", "RUS")],
        [("04", "RUS", "CHN")],
    ),
    (
        "light-support",
        "China voiced support for Pakistan on Monday.",
        [("051", "CHN", "PAK")],
        [("051", "PAK", "CHN")],
    ),
    (
        "light-intent",
        "Japan expressed readiness to participate in the reconstruction of Ukraine.",
        [("03", "JPN", "UKR")],
        [("05", "JPN", "UKR")],
    ),
    (
        "light-sanctions",
        "The European Union imposed sanctions on Belarus on Friday.",
        [("163", "IGO", "BLR")],
        [],
    ),
    (
        "light-airstrike",
        "The Israeli military carried out an airstrike on Gaza on Sunday.",
        [("195", "ISR", None)],
        [],
    ),
    (
        "reporting",
        "Ukrainian officials said Russian forces attacked Ukrainian troops near Kharkiv on Friday.",
        [("19", "RUS", "UKR")],
        [("01", "UKR", None), ("11", "UKR", "RUS")],
    ),
    (
        "intent",
        "Iran agreed to hold talks with Saudi Arabia.",
        [("036", "IRN", "SAU")],
        [("040", "IRN", "SAU")],
    ),
    (
        "arrest",
        "Egyptian police arrested three Sudanese opposition activists in Cairo on Monday.",
        [("173", "EGY", "SDN")],
        [],
    ),
    (
        "host",
        "Kenyan President William Ruto hosted Somali President Hassan Sheikh Mohamud in "
        "Nairobi on Monday.",
        [("043", "KEN", "SOM")],
        [("040", "KEN", "SOM")],
    ),
    (
        "visit-place-host",
        "Japan's foreign minister visited Ankara on Tuesday.",
        [("042", "JPN", "TUR")],
        [("042", "JPN", None)],
    ),
    (
        "place-party-appeal",
        "The African Union on Friday called for an immediate ceasefire in Sudan.",
        [("0256", "IGO", "SDN")],
        [("0256", "IGO", None)],
    ),
    (
        "place-victim-aerial",
        "Turkish warplanes struck a camp near Sulaymaniyah in Iraq on Sunday.",
        [("195", "TUR", "IRQ")],
        [("190", "TUR", None)],
    ),
    (
        "peacekeeping",
        "Kenya sent 400 troops to Haiti on a peacekeeping mission.",
        [("074", "KEN", "HTI")],
        [("154", "KEN", "HTI")],
    ),
    (
        "refusal",
        "Washington will not lift the sanctions on Caracas, the State Department said.",
        [("1244", "USA", "VEN")],
        [("035", "USA", "VEN"), ("085", "USA", "VEN")],
    ),
    (
        "pledge-troops",
        "Italy offered to send troops to Lebanon.",
        [("0312", "ITA", "LBN")],
        [("138", "ITA", "LBN")],
    ),
    (
        "light-particle",
        "Nigerian authorities said the rebels called off their offensive against Maiduguri.",
        [],
        [("082", "NGA", None)],
    ),
    (
        "demonym-not-private-people",  # the nationality is the state, not the families
        "Two Nigerian states will give every family a grant.",
        [("03", "NGA", "NGA")],
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "must", "must_not"), CASES, ids=[c[0] for c in CASES])
def test_events_construction(
    nlp: Language, name: str, text: str, must: list[Triple], must_not: list[Triple]
) -> None:
    coded = _coded(text, nlp)
    for root, src, tgt in must:
        assert any(c.startswith(root) and s == src and t == tgt for c, s, t, _ in coded), (
            name,
            coded,
        )
    for root, src, tgt in must_not:
        assert not any(c.startswith(root) and s == src and t == tgt for c, s, t, _ in coded), (
            name,
            coded,
        )


FRAMES: list[tuple[str, str, list[Triple], list[Triple]]] = [
    (
        "deliberation",
        "Britain is considering sending troops to Estonia.",
        [("014", "GBR", "EST")],
        [("154", "GBR", None), ("154", "GBR", "EST")],
    ),
    (
        "alleged",
        "The United States said Iran is defying the U.N. Security Council.",
        [("112", "USA", "IRN")],
        [("128", "IRN", "IGO")],
    ),
    (
        "threat",
        "The United States criticized Turkey. Turkey threatened to close U.S. bases at Incirlik.",
        [("136", "TUR", "USA")],
        [("166", "TUR", "USA")],
    ),
    (
        "planned-meeting",
        "China will convene a meeting with Iran and Russia in Beijing on Friday.",
        [("043", "CHN", "IRN"), ("043", "CHN", "RUS")],
        [("036", "CHN", "IRN")],
    ),
    (
        "pronoun-reporting",
        "Pakistan's military said it shot down two Indian aircraft on Wednesday.",
        [("19", "PAK", "IND")],
        [("19", None, "IND")],
    ),
    (
        "anaphora",
        "The European Union imposed new sanctions on Belarus on Monday. Minsk condemned the "
        "measures on Tuesday.",
        [("163", "IGO", "BLR"), ("111", "BLR", "IGO")],
        [("111", "BLR", None)],
    ),
    (
        "meeting-purpose-not-a-second-event",
        "Jordanian Foreign Minister Ayman Safadi met his Egyptian counterpart Sameh Shoukry "
        "in Cairo on Wednesday to discuss water cooperation.",
        [("042", "JOR", "EGY")],
        [("040", "JOR", None), ("040", "JOR", "EGY")],
    ),
    (
        "appeal-by-what-is-asked",
        "The African Union urged Ethiopia to end the fighting in Tigray. The United Nations "
        "urged Russia and Ukraine to resume peace talks.",
        [("0256", "IGO", "ETH"), ("026", "IGO", "RUS"), ("026", "IGO", "UKR")],
        [("087", "ETH", None), ("020", "IGO", "ETH"), ("04", "RUS", "UKR")],
    ),
    (
        "modal-demand",
        '"Russia must withdraw its troops from Moldova," the Romanian foreign minister said.',
        [("1056", "ROU", "RUS")],
        [("0874", "RUS", None), ("0874", "RUS", "MDA")],
    ),
    (
        "reporter-agent",
        "The Nigerian military said dozens of insurgents were killed or captured on Sunday.",
        [("19", "NGA", "NGA"), ("173", "NGA", "NGA")],
        [("19", None, "NGA")],
    ),
    (
        "definite-group",
        "Al-Shabab fighters attacked a base in Somalia on Monday. The militant group denied "
        "that it had killed civilians.",
        [("016", "SOM", "SOM")],
        [("190", "SOM", "SOM")],
    ),
    (
        "civilians",
        "Rebels attacked civilians in Bambari on Monday, Central African Republic officials said.",
        [("180", "CAF", "CAF")],
        [("190", "CAF", "CAF")],
    ),
    (
        "invitation-complement-target",
        "Chilean President Gabriel Boric accepted an invitation to visit Argentina. Bolivia "
        "rejected an offer to hold talks with Chile.",
        [("036", "CHL", "ARG"), ("12", "BOL", "CHL")],
        [("036", "CHL", None), ("04", None, "CHL"), ("12", "BOL", None)],
    ),
]


@pytest.mark.parametrize(("name", "text", "must", "must_not"), FRAMES, ids=[c[0] for c in FRAMES])
def test_events_frames(
    nlp: Language, name: str, text: str, must: list[Triple], must_not: list[Triple]
) -> None:
    test_events_construction(nlp, name, text, must, must_not)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (
            "Russian Foreign Minister Sergei Lavrov did not meet Ukrainian Foreign Minister "
            "Dmytro Kuleba in Ankara on Tuesday.",
            True,
        ),
        (
            "Russian Foreign Minister Sergei Lavrov met Ukrainian Foreign Minister Dmytro Kuleba "
            "in Ankara on Tuesday.",
            False,
        ),
    ],
)
def test_events_negation(nlp: Language, text: str, negated: bool) -> None:
    coded = [c for c in _coded(text, nlp) if c[0].startswith("04")]
    assert len(coded) == 1 and coded[0][1:3] == ("RUS", "UKR") and coded[0][3] is negated


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say the weather in the region was mild on Monday.",  # no political actor, no act
        "Analysts say Tehran would welcome the closure of the base.",  # commentary is not coded
        # a private person's hopes and an ex-official's words are commentary too
        "Former basketball star Yao Ming called on China to invest more in youth sport.",
        "The company said its profits rose in the second quarter.",
    ],
)
def test_events_none_without_political_act(nlp: Language, text: str) -> None:
    assert _coded(text, nlp) == []


def test_events_repeated_mention_coded_once(nlp: Language) -> None:
    text = (
        "China voiced support for Pakistan on Monday. Pakistan welcomed the statement. "
        "On Monday China voiced support for Pakistan, the ministry said."
    )
    coded = [c for c in _coded(text, nlp) if c[:3] == ("051", "CHN", "PAK")]
    assert len(coded) == 1
