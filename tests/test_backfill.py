"""`dinum backfill` on 20 generated reports: extracted in parallel, then one dbt build.

Here on forked processes of this machine, in test_backfill_dask.py on a Dask cluster. Each
time the 20 extraction runs must overlap in time, all succeed, finish before the one build
starts, and leave all 20 reports in the warehouse; no output, run log or step log may
mention a lock (tests/backfill_support.py).
"""

import re
from pathlib import Path

from orchestration.backfill import step_names
from tests.backfill_support import (
    REPORT_COUNT,
    backfill_paths,
    check_backfill,
    dinum_backfill,
    with_reports,
)


def test_backfill_on_processes(tmp_path):
    report_ids, paths = with_reports(backfill_paths(tmp_path))
    done = dinum_backfill(paths, "--workers", "2")
    step_pids = check_backfill(report_ids, paths, done)
    # A process per step, forked for it.
    assert len(step_pids) == REPORT_COUNT


def test_step_names_are_op_names_one_per_report():
    names = step_names(["a-b", "a_b", "rapport.2024", "c"])
    assert list(names) == ["a-b", "a_b", "rapport.2024", "c"]
    assert len(set(names.values())) == 4
    assert all(re.fullmatch(r"[A-Za-z0-9_]+", name) for name in names.values())


def test_a_report_that_fails_is_named_and_nothing_is_built(tmp_path):
    paths = backfill_paths(tmp_path)
    broken = Path(paths["DINUM_RAW_DIR"]) / "broken.pdf"
    broken.write_bytes(b"")

    unknown = dinum_backfill(paths, "--report", "absent")
    assert unknown.returncode == 1
    assert f"FAILED no report absent to extract in {broken.parent}" in unknown.stderr

    done = dinum_backfill(paths)
    assert done.returncode == 1
    assert "0 of 1 reports extracted" in done.stdout
    assert "Warehouse not rebuilt: no extraction succeeded." in done.stdout
    assert f"FAILED {broken}: could not be extracted: empty file" in done.stderr
    assert not Path(paths["DINUM_WAREHOUSE"]).exists()
