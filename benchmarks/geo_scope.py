"""Geoparsing within the issue's scope: end-to-end acc@161 on gold toponyms used as territories.

Issue 4 says demonyms and metonymic uses ("Turkey said") are actors, not places, while the
gold of LGL and GeoVirus marks them as toponyms, so ``benchmarks/geo.py``'s end-to-end figure
counts as misses what the issue forbids us to find. ``benchmarks/data/geo_scope_labels.tsv``
holds our own reading of 200 gold toponyms drawn at random: each one's use in its sentence
(territory, actor or demonym). This runs the pipeline up to the places component on the
articles they come from and prints, for each use, how many are found and how many resolved
within 161 km, with a 95% (Wilson) interval for the territory figure, next to the same-run
baseline of ``geo.py`` (spaCy's place entities, each resolved alone by prior).

Usage: ``.venv/bin/python benchmarks/geo_scope.py``
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import geo

LABELS = Path(__file__).resolve().parent / "data" / "geo_scope_labels.tsv"


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of k successes in n trials."""
    if n == 0:
        return 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def main() -> int:
    if not geo.GEO.is_dir():
        print(f"geoparsing data not found at {geo.GEO}; nothing to score", file=sys.stderr)
        return 2
    rows = [ln.split("\t") for ln in LABELS.read_text("utf-8").splitlines()
            if ln and not ln.startswith("#")][1:]
    corpora = {"lgl": geo.read_lgl(geo.GEO / "LGL" / "lgl.xml"),
               "geovirus": geo.read_geovirus(geo.GEO / "GeoVirus" / "GeoVirus.xml")}
    from communique.parse.pipeline import load_pipeline, make_doc

    nlp = load_pipeline()
    keep = {"communique_times", "communique_actors", "communique_places"}
    nlp.select_pipes(
        disable=[n for n in nlp.pipe_names if n.startswith("communique_") and n not in keep]
    )
    wanted = sorted({(c, int(a)) for c, a, _, _ in rows})
    texts = [corpora[c][a].text for c, a in wanted]
    docs = dict(zip(wanted, nlp.pipe(make_doc(nlp, t, published=None) for t in texts),
                    strict=True))
    tally: Counter[str] = Counter()
    for corpus, art, top, use in rows:
        article = corpora[corpus][int(art)]
        gold = article.gold[int(top)]
        doc = docs[(corpus, int(art))]
        ours = [(s, e, p) for p in doc._.communique_places for s, e in p.mentions]
        for name, mentions in (("ours", ours), ("base", geo._baseline(doc))):
            hit = next((p for s, e, p in mentions if s < gold.end and gold.start < e), None)
            tally[f"{name}:{use}:n"] += 1
            if hit is None:
                continue
            tally[f"{name}:{use}:found"] += 1
            if hit.lat is not None and geo.km(hit.lat, hit.lon, gold.lat, gold.lon) <= 161:
                tally[f"{name}:{use}:within"] += 1
    print(f"{len(rows)} labelled gold toponyms from {len(wanted)} articles")
    for use in ("territory", "actor", "demonym"):
        n = tally[f"ours:{use}:n"]
        print(f"  {use:9s} n={n:3d}  found {tally[f'ours:{use}:found']:3d}  "
              f"within 161 km {tally[f'ours:{use}:within']:3d}  "
              f"(baseline found {tally[f'base:{use}:found']:3d}, "
              f"within {tally[f'base:{use}:within']:3d})")
    n, k = tally["ours:territory:n"], tally["ours:territory:within"]
    b = tally["base:territory:within"]
    lo, hi = wilson(k, n)
    print(f"end-to-end acc@161 on territory uses: {k / n:.3f} (95% interval {lo:.3f}-{hi:.3f}); "
          f"baseline {b / n:.3f}; ratio {k / b if b else 0.0:.2f}")
    allk = sum(tally[f"ours:{u}:within"] for u in ("territory", "actor", "demonym"))
    print(f"end-to-end acc@161 on all {len(rows)} (as geo.py counts): {allk / len(rows):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
