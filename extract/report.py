"""One report PDF to plain records: page text, tables, charts and numeric mentions.

The document is read in one pass, page by page: each page is read once into the page model
(`extract.pdf`), which charts, tables and prose all read, and the pdfplumber page is closed
right after, since pdfplumber keeps parsed pages in memory until then.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from extract.charts import find_chart_findings
from extract.observations import chart_mentions, table_mentions
from extract.pdf import read_page
from extract.pdf.geometry import overlaps
from extract.records import NumericMention, PageText, ReportExtraction
from extract.tables import TableStitcher
from extract.text import mentions_on_page


def extract_report(pdf_path: str | Path, report_id: str) -> ReportExtraction:
    """Everything extraction reads from one PDF, with page and bbox on every record."""
    pages: list[PageText] = []
    stitcher = TableStitcher()
    charts = []
    prose: list[NumericMention] = []
    with pdfplumber.open(pdf_path) as pdf:
        page_count = len(pdf.pages)
        for pdf_page in pdf.pages:
            try:
                page = read_page(pdf_page)
                findings = find_chart_findings(page)
                # Bars with printed values also read as a grid: a captioned chart wins over
                # a table, while a grid of shaded cells must not pass for an uncaptioned chart.
                captioned = [f.region for f in findings if f.chart.caption]
                page_tables = stitcher.add_page(page, exclude=captioned)
                findings = [
                    f
                    for f in findings
                    if f.chart.caption or not any(overlaps(f.region, t.bbox) for t in page_tables)
                ]
                regions = [t.bbox for t in page_tables] + [f.region for f in findings]
                prose.extend(mentions_on_page(page, exclude=regions))
                pages.append(
                    PageText(
                        page=page.number,
                        width=page.width,
                        height=page.height,
                        text=page.text,
                    )
                )
                charts.extend(f.chart for f in findings)
            finally:
                pdf_page.close()
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
    )
