"""End to end: the shipped report, materialised in-process, against the ledger of 69 facts."""

from __future__ import annotations

import csv
import math
import shutil
import subprocess
import sys
from datetime import date

import dagster as dg
import duckdb
import pytest

from orchestration.materialize_all import (
    BUILD,
    _failure_message,
    fact_marts,
    materialise_reports,
)
from tests.conftest import LEDGER, REPO_ROOT
from warehouse.manifest import discover_reports
from warehouse.settings import raw_dir, warehouse_path

MART_OF_DOMAIN = fact_marts()
CONTRACT_COLUMNS = [
    "fact_key",
    "report_id",
    "subject",
    "metric",
    "segment",
    "value",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
    "source_kind",
    "page",
    "evidence",
]


def _ledger() -> list[dict[str, str]]:
    with LEDGER.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _query(sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse_path()), read_only=True) as conn:
        return conn.execute(sql, params or []).fetchall()


def _marts_snapshot() -> list[tuple]:
    return sorted(
        row for mart in MART_OF_DOMAIN.values() for row in _query(f"SELECT * FROM marts.{mart}")
    )


@pytest.fixture(scope="module")
def instance():
    with dg.instance_for_test() as test_instance:
        yield test_instance


@pytest.fixture(scope="module")
def first_run(instance):
    report_ids = [r.report_id for r in discover_reports(raw_dir())]
    results = materialise_reports(instance, report_ids)
    for name, result in results.items():
        assert result.success, f"{name} failed"
    return results


@pytest.mark.parametrize("fact", _ledger(), ids=lambda f: f["fact_id"])
def test_ledger_fact_is_in_its_mart(first_run, fact):
    mart = MART_OF_DOMAIN[fact["domain"]]
    rows = _query(
        f"""SELECT value, unit, qualifier, period_start, period_end, source_kind, page, evidence
            FROM marts.{mart}
            WHERE subject = ? AND metric = ? AND segment IS NOT DISTINCT FROM ?""",
        [fact["subject"], fact["metric"], fact["segment"] or None],
    )
    expected_period = (
        date.fromisoformat(fact["period_start"]) if fact["period_start"] else None,
        date.fromisoformat(fact["period_end"]) if fact["period_end"] else None,
    )
    matching = [r for r in rows if (r[3], r[4]) == expected_period]
    assert len(matching) == 1, f"{fact['fact_id']}: rows for subject/metric/segment: {rows}"
    value, unit, qualifier, *_ = matching[0]
    assert math.isclose(value, float(fact["value"]), rel_tol=1e-9, abs_tol=1e-9)
    assert unit == fact["unit"]
    assert qualifier == fact["qualifier"]


def test_marts_hold_only_the_ledger_facts(first_run):
    ledger = _ledger()
    for domain, mart in MART_OF_DOMAIN.items():
        expected = sum(1 for f in ledger if f["domain"] == domain)
        (count,) = _query(f"SELECT count(*) FROM marts.{mart}")[0]
        assert count == expected, f"{mart}: {count} rows, ledger has {expected}"


def test_marts_follow_the_contract(first_run):
    for mart in MART_OF_DOMAIN.values():
        columns = [r[0] for r in _query(f"DESCRIBE marts.{mart}")]
        assert columns == CONTRACT_COLUMNS
    kinds = {
        r[0]
        for mart in MART_OF_DOMAIN.values()
        for r in _query(f"SELECT source_kind FROM marts.{mart}")
    }
    assert kinds == {"table", "chart", "text"}
    (tables,) = _query("SELECT count(*) FROM marts.fct_costs WHERE source_kind = 'table'")[0]
    assert tables > 0


def test_dbt_tests_ran_as_passing_asset_checks(first_run):
    evaluations = first_run["build"].get_asset_check_evaluations()
    assert len(evaluations) > 30
    failed = [e.check_name for e in evaluations if not e.passed]
    assert failed == []


def test_non_facts_are_neither_facts_nor_unclassified(first_run):
    kinds = {r[0] for r in _query("SELECT DISTINCT non_fact_kind FROM raw.mentions")}
    assert {"page_number", "footnote_call", "table_number", "chart_number", "year"} <= kinds
    (leaked,) = _query(
        """SELECT count(*) FROM marts.unclassified_mentions u
           JOIN raw.mentions m USING (report_id, mention_index)
           WHERE m.non_fact_kind IS NOT NULL"""
    )[0]
    assert leaked == 0


