"""Command line of the chart reader: `python -m extract.charts REPORT.pdf` prints JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from extract.charts.read import extract_charts
from extract.records import ExtractedChart


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
