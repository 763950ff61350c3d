"""Toponym spans: their edges and where they stand (helpers of ``_toponym_find``).

- :func:`trim`: without a leading article or a trailing possessive;
- :func:`body_prefix`: the place's name opening a public body's name NER took for a place;
- :func:`dateline`: a dateline, at the article's start or after a headline;
- :func:`party_district`: a legislator's home district ("R-Elbow Lake");
- :func:`before_local_word`: a town's name before its mayor or fire chief;
- :func:`never_acts`: a river's or continent's name, a place whatever its verb;
- :func:`in_street_name`: a town's name inside a street's or road's name;
- :func:`opens_before_local_noun`: a town opening a headline before its residents or police;
- :func:`inside_longer_name`: a small place's name inside another name ("Paris City Hall");
- :func:`person_names`: the words of the article's people's names;
- :func:`written_as_name`, :func:`qualified`: capitalised as a name; followed by its state;
- :func:`division_lists`: the names of a list before a plural division word ("Clay, Grant and
  Wilkin counties"), each the name of a division of that kind ("Clay County").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ._place_roles import roles

__all__ = [
    "CONNECTORS",
    "before_local_word",
    "body_prefix",
    "dateline",
    "division_lists",
    "in_street_name",
    "inside_longer_name",
    "opens_before_local_noun",
    "never_acts",
    "party_district",
    "qualified",
    "written_as_name",
    "person_names",
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


# "\x97" is the em dash of Windows-1252 read as Latin-1 ("NEWARK \x97 It was").
_DATELINE_MARKS = (",", "-", "--", "\u2013", "\u2014", "\x97", "(")
_DASHES = ("--", "\u2014", "\x97")


def _after_byline(span: Span) -> bool:
    # "By Jane Roe Staff Reporter June 4, 2011 ELYRIA -- After a year...": the dateline
    # follows the byline's date, in the sentence the parser made of both
    prev = span.doc[span.start - 1]
    return prev.ent_type_ == "DATE" and prev.like_num and len(prev.text) == 4


def dateline(span: Span) -> bool:
    """A dateline: the article's first words before a dash or comma ("Belgrade -"), or a name
    in capitals opening a sentence after a headline or a byline's date ("ARLINGTON \u2014",
    "CHARLESTON, W.Va.", "March 30, 2009 NEWARK --"); a name in capitals and small letters
    only before a dash ("Pine Ridge \u2014 A man was hit")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in _DATELINE_MARKS:
        return False
    if span.start_char < 3:
        return True
    after_break = "\n" in doc[span.start - 1].whitespace_ + doc[span.start - 1].text
    opens = doc.has_annotation("SENT_START") and span.start == span.sent.start
    capitals = all(t.is_upper for t in span if t.is_alpha) and len(span.text) > 2
    if capitals and doc[span.end].text in _DASHES and _after_byline(span):
        return True
    starts = after_break or opens
    if starts and doc[span.end].text in _DASHES and span[0].text[:1].isupper():
        return True
    return starts and capitals


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


def _singular(plural: str) -> str:
    # "counties" -> "County", "parishes" -> "Parish", "districts" -> "District"
    if plural.endswith("ies"):
        word = plural[:-3] + "y"
    elif plural.endswith(("shes", "ches")):
        word = plural[:-2]
    else:
        word = plural[:-1]
    return word.capitalize()


def _name_before(doc: Doc, end: int) -> int:
    """Where the name ending at token ``end`` (exclusive) starts: capitalised words that are
    no stop words ("Otter Tail"; not "In" of "In Clay"), three at most; ``end`` if none."""
    start = end
    while start > 0 and end - start < 3:
        t = doc[start - 1]
        if not (t.is_alpha and t.text[:1].isupper() and not t.is_stop):
            break
        start -= 1
    return start


def division_lists(doc: Doc, known: Callable[[str], bool]) -> dict[tuple[int, int], str]:
    """The names of coordinated lists before a plural division word, each mapped to its
    division's full name: "Clay, Grant and Wilkin counties" gives Clay -> "Clay County",
    Grant -> "Grant County", Wilkin -> "Wilkin County" (token start, end -> name).

    A list has two names or more, the last two joined by "and" or "or"; a name whose
    division the gazetteer does not know is left out.
    """
    plurals = roles()["division_plurals"]
    out: dict[tuple[int, int], str] = {}
    for k, tok in enumerate(doc):
        if tok.lower_ not in plurals:
            continue
        names: list[tuple[int, int]] = []
        joined = False
        end = k
        while True:
            start = _name_before(doc, end)
            if start == end:
                break
            names.append((start, end))
            j = start - 1
            if j >= 0 and doc[j].lower_ in ("and", "or") and not joined and len(names) == 1:
                joined = True
                j -= 1
                if j >= 0 and doc[j].text == ",":
                    j -= 1  # the serial comma: "Butler, Clark, and Warren counties"
            elif j >= 0 and doc[j].text == "," and joined:
                j -= 1
            else:
                break
            end = j + 1
        if not joined or len(names) < 2:
            continue
        word = _singular(tok.lower_)
        for start, end in names:
            full = f"{doc[start:end].text} {word}"
            if known(full):
                out[(start, end)] = full
    return out