def test_dim_reports_carries_the_manifest(first_run):
    rows = _query(
        "SELECT report_id, title, publisher, source_url, sha256, page_count FROM marts.dim_reports"
    )
    assert len(rows) == 1
    report_id, title, publisher, source_url, sha256, page_count = rows[0]
    assert publisher == "Cour des comptes" and title and source_url.startswith("https://")
    assert len(sha256) == 64 and page_count >= 10


def test_materialisation_metadata(first_run, instance):
    event = instance.get_latest_materialization_event(dg.AssetKey(["raw", "reports"]))
    metadata = event.asset_materialization.metadata
    assert metadata["page_count"].value >= 10
    assert metadata["row_count"].value == 1
    mentions = instance.get_latest_materialization_event(dg.AssetKey(["raw", "mentions"]))
    assert "|" in mentions.asset_materialization.metadata["preview"].value
    costs = instance.get_latest_materialization_event(dg.AssetKey(["marts", "fct_costs"]))
    assert costs.asset_materialization.metadata["row_count"].value > 0


def test_rerun_changes_nothing(first_run, instance):
    before = _marts_snapshot()
    results = materialise_reports(instance, [r.report_id for r in discover_reports(raw_dir())])
    assert all(r.success for r in results.values())
    assert _marts_snapshot() == before


def test_bad_pdf_fails_clearly_and_loses_nothing(first_run, instance, tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    shutil.copytree(raw_dir(), raw)
    (raw / "rapport_abime.pdf").write_bytes(b"%PDF-1.7\nthis is not a PDF body\n")
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    before = _marts_snapshot()
    (pages_before,) = _query("SELECT count(*) FROM raw.pages")[0]

    results = materialise_reports(instance, ["rapport_abime"])
    failed = results["rapport_abime"]
    assert not failed.success
    failure = next(e for e in failed.all_events if e.is_step_failure)
    message = failure.step_failure_data.user_failure_data.description
    assert "rapport_abime.pdf" in message and "could not be extracted" in message
    assert _query("SELECT count(*) FROM raw.pages")[0][0] == pages_before
    assert _marts_snapshot() == before


def test_pdf_without_manifest_entry_is_processed(first_run, instance, tmp_path, monkeypatch):
    from tests.pdf_fixtures import write_one_page_report

    raw = tmp_path / "raw"
    raw.mkdir()
    write_one_page_report(raw / "Note Flash 2025.pdf")
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    results = materialise_reports(instance, ["note_flash_2025"])
    assert results["note_flash_2025"].success
    rows = _query(
        "SELECT title, publisher, in_manifest, page_count FROM raw.reports "
        "WHERE report_id = 'note_flash_2025'"
    )
    assert rows == [(None, None, False, 1)]
    (facts,) = _query("SELECT count(*) FROM marts.fct_usage WHERE report_id = 'note_flash_2025'")[0]
    assert facts == 1
    unclassified = _query(
        "SELECT value, unit, evidence FROM marts.unclassified_mentions "
        "WHERE report_id = 'note_flash_2025'"
    )
    assert unclassified == [(4.0, "count", "Le service a connu quatre versions successives.")]


def test_chart_facts_come_from_geometry_without_printed_values(
    first_run, instance, tmp_path, monkeypatch
):
    """The reconstruction rebuilt without the values printed on its bars still yields the
    chart facts, read from the bars' geometry within 1 % of the axis range."""
    raw = tmp_path / "raw"
    raw.mkdir()
    subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "build_reconstruction.py"),
            "--no-chart-values",
            "--output",
            str(raw / "geometry_only.pdf"),
        ],
        check=True,
    )
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    assert all(r.success for r in materialise_reports(instance, ["geometry_only"]).values())

    points = _query(
        "SELECT DISTINCT value_source FROM raw.chart_points WHERE report_id = 'geometry_only'"
    )
    assert points == [("geometry",)]
    axis_range = {"non_usage_rate": 80.0, "unique_users_monthly": 25_000.0}
    chart_facts = [f for f in _ledger() if f["metric"] in axis_range]
    for fact in chart_facts:
        rows = _query(
            f"""SELECT value, source_kind FROM marts.{MART_OF_DOMAIN[fact["domain"]]}
                WHERE report_id = 'geometry_only' AND subject = ? AND metric = ?
                  AND period_end = ?""",
            [fact["subject"], fact["metric"], date.fromisoformat(fact["period_end"])],
        )
        assert len(rows) == 1, fact["fact_id"]
        value, source_kind = rows[0]
        assert source_kind == "chart"
        assert abs(value - float(fact["value"])) <= 0.01 * axis_range[fact["metric"]]

    # A value the PDF never printed shows in the evidence as how it was read, not as a number.
    evidences = _query(
        """SELECT DISTINCT m.value_source, f.evidence
           FROM intermediate.int_classified_mentions f
           JOIN raw.mentions m USING (report_id, mention_index)
           WHERE f.report_id = 'geometry_only' AND f.source_kind = 'chart' AND f.is_fact"""
    )
    assert len(evidences) == len(chart_facts)
    for value_source, evidence in evidences:
        assert value_source == "geometry"
        assert evidence.endswith(" : read from the bar's length"), evidence


