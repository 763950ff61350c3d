"""Pronouns resolved to the actors they stand for, within the article.

Rules, in order, for each subject or possessive pronoun (text order, so a pronoun already
resolved is an antecedent for the next one: "it stopped ... its commitments"):

1. reporting clause: the subject pronoun of a clause reported by a speech or cognition verb
   stands for that verb's subject ("Pakistan's military said it shot down ...", "the Taliban
   said they would ...");
2. "they"/"both": the last mention of several actors in the same or previous sentence;
   "he"/"she": the last mention of one person there;
3. "it"/"its" (and "they"/"their" for a group): the nearest earlier mention of one non-person
   actor in the same or previous sentence; a subject pronoun prefers an antecedent that was
   itself a subject (the topic of the previous clause).

Expletive "it" ("it is important that", "it was not long ago that") is left alone. Number and
kind must agree: "it" is never a person, "he"/"she" always one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..resolve.actors import Country
from ._actor_lexmatch import ActorContext
from ._actor_types import ActorKey, Mention, country_key
from ._actor_where import is_locative

__all__ = ["resolve_definite_countries", "resolve_definite_groups", "resolve_pronouns"]

_SUBJ = frozenset({"nsubj", "nsubjpass"})
# Verbs whose clausal complement is what their subject says or thinks.
_REPORTING = frozenset(
    {"say", "tell", "state", "add", "claim", "announce", "insist", "confirm", "warn", "report",
     "note", "stress", "argue", "deny", "vow", "pledge", "threaten", "promise", "allege",
     "explain", "acknowledge", "admit", "declare", "indicate", "reiterate", "maintain", "write",
     "believe", "hope", "expect", "fear", "think", "signal", "suggest", "reply", "respond",
     "assert", "emphasize", "emphasise", "underline", "decide", "agree", "accuse"}
)
_GROUP_PRONOUNS = frozenset({"they", "their", "them", "both"})
_SPEAKER = frozenset({"we", "our"})  # in a quote: the speaker's side
# Plural-looking names of one body ("the United States", "the Philippines", "the Taliban").
_SINGULAR_PLURALS = frozenset({"states", "philippines", "nations", "emirates", "netherlands",
                               "taliban", "houthis", "maldives", "bahamas", "comoros"})
# Definite descriptions of an armed or political group ("the insurgent group").
_GROUP_HEADS = frozenset({"group", "movement", "militia", "organization", "organisation",
                          "outfit", "insurgency", "faction", "network"})
_GROUP_WINDOW = 8  # sentences back
# "the country", "the nation": the last country named, this many sentences back at most.
_COUNTRY_HEADS = frozenset({"country", "nation"})
_COUNTRY_WINDOW = 3
_IT = frozenset({"it", "its"})
_PERSONAL = frozenset({"he", "she", "his", "her", "him"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
# Heads of an extraposed clause with a dummy "it" ("it is important to", "it is expected that").
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "remain", "become", "take", "make"})
_EXTRAPOSITION = frozenset(
    {"important", "necessary", "clear", "possible", "impossible", "likely", "unlikely",
     "difficult", "hard", "easy", "true", "unclear", "obvious", "essential", "vital", "crucial",
     "time", "worth", "long", "ago", "enough", "imperative", "critical", "unacceptable",
     "good", "bad", "wrong", "right", "early", "late", "urgent", "odd", "strange"}
)
_EXPLETIVE_PASSIVES = frozenset(
    {"expect", "believe", "say", "report", "understand", "know", "fear", "estimate", "think",
     "hope", "feel", "note", "suggest", "claim", "allege", "assume", "consider", "rumor",
     "rumour", "decide", "agree", "announce"}
)


def _expletive(token: Token) -> bool:
    """A dummy "it": "it is important that ...", "it is expected that ...", "it rains"."""
    head = token.head
    if head.lemma_.lower() in _EXPLETIVE_PASSIVES and token.dep_ == "nsubjpass":
        return True
    if head.lemma_.lower() not in _EXPLETIVE_HEADS:
        return False
    for child in head.children:
        if child.dep_ in ("acomp", "attr", "advmod") and child.lemma_.lower() in _EXTRAPOSITION:
            return True
        if child.dep_ in ("ccomp", "csubj") and child.i > token.i:
            return True
    return False


def _compatible(pronoun: str, mention: Mention, doc: Doc | None = None) -> bool:
    persons = [k for k in mention.keys if k.kind == "person"]
    if pronoun in _SPEAKER:
        return True
    if pronoun in _IT and doc is not None:
        root = doc[mention.start : mention.end].root
        if root.tag_ in ("NNS", "NNPS") and root.lower_ not in _SINGULAR_PLURALS:
            return False  # "Afghan officials" is never "it"
    if pronoun in _PERSONAL:
        return len(mention.keys) == 1 and bool(persons)
    if pronoun in _IT:
        return len(mention.keys) == 1 and not persons
    if pronoun in _GROUP_PRONOUNS:
        return len(mention.keys) > 1 or not persons
    return False


def _plural(doc: Doc, mention: Mention) -> bool:
    """A group of one actor referred to as "they": "the Taliban", "rebels", "Houthis"."""
    kind = mention.keys[0].kind
    root = doc[mention.start : mention.end].root
    return kind == "group" or (kind == "organization" and root.tag_ in ("NNS", "NNPS"))


def _reporting_subject(token: Token) -> Token | None:
    """The subject of the verb reporting the clause ``token`` is the subject (or, for "our",
    the possessor in) of."""
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head  # "our position is ...": up to the clause's verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said it shot down ... and captured ..."
    if clause.dep_ not in ("ccomp", "parataxis"):
        return None
    verb = clause.head
    if verb.lemma_.lower() not in _REPORTING:
        return None
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            # indirect speech names the speaker first ("X said it ..."); a quote may name
            # them after it ('"We are concerned," Wood said'), but then only "we" is them
            return subj if subj.i < token.i or token.lower_ in _SPEAKER else None
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _covering(mentions: list[Mention], token: Token) -> Mention | None:
    """The mention of the noun phrase headed by ``token`` (the smallest one covering it)."""
    inside = [m for m in mentions if m.start <= token.i < m.end]
    if not inside:
        # "the leader of the group": the head is not a mention, its possessor may be
        return None
    return min(inside, key=lambda m: m.end - m.start)


def _window_start(doc: Doc, token: Token) -> int:
    sent = token.sent
    return doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def _is_subject(doc: Doc, mention: Mention) -> bool:
    span = doc[mention.start : mention.end]
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ in _SUBJ


def _antecedent(ctx: ActorContext, token: Token, mentions: list[Mention]) -> Mention | None:
    """The nearest compatible earlier mention in the same or the previous sentence."""
    pronoun = token.lower_
    lo = _window_start(ctx.doc, token)
    earlier = sorted(
        (
            m
            for m in mentions
            if lo <= m.start and m.end <= token.i and _compatible(pronoun, m, ctx.doc)
        ),
        key=lambda m: m.start,
    )
    if not earlier:
        return None
    if pronoun in _GROUP_PRONOUNS:
        several = [m for m in earlier if len(m.keys) > 1 or _plural(ctx.doc, m)]
        return several[-1] if several else None
    if token.dep_ in _SUBJ and pronoun in _IT:
        subjects = [m for m in earlier if _is_subject(ctx.doc, m)]
        if subjects:
            return subjects[-1]
    return earlier[-1]


def resolve_definite_groups(ctx: ActorContext, mentions: list[Mention]) -> list[Mention]:
    """ "The insurgent group", "the militia", "the rebel movement": the last armed group the
    article named (within a few sentences), when the description says it is one."""
    doc, out = ctx.doc, []
    sents = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sents)}
    armed = sorted(
        (m for m in mentions if len(m.keys) == 1 and m.keys[0].role in ("REB", "OPP")),
        key=lambda m: m.start,
    )
    for token in doc:
        if token.lemma_.lower() not in _GROUP_HEADS or token.i in ctx.used:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            continue
        mods = [c for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
        roles = set()
        for mod in mods:
            group = ctx.lexicon.groups.get(mod.lemma_.lower()) or ctx.lexicon.groups.get(mod.lower_)
            if group is not None and group.kind == "group":
                roles.add(group.role)
        if token.lemma_.lower() in ("militia", "insurgency"):
            roles.add("REB")
        if not roles:
            continue  # "the group" alone may be anyone
        here = index.get(token.sent.start, 0)
        earlier = [
            m for m in armed
            if m.end <= token.i and m.keys[0].role in roles
            and here - index.get(doc[m.start].sent.start, 0) <= _GROUP_WINDOW
        ]
        if earlier:
            start = min(c.i for c in token.children if c.dep_ == "det")
            out.append(Mention(start, token.i + 1, earlier[-1].keys, "definite-group"))
            ctx.used.update(range(start, token.i + 1))
    return out


def resolve_definite_countries(ctx: ActorContext, mentions: list[Mention]) -> list[Mention]:
    """ "The country", "the Southeast Asian nation": the country last named (within a few
    sentences) or the one a nationality word on it names; not where something happens
    ("across the country") nor one named by an of-phrase ("the country of ...")."""
    doc, out = ctx.doc, []
    sents = list(doc.sents)
    index = {s.start: n for n, s in enumerate(sents)}
    named = sorted(
        (m for m in mentions if len(m.keys) == 1 and m.keys[0].kind == "country"),
        key=lambda m: m.start,
    )
    for token in doc:
        if token.lemma_.lower() not in _COUNTRY_HEADS or token.tag_ != "NN" or token.i in ctx.used:
            continue
        det = [c for c in token.children if c.dep_ == "det" and c.lower_ in ("the", "this")]
        if not det or is_locative(token) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children
        ):
            continue
        own = next((t for k in range(det[0].i, token.i) if (t := ctx.tag(k, "demonym"))), None)
        here = index.get(token.sent.start, 0)
        earlier = [
            m for m in named
            if m.end <= token.i and here - index.get(doc[m.start].sent.start, 0) <= _COUNTRY_WINDOW
        ]
        if own is not None and isinstance(own.entry, Country):
            keys: tuple[ActorKey, ...] = (country_key(own.entry),)
        elif earlier:
            keys = earlier[-1].keys
        else:
            continue
        out.append(Mention(det[0].i, token.i + 1, keys, "definite-country"))
        ctx.used.update(range(det[0].i, token.i + 1))
    return out


def resolve_pronouns(ctx: ActorContext, mentions: list[Mention]) -> list[Mention]:
    """Mentions for the pronouns of the doc that stand for an actor already mentioned."""
    doc = ctx.doc
    known = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for token in doc:
        pronoun = token.lower_
        if token.i in ctx.used or token.tag_ not in ("PRP", "PRP$", "DT"):
            continue
        if pronoun not in _IT | _PERSONAL | _GROUP_PRONOUNS | _SPEAKER:
            continue
        if token.dep_ not in _SUBJ and token.dep_ != "poss" and not (
            token.dep_ in _OBJECT_DEPS and pronoun in ("him", "her", "them")
        ):
            continue  # "urged him to ...": objects only for people and groups
        if pronoun == "it" and _expletive(token):
            continue
        found: Mention | None = None
        subj = (
            _reporting_subject(token)
            if token.dep_ in _SUBJ or pronoun in _SPEAKER
            else None
        )
        if subj is not None:
            found = _covering(known, subj)
            if found is not None and not _compatible(pronoun, found, doc):
                found = None
        if found is None and pronoun not in _SPEAKER:
            found = _antecedent(ctx, token, known)
        if found is None:
            continue
        mention = Mention(token.i, token.i + 1, found.keys, "pronoun")
        out.append(mention)
        known.append(mention)
        known.sort(key=lambda m: m.start)
    return out
