"""The warehouse changes all at once or not at all: dbt builds a copy, swapped in on success.

dbt writes into `.building/<warehouse name>` beside the warehouse, never into the warehouse
itself. The copy starts from the current warehouse, so a build of some models keeps the
others; once dbt has succeeded the copy replaces the warehouse with one `os.replace`, atomic
on one filesystem. A failed or interrupted build leaves the warehouse byte for byte as it was,
and a SQL session open on it neither blocks the build nor sees a half-built state: it keeps
reading the file it opened. The copy keeps the warehouse's file name because DuckDB names the
database after it, and dbt's views refer to their tables through that name.

Builds take turns (`build_lock`): `make run`, the UI, the schedule and the sensors all build
through the same asset, and two builds would share the one copy. The turn is an OS file
lock, so a build whose process dies, even by SIGKILL, gives its turn back at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from warehouse.settings import dbt_vars, warehouse_path

BUILDING_DIR = ".building"
# How DuckDB refuses a file whose storage format is newer than it can read.
NEWER_DUCKDB_MESSAGE = "created with a newer version of DuckDB"
LOCK_NAME = ".build.lock"


@contextlib.contextmanager
def build_lock(warehouse: Path, on_wait: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the warehouse's build turn; wait for it, saying so once, while another build runs."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with (warehouse.parent / LOCK_NAME).open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            on_wait(f"waiting for the build of {holder} to finish ({warehouse})")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"PID {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def building_path(warehouse: Path) -> Path:
    return warehouse.parent / BUILDING_DIR / warehouse.name


def dbt_build_vars() -> dict[str, str]:
    """The `dbt --vars` of a build: the settings' paths, the warehouse being its copy.

    `make` parses the dbt project with these too: dbt reuses a parse (partial parsing) only
    when the vars and the profile they fill are the same.
    """
    return {**dbt_vars(), "warehouse": str(building_path(warehouse_path()))}


def start_build(warehouse: Path) -> Path:
    """A fresh copy of the warehouse (or no file, if there is none yet) for dbt to build into.

    A copy left by a build that was killed is discarded first.
    """
    building = building_path(warehouse)
    discard_build(building)
    building.parent.mkdir(parents=True)
    if warehouse.exists():
        shutil.copyfile(warehouse, building)
        if _written_by_newer_duckdb(building):
            # A warehouse from before duckdb was pinned to an older release: this DuckDB
            # cannot open it, and a full build recreates every table anyway.
            building.unlink()
    return building


def _written_by_newer_duckdb(database: Path) -> bool:
    try:
        duckdb.connect(str(database), read_only=True).close()
    except duckdb.IOException as exc:
        return NEWER_DUCKDB_MESSAGE in str(exc)
    return False


def publish_build(building: Path, warehouse: Path) -> None:
    """Swap the built copy in for the warehouse, in one step."""
    os.replace(building, warehouse)
    discard_build(building)


def discard_build(building: Path) -> None:
    """Remove the copy and whatever DuckDB left beside it (its write-ahead log)."""
    shutil.rmtree(building.parent, ignore_errors=True)