def test_other_wordings_and_units_of_the_house_style(first_run, instance, tmp_path, monkeypatch):
    from tests.pdf_fixtures import write_other_wordings_report

    raw = tmp_path / "raw"
    raw.mkdir()
    write_other_wordings_report(raw / "autre_redaction.pdf")
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    assert all(r.success for r in materialise_reports(instance, ["autre_redaction"]).values())
    facts = {
        (subject, metric): (value, unit, start, end, kind)
        for mart in MART_OF_DOMAIN.values()
        for subject, metric, value, unit, start, end, kind in _query(
            f"SELECT subject, metric, value, unit, period_start, period_end, source_kind "
            f"FROM marts.{mart} WHERE report_id = 'autre_redaction'"
        )
    }
    year_2023 = (date(2023, 1, 1), date(2023, 12, 31))
    assert facts == {
        ("dinum", "budget_commitment_authorisations"): (79e6, "EUR", *year_2023, "table"),
        ("dinum", "budget_payment_appropriations"): (138e6, "EUR", *year_2023, "table"),
        ("tchap", "messages_monthly"): (
            4.8e6,
            "count",
            date(2022, 1, 1),
            date(2022, 1, 31),
            "text",
        ),
        ("osmose", "active_users"): (48e3, "count", date(2023, 7, 1), date(2023, 9, 30), "text"),
        ("webinaire", "staff_fte"): (3.0, "FTE", None, None, "text"),
    }


def test_facts_join_to_their_table_cell_and_chart_point(first_run):
    """Provenance as keys: a fact's mention names the cell or point it was read from."""
    shipped = [r.report_id for r in discover_reports(raw_dir())]
    facts = "FROM intermediate.int_classified_mentions f WHERE f.is_fact AND f.report_id IN ?"
    cells = _query(
        """SELECT f.raw_text, c.text, c.is_header
           FROM intermediate.int_classified_mentions f
           JOIN raw.table_cells c USING (report_id, table_index, row_index, col_index)
           WHERE f.is_fact AND f.source_kind = 'table' AND f.report_id IN ?""",
        [shipped],
    )
    (table_facts,) = _query(f"SELECT count(*) {facts} AND source_kind = 'table'", [shipped])[0]
    assert table_facts > 0 and len(cells) == table_facts
    for raw_text, text, is_header in cells:
        assert raw_text == " ".join(text.split()) and not is_header

    points = _query(
        """SELECT f.value, p.value, p.value_source, f.evidence, p.category
           FROM intermediate.int_classified_mentions f
           JOIN raw.chart_points p USING (report_id, chart_index, point_index)
           WHERE f.is_fact AND f.source_kind = 'chart' AND f.report_id IN ?""",
        [shipped],
    )
    (chart_facts,) = _query(f"SELECT count(*) {facts} AND source_kind = 'chart'", [shipped])[0]
    assert chart_facts > 0 and len(points) == chart_facts
    for fact_value, point_value, value_source, evidence, category in points:
        assert fact_value == point_value and value_source == "label"
        assert category in evidence


def test_a_sql_session_holds_up_only_the_dbt_build(first_run, instance, tmp_path, monkeypatch):
    """Extraction writes files, not the warehouse: a read-only session open on the warehouse
    lets it run, and the build says in one line which process to close."""
    from tests.pdf_fixtures import write_one_page_report

    raw = tmp_path / "raw"
    raw.mkdir()
    write_one_page_report(raw / "held session.pdf")
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print('open', flush=True); sys.stdin.read()",
            str(warehouse_path()),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "open\n"
        results = materialise_reports(instance, ["held_session"])
    finally:
        holder.communicate(input="")
    assert results["held_session"].success
    assert not results[BUILD].success
    message = _failure_message(results[BUILD])
    # The program is the holder's real executable, the venv's python resolved.
    assert message.startswith(f"the warehouse {warehouse_path()} is locked by /"), message
    assert message.endswith(f" (PID {holder.pid}); close that session and run again."), message
    assert "\n" not in message
