"""Charts as producers other than plotting libraries lay them out.

Office suites, browsers and report templates draw a chart the way their page asks: bars as
closed paths, a chart in one column of a two-column page, value labels with a qualifier
("> 75"), category labels rotated or wrapped. Each test draws a small chart of its own
with reportlab and checks that the points come back with the right category and value.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.charts import find_charts
from extract.charts.axes import parse_value_label
from extract.charts.marks import read_chart
from extract.charts.primitives import Phrase, as_rect
from extract.observations import chart_mentions
from extract.pdf import read_page
from extract.pdf.shapes import Shape
from extract.records import ExtractedChart
from tests.pdf_fixtures import DEJAVU_SANS

# A font of the tests' own with the glyphs reports print in labels ("≈", "−").
FONT = "ChartLayoutSans"
PAGE_HEIGHT = A4[1]
BAR_BLUE = (0.2, 0.35, 0.55)


@dataclass(frozen=True)
class Bar:
    category: str
    value: float
    printed: str | None = None  # the value label over the bar, when it differs from value


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, DEJAVU_SANS))


def draw_bar_chart(
    pdf: canvas.Canvas,
    bars: list[Bar],
    *,
    left: float,
    top: float,
    width: float,
    axis_max: float,
    step: float,
    caption: str | None = "Graphique n° 1 : Valeurs par catégorie (en %)",
    bar_as_path: bool = False,
    label_angle: float = 0,
    size: float = 8,
) -> float:
    """A vertical bar chart with caption, gridlines, ticks, value and category labels and
    a source line, its caption's top `top` points below the page top; returns the
    source line's bottom (points below the page top)."""

    def y(distance_from_top: float) -> float:
        return PAGE_HEIGHT - distance_from_top

    plot_top = top + 2.5 * size + 10
    plot_h = 120.0
    base = plot_top + plot_h
    plot_left = left + 4 * size
    if caption:
        pdf.setFont(FONT, size + 1)
        pdf.drawString(left, y(top + size), caption)
    pdf.setFont(FONT, size)
    pdf.setLineWidth(0.5)
    ticks = int(round(axis_max / step))
    for i in range(ticks + 1):
        tick_y = base - plot_h * i / ticks
        pdf.setStrokeColorRGB(0.8, 0.8, 0.8)
        pdf.line(plot_left - 3, y(tick_y), left + width, y(tick_y))
        label = f"{i * step:g}".replace(".", ",")
        pdf.drawRightString(plot_left - 5, y(tick_y) - size / 3, label)
    slot = (left + width - plot_left) / len(bars)
    pdf.setFillColorRGB(*BAR_BLUE)
    for i, bar in enumerate(bars):
        centre = plot_left + slot * (i + 0.5)
        half = slot * 0.3
        bar_top = base - plot_h * bar.value / axis_max
        if bar_as_path:
            # Drawn from the middle of its base, round the outline, back to the middle:
            # how office suites write a bar.
            path = pdf.beginPath()
            path.moveTo(centre, y(base))
            for px, py in (
                (centre - half, base),
                (centre - half, bar_top),
                (centre + half, bar_top),
                (centre + half, base),
                (centre, base),
            ):
                path.lineTo(px, y(py))
            pdf.drawPath(path, stroke=0, fill=1)
        else:
            pdf.rect(centre - half, y(base), 2 * half, plot_h * bar.value / axis_max, 0, 1)
    pdf.setFillColorRGB(0, 0, 0)
    for i, bar in enumerate(bars):
        centre = plot_left + slot * (i + 0.5)
        bar_top = base - plot_h * bar.value / axis_max
        printed = bar.printed or f"{bar.value:g}".replace(".", ",")
        pdf.drawCentredString(centre, y(bar_top - 3), printed)
        if label_angle:
            # Turned about its end, which hangs from the bar's position under the axis.
            pdf.saveState()
            pdf.translate(centre, y(base + 4))
            pdf.rotate(label_angle)
            pdf.drawRightString(0, 0, bar.category)
            pdf.restoreState()
        else:
            pdf.drawCentredString(centre, y(base + size + 2), bar.category)
    pdf.setStrokeColorRGB(0, 0, 0)
    pdf.line(plot_left, y(base), left + width, y(base))
    source_top = base + 2.5 * size + 6 + (90 if label_angle else 0)
    pdf.setFont(FONT, size - 1)
    pdf.drawString(left, y(source_top + size), "Source : enquête annuelle")
    return source_top + size + 2


