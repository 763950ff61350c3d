"""Geoparsing benchmark: toponym recall/precision and accuracy within 161 km, end to end.

Reads ``../shared/eval/geoparsing/`` (LGL ``lgl.xml`` and GeoVirus ``GeoVirus.xml``) at run time,
runs the pipeline up to the places component on every article, and scores the places it writes:

- recall: gold toponyms overlapped by a predicted place mention;
- precision: predicted mentions that overlap a gold toponym;
- acc@161 (found): of the found gold toponyms, those whose predicted point is within 161 km;
- end-to-end acc@161: found AND within 161 km, over all gold toponyms (the issue's goal: 0.80).

A baseline is measured in the same run: spaCy's GPE/LOC/FAC entities as they are, each
resolved alone to its best candidate by prior (feature class, population), no context.
The gold of both corpora includes demonyms ("Sudanese") and metonymic uses ("Israel said"),
which Communique codes as actors, not places (issue 4); the share of gold toponyms that are
not gazetteer names (mostly demonyms) is printed so the ceiling is visible, and so is the
end-to-end figure over the gold that are gazetteer names (the metonymic uses stay in it).

Usage: ``.venv/bin/python benchmarks/geo.py [--corpus lgl|geovirus|all] [--limit N]
[--errors FILE]``; ``--errors`` writes one tab-separated row per miss, wrong resolution and
extra mention, with the text around it, for error analysis.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT.parent / "shared" / "eval" / "geoparsing"


@dataclass
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    name: str


@dataclass
class Article:
    text: str
    gold: list[Gold]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    within: int = 0
    predicted: int = 0
    correct_pred: int = 0
    not_names: int = 0
    within_names: int = 0  # within 161 km, of the gold toponyms that are gazetteer names
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def read_lgl(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.find("lat") is None:
                continue
            gold.append(
                Gold(
                    int(top.findtext("start")),
                    int(top.findtext("end")),
                    float(tag.findtext("lat")),
                    float(tag.findtext("lon")),
                    top.findtext("phrase") or "",
                )
            )
        out.append(Article(art.findtext("text") or "", gold))
    return out


def read_geovirus(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = [
            Gold(
                int(loc.findtext("start")),
                int(loc.findtext("end")),
                float(loc.findtext("lat")),
                float(loc.findtext("lon")),
                loc.findtext("name") or "",
            )
            for loc in art.iter("location")
        ]
        out.append(Article(art.findtext("text") or "", gold))
    return out


@dataclass(frozen=True)
class _Point:
    name: str
    lat: float | None
    lon: float | None
    country: str | None = None


def _baseline(doc: Any) -> list[tuple[int, int, Any]]:
    """spaCy's place entities, each resolved alone by prior (no context, no actor filter)."""
    from communique.resolve.gazetteer import default_gazetteer
    from communique.resolve.places import Toponym, resolve_toponyms

    out = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        cand = resolve_toponyms([Toponym(text)], gazetteer=default_gazetteer())[0]
        if cand is not None:
            out.append((ent.start_char, ent.end_char, _Point(cand.name, cand.lat, cand.lon)))
    return out


def score(articles: list[Article], nlp: object, score: Score, base: Score | None = None) -> None:
    from communique.parse.pipeline import make_doc
    from communique.resolve.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    docs = [make_doc(nlp, a.text, published=None) for a in articles]  # type: ignore[arg-type]
    for art, doc in zip(articles, nlp.pipe(docs, batch_size=16), strict=True):  # type: ignore[attr-defined]
        names = {id(g) for g in art.gold if gaz.lookup(g.name)}
        score.not_names += len(art.gold) - len(names)
        if base is not None:
            _tally(art, _baseline(doc), base, names)
        mentions = [(s, e, p) for p in doc._.communique_places for s, e in p.mentions]
        _tally(art, mentions, score, names)


