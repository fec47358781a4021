"""The raw layer as files: one folder of Parquet files per report, swapped in whole.

    <root>/<report_id>             symlink to the report's current version
    <root>/.versions/<report_id>/  the versions; the current one and the one before it
    <root>/_schema/<table>.parquet zero-row files, so that `<root>/*/<table>.parquet` always
                                   matches and has its declared types even with no report

A report's files are written into a new version folder, then the report's symlink is
replaced by one pointing there (`os.replace`, an atomic rename): a reader sees the old set
or the new one, never half of each, and an extraction that fails leaves the old set in
place. The version before stays for readers that resolved the link just before the swap;
older ones are removed. Parquet is written by an in-memory DuckDB: nothing here opens the
warehouse, which dbt alone writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
import uuid
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from extract.records import BBox, ReportExtraction
from warehouse.code_version import extraction_code_version
from warehouse.manifest import ReportFile, file_sha256
from warehouse.raw_schema import RAW_TABLES, RawTable

if TYPE_CHECKING:
    import pandas as pd

RAW_SCHEMA = "raw"
SCHEMA_FOLDER = "_schema"
VERSIONS_FOLDER = ".versions"
# A report folder must not pass for the schema or versions folder, nor leave the root.
_REPORT_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def table_glob(root: Path, table: str) -> str:
    """The files of `table` over every report (and the zero-row schema file)."""
    return str(root / "*" / f"{table}.parquet")


def _bbox_columns(bbox: BBox | None) -> dict[str, float | None]:
    x0, top, x1, bottom = bbox if bbox is not None else (None, None, None, None)
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom}


def _report_identity(report: ReportFile, sha256: str) -> dict[str, Any]:
    """What the reports row says of the file and its manifest entry, and of the code that read it:
    the same identity, the same rows."""
    return {
        "report_id": report.report_id,
        "file_name": report.path.name,
        "title": report.title,
        "publisher": report.publisher,
        "published_on": report.published_on,
        "source_url": report.source_url,
        "sha256": sha256,
        "manifest_sha256": report.manifest_sha256,
        "in_manifest": report.in_manifest,
        "code_version": extraction_code_version(),
    }


def landed_version(report: ReportFile, sha256: str) -> str:
    """A digest of what decides the report's raw rows (PDF, manifest entry, code version):
    the raw files' data version, the same exactly when extracting again would write the same."""
    identity = json.dumps(_report_identity(report, sha256), sort_keys=True, default=str)
    return hashlib.sha256(identity.encode()).hexdigest()