def _charts(path: Path) -> list[ExtractedChart]:
    charts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            try:
                charts += find_charts(read_page(page))
            finally:
                page.close()
    return charts


def _points(chart: ExtractedChart) -> list[tuple[str, float]]:
    return [(point.category, point.value) for _, point in chart.points()]


@pytest.fixture
def new_pdf(tmp_path):
    """A one-page canvas to draw on, saved and read back by the test."""
    _register_font()
    path = tmp_path / "chart.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    return path, pdf


BARS = [Bar("Nord", 40), Bar("Sud", 65), Bar("Est", 20), Bar("Ouest", 85)]


# --- bars drawn as paths ----------------------------------------------------------------


def test_bars_drawn_as_closed_paths_are_read_as_bars(new_pdf):
    path, pdf = new_pdf
    draw_bar_chart(pdf, BARS, left=72, top=100, width=400, axis_max=100, step=25, bar_as_path=True)
    pdf.save()
    [chart] = _charts(path)
    assert chart.kind == "bar_vertical"
    assert _points(chart) == [("Nord", 40), ("Sud", 65), ("Est", 20), ("Ouest", 85)]


def _path(*pts: tuple[float, float], fill=BAR_BLUE) -> Shape:
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    return Shape("curve", min(xs), min(ys), max(xs), max(ys), fill, None, tuple(pts))


def test_as_rect_takes_outlines_of_their_box_only():
    outline = _path((5, 10), (0, 10), (0, 0), (10, 0), (10, 10), (5, 10))
    assert as_rect(outline).kind == "rect"
    # An L (a vertex inside its box), a triangle (a slanted side), an open polyline.
    ell = _path((0, 0), (10, 0), (10, 5), (5, 5), (5, 10), (0, 10), (0, 0))
    triangle = _path((0, 10), (5, 0), (10, 10), (0, 10))
    open_line = _path((0, 10), (0, 0), (10, 0), (10, 10))
    assert [as_rect(s).kind for s in (ell, triangle, open_line)] == ["curve"] * 3


# --- a chart in one column of a two-column page -----------------------------------------

# Prose of the right-hand column: long enough lines, at every height of the left one.
RIGHT_PROSE = (
    "Les crédits ouverts en loi de finances ont été consommés",
    "à hauteur de quatre-vingts pour cent, selon le rapport",
    "annuel de performance ; le solde a été reporté sur",
    "l’exercice suivant, comme le prévoit la loi organique.",
)


def _two_column_page(pdf: canvas.Canvas, chart_width: float) -> None:
    """Prose in both columns (gutter at x 300), a chart under a caption in the left one."""
    pdf.setFont(FONT, 9)
    for i in range(44):
        line = RIGHT_PROSE[i % len(RIGHT_PROSE)]
        pdf.drawString(310, PAGE_HEIGHT - 60 - 14 * i, line)
        if i < 6 or i > 26:
            pdf.drawString(60, PAGE_HEIGHT - 60 - 14 * i, line[:44])
    draw_bar_chart(
        pdf,
        BARS,
        left=60,
        top=150,
        width=chart_width,
        axis_max=100,
        step=25,
        caption="Graphique n° 2 : Part des sites (en %)",
    )


def test_chart_in_a_column_keeps_to_its_column(new_pdf):
    path, pdf = new_pdf
    _two_column_page(pdf, chart_width=220)
    pdf.save()
    [chart] = _charts(path)
    # The caption is not read on with the other column's prose, nor are its labels.
    assert chart.caption == "Graphique n° 2 : Part des sites (en %)"
    assert chart.source_line == "Source : enquête annuelle"
    assert _points(chart) == [("Nord", 40), ("Sud", 65), ("Est", 20), ("Ouest", 85)]
    # The prose beside the chart is left to the prose reader.
    assert chart.bbox[2] < 300


