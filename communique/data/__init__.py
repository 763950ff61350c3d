"""Package data: taxonomies, lexicons and gazetteer tables, read through importlib.resources.

Every data file carries its own version (a ``version`` key in YAML, a ``# version: N`` first
line in TSV); ``lexicon_versions()`` collects them for the ``coder`` string of each record.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

import yaml

__all__ = ["data_path", "lexicon_versions", "read_tsv", "read_yaml"]


def data_path(*parts: str) -> Traversable:
    """A file inside ``communique/data``."""
    node = resources.files("communique.data")
    for part in parts:
        node = node.joinpath(part)
    return node


@cache
def read_yaml(*parts: str) -> object:
    """A YAML data file, parsed (cached: data files are read once per process)."""
    return yaml.safe_load(data_path(*parts).read_text("utf-8"))


@cache
def read_tsv(*parts: str) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    """A TSV data file: (header, rows). Lines starting with ``#`` are comments."""
    lines = [
        line
        for line in data_path(*parts).read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = tuple(lines[0].split("\t"))
    rows = [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]
    return header, rows


def _tsv_version(node: Traversable) -> str | None:
    with node.open("r", encoding="utf-8") as fh:
        first = fh.readline()
    if first.startswith("# version:"):
        return first.split(":", 1)[1].strip()
    return None


@lru_cache(maxsize=1)
def lexicon_versions() -> dict[str, str]:
    """``{data file stem: version}`` for every versioned data file in the package.

    A stem two folders share ("countries" of actors and of the gazetteer) is named with its
    folder ("actors/countries", "gazetteer/countries"), so no version hides another.
    """
    found: dict[tuple[str, str], str] = {}
    root = resources.files("communique.data")
    for folder in root.iterdir():
        if not folder.is_dir() or folder.name.startswith("_"):
            continue
        for node in folder.iterdir():
            version: str | None = None
            if node.name.endswith((".yml", ".yaml")):
                loaded = yaml.safe_load(node.read_text("utf-8"))
                if isinstance(loaded, dict) and "version" in loaded:
                    version = str(loaded["version"])
            elif node.name.endswith(".tsv"):
                version = _tsv_version(node)
            if version is not None:
                found[(folder.name, node.name.rsplit(".", 1)[0])] = version
    stems = [stem for _, stem in found]
    return {
        (stem if stems.count(stem) == 1 else f"{folder}/{stem}"): version
        for (folder, stem), version in sorted(found.items())
    }
