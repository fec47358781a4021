"""The report PDFs of the raw folder and what the manifest says about each.

A PDF is processed whether or not `manifest.csv` lists it: without an entry its report_id
comes from its file name and its metadata stays unknown, and the run says so.

A wrong manifest row refuses that row's PDF only, with the line and the field: the other
reports still run. Rows that would give one PDF two identities (two rows for one file) or
two PDFs one identity (one report_id for two files) refuse every PDF involved, since either
way its facts would be counted under a guessed identity.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath, PureWindowsPath

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
# Optional: the password of an encrypted PDF (the environment can give one too).
PASSWORD_COLUMN = "password"
# Spreadsheets on French desktops save CSV in Windows-1252 when not told otherwise.
FALLBACK_ENCODING = "cp1252"
_REPORT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


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
    password: str | None = None


@dataclass(frozen=True)
class RefusedFile:
    """A PDF of the raw folder that is not processed, and why (the manifest line and field)."""

    file_name: str
    report_id: str  # the id its row gave, else the one its file name gives
    reason: str


@dataclass(frozen=True)
class Inventory:
    reports: list[ReportFile]
    refused: list[RefusedFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. the manifest's encoding


class ManifestError(ValueError):
    """The manifest cannot be read at all; the message names the file and the reason."""


def report_id_from_file_name(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_") or "report"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class _Row:
    line: int
    values: dict[str, str]


def _decode(manifest: Path) -> tuple[str, list[str]]:
    data = manifest.read_bytes()
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        note = (
            f"{manifest}: not UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}); "
            f"read as {FALLBACK_ENCODING}. Save it as UTF-8 to silence this note."
        )
        return data.decode(FALLBACK_ENCODING, errors="replace"), [note]


def _read_rows(raw_dir: Path) -> tuple[list[_Row], list[str]]:
    manifest = raw_dir / MANIFEST_NAME
    if not manifest.exists():
        return [], []
    text, notes = _decode(manifest)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fieldnames = [name.strip() for name in reader.fieldnames or []]
        reader.fieldnames = fieldnames
        missing = [c for c in MANIFEST_COLUMNS if c not in fieldnames]
        if missing:
            raise ManifestError(f"{manifest}: missing column(s) {', '.join(missing)}")
        rows = [
            _Row(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k})
            for row in reader
            if any((v or "").strip() for v in row.values() if isinstance(v, str))
        ]
    except csv.Error as exc:
        raise ManifestError(f"{manifest}: not a CSV file ({exc})") from exc
    return rows, notes


def _row_problem(manifest: Path, row: _Row, raw_dir: Path) -> str | None:
    """Why a row cannot be used, naming its line and field; None when it can."""
    where = f"{manifest}, line {row.line}"
    values = row.values
    for required in ("file_name", "report_id"):
        if not values.get(required):
            return f"{where}: {required} is empty"
    name = values["file_name"]
    if (
        PurePosixPath(name).name != name
        or PureWindowsPath(name).name != name
        or name in (".", "..")
    ):
        return f"{where}: file_name {name!r} is not a file of {raw_dir} (no folders, no '..')"
    if not _REPORT_ID_RE.match(values["report_id"]):
        return (
            f"{where}: report_id {values['report_id']!r} must be lower-case letters, digits "
            "and '_'"
        )
    if values.get("published_on"):
        try:
            date.fromisoformat(values["published_on"])
        except ValueError:
            return f"{where}: published_on {values['published_on']!r} is not a date (YYYY-MM-DD)"
    sha = values.get("sha256", "")
    if sha and not re.fullmatch(r"[0-9a-fA-F]{64}", sha):
        return f"{where}: sha256 {sha!r} is not 64 hexadecimal digits"
    return None


def _lines(rows: list[_Row]) -> str:
    numbers = [str(r.line) for r in rows]
    return ", ".join(numbers[:-1]) + " and " + numbers[-1] if len(numbers) > 1 else numbers[0]


def inventory(raw_dir: Path, env_password: str | None = None) -> Inventory:
    """Every PDF of the raw folder, sorted by report_id, with its manifest entry if any.

    `env_password` opens encrypted PDFs whose row gives no password of its own.
    """
    manifest = raw_dir / MANIFEST_NAME
    rows, notes = _read_rows(raw_dir)
    pdfs = sorted(p for p in raw_dir.iterdir() if p.suffix.lower() == ".pdf" and p.is_file())
    present = {p.name for p in pdfs}
    refused: dict[str, str] = {}
    claimed_ids: dict[str, str] = {}
    usable: list[_Row] = []
    for row in rows:
        problem = _row_problem(manifest, row, raw_dir)
        if problem is None:
            usable.append(row)
        elif row.values.get("file_name") in present:
            refused.setdefault(row.values["file_name"], problem)
            if row.values.get("report_id"):
                claimed_ids.setdefault(row.values["file_name"], row.values["report_id"])
        else:
            notes.append(f"{problem}; the row is ignored")

    by_file: dict[str, list[_Row]] = defaultdict(list)
    for row in usable:
        by_file[row.values["file_name"]].append(row)
    for name, same_file in by_file.items():
        if len(same_file) > 1:
            refused.setdefault(
                name, f"{manifest}, lines {_lines(same_file)}: several rows for {name}; keep one"
            )
    entries = {
        name: same[0].values
        for name, same in by_file.items()
        if name not in refused and name in present
    }

    candidates: list[ReportFile] = []
    for path in pdfs:
        if path.name in refused:
            continue
        entry = entries.get(path.name)
        if entry is None:
            candidates.append(
                ReportFile(
                    report_id=report_id_from_file_name(path), path=path, password=env_password
                )
            )
            continue
        candidates.append(
            ReportFile(
                report_id=entry["report_id"],
                path=path,
                title=entry.get("title") or None,
                publisher=entry.get("publisher") or None,
                published_on=date.fromisoformat(entry["published_on"])
                if entry.get("published_on")
                else None,
                source_url=entry.get("source_url") or None,
                manifest_sha256=(entry.get("sha256") or "").lower() or None,
                in_manifest=True,
                password=entry.get(PASSWORD_COLUMN) or env_password,
            )
        )

    by_id: dict[str, list[ReportFile]] = defaultdict(list)
    for report in candidates:
        by_id[report.report_id].append(report)
    reports = []
    for report_id, same_id in by_id.items():
        if len(same_id) == 1:
            reports.extend(same_id)
            continue
        names = ", ".join(r.path.name for r in same_id)
        for report in same_id:
            claimed_ids[report.path.name] = report_id
            refused[report.path.name] = (
                f"{raw_dir}: report_id {report_id!r} is given to several PDFs ({names}); "
                f"give each its own row in {MANIFEST_NAME}"
            )
    return Inventory(
        reports=sorted(reports, key=lambda r: r.report_id),
        refused=[
            RefusedFile(
                name, claimed_ids.get(name) or report_id_from_file_name(Path(name)), reason
            )
            for name, reason in sorted(refused.items())
        ],
        notes=notes,
    )


def discover_reports(raw_dir: Path, env_password: str | None = None) -> list[ReportFile]:
    """The PDFs of the raw folder that can be processed, sorted by report_id."""
    return inventory(raw_dir, env_password).reports


def find_report(raw_dir: Path, report_id: str, env_password: str | None = None) -> ReportFile:
    """The report `report_id` of the raw folder; the error says why when it cannot run."""
    found = inventory(raw_dir, env_password)
    for report in found.reports:
        if report.report_id == report_id:
            return report
    for refused in found.refused:
        if refused.report_id == report_id:
            raise ManifestError(refused.reason)
    raise FileNotFoundError(f"{raw_dir}: no PDF for report_id {report_id!r}")


def read_manifest(raw_dir: Path) -> dict[str, dict[str, str]]:
    """Manifest rows keyed by file name, as written (for tools that rewrite the manifest)."""
    rows, _ = _read_rows(raw_dir)
    return {row.values["file_name"]: row.values for row in rows if row.values.get("file_name")}


def write_manifest_row(manifest: Path, row: dict[str, str]) -> None:
    """Add `row` to the manifest, replacing the row of the same file, sorted by report_id."""
    existing = read_manifest(manifest.parent) if manifest.exists() else {}
    rows = [r for name, r in existing.items() if name != row["file_name"]]
    _write_rows(manifest, [*rows, row])


def _write_rows(manifest: Path, rows: list[dict[str, str]]) -> None:
    rows = sorted(rows, key=lambda r: r["report_id"])
    columns = list(MANIFEST_COLUMNS)
    if any(r.get(PASSWORD_COLUMN) for r in rows):
        columns.append(PASSWORD_COLUMN)
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows({c: r.get(c) or "" for c in columns} for r in rows)


def remove_manifest_row(manifest: Path, file_name: str) -> bool:
    """Drop the row of `file_name` from the manifest; whether it had one."""
    existing = read_manifest(manifest.parent) if manifest.exists() else {}
    if file_name not in existing:
        return False
    rows = [r for name, r in existing.items() if name != file_name]
    _write_rows(manifest, rows)
    return True


def record_in_manifest(raw_dir: Path, file_name: str, sha256: str, source_url: str) -> None:
    """Set the sha256 (and source_url if unknown) of `file_name`, adding a row if it has none."""
    row = read_manifest(raw_dir).get(file_name) or {
        "report_id": report_id_from_file_name(Path(file_name)),
        "file_name": file_name,
    }
    row = {**row, "sha256": sha256, "source_url": row.get("source_url") or source_url}
    write_manifest_row(raw_dir / MANIFEST_NAME, row)
