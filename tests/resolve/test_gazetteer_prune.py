"""Stale gazetteer builds of the same format version are deleted; fresh and foreign ones stay."""

from __future__ import annotations

import os
import time
from pathlib import Path

from communique.resolve.gazetteer_build import prune_stale


def _file(folder: Path, name: str, *, age_s: float) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    stamp = time.time() - age_s
    os.utime(path, (stamp, stamp))
    return path


def test_prune_stale_removes_old_digests_of_the_same_version(tmp_path: Path) -> None:
    current = _file(tmp_path, "gazetteer-v4-aaaaaaaaaa.sqlite", age_s=0)
    old = _file(tmp_path, "gazetteer-v4-bbbbbbbbbb.sqlite", age_s=3600)
    fresh = _file(tmp_path, "gazetteer-v4-cccccccccc.sqlite", age_s=5)
    other_version = _file(tmp_path, "gazetteer-v3-dddddddddd.sqlite", age_s=3600)
    unrelated = _file(tmp_path, "notes-v4-eeeeeeeeee.sqlite", age_s=3600)

    removed = prune_stale(current, min_age_s=600)

    assert removed == [old]
    assert not old.exists()
    assert current.exists() and fresh.exists() and other_version.exists() and unrelated.exists()


def test_prune_stale_never_removes_the_current_file(tmp_path: Path) -> None:
    current = _file(tmp_path, "gazetteer-v4-aaaaaaaaaa.sqlite", age_s=3600)
    assert prune_stale(current, min_age_s=0) == []
    assert current.exists()
