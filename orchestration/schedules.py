import dagster as dg

from orchestration.jobs import extract_report_job
from orchestration.partitions import reports_partitions
from orchestration.refresh import extraction_requests


@dg.schedule(
    cron_schedule="0 6 * * *",
    job=extract_report_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description=(
        "Every morning: re-extract every known report; the automation sensor then rebuilds "
        "the dbt models once no extraction is in progress."
    ),
)
def daily_refresh(context: dg.ScheduleEvaluationContext):
    report_ids = sorted(context.instance.get_dynamic_partitions(reports_partitions.name))
    day = context.scheduled_execution_time.date().isoformat()
    return extraction_requests(report_ids, reason=f"daily-{day}")
