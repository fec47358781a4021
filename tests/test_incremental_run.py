"""`make run` twice: the second extracts nothing and builds nothing when nothing changed, and a
changed, added or removed report, or new extraction code, is what it redoes.

In the manner of dagster's docs project for dbt: materialise, materialise again, compare. Two
one-page reports on paths of their own; the session's Dagster instance.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from orchestration import materialize_all
from orchestration.materialize_all import BUILD, RunOutcome, failure_message
from orchestration.schedules import daily_refresh
from tests.pdf_fixtures import write_one_page_report
from warehouse import build_inputs, raw_layer
from warehouse.build_inputs import build_inputs_fingerprint, fingerprint_path
from warehouse.code_version import extraction_code_version
from warehouse.manifest import file_sha256, find_report, inventory
from warehouse.raw_layer import landed_version, unchanged_reports, version_of
from warehouse.settings import DBT_PROJECT_DIR, raw_dir, raw_layer_root, warehouse_path

FIRST, SECOND = "note_a", "note_b"


def _write_note(path: Path, users: str) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 760, f"Fin 2023, la messagerie Tchap comptait {users} utilisateurs actifs.")
    pdf.save()


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    """The raw folder (two reports), raw layer, warehouse and pictures of this module."""
    root = tmp_path_factory.mktemp("incremental")
    with pytest.MonkeyPatch.context() as patch:
        for variable, folder in {
            "DINUM_RAW_DIR": root / "raw",
            "DINUM_RAW_LAYER": root / "warehouse" / "raw",
            "DINUM_WAREHOUSE": root / "warehouse" / "dinum.duckdb",
            "DINUM_REPORTS_DIR": root / "reports",
        }.items():
            patch.setenv(variable, str(folder))
        raw_dir().mkdir()
        write_one_page_report(raw_dir() / f"{FIRST}.pdf")
        _write_note(raw_dir() / f"{SECOND}.pdf", "210\u00a0000")
        yield root


def _run(instance: dg.DagsterInstance) -> tuple[RunOutcome, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        outcome = materialize_all.run(instance, materialize_all.QUIET)
    for key, result in outcome.results.items():
        assert result.success, f"{key}: {failure_message(result)}"
    return outcome, out.getvalue()


@pytest.fixture(scope="module")
def built(paths, dagster_instance):
    outcome, _ = _run(dagster_instance)
    assert set(outcome.results) == {FIRST, SECOND, BUILD} and outcome.exit_code == 0
    return dagster_instance


def _tables() -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        names = conn.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "ORDER BY 1"
        ).fetchall()
        # extracted_at is when a report was read: the one column a rerun may change.
        return {
            name: sorted(
                conn.execute(f"SELECT * EXCLUDE (extracted_at) FROM {name}").fetchall()
                if name in ("raw.reports", "staging.stg_reports", "marts.dim_reports")
                else conn.execute(f"SELECT * FROM {name}").fetchall(),
                key=repr,
            )
            for (name,) in names
        }


def _materialisations(instance: dg.DagsterInstance, report_id: str) -> list:
    return instance.fetch_materializations(
        dg.AssetRecordsFilter(
            asset_key=dg.AssetKey(["raw", "reports"]), asset_partitions=[report_id]
        ),
        limit=100,
    ).records


def _users(report_id: str) -> list[tuple]:
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        return conn.execute(
            "SELECT value FROM marts.fct_usage WHERE report_id = ?", [report_id]
        ).fetchall()


def test_a_second_run_extracts_nothing_builds_nothing_and_leaves_the_warehouse_as_is(built):
    tables = _tables()
    before = warehouse_path().stat()
    runs = len(built.get_run_ids())
    materialised = len(_materialisations(built, FIRST))

    outcome, out = _run(built)

    assert outcome.results == {} and outcome.exit_code == 0
    assert outcome.unchanged == [FIRST, SECOND]
    assert f"Unchanged, not extracted: {FIRST}, {SECOND}" in out
    assert "Warehouse not rebuilt: nothing it is built from changed" in out
    after = warehouse_path().stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )
    assert _tables() == tables
    # No run in Dagster, no new materialisation: the assets keep their last data version.
    assert len(built.get_run_ids()) == runs
    assert len(_materialisations(built, FIRST)) == materialised


def test_the_raw_files_carry_the_code_and_data_versions_dagster_records(built):
    report = find_report(raw_dir(), FIRST)
    (record,) = _materialisations(built, FIRST)[:1]
    tags = record.event_log_entry.dagster_event.event_specific_data.materialization.tags
    assert tags["dagster/code_version"] == extraction_code_version()
    assert tags["dagster/data_version"] == landed_version(report, file_sha256(report.path))
    (observation,) = built.fetch_observations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey(["report_pdf"]), asset_partitions=[FIRST]),
        limit=1,
    ).records
    assert observation.asset_observation.tags["dagster/data_version"] == file_sha256(report.path)


def test_a_changed_pdf_is_extracted_again_alone_and_a_removed_one_leaves(built):
    """One run for both, to spare a build: each alone changes the build's inputs (the
    fingerprint test below), so each alone rebuilds."""
    _write_note(raw_dir() / f"{SECOND}.pdf", "250\u00a0000")
    (raw_dir() / f"{FIRST}.pdf").unlink()

    outcome, out = _run(built)

    assert set(outcome.results) == {SECOND, BUILD} and outcome.unchanged == []
    assert f"Removed from the warehouse: {FIRST}" in out
    assert _users(SECOND) == [(250000.0,)] and _users(FIRST) == []


def test_new_extraction_code_or_manifest_entry_or_a_skipped_page_means_extracting_again(
    built, monkeypatch
):
    def unchanged() -> bool:
        (report,) = [r for r in inventory(raw_dir()).reports if r.report_id == SECOND]
        return unchanged_reports(raw_layer_root(), [report]) == [SECOND]

    assert unchanged()
    monkeypatch.setattr(raw_layer, "extraction_code_version", lambda: "another version")
    assert not unchanged()
    monkeypatch.undo()

    manifest = raw_dir() / "manifest.csv"
    manifest.write_text(
        "report_id,title,publisher,published_on,source_url,sha256,file_name\n"
        f"{SECOND},Une note,,,,,{SECOND}.pdf\n",
        encoding="utf-8",
    )
    try:
        assert not unchanged()
    finally:
        manifest.unlink()
    assert unchanged()

    # A page over the time limit was skipped: its landed pages are fewer than the report's.
    pages = version_of(raw_layer_root(), SECOND) / "pages.parquet"
    kept = pages.read_bytes()
    fewer = pages.with_name("fewer.parquet")
    with duckdb.connect() as conn:
        conn.execute(f"COPY (FROM read_parquet('{pages}') LIMIT 0) TO '{fewer}' (FORMAT parquet)")
    fewer.replace(pages)
    try:
        assert not unchanged()
    finally:
        pages.write_bytes(kept)
    assert unchanged()


def test_the_build_fingerprint_follows_the_raw_layer_and_the_dbt_project(
    built, tmp_path, monkeypatch
):
    # The build recorded its inputs (the second run did not build) and the fingerprint is
    # stable; whatever the module's other tests left on disk, it is measured from here.
    assert fingerprint_path(warehouse_path()).is_file()
    recorded = build_inputs_fingerprint()
    assert build_inputs_fingerprint() == recorded
    link = raw_layer_root() / SECOND
    target = link.readlink()
    link.unlink()
    try:
        assert build_inputs_fingerprint() != recorded
    finally:
        link.symlink_to(target)
    assert build_inputs_fingerprint() == recorded

    project = tmp_path / "dbt_project"
    shutil.copytree(DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs"))
    monkeypatch.setattr(build_inputs, "DBT_PROJECT_DIR", project)
    assert build_inputs_fingerprint() == recorded
    model = project / "models" / "marts" / "fct_usage.sql"
    model.write_text(model.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    edited = build_inputs_fingerprint()
    assert edited != recorded
    # What dbt writes into its project is no input of a build.
    (project / "target").mkdir()
    (project / "target" / "run_results.json").write_text("{}", encoding="utf-8")
    assert build_inputs_fingerprint() == edited


def test_the_daily_refresh_requests_only_the_reports_that_changed(built, monkeypatch):
    context = dg.build_schedule_context(
        instance=built, scheduled_execution_time=datetime(2026, 12, 2, 6)
    )
    assert isinstance(daily_refresh(context), dg.SkipReason)
    monkeypatch.setattr(raw_layer, "extraction_code_version", lambda: "another version")
    requested = [r.partition_key for r in daily_refresh(context)]
    assert requested == [r.report_id for r in inventory(raw_dir()).reports] != []
