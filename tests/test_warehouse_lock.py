"""The warehouse is swapped whole: a SQL session held open does not block the build and keeps
its old view; a build that fails leaves the warehouse byte for byte as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.materialize_all import BUILD, failure_message, materialise_reports
from tests.pdf_fixtures import write_one_page_report
from warehouse.atomic_build import building_path

# A reader that answers "how many marts tables do you see?" each time it reads a line.
_READER = """
import duckdb, sys
conn = duckdb.connect(sys.argv[1], read_only=True)
for _ in sys.stdin:
    query = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'marts'"
    print(conn.execute(query).fetchone()[0], flush=True)
"""


@pytest.fixture(scope="module")
def paths(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("lock")
    raw = root / "raw"
    raw.mkdir()
    write_one_page_report(raw / "held session.pdf")
    warehouse = root / "warehouse" / "dinum.duckdb"
    warehouse.parent.mkdir()
    with duckdb.connect(str(warehouse)) as conn:
        conn.execute("CREATE TABLE earlier_build AS SELECT 1 AS marker")
    return {"raw": raw, "raw_layer": root / "raw_layer", "warehouse": warehouse}


@pytest.fixture
def environment(paths, monkeypatch) -> dict[str, Path]:
    monkeypatch.setenv("DINUM_RAW_DIR", str(paths["raw"]))
    monkeypatch.setenv("DINUM_RAW_LAYER", str(paths["raw_layer"]))
    monkeypatch.setenv("DINUM_WAREHOUSE", str(paths["warehouse"]))
    return paths


def _marts_tables(reader: subprocess.Popen) -> int:
    reader.stdin.write("?\n")
    reader.stdin.flush()
    return int(reader.stdout.readline())


def test_a_held_sql_session_does_not_block_the_build(dagster_instance, environment):
    warehouse = environment["warehouse"]
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(warehouse)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert _marts_tables(reader) == 0
        results = materialise_reports(dagster_instance, ["held_session"])
        # The session still reads the file it opened: no marts, and no half-built state.
        assert _marts_tables(reader) == 0
    finally:
        reader.communicate(input="")
    assert results["held_session"].success
    assert results[BUILD].success, failure_message(results[BUILD])
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        (reports,) = conn.execute("SELECT count(*) FROM marts.dim_reports").fetchone()
        (marker,) = conn.execute("SELECT marker FROM earlier_build").fetchone()
    assert reports == 1
    assert marker == 1, "a build starts from the current warehouse, keeping what it skips"
    assert not building_path(warehouse).parent.exists()


def test_a_failed_build_leaves_the_warehouse_as_it_was(dagster_instance, environment):
    warehouse = environment["warehouse"]
    before = warehouse.read_bytes()
    broken = environment["raw_layer"] / "broken_report"
    broken.mkdir(parents=True)
    (broken / "mentions.parquet").write_bytes(b"not a parquet file")
    try:
        results = materialise_reports(dagster_instance, [])
    finally:
        (broken / "mentions.parquet").unlink()
        broken.rmdir()
    assert not results[BUILD].success
    assert failure_message(results[BUILD]).startswith("dbt build failed")
    assert warehouse.read_bytes() == before
    assert not building_path(warehouse).parent.exists()
