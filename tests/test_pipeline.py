"""End to end: `make run`'s routine on the shared raw folder (see conftest's `pipeline_run`).

The shipped report is checked against the ledger of 69 facts; the other PDFs of the folder
each check one behaviour (no manifest entry, other wordings, values read from geometry, a
file that is not a PDF) on their own report_id.
"""

from __future__ import annotations

import csv
import math
import shutil
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.materialize_all import BUILD, fact_marts, failure_message, materialise_reports
from tests.conftest import (
    BAD_PDF,
    GEOMETRY_ONLY_REPORT,
    LEDGER,
    NO_MANIFEST_REPORT,
    OTHER_WORDINGS_REPORT,
    SHIPPED_REPORT_ID,
)
from warehouse.manifest import report_id_from_file_name
from warehouse.settings import raw_dir, raw_layer_root, warehouse_path

BAD_REPORT = report_id_from_file_name(Path(BAD_PDF))
# Every test here reads the one shared run: pytest-xdist keeps them on one worker.
pytestmark = pytest.mark.xdist_group("pipeline_run")

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
        row
        for mart in [*MART_OF_DOMAIN.values(), "unclassified_mentions"]
        for row in _query(f"SELECT * FROM marts.{mart}")
    )


@pytest.fixture(scope="module")
def first_run(pipeline_run):
    for name, result in pipeline_run.results.items():
        if name != BAD_REPORT:
            assert result.success, f"{name} failed: {failure_message(result)}"
    return pipeline_run


@pytest.fixture(scope="module")
def instance(pipeline_run):
    return pipeline_run.instance


