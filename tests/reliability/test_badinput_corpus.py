"""A corpus of bad inputs, generated in a tmp dir: each gives its own item, the batch goes on.

Every case is one input file and the outcomes expected from it, one per item ("ok" for an
Article, else the ItemError code). Each bad file is read between two good ones, so a reader
that stops, skips or merges items shows up as a lost or extra item.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from communique.ingest import iter_articles
from communique.records import Article, ItemError

GOOD = "Kenya and Uganda signed a border agreement in Nairobi on Monday, officials said.\n"
RUSSIAN = "Министр иностранных дел России встретился с турецким коллегой в Анкаре.\n" * 20
MIXED = (
    "Israel's foreign minister met his Jordanian counterpart in Amman, where a banner read "
    '"سلام" and "שלום". The talks in العقبة ended with a joint statement on water.\n'
)
CONTROL = (
    "Egypt and Sudan\x07 resumed talks on the Nile dam in Cairo on Tuesday.\x1b The ministers "
    "agreed\x0b to meet again next month, the foreign ministry said.\x00\n"
)
LONG_SENTENCE = ("the delegation of the republic discussed trade and water with envoys " * 1500)[
    :100_000
]


def _jsonl(*records: object) -> bytes:
    return b"".join(
        (r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records
    )


def _html_scripts_only() -> bytes:
    return (
        b"<html><head><script>alert('x')</script><script src='a.js'></script></head>"
        b"<body><script>document.write('<p>hi</p>')</script></body></html>"
    )


def _html_script_and_body() -> bytes:
    body = "".join(
        f"<p>{GOOD.strip()} Paragraph {i} adds detail on the border.</p>" for i in range(4)
    )
    return (
        "<html><head><title>Border deal</title><script>var secret = 'SCRIPTTEXT';</script></head>"
        f"<body><article>{body}</article><script>steal('SCRIPTTEXT')</script></body></html>"
    ).encode()


# name, file name, bytes builder, expected outcomes in item order.
CASES: list[tuple[str, str, Callable[[], bytes], list[str]]] = [
    ("empty", "empty.txt", lambda: b"", ["I001"]),
    ("whitespace", "blank.txt", lambda: b" \n\t\r\n ", ["I001"]),
    ("binary", "image.txt", lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, ["I002"]),
    ("50mb", "huge.txt", lambda: b"", ["I006"]),  # written by the fixture, not built in memory
    (
        "invalid_utf8",
        "latin.txt",
        lambda: ("Talks in Zürich and Genève. " * 5).encode() + b"\xff ok.",
        ["ok"],
    ),
    ("utf16_bom", "utf16.txt", lambda: GOOD.encode("utf-16"), ["ok"]),
    ("utf16_no_bom", "utf16le.txt", lambda: GOOD.encode("utf-16-le"), ["ok"]),
    ("cp1251", "russian.txt", lambda: RUSSIAN.encode("cp1251"), ["ok"]),
    ("html_scripts_no_body", "scripts.html", _html_scripts_only, ["I005"]),
    ("html_script_and_body", "page.html", _html_script_and_body, ["ok"]),
    (
        "jsonl_malformed",
        "mixed.jsonl",
        lambda: _jsonl(
            {"id": "1", "text": GOOD},
            b"{not json",
            {"id": "3", "title": "no text"},
            {"text": 42},
            [GOOD],
            b"[" * 50_000,
            b"\xff\xfe{}",
            {"text": "ok \ud800 bad"},
            {"id": "9", "text": GOOD},
        ),
        ["ok", "I004", "I005", "I005", "I004", "I004", "I004", "I003", "ok"],
    ),
    (
        "jsonl_long_line",
        "long.jsonl",
        lambda: _jsonl({"text": "x " * 700_000}, {"text": GOOD}),
        ["I006", "ok"],
    ),
    (
        "csv_missing_columns",
        "rows.csv",
        lambda: (
            f'id,text,published\n1,"{GOOD.strip()}",2021-05-01\n2\n3,"{GOOD.strip()}"\n'
            f'4,"{GOOD.strip()}",2021-05-01,extra,fields\n'
        ).encode(),
        ["ok", "I005", "ok", "ok"],
    ),
    ("csv_no_text_column", "notext.csv", lambda: b"id,title\n1,A\n2,B\n", ["I005"]),
    (
        "csv_cp1251",
        "russian.csv",
        lambda: ("id,text\n" + "1," + RUSSIAN.replace("\n", " ")).encode("cp1251"),
        ["ok"],
    ),
    (
        "dates",
        "dates.jsonl",
        lambda: _jsonl(
            {"text": GOOD, "published": "2021-02-30"},
            {"text": GOOD, "published": "2031-06-01"},
            {"text": GOOD, "published": "yesterday"},
            {"text": GOOD, "published": "2021-10-11"},
        ),
        ["I004", "ok", "I004", "ok"],
    ),
    (
        "header_date_not_exists",
        "feb30.txt",
        lambda: ("date 2021-02-30 By A. Writer\n\n" + GOOD).encode(),
        ["I004"],
    ),
    (
        "header_date_future",
        "future.txt",
        lambda: ("date 2031-01-05 By A. Writer\n\n" + GOOD).encode(),
        ["ok"],
    ),
    ("one_long_sentence", "sentence.txt", lambda: LONG_SENTENCE.encode(), ["ok"]),
    ("rtl_mixed_scripts", "mixed.txt", lambda: MIXED.encode(), ["ok"]),
    ("control_characters", "control.txt", lambda: CONTROL.encode(), ["ok"]),
]

BIG_BYTES = 50 * 1024 * 1024


def write_case(folder: Path, name: str, filename: str, build: Callable[[], bytes]) -> Path:
    """Write one case's file into ``folder`` (the 50 MB file in chunks)."""
    path = folder / filename
    if name == "50mb":
        line = (
            "Talks continued late into the night between the delegations. " * 16 + "\n"
        ).encode()
        with path.open("wb") as fh:
            for _ in range(BIG_BYTES // len(line) + 1):
                fh.write(line)
    else:
        path.write_bytes(build())
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("badinput")
    (folder / "good.txt").write_text(GOOD, "utf-8")
    return {name: write_case(folder, name, fn, build) for name, fn, build, _ in CASES}


def _outcome(item: Article | ItemError) -> str:
    return "ok" if isinstance(item, Article) else item.code


@pytest.mark.parametrize(
    ("name", "expected"), [(c[0], c[3]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_badinput_each_item_accounted_for(
    corpus: dict[str, Path], name: str, expected: list[str]
) -> None:
    good = corpus[name].parent / "good.txt"
    items = list(iter_articles([str(good), str(corpus[name]), str(good)]))
    # Nothing lost, nothing merged: one item per input item, good ones on both sides intact.
    assert [_outcome(i) for i in items] == ["ok", *expected, "ok"]
    for item in items:
        if isinstance(item, ItemError):
            assert item.message and str(corpus[name]) in item.line()


def test_badinput_whole_corpus_in_one_run(corpus: dict[str, Path]) -> None:
    items = list(iter_articles([str(p) for p in corpus.values()]))
    expected = [o for _, _, _, outs in CASES for o in outs]
    assert [_outcome(i) for i in items] == expected


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("invalid_utf8", lambda t: "Zürich" in t and "\ufffd" in t),
        ("utf16_no_bom", lambda t: t == GOOD),
        ("cp1251", lambda t: t == RUSSIAN),
        ("html_script_and_body", lambda t: "Kenya" in t and "SCRIPTTEXT" not in t),
        ("rtl_mixed_scripts", lambda t: t == MIXED),
        ("control_characters", lambda t: t == CONTROL),
        ("one_long_sentence", lambda t: t == LONG_SENTENCE),
    ],
)
def test_badinput_decoded_text_faithful(
    corpus: dict[str, Path], name: str, check: Callable[[str], bool]
) -> None:
    (art,) = list(iter_articles([str(corpus[name])]))
    assert isinstance(art, Article) and art.text is not None and check(art.text)


def test_badinput_50mb_refused_from_size_without_reading(
    corpus: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_read(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the 50 MB file was read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    monkeypatch.setattr(Path, "open", no_read)
    (err,) = list(iter_articles([str(corpus["50mb"])]))
    assert isinstance(err, ItemError) and err.code == "I006"
    assert (
        "pipeline.max_chars" in err.message and f"{corpus['50mb'].stat().st_size:,}" in err.message
    )


def test_badinput_cli_exit_code_and_stderr_lines(
    corpus: dict[str, Path], nlp: object, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from communique.cli import app

    # The long sentence is left to test_pipeline_badinput (it costs seconds of parsing).
    cases = [c for c in CASES if c[0] != "one_long_sentence"]
    paths = [str(corpus[name]) for name, *_ in cases]
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", *paths, "--output", str(out)])
    outcomes = [o for *_, outs in cases for o in outs]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error [")]
    assert result.exit_code == 1
    assert len(errors) == sum(o != "ok" for o in outcomes)
    assert len(out.read_text("utf-8").splitlines()) == outcomes.count("ok")
    # Every error line names its code and its input.
    assert sorted(line.split("]")[0][7:] for line in errors) == sorted(
        o for o in outcomes if o != "ok"
    )

    good = CliRunner().invoke(
        app, ["extract", str(corpus["cp1251"]), str(corpus["rtl_mixed_scripts"])]
    )
    assert good.exit_code == 0 and not good.stderr.strip()


@pytest.mark.parametrize(
    ("meta", "published"), [("2099-02-03", "2099-02-03"), ("2021-10-11", "2021-10-11")]
)
def test_badinput_html_future_date_kept(tmp_path: Path, meta: str, published: str) -> None:
    # A future page date is kept (the pipeline flags it); trafilatura alone would drop it.
    page = _html_script_and_body().replace(
        b"<title>", f"<meta property='article:published_time' content='{meta}'><title>".encode()
    )
    path = tmp_path / "future.html"
    path.write_bytes(page)
    (art,) = list(iter_articles([str(path)]))
    assert isinstance(art, Article) and art.published == published
