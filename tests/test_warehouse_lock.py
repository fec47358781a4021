"""The warehouse is swapped whole: a build that fails leaves it byte for byte as it was.

(That a SQL session held open neither blocks a build nor sees it half done is tested on the
shared end-to-end run, test_pipeline.py's rerun.)"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.materialize_all import BUILD, failure_message, materialise_reports
from warehouse.atomic_build import building_path


@pytest.fixture(scope="module")
def paths(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("lock")
    raw = root / "raw"
    raw.mkdir()
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
