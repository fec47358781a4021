"""Charts of a report read back into data from their vector drawing.

Public API for the pipeline:

- extract_charts(pdf_path): every chart of a PDF, page by page;
- find_charts(page): the charts of one page model (`extract.pdf.PageModel`);
- find_chart_regions(page): the page areas charts occupy (caption to source line), for
  the prose parser to leave out.

The work is split by concept: `layout` finds charts on a page (caption, source, region,
raster images), `marks` reads bars, lines and legends, `axes` calibrates value axes from
French tick labels, `primitives` merges the page model's words into labels.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from extract.charts.layout import find_chart_findings
from extract.pdf import PageModel, read_page
from extract.records import BBox, ExtractedChart


def find_charts(page: PageModel) -> list[ExtractedChart]:
    """The charts of a page, top to bottom; raster charts included."""
    return [finding.chart for finding in find_chart_findings(page)]


def find_chart_regions(page: PageModel) -> list[BBox]:
    """The areas of a page taken by charts, caption and source line included."""
    return [finding.region for finding in find_chart_findings(page)]


def extract_charts(pdf_path: str | Path) -> list[ExtractedChart]:
    """Every chart of a PDF, in page order."""
    charts: list[ExtractedChart] = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            try:
                charts.extend(find_charts(read_page(page)))
            finally:
                page.close()  # frees the page's parsed objects: reports run to 200 pages
    return charts
