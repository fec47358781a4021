"""One report PDF to plain records: page text, tables, charts and numeric mentions.

Each page is read once into the page model (`extract.pdf`), which charts, tables and prose
all read. What a page yields on its own (its model, charts, tables, prose laid out) is read
over page ranges (`extract.page_ranges`), in as many processes as the machine has cores;
what needs the pages before it (a table continued from the page before, a sentence cut by
the page break, the period named pages earlier) is then read in page order here, so the
records are the same whatever the number of processes.

A PDF that cannot or must not be read raises `ExtractionError` and nothing else: the
pre-flight check refuses it before parsing (empty, not a PDF, damaged, encrypted, over a
bound of `Limits`), and a failure while reading it is reported with the page it happened on.
"""

from __future__ import annotations

import copy
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pypdfium2

from extract.charts import find_chart_findings
from extract.errors import ExtractionError, one_line
from extract.guard.deadline import PageTimeout, time_limit
from extract.guard.limits import Limits
from extract.guard.preflight import preflight
from extract.observations import chart_mentions, table_mentions
from extract.page_ranges import PageFailure, processes_from_env, read_in_ranges
from extract.pdf import read_page
from extract.pdf.geometry import overlaps
from extract.pdf.prose import PageProse, ProseText, read_prose
from extract.records import (
    ExtractedChart,
    ExtractedTable,
    NumericMention,
    PageText,
    ReportExtraction,
)
from extract.tables import TableStitcher
from extract.tables.layout import PageLayout
from extract.tables.stitch import find_page_tables
from extract.text import ProseReader


def extract_report(
    pdf_path: str | Path,
    report_id: str,
    password: str | None = None,
    limits: Limits | None = None,
    on_page: Callable[[int, int], None] | None = None,
    processes: int | None = None,
) -> ReportExtraction:
    """Everything extraction reads from one PDF, with page and bbox on every record.

    A page over the time limit is skipped and listed in `skipped_pages`; the rest is kept.
    `on_page(page_number, page_count)` is called once each page is done (read or skipped),
    in page order, for a caller that shows progress. `processes` caps the processes that
    read pages (default: `DINUM_EXTRACT_PROCESSES`, else the machine's cores; 1 reads in
    this process).
    """
    if processes is not None and processes < 1:
        raise ValueError(f"processes={processes}: expected 1 or more")
    path = Path(pdf_path)
    limits = limits or Limits()
    page_count = preflight(path, limits, password).pages
    if processes is None:
        processes = processes_from_env(os.environ)
    try:
        extraction = _read(
            path, report_id, password, limits, on_page or _no_progress, page_count, processes
        )
    except ExtractionError:
        raise
    except BrokenProcessPool as exc:
        raise ExtractionError(
            f"a process reading its pages stopped (killed, out of memory?): {one_line(exc)}",
            path,
        ) from exc
    except Exception as exc:
        raise ExtractionError(f"damaged PDF: {one_line(exc)}", path) from exc
    if not extraction.pages:
        reasons = "; ".join(f"page {page}: {reason}" for page, reason in extraction.skipped_pages)
        raise ExtractionError(f"no page could be read: {reasons}", path)
    if not any(page.text.strip() for page in extraction.pages):
        raise ExtractionError(
            f"no text layer: scanned document, {extraction.page_count} pages", path
        )
    return extraction


def _no_progress(page_number: int, page_count: int) -> None:
    return None


@dataclass(frozen=True)
class PageParts:
    """What one page yields read alone: plain records, sent back from a reading process."""

    number: int
    width: float
    height: float
    em: float
    text: str
    charts: list[ExtractedChart]
    layout: PageLayout  # the stitcher's view of the page: does a table run on across it?
    tables: list[ExtractedTable]  # as drawn on the page, not yet joined to the page before
    prose: PageProse | None
    seconds: float  # spent reading it, out of the page's time limit


@dataclass(frozen=True)
class PageSkipped:
    """A page over the time limit while read alone."""

    number: int


def read_page_parts(
    pdf_page: Any, fast_document: pypdfium2.PdfDocument, page_seconds: float
) -> PageParts | PageSkipped:
    """One page read alone, under the time limit, from pdfplumber's page or, for a page of
    prose, from the same page in pypdfium2 (`fast_document`); the caller closes the page."""
    started = time.monotonic()
    try:
        with time_limit(page_seconds):
            page = read_page(pdf_page, fast_document)
            findings = find_chart_findings(page)
            # Bars with printed values also read as a grid: a captioned chart wins over a
            # table, while a grid of shaded cells must not pass for an uncaptioned chart.
            captioned = [f.region for f in findings if f.chart.caption]
            layout, tables = find_page_tables(page, exclude=captioned)
            findings = [
                f
                for f in findings
                if f.chart.caption or not any(overlaps(f.region, t.bbox) for t in tables)
            ]
            regions = [t.bbox for t in tables] + [f.region for f in findings]
            prose = _slim(read_prose(page, exclude=regions))
            text = page.text
    except PageTimeout:
        return PageSkipped(pdf_page.page_number)
    return PageParts(
        number=page.number,
        width=page.width,
        height=page.height,
        em=page.em,
        text=text,
        charts=[f.chart for f in findings],
        layout=layout,
        tables=tables,
        prose=prose,
        seconds=time.monotonic() - started,
    )


