"""From a report PDF of the raw folder to its Parquet files in the raw layer."""

import functools
import os
import time

import dagster as dg
from dagster._core.definitions.data_version import DATA_VERSION_TAG

from extract.errors import ExtractionError
from extract.guard.limits import Limits
from extract.guard.quality import check_extraction, min_number_share_from_env
from extract.report import extract_report
from orchestration.metadata import table_metadata
from orchestration.partitions import reports_partitions
from orchestration.progress import page_done
from warehouse.code_version import extraction_code_version
from warehouse.manifest import file_sha256, find_report
from warehouse.raw_layer import (
    RAW_SCHEMA,
    landed_row_count,
    landed_version,
    raw_frames,
    write_report,
)
from warehouse.raw_schema import RAW_TABLES
from warehouse.settings import pdf_password, raw_dir, raw_layer_root

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


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            [RAW_SCHEMA, table.name],
            description=table.description,
            deps=[REPORT_PDF],
            group_name="raw",
            kinds={"parquet"},
            code_version=extraction_code_version(),
        )
        for table in RAW_TABLES.values()
    ],
    partitions_def=reports_partitions,
    can_subset=False,
)
def raw_layer(context: dg.AssetExecutionContext):
    """Extract one report PDF (pages, tables, charts, numeric mentions) into its Parquet files.

    The files are written aside and swapped in whole once complete: a PDF that cannot be
    read, or whose new version reads far fewer numbers than the landed one, leaves the files
    of the previous run intact. The warehouse is not opened, so a SQL session on it never
    holds extraction up.
    """
    try:
        report = find_report(raw_dir(), context.partition_key, pdf_password())
    except FileNotFoundError as exc:
        # A partition whose PDF left the raw folder: one line, not a traceback.
        raise dg.Failure(description=f"{exc} (its PDF left the raw folder)") from exc
    # The PDF's sha256 is its data version, shown with the source in the UI.
    sha256 = file_sha256(report.path)
    context.log_event(
        dg.AssetObservation(
            asset_key=REPORT_PDF,
            partition=report.report_id,
            tags={DATA_VERSION_TAG: sha256},
        )
    )
    started = time.perf_counter()
    try:
        extraction = extract_report(
            report.path,
            report.report_id,
            report.password,
            Limits.from_env(os.environ),
            on_page=functools.partial(page_done, report.report_id),
        )
        check_extraction(
            extraction,
            landed_row_count(raw_layer_root(), report.report_id, "mentions"),
            min_number_share_from_env(os.environ),
            file=report.path,
        )
    except ExtractionError as exc:
        # One line for the console; the cause's traceback stays in the run log.
        raise dg.Failure(
            description=f"{report.path}: could not be extracted: {exc.reason}"
        ) from exc
    for page, reason in extraction.skipped_pages:
        context.log.warning(f"{report.path.name}: page {page} skipped: {reason}")
    seconds = time.perf_counter() - started
    frames = raw_frames(report, extraction, sha256)
    folder = write_report(raw_layer_root(), report.report_id, frames)

    if not report.in_manifest:
        context.log.warning(f"{report.path.name}: no entry in manifest.csv; metadata left null")
    elif report.manifest_sha256 and report.manifest_sha256 != sha256:
        context.log.warning(
            f"{report.path.name}: sha256 {sha256} differs from manifest.csv's "
            f"{report.manifest_sha256}; the file was replaced or the manifest is stale"
        )
    # Explicit: Dagster's default derives it from the code version and the inputs' data
    # versions, and a partition's source observation does not reach it, so every PDF read
    # by the same code would get the same one.
    data_version = dg.DataVersion(landed_version(report, sha256))
    for table, frame in frames.items():
        metadata = table_metadata(frame.drop(columns=["report_id"]), len(frame))
        if table == "reports":
            metadata |= {
                "page_count": dg.MetadataValue.int(extraction.page_count),
                "sha256": sha256,
                "in_manifest": report.in_manifest,
                "extraction_seconds": round(seconds, 2),
                "skipped_pages": dg.MetadataValue.json(extraction.skipped_pages),
                "file": dg.MetadataValue.path(str(report.path)),
                "parquet_folder": dg.MetadataValue.path(str(folder)),
            }
        yield dg.MaterializeResult(
            asset_key=[RAW_SCHEMA, table], metadata=metadata, data_version=data_version
        )
