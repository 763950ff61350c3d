"""End-to-end score of the whole record against the VOA 2025 development gold.

Reads ``../shared/eval/voa2025/dev-gold.jsonl`` (8 hand-coded stories) and the story texts in
``voa_stories.jsonl`` (matched by id), runs the full pipeline on each story with its
publication date, and scores events at CODING.md's three match levels:

- lenient: same PentaClass and a shared country token;
- medium: same CAMEO root, a shared country token and a compatible date (the headline);
- strict: same root, the same set of country tokens, a compatible date and the same status.

Of the medium-matched pairs it also prints how many parties have the gold's actor role (GOV,
MIL, REB, ... or null).

Per story only events with a country token (ISO3 or IGO, from source or target) count; pairs
are made one to one, greedily, in gold order. System actor ids become their actor's country
(or ``IGO`` for kind igo). Amount recall: a gold amount is found when a system amount has the
same unit and a value within 1%.

Usage: .venv/bin/python benchmarks/end_to_end.py [--verbose] [--calibrate]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "eval" / "voa2025" / "dev-gold.jsonl"
STORIES = SHARED / "eval" / "voa2025" / "voa_stories.jsonl"

PENTA = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}

Item = dict[str, Any]


def date_ok(gold: Item, system: Item) -> bool:
    """CODING.md: compatible when gold start is null, or the system date falls in the gold
    year/month, or within one day of a gold day."""
    g_start = gold["date"].get("start")
    if g_start is None:
        return True
    s_start = system["date"].get("start")
    if s_start is None:
        return False
    precision = gold["date"].get("precision")
    if precision == "year":
        return s_start[:4] == g_start[:4]
    if precision == "month":
        return s_start[:7] == g_start[:7]
    if len(g_start) == 10 and len(s_start) == 10:
        return abs(date.fromisoformat(s_start) - date.fromisoformat(g_start)) <= timedelta(days=1)
    return s_start[: len(g_start)] == g_start


def lenient(g: Item, s: Item) -> bool:
    return PENTA[g["root"]] == PENTA[s["root"]] and bool(g["countries"] & s["countries"])


def medium(g: Item, s: Item) -> bool:
    return g["root"] == s["root"] and bool(g["countries"] & s["countries"]) and date_ok(g, s)


def strict(g: Item, s: Item) -> bool:
    return (
        g["root"] == s["root"]
        and g["countries"] == s["countries"]
        and date_ok(g, s)
        and g["status"] == s["status"]
    )


LEVELS: dict[str, Callable[[Item, Item], bool]] = {
    "lenient": lenient,
    "medium": medium,
    "strict": strict,
}


def pair(
    gold: list[Item], system: list[Item], match: Callable[[Item, Item], bool]
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing in gold order: (gold index, system index) pairs."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used and match(g, s):
                used.add(si)
                pairs.append((gi, si))
                break
    return pairs


def gold_events(story: Item) -> list[Item]:
    out = []
    for ev in story["events"]:
        countries = {c for c in (ev.get("source"), ev.get("target")) if c}
        if countries:
            out.append({**ev, "countries": countries})
    return out


def system_events(doc: Any) -> list[Item]:
    country = {a.id: ("IGO" if a.kind == "igo" else a.country) for a in doc.actors}
    role = {a.id: a.role for a in doc.actors}
    out = []
    for ev in doc.events:
        countries = {c for c in (country.get(ev.source or ""), country.get(ev.target or "")) if c}
        if countries:
            item = ev.model_dump(mode="json")
            item["countries"] = countries
            # the role each country token has in this event (for the role agreement)
            item["roles"] = {country[a]: role[a] for a in (ev.source, ev.target)
                             if a and country.get(a)}
            out.append(item)
    return out


def roles_agree(g: Item, s: Item) -> tuple[int, int]:
    """(agreeing, compared) actor roles of a matched pair: each gold party's role against the
    role of the system party with the same country token."""
    agree = total = 0
    for side in ("source", "target"):
        token = g.get(side)
        if token and token in s["roles"]:
            total += 1
            agree += (s["roles"][token] or "") == (g.get(f"{side}_role") or "")
    return agree, total


def amount_found(gold: Item, system: list[Any]) -> bool:
    value = float(gold["value"])
    return any(a.unit == gold["unit"] and abs(a.value - value) <= 0.01 * abs(value) for a in system)


def prf(matches: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = matches / n_sys if n_sys else 0.0
    r = matches / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="print every gold and system event")
    ap.add_argument("--calibrate", action="store_true", help="precision per rule family (medium)")
    args = ap.parse_args()
    if not GOLD.is_file() or not STORIES.is_file():
        print(f"skipped: VOA 2025 gold or stories not found under {GOLD.parent}")
        return 0
    import communique
    from communique.parse.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = {}
    for line in STORIES.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            texts[str(rec["id"])] = rec["text"]
    totals = {name: [0, 0, 0] for name in LEVELS}  # matches, system, gold
    family_hits: Counter[str] = Counter()
    family_all: Counter[str] = Counter()
    amounts_found = amounts_gold = 0
    role_agree = role_total = 0
    for line in GOLD.read_text("utf-8").splitlines():
        story = json.loads(line)
        text = texts.get(str(story["id"]))
        if text is None:
            print(f"story {story['id']}: text not found, skipped")
            continue
        doc = communique.extract(text, published=story["published"], nlp=nlp)
        gold, system = gold_events(story), system_events(doc)
        row = []
        for name, match in LEVELS.items():
            pairs = pair(gold, system, match)
            totals[name][0] += len(pairs)
            totals[name][1] += len(system)
            totals[name][2] += len(gold)
            row.append(f"{name} {len(pairs)}")
            if name == "medium":
                for gi, si in pairs:
                    agree, total = roles_agree(gold[gi], system[si])
                    role_agree += agree
                    role_total += total
                matched_sys = {si for _, si in pairs}
                matched_gold = {gi for gi, _ in pairs}
                for si, s in enumerate(system):
                    family = s["evidence"].split("rule:")[1].split("-")[0].split(";")[0]
                    family = (
                        "intent"
                        if "+intent" in s["evidence"]
                        else "threat"
                        if "+threat" in s["evidence"]
                        else family
                    )
                    family_all[family] += 1
                    family_hits[family] += si in matched_sys
        amounts_gold += len(story.get("amounts", []))
        amounts_found += sum(amount_found(a, doc.amounts) for a in story.get("amounts", []))
        print(
            f"story {story['id']}: gold {len(gold)} system {len(system)} matched: {', '.join(row)}"
        )
        if args.verbose:
            for gi, g in enumerate(gold):
                mark = "+" if gi in matched_gold else "-"
                when = g["date"].get("start")
                head = f"   {mark}G {g['cameo']:5} {sorted(g['countries'])} {when}"
                print(f"{head} {g['status']:10}", end="")
                print(f" | {g['sentence'][:90]}")
            for si, s in enumerate(system):
                mark = "+" if si in matched_sys else "-"
                when = s["date"].get("start")
                head = f"   {mark}S {s['cameo']:5} {sorted(s['countries'])} {when}"
                print(f"{head} {s['status']:10}", end="")
                print(f" {s['evidence'][:45]} | {s['sentence'][:80]}")
    print()
    print(f"{'level':8} {'P':>6} {'R':>6} {'F1':>6}   (matches / system / gold)")
    for name, (m, n_sys, n_gold) in totals.items():
        p, r, f = prf(m, n_sys, n_gold)
        print(f"{name:8} {p:6.3f} {r:6.3f} {f:6.3f}   ({m} / {n_sys} / {n_gold})")
    if amounts_gold:
        print(
            f"amount recall {amounts_found / amounts_gold:.3f} ({amounts_found} / {amounts_gold})"
        )
    if role_total:
        print(f"actor roles of medium-matched events: {role_agree / role_total:.3f} agree "
              f"({role_agree} / {role_total} parties, role null where gold has none)")
    if args.calibrate:
        print("\nprecision per rule family (medium):")
        for family, n in sorted(family_all.items()):
            print(f"  {family:8} {family_hits[family] / n:.2f} ({family_hits[family]} / {n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
