"""Charts read back from their vector drawing (issue #4).

The corpus (tests/chart_corpus.py) is drawn once per session by matplotlib and reportlab
from known data; every one of its points must come back within 1 % of the axis range,
with the right series and category. Focused tests pin the pieces down on hand-made input.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from extract.charts import extract_charts, find_chart_regions, find_charts
from extract.charts.axes import find_value_axis, parse_tick
from extract.charts.layout import unit_from_text
from extract.charts.marks import read_chart
from extract.charts.primitives import Phrase
from extract.pdf import read_page
from extract.pdf.captions import CHART_CAPTION_RE
from extract.pdf.shapes import Shape
from tests.chart_corpus import (
    MATPLOTLIB_SPECS,
    PROSE,
    RASTER_CAPTION,
    REPORTLAB_SPECS,
    SOURCE,
    CorpusChart,
    find_extracted,
    non_chart_page,
    score_chart,
)

ROOT = Path(__file__).resolve().parents[1]
SPECS = MATPLOTLIB_SPECS + REPORTLAB_SPECS


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> list[CorpusChart]:
    from tests.chart_corpus import build_corpus

    return build_corpus(tmp_path_factory.mktemp("chart_corpus"))


@pytest.fixture(scope="session")
def extracted(corpus) -> dict[Path, list]:
    """Charts extracted from every corpus PDF, once."""
    return {path: extract_charts(path) for path in {item.pdf for item in corpus}}


def _item(corpus: list[CorpusChart], key: str) -> CorpusChart:
    return next(item for item in corpus if item.spec.key == key)


# --- the corpus, end to end -------------------------------------------------------------


def test_corpus_is_large_and_varied(corpus):
    vector = [item for item in corpus if not item.raster]
    assert len(vector) >= 24
    assert {item.producer for item in vector} == {"matplotlib", "reportlab"}
    kinds = {item.spec.kind for item in vector}
    assert kinds == {"bar_vertical", "bar_horizontal", "bar_grouped", "bar_stacked", "line", "pie"}


@pytest.fixture(scope="session")
def document_corpus(tmp_path_factory) -> tuple[list[CorpusChart], dict[Path, list]]:
    """The charts of office documents and web pages, where LibreOffice or Chromium is
    installed (Debian packages, `make corpus-deps`), each file read once."""
    from tests.chart_corpus import build_corpus, missing_producers

    producers = ("chromium", "libreoffice")
    missing = missing_producers(producers)
    if len(missing) == len(producers):
        pytest.skip("; ".join(missing.values()))
    corpus = build_corpus(tmp_path_factory.mktemp("document_charts"), producers)
    return corpus, {path: extract_charts(path) for path in {item.pdf for item in corpus}}


def test_document_charts_are_found_and_their_pies_read(document_corpus):
    corpus, extracted = document_corpus
    for item in corpus:
        chart = find_extracted(item, extracted[item.pdf])
        assert chart is not None, f"{item.spec.key}: chart not found on page {item.page}"
        if item.spec.kind == "pie":
            assert chart.kind == "pie", item.spec.key
            missed = [r for r in score_chart(item, chart) if not r.recovered]
            assert not missed, f"{item.spec.key}: {missed}"


@pytest.mark.parametrize("key", [spec.key for spec in SPECS])
def test_every_point_is_recovered(corpus, extracted, key):
    item = _item(corpus, key)
    chart = find_extracted(item, extracted[item.pdf])
    assert chart is not None, f"{key}: chart not found on page {item.page}"
    assert chart.kind == item.spec.kind
    assert chart.status == "extracted"
    missed = [r for r in score_chart(item, chart) if not r.recovered]
    assert not missed, f"{key}: {missed}"
    # Nothing beyond the data: no phantom series or points.
    assert sum(len(s.points) for s in chart.series) == sum(len(s.values) for s in item.spec.series)


@pytest.mark.parametrize("key", [spec.key for spec in SPECS])
def test_caption_unit_and_source(corpus, extracted, key):
    item = _item(corpus, key)
    chart = find_extracted(item, extracted[item.pdf])
    assert chart.caption == item.spec.caption
    assert chart.number == item.spec.number
    assert chart.unit == item.spec.unit
    if item.spec.caption is not None:
        assert chart.source_line == SOURCE


def test_printed_values_are_used_and_checked(corpus, extracted):
    for spec in SPECS:
        item = _item(corpus, spec.key)
        chart = find_extracted(item, extracted[item.pdf])
        points = [p for s in chart.series for p in s.points]
        if not spec.printed:
            assert {p.source for p in points} == {"geometry"}, spec.key
            continue
        assert {p.source for p in points} == {"label"}, spec.key
        if spec.value_axis:  # label checked against the geometry
            assert all(p.discrepancy is not None and p.discrepancy < 0.01 for p in points)
        else:
            assert all(p.discrepancy is None for p in points)


def test_raster_chart_is_reported_not_skipped(corpus, extracted):
    item = next(i for i in corpus if i.raster)
    charts = extracted[item.pdf]
    assert len(charts) == 1
    chart = charts[0]
    assert chart.kind == "raster"
    assert chart.status == "not_extracted: raster image"
    assert chart.caption == RASTER_CAPTION and chart.number == 40
    assert chart.series == []
    assert chart.source_line == SOURCE
    assert chart.bbox[2] - chart.bbox[0] > 300  # the image, not a stray glyph


def test_chart_without_caption_is_found(corpus, extracted):
    item = _item(corpus, "mpl_bar_uncaptioned")
    charts = extracted[item.pdf]
    assert [c.caption for c in charts] == [None]


def test_two_charts_on_a_page_get_their_own_caption_and_source(corpus):
    item = _item(corpus, "rl_grouped")
    with pdfplumber.open(item.pdf) as pdf:
        pdf_page = pdf.pages[item.page - 1]
        page = read_page(pdf_page)
        charts = find_charts(page)
        regions = find_chart_regions(page)
        lines = pdf_page.extract_text_lines()
    assert [c.number for c in charts] == [21, 22]
    assert [c.source_line for c in charts] == [SOURCE, SOURCE]
    first, second = charts
    assert first.bbox[3] < second.bbox[1]  # each chart keeps to its own region
    # The regions hold each caption and source line, and leave the prose out.
    for text in ("Graphique n° 21", "Graphique n° 22", "Source"):
        boxes = [ln for ln in lines if ln["text"].startswith(text)]
        assert all(any(_holds(r, ln) for r in regions) for ln in boxes), text
    prose = [ln for ln in lines if ln["text"].startswith(PROSE[0][:20])]
    assert prose and not any(_holds(r, ln) for r in regions for ln in prose)


def _holds(region, line) -> bool:
    x0, top, x1, bottom = region
    return (
        x0 - 1 <= line["x0"]
        and top - 1 <= line["top"]
        and line["x1"] <= x1 + 1
        and line["bottom"] <= bottom + 1
    )


def test_extract_charts_closes_every_page(corpus, monkeypatch):
    """Each page is closed inside the page loop, not only when the PDF closes them all."""
    closed = []
    closed_before_pdf = []
    close_page = pdfplumber.page.Page.close
    close_pdf = pdfplumber.pdf.PDF.close
    monkeypatch.setattr(
        pdfplumber.page.Page, "close", lambda self: (closed.append(self), close_page(self))[1]
    )
    monkeypatch.setattr(
        pdfplumber.pdf.PDF,
        "close",
        lambda self: (closed_before_pdf.append(len(closed)), close_pdf(self))[1],
    )
    item = _item(corpus, "rl_bar_printed")
    with pdfplumber.open(item.pdf) as pdf:
        n_pages = len(pdf.pages)
    closed.clear()
    closed_before_pdf.clear()
    extract_charts(item.pdf)
    assert n_pages > 1
    assert closed_before_pdf == [n_pages]


def test_cli_prints_the_json_shape(corpus):
    item = _item(corpus, "rl_grouped")
    result = subprocess.run(
        [sys.executable, "-m", "extract.charts", str(item.pdf)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert list(data) == ["charts"]
    chart = next(c for c in data["charts"] if c["caption"] and "n° 22" in c["caption"])
    assert list(chart) == ["page", "caption", "kind", "bbox", "unit", "series"]
    assert chart["page"] == item.page and chart["kind"] == "bar_grouped"
    assert chart["unit"] == "M€" and len(chart["bbox"]) == 4
    assert [s["name"] for s in chart["series"]] == ["Prévision", "Exécution"]
    point = chart["series"][1]["points"][2]
    assert list(point) == ["category", "value", "source"]
    assert point["category"] == "2023" and point["source"] == "geometry"
    assert abs(point["value"] - 17) <= 0.2


# --- focused tests on hand-made input ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 000", 1000.0),
        ("1\u00a0000", 1000.0),
        ("12\u202f500", 12500.0),
        ("2,5", 2.5),
        ("10 %", 10.0),
        ("10\u00a0%", 10.0),
        ("\u22123", -3.0),
        ("-2,5 M€", -2.5),
        ("4,8 Md€", 4.8),
        ("1.000", 1000.0),
        ("0.5", 0.5),
        ("2022", 2022.0),
        ("janv. 2022", None),
        ("T3 2023", None),
        ("2022-01", None),
        ("Tchap", None),
        ("", None),
    ],
)
def test_parse_tick(text, value):
    assert parse_tick(text) == value


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Graphique n° 2 : Nombre de messages échangés", 2),
        ("Graphique n°12: Coûts", 12),
        ("Figure 3 : Organisation", 3),
        ("Schéma 4 – Architecture", 4),
        ("GRAPHIQUE N° 3 : COÛTS DE LA SUITE", 3),  # a house style in capitals
        ("FIGURE 5 - Organisation", 5),
        ("Graphique n° 2 montre une hausse", None),
        ("Le graphique n° 2 : non", None),
    ],
)
def test_caption_pattern(line, number):
    match = CHART_CAPTION_RE.match(line)
    assert (int(match["number"]) if match else None) == number


@pytest.mark.parametrize(
    ("text", "axis_title", "unit"),
    [
        ("Graphique n° 1 : Messages (en millions de messages)", False, "millions de messages"),
        ("Graphique n° 2 : Part des agents (en %)", False, "%"),
        ("Graphique n° 3 : Coûts par produit en 2023, en M€", False, "M€"),
        ("Graphique n° 4 : Coûts (M€)", False, "M€"),
        ("Graphique n° 5 : Évolution des effectifs", False, None),
        ("millions de messages", True, "millions de messages"),
        ("millions de messages", False, None),
    ],
)
def test_unit_from_text(text, axis_title, unit):
    assert unit_from_text(text, axis_title=axis_title) == unit


BLACK = (0.0, 0.0, 0.0)
BLUE, ORANGE, GREEN = (0.1, 0.3, 0.5), (0.9, 0.5, 0.2), (0.4, 0.7, 0.3)


def _word(text: str, xc: float, yc: float, size: float = 10.0) -> Phrase:
    width = 0.55 * size * len(text)
    return Phrase(text, xc - width / 2, yc - size / 2, xc + width / 2, yc + size / 2, size)


def _rect(x0: float, top: float, x1: float, bottom: float, color) -> Shape:
    return Shape("rect", x0, top, x1, bottom, color, None)


def _hline(x0: float, x1: float, y: float) -> Shape:
    return Shape("line", x0, y, x1, y, None, BLACK, ((x0, y), (x1, y)))


def _axis_words(offset: float = 0.0) -> list[Phrase]:
    """Ticks 0, 25, 50 at y 200, 150, 100 (2 points per unit), right-aligned at x 40."""
    return [
        Phrase(t, 40 - 5.5 * len(t), y - 5 + offset, 40, y + 5 + offset, 10.0)
        for t, y in (("0", 200), ("25", 150), ("50", 100))
    ]


def test_calibration_snaps_labels_to_their_ticks():
    # Glyph boxes 3 points below their ticks, as Type 3 fonts place them.
    words = _axis_words(offset=3.0)
    ticks = [200.0, 150.0, 100.0]
    axis = find_value_axis(words, True, ticks, (60, 200))
    assert axis is not None and (axis.lo, axis.hi) == (0, 50)
    assert axis.value(175) == pytest.approx(12.5)
    assert axis.value(100) == pytest.approx(50)
    # Without tick marks the constant offset stays: the slope is still right.
    loose = find_value_axis(words, True, [], (60, 200))
    assert loose.slope == pytest.approx(axis.slope)


def test_calibration_negative_and_not_from_zero():
    words = [
        Phrase(t, 20, y - 5, 40, y + 5, 10.0)
        for t, y in (("\u221220", 300), ("\u221210", 250), ("0", 200), ("10", 150))
    ]
    axis = find_value_axis(words, True, [300, 250, 200, 150], (60, 200))
    assert axis.value(275) == pytest.approx(-15)
    words = [
        Phrase(t, 20, y - 5, 40, y + 5, 10.0)
        for t, y in (("50 %", 300), ("75 %", 200), ("100 %", 100))
    ]
    axis = find_value_axis(words, True, [300, 200, 100], (60, 200))
    assert axis.value(250) == pytest.approx(62.5) and axis.unit == "%"


def test_year_labels_under_bars_are_not_a_vertical_axis():
    years = [_word(str(2020 + i), 70 + 40 * i, 210) for i in range(4)]
    assert find_value_axis(years, True, [], (60, 200)) is None
    assert find_value_axis(years, False, [], (0, 200)) is not None  # a row, on its own


def _stacked_chart() -> tuple[list[Phrase], list[Shape]]:
    """Two stacked columns of three series, legend below: segment values known."""
    words = _axis_words()
    shapes = [_hline(45, 50, y) for y in (200, 150, 100)] + [_hline(50, 160, 200)]
    # Column 2022: 10, 15, 5; column 2023: 15, 5, 15 (2 points per unit).
    for x0, segments in ((60, (10, 15, 5)), (110, (15, 5, 15))):
        y = 200.0
        for value, color in zip(segments, (BLUE, ORANGE, GREEN), strict=True):
            shapes.append(_rect(x0, y - 2 * value, x0 + 30, y, color))
            y -= 2 * value
    words += [_word("2022", 75, 210), _word("2023", 125, 210)]
    for i, (name, color) in enumerate((("Dinum", BLUE), ("Ministères", ORANGE), ("Autres", GREEN))):
        x = 50 + 70 * i
        shapes.append(_rect(x, 236, x + 10, 244, color))
        words.append(Phrase(name, x + 14, 235, x + 14 + 5.5 * len(name), 245, 10.0))
    return words, shapes


def test_stacked_segments_carry_their_own_values_and_legend_names():
    words, shapes = _stacked_chart()
    reading = read_chart(words, shapes)
    assert reading.kind == "bar_stacked"
    got = {s.name: {p.category: p.value for p in s.points} for s in reading.series}
    assert got == {
        "Dinum": {"2022": 10, "2023": 15},
        "Ministères": {"2022": 15, "2023": 5},
        "Autres": {"2022": 5, "2023": 15},
    }
    assert [s.name for s in reading.series] == ["Dinum", "Ministères", "Autres"]  # legend order


def test_legend_maps_swatch_colour_not_position():
    words, shapes = _stacked_chart()
    # Swap the legend names of two swatches: the series must follow the colours.
    names = {w.text: w for w in words if w.text in ("Dinum", "Autres")}
    dinum, autres = names["Dinum"], names["Autres"]
    words = [w for w in words if w not in (dinum, autres)]
    words += [
        Phrase("Dinum", autres.x0, autres.top, autres.x0 + dinum.x1 - dinum.x0, autres.bottom, 10),
        Phrase("Autres", dinum.x0, dinum.top, dinum.x0 + autres.x1 - autres.x0, dinum.bottom, 10),
    ]
    got = {s.name: s.points[0].value for s in read_chart(words, shapes).series}
    assert got == {"Dinum": 5, "Ministères": 15, "Autres": 10}


def test_printed_values_without_axis_are_labels():
    words = [
        _word("2022", 75, 210),
        _word("2023", 125, 210),
        _word("40", 75, 115),
        _word("70", 125, 55),
    ]
    shapes = [_rect(60, 120, 90, 200, BLUE), _rect(110, 60, 140, 200, BLUE)]
    reading = read_chart(words, shapes)
    points = reading.series[0].points
    assert [(p.category, p.value, p.source) for p in points] == [
        ("2022", 40, "label"),
        ("2023", 70, "label"),
    ]
    assert reading.axis is None


def test_label_disagreeing_with_geometry_is_not_taken_as_value():
    # A "35" printed on a bar that the axis reads as 10: not this bar's value.
    words = _axis_words() + [_word("2022", 75, 210), _word("35", 75, 173)]
    shapes = [_rect(60, 180, 90, 200, BLUE), _hline(45, 50, 150), _hline(45, 50, 100)]
    point = read_chart(words, shapes).series[0].points[0]
    assert (point.value, point.source) == (10, "geometry")


def test_diagram_and_table_are_not_read_as_charts(tmp_path):
    path = tmp_path / "non_charts.pdf"
    non_chart_page(path)
    charts = extract_charts(path)
    # The captioned diagram is recorded, not skipped, and not given made-up data.
    assert [(c.number, c.kind, c.series) for c in charts] == [(5, "unknown", [])]
    assert charts[0].status.startswith("not_extracted")