def test_chart_wider_than_its_column_is_read_whole(new_pdf):
    path, pdf = new_pdf
    # The caption stands in the left column, the chart reaches far over the gutter.
    _register_font()
    pdf.setFont(FONT, 9)
    for i in range(6):
        pdf.drawString(60, PAGE_HEIGHT - 60 - 14 * i, RIGHT_PROSE[i % 4][:44])
        pdf.drawString(310, PAGE_HEIGHT - 60 - 14 * i, RIGHT_PROSE[i % 4])
    pdf.drawString(310, PAGE_HEIGHT - 60 - 14 * 6, RIGHT_PROSE[0])
    draw_bar_chart(pdf, BARS, left=60, top=144, width=470, axis_max=100, step=25, caption=None)
    pdf.setFont(FONT, 9)
    pdf.drawString(60, PAGE_HEIGHT - 60 - 14 * 6, "Graphique n° 3 : Sites")
    pdf.save()
    [chart] = _charts(path)
    assert chart.caption == "Graphique n° 3 : Sites"
    assert _points(chart) == [("Nord", 40), ("Sud", 65), ("Est", 20), ("Ouest", 85)]


# --- value labels that round or bound the value -----------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("75", (75, "exact")),
        ("> 75", (75, "above")),
        ("< 3 000", (3000, "below")),
        ("\u2248 54", (54, "approx")),
        ("\u2264 12,5 %", (12.5, "at_most")),
        ("environ 3", (3, "approx")),
        ("plus de 10 %", (10, "above")),
        ("Nord 52", None),  # a name and a number: not a value label
        ("n.d.", None),
    ],
)
def test_parse_value_label(text, read):
    assert parse_value_label(text) == read


def test_qualified_value_labels_are_values_with_their_qualifier(new_pdf):
    path, pdf = new_pdf
    bars = [
        Bar("Nord", 40),
        Bar("Sud", 75, "> 75"),
        Bar("Est", 20, "\u2248 20"),
        Bar("Ouest", 85, "environ 85"),
    ]
    draw_bar_chart(pdf, bars, left=72, top=100, width=400, axis_max=100, step=25)
    pdf.save()
    [chart] = _charts(path)
    points = [(p.category, p.value, p.source, p.qualifier) for _, p in chart.points()]
    assert points == [
        ("Nord", 40, "label", "exact"),
        ("Sud", 75, "label", "above"),
        ("Est", 20, "label", "approx"),
        ("Ouest", 85, "label", "approx"),
    ]
    # The qualifier travels with the point's mention to the warehouse.
    qualifiers = [m.qualifier for m in chart_mentions(chart, 0)]
    assert qualifiers == ["exact", "above", "approx", "approx"]


# --- category labels too long for their slot --------------------------------------------


def test_labels_drawn_over_each_other_are_told_apart(new_pdf):
    path, pdf = new_pdf
    bars = [
        Bar("Administrations centrales", 40),
        Bar("Services déconcentrés", 65),
        Bar("Opérateurs nationaux", 20),
    ]
    # Three slots of some 50 points for names of 80 to 100: each overlaps its neighbours.
    draw_bar_chart(pdf, bars, left=72, top=100, width=180, axis_max=100, step=25)
    pdf.save()
    [chart] = _charts(path)
    assert _points(chart) == [
        ("Administrations centrales", 40),
        ("Services déconcentrés", 65),
        ("Opérateurs nationaux", 20),
    ]


def test_caption_in_capitals_announces_its_chart(new_pdf):
    path, pdf = new_pdf
    caption = "GRAPHIQUE N° 4 : PART DES SITES RACCORDÉS EN 2023 (EN %)"
    draw_bar_chart(pdf, BARS, left=72, top=100, width=400, axis_max=100, step=25, caption=caption)
    pdf.save()
    [chart] = _charts(path)
    assert (chart.number, chart.caption, chart.unit) == (4, caption, "%")
    assert _points(chart) == [("Nord", 40), ("Sud", 65), ("Est", 20), ("Ouest", 85)]


@pytest.mark.parametrize("angle", [45, 90])
def test_category_labels_set_at_an_angle(new_pdf, angle):
    path, pdf = new_pdf
    bars = [
        Bar("Administrations centrales", 40),
        Bar("Services déconcentrés", 65),
        Bar("Opérateurs", 20),
        Bar("Collectivités territoriales", 85),
    ]
    draw_bar_chart(
        pdf, bars, left=72, top=100, width=300, axis_max=100, step=25, label_angle=angle
    )
    pdf.save()
    [chart] = _charts(path)
    assert _points(chart) == [(b.category, b.value) for b in bars]


# --- line series drawn one segment at a time --------------------------------------------

LINE_VALUES = [("2019", 1.5), ("2020", 3.2), ("2021", 4.8), ("2022", 4.1), ("2023", 6.0)]


