"""`make run`: materialise every asset on the reports of the raw folder and print a summary.

Runs go through the persistent Dagster instance (DAGSTER_HOME), so they appear in the UI's
run history beside the scheduled ones. The terminal gets the summary and one line per failed
file; what dbt and Dagster print along the way (stack traces included) goes to a log file
beside the warehouse, named in the summary.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from orchestration.partitions import reports_partitions
from warehouse.build_inputs import build_inputs_fingerprint, is_warehouse_current
from warehouse.manifest import ManifestError, inventory
from warehouse.marts import fact_marts
from warehouse.raw_layer import remove_reports, unchanged_reports
from warehouse.settings import pdf_password, raw_dir, raw_layer_root, reports_dir, warehouse_path

if TYPE_CHECKING:
    import dagster as dg

# Step-by-step events stay in the run's history in the UI; the terminal gets warnings only.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
BUILD = "build"
# The code location's name, as [tool.dagster] in pyproject.toml gives it to `dagster dev`.
CODE_LOCATION = "dinum_report"
# Runs kept in the Dagster instance (history and compute logs); older ones are deleted.
RUNS_KEPT = 100


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
    results = extract_reports(instance, report_ids, run_config)
    if report_ids and not any(r.success for r in results.values()):
        return results
    results[BUILD] = build_warehouse(instance, run_config)
    return results


def extract_reports(
    instance: dg.DagsterInstance, report_ids: list[str], run_config: dict | None = None
) -> dict[str, dg.ExecuteInProcessResult]:
    """One extraction run per report, its partition added if new; the results by report_id."""
    if not report_ids:
        return {}
    from orchestration.jobs import extract_report_job

    known = set(instance.get_dynamic_partitions(reports_partitions.name))
    instance.add_dynamic_partitions(
        reports_partitions.name, [r for r in report_ids if r not in known]
    )
    return {
        report_id: _execute(instance, extract_report_job.name, run_config, report_id)
        for report_id in report_ids
    }


def build_warehouse(
    instance: dg.DagsterInstance, run_config: dict | None = None
) -> dg.ExecuteInProcessResult:
    """The dbt build run (then the pictures)."""
    from orchestration.jobs import build_warehouse_job

    return _execute(instance, build_warehouse_job.name, run_config)


def _execute(
    instance: dg.DagsterInstance,
    job_name: str,
    run_config: dict | None,
    partition_key: str | None = None,
) -> dg.ExecuteInProcessResult:
    # Loading the definitions reads the dbt manifest, seconds a run with nothing to do
    # does not spend: they are imported by the runs that need them.
    from dagster._core.definitions.repository_definition.valid_definitions import (
        SINGLETON_REPOSITORY_NAME,
    )
    from dagster._core.storage.tags import REPOSITORY_LABEL_TAG

    from orchestration.definitions import defs

    # Dagster's tags for a run of the code location's own job: the UI lists such runs on
    # the job's page and timeline, beside the schedule's and the sensors'.
    tags = {REPOSITORY_LABEL_TAG: f"{SINGLETON_REPOSITORY_NAME}@{CODE_LOCATION}"}
    return defs.resolve_job_def(job_name).execute_in_process(
        partition_key=partition_key,
        instance=instance,
        raise_on_error=False,
        run_config=run_config,
        tags=tags,
    )


def is_build_current() -> bool:
    """Whether the warehouse and its pictures were built, whole, from today's inputs."""
    from warehouse.pictures import page_path

    warehouse, page = warehouse_path(), page_path(reports_dir())
    return (
        is_warehouse_current(warehouse, build_inputs_fingerprint())
        # The pictures are drawn after the warehouse is in place; older ones are from a
        # build whose pictures failed.
        and page.is_file()
        and page.stat().st_mtime_ns >= warehouse.stat().st_mtime_ns
    )


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


