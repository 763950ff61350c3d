"""Every input kind, and bad inputs that give a per-item error while the rest goes on."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from communique.ingest import iter_articles
from communique.records import Article, ItemError

ARTICLE = (
    "date 2023-05-04 By Lina Haddad\n\n"
    "Jordan and Egypt signed a water agreement in Amman on Tuesday.\n"
)


def _write(tmp: Path, name: str, data: bytes | str) -> Path:
    path = tmp / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_sources_txt_with_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", ARTICLE)
    (art,) = list(iter_articles([str(path)]))
    assert isinstance(art, Article)
    assert art.published == "2023-05-04" and art.byline == "Lina Haddad"
    assert art.text is not None and art.text.startswith("Jordan and Egypt")
    assert art.source == str(path)


def test_sources_published_fills_gap_never_overrides(tmp_path: Path) -> None:
    with_header = _write(tmp_path, "a.txt", ARTICLE)
    without = _write(tmp_path, "b.txt", "Kenya and Uganda held talks in Nairobi.")
    a, b = iter_articles([str(with_header), str(without)], published=date(2020, 1, 1))
    assert isinstance(a, Article) and a.published == "2023-05-04"
    assert isinstance(b, Article) and b.published == "2020-01-01"


def test_sources_jsonl_lines_and_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "x1",
                "text": "India and Pakistan exchanged fire.",
                "published": "2019-02-27",
                "title": "T",
            }
        ),
        "{not json",
        json.dumps({"id": "x3", "title": "no text"}),
        "",
        json.dumps({"id": "x5", "text": "Chile recalled its ambassador.", "author": "R. Soto"}),
    ]
    path = _write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")
    items = list(iter_articles([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "ItemError", "ItemError", "Article"]
    first, bad, missing, last = items
    assert isinstance(first, Article) and first.external_id == "x1" and first.source == f"{path}:1"
    assert isinstance(bad, ItemError) and bad.code == "I004" and bad.source == f"{path}:2"
    assert isinstance(missing, ItemError) and missing.code == "I005"
    assert isinstance(last, Article) and last.byline == "R. Soto" and last.source == f"{path}:5"


def test_sources_csv(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "d.csv",
        'id,title,published,text\n1,A,2022-03-01,"Poland and Ukraine met in Warsaw."\n2,B,,""\n',
    )
    items = list(iter_articles([str(path)]))
    assert isinstance(items[0], Article) and items[0].published == "2022-03-01"
    assert isinstance(items[1], ItemError)


def test_sources_csv_missing_text_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "e.csv", "id,title\n1,A\n")
    (err,) = list(iter_articles([str(path)]))
    assert isinstance(err, ItemError) and "text" in err.message


def test_sources_html(tmp_path: Path) -> None:
    html = """<html><head><title>Talks in Doha</title>
    <meta name="author" content="Omar Saleh">
    <meta property="article:published_time" content="2024-02-10">
    </head><body><nav>Home | World</nav><article><h1>Talks in Doha</h1>
    <p>Qatar hosted envoys from the United States and Iran in Doha on Saturday
    for talks on a prisoner exchange.</p>
    <p>The foreign ministry said the talks would continue next week,
    according to officials in the region.</p>
    </article><footer>Copyright</footer></body></html>"""
    path = _write(tmp_path, "f.html", html)
    (art,) = list(iter_articles([str(path)]))
    assert isinstance(art, Article)
    assert (
        art.text is not None and "Qatar hosted envoys" in art.text and "Copyright" not in art.text
    )
    assert art.published == "2024-02-10"


def test_sources_folder_and_glob_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        _write(tmp_path, name, f"Article {name}: Iran and Iraq signed a pact.")
    folder = [i.source for i in iter_articles([str(tmp_path)])]
    assert folder == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    globbed = [i.source for i in iter_articles([str(tmp_path / "*.txt")])]
    assert globbed == folder


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "I001"),
        ("binary.txt", bytes(range(256)) * 16, "I002"),
        ("badutf8.jsonl", b'{"text": "caf\xe9 \xff\xfe talks"}\n', "I004"),
        ("header.txt", b"date 2021-02-30 By X\n\nEgypt and Sudan met.", "I004"),
    ],
)
def test_sources_bad_input_is_item_error(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    bad = _write(tmp_path, name, data)
    good = _write(tmp_path, "good.txt", "Brazil and Argentina signed a trade deal.")
    items = list(iter_articles([str(bad), str(good)]))
    assert isinstance(items[0], ItemError) and items[0].code == code
    assert isinstance(items[-1], Article)


def test_sources_missing_path() -> None:
    (err,) = list(iter_articles(["/nonexistent/file.txt"]))
    assert isinstance(err, ItemError) and err.code == "I007"


def test_sources_size_cap(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", "Talks continued. " * 1000)
    (err,) = list(iter_articles([str(path)], max_chars=1000))
    assert isinstance(err, ItemError) and err.code == "I006" and "exceeds" in err.message


def test_sources_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Stdin:
        buffer = io.BytesIO(ARTICLE.encode())

    monkeypatch.setattr("sys.stdin", _Stdin())
    (art,) = list(iter_articles(["-"]))
    assert isinstance(art, Article) and art.source == "<stdin>" and art.published == "2023-05-04"
