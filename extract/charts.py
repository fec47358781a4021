"""Charts of a report read back into data from their vector drawing.

Public API for the pipeline:

- extract_charts(pdf_path): every chart of a PDF, page by page;
- find_charts(page): the charts of one pdfplumber page;
- find_chart_regions(page): the page areas charts occupy (caption to source line), for
  the prose parser to leave out.

`python -m extract.charts REPORT.pdf` prints the charts as JSON.

The work is split by concept: chart_layout finds charts on a page (caption, source,
region, raster images), chart_marks reads bars, lines and legends, chart_axes calibrates
value axes from French tick labels, chart_primitives normalises pdfplumber objects.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pdfplumber

from extract.chart_layout import find_chart_findings
from extract.records import BBox, ExtractedChart


def find_charts(page: Any) -> list[ExtractedChart]:
    """The charts of a pdfplumber page, top to bottom; raster charts included."""
    return [finding.chart for finding in find_chart_findings(page)]


def find_chart_regions(page: Any) -> list[BBox]:
    """The areas of a page taken by charts, caption and source line included."""
    return [finding.region for finding in find_chart_findings(page)]


def extract_charts(pdf_path: str | Path) -> list[ExtractedChart]:
    """Every chart of a PDF, in page order."""
    charts: list[ExtractedChart] = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            try:
                charts.extend(find_charts(page))
            finally:
                page.close()  # frees the page's parsed objects: reports run to 200 pages
    return charts


def chart_to_json(chart: ExtractedChart) -> dict[str, Any]:
    """The CLI's JSON shape of one chart."""
    return {
        "page": chart.page,
        "caption": chart.caption,
        "kind": chart.kind,
        "bbox": [round(c, 2) for c in chart.bbox],
        "unit": chart.unit,
        "series": [
            {
                "name": series.name,
                "points": [
                    {"category": p.category, "value": p.value, "source": p.source}
                    for p in series.points
                ],
            }
            for series in chart.series
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Read the charts of a PDF as JSON.")
    parser.add_argument("pdf", type=Path)
    args = parser.parse_args(argv)
    charts = extract_charts(args.pdf)
    json.dump({"charts": [chart_to_json(c) for c in charts]}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
