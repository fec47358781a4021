import dagster as dg

from orchestration.jobs import extract_report_job
from orchestration.partitions import reports_partitions
from orchestration.refresh import extraction_requests
from warehouse.manifest import discover_reports
from warehouse.settings import pdf_password, raw_dir


@dg.schedule(
    cron_schedule="0 6 * * *",
    execution_timezone="Europe/Paris",
    job=extract_report_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description=(
        "Every morning (Paris time): re-extract every report of the raw folder; the "
        "automation sensor then rebuilds the dbt models once no extraction is in progress."
    ),
)
def daily_refresh(context: dg.ScheduleEvaluationContext):
    # A partition whose PDF left the raw folder is not requested: its run could only fail.
    present = {report.report_id for report in discover_reports(raw_dir(), pdf_password())}
    known = context.instance.get_dynamic_partitions(reports_partitions.name)
    report_ids = sorted(present.intersection(known))
    day = context.scheduled_execution_time.date().isoformat()
    return extraction_requests(report_ids, reason=f"daily-{day}")
