"""`make run`'s writes to the Dagster instance's SQLite files, without waiting for the disk.

Dagster's SQLite storages open a connection per event and commit it, and a build stores some
six hundred events (a dbt model's materialisation, a dbt test's check, each planned first).
Each commit, and each close of the last connection to a file (a WAL checkpoint), waits for
the disk to confirm (fsync): on a busy disk that wait was a third of `make run`'s time.
`PRAGMA synchronous=OFF` hands the writes to the operating system without waiting. They
survive the process being killed; only a crash of the machine itself could lose the last
writes of the run history, never the warehouse, which dbt writes and a rename swaps in.
The UI and the daemon keep SQLite's default.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


def _without_sync(dbapi_connection: Any, _connection_record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA synchronous=OFF")


@contextlib.contextmanager
def unsynced_sqlite_writes() -> Iterator[None]:
    """SQLite connections opened through SQLAlchemy in this process, meanwhile, skip fsync."""
    event.listen(Engine, "connect", _without_sync)
    try:
        yield
    finally:
        event.remove(Engine, "connect", _without_sync)