def raw_frames(
    report: ReportFile, extraction: ReportExtraction, sha256: str
) -> dict[str, pd.DataFrame]:
    """The rows of every raw table for one report, in the declared column order."""
    # Imported where frames are made: a run with nothing to extract only reads the layer.
    import pandas as pd

    rid = {"report_id": report.report_id}
    rows: dict[str, list[dict]] = {
        "reports": [
            {
                **_report_identity(report, sha256),
                "page_count": extraction.page_count,
                "extracted_at": datetime.now(UTC).replace(tzinfo=None),
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
                "point_index": point_index,
                "page": chart.page,
                "series": series.name,
                "category": point.category,
                "value": point.value,
                "value_source": point.source,
                "discrepancy": point.discrepancy,
                "qualifier": point.qualifier,
                **_bbox_columns(point.bbox),
            }
            for point_index, (series, point) in enumerate(chart.points())
        )
    for index, mention in enumerate(extraction.mentions):
        fields = asdict(mention)
        bbox = fields.pop("bbox")
        rows["mentions"].append({**rid, "mention_index": index, **fields, **_bbox_columns(bbox)})

    frames = {}
    for name, table_rows in rows.items():
        columns = RAW_TABLES[name].column_names
        # pandas drops keys missing from `columns`: a record field left undeclared would vanish.
        undeclared = set().union(*table_rows) - set(columns)
        if undeclared:
            raise ValueError(f"raw.{name}: undeclared column(s) {', '.join(sorted(undeclared))}")
        frames[name] = pd.DataFrame(table_rows, columns=columns)
    return frames


def _write_parquet(
    conn: duckdb.DuckDBPyConnection, table: RawTable, frame: pd.DataFrame, path: Path
) -> None:
    """`frame` as a Parquet file with the declared types, whatever pandas inferred."""
    conn.execute(f'CREATE OR REPLACE TEMP TABLE "{table.name}" ({table.ddl_columns()})')
    conn.register("incoming_rows", frame)
    try:
        conn.execute(f'INSERT INTO "{table.name}" BY NAME SELECT * FROM incoming_rows')
    finally:
        conn.unregister("incoming_rows")
    conn.execute(f"COPY \"{table.name}\" TO '{path}' (FORMAT parquet)")


def write_schema_files(root: Path) -> None:
    """The zero-row file of every raw table, each replaced atomically."""
    import pandas as pd

    folder = root / SCHEMA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as conn:
        for table in RAW_TABLES.values():
            target = folder / f"{table.name}.parquet"
            partial = folder / f".{table.name}.{uuid.uuid4().hex}.parquet"
            _write_parquet(conn, table, pd.DataFrame(columns=table.column_names), partial)
            os.replace(partial, target)


def report_folder(root: Path, report_id: str) -> Path:
    if not _REPORT_ID_RE.fullmatch(report_id):
        raise ValueError(f"report_id {report_id!r} cannot name a folder of the raw layer")
    return root / report_id


def write_report(root: Path, report_id: str, frames: dict[str, pd.DataFrame]) -> Path:
    """Write `frames` as the Parquet files of `report_id` and swap them in; the version folder.

    The files are complete before the report's symlink moves to them, so a failure at any
    point leaves the previous set in place.
    """
    link = report_folder(root, report_id)
    if not (root / SCHEMA_FOLDER).is_dir():
        write_schema_files(root)
    versions = root / VERSIONS_FOLDER / report_id
    versions.mkdir(parents=True, exist_ok=True)
    # Sortable by time, and unique for two extractions of the same report at once.
    version = versions / f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    version.mkdir()
    try:
        with duckdb.connect() as conn:
            for name, frame in frames.items():
                _write_parquet(conn, RAW_TABLES[name], frame, version / f"{name}.parquet")
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    previous = version_of(root, report_id)
    staged_link = versions / f".link-{uuid.uuid4().hex}"
    staged_link.symlink_to(version.relative_to(root))
    os.replace(staged_link, link)
    # Only versions older than the new one: a newer one may be another extraction's, unfinished.
    for old in versions.iterdir():
        if old.is_dir() and old.name < version.name and old != previous:
            shutil.rmtree(old, ignore_errors=True)
    return version


def version_of(root: Path, report_id: str) -> Path | None:
    """The version folder the report's symlink points to, if any."""
    link = report_folder(root, report_id)
    return root / os.readlink(link) if link.is_symlink() else None


def remove_reports(root: Path, keep_ids: set[str]) -> list[str]:
    """Remove the reports not in `keep_ids` from the raw layer; their report_ids, sorted.

    Only report links `write_report` made (a symlink into the report's own versions folder)
    are removed, with their versions; any other entry of `root` is left alone. The link goes
    first, so a reader sees the report whole or not at all.
    """
    removed = []
    for entry in sorted(root.iterdir()) if root.is_dir() else []:
        if entry.name in keep_ids or not _is_report_link(entry):
            continue
        entry.unlink()
        shutil.rmtree(root / VERSIONS_FOLDER / entry.name, ignore_errors=True)
        removed.append(entry.name)
    return removed


def _is_report_link(entry: Path) -> bool:
    if not entry.is_symlink() or not _REPORT_ID_RE.fullmatch(entry.name):
        return False
    # write_report links `<report_id>` to `.versions/<report_id>/<version>`, relative to root.
    return Path(os.readlink(entry)).parent == Path(VERSIONS_FOLDER, entry.name)


def landed_row_count(root: Path, report_id: str, table: str) -> int | None:
    """Rows of `table` in the report's landed version; None when the report never landed."""
    version = version_of(root, report_id)
    if version is None:
        return None
    with duckdb.connect() as conn:
        (count,) = conn.execute(
            "SELECT count(*) FROM read_parquet(?)", [str(version / f"{table}.parquet")]
        ).fetchone()
    return count


def unchanged_reports(root: Path, reports: list[ReportFile]) -> list[str]:
    """The report_ids whose landed files are what extracting them again would write."""
    return [r.report_id for r in reports if is_landed_unchanged(root, r, file_sha256(r.path))]


def is_landed_unchanged(root: Path, report: ReportFile, sha256: str) -> bool:
    """Whether the report's landed files are what extracting it again would write.

    They are when they were read from a PDF of this sha256, with this manifest entry, by this
    extraction code (`code_version`), and no page was skipped (a page over the time limit is
    worth another try). Files landed before the code version was recorded never are.
    """
    version = version_of(root, report.report_id)
    if version is None or not (version / "reports.parquet").is_file():
        return False
    with duckdb.connect() as conn:
        cursor = conn.execute(
            "SELECT * FROM read_parquet(?)", [str(version / "reports.parquet")]
        )
        names = [column[0] for column in cursor.description]
        landed = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        (pages_read,) = conn.execute(
            "SELECT count(*) FROM read_parquet(?)", [str(version / "pages.parquet")]
        ).fetchone()
    if len(landed) != 1:
        return False
    (row,) = landed
    expected = _report_identity(report, sha256)
    return (
        all(name in row and row[name] == value for name, value in expected.items())
        and pages_read == row["page_count"]
    )
