"""One report PDF to plain records: page text, tables, charts and numeric mentions.

The document is read in one pass, page by page: each page is read once into the page model
(`extract.pdf`), which charts, tables and prose all read, and the pdfplumber page is closed
right after, since pdfplumber keeps parsed pages in memory until then.

A PDF that cannot or must not be read raises `ExtractionError` and nothing else: the
pre-flight check refuses it before parsing (empty, not a PDF, damaged, encrypted, over a
bound of `Limits`), and a failure while reading it is reported with the page it happened on.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2

from extract.charts import find_chart_findings
from extract.errors import ExtractionError, one_line
from extract.guard.deadline import PageTimeout, time_limit
from extract.guard.limits import Limits
from extract.guard.preflight import preflight
from extract.observations import chart_mentions, table_mentions
from extract.pdf import read_page
from extract.pdf.geometry import overlaps
from extract.records import NumericMention, PageText, ReportExtraction
from extract.tables import TableStitcher
from extract.text import ProseReader


def extract_report(
    pdf_path: str | Path,
    report_id: str,
    password: str | None = None,
    limits: Limits | None = None,
    on_page: Callable[[int, int], None] | None = None,
) -> ReportExtraction:
    """Everything extraction reads from one PDF, with page and bbox on every record.

    A page over the time limit is skipped and listed in `skipped_pages`; the rest is kept.
    `on_page(page_number, page_count)` is called once each page is done (read or skipped),
    for a caller that shows progress.
    """
    path = Path(pdf_path)
    limits = limits or Limits()
    preflight(path, limits, password)
    try:
        extraction = _read(path, report_id, password, limits, on_page or _no_progress)
    except ExtractionError:
        raise
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


def _read(
    path: Path,
    report_id: str,
    password: str | None,
    limits: Limits,
    on_page: Callable[[int, int], None],
) -> ReportExtraction:
    pages: list[PageText] = []
    stitcher = TableStitcher()
    charts = []
    prose: list[NumericMention] = []
    # One reader for the document: a sentence cut by a page break is read whole.
    reader = ProseReader()
    skipped: list[tuple[int, str]] = []
    # The same file in pypdfium2: pages of prose are read from it, the rest by pdfplumber.
    with (
        pdfplumber.open(path, password=password or "") as pdf,
        pypdfium2.PdfDocument(str(path), password=password) as fast_document,
    ):
        page_count = len(pdf.pages)
        for pdf_page in pdf.pages:
            # A page adds tables, or rows to the last one (continued from the page before):
            # what to restore if the page is skipped.
            tables_before = [*stitcher.tables[:-1], *map(copy.deepcopy, stitcher.tables[-1:])]
            try:
                with time_limit(limits.page_seconds):
                    page = read_page(pdf_page, fast_document)
                    findings = find_chart_findings(page)
                    # Bars with printed values also read as a grid: a captioned chart wins
                    # over a table, while a grid of shaded cells must not pass for an
                    # uncaptioned chart.
                    captioned = [f.region for f in findings if f.chart.caption]
                    page_tables = stitcher.add_page(page, exclude=captioned)
                    findings = [
                        f
                        for f in findings
                        if f.chart.caption
                        or not any(overlaps(f.region, t.bbox) for t in page_tables)
                    ]
                    regions = [t.bbox for t in page_tables] + [f.region for f in findings]
                    page_prose = reader.read_page(page, exclude=regions)
                    text = page.text
            except PageTimeout:
                skipped.append(
                    (
                        pdf_page.page_number,
                        f"over the time limit of {limits.page_seconds:g} s per page "
                        "(DINUM_PAGE_SECONDS)",
                    )
                )
                # No table runs on across a skipped page, and none of its parts is kept;
                # nor does a sentence: the one the page before left unfinished is read as is.
                stitcher = TableStitcher()
                stitcher.tables.extend(tables_before)
                prose.extend(reader.finish())
                continue
            except Exception as exc:
                # A damaged page or a reader's bug: the cause goes to the run log.
                raise ExtractionError(
                    f"page {pdf_page.page_number} could not be read: {one_line(exc)}", path
                ) from exc
            finally:
                pdf_page.close()
                on_page(pdf_page.page_number, page_count)
            prose.extend(page_prose)
            pages.append(
                PageText(page=page.number, width=page.width, height=page.height, text=text)
            )
            charts.extend(f.chart for f in findings)
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
