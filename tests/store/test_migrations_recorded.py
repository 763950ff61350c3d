"""Schema changes are named migrations, applied once and recorded in ``_migrations``."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import communique
from communique.store.migrations import MIGRATIONS, Migration, applied, migrate


def test_migrations_recorded_in_order(tmp_path: Path) -> None:
    with communique.open(tmp_path / "s.duckdb") as store:
        assert store.migrations() == [m.name for m in MIGRATIONS]
    with communique.open(tmp_path / "s.duckdb") as store:  # reopening applies nothing new
        assert store.migrations() == [m.name for m in MIGRATIONS]
        n = store.conn.execute("SELECT count(*) FROM _migrations").fetchone()
        assert n == (len(MIGRATIONS),)


def test_migrations_new_one_is_applied_once() -> None:
    conn = duckdb.connect(":memory:")
    assert migrate(conn) == [m.name for m in MIGRATIONS]
    extra = (
        *MIGRATIONS,
        Migration("0099_event_notes", "ALTER TABLE events ADD COLUMN note VARCHAR"),
    )
    assert migrate(conn, migrations=extra) == ["0099_event_notes"]
    assert migrate(conn, migrations=extra) == []
    assert applied(conn)[-1] == "0099_event_notes"


def test_migrations_failed_one_leaves_no_trace() -> None:
    conn = duckdb.connect(":memory:")
    migrate(conn)
    bad = (*MIGRATIONS, Migration("0099_bad", "ALTER TABLE events ADD COLUMN x INT; SELECT nope"))
    with pytest.raises(duckdb.Error):
        migrate(conn, migrations=bad)
    assert "0099_bad" not in applied(conn)
    cols = [r[0] for r in conn.execute("DESCRIBE events").fetchall()]
    assert "x" not in cols


@pytest.mark.parametrize("name", [m.name for m in MIGRATIONS])
def test_migrations_names_are_numbered_and_unique(name: str) -> None:
    assert name[:4].isdigit() and name[4] == "_"
    assert [m.name for m in MIGRATIONS].count(name) == 1


def test_migrations_read_only_store_opens_without_writing(tmp_path: Path) -> None:
    communique.open(tmp_path / "s.duckdb").close()
    with communique.open(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.counts()["events"] == 0
        assert store.migrations() == [m.name for m in MIGRATIONS]
