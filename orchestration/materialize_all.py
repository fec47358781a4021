"""`make run`: materialise every asset on the reports of the raw folder and print a summary.

Runs go through the persistent Dagster instance (DAGSTER_HOME), so they appear in the UI's
run history beside the scheduled ones. The terminal gets the summary and one line per failed
file; what dbt and Dagster print along the way (stack traces included) goes to a log file
beside the warehouse, named in the summary.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.definitions import defs
from orchestration.jobs import build_warehouse_job, extract_report_job
from orchestration.partitions import reports_partitions
from orchestration.project import dbt_project
from warehouse.manifest import ManifestError, inventory
from warehouse.pictures import page_path
from warehouse.raw_layer import remove_reports
from warehouse.settings import pdf_password, raw_dir, raw_layer_root, reports_dir, warehouse_path

# Step-by-step events stay in the run's history in the UI; the terminal gets warnings only.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
BUILD = "build"


def fact_marts() -> dict[str, str]:
    """Domain -> fact mart, as dbt parsed them from the `fact_marts` var of dbt_project.yml."""
    nodes = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))["nodes"].values()
    marts = {
        node["meta"]["fact_mart_of_domain"]: node["name"]
        for node in nodes
        if "fact_mart_of_domain" in node["meta"]
    }
    return dict(sorted(marts.items(), key=lambda item: item[1]))


def failure_message(result: dg.ExecuteInProcessResult) -> str:
    """The first line of what a failed run says: the user-facing description if any."""
    failures = [e for e in result.all_events if e.is_step_failure]
    if not failures:
        return "the run failed"
    data = failures[0].step_failure_data
    if data.user_failure_data and data.user_failure_data.description:
        text = data.user_failure_data.description
    else:
        text = data.error.message if data.error else "the run failed"
    return text.strip().splitlines()[0]


def materialise_reports(
    instance: dg.DagsterInstance, report_ids: list[str], run_config: dict | None = None
) -> dict[str, dg.ExecuteInProcessResult]:
    """One extraction run per report (its partition added if new), then one dbt build run.

    The results are keyed by report_id, and by BUILD for the dbt run. When every extraction
    failed nothing changed upstream, so dbt is not run (and BUILD is absent).
    """
    known = set(instance.get_dynamic_partitions(reports_partitions.name))
    instance.add_dynamic_partitions(
        reports_partitions.name, [r for r in report_ids if r not in known]
    )
    results = {
        report_id: defs.resolve_job_def(extract_report_job.name).execute_in_process(
            partition_key=report_id, instance=instance, raise_on_error=False, run_config=run_config
        )
        for report_id in report_ids
    }
    if report_ids and not any(r.success for r in results.values()):
        return results
    results[BUILD] = defs.resolve_job_def(build_warehouse_job.name).execute_in_process(
        instance=instance, raise_on_error=False, run_config=run_config
    )
    return results


def _warehouse_counts(report_ids: list[str]) -> tuple[dict[str, int], int]:
    """Rows per mart and pages read, from the warehouse dbt has just built."""
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        counts = {
            m: conn.execute(f"SELECT count(*) FROM marts.{m}").fetchone()[0]
            for m in [*fact_marts().values(), "unclassified_mentions", "fact_candidates"]
        }
        pages = conn.execute(
            "SELECT coalesce(sum(page_count), 0) FROM marts.dim_reports WHERE report_id IN ?",
            [report_ids],
        ).fetchone()[0]
    return counts, pages


@dataclass
class RunOutcome:
    exit_code: int
    results: dict[str, dg.ExecuteInProcessResult]


def run(
    instance: dg.DagsterInstance, run_config: dict | None = None, log_path: Path | None = None
) -> RunOutcome:
    """Materialise the raw folder's reports and print the summary; FAILED lines go last.

    What the runs print (dbt's output, Dagster's errors) goes to `log_path` when one is given.
    """
    started = time.perf_counter()
    try:
        found = inventory(raw_dir(), pdf_password())
    except ManifestError as exc:
        print(f"FAILED {exc}", file=sys.stderr)
        return RunOutcome(1, {})
    failed = [f"{refused.file_name}: {refused.reason}" for refused in found.refused]
    if not found.reports:
        print(f"No PDF to process in {raw_dir()}: nothing to do.")
        for failure in failed:
            print(f"FAILED {failure}", file=sys.stderr)
        return RunOutcome(1, {})
    report_ids = [r.report_id for r in found.reports]
    # The marts hold the reports whose PDF is in the raw folder (a refused one included: its
    # last good extraction stays until it is fixed); the others leave with this build.
    removed = remove_reports(
        raw_layer_root(), {*report_ids, *(refused.report_id for refused in found.refused)}
    )
    with contextlib.ExitStack() as stack:
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            log = stack.enter_context(log_path.open("w", encoding="utf-8"))
            stack.enter_context(contextlib.redirect_stdout(log))
            stack.enter_context(contextlib.redirect_stderr(log))
        results = materialise_reports(instance, report_ids, run_config=run_config)
    # An extraction's message names its file; the build's names the warehouse.
    failed += [
        f"dbt build: {failure_message(result)}" if key == BUILD else failure_message(result)
        for key, result in results.items()
        if not result.success
    ]

    try:
        counts, pages = _warehouse_counts(report_ids)
    except duckdb.Error as exc:
        # The build failed (its message follows) and left no warehouse to summarise.
        counts, pages = None, f"unknown ({type(exc).__name__})"
    print(f"Warehouse: {warehouse_path()} (raw layer: {raw_layer_root()})")
    print(f"Reports: {len(report_ids)} ({', '.join(report_ids)}), pages read: {pages}")
    for report in found.reports:
        if not report.in_manifest:
            print(
                f"  {report.path.name}: manifest entry missing "
                "(report_id from the file name, metadata null)"
            )
    for note in found.notes:
        print(f"  {note}")
    if removed:
        print(f"Removed from the warehouse: {', '.join(removed)} (its PDF left {raw_dir()})")
    if BUILD not in results:
        print("Warehouse not rebuilt: no extraction succeeded.")
    if counts is not None:
        held_back = counts.pop("fact_candidates")
        print("Facts in the warehouse: " + ", ".join(f"{m} {n}" for m, n in counts.items()))
        if held_back:
            print(f"Held back for review: {held_back} (marts.fact_candidates says why)")
    if BUILD in results and results[BUILD].success:
        print(f"Pictures of the facts: {page_path(reports_dir())}")
    if log_path is not None:
        print(f"Log of dbt and Dagster: {log_path}")
    print(f"Time: {time.perf_counter() - started:.1f} s")
    for failure in failed:
        print(f"FAILED {failure}", file=sys.stderr)
    return RunOutcome(1 if failed else 0, results)


def main() -> int:
    log_path = warehouse_path().parent / "make_run.log"
    return run(dg.DagsterInstance.get(), run_config=QUIET, log_path=log_path).exit_code


if __name__ == "__main__":
    sys.exit(main())
