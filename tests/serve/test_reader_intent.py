"""The server's shared read-only connection lets a writer in: an idle one when the writer
announces itself, even with no request to notice it; a stale announcement is ignored."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from servedocs import build_store

from communique.serve.reader import StoreReader
from communique.store.lock import INTENT_STALE, intent_path, writer_waiting

WRITER = """
import sys, time
from pathlib import Path
from communique.store.lock import connect
t0 = time.monotonic()
conn = connect(Path(sys.argv[1]), read_only=False, wait=30)
conn.execute("CREATE TABLE IF NOT EXISTS touched (x INTEGER)")
conn.close()
print(f"{time.monotonic() - t0:.2f}")
"""


def test_reader_intent_writer_gets_in_while_the_reader_lingers(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.duckdb")
    reader = StoreReader(db, wait=5, linger=600)  # would keep the file ten minutes
    with reader.read() as st:
        assert st.counts()["events"] == 6
    assert reader._conn is not None  # lingering, no request coming
    out = subprocess.run([sys.executable, "-c", WRITER, str(db)], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) < 5  # let in within the watcher's polls, not after ten minutes
    assert reader._conn is None and not intent_path(db).exists()
    with reader.read() as st:  # and reading resumes afterwards
        assert "touched" in {r[0] for r in st.conn.execute("SHOW TABLES").fetchall()}


def test_reader_intent_stale_announcement_is_ignored(tmp_path: Path) -> None:
    db = build_store(tmp_path / "s.duckdb")
    intent = intent_path(db)
    intent.touch()
    assert writer_waiting(db)
    old = time.time() - INTENT_STALE - 1
    os.utime(intent, (old, old))
    assert not writer_waiting(db)
    reader = StoreReader(db, wait=1, linger=600)
    t0 = time.monotonic()
    with reader.read() as st:
        assert st.counts()["articles"] == 5
    assert time.monotonic() - t0 < 1 and reader._conn is not None
    reader.close()
