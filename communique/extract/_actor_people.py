"""People: names found by NER or after a title, described by what the text says about them.

A person's country, role and title come from the article itself (title + nationality before
the name, an apposition after it, "his Turkish counterpart"), so that new office holders are
coded without a dictionary; the known-people table is the fallback for a bare name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..resolve.actors import Igo
from ._actor_lexmatch import ActorContext
from ._actor_placenames import mislabelled_place
from ._actor_types import ActorKey, Mention, actor_code
from ._actor_where import is_locative

__all__ = ["Person", "find_people", "surnames"]

# Words that may sit between a title/nationality and a name without changing who it is.
_FILLERS = frozenset(
    {"the", "his", "her", "their", "its", "former", "then", "acting", "new", "top", "senior",
     "interim", "outgoing", "incoming", "'s", "’s", "and", "’", "mr", "mr.", "mrs", "mrs.",
     "ms", "ms.", "dr", "dr.", ".", "deputy", "vice", "assistant", "permanent"}
)
_COUNTERPART = frozenset({"counterpart", "counterparts"})
_POSSESSIVE = frozenset({"'s", "’s"})


@dataclass
class Person:
    """A person and the description their first mention gives."""

    name: str
    start: int
    end: int
    country: str | None = None
    igo: Igo | None = None
    role: str | None = None
    title: str | None = None
    rule: str = "ner-person"
    desc: tuple[int, ...] = field(default_factory=tuple)

    def key(self) -> ActorKey:
        """The actor key: persons are merged by name."""
        if self.igo is not None:
            # An international official: the organisation's role, whatever the title implies.
            return ActorKey(kind="person", name=self.name, role=self.igo.role,
                            title=self.title, code=self.igo.code)
        return ActorKey(kind="person", name=self.name, country=self.country, role=self.role,
                        title=self.title, code=actor_code(self.country, self.role))


def _title_text(ctx: ActorContext, start: int, end: int, term: str) -> str:
    span = ctx.doc[start:end]
    if span[-1].tag_ in ("NNS", "NNPS"):  # a plural: name the office, not the text
        return term.title()
    return span.text


def _describe_left(ctx: ActorContext, person: Person, k: int, *, stop: int) -> bool:
    """Read title, nationality and IGO words leftwards from token ``k``; True if any found."""
    doc, found, counterpart = ctx.doc, False, False
    while k >= stop:
        tag = ctx.tag(k, "demonym", "country", "igo")
        if tag is not None:
            if tag.iso3 and person.country is None:
                # "China's U.N. Ambassador", "British Deputy U.N. Ambassador": a national
                # envoy to an IGO is the country's, not the organisation's
                person.country, person.igo = tag.iso3, None
            elif tag.kind == "igo" and person.igo is None and person.country is None:
                person.igo = tag.entry  # type: ignore[assignment]
            person.desc += tuple(range(tag.start, tag.end))
            found, k = True, tag.start - 1
            continue
        title = ctx.titles.ending_at(doc, k)
        if title is not None and doc[k].pos_ in ("NOUN", "PROPN"):
            start, term = title
            if person.title is None:
                person.title = _title_text(ctx, start, k + 1, term)
                person.role = ctx.lexicon.titles[term]
            person.desc += tuple(range(start, k + 1))
            found, k = True, start - 1
            continue
        hit = ctx.groups.ending_at(doc, k)
        organ = ctx.lexicon.groups[hit[1]] if hit else None
        if hit and organ and organ.kind == "government" and person.title is not None:
            # "Russian military spokesman X", "Chinese Foreign Ministry spokesperson X": the
            # organ spoken for sets the role; its nationality is read on the left
            if person.role == "GOV":
                person.role = organ.role
            person.desc += tuple(range(hit[0], k + 1))
            k = hit[0] - 1
            continue
        if doc[k].lower_ in _COUNTERPART:
            counterpart = True
            person.desc += (k,)
            found, k = True, k - 1
            continue
        if doc[k].lower_ in _FILLERS:
            k -= 1
            continue
        break
    if counterpart:
        person.rule = "counterpart"
    return found


def _describe_apposition(ctx: ActorContext, person: Person, root: Token) -> bool:
    """"Geir Pedersen, the U.N. special envoy for Syria" / "Turkey's minister, X"."""
    for child in root.children:
        if (
            child.dep_ == "appos" and child.i >= person.end
            and _describe_left(ctx, person, child.i, stop=person.end)
        ):
            person.rule = "apposition"
            _country_of(ctx, person, child)
            return True
    head = root.head
    if (
        root.dep_ == "appos" and head.i < person.start and ctx.titles.ending_at(ctx.doc, head.i)
        and _describe_left(ctx, person, head.i, stop=head.left_edge.i)
    ):
        person.rule = "apposition"
        _country_of(ctx, person, head)
        return True
    return False


def _country_of(ctx: ActorContext, person: Person, title_head: Token) -> None:
    # "the foreign minister of Turkey": the country in an of-phrase of the title.
    if person.country is not None or person.igo is not None:
        return
    for prep in title_head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                tag = ctx.tag(obj.i, "country")
                if obj.dep_ == "pobj" and tag is not None:
                    person.country = tag.iso3
                    person.desc += tuple(range(tag.start, tag.end))


def _name_spans(ctx: ActorContext) -> list[Span]:
    """PERSON entities trimmed of lexicon words, plus capitalised names right after a title."""
    doc, out = ctx.doc, []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = ent.start, ent.end
        while s < e and (s in ctx.tags or doc[s].lower_ in _FILLERS or _title_word(ctx, s)):
            s += 1
        while e > s and (doc[e - 1].text in _POSSESSIVE or doc[e - 1].is_punct):
            e -= 1
        if s < e and not any(i in ctx.tags for i in range(s, e)) and doc[s].is_title:
            out.append(doc[s:e])
    out.extend(_known_name_spans(ctx, {i for span in out for i in range(span.start, span.end)}))
    taken = {i for span in out for i in range(span.start, span.end)}
    for i in range(len(doc) - 1):
        title = ctx.titles.ending_at(doc, i)
        if title is None or doc[i].tag_ in ("NNS", "NNPS") or not doc[i].is_title:
            continue
        e = i + 1
        while e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].is_title and e not in ctx.tags:
            e += 1
        if e > i + 1 and not taken.intersection(range(i + 1, e)) and _is_name(doc, i + 1, e):
            out.append(doc[i + 1 : e])
            taken.update(range(i + 1, e))
    return sorted(out, key=lambda s: s.start)


def _known_name_spans(ctx: ActorContext, taken: set[int]) -> list[Span]:
    """Names of the known-people table the NER missed or mislabelled ("Erdogan" as ORG)."""
    doc, out = ctx.doc, []
    forms = ctx.known_forms
    for i, token in enumerate(doc):
        if i in taken or i in ctx.tags or not token.is_title or token.pos_ != "PROPN":
            continue
        for words in forms.get(token.text, ()):
            end = i + len(words)
            if tuple(t.text for t in doc[i:end]) != words or taken.intersection(range(i, end)):
                continue
            labels = {doc[k].ent_type_ for k in range(i, end)}
            # "Blinken met Wang Yi" with "Blinken" tagged a place: a place is where something
            # happens, a person is who acts ("in Santos" stays a place)
            acting = (
                labels == {"GPE"}
                and doc[end - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "conj")
                and not is_locative(doc[end - 1])
            )
            if labels <= {"", "PERSON", "ORG", "NORP"} or acting:
                out.append(doc[i:end])
                taken.update(range(i, end))
                break
    return out


def _is_name(doc: Doc, start: int, end: int) -> bool:
    # A run the NER calls an organisation or place is not a person ("Minister Council").
    return all(doc[i].ent_type_ in ("", "PERSON") for i in range(start, end))


def _title_word(ctx: ActorContext, i: int) -> bool:
    return any(ctx.doc[i].lower_ in term.split() for term in ctx.lexicon.titles)


def surnames(name: str) -> set[str]:
    """Lowercased forms a later mention may use: the last word, and without its particle
    ("al-Sudani", "Sudani")."""
    last = name.split()[-1].lower()
    forms = {last}
    if "-" in last:
        forms.add(last.split("-", 1)[1])
    return forms


def find_people(ctx: ActorContext) -> tuple[list[Person], list[Mention]]:
    """Every person the article names, with one mention per name occurrence.

    Later occurrences of a known full name or surname ("Bayramov") are mentions of the person
    first described; a counterpart takes the title and role of the person it is counterpart to.
    """
    people: list[Person] = []
    mentions: list[Mention] = []
    for span in _name_spans(ctx):
        text = span.text
        same = next(
            (p for p in people if text == p.name or text.lower() in surnames(p.name)), None
        )
        if same is not None:
            mentions.append(Mention(span.start, span.end, (same.key(),), "same-name"))
            continue
        person = Person(name=text, start=span.start, end=span.end)
        sent_start = span.sent.start
        described = _describe_left(ctx, person, span.start - 1, stop=sent_start)
        if not described:
            described = _describe_apposition(ctx, person, span.root)
        elif person.rule == "ner-person":
            person.rule = "title-nationality"
        if person.rule == "counterpart":
            _inherit_office(person, people)
        if not described:
            _known(ctx, person)
            if person.rule != "known-people" and mislabelled_place(span, ctx.place_country):
                continue  # "Russian forces shelled Kharkiv": a town the NER took for a person
        elif person.country is None and person.igo is None:
            _known_country(ctx, person)  # "President Bush": the title, but no nationality
        people.append(person)
        ctx.person_forms.update({text.lower(), *surnames(text)})
        ctx.used.update(range(span.start, span.end))
        ctx.used.update(person.desc)
        mentions.append(Mention(span.start, span.end, (person.key(),), person.rule, person.desc))
    return people, mentions


def _inherit_office(person: Person, people: list[Person]) -> None:
    # "his Turkish counterpart": same office as the last titled person, country from the text.
    for other in reversed(people):
        if other.title is not None:
            person.title = person.title or other.title
            person.role = person.role or other.role
            return


def _known(ctx: ActorContext, person: Person) -> None:
    found = ctx.lexicon.person_named(person.name, on=ctx.published)
    if found is None:
        return
    known, current = found
    person.country = known.country
    if current:
        person.role, person.title = known.role, known.title
    else:  # a former office holder: of the country still, in no political role now
        person.role, person.title = None, f"former {known.title}" if known.title else None
    if known.igo is not None:
        person.igo = next((i for i in ctx.lexicon.igos if i.code == known.igo), None)
        if not current:
            person.igo = None  # a former UN official speaks for nobody
    person.rule = "known-people"


def _known_country(ctx: ActorContext, person: Person) -> None:
    found = ctx.lexicon.person_named(person.name, on=ctx.published)
    if found is None:
        return
    known = found[0]
    person.country = known.country
    if known.igo is not None and found[1]:
        person.igo = next((i for i in ctx.lexicon.igos if i.code == known.igo), None)
