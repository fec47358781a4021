import hashlib
from datetime import date
from pathlib import Path

import pytest

from warehouse.manifest import (
    ManifestError,
    discover_reports,
    file_sha256,
    find_report,
    report_id_from_file_name,
)

HEADER = "report_id,title,publisher,published_on,source_url,sha256,file_name\n"


def _pdf(path: Path, body: bytes = b"%PDF-1.4\n%%EOF\n") -> Path:
    path.write_bytes(body)
    return path


def test_manifest_entry_gives_id_and_metadata(tmp_path):
    _pdf(tmp_path / "rapport.pdf")
    (tmp_path / "manifest.csv").write_text(
        HEADER
        + "ccomptes_2024,Un titre,Cour des comptes,2024-07-15,https://example.org/r,abc,rapport.pdf\n",
        encoding="utf-8",
    )
    (report,) = discover_reports(tmp_path)
    assert report.report_id == "ccomptes_2024"
    assert report.in_manifest and report.published_on == date(2024, 7, 15)
    assert report.title == "Un titre" and report.manifest_sha256 == "abc"


def test_pdf_without_entry_is_kept_with_id_from_file_name(tmp_path):
    _pdf(tmp_path / "Note d'étape (2025).PDF")
    (tmp_path / "manifest.csv").write_text(HEADER, encoding="utf-8")
    (report,) = discover_reports(tmp_path)
    assert report.report_id == "note_d_tape_2025"
    assert not report.in_manifest and report.title is None


def test_no_manifest_at_all(tmp_path):
    _pdf(tmp_path / "a.pdf")
    assert [r.report_id for r in discover_reports(tmp_path)] == ["a"]


def test_manifest_missing_column_names_the_file(tmp_path):
    (tmp_path / "manifest.csv").write_text("report_id,title\nx,y\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest\.csv: missing column"):
        discover_reports(tmp_path)


def test_manifest_bad_date_names_the_line(tmp_path):
    (tmp_path / "manifest.csv").write_text(
        HEADER + "r,t,p,15/07/2024,u,s,r.pdf\n", encoding="utf-8"
    )
    with pytest.raises(ManifestError, match=r"line 2: published_on '15/07/2024'"):
        discover_reports(tmp_path)


def test_two_pdfs_with_one_id_are_refused(tmp_path):
    _pdf(tmp_path / "rapport 1.pdf")
    _pdf(tmp_path / "rapport-1.pdf")
    with pytest.raises(ManifestError, match="rapport_1"):
        discover_reports(tmp_path)


def test_find_report_and_hash(tmp_path):
    pdf = _pdf(tmp_path / "x.pdf", b"%PDF-1.4 abc")
    assert find_report(tmp_path, "x").path == pdf
    assert file_sha256(pdf) == hashlib.sha256(b"%PDF-1.4 abc").hexdigest()
    with pytest.raises(FileNotFoundError, match="'y'"):
        find_report(tmp_path, "y")


def test_report_id_from_file_name():
    name = Path("Rapport DINUM — juillet 2024.pdf")
    assert report_id_from_file_name(name) == "rapport_dinum_juillet_2024"
