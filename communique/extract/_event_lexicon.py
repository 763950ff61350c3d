"""The event lexicon (``communique/data/lexicon/events.yml``) compiled into lookup tables.

Compiled once per process (``load_lexicon`` is cached), so matching a token is a few dict
look-ups: per-token work stays cheap on large corpora.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..data import read_yaml
from .taxonomy import cameo_info

__all__ = ["Anaphor", "EventLexicon", "LexEntry", "Recode", "load_lexicon"]

_KINDS = ("verb", "noun", "light", "modal")


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon entry: which words, under which conditions, give which CAMEO code."""

    id: str
    kind: str
    lemmas: tuple[str, ...]
    code: str
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    mods: frozenset[str] = frozenset()
    sym: bool = False
    refine: str | None = None
    report: bool = False
    only: str | None = None
    alleged: bool = False
    needs_target: bool = False
    deliberation: bool = False
    noun_with: frozenset[str] = frozenset()
    needs_clause: bool = False
    without: frozenset[str] = frozenset()
    mutual: bool = False

    @property
    def conditional(self) -> bool:
        """True when the entry only applies with an object, particle or modifier."""
        return bool(self.objects or self.preps or self.mods)


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A definite noun that refers back to an earlier event ("the measures", "the attack")."""

    id: str
    nouns: frozenset[str]
    roots: frozenset[str]


@dataclass(frozen=True, slots=True)
class Recode:
    """A more specific code for a matched act when words of its subject or clause say so
    ("jets struck": an air strike; "troops deployed on a peacekeeping mission": 074)."""

    id: str
    codes: frozenset[str]
    words: frozenset[str]
    where: str  # subject | clause
    code: str


@dataclass(slots=True)
class EventLexicon:
    """Lookup tables: lemma -> entries, conditional entries first."""

    version: str
    entries: tuple[LexEntry, ...]
    verbs: dict[str, list[LexEntry]] = field(default_factory=dict)
    nouns: dict[str, list[LexEntry]] = field(default_factory=dict)
    light: dict[tuple[str, str], LexEntry] = field(default_factory=dict)
    modals: dict[str, LexEntry] = field(default_factory=dict)
    event_nouns: frozenset[str] = frozenset()
    verb_lemmas: frozenset[str] = frozenset()  # every lemma of a verb or light-verb entry
    anaphora: tuple[Anaphor, ...] = ()
    recodes: tuple[Recode, ...] = ()


def _entry(raw: dict[str, object]) -> LexEntry:
    def words(key: str) -> frozenset[str]:
        value = raw.get(key) or []
        assert isinstance(value, list), f"{raw.get('id')}: {key} must be a list"
        if not all(isinstance(v, str) for v in value):
            # YAML 1.1 reads a bare on/off/yes/no as a boolean: quote such words
            raise ValueError(f"lexicon entry {raw.get('id')}: {key} holds a non-string {value}")
        return frozenset(v.lower() for v in value)

    kind = str(raw["kind"])
    if kind not in _KINDS:
        raise ValueError(f"lexicon entry {raw.get('id')}: unknown kind {kind!r}")
    code = str(raw["code"])
    cameo_info(code)  # raises KeyError for a code the taxonomy does not know
    lemmas = raw.get("lemmas") or []
    assert isinstance(lemmas, list)
    words("lemmas")  # raises on a non-string lemma
    if kind == "light" and not raw.get("objects"):
        raise ValueError(f"lexicon entry {raw['id']}: a light-verb entry needs objects")
    return LexEntry(
        id=str(raw["id"]),
        kind=kind,
        lemmas=tuple(str(v).lower() for v in lemmas),
        code=code,
        objects=words("objects"),
        preps=words("preps"),
        mods=words("mods"),
        sym=bool(raw.get("sym", False)),
        refine=str(raw["refine"]) if raw.get("refine") else None,
        report=bool(raw.get("report", False)),
        only=str(raw["only"]) if raw.get("only") else None,
        alleged=bool(raw.get("alleged", False)),
        needs_target=bool(raw.get("needs_target", False)),
        deliberation=bool(raw.get("deliberation", False)),
        noun_with=words("noun_with"),
        needs_clause=bool(raw.get("needs_clause", False)),
        without=words("without"),
        mutual=bool(raw.get("mutual", False)),
    )


def _list(value: object) -> list[dict[str, object]]:
    if value is None:
        return []
    assert isinstance(value, list), "lexicon sections are lists"
    return value


def _anaphor(raw: dict[str, object]) -> Anaphor:
    nouns, roots = raw.get("nouns"), raw.get("roots")
    if not isinstance(nouns, list) or not nouns or not isinstance(roots, list) or not roots:
        raise ValueError(f"anaphora entry {raw.get('id')}: needs nouns and roots")
    if not all(isinstance(n, str) for n in nouns):
        raise ValueError(f"anaphora entry {raw.get('id')}: nouns must be strings: {nouns}")
    bad = [r for r in roots if not (isinstance(r, str) and len(r) == 2 and r.isdigit())]
    if bad:
        raise ValueError(f"anaphora entry {raw.get('id')}: roots are two-digit strings: {bad}")
    return Anaphor(
        id=str(raw["id"]),
        nouns=frozenset(str(n).lower() for n in nouns),
        roots=frozenset(str(r) for r in roots),
    )


def _recode(raw: dict[str, object]) -> Recode:
    codes, words, where = raw.get("from"), raw.get("words"), raw.get("where")
    if not isinstance(codes, list) or not isinstance(words, list) or not codes or not words:
        raise ValueError(f"recode {raw.get('id')}: needs from and words")
    if where not in ("subject", "clause") or not all(isinstance(w, str) for w in words):
        raise ValueError(f"recode {raw.get('id')}: where is subject|clause, words strings")
    for code in (*codes, raw["code"]):
        cameo_info(str(code))
    return Recode(
        id=str(raw["id"]),
        codes=frozenset(str(c) for c in codes),
        words=frozenset(w.lower() for w in words),
        where=str(where),
        code=str(raw["code"]),
    )


def compile_lexicon(data: dict[str, object]) -> EventLexicon:
    """Build the lookup tables from the parsed YAML (exposed for tests of the data file).

    Raises:
        ValueError: duplicate ids, unknown kinds or light entries without objects.
        KeyError: an entry names a CAMEO code the taxonomy does not know.
    """
    raw_entries = data["entries"]
    assert isinstance(raw_entries, list)
    entries = tuple(_entry(raw) for raw in raw_entries)
    ids = [e.id for e in entries]
    lex = EventLexicon(
        version=str(data["version"]),
        entries=entries,
        anaphora=tuple(_anaphor(raw) for raw in _list(data.get("anaphora"))),
        recodes=tuple(_recode(raw) for raw in _list(data.get("recodes"))),
    )
    ids += [a.id for a in lex.anaphora] + [r.id for r in lex.recodes]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"duplicate lexicon ids: {dupes}")
    for entry in entries:
        for lemma in entry.lemmas:
            if entry.kind == "modal":
                lex.modals.setdefault(lemma, entry)
            elif entry.kind == "light":
                for obj in entry.objects:
                    lex.light.setdefault((lemma, obj), entry)
            else:
                table = lex.verbs if entry.kind == "verb" else lex.nouns
                table.setdefault(lemma, []).append(entry)
    for table in (lex.verbs, lex.nouns):
        for lemma, found in table.items():
            # Conditional entries are more specific: try them first; file order otherwise.
            table[lemma] = sorted(found, key=lambda e: not e.conditional)
    lex.event_nouns = frozenset(lex.nouns) | frozenset(obj for _, obj in lex.light)
    lex.verb_lemmas = frozenset(lex.verbs) | frozenset(verb for verb, _ in lex.light)
    return lex


@lru_cache(maxsize=1)
def load_lexicon() -> EventLexicon:
    """The packaged event lexicon, compiled once per process."""
    data = read_yaml("lexicon", "events.yml")
    assert isinstance(data, dict)
    return compile_lexicon(data)
