"""The reports of the raw folder: list them, add a PDF, remove a report everywhere."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from dinum.fetch import PDF_MAGIC
from orchestration.materialize_all import (
    BUILD,
    QUIET,
    failure_message,
    logged_to,
    materialise_reports,
)
from orchestration.partitions import reports_partitions
from warehouse.manifest import (
    MANIFEST_NAME,
    file_sha256,
    inventory,
    read_manifest,
    remove_manifest_row,
    report_id_from_file_name,
    write_manifest_row,
)
from warehouse.raw_layer import RAW_SCHEMA, remove_reports
from warehouse.settings import pdf_password, raw_dir, raw_layer_root, warehouse_path

# The raw asset whose materialisations date a report's last extraction.
REPORTS_ASSET = dg.AssetKey([RAW_SCHEMA, "reports"])


def _pages_in_warehouse() -> dict[str, int]:
    if not warehouse_path().exists():
        return {}
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        return dict(conn.execute("SELECT report_id, page_count FROM marts.dim_reports").fetchall())


def _last_materialisation(instance: dg.DagsterInstance, report_id: str) -> str | None:
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=REPORTS_ASSET, asset_partitions=[report_id]), limit=1
    ).records
    if not records:
        return None
    moment = datetime.fromtimestamp(records[0].timestamp, tz=UTC)
    return moment.isoformat(timespec="seconds")


def list_reports(instance: dg.DagsterInstance) -> pd.DataFrame:
    """One row per PDF of the raw folder: identity, pages, sha256, last extraction, status."""
    found = inventory(raw_dir(), pdf_password())
    pages = _pages_in_warehouse()
    rows = [
        {
            "report_id": report.report_id,
            "file_name": report.path.name,
            "title": report.title,
            "published_on": report.published_on,
            "pages": pages.get(report.report_id),
            "sha256": file_sha256(report.path),
            "last_materialised": _last_materialisation(instance, report.report_id),
            "status": "ok" if report.in_manifest else "no manifest entry",
        }
        for report in found.reports
    ]
    rows += [
        {
            "report_id": refused.report_id,
            "file_name": refused.file_name,
            "pages": pages.get(refused.report_id),
            "sha256": file_sha256(raw_dir() / refused.file_name),
            "last_materialised": _last_materialisation(instance, refused.report_id),
            "status": f"refused: {refused.reason}",
        }
        for refused in found.refused
    ]
    columns = [
        "report_id",
        "file_name",
        "title",
        "published_on",
        "pages",
        "sha256",
        "last_materialised",
        "status",
    ]
    return pd.DataFrame(rows, columns=columns).sort_values("report_id", ignore_index=True)


def add_report(
    pdf: Path,
    title: str | None = None,
    url: str | None = None,
    published_on: str | None = None,
) -> tuple[str, Path]:
    """Copy `pdf` into the raw folder and write its manifest row; its report_id and path."""
    if published_on is not None:
        try:
            date.fromisoformat(published_on)
        except ValueError:
            raise ValueError(f"published_on {published_on!r} is not a date (YYYY-MM-DD)") from None
    with pdf.open("rb") as handle:
        if handle.read(len(PDF_MAGIC)) != PDF_MAGIC:
            raise ValueError(f"{pdf} is not a PDF (it does not start with {PDF_MAGIC!r})")
    folder = raw_dir()
    target = folder / pdf.name
    if target.exists() and not target.samefile(pdf):
        raise FileExistsError(f"{target} exists already: remove that report first")
    folder.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        with (
            tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as part,
            pdf.open("rb") as source,
        ):
            shutil.copyfileobj(source, part)
        Path(part.name).replace(target)
    row = read_manifest(folder).get(target.name) or {
        "report_id": report_id_from_file_name(target),
        "file_name": target.name,
    }
    given = {"title": title, "source_url": url, "published_on": published_on}
    row = {**row, **{k: v for k, v in given.items() if v is not None}}
    write_manifest_row(folder / MANIFEST_NAME, {**row, "sha256": file_sha256(target)})
    return row["report_id"], target


@dataclass
class Removal:
    report_id: str
    pdf: Path | None  # the file deleted from the raw folder, if it was there
    rebuild_error: str | None  # why the warehouse could not be rebuilt without it


def remove_report(
    instance: dg.DagsterInstance, report_id: str, log_path: Path | None = None
) -> Removal:
    """Delete the report's PDF and manifest row, its raw files and partition; rebuild dbt."""
    found = inventory(raw_dir(), pdf_password())
    files = [r.path.name for r in found.reports if r.report_id == report_id]
    files += [r.file_name for r in found.refused if r.report_id == report_id]
    root = raw_layer_root()
    landed = {entry.name for entry in root.iterdir()} if root.is_dir() else set()
    partitions = set(instance.get_dynamic_partitions(reports_partitions.name))
    if not files and report_id not in landed and report_id not in partitions:
        raise LookupError(f"no report {report_id!r} in {raw_dir()}, the raw layer or Dagster")
    pdf = raw_dir() / files[0] if files else None
    if pdf is not None:
        remove_manifest_row(raw_dir() / MANIFEST_NAME, pdf.name)
        pdf.unlink()
    remove_reports(root, landed - {report_id})
    if report_id in partitions:
        instance.delete_dynamic_partition(reports_partitions.name, report_id)
    with logged_to(log_path):
        build = materialise_reports(instance, [], run_config=QUIET)[BUILD]
    return Removal(report_id, pdf, None if build.success else failure_message(build))
