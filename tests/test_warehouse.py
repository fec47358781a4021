"""Landing in the raw layer: one report replaced at a time, all or nothing."""

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from extract.records import PageText, ReportExtraction
from warehouse.manifest import ReportFile
from warehouse.raw_layer import raw_frames, replace_report


def _frames(report_id: str, texts: list[str]) -> dict[str, pd.DataFrame]:
    extraction = ReportExtraction(
        report_id=report_id,
        page_count=len(texts),
        pages=[PageText(page=i + 1, width=595, height=842, text=t) for i, t in enumerate(texts)],
        tables=[],
        charts=[],
        mentions=[],
    )
    return raw_frames(ReportFile(report_id, Path(f"{report_id}.pdf")), extraction, "0" * 64)


def _pages(conn, report_id):
    return conn.execute(
        "SELECT text FROM raw.pages WHERE report_id = ? ORDER BY page", [report_id]
    ).fetchall()


def test_replace_keeps_other_reports_and_replaces_own_rows():
    conn = duckdb.connect()
    replace_report(conn, "a", _frames("a", ["a1", "a2"]))
    replace_report(conn, "b", _frames("b", ["b1"]))
    replace_report(conn, "a", _frames("a", ["a1 bis"]))
    assert _pages(conn, "a") == [("a1 bis",)]
    assert _pages(conn, "b") == [("b1",)]
    assert conn.execute("SELECT count(*) FROM raw.reports").fetchone() == (2,)


def test_failed_landing_leaves_previous_rows():
    conn = duckdb.connect()
    replace_report(conn, "a", _frames("a", ["a1"]))
    broken = _frames("a", ["a1 new"])
    broken["tables"] = pd.DataFrame({"report_id": ["a"], "page": ["not a page number"]})
    with pytest.raises(duckdb.Error):
        replace_report(conn, "a", broken)
    assert _pages(conn, "a") == [("a1",)]
