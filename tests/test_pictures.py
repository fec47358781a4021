"""The pictures of the facts (warehouse.pictures, warehouse.facts_page) on a small warehouse
written here, with the mart columns the pictures read. The pictures of the real marts are
checked end to end in test_pipeline.py."""

from __future__ import annotations

import base64
import html
from datetime import date
from pathlib import Path

import duckdb
import pytest

from warehouse.facts_page import cell_text
from warehouse.pictures import page_path, period_text, render_pictures, value_text

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# key, domain, subject, metric, segment, value, unit, qualifier, start, end, kind, page, evidence
FACTS = [
    (
        "k1",
        "cost",
        "chat",
        "build_cost",
        None,
        2500000.0,
        "EUR",
        "exact",
        "2021-01-01",
        "2023-12-31",
        "table",
        3,
        "Tableau 1 : coût de construction <b>2,5 M€</b>",
    ),
    (
        "k2",
        "cost",
        "chat",
        "staff_fte",
        None,
        7.5,
        "FTE",
        "above",
        None,
        None,
        "text",
        4,
        "Plus de 7,5 ETP travaillent sur la messagerie.",
    ),
    (
        "k3",
        "usage",
        "chat",
        "messages_monthly",
        None,
        1200000.0,
        "count",
        "approx",
        "2022-01-01",
        "2022-01-31",
        "chart",
        5,
        "Graphique 2 : messages, janvier 2022",
    ),
    (
        "k4",
        "usage",
        "chat",
        "messages_monthly",
        None,
        900000.0,
        "count",
        "exact",
        "2023-12-01",
        "2023-12-31",
        "chart",
        5,
        "Graphique 2 : messages, décembre 2023",
    ),
    (
        "k5",
        "indicator",
        "agents",
        "equipment_rate",
        "laptop",
        61.0,
        "percent",
        "exact",
        "2022-01-01",
        "2022-12-31",
        "text",
        6,
        "61 % des agents ont un ordinateur portable & plus",
    ),
    (
        "k6",
        "cost",
        "agency",
        "budget",
        None,
        40000000.0,
        "EUR",
        "exact",
        "2023-01-01",
        "2023-12-31",
        "text",
        2,
        "Le budget de l'agence : 40 M€ en 2023.",
    ),
    # a usage figure that falls below zero, drawn over time
    (
        "k7",
        "usage",
        "chat",
        "users_growth",
        None,
        5.0,
        "percent",
        "exact",
        "2022-01-01",
        "2022-12-31",
        "text",
        7,
        "Les utilisateurs ont crû de 5 % en 2022.",
    ),
    (
        "k8",
        "usage",
        "chat",
        "users_growth",
        None,
        -12.0,
        "percent",
        "exact",
        "2023-01-01",
        "2023-12-31",
        "text",
        7,
        "Puis ont reculé de 12 % en 2023.",
    ),
]
SUBJECTS = [
    ("chat", "Messagerie", "product"),
    ("agents", "Agents", "population"),
    ("agency", "Agence", "organisation"),
]
METRICS = [
    ("build_cost", "Build cost", "euros"),
    ("staff_fte", "Staff (FTE)", "full-time equivalents"),
    ("messages_monthly", "Messages per month", "a number of things"),
    ("equipment_rate", "Equipment rate", "percentage points"),
    ("budget", "Budget", "euros"),
    ("users_growth", "Growth of users", "percentage points"),
]
PLACEHOLDERS = ", ".join(["?"] * 12)  # the fact columns after fact_key and report_id
CHART_NAMES = ["costs_per_product", "staff_per_product", "usage_over_time", "indicators"]


def _write_warehouse(path: Path, facts: list[tuple]) -> None:
    with duckdb.connect(str(path)) as conn:
        conn.execute("CREATE SCHEMA marts")
        conn.execute(
            """CREATE TABLE marts.facts (fact_key VARCHAR, report_id VARCHAR, domain VARCHAR,
                   subject VARCHAR, metric VARCHAR, segment VARCHAR, value DOUBLE,
                   unit VARCHAR, qualifier VARCHAR, period_start DATE, period_end DATE,
                   source_kind VARCHAR, page INTEGER, evidence VARCHAR)"""
        )
        for key, domain, subject, metric, *rest in facts:
            conn.execute(
                "INSERT INTO marts.facts VALUES (?, 'report_a', " + PLACEHOLDERS + ")",
                [key, domain, subject, metric, *rest],
            )
        conn.execute(
            "CREATE TABLE marts.dim_subjects (subject VARCHAR, label VARCHAR, kind VARCHAR)"
        )
        conn.executemany("INSERT INTO marts.dim_subjects VALUES (?, ?, ?)", SUBJECTS)
        conn.execute(
            "CREATE TABLE marts.dim_metrics "
            "(metric VARCHAR, label VARCHAR, unit_description VARCHAR)"
        )
        conn.executemany("INSERT INTO marts.dim_metrics VALUES (?, ?, ?)", METRICS)
        conn.execute(
            "CREATE TABLE marts.dim_reports (report_id VARCHAR, title VARCHAR, published_on DATE)"
        )
        conn.execute(
            "INSERT INTO marts.dim_reports VALUES ('report_a', 'Un rapport', '2024-07-01')"
        )


