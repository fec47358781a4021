"""Checks of the reconstructed report PDF (scripts/build_reconstruction.py) with pdfplumber."""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "data" / "raw" / "dinum_pilotage_2024_reconstruction.pdf"
MANIFEST = ROOT / "data" / "raw" / "manifest.csv"
LEDGER = ROOT / "tests" / "dinum_2024_facts.csv"
BUILDER = ROOT / "scripts" / "build_reconstruction.py"
REPORT_ID = "dinum_pilotage_2024"

A4_W, A4_H = 595.28, 841.89
BAR_COLOR = (0.122, 0.306, 0.475)

NUMBER_WORDS = {
    0: "zéro",
    1: "un",
    2: "deux",
    3: "trois",
    4: "quatre",
    5: "cinq",
    6: "six",
    7: "sept",
    8: "huit",
    9: "neuf",
    10: "dix",
}

# chart number -> (category label as printed under the bar, fact_id), in bar order
CHART_BARS = {
    1: [
        ("Resana", "resana_non_usage_2022"),
        ("Osmose", "osmose_non_usage_2022"),
        ("Audioconférence", "audioconference_non_usage_2022"),
        ("Maia", "maia_non_usage_2022"),
        ("Webconférence", "webconference_non_usage_2022"),
        ("Tchap", "tchap_non_usage_2022"),
    ],
    2: [
        ("mars 2023", "agentconnect_users_2023_03"),
        ("déc. 2023", "agentconnect_users_2023_12"),
    ],
}

# pie number -> (slice name as printed beside it, fact_id), clockwise from twelve o'clock;
# a last, unnamed slice holds the remainder the report does not break down
PIE_SLICES = {
    3: [
        ("Portail RH", "agentconnect_use_share_hr_portal"),
        ("Osmose", "agentconnect_use_share_osmose"),
        ("Resana", "agentconnect_use_share_resana"),
    ],
}

# table number -> rows as they read on one line of the page text
TABLE_ROWS = {
    1: [
        "Autorisations d’engagement (AE) 79",
        "Crédits de paiement (CP) 138",
        "dont dépenses de masse salariale 16",
    ],
    2: [
        "Webconférence de l’État 4",
        "Webinaire de l’État 3",
        "Audioconférence de l’État 0,5",
        "AgentConnect 5",
    ],
    3: ["Axes 2", "Missions 8", "Programmes 35", "Objectifs 6", "Indicateurs prévus 45"],
    4: [
        "Tchap Coût de réalisation 2021-2023 5,6",
        "Tchap Coût de maintenance (estimation) 2024 1,85",
        "Suite numérique Coût annuel de maintenance 2023 5,0",
    ],
    5: ["Éducation nationale 20 20", "Justice 11 0"],
}


