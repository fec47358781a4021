"""Plain records that extraction produces from a report PDF.

Every record carries the 1-based page it was read on and a bbox in pdfplumber's frame
(x0, top, x1, bottom, in PDF points, origin top-left). Nothing here knows about Dagster
or DuckDB: the warehouse package lands these records as they are. Records are built by
keyword.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

BBox = tuple[float, float, float, float]



@dataclass(frozen=True, kw_only=True)
class PageText:
    page: int
    width: float
    height: float
    text: str


@dataclass(frozen=True, kw_only=True)
class TableCell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    is_header: bool = False
    bbox: BBox | None = None


@dataclass(kw_only=True)
class ExtractedTable:
    page: int
    bbox: BBox
    cells: list[TableCell]
    n_rows: int
    n_cols: int
    header_rows: int = 0
    caption: str | None = None
    number: int | None = None
    unit_note: str | None = None
    source_line: str | None = None
    continued_on: list[int] = field(default_factory=list)

    def rows(self) -> list[list[str | None]]:
        """The grid as rows of strings; positions covered by a span are None."""
        grid: list[list[str | None]] = [[""] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.row_span):
                for c in range(cell.col, cell.col + cell.col_span):
                    grid[r][c] = None
            grid[cell.row][cell.col] = cell.text
        return grid


@dataclass(frozen=True, kw_only=True)
class ChartPoint:
    category: str
    value: float
    source: str  # "label" (printed on the mark) or "geometry" (read from the axis)
    discrepancy: float | None = None  # |label - geometry| / axis range, when both exist
    bbox: BBox | None = None
    qualifier: str = "exact"  # of a printed label: "> 75" is "above", "≈ 54" "approx"


@dataclass(kw_only=True)
class ChartSeries:
    name: str | None
    points: list[ChartPoint]
    # A series read on a secondary value axis (a line on the right of bars) is in that
    # axis's unit, printed on its ticks or unknown, never in the chart's.
    secondary_axis: bool = False
    unit: str | None = None  # the secondary axis's unit


@dataclass(kw_only=True)
class ExtractedChart:
    page: int
    bbox: BBox
    kind: str  # bar_vertical, bar_horizontal, bar_grouped, bar_stacked, bar_line, line,
    # raster, radar, unknown (the last three with no series: status says why)
    series: list[ChartSeries]
    caption: str | None = None
    number: int | None = None
    unit: str | None = None
    source_line: str | None = None
    status: str = "extracted"  # or "not_extracted: raster image"
    plot_bbox: BBox | None = None  # the plotting area: marks and the axis span

    def points(self) -> list[tuple[ChartSeries, ChartPoint]]:
        """Every point with its series; a point's position here is its point_index."""
        return [(series, point) for series in self.series for point in series.points]


@dataclass(frozen=True, kw_only=True)
class NumericMention:
    """A number read in prose, a table cell or a chart point, with what the parser resolved.

    `sentence` is the text the number was read in; the offsets locate the number and the
    clause around it inside that text, so that SQL can look for wordings near the number.
    """

    page: int
    source_kind: str  # text, table, chart
    raw_text: str  # the number as printed, with its unit: "9,3 M€"
    value: float  # resolved: 9300000.0
    unit: str | None  # EUR, EUR_per_year, percent, count, FTE, ratio, months, ...
    qualifier: str  # exact, approx, below, above, at_most
    period_start: date | None
    period_end: date | None
    period_text: str | None
    open_ended: bool  # "depuis ...": the period runs to the report's cut-off date
    range_role: str | None  # "min" / "max" for "entre 300 et 590", else None
    non_fact_kind: str | None  # page_number, footnote_call, section_number, year, ...
    sentence: str
    number_start: int
    number_end: int
    clause_start: int
    clause_end: int
    previous_sentence: str = ""
    # The prose before the sentence on its page, paragraphs apart by a blank line: where a
    # subject taken up later ("cette messagerie", "elle") was named.
    preceding_text: str = ""
    bbox: BBox | None = None
    value_source: str = "printed"  # or "geometry": read from a chart's drawing, never printed
    # Provenance keys: the table cell (table, row, column) or chart point a number came from.
    table_index: int | None = None
    row_index: int | None = None
    col_index: int | None = None
    chart_index: int | None = None
    point_index: int | None = None


@dataclass(kw_only=True)
class ReportExtraction:
    report_id: str
    page_count: int
    pages: list[PageText]
    tables: list[ExtractedTable]
    charts: list[ExtractedChart]
    mentions: list[NumericMention]
    # Pages left out, each with why: (page, reason), e.g. over the time limit per page.
    skipped_pages: list[tuple[int, str]] = field(default_factory=list)
