"""The raw layer of the warehouse: its tables, and landing one report's extraction into them.

A report's rows are replaced in one transaction, so an extraction that fails, or a landing
that fails halfway, leaves the rows of the previous run in place.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

import duckdb
import pandas as pd

from extract.records import ReportExtraction
from warehouse.manifest import ReportFile

RAW_SCHEMA = "raw"

RAW_TABLES: dict[str, str] = {
    "reports": """
        report_id VARCHAR PRIMARY KEY, file_name VARCHAR, title VARCHAR, publisher VARCHAR,
        published_on DATE, source_url VARCHAR, sha256 VARCHAR, manifest_sha256 VARCHAR,
        page_count INTEGER, extracted_at TIMESTAMP, in_manifest BOOLEAN""",
    "pages": "report_id VARCHAR, page INTEGER, width DOUBLE, height DOUBLE, text VARCHAR",
    "tables": """
        report_id VARCHAR, table_index INTEGER, page INTEGER, x0 DOUBLE, top DOUBLE, x1 DOUBLE,
        bottom DOUBLE, caption VARCHAR, number INTEGER, unit_note VARCHAR, source_line VARCHAR,
        n_rows INTEGER, n_cols INTEGER, header_rows INTEGER, continued_on INTEGER[]""",
    "table_cells": """
        report_id VARCHAR, table_index INTEGER, page INTEGER, row_index INTEGER,
        col_index INTEGER, row_span INTEGER, col_span INTEGER, is_header BOOLEAN, text VARCHAR,
        x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE""",
    "charts": """
        report_id VARCHAR, chart_index INTEGER, page INTEGER, x0 DOUBLE, top DOUBLE, x1 DOUBLE,
        bottom DOUBLE, caption VARCHAR, number INTEGER, kind VARCHAR, unit VARCHAR,
        source_line VARCHAR, status VARCHAR""",
    "chart_points": """
        report_id VARCHAR, chart_index INTEGER, page INTEGER, series VARCHAR, category VARCHAR,
        value DOUBLE, value_source VARCHAR, discrepancy DOUBLE, x0 DOUBLE, top DOUBLE, x1 DOUBLE,
        bottom DOUBLE""",
    "mentions": """
        report_id VARCHAR, mention_index INTEGER, page INTEGER, source_kind VARCHAR,
        table_index INTEGER, chart_index INTEGER, raw_text VARCHAR, value DOUBLE, unit VARCHAR,
        qualifier VARCHAR, period_start DATE, period_end DATE, period_text VARCHAR,
        open_ended BOOLEAN, range_role VARCHAR, non_fact_kind VARCHAR, sentence VARCHAR,
        number_start INTEGER, number_end INTEGER, clause_start INTEGER, clause_end INTEGER,
        previous_sentence VARCHAR, x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE""",
}


def create_raw_layer(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(f"CREATE SCHEMA IF NOT EXISTS {RAW_SCHEMA}")
    for table, columns in RAW_TABLES.items():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {RAW_SCHEMA}.{table} ({columns})")


def _bbox_columns(bbox: tuple[float, float, float, float] | None) -> dict[str, float | None]:
    x0, top, x1, bottom = bbox if bbox is not None else (None, None, None, None)
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom}


def raw_frames(
    report: ReportFile, extraction: ReportExtraction, sha256: str
) -> dict[str, pd.DataFrame]:
    """The rows of every raw table for one report, in the tables' column order."""
    rid = {"report_id": report.report_id}
    rows: dict[str, list[dict]] = {
        "reports": [
            {
                **rid,
                "file_name": report.path.name,
                "title": report.title,
                "publisher": report.publisher,
                "published_on": report.published_on,
                "source_url": report.source_url,
                "sha256": sha256,
                "manifest_sha256": report.manifest_sha256,
                "page_count": extraction.page_count,
                "extracted_at": datetime.now(UTC).replace(tzinfo=None),
                "in_manifest": report.in_manifest,
            }
        ],
        "pages": [{**rid, **asdict(p)} for p in extraction.pages],
        "tables": [],
        "table_cells": [],
        "charts": [],
        "chart_points": [],
        "mentions": [],
    }
    for index, table in enumerate(extraction.tables):
        rows["tables"].append(
            {
                **rid,
                "table_index": index,
                "page": table.page,
                **_bbox_columns(table.bbox),
                "caption": table.caption,
                "number": table.number,
                "unit_note": table.unit_note,
                "source_line": table.source_line,
                "n_rows": table.n_rows,
                "n_cols": table.n_cols,
                "header_rows": table.header_rows,
                "continued_on": list(table.continued_on),
            }
        )
        rows["table_cells"].extend(
            {
                **rid,
                "table_index": index,
                "page": table.page,
                "row_index": c.row,
                "col_index": c.col,
                "row_span": c.row_span,
                "col_span": c.col_span,
                "is_header": c.is_header,
                "text": c.text,
                **_bbox_columns(c.bbox),
            }
            for c in table.cells
        )
    for index, chart in enumerate(extraction.charts):
        rows["charts"].append(
            {
                **rid,
                "chart_index": index,
                "page": chart.page,
                **_bbox_columns(chart.bbox),
                "caption": chart.caption,
                "number": chart.number,
                "kind": chart.kind,
                "unit": chart.unit,
                "source_line": chart.source_line,
                "status": chart.status,
            }
        )
        rows["chart_points"].extend(
            {
                **rid,
                "chart_index": index,
                "page": chart.page,
                "series": series.name,
                "category": point.category,
                "value": point.value,
                "value_source": point.source,
                "discrepancy": point.discrepancy,
                **_bbox_columns(point.bbox),
            }
            for series in chart.series
            for point in series.points
        )
    for index, mention in enumerate(extraction.mentions):
        fields = asdict(mention)
        bbox = fields.pop("bbox")
        rows["mentions"].append({**rid, "mention_index": index, **fields, **_bbox_columns(bbox)})

    frames = {}
    for table, table_rows in rows.items():
        columns = [c.split()[0] for c in " ".join(RAW_TABLES[table].split()).split(", ")]
        frames[table] = pd.DataFrame(table_rows, columns=columns)
    return frames


def replace_report(
    conn: duckdb.DuckDBPyConnection, report_id: str, frames: dict[str, pd.DataFrame]
) -> None:
    """Replace every raw row of `report_id` by `frames`, all or nothing."""
    create_raw_layer(conn)
    conn.execute("BEGIN TRANSACTION")
    try:
        for table, frame in frames.items():
            conn.execute(f"DELETE FROM {RAW_SCHEMA}.{table} WHERE report_id = ?", [report_id])
            conn.register("incoming_rows", frame)
            conn.execute(f"INSERT INTO {RAW_SCHEMA}.{table} BY NAME SELECT * FROM incoming_rows")
            conn.unregister("incoming_rows")
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
