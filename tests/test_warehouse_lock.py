"""A SQL session held open on the warehouse: extraction goes on, the build says who holds it."""

from __future__ import annotations

import subprocess
import sys

import duckdb

from orchestration.materialize_all import BUILD, failure_message, materialise_reports
from tests.pdf_fixtures import write_one_page_report


def test_a_sql_session_holds_up_only_the_dbt_build(dagster_instance, tmp_path, monkeypatch):
    """Extraction writes files, not the warehouse: a read-only session open on the warehouse
    lets it run, and the build says in one line which process to close."""
    raw = tmp_path / "raw"
    raw.mkdir()
    write_one_page_report(raw / "held session.pdf")
    warehouse = tmp_path / "warehouse" / "dinum.duckdb"
    warehouse.parent.mkdir()
    duckdb.connect(str(warehouse)).close()
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    monkeypatch.setenv("DINUM_RAW_LAYER", str(tmp_path / "raw_layer"))
    monkeypatch.setenv("DINUM_WAREHOUSE", str(warehouse))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print('open', flush=True); sys.stdin.read()",
            str(warehouse),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "open\n"
        results = materialise_reports(dagster_instance, ["held_session"])
    finally:
        holder.communicate(input="")
    assert results["held_session"].success
    assert not results[BUILD].success
    message = failure_message(results[BUILD])
    # The program is the holder's real executable, the venv's python resolved.
    assert message.startswith(f"the warehouse {warehouse} is locked by /"), message
    assert message.endswith(f" (PID {holder.pid}); close that session and run again."), message
