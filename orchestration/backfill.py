"""`dinum backfill`: many reports extracted in parallel, then the warehouse built once.

One backfill run holds one step per report; its executor (orchestration/executors.py) spreads
the steps over processes of this machine or the workers of a Dask cluster. Each step runs the
report's partition of the `extract_report` job, so a backfilled partition is materialised by
the very run a schedule, a sensor or `dinum run` would launch (tagged with the backfill's run
id). Extraction writes one Parquet folder per report and never opens DuckDB, so the steps
share nothing but the Dagster instance; dbt, the one writer of the warehouse, runs once after.
"""

import contextlib
import os
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb
from dagster._core.definitions.repository_definition.valid_definitions import (
    SINGLETON_REPOSITORY_NAME,
)
from dagster._core.storage.tags import REPOSITORY_LABEL_TAG

from orchestration.definitions import defs
from orchestration.executors import DASK, EXECUTORS, PROCESSES, dask_execution, processes_execution
from orchestration.jobs import build_warehouse_job, extract_report_job
from orchestration.materialize_all import CODE_LOCATION, QUIET, failure_message
from orchestration.partitions import reports_partitions
from warehouse.manifest import ManifestError, inventory
from warehouse.settings import pdf_password, raw_dir, warehouse_path

# The tag that ties a report's extraction run to the backfill run that launched it.
BACKFILL_TAG = "dinum/backfill"
# Dagster's tag for a run of the code location's own job: the UI lists the extraction runs
# on the page of `extract_report`, beside the scheduled ones.
CODE_LOCATION_TAGS = {REPOSITORY_LABEL_TAG: f"{SINGLETON_REPOSITORY_NAME}@{CODE_LOCATION}"}
BACKFILL_JOB = "backfill_reports"


def step_names(report_ids: list[str]) -> dict[str, str]:
    """A step name per report: its report_id in the letters an op name allows, made unique."""
    names: dict[str, str] = {}
    for report_id in report_ids:
        name = "extract_" + re.sub(r"[^A-Za-z0-9_]", "_", report_id)
        if name in names.values():
            name = f"{name}_{len(names)}"
        names[report_id] = name
    return names


def _extraction_op(report_id: str, name: str) -> dg.OpDefinition:
    @dg.op(
        name=name,
        description=f"The `extract_report` run of partition {report_id}.",
        tags={"report_id": report_id},
    )
    def extract(context: dg.OpExecutionContext) -> None:
        result = defs.resolve_job_def(extract_report_job.name).execute_in_process(
            partition_key=report_id,
            instance=context.instance,
            raise_on_error=False,
            run_config=QUIET,
            tags={**CODE_LOCATION_TAGS, BACKFILL_TAG: context.run_id},
        )
        if not result.success:
            raise dg.Failure(
                description=failure_message(result), metadata={"run_id": result.run_id}
            )
        context.log.info(f"{report_id}: extracted by run {result.run_id}")

    return extract


def backfill_job(report_ids: list[str], executor: str) -> dg.JobDefinition:
    """One step per report, none depending on another, on executor PROCESSES or DASK.

    The steps are known when the run is planned (a Dask executor runs no step that a dynamic
    output maps); the job is rebuilt from these arguments where a step runs.
    """
    ops = [_extraction_op(report_id, name) for report_id, name in step_names(report_ids).items()]

    @dg.graph(name=BACKFILL_JOB)
    def backfill_reports() -> None:
        for extraction in ops:
            extraction()

    return backfill_reports.to_job(
        executor_def=EXECUTORS[executor],
        description="Extract the given report partitions in parallel (dinum backfill).",
    )


@dataclass
class BackfillOutcome:
    exit_code: int
    backfill_run_id: str | None
    build: dg.ExecuteInProcessResult | None


def _failed_steps(instance: dg.DagsterInstance, run_id: str) -> dict[str, str]:
    """What each failed step of the backfill run said, by step name."""
    failures = {}
    for record in instance.get_records_for_run(
        run_id, of_type=dg.DagsterEventType.STEP_FAILURE
    ).records:
        event = record.event_log_entry.dagster_event
        data = event.step_failure_data
        if data.user_failure_data and data.user_failure_data.description:
            text = data.user_failure_data.description
        else:
            text = data.error.message if data.error else "the step failed"
        failures[event.step_key] = text.strip().splitlines()[0]
    return failures


