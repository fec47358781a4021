"""`dinum run` and `dinum remove` through the console script, on a raw folder of their own:
a report is extracted (with its progress) and built, then removed from the raw folder, the
warehouse and Dagster's partitions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.partitions import reports_partitions
from tests.pdf_fixtures import write_one_page_report
from warehouse.settings import REPO_ROOT

DINUM = str(Path(sys.executable).parent / "dinum")


def test_run_then_remove_a_report(tmp_path):
    raw, home = tmp_path / "raw", tmp_path / "dagster_home"
    raw.mkdir()
    home.mkdir()
    shutil.copyfile(REPO_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    write_one_page_report(raw / "note.pdf")
    warehouse = tmp_path / "warehouse" / "dinum.duckdb"
    env = {
        **os.environ,
        "DINUM_RAW_DIR": str(raw),
        "DINUM_WAREHOUSE": str(warehouse),
        "DINUM_RAW_LAYER": str(tmp_path / "warehouse" / "raw"),
        "DAGSTER_HOME": str(home),
    }

    def dinum(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [DINUM, *arguments], capture_output=True, text=True, env=env, timeout=600
        )

    unknown = dinum("run", "--report", "absent")
    assert unknown.returncode == 1 and "FAILED no report 'absent'" in unknown.stderr

    run = dinum("run")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Warehouse: ") and lines[-1].startswith("Time: ")
    assert "Reports: 1 (note), pages read: 1" in run.stdout
    assert f"Log of dbt and Dagster: {warehouse.parent / 'make_run.log'}" in run.stdout
    # The progress bar names the report on a stream that is no terminal; no escape codes.
    assert "note" in run.stderr and "\x1b[" not in run.stdout + run.stderr
    log = (warehouse.parent / "make_run.log").read_text(encoding="utf-8")
    assert "Registered adapter" in log and "\x1b[" not in log
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM marts.fct_usage").fetchone()[0] > 0

    removed = dinum("remove", "note")
    assert removed.returncode == 0, removed.stderr
    assert not (raw / "note.pdf").exists()
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM marts.dim_reports").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM marts.fct_usage").fetchone() == (0,)
    with dg.instance_for_test(temp_dir=str(home)) as instance:
        assert instance.get_dynamic_partitions(reports_partitions.name) == []
        job_names = {r.job_name for r in instance.get_runs()}
        assert job_names == {"extract_report", "build_warehouse"}

    again = dinum("remove", "note")
    assert again.returncode == 1 and again.stderr.count("\n") == 1
    assert "no report 'note'" in again.stderr
