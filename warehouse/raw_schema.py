"""The raw layer's tables, declared once: columns, DuckDB types and descriptions.

The Parquet files of every report, the zero-row schema files and the frames shown in
Dagster take their columns and types from here; `tests/test_raw_schema.py` checks that the
dbt sources (`dbt_project/models/staging/_sources.yml`) say the same.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Column:
    name: str
    type: str  # a DuckDB type
    description: str


@dataclass(frozen=True, kw_only=True)
class RawTable:
    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl_columns(self) -> str:
        """The column list of a CREATE TABLE statement."""
        return ", ".join(f'"{c.name}" {c.type}' for c in self.columns)


def _col(name: str, type_: str, description: str) -> Column:
    return Column(name=name, type=type_, description=description)


REPORT_ID = _col("report_id", "VARCHAR", "The report the row was read from.")
PAGE = _col("page", "INTEGER", "1-based page of the PDF.")


def _bbox(what: str) -> tuple[Column, ...]:
    return (
        _col("x0", "DOUBLE", f"Left edge of the {what}, in PDF points from the page's left."),
        _col("top", "DOUBLE", f"Top edge of the {what}, in PDF points from the page's top."),
        _col("x1", "DOUBLE", f"Right edge of the {what}, in PDF points from the page's left."),
        _col("bottom", "DOUBLE", f"Bottom edge of the {what}, in PDF points from the page's top."),
    )


REPORTS = RawTable(
    name="reports",
    description=(
        "One row per report PDF processed, with its manifest metadata (null when the PDF has "
        "no manifest entry)."
    ),
    columns=(
        REPORT_ID,
        _col("file_name", "VARCHAR", "File name of the PDF in the raw folder."),
        _col("title", "VARCHAR", "Title, from the manifest."),
        _col("publisher", "VARCHAR", "Publisher, from the manifest."),
        _col("published_on", "DATE", "Publication date, from the manifest."),
        _col("source_url", "VARCHAR", "Where the PDF was downloaded from, from the manifest."),
        _col("sha256", "VARCHAR", "sha256 of the PDF that was read."),
        _col("manifest_sha256", "VARCHAR", "sha256 the manifest records for the file."),
        _col("page_count", "INTEGER", "Number of pages of the PDF."),
        _col("extracted_at", "TIMESTAMP", "When extraction ran (UTC)."),
        _col("in_manifest", "BOOLEAN", "Whether the manifest has an entry for the file."),
        _col(
            "code_version",
            "VARCHAR",
            "Version of the extraction code that wrote the rows (the raw assets' code_version).",
        ),
    ),
)

PAGES = RawTable(
    name="pages",
    description="Plain text of every page.",
    columns=(
        REPORT_ID,
        PAGE,
        _col("width", "DOUBLE", "Page width in PDF points."),
        _col("height", "DOUBLE", "Page height in PDF points."),
        _col("text", "VARCHAR", "The page's text as pdfplumber extracts it."),
    ),
)

TABLES = RawTable(
    name="tables",
    description="Tables found, with caption, number, unit note, source line and bbox.",
    columns=(
        REPORT_ID,
        _col("table_index", "INTEGER", "0-based index of the table in the report."),
        _col("page", "INTEGER", "1-based page the table starts on."),
        *_bbox("table on its first page"),
        _col("caption", "VARCHAR", 'Caption above the table ("Tableau n° 1 : ...").'),
        _col("number", "INTEGER", "The table's number in its caption."),
        _col("unit_note", "VARCHAR", "Note announcing the unit of the values (\"en M€\")."),
        _col("source_line", "VARCHAR", 'The "Source : ..." line under the table.'),
        _col("n_rows", "INTEGER", "Rows of the grid, header rows included."),
        _col("n_cols", "INTEGER", "Columns of the grid."),
        _col("header_rows", "INTEGER", "How many of the first rows are headers."),
        _col("continued_on", "INTEGER[]", "Pages the table continues on."),
    ),
)

TABLE_CELLS = RawTable(
    name="table_cells",
    description="Cells of the tables (0-based row and column, spans, header flag, text).",
    columns=(
        REPORT_ID,
        _col("table_index", "INTEGER", "The cell's table (raw.tables.table_index)."),
        _col("page", "INTEGER", "1-based page the table starts on."),
        _col("row_index", "INTEGER", "0-based row of the cell's top-left corner."),
        _col("col_index", "INTEGER", "0-based column of the cell's top-left corner."),
        _col("row_span", "INTEGER", "Rows the cell spans."),
        _col("col_span", "INTEGER", "Columns the cell spans."),
        _col("is_header", "BOOLEAN", "Whether the cell is a header."),
        _col("text", "VARCHAR", "The cell's text."),
        *_bbox("cell"),
    ),
)

CHARTS = RawTable(
    name="charts",
    description="Charts found, vector or raster, with caption, kind, unit and extraction status.",
    columns=(
        REPORT_ID,
        _col("chart_index", "INTEGER", "0-based index of the chart in the report."),
        PAGE,
        *_bbox("chart"),
        _col("caption", "VARCHAR", 'Caption above the chart ("Graphique n° 1 : ...").'),
        _col("number", "INTEGER", "The chart's number in its caption."),
        _col(
            "kind",
            "VARCHAR",
            "bar_vertical, bar_horizontal, bar_grouped, bar_stacked, bar_line (bars with a line on "
            "a second axis), line; raster, radar or unknown when not read.",
        ),
        _col("unit", "VARCHAR", 'Unit the chart announces ("en %").'),
        _col("source_line", "VARCHAR", 'The "Source : ..." line under the chart.'),
        _col(
            "status",
            "VARCHAR",
            "extracted, or why not (a raster image, a radar chart, two value axes no series "
            "can be matched to); a chart not read has no points.",
        ),
    ),
)

CHART_POINTS = RawTable(
    name="chart_points",
    description=(
        "Points read from the charts (series, category, value, whether from a printed label "
        "or from geometry)."
    ),
    columns=(
        REPORT_ID,
        _col("chart_index", "INTEGER", "The point's chart (raw.charts.chart_index)."),
        _col("point_index", "INTEGER", "0-based index of the point in its chart."),
        PAGE,
        _col("series", "VARCHAR", "The series (legend entry), null for a single series."),
        _col("category", "VARCHAR", "The category (bar or tick label)."),
        _col("value", "DOUBLE", "The value, in the chart's unit as printed (not scaled)."),
        _col(
            "value_source",
            "VARCHAR",
            "label (printed on the mark) or geometry (read from the mark against the axis).",
        ),
        _col(
            "discrepancy",
            "DOUBLE",
            "|label - geometry| / axis range, when both could be read.",
        ),
        _col(
            "qualifier",
            "VARCHAR",
            'exact, or what the printed label says of the value: above ("> 75"), below, '
            'at_most, approx ("≈ 54", "environ 3").',
        ),
        *_bbox("mark"),
    ),
)

MENTIONS = RawTable(
    name="mentions",
    description=(
        "Numbers read from prose, table cells and chart points, with the value, unit, qualifier "
        "and period the parser resolved and the sentence they were read in. `non_fact_kind` "
        "marks page numbers, footnote calls, section, table, chart and legal reference numbers "
        "and years used as dates. A table number keys its cell (table_index, row_index, "
        "col_index), a chart number its point (chart_index, point_index)."
    ),
    columns=(
        REPORT_ID,
        _col("mention_index", "INTEGER", "0-based index of the mention in the report."),
        PAGE,
        _col("source_kind", "VARCHAR", "text, table or chart."),
        _col("table_index", "INTEGER", "The cell's table, for a table mention."),
        _col("row_index", "INTEGER", "The cell's row (raw.table_cells.row_index)."),
        _col("col_index", "INTEGER", "The cell's column (raw.table_cells.col_index)."),
        _col("chart_index", "INTEGER", "The point's chart, for a chart mention."),
        _col("point_index", "INTEGER", "The point (raw.chart_points.point_index)."),
        _col(
            "value_source",
            "VARCHAR",
            "printed (the number is in the PDF) or geometry (read from a chart's drawing).",
        ),
        _col("raw_text", "VARCHAR", 'The number as printed, with its unit ("9,3 M€").'),
        _col("value", "DOUBLE", "The value resolved in `unit` (9300000)."),
        _col("unit", "VARCHAR", "EUR, EUR_per_year, percent, count, FTE, ratio, months, ..."),
        _col("qualifier", "VARCHAR", "exact, approx, below, above or at_most."),
        _col("period_start", "DATE", "First day the number covers."),
        _col("period_end", "DATE", "Last day the number covers."),
        _col("period_text", "VARCHAR", "The period's wording."),
        _col("open_ended", "BOOLEAN", 'Whether the period runs to the cut-off ("depuis ...").'),
        _col("range_role", "VARCHAR", 'min or max of "entre X et Y", else null.'),
        _col("non_fact_kind", "VARCHAR", "Why the number is not a fact (page_number, ...)."),
        _col(
            "sentence",
            "VARCHAR",
            "The text the number was read in (caption, labels and value for a cell or point).",
        ),
        _col("number_start", "INTEGER", "0-based offset of the number in `sentence`."),
        _col("number_end", "INTEGER", "End offset of the number in `sentence`."),
        _col("clause_start", "INTEGER", "0-based offset of the number's clause."),
        _col("clause_end", "INTEGER", "End offset of the number's clause."),
        _col("previous_sentence", "VARCHAR", "The sentence before, for prose."),
        _col(
            "preceding_text",
            "VARCHAR",
            "The prose before the sentence on its page, paragraphs apart by a blank line.",
        ),
        *_bbox("number"),
    ),
)

RAW_TABLES: dict[str, RawTable] = {
    t.name: t for t in (REPORTS, PAGES, TABLES, TABLE_CELLS, CHARTS, CHART_POINTS, MENTIONS)
}