@contextlib.contextmanager
def _output_to(log_path: Path | None) -> Iterator[None]:
    """Everything written on stdout and stderr goes to `log_path`, if one is given.

    At the level of the file descriptors: the steps' processes, forked from this one, write
    there too (a redirection of sys.stdout would reach this process only).
    """
    if log_path is None:
        yield
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved = {fd: os.dup(fd) for fd in (1, 2)}
    colours = os.environ.get("DBT_USE_COLORS")
    # dbt colours its output for a terminal, escape codes included, unless told not to.
    os.environ["DBT_USE_COLORS"] = "false"
    try:
        with log_path.open("w", encoding="utf-8") as log:
            for fd in saved:
                os.dup2(log.fileno(), fd)
            try:
                yield
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
    finally:
        for fd, copy in saved.items():
            os.dup2(copy, fd)
            os.close(copy)
        if colours is None:
            os.environ.pop("DBT_USE_COLORS")
        else:
            os.environ["DBT_USE_COLORS"] = colours


def _reports_in_warehouse() -> int:
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        return conn.execute("SELECT count(*) FROM marts.dim_reports").fetchone()[0]


def backfill(
    instance: dg.DagsterInstance,
    workers: int,
    dask_address: str | None = None,
    only: list[str] | None = None,
    log_path: Path | None = None,
) -> BackfillOutcome:
    """Extract the raw folder's reports (or `only` those) in parallel, then build once.

    `workers` steps run at once on processes of this machine, or on the Dask cluster at
    `dask_address` (executors.LOCAL_CLUSTER: one of `workers` processes started here).
    What the runs print goes to `log_path` when one is given; the summary to stdout, one
    FAILED line per file that failed to stderr.
    """
    started = time.perf_counter()
    try:
        found = inventory(raw_dir(), pdf_password())
    except ManifestError as exc:
        print(f"FAILED {exc}", file=sys.stderr)
        return BackfillOutcome(1, None, None)
    failed = [f"{refused.file_name}: {refused.reason}" for refused in found.refused]
    report_ids = [r.report_id for r in found.reports]
    unknown = sorted(set(only or []) - set(report_ids))
    if unknown:
        print(f"FAILED no report {', '.join(unknown)} to extract in {raw_dir()}", file=sys.stderr)
        return BackfillOutcome(1, None, None)
    if only:
        report_ids = [r for r in report_ids if r in only]
    if not report_ids:
        print(f"No PDF to process in {raw_dir()}: nothing to do.")
        for failure in failed:
            print(f"FAILED {failure}", file=sys.stderr)
        return BackfillOutcome(1, None, None)

    known = set(instance.get_dynamic_partitions(reports_partitions.name))
    instance.add_dynamic_partitions(
        reports_partitions.name, [r for r in report_ids if r not in known]
    )
    executor = DASK if dask_address else PROCESSES
    execution = (
        dask_execution(dask_address, workers)
        if dask_address
        else processes_execution(workers, __name__)
    )
    job = dg.build_reconstructable_job(
        __name__, backfill_job.__name__, reconstructable_args=(report_ids, executor)
    )
    with _output_to(log_path):
        with dg.execute_job(
            job, instance, run_config={**QUIET, "execution": execution}
        ) as extraction:
            run_id = extraction.run_id
        extracted_at = time.perf_counter()
        step_failures = _failed_steps(instance, run_id)
        extracted = len(report_ids) - len(step_failures)
        build = None
        if extracted:
            build = defs.resolve_job_def(build_warehouse_job.name).execute_in_process(
                instance=instance,
                raise_on_error=False,
                run_config=QUIET,
                tags={**CODE_LOCATION_TAGS, BACKFILL_TAG: run_id},
            )
    built_at = time.perf_counter()

    where = f"the Dask cluster {dask_address}" if dask_address else f"{workers} processes"
    print(
        f"Backfill run {run_id}: {extracted} of {len(report_ids)} reports extracted on "
        f"{where} in {extracted_at - started:.1f} s"
    )
    failed += step_failures.values()
    if build is None:
        print("Warehouse not rebuilt: no extraction succeeded.")
    elif build.success:
        print(
            f"Warehouse built once in {built_at - extracted_at:.1f} s: {warehouse_path()}, "
            f"{_reports_in_warehouse()} reports"
        )
    else:
        failed.append(f"dbt build: {failure_message(build)}")
    if log_path is not None:
        print(f"Log of dbt and Dagster: {log_path}")
    print(f"Time: {built_at - started:.1f} s")
    for failure in failed:
        print(f"FAILED {failure}", file=sys.stderr)
    return BackfillOutcome(1 if failed else 0, run_id, build)
