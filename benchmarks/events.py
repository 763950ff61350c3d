"""Event coding benchmarks on development data (read from ../shared at run time).

1. ConfliBERT CAMEO (train split): PentaClass accuracy of the sentence's first event (roots
   01-02, 03-05, 06-08, 09-13+16, 14-15+17-20), from the record (political events only) and
   from the predicate alone (the lexicon's code whatever the actors); the share of these
   one-event sentences with an event carrying a PLOVER type; source/target agreement on
   the span-annotated sentences (the system's source/target actor mention overlaps the gold S/T
   span).
2. PETRARCH-2 validation records (synthetic sentences about fictional countries): CAMEO code
   agreement (exact code, and root) per expected coding, and triple agreement (code + source +
   target). Actors come from the suite's own toy actor dictionary, parsed here at run time
   and never shipped: a grammar test of the predicate and argument rules.
3. VOA 2025 stories: share with at least one event and events per 1,000 words (inflation check).

Usage: nice .venv/bin/python benchmarks/events.py [--limit N] [--skip conflibert,petrarch,voa]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CONFLIBERT = SHARED / "eval" / "conflibert-cameo"
PETRARCH = SHARED / "eval" / "petrarch2" / "validation"
VOA = SHARED / "eval" / "voa2025" / "voa_stories.jsonl"


def conflibert(nlp: Any, limit: int) -> None:
    from communique.extract.taxonomy import pentaclass
    from communique.parse.pipeline import make_doc

    path = CONFLIBERT / "cameo_class" / "train.tsv"
    if not path.is_file():
        print(f"conflibert: skipped ({path} not found)")
        return
    rows = [line.rsplit("\t", 1) for line in path.read_text("utf-8").splitlines() if "\t" in line]
    rows = rows[:limit]
    events_pipe = nlp.get_pipe("communique_events")
    docs = nlp.pipe((make_doc(nlp, text, published=None) for text, _ in rows), batch_size=64)
    rec_hit = rec_any = pred_hit = pred_any = plover_any = plover_14 = n_14 = 0
    for (_, label), doc in zip(rows, docs, strict=True):
        gold = int(label)
        events = doc._.communique_events or []
        plover_any += any(e.plover for e in events)
        if gold > 0:  # classes 1-4: CAMEO 03-20, every code of which has a PLOVER type
            n_14 += 1
            plover_14 += any(e.plover for e in events)
        if events:
            rec_any += 1
            rec_hit += pentaclass(events[0].cameo) == gold
        table = doc._.communique_actor_tokens or {}
        cands = events_pipe.candidates(doc, lambda tok, t=table: tuple(t.get(tok.i, ())))
        if cands:
            pred_any += 1
            pred_hit += pentaclass(cands[0].code) == gold
    n = len(rows)
    print(f"conflibert PentaClass ({n} train sentences):")
    for name, hit, anyn in (("record", rec_hit, rec_any), ("predicate", pred_hit, pred_any)):
        print(
            f"  {name:10} accuracy {hit / n:.3f} over all; {hit / max(anyn, 1):.3f} where coded"
            f" (coverage {anyn / n:.3f})"
        )
    # Each sentence reports one event (CAMEO-manual examples): the goal is a PLOVER
    # type for at least 80% of such sentences.
    print(f"  PLOVER type found for {plover_any / n:.3f} of the sentences ({plover_any}/{n});")
    # Class 0 mixes appeals (02, REQUEST) with statements (01), which have no PLOVER type.
    print(
        f"  for {plover_14 / max(n_14, 1):.3f} of those of classes 1-4, whose CAMEO codes all"
        f" have one ({plover_14}/{n_14})"
    )
    _conflibert_spans(nlp, limit)


def _bio_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if words:
                out.append((words, tags))
            words, tags = [], []
            continue
        word, _, tag = line.rpartition(" ")
        words.append(word)
        tags.append(tag)
    if words:
        out.append((words, tags))
    return out


def _span(words: list[str], tags: list[str], kind: str) -> tuple[int, int] | None:
    pos = 0
    start = end = None
    for word, tag in zip(words, tags, strict=True):
        if tag.endswith("-" + kind):
            if start is None:
                start = pos
            end = pos + len(word)
        elif start is not None and tag.startswith("B-"):
            break
        pos += len(word) + 1
    return (start, end) if start is not None and end is not None else None


def _conflibert_spans(nlp: Any, limit: int) -> None:
    from communique.parse.pipeline import make_doc

    path = CONFLIBERT / "cameo_ner" / "train.txt"
    if not path.is_file():
        return
    sents = _bio_sentences(path)[:limit]
    texts = [" ".join(words) for words, _ in sents]
    docs = nlp.pipe((make_doc(nlp, t, published=None) for t in texts), batch_size=64)
    counts = {"S": [0, 0, 0], "T": [0, 0, 0]}  # agree, system has the role, gold has the role
    for (words, tags), doc in zip(sents, docs, strict=True):
        events = doc._.communique_events or []
        actors = {a.id: a for a in doc._.communique_actors or []}
        for kind, attr in (("S", "source"), ("T", "target")):
            gold = _span(words, tags, kind)
            if gold is None:
                continue
            counts[kind][2] += 1
            if not events or getattr(events[0], attr) is None:
                continue
            counts[kind][1] += 1
            actor = actors.get(getattr(events[0], attr))
            if actor and any(s < gold[1] and e > gold[0] for s, e in actor.mentions):
                counts[kind][0] += 1
    print(f"conflibert source/target agreement ({len(sents)} span sentences; first event):")
    for kind, name in (("S", "source"), ("T", "target")):
        agree, system, gold = counts[kind]
        print(
            f"  {name}: {agree / max(gold, 1):.3f} of gold spans; {agree / max(system, 1):.3f}"
            f" where the system gave one ({agree}/{system}/{gold})"
        )


def _toy_actors() -> list[tuple[tuple[str, ...], str]]:
    """(phrase words, code) from the suite's actor file; '+' lines are synonyms of the last."""
    phrases: list[tuple[tuple[str, ...], str]] = []
    code = None
    for raw in (
        (PETRARCH / "PETR.Validate.actors.txt").read_text("utf-8", errors="replace").splitlines()
    ):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        m = re.match(r"^(\+?)([^\[]+?)\s*(?:\[([^\]]+)\])?\s*$", line)
        if not m:
            continue
        plus, name, found = m.groups()
        if found:
            code = found.strip().split("/")[0].split()[0]
        elif not plus:
            code = None
        if code is None or code.startswith(("-", "+")):
            continue
        words = tuple(w for w in re.split(r"[_\s]+", name.strip().lower()) if w)
        if words:
            phrases.append((words, code))
    phrases.sort(key=lambda p: -len(p[0]))
    return phrases


