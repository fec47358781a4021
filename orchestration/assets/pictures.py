"""The pictures of the facts, drawn after the marts: wiring only (warehouse.pictures draws)."""

import dagster as dg

from orchestration.assets.dbt import REBUILD_AFTER_UPDATES
from warehouse.pictures import render_pictures
from warehouse.settings import reports_dir, warehouse_path

# The marts the pictures read: the facts view (over every fact mart) and its dimensions.
PICTURED_MARTS = [
    dg.AssetKey(["marts", name]) for name in ("facts", "dim_metrics", "dim_subjects", "dim_reports")
]


@dg.asset(
    key=["reports", "pictures"],
    deps=PICTURED_MARTS,
    group_name="reports",
    kinds={"python", "html"},
    automation_condition=REBUILD_AFTER_UPDATES,
    description=(
        "Charts of the facts (costs and staff per product, usage over time, indicators) as "
        "PNG files, and index.html with the charts and every fact with its page and evidence, "
        "under DINUM_REPORTS_DIR (default data/reports)."
    ),
)
def report_pictures(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Draw the pictures from the warehouse, opened read-only: a build is never held up."""
    rendered = render_pictures(warehouse_path(), reports_dir())
    kept = "" if rendered.drawn else " (kept: drawn earlier from the same facts)"
    context.log.info(f"Pictures of {rendered.fact_count} facts: {rendered.page}{kept}")
    return dg.MaterializeResult(
        metadata={
            "page": dg.MetadataValue.path(str(rendered.page)),
            "facts": dg.MetadataValue.int(rendered.fact_count),
            "drawn": dg.MetadataValue.bool(rendered.drawn),
            **{
                picture.name: dg.MetadataValue.md(picture.markdown())
                for picture in rendered.pictures
            },
        }
    )
