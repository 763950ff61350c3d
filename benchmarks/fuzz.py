"""Fuzz ``communique.extract`` over mutated articles with atheris (libFuzzer), bounded.

Usage::

    .venv/bin/python benchmarks/fuzz.py --runs 2000 --seconds 300

The seed corpus is a few short articles written for this script (plain text with header lines,
mixed scripts, figures and dates). libFuzzer mutates their bytes; each input goes through the
real ingest path (``decode`` -> header parsing -> size cap) and then ``communique.extract``.

Counted outcomes per input:

- ``ok``: a Document whose every span lies inside ``article.text`` and that serialises;
- ``input_error``: a documented ``InputError`` (empty, binary, undecodable, bad header date...);
- ``extraction_error``: the documented ``ExtractionError`` (a component raised; process_batch
  isolated it). Not a crash of the batch, but each is a component bug, so their causes are listed;
- ``crash``: any other exception, or a span outside the text. Crashing inputs are written to
  ``--crash-dir`` and listed (with one input per extraction-error cause, ``xerr-*.bin``).

libFuzzer stops on the first uncaught exception, so exceptions are caught and counted here and the
run goes on to its bound. Exit status 1 when any crash was found.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

try:
    import atheris
except ImportError:  # pragma: no cover - the test extra installs it
    sys.exit("benchmarks/fuzz.py needs atheris: .venv/bin/pip install atheris")

with atheris.instrument_imports(include=["communique"]):
    import communique
    from communique.errors import ExtractionError, InputError
    from communique.ingest.normalize import decode

SEEDS = {
    "consult.txt": (
        "date 2022-03-14 By Lena Park\n\nSouth Korea's foreign minister met his Japanese "
        "counterpart in Tokyo on Monday. The two ministers discussed North Korea's missile "
        "launches and agreed to hold talks again in May.\n"
    ),
    "trade.txt": (
        "Date: 2021-10-11\n\nTrade between Azerbaijan and Turkey reached $2.8 billion in the "
        "first eight months of 2021, up 15% from a year earlier. The countries aim for "
        "USD 15 bln by 2023.\n"
    ),
    "conflict.txt": (
        "Sudanese army units shelled positions of the Rapid Support Forces near Khartoum on "
        "Saturday, killing at least 12 civilians, according to local medics. The UN Security "
        "Council condemned the attack.\n"
    ),
    "mixed.txt": (
        "published 2020-06-02\n\nIsrael (ישראל) and Jordan (الأردن) signed two agreements on water "
        "in Amman; the deal, worth 200 million dinars, takes effect in 2021.\n"
    ),
}

STATS: collections.Counter[str] = collections.Counter()
CAUSES: collections.Counter[str] = collections.Counter()
CRASHES: list[str] = []
STARTED = time.perf_counter()
OPTIONS: dict[str, object] = {}


def _spans(doc: communique.Document) -> list[tuple[int, int]]:
    spans = [m for a in doc.actors for m in a.mentions]
    spans += [m for p in doc.places for m in p.mentions]
    spans += [t.span for t in doc.times] + [e.span for e in doc.events]
    spans += [a.span for a in doc.amounts] + [m for g in doc.agreements for m in g.mentions]
    return spans


def _save(data: bytes, name: str) -> Path:
    crash_dir = Path(str(OPTIONS["crash_dir"]))
    crash_dir.mkdir(parents=True, exist_ok=True)
    path = crash_dir / name
    path.write_bytes(data)
    return path


def _crash(data: bytes, what: str) -> None:
    STATS["crash"] += 1
    path = _save(data, f"crash-{STATS['crash']:04d}.bin")
    CRASHES.append(f"{path}: {what}")


def one_input(data: bytes) -> None:
    """Run one mutated article through ingest and extraction; count what happened."""
    STATS["tried"] += 1
    try:
        text = decode(data, source="<fuzz>")
        doc = communique.extract(text, source="<fuzz>")
    except InputError:
        STATS["input_error"] += 1
        return
    except ExtractionError as exc:
        STATS["extraction_error"] += 1
        # "…: extraction failed (KeyError: ...)": the cause is the exception type and message.
        cause = exc.message.split("extraction failed (", 1)[-1][:120]
        CAUSES[cause] += 1
        if CAUSES[cause] == 1:  # keep one input per cause for the component's owner
            _save(data, f"xerr-{len(CAUSES):04d}.bin")
        return
    except Exception as exc:  # noqa: BLE001 - an undocumented exception is exactly what we count
        _crash(data, f"{type(exc).__name__}: {exc}"[:200])
        return
    body = doc.article.text or ""
    outside = [s for s in _spans(doc) if not 0 <= s[0] <= s[1] <= len(body)]
    if outside:
        _crash(data, f"span outside article.text: {outside[:3]}")
        return
    doc.to_json(with_text=True)
    STATS["ok"] += 1


def one_input_bounded(data: bytes) -> None:
    """``one_input``, then stop with the report once the run or time bound is reached.

    The bounds are enforced here rather than by libFuzzer's -runs/-max_total_time because
    libFuzzer ends the process without running Python's exit handlers.
    """
    one_input(data)
    elapsed = time.perf_counter() - STARTED
    if STATS["tried"] >= int(str(OPTIONS["runs"])) or elapsed >= float(str(OPTIONS["seconds"])):
        report()
        os._exit(1 if STATS["crash"] else 0)


def report() -> None:
    """Print the figures (also when libFuzzer ends the process at its bound)."""
    elapsed = time.perf_counter() - STARTED
    print("\n== communique fuzz (atheris/libFuzzer) ==", flush=True)
    print(f"inputs tried:       {STATS['tried']} in {elapsed:.0f} s", flush=True)
    print(f"  ok:               {STATS['ok']}", flush=True)
    print(f"  input errors:     {STATS['input_error']} (documented InputError)", flush=True)
    errors = STATS["extraction_error"]
    print(f"  extraction errors:{errors:>5} (documented ExtractionError)", flush=True)
    for cause, count in CAUSES.most_common(10):
        print(f"      {count:>5} x {cause}", flush=True)
    print(f"crashes found:      {STATS['crash']}", flush=True)
    for line in CRASHES[:20]:
        print(f"  {line}", flush=True)


def main() -> None:
    """Parse the bounds, write the seed corpus, and fuzz."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2000, help="inputs to try (libFuzzer -runs)")
    parser.add_argument("--seconds", type=int, default=300, help="time bound (-max_total_time)")
    parser.add_argument("--max-len", type=int, default=4000, help="largest input in bytes")
    parser.add_argument("--crash-dir", default="fuzz-crashes", help="where crashing inputs go")
    args = parser.parse_args()
    OPTIONS.update(crash_dir=args.crash_dir, runs=args.runs, seconds=args.seconds)
    # Warm up (model, lexicons, gazetteer) so one-off costs are not charged to the first input.
    for text in SEEDS.values():
        communique.extract(text)
    global STARTED
    STARTED = time.perf_counter()
    corpus = Path(tempfile.mkdtemp(prefix="communique-fuzz-"))
    for name, text in SEEDS.items():
        (corpus / name).write_text(text, "utf-8")
    # libFuzzer writes its artifacts (crash-*, slow-unit-*, timeout-*) to the current directory
    # unless given a prefix: keep them in the crash directory, out of the work tree.
    Path(args.crash_dir).mkdir(parents=True, exist_ok=True)
    argv = [
        sys.argv[0],
        str(corpus),
        f"-max_len={args.max_len}",
        "-seed=1",
        "-print_pcs=0",
        f"-artifact_prefix={Path(args.crash_dir).resolve()}/",
    ]
    atheris.Setup(argv, one_input_bounded)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
