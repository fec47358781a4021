"""Progress bars of `dinum run`: one per report, advanced page by page.

They listen to the `dinum.progress` logger the extraction asset writes to
(orchestration/progress.py); on a stream that is no terminal each report is named once.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TextIO

import click
from click._termui_impl import ProgressBar

from orchestration.progress import PROGRESS_LOGGER


class PageBars(logging.Handler):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(level=logging.INFO)
        self.stream = stream
        self.bars: dict[str, ProgressBar[int]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        report_id = getattr(record, "report_id", None)
        if report_id is None:
            return
        bar = self.bars.get(report_id)
        if bar is None:
            bar = click.progressbar(
                length=record.page_count, label=report_id, file=self.stream, show_pos=True
            )
            self.bars[report_id] = bar
        bar.update(1)
        if record.page_number >= record.page_count:
            self.finish(report_id)

    def finish(self, report_id: str) -> None:
        bar = self.bars.pop(report_id)
        bar.render_finish()


@contextlib.contextmanager
def page_bars(stream: TextIO) -> Iterator[None]:
    """Show a bar per report on `stream` while the block runs extractions in this process."""
    handler = PageBars(stream)
    PROGRESS_LOGGER.addHandler(handler)
    PROGRESS_LOGGER.setLevel(logging.INFO)
    try:
        yield
    finally:
        PROGRESS_LOGGER.removeHandler(handler)
        for report_id in list(handler.bars):
            handler.finish(report_id)