@pytest.fixture
def rendered(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _write_warehouse(warehouse, FACTS)
    return render_pictures(warehouse, tmp_path / "reports")


def test_every_chart_is_a_png_and_the_page_holds_them_inline(rendered, tmp_path):
    assert [p.name for p in rendered.pictures] == CHART_NAMES
    page = page_path(tmp_path / "reports").read_text(encoding="utf-8")
    for picture in rendered.pictures:
        data = picture.path.read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        assert base64.b64encode(data).decode("ascii") in page
        assert picture.markdown().startswith(f"![{picture.title}](data:image/png;base64,")
    assert rendered.page == page_path(tmp_path / "reports")
    assert not list((tmp_path / "reports").glob(".*partial"))


def test_the_page_lists_every_fact_with_its_page_and_evidence_escaped(rendered):
    page = rendered.page.read_text(encoding="utf-8")
    assert rendered.fact_count == len(FACTS)
    for key, *_, source_page, evidence in FACTS:
        start = page.index(f'<tr id="{key}">')
        row = page[start : page.index("</tr>", start)]
        assert html.escape(evidence) in row
        assert f'<td class="number">{source_page}</td>' in row
    assert "<b>2,5" not in page  # evidence is text, never markup
    assert f"Un rapport (<code>report_a</code>, published 2024-07-01): {len(FACTS)} facts" in page


def test_a_warehouse_without_facts_still_draws_every_chart(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _write_warehouse(warehouse, [])
    rendered = render_pictures(warehouse, tmp_path / "reports")
    assert all(p.path.read_bytes().startswith(PNG_SIGNATURE) for p in rendered.pictures)
    assert "Every fact (0)" in rendered.page.read_text(encoding="utf-8")


def test_the_warehouse_is_left_closed(rendered, tmp_path):
    # A writer can open the file at once: the pictures hold no connection.
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        conn.execute("CREATE TABLE marts.after_pictures AS SELECT 1 AS x")


def test_the_same_facts_keep_their_pictures_and_other_facts_redraw_them(rendered, tmp_path):
    assert rendered.drawn
    out_dir = tmp_path / "reports"
    files = [p.path for p in rendered.pictures] + [rendered.page]
    written = {path: path.stat().st_mtime_ns for path in files}

    again = render_pictures(tmp_path / "w.duckdb", out_dir)
    assert not again.drawn
    assert again.fact_count == len(FACTS)
    assert {path: path.stat().st_mtime_ns for path in files} == written

    # One value changes: every picture and the page are drawn again, and show it.
    with duckdb.connect(str(tmp_path / "w.duckdb")) as conn:
        conn.execute("UPDATE marts.facts SET evidence = 'Un autre texte.' WHERE fact_key = 'k2'")
    changed = render_pictures(tmp_path / "w.duckdb", out_dir)
    assert changed.drawn
    assert "Un autre texte." in changed.page.read_text(encoding="utf-8")
    assert all(path.stat().st_mtime_ns != written[path] for path in files)


def test_a_missing_picture_is_drawn_again(rendered, tmp_path):
    rendered.pictures[0].path.unlink()
    again = render_pictures(tmp_path / "w.duckdb", tmp_path / "reports")
    assert again.drawn
    assert again.pictures[0].path.read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2023, 1, 1), date(2023, 12, 31), "2023"),
        (date(2022, 1, 1), date(2022, 1, 31), "Jan 2022"),
        (date(2024, 2, 1), date(2024, 2, 29), "Feb 2024"),
        (None, date(2023, 12, 31), "until 2023-12-31"),
        (date(2021, 6, 1), date(2023, 12, 31), "2021-06-01 to 2023-12-31"),
        (date(2022, 1, 1), date(2022, 1, 15), "2022-01-01 to 2022-01-15"),
        (None, None, ""),
    ],
)
def test_period_text(start, end, text):
    assert period_text(start, end) == text


@pytest.mark.parametrize(
    ("value", "qualifier", "text"),
    [
        (4800000.0, "approx", "≈ 4.8 M"),
        (22043.0, "exact", "22.04 k"),
        (13.0, "above", "> 13"),
        (52.8, "exact", "52.8"),
        (16.0, "at_most", "≤ 16"),
        (-1850000.0, "exact", "-1.85 M"),
        (9999.7, "exact", "9999.7"),
    ],
)
def test_value_text(value, qualifier, text):
    assert value_text(value, qualifier) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(22043.0, "22043"), (52.8, "52.8"), (None, ""), ("dgfip", "dgfip"), (0.5, "0.5")],
)
def test_cell_text(value, text):
    assert cell_text(value) == text