@pytest.mark.parametrize("fact", _ledger(), ids=lambda f: f["fact_id"])
def test_ledger_fact_is_in_its_mart(first_run, fact):
    mart = MART_OF_DOMAIN[fact["domain"]]
    rows = _query(
        f"""SELECT value, unit, qualifier, period_start, period_end, source_kind, page, evidence
            FROM marts.{mart}
            WHERE report_id = ? AND subject = ? AND metric = ?
              AND segment IS NOT DISTINCT FROM ?""",
        [SHIPPED_REPORT_ID, fact["subject"], fact["metric"], fact["segment"] or None],
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
        (count,) = _query(
            f"SELECT count(*) FROM marts.{mart} WHERE report_id = ?", [SHIPPED_REPORT_ID]
        )[0]
        assert count == expected, f"{mart}: {count} rows, ledger has {expected}"
    (unclassified,) = _query(
        "SELECT count(*) FROM marts.unclassified_mentions WHERE report_id = ?", [SHIPPED_REPORT_ID]
    )[0]
    assert unclassified == 0


def test_marts_follow_the_contract(first_run):
    for mart in MART_OF_DOMAIN.values():
        columns = [r[0] for r in _query(f"DESCRIBE marts.{mart}")]
        assert columns == CONTRACT_COLUMNS
    kinds = {
        r[0]
        for mart in MART_OF_DOMAIN.values()
        for r in _query(
            f"SELECT source_kind FROM marts.{mart} WHERE report_id = ?", [SHIPPED_REPORT_ID]
        )
    }
    assert kinds == {"table", "chart", "text"}
    (tables,) = _query("SELECT count(*) FROM marts.fct_costs WHERE source_kind = 'table'")[0]
    assert tables > 0


def test_dbt_tests_ran_as_passing_asset_checks(first_run):
    evaluations = first_run.results[BUILD].get_asset_check_evaluations()
    assert len(evaluations) > 30
    failed = [e.check_name for e in evaluations if not e.passed]
    assert failed == []


def test_non_facts_are_neither_facts_nor_unclassified(first_run):
    kinds = {
        r[0]
        for r in _query(
            "SELECT DISTINCT non_fact_kind FROM raw.mentions WHERE report_id = ?",
            [SHIPPED_REPORT_ID],
        )
    }
    assert {"page_number", "footnote_call", "table_number", "chart_number", "year"} <= kinds
    (leaked,) = _query(
        """SELECT count(*) FROM marts.unclassified_mentions u
           JOIN raw.mentions m USING (report_id, mention_index)
           WHERE m.non_fact_kind IS NOT NULL"""
    )[0]
    assert leaked == 0


def test_dim_reports_carries_the_manifest(first_run):
    rows = _query(
        "SELECT title, publisher, source_url, sha256, page_count FROM marts.dim_reports "
        "WHERE report_id = ?",
        [SHIPPED_REPORT_ID],
    )
    assert len(rows) == 1
    title, publisher, source_url, sha256, page_count = rows[0]
    assert publisher == "Cour des comptes" and title and source_url.startswith("https://")
    assert len(sha256) == 64 and page_count >= 10


def test_materialisation_metadata(first_run, instance):
    (record,) = instance.fetch_materializations(
        dg.AssetRecordsFilter(
            asset_key=dg.AssetKey(["raw", "reports"]), asset_partitions=[SHIPPED_REPORT_ID]
        ),
        limit=1,
    ).records
    metadata = record.asset_materialization.metadata
    assert metadata["page_count"].value >= 10
    assert metadata["row_count"].value == 1
    mentions = instance.get_latest_materialization_event(dg.AssetKey(["raw", "mentions"]))
    assert "|" in mentions.asset_materialization.metadata["preview"].value
    costs = instance.get_latest_materialization_event(dg.AssetKey(["marts", "fct_costs"]))
    assert costs.asset_materialization.metadata["row_count"].value > 0


def test_rerun_changes_nothing(first_run, instance):
    before = _marts_snapshot()
    results = materialise_reports(instance, [k for k in first_run.results if k != BUILD])
    assert all(r.success for key, r in results.items() if key != BAD_REPORT)
    assert _marts_snapshot() == before


def test_bad_pdf_fails_its_report_only(first_run):
    failed = first_run.results[BAD_REPORT]
    assert not failed.success
    message = failure_message(failed)
    assert BAD_PDF in message and "could not be extracted" in message
    assert not any(
        r for r in _query("SELECT 1 FROM marts.dim_reports WHERE report_id = ?", [BAD_REPORT])
    )
    assert first_run.results[BUILD].success


def test_a_landed_report_survives_its_pdf_going_bad(first_run, instance, tmp_path, monkeypatch):
    """The raw files of a report stay as they were when its new PDF cannot be read, and
    nothing is rebuilt when no extraction succeeded."""
    raw = tmp_path / "raw"
    shutil.copytree(raw_dir(), raw)
    (raw / "Note Flash 2025.pdf").write_bytes(b"%PDF-1.7\ntruncated")
    monkeypatch.setenv("DINUM_RAW_DIR", str(raw))
    landed = (raw_layer_root() / NO_MANIFEST_REPORT).resolve()
    before = _marts_snapshot()

    results = materialise_reports(instance, [NO_MANIFEST_REPORT])
    assert not results[NO_MANIFEST_REPORT].success
    assert "Note Flash 2025.pdf" in failure_message(results[NO_MANIFEST_REPORT])
    assert BUILD not in results
    assert (raw_layer_root() / NO_MANIFEST_REPORT).resolve() == landed
    assert _marts_snapshot() == before


def test_pdf_without_manifest_entry_is_processed(first_run):
    rows = _query(
        "SELECT title, publisher, in_manifest, page_count FROM raw.reports WHERE report_id = ?",
        [NO_MANIFEST_REPORT],
    )
    assert rows == [(None, None, False, 1)]
    (facts,) = _query(
        "SELECT count(*) FROM marts.fct_usage WHERE report_id = ?", [NO_MANIFEST_REPORT]
    )[0]
    assert facts == 1
    unclassified = _query(
        "SELECT value, unit, evidence FROM marts.unclassified_mentions WHERE report_id = ?",
        [NO_MANIFEST_REPORT],
    )
    assert unclassified == [(4.0, "count", "Le service a connu quatre versions successives.")]


def test_chart_facts_come_from_geometry_without_printed_values(first_run):
    """The reconstruction rebuilt without the values printed on its bars still yields the
    chart facts, read from the bars' geometry within 1 % of the axis range."""
    points = _query(
        "SELECT DISTINCT value_source FROM raw.chart_points WHERE report_id = ?",
        [GEOMETRY_ONLY_REPORT],
    )
    assert points == [("geometry",)]
    axis_range = {"non_usage_rate": 80.0, "unique_users_monthly": 25_000.0}
    chart_facts = [f for f in _ledger() if f["metric"] in axis_range]
    for fact in chart_facts:
        rows = _query(
            f"""SELECT value, source_kind FROM marts.{MART_OF_DOMAIN[fact["domain"]]}
                WHERE report_id = ? AND subject = ? AND metric = ? AND period_end = ?""",
            [
                GEOMETRY_ONLY_REPORT,
                fact["subject"],
                fact["metric"],
                date.fromisoformat(fact["period_end"]),
            ],
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
           WHERE f.report_id = ? AND f.source_kind = 'chart' AND f.is_fact""",
        [GEOMETRY_ONLY_REPORT],
    )
    assert len(evidences) == len(chart_facts)
    for value_source, evidence in evidences:
        assert value_source == "geometry"
        assert evidence.endswith(" : read from the bar's length"), evidence


def test_other_wordings_and_units_of_the_house_style(first_run):
    facts = {
        (subject, metric): (value, unit, start, end, kind)
        for mart in MART_OF_DOMAIN.values()
        for subject, metric, value, unit, start, end, kind in _query(
            f"SELECT subject, metric, value, unit, period_start, period_end, source_kind "
            f"FROM marts.{mart} WHERE report_id = ?",
            [OTHER_WORDINGS_REPORT],
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
    shipped = [SHIPPED_REPORT_ID]
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
