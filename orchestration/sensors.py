"""Watch the raw folder: a PDF added or changed (new sha256) is extracted, then dbt runs."""

from __future__ import annotations

import json

import dagster as dg

from orchestration.assets.dbt import dbt_warehouse
from orchestration.assets.pictures import report_pictures
from orchestration.jobs import extract_report_job
from orchestration.partitions import reports_partitions
from orchestration.refresh import extraction_requests
from warehouse.manifest import discover_reports, file_sha256
from warehouse.settings import raw_dir


@dg.sensor(
    job=extract_report_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a refresh when a PDF of the raw folder is added or its sha256 changes.",
)
def raw_folder_sensor(context: dg.SensorEvaluationContext):
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    current = {report.report_id: file_sha256(report.path) for report in discover_reports(raw_dir())}
    changed = sorted(rid for rid, sha in current.items() if seen.get(rid) != sha)
    if not changed:
        return dg.SkipReason(f"no new or changed PDF in {raw_dir()}")
    known = set(context.instance.get_dynamic_partitions(reports_partitions.name))
    new_partitions = [rid for rid in changed if rid not in known]
    digest = "-".join(current[rid][:12] for rid in changed)
    return dg.SensorResult(
        run_requests=extraction_requests(changed, reason=f"raw-folder-{digest}"),
        dynamic_partitions_requests=[reports_partitions.build_add_request(new_partitions)]
        if new_partitions
        else [],
        cursor=json.dumps(current, sort_keys=True),
    )


# dbt models follow their upstream: once an extraction run has landed raw files and none is
# in progress, the models are rebuilt in one run, the raw.* copies included, even when
# another report's extraction failed (REBUILD_AFTER_UPDATES in orchestration/assets/dbt.py);
# the pictures follow the marts they draw.
warehouse_automation = dg.AutomationConditionSensorDefinition(
    "warehouse_automation",
    target=dg.AssetSelection.assets(dbt_warehouse, report_pictures),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Rebuilds the dbt models after new raw rows land, then their pictures.",
)
