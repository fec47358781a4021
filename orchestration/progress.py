"""Pages read by extraction runs, as records of the `dinum.progress` logger.

A terminal that shows progress (`dinum run`) attaches a handler to it; elsewhere (the UI,
the daemon) it has none and stays silent: it does not propagate to the root logger.
"""

import logging

PROGRESS_LOGGER = logging.getLogger("dinum.progress")
PROGRESS_LOGGER.propagate = False


def page_done(report_id: str, page_number: int, page_count: int) -> None:
    """One page of `report_id` is read; the record carries the three fields."""
    PROGRESS_LOGGER.info(
        "%s: page %d of %d",
        report_id,
        page_number,
        page_count,
        extra={"report_id": report_id, "page_number": page_number, "page_count": page_count},
    )