def draw_line_chart(pdf: canvas.Canvas, *, one_segment_per_step: bool) -> None:
    """A line chart of LINE_VALUES (axis 0 to 8), the series one path or one segment per
    step between categories, as office suites draw it."""

    def y(distance_from_top: float) -> float:
        return PAGE_HEIGHT - distance_from_top

    pdf.setFont(FONT, 9)
    pdf.drawString(72, y(110), "Graphique n° 1 : Messages échangés (en millions)")
    base, height, left, right = 300.0, 150.0, 110.0, 470.0
    pdf.setFont(FONT, 8)
    for i in range(5):
        tick_y = base - height * i / 4
        pdf.setStrokeColorRGB(0.8, 0.8, 0.8)
        pdf.line(left, y(tick_y), right, y(tick_y))
        pdf.drawRightString(left - 5, y(tick_y) - 3, str(2 * i))
    points = [(left + 30 + 75 * i, base - height * v / 8) for i, (_, v) in enumerate(LINE_VALUES)]
    pdf.setStrokeColorRGB(0.8, 0.3, 0.1)
    pdf.setLineWidth(1.5)
    if one_segment_per_step:
        for (x0, t0), (x1, t1) in zip(points, points[1:], strict=False):
            pdf.line(x0, y(t0), x1, y(t1))
    else:
        path = pdf.beginPath()
        path.moveTo(points[0][0], y(points[0][1]))
        for x, t in points[1:]:
            path.lineTo(x, y(t))
        pdf.drawPath(path, stroke=1, fill=0)
    for (x, _), (year, _) in zip(points, LINE_VALUES, strict=True):
        pdf.drawCentredString(x, y(base + 12), year)
    pdf.setFont(FONT, 7)
    pdf.drawString(72, y(base + 30), "Source : statistiques d’usage")


@pytest.mark.parametrize("one_segment_per_step", [False, True])
def test_line_series_drawn_segment_by_segment_is_one_series(new_pdf, one_segment_per_step):
    path, pdf = new_pdf
    draw_line_chart(pdf, one_segment_per_step=one_segment_per_step)
    pdf.save()
    [chart] = _charts(path)
    assert chart.kind == "line"
    assert len(chart.series) == 1
    assert _points(chart) == LINE_VALUES


def test_turned_axis_title_beside_horizontal_bars_is_no_category():
    # Bars of 20, 35, 50 on an axis of 0 to 60 (2 points a unit) from x 100; names left.
    names = ["Nord", "Sud", "Est"]
    shapes = [
        Shape("rect", 100, 60 + 30 * i, 100 + 2 * v, 80 + 30 * i, BAR_BLUE, None)
        for i, v in enumerate((20, 35, 50))
    ]
    words = [
        Phrase(name, 60, 65 + 30 * i, 90, 75 + 30 * i, 10.0) for i, name in enumerate(names)
    ]
    words += [
        Phrase(str(t), 100 + 2 * t - 5, 155, 100 + 2 * t + 5, 165, 10.0) for t in (0, 20, 40, 60)
    ]
    # "Régions", turned by 90 degrees, left of the names across the middle bar.
    words.append(Phrase("Régions", 40, 70, 50, 130, 10.0, upright=False))
    reading = read_chart(words, shapes)
    assert reading is not None and reading.kind == "bar_horizontal"
    got = [(p.category, p.value) for s in reading.series for p in s.points]
    assert got == [("Nord", 20), ("Sud", 35), ("Est", 50)]


def test_charts_side_by_side_keep_their_own_bars(new_pdf):
    path, pdf = new_pdf
    cities = [Bar("Paris", 30), Bar("Lyon", 55), Bar("Lille", 10)]
    caption_1, caption_2 = "Graphique n° 1 : Sites (en %)", "Graphique n° 2 : Villes (en %)"
    side = {"top": 100, "width": 220}
    draw_bar_chart(pdf, BARS, left=60, axis_max=100, step=25, caption=caption_1, **side)
    draw_bar_chart(pdf, cities, left=320, axis_max=60, step=20, caption=caption_2, **side)
    pdf.save()
    first, second = _charts(path)
    assert (first.caption, _points(first)) == (caption_1, [(b.category, b.value) for b in BARS])
    # Not the neighbour's bars read against this chart's axis.
    assert (second.caption, _points(second)) == (caption_2, [(b.category, b.value) for b in cities])
