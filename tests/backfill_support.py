"""What the backfill tests share: their paths, the generated reports and the checks of a run."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.backfill import BACKFILL_JOB, BACKFILL_TAG
from orchestration.jobs import build_warehouse_job, extract_report_job
from scripts.many_reports import write_reports
from warehouse.settings import REPO_ROOT

DINUM = str(Path(sys.executable).parent / "dinum")
REPORT_COUNT = 20
# "lock", "locked", "locking" as words of their own ("block" and "clock" are not locks).
LOCK = re.compile(r"\block", re.IGNORECASE)


def backfill_paths(tmp_path: Path) -> dict[str, str]:
    """A raw folder (empty), a warehouse and a Dagster instance of their own."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copyfile(REPO_ROOT / "orchestration" / "dagster.yaml", home / "dagster.yaml")
    (tmp_path / "raw").mkdir()
    return {
        "DINUM_RAW_DIR": str(tmp_path / "raw"),
        "DINUM_WAREHOUSE": str(tmp_path / "warehouse" / "dinum.duckdb"),
        "DINUM_RAW_LAYER": str(tmp_path / "warehouse" / "raw"),
        "DINUM_REPORTS_DIR": str(tmp_path / "reports"),
        "DAGSTER_HOME": str(home),
    }


def with_reports(backfill_paths: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The paths, with REPORT_COUNT generated reports in the raw folder."""
    raw = Path(backfill_paths["DINUM_RAW_DIR"])
    raw.rmdir()
    return write_reports(raw, REPORT_COUNT), backfill_paths


def dinum_backfill(paths: dict[str, str], *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [DINUM, "backfill", *options],
        capture_output=True,
        text=True,
        env={**os.environ, **paths},
        timeout=900,
    )


def run_log(instance: dg.DagsterInstance, run_id: str) -> str:
    return "\n".join(
        " ".join(
            part
            for part in (
                entry.user_message,
                entry.dagster_event.message if entry.dagster_event else None,
                str(entry.error_info) if entry.error_info else None,
            )
            if part
        )
        for entry in instance.all_logs(run_id)
    )


def check_backfill(
    report_ids: list[str], paths: dict[str, str], done, other_logs: tuple[str, ...] = ()
) -> set[int]:
    """What every backfill must show; the ids of the processes that ran its steps.

    `other_logs`: logs kept outside the command's output and the Dagster instance.
    """
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{REPORT_COUNT} of {REPORT_COUNT} reports extracted" in done.stdout
    home = Path(paths["DAGSTER_HOME"])
    with dg.DagsterInstance.from_config(str(home)) as instance:
        (backfill,) = instance.get_run_records(dg.RunsFilter(job_name=BACKFILL_JOB))
        assert backfill.dagster_run.status == dg.DagsterRunStatus.SUCCESS
        launched = instance.get_run_records(
            dg.RunsFilter(tags={BACKFILL_TAG: backfill.dagster_run.run_id})
        )
        extractions = [r for r in launched if r.dagster_run.job_name == extract_report_job.name]
        (build,) = [r for r in launched if r.dagster_run.job_name == build_warehouse_job.name]
        assert all(r.dagster_run.status == dg.DagsterRunStatus.SUCCESS for r in launched)
        assert sorted(r.dagster_run.tags["dagster/partition"] for r in extractions) == report_ids

        # Parallel: some extraction started before another had ended.
        spans = sorted((r.start_time, r.end_time) for r in extractions)
        assert any(later[0] < earlier[1] for earlier, later in zip(spans, spans[1:], strict=False))
        # One build, after every extraction.
        assert build.start_time >= max(end for _, end in spans)

        step_starts = instance.get_records_for_run(
            backfill.dagster_run.run_id, of_type=dg.DagsterEventType.STEP_START
        ).records
        assert len(step_starts) == REPORT_COUNT
        step_pids = {r.event_log_entry.dagster_event.pid for r in step_starts}

        logs = [done.stdout, done.stderr, *other_logs]
        logs += [run_log(instance, r.dagster_run.run_id) for r in [backfill, *launched]]
    logs.append((Path(paths["DINUM_WAREHOUSE"]).parent / "backfill.log").read_text())
    step_logs = (p for p in (home / "storage").rglob("*") if p.suffix in {".out", ".err"})
    logs += [p.read_text(errors="replace") for p in step_logs]
    assert not [match for log in logs for match in LOCK.findall(log)]

    with duckdb.connect(paths["DINUM_WAREHOUSE"], read_only=True) as conn:
        reports = conn.execute("SELECT report_id FROM marts.dim_reports ORDER BY 1").fetchall()
        users = conn.execute(
            "SELECT report_id, value FROM marts.facts "
            "WHERE subject = 'tchap' AND metric = 'active_users' ORDER BY 1"
        ).fetchall()
    assert [r for (r,) in reports] == report_ids
    # Each report's own figure (scripts/many_reports.py), under its own report_id.
    assert users == [(r, (200 + i) * 1000) for i, r in enumerate(report_ids)]
    return step_pids
