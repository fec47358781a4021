"""The report PDFs of the raw folder and what the manifest says about each.

A PDF is processed whether or not `manifest.csv` lists it: without an entry its report_id
comes from its file name and its metadata stays unknown, and the run says so.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = (
    "report_id",
    "title",
    "publisher",
    "published_on",
    "source_url",
    "sha256",
    "file_name",
)


@dataclass(frozen=True)
class ReportFile:
    report_id: str
    path: Path
    title: str | None = None
    publisher: str | None = None
    published_on: date | None = None
    source_url: str | None = None
    manifest_sha256: str | None = None
    in_manifest: bool = False


class ManifestError(ValueError):
    """The manifest cannot be read; the message names the file and the reason."""


def report_id_from_file_name(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_") or "report"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(raw_dir: Path) -> dict[str, dict[str, str]]:
    """Manifest rows keyed by file name; an absent manifest is an empty one."""
    manifest = raw_dir / MANIFEST_NAME
    if not manifest.exists():
        return {}
    with manifest.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ManifestError(f"{manifest}: missing column(s) {', '.join(missing)}")
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        if not row["file_name"] or not row["report_id"]:
            raise ManifestError(f"{manifest}, line {line}: report_id and file_name are required")
        if row["published_on"]:
            try:
                date.fromisoformat(row["published_on"])
            except ValueError as exc:
                raise ManifestError(
                    f"{manifest}, line {line}: published_on {row['published_on']!r} is not a date "
                    "(YYYY-MM-DD)"
                ) from exc
    return {row["file_name"]: row for row in rows}


def discover_reports(raw_dir: Path) -> list[ReportFile]:
    """Every PDF of the raw folder, sorted by report_id, with its manifest entry if any."""
    manifest = read_manifest(raw_dir)
    reports = []
    for path in sorted(p for p in raw_dir.iterdir() if p.suffix.lower() == ".pdf" and p.is_file()):
        entry = manifest.get(path.name)
        if entry is None:
            reports.append(ReportFile(report_id=report_id_from_file_name(path), path=path))
            continue
        reports.append(
            ReportFile(
                report_id=entry["report_id"],
                path=path,
                title=entry["title"] or None,
                publisher=entry["publisher"] or None,
                published_on=date.fromisoformat(entry["published_on"])
                if entry["published_on"]
                else None,
                source_url=entry["source_url"] or None,
                manifest_sha256=entry["sha256"] or None,
                in_manifest=True,
            )
        )
    ids = [r.report_id for r in reports]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ManifestError(
            f"{raw_dir}: several PDFs share the report_id(s) {', '.join(duplicated)}"
        )
    return sorted(reports, key=lambda r: r.report_id)


def find_report(raw_dir: Path, report_id: str) -> ReportFile:
    for report in discover_reports(raw_dir):
        if report.report_id == report_id:
            return report
    raise FileNotFoundError(f"{raw_dir}: no PDF for report_id {report_id!r}")


def write_manifest_row(manifest: Path, row: dict[str, str]) -> None:
    """Add `row` to the manifest, replacing the row of the same file, sorted by report_id."""
    rows: list[dict[str, str]] = []
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r.get("file_name") != row["file_name"]]
    rows = sorted([*rows, row], key=lambda r: r["report_id"])
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=MANIFEST_COLUMNS, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows({c: r.get(c) or "" for c in MANIFEST_COLUMNS} for r in rows)


def record_in_manifest(raw_dir: Path, file_name: str, sha256: str, source_url: str) -> None:
    """Set the sha256 (and source_url if unknown) of `file_name`, adding a row if it has none."""
    row = read_manifest(raw_dir).get(file_name) or {
        "report_id": report_id_from_file_name(Path(file_name)),
        "file_name": file_name,
    }
    row = {**row, "sha256": sha256, "source_url": row.get("source_url") or source_url}
    write_manifest_row(raw_dir / MANIFEST_NAME, row)