def petrarch(nlp: Any, limit: int) -> None:
    from communique.parse.pipeline import make_doc
    from communique.records import Actor

    path = PETRARCH / "PETR.UnitTest.records.xml"
    if not path.is_file():
        print(f"petrarch: skipped ({path} not found)")
        return
    xml = path.read_text("utf-8", errors="replace")
    records = []
    for block in re.findall(r"<Sentence\b(.*?)</Sentence>", xml, flags=re.S)[:limit]:
        codings = re.findall(
            r'<EventCoding\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"\s+eventcode="([^"]*)"',
            block,
        )
        text = re.search(r"<Text>(.*?)</Text>", block, flags=re.S)
        if (
            text
            and codings
            and not any(c[2] == "---" or "noevent" in c[2].lower() for c in codings)
        ):
            records.append((" ".join(text.group(1).split()), codings))
    phrases = _toy_actors()
    events_pipe = nlp.get_pipe("communique_events")
    exact = root = triple = dyad = total = 0
    for text, codings in records:
        doc = nlp(make_doc(nlp, text, published=date(1995, 1, 1)))
        lower = [t.lower_ for t in doc]
        table: dict[int, tuple[str, ...]] = {}
        actors: dict[str, Actor] = {}
        for i in range(len(doc)):
            for words, code in phrases:
                if i not in table and tuple(lower[i : i + len(words)]) == words:
                    aid = f"T{code}"
                    actors[aid] = Actor(id=aid, name=code, kind="country", country=code[:3])
                    for k in range(i, i + len(words)):
                        table.setdefault(k, (aid,))
                    break
        doc._.communique_actors = list(actors.values())
        events = events_pipe.match(doc, actors_at=lambda tok, t=table: t.get(tok.i, ()))
        coded = [(e.cameo, (e.source or "")[1:4], (e.target or "")[1:4]) for e in events]
        for src, tgt, code in codings:
            total += 1
            exact += any(c == code for c, _, _ in coded)
            root += any(c[:2] == code[:2] for c, _, _ in coded)
            triple += any(c == code and s == src[:3] and t == tgt[:3] for c, s, t in coded)
            dyad += any(s == src[:3] and t == tgt[:3] for _, s, t in coded)
    print(f"petrarch validation ({len(records)} sentences, {total} expected codings):")
    n = max(total, 1)
    print(
        f"  CAMEO code agreement {exact / n:.3f}; root agreement {root / n:.3f};"
        f" code+source+target {triple / n:.3f}; source+target (any code) {dyad / n:.3f}"
    )


def voa(nlp: Any, limit: int) -> None:
    from communique.parse.pipeline import make_doc

    if not VOA.is_file():
        print(f"voa: skipped ({VOA} not found)")
        return
    stories = [json.loads(line) for line in VOA.read_text("utf-8").splitlines() if line.strip()][
        :limit
    ]
    with_event = n_events = n_words = failed = 0
    for story in stories:
        published = date.fromisoformat(story["published"][:10])
        try:
            doc = nlp(make_doc(nlp, story["text"], published=published))
        except Exception as exc:  # noqa: BLE001 - another stage's bug must not hide the figure
            failed += 1
            print(f"  story {story['id']}: pipeline failed ({type(exc).__name__}: {exc})")
            continue
        events = doc._.communique_events or []
        with_event += bool(events)
        n_events += len(events)
        n_words += len(story["text"].split())
    done = len(stories) - failed
    print(f"voa2025 ({done} of {len(stories)} stories processed):")
    print(
        f"  share with an event {with_event / max(done, 1):.3f};"
        f" events per 1,000 words {1000 * n_events / max(n_words, 1):.2f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=2000, help="at most N items per corpus")
    ap.add_argument("--skip", default="", help="comma-separated: conflibert,petrarch,voa")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found")
        return 0
    from communique.parse.pipeline import load_pipeline

    nlp = load_pipeline()
    skip = set(args.skip.split(","))
    for name, run in (("conflibert", conflibert), ("petrarch", petrarch), ("voa", voa)):
        if name not in skip:
            run(nlp, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