def _around(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def _tally(
    art: Article, mentions: list[tuple[int, int, Any]], score: Score, names: set[int]
) -> None:
    score.predicted += len(mentions)
    for s, e, p in mentions:
        if any(s < g.end and g.start < e for g in art.gold):
            score.correct_pred += 1
        else:
            score.rows.append(f"extra\t{art.text[s:e]}\t{p.name} {p.country}\t\t"
                              f"{_around(art.text, s, e)}")
    for g in art.gold:
        score.gold += 1
        hit = next((p for s, e, p in mentions if s < g.end and g.start < e), None)
        where = _around(art.text, g.start, g.end)
        if hit is None:
            score.misses.append(g.name)
            score.rows.append(f"miss\t{g.name}\t\t{g.lat:.2f},{g.lon:.2f}\t{where}")
            continue
        score.found += 1
        dist = km(hit.lat, hit.lon, g.lat, g.lon) if hit.lat is not None else None
        if dist is not None and dist <= 161:
            score.within += 1
            score.within_names += id(g) in names
        else:
            score.wrong.append(f"{g.name} -> {hit.name} {hit.country} {hit.lat},{hit.lon}")
            got = f"{hit.name} {hit.country} {hit.lat},{hit.lon} ({dist or 0:.0f} km)"
            score.rows.append(f"wrong\t{g.name}\t{got}\t{g.lat:.2f},{g.lon:.2f}\t{where}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=("lgl", "geovirus", "all"), default="all")
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each corpus")
    ap.add_argument("--show", type=int, default=0, help="print N misses and wrong resolutions")
    ap.add_argument("--errors", type=Path, default=None,
                    help="write every miss, wrong resolution and extra mention to this TSV file")
    args = ap.parse_args()
    if not GEO.is_dir():
        print(f"geoparsing data not found at {GEO}; nothing to score", file=sys.stderr)
        return 2
    from communique.parse.pipeline import load_pipeline

    nlp = load_pipeline()
    keep = {"communique_times", "communique_actors", "communique_places"}
    nlp.select_pipes(
        disable=[n for n in nlp.pipe_names if n.startswith("communique_") and n not in keep]
    )
    corpora = {
        "lgl": (GEO / "LGL" / "lgl.xml", read_lgl),
        "geovirus": (GEO / "GeoVirus" / "GeoVirus.xml", read_geovirus),
    }
    total, total_base = Score(), Score()
    rows = ["kind\tcorpus\tgold or mention\tpredicted\tgold point\tcontext"]
    for name, (path, reader) in corpora.items():
        if args.corpus not in (name, "all"):
            continue
        arts = reader(path)[: args.limit]
        t0 = time.time()
        s, b = Score(), Score()
        score(arts, nlp, s, b)
        report(f"{name} ({len(arts)} articles, {time.time() - t0:.0f}s)", s, b)
        for k in ("gold", "found", "within", "predicted", "correct_pred", "not_names",
                  "within_names"):
            setattr(total, k, getattr(total, k) + getattr(s, k))
            setattr(total_base, k, getattr(total_base, k) + getattr(b, k))
        rows += [f"{r.split(chr(9), 1)[0]}\t{name}\t{r.split(chr(9), 1)[1]}" for r in s.rows]
        if args.show:
            print("  misses:", s.misses[: args.show])
            print("  wrong:", s.wrong[: args.show])
    if args.corpus == "all":
        report("all", total, total_base)
    if args.errors is not None:
        args.errors.write_text("\n".join(rows) + "\n", "utf-8")
    return 0


def _figures(s: Score) -> tuple[float, float, float, float]:
    rec = s.found / s.gold if s.gold else 0.0
    prec = s.correct_pred / s.predicted if s.predicted else 0.0
    acc = s.within / s.found if s.found else 0.0
    e2e = s.within / s.gold if s.gold else 0.0
    return rec, prec, acc, e2e


def report(label: str, s: Score, base: Score) -> None:
    rec, prec, acc, e2e = _figures(s)
    b = _figures(base)
    ratio = e2e / b[3] if b[3] else 0.0
    not_names = s.not_names / s.gold if s.gold else 0.0
    named = s.gold - s.not_names
    e2e_names = s.within_names / named if named else 0.0
    b_names = base.within_names / named if named else 0.0
    print(
        f"{label}: gold {s.gold}  recall {rec:.3f}  precision {prec:.3f}  "
        f"acc@161(found) {acc:.3f}  end-to-end acc@161 {e2e:.3f}\n"
        f"  baseline (spaCy entities, prior only): recall {b[0]:.3f}  precision {b[1]:.3f}  "
        f"acc@161(found) {b[2]:.3f}  end-to-end {b[3]:.3f}  (ratio {ratio:.2f}); "
        f"gold that is no gazetteer name (demonyms...): {not_names:.3f}\n"
        f"  end-to-end acc@161 over the gold that are gazetteer names: {e2e_names:.3f} "
        f"(baseline {b_names:.3f})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
