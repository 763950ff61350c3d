"""Event location benchmark: which place in the sentence is where the event happened.

Reads ``../shared/eval/event-location/labeled_text_dev.json`` (Halterman 2019: one sentence, one
annotated event VERB span and the LOCATION span(s) where it happened, or none) at run time. For
each record the pipeline runs up to the places component, then
:func:`communique.extract.places.place_for_predicate` is asked about the verb. A choice is right
when it overlaps a gold LOCATION, or when it is None and the gold has none.

Printed: accuracy overall, on records with and without a gold location, on "choice" records
(gold location present AND at least two places found in the sentence), and the same for a
baseline measured in the same run (the place nearest the verb, or None when none was found).

Usage: ``.venv/bin/python benchmarks/event_location.py [--limit N] [--errors FILE]``; ``--errors``
writes one tab-separated row per wrong choice (kind, verb, gold, ours, places found, sentence).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "event-location" / "labeled_text_dev.json"


def overlaps(span: tuple[int, int] | None, gold: list[tuple[int, int]]) -> bool:
    return span is not None and any(span[0] < e and s < span[1] for s, e in gold)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="a seeded random sample of N records")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write every wrong choice to this TSV file")
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"event-location data not found at {DATA}; nothing to score", file=sys.stderr)
        return 2
    records = json.loads(DATA.read_text("utf-8"))
    if args.limit:
        records = random.Random(13).sample(records, min(args.limit, len(records)))

    from communique.extract.places import place_for_predicate
    from communique.parse.pipeline import load_pipeline, make_doc

    nlp = load_pipeline()
    keep = {"communique_times", "communique_actors", "communique_places"}
    nlp.select_pipes(
        disable=[n for n in nlp.pipe_names if n.startswith("communique_") and n not in keep]
    )
    docs = [make_doc(nlp, r["text"], published=None) for r in records]
    tally: Counter[str] = Counter()
    rows = ["kind\tverb\tgold\tours\tplaces found\tsentence"]
    for rec, doc in zip(records, nlp.pipe(docs, batch_size=64), strict=True):
        verb = next(s for s in rec["spans"] if s["label"] == "VERB")
        gold = [(s["start"], s["end"]) for s in rec["spans"] if s["label"] == "LOCATION"]
        span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
        if span is None:
            tally["unaligned"] += 1
            continue
        places = {p.id: p for p in doc._.communique_places}
        pid = place_for_predicate(doc, span.root)
        ours = places[pid].mentions[0] if pid in places and places[pid].mentions else None
        if pid in places:  # the mention nearest the verb, when a place has several
            ours = min(places[pid].mentions, key=lambda m: abs(m[0] - verb["start"]), default=None)
        mentions = [m for p in places.values() for m in p.mentions]
        base = min(mentions, key=lambda m: abs(m[0] - verb["start"]), default=None)
        groups = ["all", "with-location" if gold else "no-location"]
        if gold and len(mentions) >= 2:
            groups.append("choice")
        for g in groups:
            tally[f"{g}:n"] += 1
            for name, pred in (("ours", ours), ("nearest", base)):
                right = overlaps(pred, gold) if gold else pred is None
                tally[f"{g}:{name}"] += int(right)
        if not (overlaps(ours, gold) if gold else ours is None):
            rows.append(_error_row(rec["text"], verb, gold, ours, mentions))
    print(f"records {len(records)} (unaligned verbs {tally['unaligned']})")
    for g in ("all", "with-location", "no-location", "choice"):
        n = tally[f"{g}:n"]
        if n:
            print(
                f"{g:14s} n={n:5d}  place_for_predicate {tally[f'{g}:ours'] / n:.3f}  "
                f"nearest-place baseline {tally[f'{g}:nearest'] / n:.3f}"
            )
    if args.errors is not None:
        args.errors.write_text("\n".join(rows) + "\n", "utf-8")
    return 0


def _error_row(
    text: str,
    verb: dict[str, int],
    gold: list[tuple[int, int]],
    ours: tuple[int, int] | None,
    mentions: list[tuple[int, int]],
) -> str:
    def show(spans: list[tuple[int, int]]) -> str:
        return " | ".join(text[s:e] for s, e in spans)

    found = any(overlaps(m, gold) for m in mentions)
    kind = ("extra" if not gold else "none" if ours is None else "wrong") + (
        "" if found or not gold else "-notfound")
    sentence = " ".join(text.split())
    return "\t".join([kind, text[verb["start"]:verb["end"]], show(gold),
                      show([ours] if ours else []), show(mentions), sentence])


if __name__ == "__main__":
    raise SystemExit(main())
