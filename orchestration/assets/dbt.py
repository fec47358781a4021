"""The dbt project as assets: seeds (the vocabulary), staging, intermediate and marts.

dbt sources keep dagster-dbt's default keys ([source, table] = ["raw", "mentions"]), which
are the keys of the raw layer assets, so the lineage runs from the PDF to the marts.
"""

import json
import os
import shutil
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb as duckdb_client
from dagster_dbt import DagsterDbtTranslator, DbtCliInvocation, DbtCliResource, dbt_assets

from orchestration.metadata import PREVIEW_ROWS, table_metadata
from orchestration.project import dbt_project
from warehouse.atomic_build import (
    build_lock,
    dbt_build_vars,
    discard_build,
    publish_build,
    start_build,
)
from warehouse.build_inputs import build_inputs_fingerprint, record_build_inputs
from warehouse.lock import lock_holder, locked_message
from warehouse.raw_layer import write_schema_files
from warehouse.settings import raw_layer_root, warehouse_path

# The pool of the one writer of the warehouse (one slot, orchestration/dagster.yaml).
WAREHOUSE_POOL = "warehouse"
# No run lasts longer: run monitoring's max_runtime_seconds (orchestration/dagster.yaml).
RUN_TIME_BOUND_SECONDS = 3600
# dbt's parse cache, which dbt reads from and writes to the target folder of a build.
PARTIAL_PARSE_FILE = "partial_parse.msgpack"
# The unit tests check the models' SQL on inputs of their own, whatever the reports say: the
# test suite runs them (tests/test_dbt_unit_tests.py), a build would only spend its time on
# them (dbt's advice: leave them out of production builds).
BUILD_ARGS = ["build", "--exclude-resource-type", "unit_test"]

# Eager, without its "no parent missing" blocker: a report whose extraction failed leaves its
# partition missing (or failed), and eager would then never rebuild again. Here a model is
# rebuilt once any parent was updated (one report extracted) and none is still in progress.
REBUILD_AFTER_UPDATES = (
    (
        dg.AutomationCondition.newly_missing() | dg.AutomationCondition.any_deps_updated()
    ).since_last_handled()
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
).with_label("rebuild_after_updates")


class WarehouseTranslator(DagsterDbtTranslator):
    """Models and seeds are keyed by the schema and table they build, e.g. marts/fct_costs."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["config"]["schema"], dbt_resource_props["name"]])

    def get_automation_condition(
        self, dbt_resource_props: Mapping[str, Any]
    ) -> dg.AutomationCondition | None:
        return REBUILD_AFTER_UPDATES

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "vocabulary"
        return dbt_resource_props["config"].get("schema") or "dbt"


def _table_metadata(
    conn: duckdb_client.DuckDBPyConnection, context: dg.AssetExecutionContext, key: dg.AssetKey
) -> dict:
    # "<database>.<schema>.<alias>": the alias, not the model name, names the table
    # (raw_mentions builds raw.mentions), and the database is the file's name.
    table_name = context.assets_def.specs_by_key[key].metadata["dagster/table_name"]
    relation = ".".join(f'"{part}"' for part in table_name.split(".")[-2:])
    frame = conn.execute(f"SELECT * FROM {relation} LIMIT {PREVIEW_ROWS}").df()
    (row_count,) = conn.execute(f"SELECT count(*) FROM {relation}").fetchone()
    return table_metadata(frame, row_count)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
    pool=WAREHOUSE_POOL,
)
def dbt_warehouse(context: dg.AssetExecutionContext, dbt: DbtCliResource) -> Iterator:
    """`dbt build`: seeds, models and their tests (reported as asset checks).

    dbt is the only writer of the warehouse; it reads the raw layer's Parquet files, whose
    zero-row schema files are written first so that a warehouse with no report still builds.
    It builds a copy that replaces the warehouse only if the whole build succeeded
    (warehouse.atomic_build): a failed build changes no table and reports no materialisation.
    """
    warehouse = warehouse_path()
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    write_schema_files(raw_layer_root())
    with build_lock(warehouse, on_wait=context.log.info):
        inputs = build_inputs_fingerprint()
        building = start_build(warehouse)
        try:
            invocation = dbt.cli(
                [*BUILD_ARGS, "--vars", json.dumps(dbt_build_vars())],
                context=context,
                raise_on_error=False,
            )
            events = list(invocation.stream())
            if not invocation.is_successful():
                raise dg.Failure(description=_build_failure(invocation, building))
            # dbt has closed the copy; row counts are read from it before it is swapped in.
            with duckdb_client.connect(str(building), read_only=True) as conn:
                events = [_with_table_metadata(event, conn, context) for event in events]
            publish_build(building, warehouse)
            whole = context.selected_asset_keys == context.assets_def.keys
            record_build_inputs(warehouse, inputs if whole else None)
        finally:
            discard_build(building)
        _keep_parse(invocation.target_path, dbt_project.project_dir / dbt_project.target_path)
        _prune_target_folders(invocation.target_path)
    yield from events


def _keep_parse(build_target: Path, project_target: Path) -> None:
    """Make this build's parse the one the next build starts from.

    dagster-dbt gives each build a target folder of its own, seeded with the project target's
    partial_parse.msgpack. dbt reuses that parse only when the vars (the warehouse's paths) are
    the same; a warehouse other than the one `make` parsed for (DINUM_WAREHOUSE, the tests,
    the benchmarks) would otherwise parse the whole project again on every build.
    """
    parse = build_target / PARTIAL_PARSE_FILE
    if not parse.exists():
        return
    partial = project_target / f".{PARTIAL_PARSE_FILE}.{os.getpid()}.partial"
    shutil.copyfile(parse, partial)
    os.replace(partial, project_target / PARTIAL_PARSE_FILE)


def _prune_target_folders(current: Path) -> None:
    """Delete the target folders of earlier builds (each build writes one of ~9 MB).

    Only those untouched for longer than a run may last: a build of another warehouse
    (DINUM_WAREHOUSE), which does not take this one's turn, may be writing into its own.
    """
    op_prefix = current.name.rsplit("-", 2)[0]
    oldest_running = time.time() - RUN_TIME_BOUND_SECONDS
    for folder in current.parent.glob(f"{op_prefix}-*-*"):
        if folder == current or not folder.is_dir():
            continue
        last_write = max((p.stat().st_mtime for p in folder.iterdir()), default=0.0)
        if max(last_write, folder.stat().st_mtime) < oldest_running:
            shutil.rmtree(folder, ignore_errors=True)


def _with_table_metadata(
    event: Any, conn: duckdb_client.DuckDBPyConnection, context: dg.AssetExecutionContext
) -> Any:
    if not isinstance(event, dg.Output):
        return event
    key = context.asset_key_for_output(event.output_name)
    return event.with_metadata({**event.metadata, **_table_metadata(conn, context, key)})


def _build_failure(invocation: DbtCliInvocation, building: Path) -> str:
    error = str(invocation.get_error())
    log = invocation.target_path / "dbt.log"
    holder = lock_holder(error) or (lock_holder(log.read_text()) if log.exists() else None)
    if holder:
        return locked_message(building, holder)
    return f"dbt build failed: {error}"
