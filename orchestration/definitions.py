"""The code location that `dagster dev` loads from the repository root ([tool.dagster])."""

import dagster as dg

from orchestration.assets.dbt import dbt_warehouse
from orchestration.assets.extraction import raw_layer, report_pdf
from orchestration.assets.pictures import report_pictures
from orchestration.jobs import build_warehouse_job, extract_report_job
from orchestration.resources import build_resources
from orchestration.schedules import daily_refresh
from orchestration.sensors import raw_folder_sensor, warehouse_automation

defs = dg.Definitions(
    assets=[report_pdf, raw_layer, dbt_warehouse, report_pictures],
    jobs=[extract_report_job, build_warehouse_job],
    schedules=[daily_refresh],
    sensors=[raw_folder_sensor, warehouse_automation],
    resources=build_resources(),
)
