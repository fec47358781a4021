"""`make run`: materialise every asset on the reports of the raw folder and print a summary.

Runs go through the persistent Dagster instance (DAGSTER_HOME), so they appear in the UI's
run history beside the scheduled ones.
"""

from __future__ import annotations

import json
import sys
import time

import dagster as dg
import duckdb

from orchestration.definitions import defs
from orchestration.jobs import build_warehouse_job, extract_report_job
from orchestration.partitions import reports_partitions
from orchestration.project import dbt_project
from warehouse.manifest import discover_reports
from warehouse.settings import raw_dir, raw_layer_root, warehouse_path

# Step-by-step events stay in the run's history in the UI; the terminal gets warnings only.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def fact_marts() -> dict[str, str]:
    """Domain -> fact mart, as dbt parsed them from the `fact_marts` var of dbt_project.yml."""
    nodes = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))["nodes"].values()
    marts = {
        node["meta"]["fact_mart_of_domain"]: node["name"]
        for node in nodes
        if "fact_mart_of_domain" in node["meta"]
    }
    return dict(sorted(marts.items(), key=lambda item: item[1]))


def _failure_message(result: dg.ExecuteInProcessResult) -> str:
    failures = [e for e in result.all_events if e.is_step_failure]
    if not failures:
        return "the run failed"
    data = failures[0].step_failure_data
    if data.user_failure_data and data.user_failure_data.description:
        return data.user_failure_data.description.strip()
    return data.error.message.strip() if data.error else "the run failed"


BUILD = "build"


def materialise_reports(
    instance: dg.DagsterInstance, report_ids: list[str], run_config: dict | None = None
) -> dict[str, dg.ExecuteInProcessResult]:
    """One extraction run per report (its partition added if new), then one dbt build run.

    The results are keyed by report_id, and by BUILD for the dbt run.
    """
    known = set(instance.get_dynamic_partitions(reports_partitions.name))
    new = [r for r in report_ids if r not in known]
    instance.add_dynamic_partitions(reports_partitions.name, new)
    results = {
        report_id: defs.resolve_job_def(extract_report_job.name).execute_in_process(
            partition_key=report_id, instance=instance, raise_on_error=False, run_config=run_config
        )
        for report_id in report_ids
    }
    results[BUILD] = defs.resolve_job_def(build_warehouse_job.name).execute_in_process(
        instance=instance, raise_on_error=False, run_config=run_config
    )
    return results


def _warehouse_counts(report_ids: list[str]) -> tuple[dict[str, int], int]:
    """Rows per mart and pages read, from the warehouse dbt has just built."""
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        counts = {
            m: conn.execute(f"SELECT count(*) FROM marts.{m}").fetchone()[0]
            for m in [*fact_marts().values(), "unclassified_mentions"]
        }
        pages = conn.execute(
            "SELECT coalesce(sum(page_count), 0) FROM marts.dim_reports WHERE report_id IN ?",
            [report_ids],
        ).fetchone()[0]
    return counts, pages


def main() -> int:
    started = time.perf_counter()
    instance = dg.DagsterInstance.get()
    reports = discover_reports(raw_dir())
    if not reports:
        print(f"No PDF in {raw_dir()}: nothing to do.")
        return 1
    report_ids = [r.report_id for r in reports]
    results = materialise_reports(instance, report_ids, run_config=QUIET)
    file_names = {r.report_id: r.path.name for r in reports} | {BUILD: "dbt build"}
    failed = [
        f"{file_names[key]}: {_failure_message(result)}"
        for key, result in results.items()
        if not result.success
    ]

    try:
        counts, pages = _warehouse_counts(report_ids)
    except duckdb.Error as exc:
        # The build failed (its message follows) and left no warehouse to summarise.
        counts, pages = None, f"unknown ({type(exc).__name__})"
    print(f"Warehouse: {warehouse_path()} (raw layer: {raw_layer_root()})")
    print(f"Reports: {len(reports)} ({', '.join(report_ids)}), pages read: {pages}")
    for report in reports:
        if not report.in_manifest:
            print(
                f"  {report.path.name}: manifest entry missing "
                "(report_id from the file name, metadata null)"
            )
    if counts is not None:
        print("Facts in the warehouse: " + ", ".join(f"{m} {n}" for m, n in counts.items()))
    print(f"Time: {time.perf_counter() - started:.1f} s")
    for failure in failed:
        print(f"FAILED {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