@contextlib.contextmanager
def logged_to(log_path: Path | None) -> Iterator[None]:
    """What runs print (dbt's output, Dagster's errors) goes to `log_path`, if one is given."""
    with contextlib.ExitStack() as stack:
        if log_path is not None:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            log = stack.enter_context(log_path.open("w", encoding="utf-8"))
            stack.enter_context(contextlib.redirect_stdout(log))
            stack.enter_context(contextlib.redirect_stderr(log))
            # dbt colours its output for a terminal, escape codes included, unless told not to.
            stack.enter_context(_environment(DBT_USE_COLORS="false"))
        yield


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@dataclass
class RunOutcome:
    exit_code: int
    results: dict[str, dg.ExecuteInProcessResult]
    # Reports not extracted again: their landed files are what extraction would write.
    unchanged: list[str] = field(default_factory=list)


def forget_reports(instance: dg.DagsterInstance, keep_ids: set[str]) -> list[str]:
    """Delete the report partitions not in `keep_ids`, so no schedule requests them again."""
    gone = sorted(
        set(instance.get_dynamic_partitions(reports_partitions.name)) - keep_ids
    )
    for report_id in gone:
        instance.delete_dynamic_partition(reports_partitions.name, report_id)
    return gone


def prune_runs(instance: dg.DagsterInstance, keep: int = RUNS_KEPT) -> None:
    """Delete the runs older than the `keep` most recent ones: the instance stops growing."""
    for run_id in instance.get_run_ids()[keep:]:
        instance.delete_run(run_id)


def run(
    instance: dg.DagsterInstance,
    run_config: dict | None = None,
    log_path: Path | None = None,
    only: str | None = None,
    force: bool = False,
) -> RunOutcome:
    """Materialise the raw folder's reports and print the summary; FAILED lines go last.

    A report whose landed files are what extracting it again would write is not extracted
    (same PDF, manifest entry and extraction code), and dbt does not run when nothing the
    warehouse is built from changed since its last build; `force` does both all the same.
    What the runs print (dbt's output, Dagster's errors) goes to `log_path` when one is given.
    `only` extracts that report alone; the build still covers every report of the folder.
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
    if only is not None and only not in report_ids:
        print(f"FAILED no report {only!r} to extract in {raw_dir()}", file=sys.stderr)
        return RunOutcome(1, {})
    # The marts and the partitions hold the reports whose PDF is in the raw folder (a refused
    # one included: its last good extraction stays until it is fixed); the others leave.
    present = {*report_ids, *(refused.report_id for refused in found.refused)}
    removed = sorted(
        {*remove_reports(raw_layer_root(), present), *forget_reports(instance, present)}
    )
    targets = [r for r in found.reports if only is None or r.report_id == only]
    unchanged = [] if force else unchanged_reports(raw_layer_root(), targets)
    stale = [r.report_id for r in targets if r.report_id not in unchanged]
    with logged_to(log_path):
        results = extract_reports(instance, stale, run_config)
        none_extracted = bool(stale) and not any(r.success for r in results.values())
        current = not force and not none_extracted and is_build_current()
        if not (none_extracted or current):
            results[BUILD] = build_warehouse(instance, run_config)
    prune_runs(instance)
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
    if unchanged:
        print(f"Unchanged, not extracted: {', '.join(unchanged)} (same PDF, manifest entry, code)")
    if none_extracted:
        print("Warehouse not rebuilt: no extraction succeeded.")
    elif current:
        print("Warehouse not rebuilt: nothing it is built from changed since its last build.")
    if counts is not None:
        held_back = counts.pop("fact_candidates")
        print("Facts in the warehouse: " + ", ".join(f"{m} {n}" for m, n in counts.items()))
        if held_back:
            print(f"Held back for review: {held_back} (marts.fact_candidates says why)")
    if current or (BUILD in results and results[BUILD].success):
        from warehouse.pictures import page_path

        print(f"Pictures of the facts: {page_path(reports_dir())}")
    if log_path is not None:
        print(f"Log of dbt and Dagster: {log_path}")
    print(f"Time: {time.perf_counter() - started:.1f} s")
    for failure in failed:
        print(f"FAILED {failure}", file=sys.stderr)
    return RunOutcome(1 if failed else 0, results, unchanged)


def log_file() -> Path:
    """Where `make run` and `dinum` send what dbt and Dagster print: beside the warehouse."""
    return warehouse_path().parent / "make_run.log"


def main() -> int:
    import dagster as dg

    return run(dg.DagsterInstance.get(), run_config=QUIET, log_path=log_file()).exit_code


if __name__ == "__main__":
    sys.exit(main())
