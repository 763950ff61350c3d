"""actors component: who acts, for which country, in what role.

Passes, each marking the tokens it has explained so later passes leave them alone:

1. lexicon names (countries, demonyms, capitals, IGOs, named groups) tagged on tokens,
   winning over NER (``_actor_lexmatch``);
2. people, with the description the text gives them (``_actor_people``);
3. collective nouns with their qualifiers (``_actor_groups``), then capitals, IGOs, named
   groups and state bodies, countries and other named organisations (``_actor_names``), and
   open lists of states ("other African countries", ``_actor_lists``);
4. later mentions resolved within the article, and groups placed in the lead country when
   their sentence names none (``_actor_refs``).

Mentions of equal :class:`~._actor_types.ActorKey` are one actor; actors are numbered
``A1``.. in order of first mention. ``Doc._.communique_actor_tokens`` maps every token of every
mention (and a person's title and nationality words) to the actor ids it denotes.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Actor
from ..resolve.actors import load_lexicon
from ..resolve.gazetteer import Gazetteer, default_gazetteer
from ._actor_groups import find_groups
from ._actor_lexmatch import ActorContext, NameMatcher, PhraseIndex
from ._actor_lists import find_open_lists
from ._actor_names import find_names
from ._actor_people import find_people
from ._actor_placenames import big_place_country
from ._actor_refs import fill_lead_country, resolve_references
from ._actor_types import ActorKey, Mention

__all__ = ["ActorsComponent", "actors_at", "build_actors"]


def build_actors(
    doc: Doc, mentions: list[Mention]
) -> tuple[list[Actor], dict[int, tuple[str, ...]]]:
    """Merge mentions into actors (ids by first mention) and the token -> ids map."""
    first: dict[ActorKey, int] = {}
    spans: dict[ActorKey, set[tuple[int, int]]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        span = doc[m.start : m.end]
        for key in m.keys:
            first.setdefault(key, m.start)
            spans.setdefault(key, set()).add((span.start_char, span.end_char))
    ids = {key: f"A{n}" for n, key in enumerate(sorted(first, key=lambda k: first[k]), start=1)}
    actors = [
        Actor(id=ids[key], name=key.name, kind=key.kind, country=key.country,  # type: ignore[arg-type]
              role=key.role, title=key.title, code=key.code, mentions=sorted(spans[key]))
        for key in sorted(first, key=lambda k: first[k])
    ]
    tokens: dict[int, tuple[str, ...]] = {}
    for m in mentions:
        for i in (*range(m.start, m.end), *m.extra):
            tokens[i] = tuple(dict.fromkeys((*tokens.get(i, ()), *(ids[k] for k in m.keys))))
    return actors, tokens


def actors_at(doc: Doc, token: Token) -> tuple[str, ...]:
    """The actor ids the noun phrase headed by ``token`` denotes.

    Coordination gives every conjunct's actors ("Azerbaijan and Turkey"); a head noun that is
    not an actor itself gives its possessor's ("the Croatian government's request"), or with a
    possessor, the actor in a role compounded to it ("Afghanistan's Taliban insurgency"). Empty
    tuple when the phrase denotes no actor.

    Args:
        doc: a ``Doc`` processed by the actors component.
        token: the head token of a subject, object or prepositional object.
    """
    table = doc._.communique_actor_tokens or {}
    found: list[str] = list(table.get(token.i, ()))
    if not found and any(c.dep_ == "poss" for c in token.children):
        # the possessor's, unless an actor in a role names the thing itself between them:
        # "Afghanistan's Taliban insurgency" is the Taliban's, not Afghanistan's
        roles = {a.id for a in doc._.communique_actors or () if a.role}
        found = [a for c in token.children if c.dep_ == "compound"
                 for a in table.get(c.i, ()) if a in roles]
        if not found:
            found = [a for c in token.children if c.dep_ == "poss" for a in table.get(c.i, ())]
    for conj in token.conjuncts:
        found.extend(table.get(conj.i, ()))
    return tuple(dict.fromkeys(found))


class ActorsComponent:
    """Writes ``Doc._.communique_actors`` and ``Doc._.communique_actor_tokens``.

    Args:
        nlp: the pipeline (its tokenizer builds the name patterns).
        gazetteer: tells one-word place names the NER took for people, and the country of a
            town qualifying a group ("an Istanbul court"); the full one (built on first use) by
            default.
    """

    def __init__(self, nlp: Language, *, gazetteer: Gazetteer | None = None) -> None:
        self.lexicon = load_lexicon()
        self.names = NameMatcher(nlp.make_doc, self.lexicon)
        self.titles = PhraseIndex(self.lexicon.titles)
        self.groups = PhraseIndex(self.lexicon.groups)
        self._gazetteer = gazetteer

    def place_country(self, name: str) -> str | None:
        """The country of the country, division or city of 100,000+ the gazetteer knows
        ``name`` as, or None (the gazetteer is opened on first use, not at load)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return big_place_country(self._gazetteer.lookup(name))

    def match(self, doc: Doc) -> list[Mention]:
        """Every actor mention in the doc (pure: the doc is not changed)."""
        ctx = ActorContext(
            doc=doc, tags=self.names.tags(doc), lexicon=self.lexicon, titles=self.titles,
            groups=self.groups, published=doc._.communique_published,
            place_country=self.place_country,
        )
        people, mentions = find_people(ctx)
        grouped, pending = find_groups(ctx)
        mentions.extend(grouped)
        mentions.extend(find_names(ctx))
        mentions.extend(find_open_lists(ctx))
        mentions.extend(resolve_references(ctx, people, list(mentions), pending))
        return fill_lead_country(ctx, mentions)

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        """Write the actors and the token map on the doc."""
        doc._.communique_actors, doc._.communique_actor_tokens = build_actors(doc, mentions)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.factory(
    "communique_actors_v1",
    assigns=["doc._.communique_actors", "doc._.communique_actor_tokens"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    """The actors component (lexicons are read once per process)."""
    return ActorsComponent(nlp)