# What the steps in page order read of a char of the prose (`ProseReader`: its type and
# page; `ProseText.bbox`: its box). pdfplumber's char dicts hold some twenty keys, colours
# and matrices among them: a page's prose sent whole to the caller weighs megabytes.
PROSE_CHAR_KEYS = ("text", "size", "fontname", "page_number", "x0", "top", "x1", "bottom")


def _slim(prose: PageProse | None) -> PageProse | None:
    """The prose with its chars cut down to `PROSE_CHAR_KEYS` (a char printing several
    positions of the text stays one dict)."""
    if prose is None:
        return None
    slim: dict[int, dict[str, Any]] = {}

    def cut(text: ProseText) -> ProseText:
        chars = [
            None
            if c is None
            else slim.setdefault(id(c), {key: c[key] for key in PROSE_CHAR_KEYS if key in c})
            for c in text.chars
        ]
        return ProseText(text.text, chars, list(text.calls))

    return PageProse(
        page_numbers=[replace(line, text=cut(line.text)) for line in prose.page_numbers],
        body=cut(prose.body),
        footnotes=cut(prose.footnotes),
    )


def _read(
    path: Path,
    report_id: str,
    password: str | None,
    limits: Limits,
    on_page: Callable[[int, int], None],
    page_count: int,
    processes: int,
) -> ReportExtraction:
    pages: list[PageText] = []
    stitcher = TableStitcher()
    charts: list[ExtractedChart] = []
    prose: list[NumericMention] = []
    # One reader for the document: a sentence cut by a page break is read whole.
    reader = ProseReader()
    skipped: list[tuple[int, str]] = []
    over_time = (
        f"over the time limit of {limits.page_seconds:g} s per page (DINUM_PAGE_SECONDS)"
    )
    for parts in _pages_in_order(path, password, limits.page_seconds, page_count, processes):
        # A page adds tables, or rows to the last one (continued from the page before):
        # what to restore if the page is skipped.
        tables_before = [*stitcher.tables[:-1], *map(copy.deepcopy, stitcher.tables[-1:])]
        try:
            if isinstance(parts, PageSkipped):
                raise PageTimeout  # skipped as a page stopped here would be
            with time_limit(_time_left(limits.page_seconds, parts.seconds)):
                stitcher.add_tables(parts.layout, parts.tables)
                page_prose = reader.read_page_prose(parts.prose, parts.number, parts.em)
        except PageTimeout:
            skipped.append((parts.number, over_time))
            # No table runs on across a skipped page, and none of its parts is kept;
            # nor does a sentence: the one the page before left unfinished is read as is.
            stitcher = TableStitcher()
            stitcher.tables.extend(tables_before)
            prose.extend(reader.finish())
            continue
        except Exception as exc:
            # A reader's bug: the cause goes to the run log.
            raise ExtractionError(
                f"page {parts.number} could not be read: {one_line(exc)}", path
            ) from exc
        finally:
            on_page(parts.number, page_count)
        prose.extend(page_prose)
        pages.append(
            PageText(page=parts.number, width=parts.width, height=parts.height, text=parts.text)
        )
        charts.extend(parts.charts)
    prose.extend(reader.finish())
    tables = stitcher.tables
    mentions = [
        *prose,
        *(m for index, table in enumerate(tables) for m in table_mentions(table, index)),
        *(m for index, chart in enumerate(charts) for m in chart_mentions(chart, index)),
    ]
    return ReportExtraction(
        report_id=report_id,
        page_count=page_count,
        pages=pages,
        tables=tables,
        charts=charts,
        mentions=mentions,
        skipped_pages=skipped,
    )


def _pages_in_order(
    path: Path,
    password: str | None,
    page_seconds: float,
    page_count: int,
    processes: int,
) -> Iterator[PageParts | PageSkipped]:
    try:
        yield from read_in_ranges(
            path, password, page_count, read_page_parts, (page_seconds,), processes
        )
    except PageFailure as failure:
        # A damaged page or a reader's bug: the cause goes to the run log.
        raise ExtractionError(
            f"page {failure.page_number} could not be read: {failure.reason}", path
        ) from failure


def _time_left(page_seconds: float, spent: float) -> float:
    """What is left of a page's time limit for its steps in page order (0: no limit)."""
    if page_seconds <= 0:
        return 0.0
    # A page read just under the limit still gets an instant, never the lifted limit of 0.
    return max(page_seconds - spent, 1e-3)
