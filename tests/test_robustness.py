"""Bad PDFs fail with one line naming the file and the reason, and nothing else.

Also the bounds (pre-flight refusal, time limit per page) and the rule that a report is
replaced only by a good extraction.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

import extract.guard.deadline
import extract.report
from extract.errors import ExtractionError
from extract.guard.limits import MIB, Limits
from extract.guard.preflight import preflight
from extract.guard.quality import check_extraction, min_number_share_from_env, number_count
from extract.records import ReportExtraction
from extract.report import extract_report
from tests.hostile_pdfs import (
    write_encrypted_pdf,
    write_inflating_pdf,
    write_no_pages_pdf,
    write_scanned_pdf,
)
from tests.test_tables import _split_table_pdf

SHIPPED_PDF = (
    Path(__file__).resolve().parent.parent / "data/raw/dinum_pilotage_2024_reconstruction.pdf"
)


def write_three_page_report(path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(1, 4):
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, 760, f"En 2023, le service {page} a coûté {page},5 M€ à l'État.")
        pdf.showPage()
    pdf.save()


def refusal(path: Path, **kwargs) -> str:
    with pytest.raises(ExtractionError) as caught:
        extract_report(path, "report", **kwargs)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return caught.value.reason


def test_an_empty_file_is_named_as_such(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert refusal(path) == "empty file (0 bytes)"


def test_a_file_that_is_no_pdf_shows_how_it_starts(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("Réunion du 3 mars : budget\n")
    assert refusal(path).startswith("not a PDF: starts with b'R\\xc3\\xa9union du 3 ")


def test_a_truncated_pdf_is_damaged(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(SHIPPED_PDF.read_bytes()[:40_000])
    assert refusal(path).startswith("damaged PDF: ")


def test_a_pdf_without_pages_is_refused(tmp_path):
    path = tmp_path / "blank.pdf"
    write_no_pages_pdf(path)
    assert refusal(path) == "no pages"


def test_a_scan_without_text_layer_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    write_scanned_pdf(path, pages=3)
    assert refusal(path) == "no text layer: scanned document, 3 pages"


def test_an_encrypted_pdf_asks_for_its_password_and_opens_with_it(tmp_path):
    path = tmp_path / "locked.pdf"
    write_encrypted_pdf(path, "sesame-2024")
    assert refusal(path) == (
        "encrypted PDF: give its password in manifest.csv's password column or DINUM_PDF_PASSWORD"
    )
    assert refusal(path, password="wrong").startswith("encrypted PDF: the password given")
    extraction = extract_report(path, "report", password="sesame-2024")
    assert [m.value for m in extraction.mentions if m.unit == "count"] == [210_000]
    report = preflight(path, Limits(), password="sesame-2024")
    assert report.encrypted and report.decompressed_bytes > 0


def test_an_inflating_pdf_is_refused_quickly_before_parsing(tmp_path):
    # 2 MB on disk, 2 GiB once inflated: pdfminer alone would hold all of it at once.
    path = tmp_path / "bomb.pdf"
    write_inflating_pdf(path, mebibytes=2048)
    assert path.stat().st_size < 3 * MIB
    started = time.monotonic()
    reason = refusal(path)
    assert reason == (
        "decompression bomb: its streams inflate past 256 MiB (limit DINUM_MAX_DECOMPRESSED_MB)"
    )
    assert time.monotonic() - started < 20


def test_a_stream_deflated_twice_is_counted_through_its_chain_of_filters(tmp_path):
    path = tmp_path / "bomb_twice.pdf"
    write_inflating_pdf(path, mebibytes=1024, twice=True)
    assert path.stat().st_size < 64 * 1024
    assert refusal(path).startswith("decompression bomb: ")


def test_an_inflating_pdf_under_the_bound_is_read(tmp_path):
    path = tmp_path / "zeros.pdf"
    write_inflating_pdf(path, mebibytes=3)
    report = preflight(path, Limits(max_decompressed_bytes=4 * MIB))
    assert report.decompressed_bytes == 3 * MIB
    assert report.pages == 1


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        (Limits(max_pages=14), "too many pages: over 14 (limit DINUM_MAX_PAGES)"),
        (Limits(max_objects=50), "too many objects: over 50 (limit DINUM_MAX_OBJECTS)"),
        (Limits(max_file_bytes=MIB // 10), "file too large: 0 MiB, over 0 MiB"),
    ],
)
def test_each_bound_refuses_the_shipped_pdf_when_lowered(limits, reason):
    assert refusal(SHIPPED_PDF, limits=limits).startswith(reason)


def test_the_shipped_pdf_passes_the_preflight_with_default_bounds():
    report = preflight(SHIPPED_PDF, Limits())
    assert report.pages == 16 and not report.encrypted
    assert 0 < report.decompressed_bytes < Limits().max_decompressed_bytes


def test_limits_read_from_the_environment():
    limits = Limits.from_env(
        {"DINUM_MAX_PAGES": "10", "DINUM_MAX_DECOMPRESSED_MB": "64", "DINUM_PAGE_SECONDS": "0"}
    )
    assert limits == Limits(max_pages=10, max_decompressed_bytes=64 * MIB, page_seconds=0)
    assert Limits.from_env({}) == Limits()
    with pytest.raises(ValueError, match="DINUM_MAX_OBJECTS='many'"):
        Limits.from_env({"DINUM_MAX_OBJECTS": "many"})


def loop_forever_on_page_two(monkeypatch):
    """The prose layout of page 2 made to loop, as a parser caught in a cycle would."""
    read_prose = extract.report.read_prose

    def looping(page, exclude=()):
        while page.number == 2:
            pass
        return read_prose(page, exclude=exclude)

    monkeypatch.setattr(extract.report, "read_prose", looping)


def test_a_page_over_the_time_limit_is_skipped_and_the_rest_kept(tmp_path, monkeypatch):
    path = tmp_path / "three.pdf"
    write_three_page_report(path)
    loop_forever_on_page_two(monkeypatch)
    started = time.monotonic()
    extraction = extract_report(path, "report", limits=Limits(page_seconds=2))
    assert time.monotonic() - started < 10
    assert extraction.skipped_pages == [
        (2, "over the time limit of 2 s per page (DINUM_PAGE_SECONDS)")
    ]
    assert [p.page for p in extraction.pages] == [1, 3]
    assert sorted(m.value for m in extraction.mentions if m.unit == "EUR") == [1.5e6, 3.5e6]


def test_a_skipped_page_adds_no_row_to_a_table_it_continues(tmp_path, monkeypatch):
    path = _split_table_pdf(tmp_path / "split.pdf", repeat_header=False)
    whole = extract_report(path, "report").tables
    loop_forever_on_page_two(monkeypatch)
    extraction = extract_report(path, "report", limits=Limits(page_seconds=2))
    assert [p for p, _ in extraction.skipped_pages] == [2]
    [table] = extraction.tables
    assert (whole[0].continued_on, table.continued_on) == ([2], [])
    assert table.n_rows < whole[0].n_rows
    assert {cell.row for cell in table.cells} == set(range(table.n_rows))


def test_off_the_main_thread_a_slow_page_is_skipped_once_read(tmp_path, monkeypatch):
    path = tmp_path / "three.pdf"
    write_three_page_report(path)
    clock = [0.0]
    monkeypatch.setattr(extract.guard.deadline.time, "monotonic", lambda: clock[0])
    read_prose = extract.report.read_prose

    def slow_on_page_two(page, exclude=()):
        clock[0] += 100.0 if page.number == 2 else 0.01
        return read_prose(page, exclude=exclude)

    monkeypatch.setattr(extract.report, "read_prose", slow_on_page_two)
    results = []
    worker = threading.Thread(
        target=lambda: results.append(
            extract_report(path, "report", limits=Limits(page_seconds=60))
        )
    )
    worker.start()
    worker.join()
    assert results[0].skipped_pages[0][0] == 2
    assert [p.page for p in results[0].pages] == [1, 3]


def test_a_reader_failure_names_the_page(tmp_path, monkeypatch):
    path = tmp_path / "three.pdf"
    write_three_page_report(path)

    def broken(page, exclude=()):
        raise KeyError("Font")

    monkeypatch.setattr(extract.report, "read_prose", broken)
    assert refusal(path) == "page 1 could not be read: KeyError: 'Font'"


def extraction_with(numbers: int, skipped: int = 0) -> ReportExtraction:
    mentions = [object()] * numbers
    return ReportExtraction(
        report_id="r",
        page_count=10,
        pages=[],
        tables=[],
        charts=[],
        mentions=mentions,  # type: ignore[arg-type]
        skipped_pages=[(page, "over the time limit") for page in range(1, skipped + 1)],
    )


def test_far_fewer_numbers_than_the_previous_version_is_refused():
    with pytest.raises(ExtractionError) as caught:
        check_extraction(extraction_with(12, skipped=3), 310, min_share=0.5, file="r.pdf")
    assert str(caught.value) == (
        "r.pdf: far fewer numbers than its previous version: 12 against 310; 3 page(s) skipped; "
        "its landed rows are kept (threshold DINUM_MIN_NUMBER_SHARE=0.5)"
    )


@pytest.mark.parametrize(
    ("numbers", "previous", "share"),
    [(155, 310, 0.5), (400, 310, 0.5), (3, None, 0.5), (0, 0, 0.5), (1, 310, 0.0)],
)
def test_an_extraction_near_or_above_its_previous_version_is_accepted(numbers, previous, share):
    check_extraction(extraction_with(numbers), previous, share)


def test_the_number_share_is_read_from_the_environment():
    assert number_count(extraction_with(7)) == 7
    assert min_number_share_from_env({}) == 0.5
    assert min_number_share_from_env({"DINUM_MIN_NUMBER_SHARE": "0.8"}) == 0.8
    with pytest.raises(ValueError, match="DINUM_MIN_NUMBER_SHARE='2'"):
        min_number_share_from_env({"DINUM_MIN_NUMBER_SHARE": "2"})
