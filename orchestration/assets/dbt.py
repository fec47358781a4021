"""The dbt project as assets: seeds (the vocabulary), staging, intermediate and marts.

dbt sources keep dagster-dbt's default keys ([source, table] = ["raw", "mentions"]), which
are the keys of the raw layer assets, so the lineage runs from the PDF to the marts.
"""

from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
import duckdb as duckdb_client
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration.metadata import PREVIEW_ROWS, table_metadata
from orchestration.project import dbt_project
from warehouse.settings import warehouse_path


class WarehouseTranslator(DagsterDbtTranslator):
    """Models and seeds are keyed by the schema and table they build, e.g. marts/fct_costs."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["config"]["schema"], dbt_resource_props["name"]])

    def get_automation_condition(
        self, dbt_resource_props: Mapping[str, Any]
    ) -> dg.AutomationCondition | None:
        return dg.AutomationCondition.eager()

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "vocabulary"
        return dbt_resource_props["config"].get("schema") or "dbt"


def _table_metadata(conn: duckdb_client.DuckDBPyConnection, key: dg.AssetKey) -> dict:
    relation = ".".join(f'"{part}"' for part in key.path)
    frame = conn.execute(f"SELECT * FROM {relation} LIMIT {PREVIEW_ROWS}").df()
    (row_count,) = conn.execute(f"SELECT count(*) FROM {relation}").fetchone()
    return table_metadata(frame, row_count)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
)
def dbt_warehouse(context: dg.AssetExecutionContext, dbt: DbtCliResource) -> Iterator:
    """`dbt build`: seeds, models and their tests (reported as asset checks)."""
    invocation = dbt.cli(["build"], context=context, raise_on_error=False)
    # dbt holds the DuckDB file while it runs; row counts are read once it has finished.
    events = list(invocation.stream())
    with duckdb_client.connect(str(warehouse_path()), read_only=True) as conn:
        for event in events:
            if isinstance(event, dg.Output):
                key = context.asset_key_for_output(event.output_name)
                event = event.with_metadata({**event.metadata, **_table_metadata(conn, key)})
            yield event
    if not invocation.is_successful():
        raise dg.Failure(description=f"dbt build failed: {invocation.get_error()}")
