"""End to end: `make run`'s routine, run once on one raw folder that holds every test PDF.

The shipped report is checked against the ledger of 69 facts; the other PDFs of the folder
each check one behaviour on their own report_id (no manifest entry, other wordings, values
read from geometry, a file that is not a PDF, renderings of the generalisation corpus).
Every test that reads this one run lives in this module, which `make test` keeps on one
pytest-xdist worker (`--dist loadfile`).
"""

from __future__ import annotations

import base64
import contextlib
import csv
import html
import io
import json
import math
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.materialize_all import (
    BUILD,
    QUIET,
    failure_message,
    materialise_reports,
)
from orchestration.partitions import reports_partitions
from scripts.generalisation.corpus import FLOOR_RENDERINGS, Rendering
from scripts.generalisation.pipeline import read_facts
from scripts.generalisation.scoring import read_ledger, score
from tests.conftest import LEDGER
from warehouse.atomic_build import building_path
from warehouse.manifest import file_sha256, report_id_from_file_name
from warehouse.marts import fact_marts
from warehouse.pictures import page_path
from warehouse.settings import raw_dir, raw_layer_root, reports_dir, warehouse_path

SHIPPED_REPORT_ID = "dinum_pilotage_2024"
# The PDFs that join the shipped report in the run, by report_id.
NO_MANIFEST_REPORT = "note_flash_2025"  # "Note Flash 2025.pdf", no manifest row
OTHER_WORDINGS_REPORT = "autre_redaction"
GEOMETRY_ONLY_REPORT = "geometry_only"  # the reconstruction without values on its bars
IMPOSSIBLE_VALUES_REPORT = "valeurs_impossibles"
UNSUPPORTED_FIGURES_REPORT = "chiffres_non_etayes"
TABLE_READINGS_REPORT = "lectures_de_tableaux"  # tests/table_reports.py
# Landed in the raw layer before the run, with no PDF in the raw folder.
GONE_REPORT = "rapport_retire"
BAD_PDF = "rapport_abime.pdf"
BAD_REPORT = report_id_from_file_name(Path(BAD_PDF))

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
# Columns the marts add to the contract's, after them (docs/warehouse.md).
EXTENSION_COLUMNS = ["value_int"]


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


@dataclass
class PipelineRun:
    """What `make run`'s routine returned and printed on the shared raw folder."""

    exit_code: int
    results: dict
    out: str
    err: str
    log: str  # what dbt and Dagster printed, kept off the terminal
    instance: object


def _fill_raw_folder(raw: Path) -> None:
    from scripts.build_reconstruction import build_pdf
    from scripts.generalisation.corpus import FLOOR_RENDERINGS, build
    from scripts.generalisation.pipeline import PUBLISHED_ON
    from tests.pdf_fixtures import (
        write_impossible_values_report,
        write_one_page_report,
        write_other_wordings_report,
        write_unsupported_figures_report,
    )
    from tests.table_reports import write_table_readings_report
    from warehouse.manifest import MANIFEST_NAME, file_sha256, write_manifest_row

    write_one_page_report(raw / "Note Flash 2025.pdf")
    write_other_wordings_report(raw / f"{OTHER_WORDINGS_REPORT}.pdf")
    write_impossible_values_report(raw / f"{IMPOSSIBLE_VALUES_REPORT}.pdf")
    write_unsupported_figures_report(raw / f"{UNSUPPORTED_FIGURES_REPORT}.pdf")
    write_table_readings_report(raw / f"{TABLE_READINGS_REPORT}.pdf")
    build_pdf(raw / f"{GEOMETRY_ONLY_REPORT}.pdf", show_values=False)
    (raw / BAD_PDF).write_bytes(b"%PDF-1.7\nthis is not a PDF body\n")
    for pdf in build(FLOOR_RENDERINGS, raw):
        write_manifest_row(
            raw / MANIFEST_NAME,
            {
                "report_id": pdf.stem,
                "title": pdf.stem,
                "publisher": "Cour des comptes",
                "published_on": PUBLISHED_ON,
                "sha256": file_sha256(pdf),
                "file_name": pdf.name,
            },
        )


