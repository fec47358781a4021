"""From a report PDF of the raw folder to the raw layer of the warehouse."""

import time

import dagster as dg
from dagster_duckdb import DuckDBResource

from extract.report import extract_report
from orchestration.metadata import table_metadata
from orchestration.partitions import reports_partitions
from warehouse.manifest import file_sha256, find_report
from warehouse.raw_layer import RAW_SCHEMA, RAW_TABLES, raw_frames, replace_report
from warehouse.settings import raw_dir

REPORT_PDF = dg.AssetKey(["report_pdf"])

report_pdf = dg.AssetSpec(
    REPORT_PDF,
    description=(
        "A report PDF dropped into the raw folder (DINUM_RAW_DIR, default data/raw), one "
        "partition per file, keyed by its report_id in data/raw/manifest.csv or its file name."
    ),
    group_name="sources",
    partitions_def=reports_partitions,
    kinds={"pdf"},
)

RAW_DESCRIPTIONS = {
    "reports": "One row per report: manifest metadata, sha256, page count, extraction time.",
    "pages": "Plain text of every page.",
    "tables": "Tables found, with caption, number, unit note, source line and bbox.",
    "table_cells": "Cells of the tables, with spans and header flags.",
    "charts": "Charts found (vector or raster), with caption, kind, unit and status.",
    "chart_points": "Points read back from the charts' drawing or printed labels.",
    "mentions": "Numbers of prose, table cells and chart points: value, unit, qualifier, period.",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            [RAW_SCHEMA, table],
            description=RAW_DESCRIPTIONS[table],
            deps=[REPORT_PDF],
            group_name="raw",
            kinds={"duckdb"},
        )
        for table in RAW_TABLES
    ],
    partitions_def=reports_partitions,
    can_subset=False,
)
def raw_layer(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Extract one report PDF (pages, tables, charts, numeric mentions) and replace its raw rows.

    Extraction runs before the warehouse is touched, and the rows are replaced in one
    transaction: a PDF that cannot be read leaves the rows of the previous run intact.
    """
    report = find_report(raw_dir(), context.partition_key)
    started = time.perf_counter()
    try:
        extraction = extract_report(report.path, report.report_id)
    except Exception as exc:
        raise dg.Failure(
            description=f"{report.path}: could not be extracted ({type(exc).__name__}: {exc}); "
            "the warehouse was not touched.",
        ) from exc
    seconds = time.perf_counter() - started
    sha256 = file_sha256(report.path)
    frames = raw_frames(report, extraction, sha256)
    with duckdb.get_connection() as conn:
        replace_report(conn, report.report_id, frames)

    if not report.in_manifest:
        context.log.warning(f"{report.path.name}: no entry in manifest.csv; metadata left null")
    elif report.manifest_sha256 and report.manifest_sha256 != sha256:
        context.log.warning(
            f"{report.path.name}: sha256 {sha256} differs from manifest.csv's "
            f"{report.manifest_sha256}; the file was replaced or the manifest is stale"
        )
    for table, frame in frames.items():
        metadata = table_metadata(frame.drop(columns=["report_id"]), len(frame))
        if table == "reports":
            metadata |= {
                "page_count": dg.MetadataValue.int(extraction.page_count),
                "sha256": sha256,
                "in_manifest": report.in_manifest,
                "extraction_seconds": round(seconds, 2),
                "file": dg.MetadataValue.path(str(report.path)),
            }
        yield dg.MaterializeResult(asset_key=[RAW_SCHEMA, table], metadata=metadata)
