"""The build copy of the warehouse: started fresh, swapped in whole, or thrown away; and the
turn builds take, which a dead build gives back."""

import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb

from warehouse import atomic_build
from warehouse.atomic_build import (
    NEWER_DUCKDB_MESSAGE,
    build_lock,
    building_path,
    discard_build,
    publish_build,
    start_build,
)


def test_a_copy_left_by_a_killed_build_is_discarded_and_the_warehouse_copied(tmp_path: Path):
    warehouse = tmp_path / "dinum.duckdb"
    warehouse.write_bytes(b"current warehouse")
    leftover = building_path(warehouse)
    leftover.parent.mkdir()
    leftover.write_bytes(b"half a build")
    (leftover.parent / "dinum.duckdb.wal").write_bytes(b"its log")

    building = start_build(warehouse)

    assert building.name == warehouse.name, "DuckDB names the database after the file"
    assert building.read_bytes() == b"current warehouse"
    assert sorted(p.name for p in building.parent.iterdir()) == ["dinum.duckdb"]


def test_a_warehouse_this_duckdb_is_too_old_to_read_is_rebuilt_from_nothing(
    tmp_path: Path, monkeypatch
):
    warehouse = tmp_path / "dinum.duckdb"
    warehouse.write_bytes(b"a warehouse written by a newer DuckDB")

    def refuse(path: str, read_only: bool = False):
        raise duckdb.IOException(
            "IO Error: Trying to read a database file with version number 69, but we can only "
            f"read versions between 64 and 68.\nThe database file was {NEWER_DUCKDB_MESSAGE}."
        )

    monkeypatch.setattr(atomic_build.duckdb, "connect", refuse)
    building = start_build(warehouse)
    assert building.parent.is_dir() and not building.exists()
    assert warehouse.read_bytes() == b"a warehouse written by a newer DuckDB"


def test_the_first_build_starts_from_nothing(tmp_path: Path):
    building = start_build(tmp_path / "dinum.duckdb")
    assert building.parent.is_dir() and not building.exists()


def test_publish_replaces_the_warehouse_and_discard_leaves_it(tmp_path: Path):
    warehouse = tmp_path / "dinum.duckdb"
    warehouse.write_bytes(b"old")
    building = start_build(warehouse)
    building.write_bytes(b"new")
    discard_build(building)
    assert warehouse.read_bytes() == b"old" and not building.parent.exists()

    building = start_build(warehouse)
    building.write_bytes(b"new")
    publish_build(building, warehouse)
    assert warehouse.read_bytes() == b"new" and not building.parent.exists()


def _holder(warehouse: Path) -> subprocess.Popen:
    """Another process in the middle of a build: it holds the turn until its stdin closes."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from warehouse.atomic_build import build_lock\n"
            "with build_lock(Path(sys.argv[1])):\n"
            "    print('building', flush=True); sys.stdin.read()",
            str(warehouse),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert holder.stdout.readline() == "building\n"
    return holder


def _build_in_thread(warehouse: Path, waits: list[str]) -> tuple[threading.Thread, threading.Event]:
    built = threading.Event()

    def build() -> None:
        with build_lock(warehouse, on_wait=waits.append):
            built.set()

    thread = threading.Thread(target=build)
    thread.start()
    return thread, built


def test_a_build_waits_for_the_one_in_progress_and_says_so(tmp_path: Path):
    warehouse = tmp_path / "dinum.duckdb"
    holder = _holder(warehouse)
    waits: list[str] = []
    thread, built = _build_in_thread(warehouse, waits)
    try:
        assert not built.wait(timeout=1.0)
        assert waits == [f"waiting for the build of PID {holder.pid} to finish ({warehouse})"]
    finally:
        holder.communicate(input="")
    thread.join(timeout=10)
    assert built.is_set()


def test_a_build_killed_in_progress_gives_its_turn_back(tmp_path: Path):
    warehouse = tmp_path / "dinum.duckdb"
    holder = _holder(warehouse)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    thread, built = _build_in_thread(warehouse, [])
    thread.join(timeout=10)
    assert built.is_set()
