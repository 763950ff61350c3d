"""Toponym spans: their edges and where they stand (helpers of ``_toponym_find``).

- :func:`trim`: without a leading article or a trailing possessive;
- :func:`body_prefix`: the place's name opening a public body's name NER took for a place;
- :func:`dateline`: a dateline, at the article's start or after a headline;
- :func:`party_district`: a legislator's home district ("R-Elbow Lake");
- :func:`before_local_word`: a town's name before its mayor or fire chief;
- :func:`never_acts`: a river's or continent's name, a place whatever its verb;
- :func:`in_street_name`: a town's name inside a street's or road's name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from ._place_roles import roles

__all__ = [
    "before_local_word",
    "body_prefix",
    "dateline",
    "in_street_name",
    "never_acts",
    "party_district",
    "trim",
]

_PARTY_LETTERS = frozenset({"D", "R", "I", "DFL"})
# Town streets, after a name: "2517 Memphis St.", "Green Oaks Boulevard".
_TOWN_STREET_WORDS = frozenset({"street", "streets", "st.", "avenue", "avenues", "ave.", "ave",
                                "boulevard", "blvd.", "blvd", "lane", "ln."})


def trim(span: Span) -> Span:
    """Without a leading article or a trailing possessive ("the United Kingdom's")."""
    start, end = span.start, span.end
    if end - start > 1 and span[0].lower_ == "the":
        start += 1
    if end - start > 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


def body_prefix(span: Span, known: Callable[[str], bool]) -> Span:
    """The place's name opening a public body's name that NER took for a place ("Henderson
    County" of "Henderson County Sheriff's Department"); the span itself otherwise."""
    if len(span) < 2 or known(span.text):
        return span
    r = roles()
    bodies = r["organisation_heads"] | r["public_bodies"]
    for end in range(span.end - 1, span.start, -1):
        rest = {t.lower_ for t in span.doc[end : span.end]}
        name = span.doc[span.start : end]
        if rest & bodies and known(name.text):
            return Span(span.doc, span.start, end, label=span.label_)
    return span


_DATELINE_MARKS = (",", "-", "--", "\u2013", "\u2014", "(")


def dateline(span: Span) -> bool:
    """A dateline: the article's first words before a dash or comma ("Belgrade -"), or a name
    in capitals opening a sentence after a headline ("ARLINGTON \u2014", "CHARLESTON, W.Va.")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in _DATELINE_MARKS:
        return False
    if span.start_char < 3:
        return True
    after_break = "\n" in doc[span.start - 1].whitespace_ + doc[span.start - 1].text
    opens = doc.has_annotation("SENT_START") and span.start == span.sent.start
    starts = after_break or opens
    return starts and all(t.is_upper for t in span if t.is_alpha) and len(span.text) > 2


def party_district(span: Span) -> bool:
    # "Rep. Torrey Westrom, R-Elbow Lake," / "(D-Beachwood)": a legislator's home district
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "-" and (
        doc[span.start - 2].text in _PARTY_LETTERS) and not doc[span.start - 1].whitespace_


def before_local_word(span: Span, is_country: Callable[[str], bool]) -> bool:
    """A town's or county's name before a local office or body ("Avondale Mayor Ed Rieker",
    "Litchfield Fire Chief"); a country's name there is the state's ("U.S. President")."""
    doc, r = span.doc, roles()
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    return nxt in r["local_nouns"] | r["public_bodies"] and not is_country(span.text)


def never_acts(span: Span, is_state: Callable[[str], bool]) -> bool:
    """A continent, river or mountain range (NER's LOC, no state's name) is a place whatever
    its role in the sentence ("the Red River will crest", "Africa accounts for 75 percent"):
    only states and towns act through their governments. Not inside an organisation's name."""
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in roles()["agent_verbs"]:
        return False  # "Europe must act", "Europe agreed": the union, by metonymy
    return span.label_ == "LOC" and root.dep_ != "compound" and not is_state(span.text)


def in_street_name(span: Span) -> bool:
    """A name inside a street's or road's ("Memphis St.", "Lakeview and Harrison streets",
    "Highway 59 to"): a street or road word in it, or a town street's word right after it (a
    road after a state's or county's name is theirs: "Ohio Turnpike", "Otter Tail County Road
    80"). "St." only after the name (before it, it is Saint: "St. Louis"), and not before a
    capitalised word ("Paris St. Germain")."""
    doc, words = span.doc, roles()["street_words"]
    if len(span) > 1 and (span[-1].lower_ in _TOWN_STREET_WORDS or any(
            t.lower_ in words and t.lower_ != "st." for t in span)):
        return True
    k = span.end
    plural = ("streets", "avenues")
    if k + 2 < len(doc) and doc[k].lower_ in ("and", "&") and doc[k + 2].lower_ in plural:
        return True  # "Lakeview and Harrison streets"
    if k >= len(doc) or doc[k].lower_ not in _TOWN_STREET_WORDS:
        return False  # "Ohio Turnpike", "Florida Highway Patrol": the state's roads name it
    after = doc[k + 1] if k + 1 < len(doc) else None
    return doc[k].lower_ != "st." or after is None or not after.text[:1].isupper()
