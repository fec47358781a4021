"""Run requests that refresh reports; dbt follows through the automation sensor."""

import dagster as dg


def extraction_requests(report_ids: list[str], reason: str) -> list[dg.RunRequest]:
    """One extraction run per report, each its own partition."""
    return [
        dg.RunRequest(
            run_key=f"{reason}:{report_id}",
            partition_key=report_id,
            tags={"refresh": reason},
        )
        for report_id in report_ids
    ]
