"""Actor benchmark: do our actor mentions cover annotated actors?

1. ConfliBERT CAMEO sentences (``../shared/eval/conflibert-cameo/cameo_ner/train.txt``, CoNLL
   BIO with ``S`` source / ``T`` target / ``R`` reciprocal spans; the train split is our dev
   data): recall of gold S and T spans (a gold span counts when an actor mention overlaps
   it) and precision of our mentions (share overlapping any gold S/T/R span; low by nature,
   since gold marks only the event's two arguments).
2. re3d (``../shared/eval/re3d/*/``, Mongo-export JSON): recall of Person, Organisation and
   Nationality entity mentions by our actor mentions.

3. VOA development gold (``../shared/eval/voa2025/dev-gold.jsonl``, 8 stories): for each gold
   event argument whose text is found verbatim in its sentence, whether an actor mention
   overlaps it, and if so whether that actor's country (ISO3, or IGO) and role match the gold.

Each figure of 1-2 is printed beside a baseline measured in the same run: spaCy's own PERSON, ORG,
NORP and GPE entities taken as actor mentions.

Run: ``.venv/bin/python benchmarks/actors.py [--limit N] [--errors FILE]``; ``--errors`` writes one
tab-separated row per missed ConfliBERT source/target span, per mention of ours that overlaps no
gold span, and per VOA argument missed or coded with the wrong country or role, with its sentence
and our mentions there, for error analysis.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from communique.parse.pipeline import load_pipeline, make_doc

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
CAMEO_NER = SHARED / "conflibert-cameo" / "cameo_ner" / "train.txt"
RE3D = SHARED / "re3d"
VOA_GOLD = SHARED / "voa2025" / "dev-gold.jsonl"
VOA_TEXT = SHARED / "voa2025" / "voa_stories.jsonl"
BASELINE_LABELS = ("PERSON", "ORG", "NORP", "GPE")
RE3D_TYPES = ("Person", "Organisation", "Nationality")
LOCATIVE = frozenset({"in", "at", "near", "inside", "across", "throughout", "into", "within"})
# Components after actors are not needed here; times precedes actors but nothing reads it.
NOT_NEEDED = ("communique_times", "communique_places", "communique_events",
              "communique_amounts", "communique_agreements")

Span = tuple[int, int]


def read_conll(path: Path) -> Iterator[tuple[str, dict[str, list[Span]]]]:
    """Sentences as (text joined by spaces, {"S"/"T"/"R": [char spans]})."""
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag))
            continue
        if not tokens:
            continue
        text, pos = "", 0
        spans: dict[str, list[Span]] = {"S": [], "T": [], "R": []}
        open_span: tuple[str, int, int] | None = None
        for word, tag in tokens:
            start = pos
            text += word + " "
            pos = len(text)
            if tag.startswith("B-") or (tag.startswith("I-") and (
                open_span is None or open_span[0] != tag[2:]
            )):
                if open_span:
                    spans[open_span[0]].append(open_span[1:])
                open_span = (tag[2:], start, start + len(word))
            elif tag.startswith("I-") and open_span:
                open_span = (open_span[0], open_span[1], start + len(word))
            else:
                if open_span:
                    spans[open_span[0]].append(open_span[1:])
                open_span = None
        if open_span:
            spans[open_span[0]].append(open_span[1:])
        yield text.rstrip(), spans
        tokens = []


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    """Whether ``span`` shares at least one character with any of ``others``."""
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def mentions_of(doc: object) -> tuple[list[Span], list[Span]]:
    """(our actor mention spans, baseline NER spans) of a processed doc."""
    ours = [tuple(m) for a in doc._.communique_actors for m in a.mentions]  # type: ignore[attr-defined]
    base = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in BASELINE_LABELS]  # type: ignore[attr-defined]
    return ours, base


def run_docs(nlp: object, texts: list[str]) -> Iterator[object]:
    """The pipeline up to actors over ``texts``."""
    docs = [make_doc(nlp, t, published=None) for t in texts]  # type: ignore[arg-type]
    with nlp.select_pipes(disable=[n for n in NOT_NEEDED if n in nlp.pipe_names]):  # type: ignore[attr-defined]
        yield from nlp.pipe(docs, batch_size=64)  # type: ignore[attr-defined]


def ratio(hit: int, total: int) -> str:
    """``0.812 (341/420)``."""
    return f"{hit / total:.3f} ({hit}/{total})" if total else "n/a (0)"


def _texts(text: str, spans: Iterable[Span]) -> str:
    return " | ".join(text[a:b] for a, b in sorted(set(spans)))


def bench_cameo(nlp: object, *, limit: int | None, rows: list[str]) -> None:
    """Source/target span coverage on the ConfliBERT CAMEO sentences."""
    if not CAMEO_NER.is_file():
        print(f"skip conflibert-cameo: {CAMEO_NER} not found")
        return
    data = list(read_conll(CAMEO_NER))[:limit]
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (text, gold), doc in zip(data, run_docs(nlp, [t for t, _ in data]), strict=True):
        ours, base = mentions_of(doc)
        every = [s for spans in gold.values() for s in spans]
        for span in gold["T"]:
            # A miss right after "in"/"at"/"near" is a place by our design (places, not actors).
            before = text[: span[0]].split()[-1:] or [""]
            if not overlaps(span, ours) and before[0].lower() in LOCATIVE:
                hit["locative T misses"] += 1
        for role in ("S", "T"):
            rows.extend(
                f"cameo-miss-{role}\t{text[a:b]}\t{_texts(text, ours)}\t{text}"
                for a, b in gold[role] if not overlaps((a, b), ours)
            )
        rows.extend(
            f"cameo-extra\t{text[a:b]}\t{_texts(text, every)}\t{text}"
            for a, b in sorted(set(ours)) if not overlaps((a, b), every)
        )
        for system, mentions in (("ours", ours), ("base", base)):
            for role in ("S", "T"):
                for span in gold[role]:
                    total[f"{system} {role}"] += 1
                    hit[f"{system} {role}"] += overlaps(span, mentions)
            for m in set(mentions):
                total[f"{system} P"] += 1
                hit[f"{system} P"] += overlaps(m, every)
    print(f"ConfliBERT cameo_ner train ({len(data)} sentences), span overlap:")
    for system, label in (("ours", "communique actors"), ("base", "spaCy NER baseline")):
        print(f"  {label:22s} source recall {ratio(hit[f'{system} S'], total[f'{system} S'])}"
              f"  target recall {ratio(hit[f'{system} T'], total[f'{system} T'])}"
              f"  precision {ratio(hit[f'{system} P'], total[f'{system} P'])}")
    print(f"  target spans we miss right after a locative preposition (places by design): "
          f"{hit['locative T misses']}")


def read_re3d() -> Iterator[tuple[str, list[tuple[str, Span]]]]:
    """re3d documents as (text, [(entity type, span)]) for the actor-like entity types."""
    for folder in sorted(p for p in RE3D.iterdir() if p.is_dir()):
        texts: dict[str, str] = {}
        for line in (folder / "documents.json").read_text("utf-8-sig").splitlines():
            if line.strip():
                record = json.loads(line)
                texts[record["_id"]] = record["text"]
        gold: dict[str, set[tuple[str, Span]]] = {k: set() for k in texts}
        for line in (folder / "entities.json").read_text("utf-8-sig").splitlines():
            if line.strip():
                e = json.loads(line)
                if e["type"] in RE3D_TYPES and e["documentId"] in gold:
                    gold[e["documentId"]].add((e["type"], (e["begin"], e["end"])))
        for doc_id, text in texts.items():
            yield text, sorted(gold[doc_id])


def bench_re3d(nlp: object, *, limit: int | None) -> None:
    """Recall of re3d Person/Organisation/Nationality mentions."""
    if not RE3D.is_dir():
        print(f"skip re3d: {RE3D} not found")
        return
    data = list(read_re3d())[:limit]
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (_, gold), doc in zip(data, run_docs(nlp, [t for t, _ in data]), strict=True):
        ours, base = mentions_of(doc)
        for kind, span in gold:
            for system, mentions in (("ours", ours), ("base", base)):
                total[f"{system} {kind}"] += 1
                hit[f"{system} {kind}"] += overlaps(span, mentions)
    print(f"re3d ({len(data)} documents), mention recall by span overlap:")
    for system, label in (("ours", "communique actors"), ("base", "spaCy NER baseline")):
        parts = [f"{k} {ratio(hit[f'{system} {k}'], total[f'{system} {k}'])}" for k in RE3D_TYPES]
        all_hit = sum(hit[f"{system} {k}"] for k in RE3D_TYPES)
        all_total = sum(total[f"{system} {k}"] for k in RE3D_TYPES)
        print(f"  {label:22s} " + "  ".join(parts) + f"  all {ratio(all_hit, all_total)}")


def _gold_arguments(story: dict[str, object], text: str) -> Iterator[tuple[Span, str, str]]:
    """(char span, gold country token, gold role) of each argument found verbatim."""
    for event in story["events"]:  # type: ignore[attr-defined]
        start = text.find(event["sentence"])
        if start < 0:
            continue
        for side in ("source", "target"):
            arg, country = event.get(f"{side}_text") or "", event.get(side)
            if not arg or arg.startswith("(") or not country:
                continue  # implicit actors are written in parentheses
            arg = arg.split("(")[0].strip()
            at = text.find(arg, start, start + len(event["sentence"]))
            if arg and at >= 0:
                yield (at, at + len(arg)), country, event.get(f"{side}_role") or ""


def bench_voa(nlp: object, *, limit: int | None, rows: list[str]) -> None:
    """Actor coverage and coding of the VOA development gold's event arguments."""
    if not (VOA_GOLD.is_file() and VOA_TEXT.is_file()):
        print(f"skip voa2025: {VOA_GOLD} not found")
        return
    texts = {}
    for line in VOA_TEXT.read_text("utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = record["text"]
    gold = [json.loads(line) for line in VOA_GOLD.read_text("utf-8").splitlines() if line]
    gold = [g for g in gold if g["id"] in texts][:limit]
    counts: Counter[str] = Counter()
    docs = run_docs(nlp, [texts[g["id"]] for g in gold])
    for story, doc in zip(gold, docs, strict=True):
        actors = doc._.communique_actors  # type: ignore[attr-defined]
        for span, country, role in _gold_arguments(story, doc.text):  # type: ignore[attr-defined]
            counts["args"] += 1
            hits = [a for a in actors if overlaps(span, [tuple(m) for m in a.mentions])]
            sentence = next(s.text for s in doc.sents if s.start_char <= span[0] < s.end_char)  # type: ignore[attr-defined]
            ours = ", ".join(f"{a.name} {a.country}/{a.role}" for a in hits)
            gold_text = f"{doc.text[span[0]:span[1]]} {country}/{role}"  # type: ignore[attr-defined]
            if not hits:
                rows.append(f"voa-miss\t{gold_text}\t\t{sentence}")
                continue
            counts["covered"] += 1
            tokens = {"IGO" if a.kind == "igo" else a.country for a in hits}
            counts["country"] += country in tokens
            right = any(
                ("IGO" if a.kind == "igo" else a.country) == country and (a.role or "") == role
                for a in hits
            )
            counts["role"] += right
            if not right:
                kind = "voa-role" if country in tokens else "voa-country"
                rows.append(f"{kind}\t{gold_text}\t{ours}\t{sentence}")
    print(f"VOA dev gold ({len(gold)} stories), event arguments found verbatim in their sentence:")
    print(f"  covered by an actor mention {ratio(counts['covered'], counts['args'])}"
          f"  country right when covered {ratio(counts['country'], counts['covered'])}"
          f"  country+role right when covered {ratio(counts['role'], counts['covered'])}")


def main(argv: list[str] | None = None) -> int:
    """Run both benchmarks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N sentences/documents")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write missed spans, extra mentions and miscoded arguments (TSV)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"evaluation data not found at {SHARED}; nothing to measure", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    rows = ["kind\tgold (or our mention)\tours (or gold) in the sentence\tsentence"]
    bench_cameo(nlp, limit=args.limit, rows=rows)
    bench_re3d(nlp, limit=args.limit)
    bench_voa(nlp, limit=args.limit, rows=rows)
    if args.errors is not None:
        args.errors.write_text("\n".join(rows) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
