import hashlib
import re
from datetime import date
from pathlib import Path

import pytest

from warehouse.manifest import (
    ManifestError,
    discover_reports,
    file_sha256,
    find_report,
    inventory,
    report_id_from_file_name,
)

HEADER = "report_id,title,publisher,published_on,source_url,sha256,file_name\n"
SHA = "ab" * 32


def _pdf(path: Path, body: bytes = b"%PDF-1.4\n%%EOF\n") -> Path:
    path.write_bytes(body)
    return path


def test_manifest_entry_gives_id_and_metadata(tmp_path):
    _pdf(tmp_path / "rapport.pdf")
    (tmp_path / "manifest.csv").write_text(
        HEADER
        + f"ccomptes_2024,Un titre,Cour des comptes,2024-07-15,https://example.org/r,{SHA},rapport.pdf\n",
        encoding="utf-8",
    )
    (report,) = discover_reports(tmp_path)
    assert report.report_id == "ccomptes_2024"
    assert report.in_manifest and report.published_on == date(2024, 7, 15)
    assert report.title == "Un titre" and report.manifest_sha256 == SHA


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


def _manifest(folder: Path, *rows: str, encoding: str = "utf-8") -> None:
    text = HEADER + "".join(f"{row}\n" for row in rows)
    (folder / "manifest.csv").write_bytes(text.encode(encoding))


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("r,t,p,15/07/2024,u,,bad.pdf", r"line 3: published_on '15/07/2024' is not a date"),
        (",t,p,,u,,bad.pdf", r"line 3: report_id is empty"),
        ("Rapport Bad,t,p,,u,,bad.pdf", r"line 3: report_id 'Rapport Bad' must be lower-case"),
        ("r,t,p,,u,xyz,bad.pdf", r"line 3: sha256 'xyz' is not 64 hexadecimal digits"),
    ],
)
def test_wrong_row_refuses_its_pdf_only(tmp_path, row, reason):
    _pdf(tmp_path / "good.pdf")
    _pdf(tmp_path / "bad.pdf")
    _manifest(tmp_path, "good_one,Bon,Cour,2024-01-02,u,,good.pdf", row)
    found = inventory(tmp_path)
    assert [r.report_id for r in found.reports] == ["good_one"]
    (refused,) = found.refused
    assert refused.file_name == "bad.pdf"
    assert "manifest.csv" in refused.reason
    assert re.search(reason, refused.reason), refused.reason
    with pytest.raises(ManifestError, match="line 3"):
        find_report(tmp_path, refused.report_id)


def test_two_rows_for_one_file_refuse_it_with_both_lines(tmp_path):
    _pdf(tmp_path / "rapport.pdf")
    _pdf(tmp_path / "autre.pdf")
    _manifest(tmp_path, "un,,,,,,rapport.pdf", "autre,,,,,,autre.pdf", "deux,,,,,,rapport.pdf")
    found = inventory(tmp_path)
    assert [r.report_id for r in found.reports] == ["autre"]
    (refused,) = found.refused
    assert "lines 2 and 4: several rows for rapport.pdf" in refused.reason


def test_one_id_for_two_files_refuses_both(tmp_path):
    _pdf(tmp_path / "a.pdf")
    _pdf(tmp_path / "b.pdf")
    _manifest(tmp_path, "meme,,,,,,a.pdf", "meme,,,,,,b.pdf")
    found = inventory(tmp_path)
    assert found.reports == []
    assert [r.file_name for r in found.refused] == ["a.pdf", "b.pdf"]
    assert all("report_id 'meme' is given to several PDFs" in r.reason for r in found.refused)


def test_two_pdfs_with_one_id_from_their_names_are_refused(tmp_path):
    _pdf(tmp_path / "rapport 1.pdf")
    _pdf(tmp_path / "rapport-1.pdf")
    found = inventory(tmp_path)
    assert found.reports == []
    assert all("rapport_1" in r.reason for r in found.refused)


@pytest.mark.parametrize("name", ["../dehors.pdf", "/etc/x.pdf", "sous/dossier.pdf", "..\\x.pdf"])
def test_file_name_leaving_the_folder_is_refused_with_a_message(tmp_path, name):
    _pdf(tmp_path / "a.pdf")
    _manifest(tmp_path, f"dehors,,,,,,{name}")
    found = inventory(tmp_path)
    assert [r.report_id for r in found.reports] == ["a"]
    assert any("is not a file of" in note and "line 2" in note for note in found.notes)


def test_bom_is_read(tmp_path):
    _pdf(tmp_path / "a.pdf")
    _manifest(tmp_path, "avec_bom,Titre,,,,,a.pdf", encoding="utf-8-sig")
    found = inventory(tmp_path)
    assert [(r.report_id, r.title) for r in found.reports] == [("avec_bom", "Titre")]
    assert found.notes == []


def test_latin1_is_read_and_said(tmp_path):
    _pdf(tmp_path / "a.pdf")
    _manifest(tmp_path, "latin,Numérique de l'État,,,,,a.pdf", encoding="latin-1")
    found = inventory(tmp_path)
    assert [(r.report_id, r.title) for r in found.reports] == [("latin", "Numérique de l'État")]
    (note,) = found.notes
    assert "manifest.csv: not UTF-8" in note and "cp1252" in note


def test_not_a_csv_names_the_file(tmp_path):
    (tmp_path / "manifest.csv").write_text('report_id,"title\n"x', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest\.csv"):
        inventory(tmp_path)


def test_password_from_row_or_environment(tmp_path):
    _pdf(tmp_path / "a.pdf")
    _pdf(tmp_path / "b.pdf")
    (tmp_path / "manifest.csv").write_text(
        HEADER.rstrip("\n") + ",password\n" + "a,,,,,,a.pdf,secret\n", encoding="utf-8"
    )
    found = {r.report_id: r.password for r in discover_reports(tmp_path, env_password="env")}
    assert found == {"a": "secret", "b": "env"}


def test_find_report_and_hash(tmp_path):
    pdf = _pdf(tmp_path / "x.pdf", b"%PDF-1.4 abc")
    assert find_report(tmp_path, "x").path == pdf
    assert file_sha256(pdf) == hashlib.sha256(b"%PDF-1.4 abc").hexdigest()
    with pytest.raises(FileNotFoundError, match="'y'"):
        find_report(tmp_path, "y")


def test_report_id_from_file_name():
    name = Path("Rapport DINUM — juillet 2024.pdf")
    assert report_id_from_file_name(name) == "rapport_dinum_juillet_2024"
