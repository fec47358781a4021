"""Charts of a report read back into data from their vector drawing.

`find_chart_findings(page)` gives each chart of a page model (`extract.pdf.PageModel`) with
the region it occupies; `find_charts`, `find_chart_regions` and `extract_charts` are views
of it. The command line (`python -m extract.charts`) lives in `cli.py`.
"""

from extract.charts.layout import ChartFinding, find_chart_findings
from extract.charts.read import extract_charts, find_chart_regions, find_charts

__all__ = [
    "ChartFinding",
    "extract_charts",
    "find_chart_findings",
    "find_chart_regions",
    "find_charts",
]