def _land_report_without_pdf(root: Path, report_id: str) -> None:
    from extract.records import PageText, ReportExtraction
    from warehouse.manifest import ReportFile
    from warehouse.raw_layer import raw_frames, write_report

    extraction = ReportExtraction(
        report_id=report_id,
        page_count=1,
        pages=[PageText(page=1, width=595, height=842, text="Un rapport retiré.")],
        tables=[],
        charts=[],
        mentions=[],
    )
    report = ReportFile(report_id=report_id, path=Path(f"{report_id}.pdf"))
    write_report(root, report_id, raw_frames(report, extraction, "0" * 64))


@pytest.fixture(scope="module")
def pipeline_run(dagster_instance, tmp_path_factory):
    """`make run`'s routine, once, on the shipped report and every end-to-end test PDF."""
    from orchestration import materialize_all
    from warehouse.settings import raw_dir

    _fill_raw_folder(raw_dir())
    _land_report_without_pdf(raw_layer_root(), GONE_REPORT)
    dagster_instance.add_dynamic_partitions(reports_partitions.name, [GONE_REPORT])
    out, err = io.StringIO(), io.StringIO()
    log = tmp_path_factory.mktemp("run_log") / "make_run.log"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        outcome = materialize_all.run(dagster_instance, materialize_all.QUIET, log)
    return PipelineRun(
        outcome.exit_code,
        outcome.results,
        out.getvalue(),
        err.getvalue(),
        log.read_text(encoding="utf-8"),
        dagster_instance,
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
    assert not _query(
        "SELECT * FROM marts.fact_candidates WHERE report_id = ?", [SHIPPED_REPORT_ID]
    )


def test_marts_follow_the_contract(first_run):
    for mart in MART_OF_DOMAIN.values():
        columns = [r[0] for r in _query(f"DESCRIBE marts.{mart}")]
        assert columns == CONTRACT_COLUMNS + EXTENSION_COLUMNS
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


def test_the_facts_view_holds_every_fact_with_its_domain(first_run):
    by_domain = dict(_query("SELECT domain, count(*) FROM marts.facts GROUP BY domain"))
    for domain, mart in MART_OF_DOMAIN.items():
        (count,) = _query(f"SELECT count(*) FROM marts.{mart}")[0]
        assert by_domain.get(domain, 0) == count
        (missing,) = _query(
            f"""SELECT count(*) FROM marts.{mart} m
                WHERE NOT EXISTS (SELECT 1 FROM marts.facts f
                                  WHERE f.fact_key = m.fact_key AND f.domain = ?)""",
            [domain],
        )[0]
        assert missing == 0, f"{mart}: {missing} facts missing from marts.facts"
    assert set(by_domain) <= set(MART_OF_DOMAIN)


def test_counts_are_integers_and_other_units_are_not(first_run):
    rows = _query(
        """SELECT f.value, f.value_int, m.is_count
           FROM marts.facts f JOIN marts.dim_metrics m USING (metric)"""
    )
    counts = [(value, value_int) for value, value_int, is_count in rows if is_count]
    assert counts, "no count among the facts"
    for value, value_int in counts:
        if value == int(value):
            assert isinstance(value_int, int) and value_int == value
        else:
            assert value_int is None
    assert all(value_int is None for _, value_int, is_count in rows if not is_count)


def test_every_fact_metric_has_a_label_and_a_definition(first_run):
    rows = _query(
        """SELECT DISTINCT f.metric, m.label, m.definition, m.unit = f.unit
           FROM marts.facts f LEFT JOIN marts.dim_metrics m USING (metric)"""
    )
    assert rows
    for metric, label, definition, same_unit in rows:
        assert label and definition, metric
        assert same_unit, f"{metric}: its facts are not in its unit"


def test_every_mart_and_column_carries_its_description(first_run):
    """persist_docs stores the schema yml's descriptions as DuckDB comments."""
    relations = _query(
        """SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'marts'
           UNION ALL
           SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'marts'"""
    )
    assert {name for name, _ in relations} >= {*MART_OF_DOMAIN.values(), "facts", "dim_metrics"}
    assert [name for name, comment in relations if not comment] == []
    uncommented = _query(
        """SELECT table_name || '.' || column_name FROM duckdb_columns()
           WHERE schema_name = 'marts' AND (comment IS NULL OR trim(comment) = '')"""
    )
    assert uncommented == []


def test_the_run_draws_the_pictures_and_a_page_of_every_fact(first_run, instance):
    event = instance.get_latest_materialization_event(dg.AssetKey(["reports", "pictures"]))
    metadata = event.asset_materialization.metadata
    page = Path(metadata["page"].value)
    assert page == page_path(reports_dir())
    assert f"Pictures of the facts: {page}" in first_run.out
    text = page.read_text(encoding="utf-8")
    images = [key for key, value in metadata.items() if isinstance(value, dg.MarkdownMetadataValue)]
    assert images, "no picture attached to the materialisation"
    for name in images:
        png = reports_dir() / f"{name}.png"
        encoded = base64.b64encode(png.read_bytes()).decode("ascii")
        assert metadata[name].value.endswith(f"(data:image/png;base64,{encoded})")
        assert encoded in text
    facts = _query("SELECT fact_key, page, evidence FROM marts.facts")
    assert metadata["facts"].value == len(facts) > 0
    for fact_key, source_page, evidence in facts:
        start = text.index(f'<tr id="{fact_key}">')
        row = text[start : text.index("</tr>", start)]
        assert html.escape(evidence) in row and f">{source_page}</td>" in row


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


# A reader that counts the shipped report's costs each time it reads a line.
_READER = """
import duckdb, sys
conn = duckdb.connect(sys.argv[1], read_only=True)
for report_id in sys.stdin:
    query = "SELECT count(*) FROM marts.fct_costs WHERE report_id = ?"
    print(conn.execute(query, [report_id.strip()]).fetchone()[0], flush=True)
"""


def test_rerun_changes_nothing_and_a_held_sql_session_does_not_block_it(first_run, instance):
    """Materialised twice, the marts are the same; a SQL session open on the warehouse during
    the rerun blocks nothing and keeps reading the file it opened."""
    before = _marts_snapshot()
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(warehouse_path())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )

    def costs_seen() -> int:
        reader.stdin.write(f"{SHIPPED_REPORT_ID}\n")
        reader.stdin.flush()
        return int(reader.stdout.readline())

    try:
        seen = costs_seen()
        results = materialise_reports(instance, [SHIPPED_REPORT_ID], run_config=QUIET)
        assert costs_seen() == seen > 0
    finally:
        reader.communicate(input="")
    assert all(r.success for r in results.values()), failure_message(results[BUILD])
    assert _marts_snapshot() == before
    assert not building_path(warehouse_path()).parent.exists()


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
    """The reconstruction rebuilt without the values printed on its charts still yields the
    chart facts, read from the bars' geometry within 1 % of the axis range and from the
    pie's slices within 1 % of the whole."""
    points = _query(
        "SELECT DISTINCT value_source FROM raw.chart_points WHERE report_id = ?",
        [GEOMETRY_ONLY_REPORT],
    )
    assert points == [("geometry",)]
    # Of a bar, the axis range; of a pie's slice, the whole pie.
    axis_range = {"non_usage_rate": 80.0, "unique_users_monthly": 25_000.0, "logins_share": 100.0}
    chart_facts = [f for f in _ledger() if f["metric"] in axis_range]
    for fact in chart_facts:
        rows = _query(
            f"""SELECT value, source_kind FROM marts.{MART_OF_DOMAIN[fact["domain"]]}
                WHERE report_id = ? AND subject = ? AND metric = ? AND period_end = ?
                  AND segment IS NOT DISTINCT FROM ?""",
            [
                GEOMETRY_ONLY_REPORT,
                fact["subject"],
                fact["metric"],
                date.fromisoformat(fact["period_end"]),
                fact["segment"] or None,
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
        how = "the slice's area" if evidence.startswith("Graphique n° 3") else "the bar's length"
        assert evidence.endswith(f" : read from {how}"), evidence


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


def test_values_that_cannot_be_true_go_to_review_with_their_reason(first_run):
    held_back = _query(
        "SELECT subject, metric, segment, value, reason FROM marts.fact_candidates "
        "WHERE report_id = ? ORDER BY metric, segment",
        [IMPOSSIBLE_VALUES_REPORT],
    )
    whole = "parts of one whole sum to 120.0 %"
    above = "value above the metric's maximum 100.0"
    assert held_back == [
        ("agents_publics", "equipment_rate", "laptop", 130.0, above),
        ("tchap", "messages_share", "dgfip", 70.0, whole),
        ("tchap", "messages_share", "gendarmerie", 50.0, whole),
        ("tchap", "total_cost", None, -1850000.0, "value below the metric's minimum 0.0"),
    ]
    facts = " UNION ALL ".join(
        f"SELECT metric, value FROM marts.{mart} WHERE report_id = ?"
        for mart in MART_OF_DOMAIN.values()
    )
    # The minus sign ("−12 %") survives to the mart where a growth may be negative.
    assert _query(facts, [IMPOSSIBLE_VALUES_REPORT] * len(MART_OF_DOMAIN)) == [
        ("active_users_growth", -12.0)
    ]


def test_figures_the_document_does_not_support_go_to_review(first_run):
    held_back = _query(
        "SELECT subject, metric, value, reason FROM marts.fact_candidates "
        "WHERE report_id = ? ORDER BY value",
        [UNSUPPORTED_FIGURES_REPORT],
    )
    assert held_back == [
        ("resana", "active_users", 12000.0, "no period stated, and the metric needs one"),
        (
            None,
            "active_users",
            40000.0,
            "no subject named for it in its clause, sentence, table or chart",
        ),
        (
            "dinum",
            "budget_payment_appropriations",
            138000000.0,
            "statements disagree: 138000000.0 (table, page 1) / 151000000.0 (text, page 1)",
        ),
    ]
    facts = " UNION ALL ".join(
        f"SELECT metric FROM marts.{mart} WHERE report_id = ?" for mart in MART_OF_DOMAIN.values()
    )
    assert _query(facts, [UNSUPPORTED_FIGURES_REPORT] * len(MART_OF_DOMAIN)) == []


def test_what_tables_say_of_their_figures(first_run):
    """tests/table_reports.py: a subject named in one column only leaves the amounts to the
    caption's subject; names broken inside words by narrow cells are read; "Ces crédits"
    takes up the organisation of the caption before it."""
    facts = {
        (subject, metric, value, unit, start, end, kind)
        for mart in MART_OF_DOMAIN.values()
        for subject, metric, value, unit, start, end, kind in _query(
            f"SELECT subject, metric, value, unit, period_start, period_end, source_kind "
            f"FROM marts.{mart} WHERE report_id = ?",
            [TABLE_READINGS_REPORT],
        )
    }
    year = {y: (date(y, 1, 1), date(y, 12, 31)) for y in (2019, 2021)}
    assert facts == {
        ("dinum", "budget_payment_appropriations", 45e6, "EUR", *year[2019], "table"),
        (
            "dinum",
            "budget_growth_factor",
            3.0,
            "ratio",
            date(2016, 1, 1),
            date(2019, 12, 31),
            "text",
        ),
        ("suite_numerique", "maintenance_cost_annual", 4e6, "EUR_per_year", *year[2021], "table"),
        ("resana", "maintenance_cost_share", 30.0, "percent", *year[2021], "table"),
        ("webinaire", "staff_fte", 2.0, "FTE", None, None, "table"),
        ("osmose", "staff_fte", 6.0, "FTE", None, None, "table"),
    }
    # "Plane tarium" spells no name: its figure waits for review, with no subject.
    held_back = _query(
        "SELECT subject, value FROM marts.fact_candidates WHERE report_id = ?",
        [TABLE_READINGS_REPORT],
    )
    assert (None, 9.0) in held_back


def test_a_report_whose_pdf_left_the_raw_folder_leaves_the_warehouse(first_run):
    assert f"Removed from the warehouse: {GONE_REPORT} (its PDF left {raw_dir()})" in first_run.out
    assert not (raw_layer_root() / GONE_REPORT).exists()
    assert not _query("SELECT 1 FROM marts.dim_reports WHERE report_id = ?", [GONE_REPORT])


def test_a_report_whose_pdf_left_the_raw_folder_leaves_the_partitions(first_run, instance):
    partitions = set(instance.get_dynamic_partitions(reports_partitions.name))
    assert GONE_REPORT not in partitions
    assert partitions == {*first_run.results} - {BUILD}


# `make run`'s summary and exit status on this run.


def test_summary_counts_facts_and_names_missing_manifest_entries(pipeline_run):
    out = pipeline_run.out
    (reports,) = [line for line in out.splitlines() if line.startswith("Reports: ")]
    assert f"{SHIPPED_REPORT_ID}," in reports and "pages read: " in reports
    assert "Note Flash 2025.pdf: manifest entry missing" in out
    assert "Facts in the warehouse: fct_costs " in out and "Time:" in out


def test_a_failed_file_is_one_line_and_fails_the_run(pipeline_run):
    assert pipeline_run.exit_code == 1
    failed = [line for line in pipeline_run.err.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1, pipeline_run.err
    assert failed[0].startswith("FAILED /") and f"{BAD_PDF}: could not be extracted: " in failed[0]
    assert "Traceback" not in pipeline_run.out + pipeline_run.err


def test_the_terminal_gets_the_summary_only(pipeline_run):
    lines = pipeline_run.out.splitlines()
    assert lines[0].startswith("Warehouse: ") and lines[-1].startswith("Time: ")
    # A few lines of summary and at most one line per report of the raw folder: no log.
    reports = len(list(raw_dir().glob("*.pdf")))
    assert len(lines) < 10 + reports
    assert "Registered adapter" in pipeline_run.log


# Generalisation floor: two reportlab renderings of the corpus (`scripts/generalisation/`),
# built into this run's raw folder and scored by the same code as `make bench`. The floors
# are what the pipeline achieved when the test was written; raise them as extraction
# improves. Chromium and LibreOffice are not needed.
# rendering -> (fewest facts found of 69, most wrong + extra rows). Measured on 2026-12-02,
# after the table grid learnt wrapped labels and headers: 69 found and none wrong or extra on
# both; floors 2 rows looser.
FLOORS: dict[Rendering, tuple[int, int]] = {
    FLOOR_RENDERINGS[0]: (67, 2),
    FLOOR_RENDERINGS[1]: (67, 2),
}


@pytest.fixture(scope="module")
def scores(pipeline_run):
    rows = read_facts(warehouse_path())
    ledger = read_ledger()
    return {
        r: score([row for row in rows if row.report_id == r.report_id], ledger)
        for r in FLOOR_RENDERINGS
    }


@pytest.mark.parametrize("rendering", FLOOR_RENDERINGS, ids=lambda r: r.report_id)
def test_facts_found_do_not_fall_below_the_floor(scores, rendering):
    found, _ = FLOORS[rendering]
    assert len(scores[rendering].found) >= found


@pytest.mark.parametrize("rendering", FLOOR_RENDERINGS, ids=lambda r: r.report_id)
def test_wrong_and_extra_rows_do_not_rise_above_the_ceiling(scores, rendering):
    _, ceiling = FLOORS[rendering]
    score = scores[rendering]
    assert len(score.wrong) + len(score.extra) <= ceiling, [
        (row.subject, row.metric, row.value, row.evidence) for row in score.wrong + score.extra
    ]


# The `dinum` command line on this run's warehouse, through the installed console script.


def _dinum(*arguments: str) -> subprocess.CompletedProcess:
    dinum = Path(sys.executable).parent / "dinum"
    result = subprocess.run([dinum, *arguments], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def _all_facts(where: str = "TRUE", params: list | None = None) -> list[tuple]:
    selects = " UNION ALL ".join(f"SELECT * FROM marts.{m}" for m in MART_OF_DOMAIN.values())
    return _query(f"SELECT fact_key, subject FROM ({selects}) WHERE {where}", params)


def test_dinum_facts_of_one_subject_and_one_domain(first_run):
    out = _dinum("facts", "--subject", "tchap", "--format", "csv").stdout
    tchap = list(csv.DictReader(io.StringIO(out)))
    assert {row["subject"] for row in tchap} == {"tchap"}
    assert sorted(row["fact_key"] for row in tchap) == sorted(
        key for key, _ in _all_facts("subject = ?", ["tchap"])
    )
    usage = json.loads(_dinum("facts", "--domain", "usage", "--format", "json").stdout)
    assert {row["domain"] for row in usage} == {"usage"}
    assert len(usage) == _query(f"SELECT count(*) FROM marts.{MART_OF_DOMAIN['usage']}")[0][0]
    table = _dinum("facts", "--subject", "tchap").stdout.splitlines()
    assert table[0].split()[:3] == ["domain", "fact_key", "report_id"]
    assert len(table) == len(tchap) + 1


def test_dinum_export_writes_every_mart(first_run, tmp_path):
    written = _dinum("export", str(tmp_path), "--format", "parquet").stdout.split()
    marts = _query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'marts'")
    assert sorted(Path(p).stem for p in written) == sorted(name for (name,) in marts)
    for path in written:
        rows = _query(f"SELECT count(*) FROM read_parquet('{path}')")
        assert rows == _query(f"SELECT count(*) FROM marts.{Path(path).stem}")


def test_dinum_reports_lists_the_raw_folder(first_run):
    listed = {r["report_id"]: r for r in json.loads(_dinum("reports", "--format", "json").stdout)}
    report_id = SHIPPED_REPORT_ID
    report = listed[report_id]
    pdf = raw_dir() / report["file_name"]
    assert report["sha256"] == file_sha256(pdf)
    pages = _query("SELECT page_count FROM marts.dim_reports WHERE report_id = ?", [report_id])
    assert [(report["pages"],)] == pages and report["last_materialised"]
    assert listed[NO_MANIFEST_REPORT]["status"] == "no manifest entry"
    assert GONE_REPORT not in listed


def test_dinum_review_lists_what_is_held_back_and_unclassified(first_run):
    out = _dinum("review").stdout
    ((held_back,),) = _query("SELECT count(*) FROM marts.fact_candidates")
    ((unclassified,),) = _query("SELECT count(*) FROM marts.unclassified_mentions")
    assert f"Held back for review ({held_back}, marts.fact_candidates)" in out
    assert f"Not classified ({unclassified}, marts.unclassified_mentions)" in out
    assert unclassified == 0 or "teach: " in out and "seeds/" in out


def test_the_sql_shell_answers_on_the_built_warehouse(first_run):
    shell = subprocess.run(
        [Path(sys.executable).parent / "dinum", "sql"],
        input=".mode csv\nSELECT count(*) AS n FROM marts.fct_usage;\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shell.returncode == 0, shell.stderr
    ((usage,),) = _query("SELECT count(*) FROM marts.fct_usage")
    assert shell.stdout.splitlines() == ["n", str(usage)]
