import dagster as dg

from orchestration.assets.dbt import dbt_warehouse
from orchestration.assets.extraction import raw_layer
from orchestration.assets.pictures import report_pictures

# One run per report partition lands its raw rows; one run of dbt then rebuilds the marts
# over all reports. Extraction runs may overlap; builds queue for the one slot of the
# "warehouse" pool (dagster.yaml): DuckDB has one writer.
extract_report_job = dg.define_asset_job(
    "extract_report",
    selection=dg.AssetSelection.assets(raw_layer),
    description="Extract one report PDF (a partition) into the raw layer.",
)

build_warehouse_job = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.assets(dbt_warehouse, report_pictures),
    description=(
        "dbt build: vocabulary seeds, staging, intermediate and marts, with tests; then the "
        "pictures of the facts."
    ),
)
