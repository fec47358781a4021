"""`make run` writes the Dagster run history without waiting for the disk, and only it."""

from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from orchestration.unsynced_writes import unsynced_sqlite_writes

# SQLite's `PRAGMA synchronous` values.
OFF, FULL = 0, 2


def test_sqlite_connections_skip_fsync_only_within(tmp_path: Path):
    # Dagster's storages create an engine per connection: a fresh one each time here too.
    def synchronous() -> int:
        engine = create_engine(f"sqlite:///{tmp_path / 'history.db'}", poolclass=NullPool)
        with engine.connect() as conn:
            value = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        engine.dispose()
        return value

    assert synchronous() == FULL
    with unsynced_sqlite_writes():
        assert synchronous() == OFF
    assert synchronous() == FULL
