"""The suite's only conftest: shared fixtures for every test folder.

- ``nlp``: the configured pipeline, loaded once per session (slow tests use it).
- ``blank_nlp``: a blank English ``Language`` with Communique's extensions, for hand-built Docs.
- ``shared_dir`` / ``sample_path``: the read-only third-party data beside the repo; tests that
  need it skip with a clear reason when it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from communique.parse.pipeline import load_pipeline, register_extensions

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = SHARED / "samples" / "000_a82085c74ef54936.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    register_extensions()
    return spacy.blank("en")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"third-party data not found at {SHARED} (shared/ sits beside the repo)")
    return SHARED


@pytest.fixture(scope="session")
def sample_path() -> Path:
    if not SAMPLE.is_file():
        pytest.skip(f"sample article not found at {SAMPLE}")
    return SAMPLE


@pytest.fixture(scope="session")
def sample_doc(sample_path: Path, nlp: Language) -> Iterator[object]:
    import communique

    yield communique.extract(sample_path.read_text("utf-8"), source=str(sample_path), nlp=nlp)