# --------------------------------------------------------------------------- helpers
def normalize(text: str) -> str:
    """No-break spaces and line breaks read as plain spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def fr(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")


def number_forms(value: float) -> list[str]:
    """`9,3`, `22 043`, `5` and `5,0`: every French writing of the value to 2 decimals."""
    forms = []
    for dec in (0, 1, 2):
        if abs(round(value, dec) - value) < 1e-9:
            forms.append(fr(value, dec))
    return forms


def fact_strings(fact: dict[str, str]) -> list[str]:
    """The ways a ledger value may be printed: `9,3 M€` in prose or `9,3` in a cell."""
    value, unit = float(fact["value"]), fact["unit"]
    words = [NUMBER_WORDS[int(value)]] if value == int(value) and value in NUMBER_WORDS else []
    out: list[str] = []
    if unit in ("EUR", "EUR_per_year"):
        if value >= 1e6:
            forms = number_forms(value / 1e6)
            out += [f"{f} M€" for f in forms] + forms
        else:
            out += [f"{f} €" for f in number_forms(value)]
    elif unit == "EUR_per_agent_per_year":
        out += [f"{f} €" for f in number_forms(value)]
    elif unit == "percent":
        forms = number_forms(value)
        out += [f"{f} %" for f in forms] + forms
    elif unit == "count":
        if value >= 1e6:
            out += [f"{f} millions" for f in number_forms(value / 1e6)]
        out += number_forms(value) + words
    elif unit == "FTE":
        forms = number_forms(value)
        out += [f"{f} ETP" for f in forms + words] + forms
    elif unit == "ratio":
        out += [f"multiplié par {w}" for w in words + number_forms(value)]
    elif unit == "months":
        out += [f"{w} mois" for w in words + number_forms(value)]
    else:  # pragma: no cover - the ledger has no other unit
        raise AssertionError(f"unknown unit {unit}")
    return out


def contains(text: str, needle: str) -> bool:
    pattern = r"(?<![\w,])" + re.escape(needle) + r"(?![\w]|,\d)"
    return re.search(pattern, text) is not None


def build(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    subprocess.run(
        [sys.executable, str(BUILDER), "--output", str(out), *args],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_bar(rect: dict) -> bool:
    color = rect.get("non_stroking_color")
    return (
        isinstance(color, tuple | list)
        and len(color) == 3
        and all(abs(a - b) < 0.01 for a, b in zip(color, BAR_COLOR, strict=True))
    )


def chart_page(pdf, number: int):
    for page in pdf.pages:
        if f"Graphique n° {number} :" in normalize(page.extract_text() or ""):
            return page
    raise AssertionError(f"Graphique n° {number} not found")


def bars_and_words(page):
    bars = sorted((r for r in page.rects if is_bar(r)), key=lambda r: r["x0"])
    words = page.extract_words(keep_blank_chars=True, x_tolerance=1.5)
    return bars, words


def label_above(bar: dict, words: list[dict]) -> list[dict]:
    cx = (bar["x0"] + bar["x1"]) / 2
    return [
        w
        for w in words
        if w["x0"] <= cx <= w["x1"] and bar["top"] - 14 <= w["bottom"] <= bar["top"] + 0.5
    ]


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def ledger() -> list[dict[str, str]]:
    with LEDGER.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def pages_text() -> list[str]:
    with pdfplumber.open(PDF) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.fixture(scope="module")
def full_text(pages_text: list[str]) -> str:
    return normalize("\n".join(pages_text))


@pytest.fixture(scope="module")
def variant_pdf(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("variant"), "geometry_only.pdf", "--no-chart-values")


# --------------------------------------------------------------------------- tests
def test_page_count_and_a4():
    with pdfplumber.open(PDF) as pdf:
        assert len(pdf.pages) >= 10
        for page in pdf.pages:
            assert abs(page.width - A4_W) < 1 and abs(page.height - A4_H) < 1


def test_every_ledger_fact_is_printed(ledger, full_text):
    assert len(ledger) == 69
    missing = [
        (f["fact_id"], fact_strings(f))
        for f in ledger
        if not any(contains(full_text, s) for s in fact_strings(f))
    ]
    assert not missing, missing


def test_numbers_and_dates_are_never_split_across_lines(pages_text):
    for text in pages_text:
        assert not re.search(r"\d\n\d{3}\b", text.replace("\u00a0", " "))  # 22 043
        assert not re.search(r"^(?:19|20)\d\d\b", text, re.MULTILINE)  # En 2022


def test_running_header_and_footer_page_numbers():
    with pdfplumber.open(PDF) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            header = normalize(page.crop((0, 0, page.width, 60)).extract_text() or "")
            footer = normalize(
                page.crop((0, page.height - 50, page.width, page.height)).extract_text() or ""
            ).strip()
            if i == 1:  # the cover has neither
                assert "COUR DES COMPTES" not in header
                continue
            assert header.startswith("COUR DES COMPTES"), (i, header)
            assert "TRANSFORMATION NUMÉRIQUE" in header
            assert footer == str(i), (i, footer)


def test_captions_and_sources(full_text, pages_text):
    for n in range(1, 6):
        assert f"Tableau n° {n} :" in full_text
    for n in (1, 2, 3):
        assert f"Graphique n° {n} :" in full_text
    captions = re.findall(r"(?:Tableau|Graphique) n° \d+ :", full_text)
    assert len(captions) == 8
    # every caption is followed, before the next caption, by a "Source : Cour des comptes" line
    parts = re.split(r"(?:Tableau|Graphique) n° \d+ :", full_text)[1:]
    for part in parts:
        assert "Source : Cour des comptes d’après" in part


def test_table_rows_read_as_lines(pages_text):
    lines = {normalize(line).strip() for text in pages_text for line in text.splitlines()}
    for number, rows in TABLE_ROWS.items():
        for row in rows:
            assert row in lines, (number, row)


def test_tables_are_ruled_below_their_caption():
    with pdfplumber.open(PDF) as pdf:
        for n in range(1, 6):
            page = next(p for p in pdf.pages if f"Tableau n° {n} :" in normalize(p.extract_text()))
            caption = next(
                w
                for w in page.extract_words()
                if w["text"] == "Tableau"
                and normalize(
                    page.crop((0, w["top"] - 1, page.width, w["bottom"] + 1)).extract_text()
                ).startswith(f"Tableau n° {n}")
            )
            rules = [
                e
                for e in page.lines + page.rects
                if e["top"] > caption["bottom"]
                and abs(e["bottom"] - e["top"]) < 1.5
                and e["x1"] - e["x0"] > 100
            ]
            assert len(rules) >= 3, (n, len(rules))  # above header, under header, bottom


def test_footnote_calls_and_notes():
    with pdfplumber.open(PDF) as pdf:
        calls = notes = 0
        for page in pdf.pages:
            body = [c for c in page.chars if c["size"] > 9]
            if not body:
                continue
            sizes = [c for c in page.chars if c["text"].isdigit() and c["size"] < 7]
            calls += len(sizes)
            bottom = normalize(
                page.crop((0, page.height - 160, page.width, page.height - 50)).extract_text() or ""
            )
            notes += len(re.findall(r"(?:^| )\d \w", bottom))
        assert calls >= 5 and notes >= 5


@pytest.mark.parametrize("number", sorted(CHART_BARS))
def test_chart_bars_labels_and_geometry(ledger, number):
    values = {f["fact_id"]: float(f["value"]) for f in ledger}
    expected = [(label, values[fid]) for label, fid in CHART_BARS[number]]
    with pdfplumber.open(PDF) as pdf:
        page = chart_page(pdf, number)
        bars, words = bars_and_words(page)
        assert len(bars) == len(expected)
        baseline = max(b["bottom"] for b in bars)
        axis_x = min(b["x0"] for b in bars)
        # y-axis tick labels: numbers left of the bars, between the baseline and the plot top
        ticks = []
        for w in words:
            text = w["text"].replace("\u00a0", " ")
            if (
                w["x1"] < axis_x
                and re.fullmatch(r"\d{1,3}( \d{3})*", text)
                and baseline - 260 < w["top"] < baseline + 5
            ):
                ticks.append((float(text.replace(" ", "")), (w["top"] + w["bottom"]) / 2))
        assert len(ticks) >= 4
        (v0, y0), (v1, y1) = min(ticks), max(ticks)
        scale = (v1 - v0) / (y0 - y1)  # value per point, y grows downwards
        assert abs(y0 - baseline) < 3  # the 0 tick sits on the baseline
        for bar, (label, value) in zip(bars, expected, strict=True):
            measured = v0 + (y0 - bar["top"]) * scale
            assert abs(measured - value) <= 0.01 * v1, (label, measured, value)
            cx = (bar["x0"] + bar["x1"]) / 2
            under = [
                w for w in words if w["x0"] <= cx <= w["x1"] and baseline < w["top"] < baseline + 15
            ]
            assert [normalize(w["text"]) for w in under] == [label]
            above = label_above(bar, words)
            printed = fr(value, 0 if value == int(value) else 1)
            assert [normalize(w["text"]) for w in above] == [printed], (label, above)


@pytest.mark.parametrize("number", sorted(PIE_SLICES))
def test_pie_slices_draw_the_ledger_shares(ledger, number):
    from extract.pdf.shapes import path_area

    values = {f["fact_id"]: float(f["value"]) for f in ledger}
    expected = [(name, values[fid]) for name, fid in PIE_SLICES[number]]
    with pdfplumber.open(PDF) as pdf:
        page = chart_page(pdf, number)
        slices = [c for c in page.curves if c["fill"]]
        assert len(slices) == len(expected) + 1  # the unnamed remainder
        areas = [path_area(c["path"]) for c in slices]
        text = normalize(page.extract_text())
    for area, (name, value) in zip(areas, expected, strict=False):
        assert abs(100 * area / sum(areas) - value) < 0.1, name
        assert name in text and f"{fr(value, 0)} %" in text, name
    assert abs(100 * areas[-1] / sum(areas) - (100 - sum(v for _, v in expected))) < 0.1


def test_no_chart_values_variant_has_no_bar_labels(variant_pdf):
    with pdfplumber.open(variant_pdf) as pdf, pdfplumber.open(PDF) as ref:
        assert len(pdf.pages) == len(ref.pages)
        for number, expected in CHART_BARS.items():
            page = chart_page(pdf, number)
            bars, words = bars_and_words(page)
            ref_bars, _ = bars_and_words(chart_page(ref, number))
            assert len(bars) == len(expected)
            for bar, ref_bar in zip(bars, ref_bars, strict=True):
                assert abs(bar["top"] - ref_bar["top"]) < 0.01  # same geometry
                assert label_above(bar, words) == []


def test_build_is_reproducible_and_matches_manifest(tmp_path):
    with MANIFEST.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["report_id"] == REPORT_ID]
    assert len(rows) == 1
    row = rows[0]
    assert row["file_name"] == PDF.name
    assert row["publisher"] == "Cour des comptes"
    assert row["source_url"].startswith("https://www.ccomptes.fr/")
    rebuilt = build(tmp_path, "rebuilt.pdf")
    assert sha256(rebuilt) == row["sha256"] == sha256(PDF)
