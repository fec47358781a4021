"""One report read over page ranges in several processes gives the records of one pass.

The PDF is made so that what needs the page before falls on every page break: a sentence
runs on to the next page, a period named on one page frames a figure on the next, a table
is continued on the next page. With ranges of one page, every break is a range boundary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import extract.page_ranges
from extract.errors import ExtractionError
from extract.guard.limits import Limits
from extract.page_ranges import (
    PROCESSES_VARIABLE,
    PageFailure,
    page_ranges,
    processes_from_env,
    read_in_ranges,
)
from extract.report import extract_report
from tests.table_pdfs import BODY, EDGES, HEADER, TEXT_X, Page, make_pdf

PAGES = 8
TABLE_PAGE = 4  # its table runs on to the next page


def _page(number: int) -> object:
    def draw(p: Page) -> None:
        p.text(60, 30, "Rapport public thematique", size=7)  # running header
        # The prose goes under the rows that continue a table at the top of the page.
        top = 130 if number == TABLE_PAGE + 1 else 80
        if number > 1:
            p.text(60, top, f"pour un montant de {number},5 M€ au titre du service {number}.")
            # The year is the one the page before named last.
            p.text(60, top + 15, f"La même année, ses charges ont atteint {number}00 M€.")
        p.text(60, top + 35, f"En {2010 + number}, le service {number} a employé {number}0 agents.")
        if number == TABLE_PAGE:
            p.text(62, 600, "Tableau n° 3 : Charges par branche", size=10)
            tops = p.rows(TEXT_X, 620, [HEADER, *BODY[:2]])
            for y in (tops[0], tops[1], tops[-1]):
                p.line(EDGES[0], y, EDGES[-1], y)
        if number == TABLE_PAGE + 1:
            tops = p.rows(TEXT_X, 70, BODY[2:])
            p.line(EDGES[0], tops[0], EDGES[-1], tops[0])
            p.line(EDGES[0], tops[-1], EDGES[-1], tops[-1])
            p.text(62, tops[-1] + 5, "Source : Cour des comptes", size=8)
        if number < PAGES:
            p.text(60, 760, f"Le service {number + 1} a reçu en fin de période")
        p.text(290, 805, str(number), size=8)  # folio

    return draw


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ranges") / "report.pdf"
    return make_pdf(path, *(_page(n) for n in range(1, PAGES + 1)))


@pytest.fixture
def one_page_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page a range of its own, and processes started whatever the page count."""
    monkeypatch.setattr(extract.page_ranges, "MAX_RANGE_PAGES", 1)
    monkeypatch.setattr(extract.page_ranges, "POOL_MIN_PAGES", 1)


def test_page_ranges_in_processes_give_the_records_of_one_pass(report, monkeypatch):
    one_pass = extract_report(report, "report", processes=1)
    # The features that need the page before are there to be kept.
    [table] = one_pass.tables
    assert (table.page, table.continued_on, table.n_rows) == (TABLE_PAGE, [TABLE_PAGE + 1], 5)
    run_on = [
        m
        for m in one_pass.mentions
        if "a reçu en fin de période pour" in m.sentence and m.unit == "EUR"
    ]
    # (Not on the page that starts with the table's rows: its prose starts under them.)
    assert [m.page for m in run_on] == [n for n in range(2, PAGES + 1) if n != TABLE_PAGE + 1]
    carried = [
        (m.page, m.period_start.year)
        for m in one_pass.mentions
        if m.sentence.startswith("La même année") and m.period_start
    ]
    # (Not after the table's caption either: a title, it ends the year taken up.)
    assert carried == [(n, 2010 + n - 1) for n in range(2, PAGES + 1) if n != TABLE_PAGE + 1]

    monkeypatch.setattr(extract.page_ranges, "MAX_RANGE_PAGES", 1)
    monkeypatch.setattr(extract.page_ranges, "POOL_MIN_PAGES", 1)
    done: list[int] = []
    pooled = extract_report(
        report, "report", processes=2, on_page=lambda page, count: done.append(page)
    )
    assert pooled == one_pass
    assert done == list(range(1, PAGES + 1))


def test_pages_over_the_time_limit_in_the_processes_are_skipped(report, one_page_ranges):
    with pytest.raises(ExtractionError) as refused:
        extract_report(report, "report", limits=Limits(page_seconds=0.001), processes=2)
    over = "over the time limit of 0.001 s per page (DINUM_PAGE_SECONDS)"
    assert refused.value.reason == "no page could be read: " + "; ".join(
        f"page {n}: {over}" for n in range(1, PAGES + 1)
    )


def fail_on_page_three(pdf_page: object, fast_document: object) -> int:
    """A page reader run in the processes: it must be importable there."""
    if pdf_page.page_number == 3:
        raise KeyError("Font")
    return pdf_page.page_number


def test_a_page_failing_in_a_process_is_named_with_its_reason(report, one_page_ranges):
    read = read_in_ranges(report, None, PAGES, fail_on_page_three, processes=2)
    with pytest.raises(PageFailure) as failed:
        list(read)
    assert (failed.value.page_number, failed.value.reason) == (3, "KeyError: 'Font'")
    assert "KeyError" in str(failed.value.__cause__)  # the process's traceback, for the log


def test_ranges_cover_the_pages_in_order_within_the_bound():
    longest = extract.page_ranges.MAX_RANGE_PAGES
    for pages, processes in [(1, 1), (7, 2), (150, 2), (1500, 2), (1500, 1), (33, 8)]:
        ranges = page_ranges(pages, processes)
        assert [first for first, _ in ranges] == [0, *(stop for _, stop in ranges[:-1])]
        assert ranges[-1][1] == pages
        assert all(0 < stop - first <= longest for first, stop in ranges)
    # Several processes get several ranges each, so none waits idle at the end.
    assert len(page_ranges(150, 2)) >= 2 * extract.page_ranges.RANGES_PER_PROCESS


def test_the_process_count_is_capped_by_the_environment():
    cores = processes_from_env({})
    assert cores >= 1
    assert processes_from_env({PROCESSES_VARIABLE: "1"}) == 1
    assert processes_from_env({PROCESSES_VARIABLE: "512"}) == cores
    for wrong in ("0", "two", "-3", "1.5"):
        with pytest.raises(ValueError, match=f"{PROCESSES_VARIABLE}='{wrong}'"):
            processes_from_env({PROCESSES_VARIABLE: wrong})
