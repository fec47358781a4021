"""The raw layer as files: one report's Parquet set replaced at a time, whole or not at all."""

import os
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from extract.records import PageText, ReportExtraction
from warehouse.lock import lock_holder, locked_message
from warehouse.manifest import ReportFile
from warehouse.raw_layer import (
    SCHEMA_FOLDER,
    VERSIONS_FOLDER,
    raw_frames,
    remove_reports,
    table_glob,
    version_of,
    write_report,
    write_schema_files,
)
from warehouse.raw_schema import RAW_TABLES


def _frames(report_id: str, texts: list[str]) -> dict[str, pd.DataFrame]:
    extraction = ReportExtraction(
        report_id=report_id,
        page_count=len(texts),
        pages=[PageText(page=i + 1, width=595, height=842, text=t) for i, t in enumerate(texts)],
        tables=[],
        charts=[],
        mentions=[],
    )
    return raw_frames(
        ReportFile(report_id=report_id, path=Path(f"{report_id}.pdf")), extraction, "0" * 64
    )


def _rows(root: Path, table: str) -> list[tuple]:
    return duckdb.sql(f"SELECT * FROM read_parquet('{table_glob(root, table)}')").fetchall()


def _pages(root: Path, report_id: str) -> list[tuple]:
    return duckdb.sql(
        f"SELECT text FROM read_parquet('{table_glob(root, 'pages')}') "
        f"WHERE report_id = '{report_id}' ORDER BY page"
    ).fetchall()


def test_write_keeps_other_reports_and_replaces_own_files(tmp_path):
    write_report(tmp_path, "a", _frames("a", ["a1", "a2"]))
    write_report(tmp_path, "b", _frames("b", ["b1"]))
    write_report(tmp_path, "a", _frames("a", ["a1 bis"]))
    assert _pages(tmp_path, "a") == [("a1 bis",)]
    assert _pages(tmp_path, "b") == [("b1",)]
    assert len(_rows(tmp_path, "reports")) == 2


def test_swap_is_a_symlink_replaced_in_one_rename(tmp_path):
    first = write_report(tmp_path, "a", _frames("a", ["a1"]))
    link = tmp_path / "a"
    assert link.is_symlink() and version_of(tmp_path, "a") == first
    # A reader that resolved the link before the swap still reads the complete old set.
    held = link.resolve()
    second = write_report(tmp_path, "a", _frames("a", ["a2"]))
    assert version_of(tmp_path, "a") == second != first
    assert duckdb.sql(f"SELECT text FROM '{held / 'pages.parquet'}'").fetchall() == [("a1",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [VERSIONS_FOLDER, SCHEMA_FOLDER, "a"]


def test_old_versions_are_removed_but_the_one_before(tmp_path):
    versions = [write_report(tmp_path, "a", _frames("a", [f"a{i}"])) for i in range(4)]
    kept = sorted((tmp_path / VERSIONS_FOLDER / "a").iterdir())
    assert kept == versions[-2:]
    assert _pages(tmp_path, "a") == [("a3",)]


def test_failed_write_leaves_previous_files(tmp_path):
    write_report(tmp_path, "a", _frames("a", ["a1"]))
    broken = _frames("a", ["a1 new"])
    broken["tables"] = pd.DataFrame({"report_id": ["a"], "page": ["not a page number"]})
    with pytest.raises(duckdb.Error):
        write_report(tmp_path, "a", broken)
    assert _pages(tmp_path, "a") == [("a1",)]
    assert len(list((tmp_path / VERSIONS_FOLDER / "a").iterdir())) == 1


def test_schema_files_have_the_declared_types_and_no_rows(tmp_path):
    write_schema_files(tmp_path)
    for table in RAW_TABLES.values():
        glob = table_glob(tmp_path, table.name)
        described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{glob}')").fetchall()
        assert [(r[0], r[1]) for r in described] == [(c.name, c.type) for c in table.columns]
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall() == [(0,)]


def test_report_files_have_the_declared_types_even_when_empty(tmp_path):
    version = write_report(tmp_path, "a", _frames("a", ["a1"]))
    for table in RAW_TABLES.values():
        path = version / f"{table.name}.parquet"
        described = duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()
        assert [(r[0], r[1]) for r in described] == [(c.name, c.type) for c in table.columns]


def test_report_id_cannot_leave_the_root_or_pass_for_the_schema(tmp_path):
    for report_id in ("_schema", ".versions", "../elsewhere", "a/b"):
        with pytest.raises(ValueError):
            write_report(tmp_path, report_id, _frames(report_id, ["x"]))
    assert not (tmp_path.parent / "elsewhere").exists()


def test_no_versions_left_unlinked_by_a_finished_write(tmp_path):
    write_report(tmp_path, "a", _frames("a", ["a1"]))
    leftovers = [p for p in (tmp_path / VERSIONS_FOLDER / "a").iterdir() if p.is_symlink()]
    assert leftovers == []
    assert os.readlink(tmp_path / "a").startswith(VERSIONS_FOLDER)


def test_remove_reports_drops_the_others_and_their_versions(tmp_path):
    for report_id in ("a", "b", "c"):
        write_report(tmp_path, report_id, _frames(report_id, [f"{report_id}1"]))
    assert remove_reports(tmp_path, {"b"}) == ["a", "c"]
    assert [r[0] for r in _rows(tmp_path, "reports")] == ["b"]
    assert sorted(p.name for p in (tmp_path / VERSIONS_FOLDER).iterdir()) == ["b"]
    assert remove_reports(tmp_path, {"b"}) == []


def test_remove_reports_leaves_what_write_report_did_not_make(tmp_path):
    write_report(tmp_path, "a", _frames("a", ["a1"]))
    (tmp_path / "notes").mkdir()
    (tmp_path / "readme.txt").write_text("kept")
    (tmp_path / "elsewhere").symlink_to(tmp_path / "notes")
    (tmp_path / "sneaky").symlink_to(Path(VERSIONS_FOLDER) / "a")
    assert remove_reports(tmp_path, set()) == ["a"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [VERSIONS_FOLDER, SCHEMA_FOLDER, "notes", "readme.txt", "elsewhere", "sneaky"]
    )
    assert remove_reports(tmp_path / "missing", set()) == []


def test_lock_error_names_its_holder():
    error = (
        'IO Error: Could not set lock on file "/w/dinum.duckdb": Conflicting lock is held in '
        "/usr/bin/python3.11 (PID 4242) by user me. See also https://duckdb.org/docs/"
    )
    holder = lock_holder(error)
    assert holder == "/usr/bin/python3.11 (PID 4242)"
    assert locked_message(Path("/w/dinum.duckdb"), holder) == (
        "the warehouse /w/dinum.duckdb is locked by /usr/bin/python3.11 (PID 4242); "
        "close that session and run again."
    )
    assert lock_holder("Binder Error: table not found") is None
