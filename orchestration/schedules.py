import dagster as dg

from orchestration.jobs import extract_report_job
from orchestration.partitions import reports_partitions
from orchestration.refresh import extraction_requests
from warehouse.manifest import discover_reports
from warehouse.raw_layer import unchanged_reports
from warehouse.settings import pdf_password, raw_dir, raw_layer_root


@dg.schedule(
    cron_schedule="0 6 * * *",
    execution_timezone="Europe/Paris",
    job=extract_report_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description=(
        "Every morning (Paris time): re-extract the reports of the raw folder whose PDF, "
        "manifest entry or extraction code changed since they landed; the automation sensor "
        "then rebuilds the dbt models once no extraction is in progress."
    ),
)
def daily_refresh(context: dg.ScheduleEvaluationContext):
    # A partition whose PDF left the raw folder is not requested: its run could only fail.
    known = set(context.instance.get_dynamic_partitions(reports_partitions.name))
    reports = [r for r in discover_reports(raw_dir(), pdf_password()) if r.report_id in known]
    unchanged = set(unchanged_reports(raw_layer_root(), reports))
    report_ids = sorted(r.report_id for r in reports if r.report_id not in unchanged)
    if not report_ids:
        return dg.SkipReason("every report's landed files are up to date")
    day = context.scheduled_execution_time.date().isoformat()
    return extraction_requests(report_ids, reason=f"daily-{day}")