def _name_part(ent: Span) -> list[Token]:
    # The person's own name in a PERSON entity: up to its first punctuation ("Marty Seifert"
    # of "Marty Seifert, R-Marshall"), and of a longer run its last two words ("Randy Sengel"
    # of "Alexandria Commonwealth's Attorney Randy Sengel": NER swallowed the title before).
    words: list[Token] = []
    for t in ent:
        if t.is_punct:
            break
        words.append(t)
    return words if len(words) <= 3 else words[-2:]


def person_names(doc: Doc) -> set[str]:
    """Words of the article's people's names ("Obama", "Lincoln"): never places here.

    From PERSON entities of two words or more, their own name part only; not from a "person"
    ending in a place's word ("Greer Station", "Greer City Hall") or whose name part holds a
    class noun ("Village Malakal"): NER's mistake for a town's centre does not make every
    "Greer" a person.
    """
    r = roles()
    placey = r["class_nouns"] | r["public_bodies"] | r["generic_names"]
    out: set[str] = set()
    for e in doc.ents:
        if e.label_ != "PERSON" or len(e) < 2 or e[-1].lower_ in placey:
            continue
        name = _name_part(e)
        # one word before a hyphen ("Egypt-US relations") is no one's full name
        if len(name) > 1 and not any(w.lower_ in r["class_nouns"] for w in name):
            # not an abbreviation NER ran on into the name ("Calif. Olson"); initials stay
            out.update(t.text for t in name if not (t.text.endswith(".") and len(t.text) > 2))
    return out


# Lowercase words inside names ("Rio Grande do Sul", "Stratford-upon-Avon").
CONNECTORS = frozenset({"of", "de", "la", "le", "du", "del", "upon", "on", "the", "and", "-",
                         "do", "da", "dos", "das", "di", "van", "von", "der", "den", "y", "sur",
                         "am", "an"})


def written_as_name(span: Span) -> bool:
    """Capitalised words (connectors aside), or capitals ("COLUMBUS", "U.S.")."""
    words = [t for t in span if t.lower_ not in CONNECTORS]
    if not words:
        return False
    if all(t.is_upper for t in words) and len(span.text) > 2:
        return True  # "COLUMBUS" in a dateline, "U.S."
    return all(t.text[:1].isupper() for t in words)


def qualified(span: Span, known: Callable[[str], bool]) -> bool:
    """Followed by a comma and a known name: its state or country ("Moorhead, Minn.")."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    nxt = doc[span.end + 1]
    words = [nxt.text] + ([f"{nxt.text} {doc[span.end + 2].text}"] if span.end + 2 < len(doc)
                          else [])
    return nxt.text[:1].isupper() and any(known(w) for w in words)


def inside_longer_name(span: Span) -> bool:
    """Part of another name: a capitalised word beside it, not a local body's."""
    # "the White House", "a Ford Taurus", "Whitestown Town Hall", "Story Elementary School":
    # a small place's name with a capitalised word beside it is part of another name (not of
    # a local body's: "the Byesville Volunteer Fire Department")
    doc, r = span.doc, roles()
    bodies = r["local_nouns"] | r["public_bodies"] | r["class_nouns"]
    if span.root.head.i >= span.end and span.root.head.lemma_.lower() in bodies:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and nxt.lower_ not in bodies:
        return True
    return (prev is not None and prev.is_alpha and prev.text[:1].isupper()
            and not prev.is_sent_start and prev.lower_ not in r["territorial_preps"])


def opens_before_local_noun(span: Span) -> bool:
    """A sentence's first word(s) before a local noun ("Ludlow residents ...")."""
    # "Chicopee residents discuss...", "Carthage Police Chief said": a headline's or sentence's
    # first word is capitalised whatever it is, and the tagger may take the town for a noun
    head, r = span.root.head, roles()
    return (span.start == span.sent.start and span.end == head.i
            and head.lemma_.lower() in r["local_nouns"] | r["public_bodies"])
