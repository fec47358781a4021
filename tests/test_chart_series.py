"""Series as reports draw them: several on a page, on two value axes, or past reading.

Each test draws its own charts with matplotlib (the page in the house style: caption
above, source line below) and checks what comes back: every point with its series,
category and value, or no point at all and a status that says why.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.charts import extract_charts
from extract.observations import chart_mentions
from extract.records import ExtractedChart

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

YEARS = ["2020", "2021", "2022", "2023"]
COSTS = [12.0, 18.0, 27.0, 35.0]  # M€, on the left axis (0 to 40)
USERS = [150.0, 320.0, 260.0, 480.0]  # thousands, on the right axis (0 to 500)


def _page(path: Path, draw: Callable, captions: dict[float, str]) -> list[ExtractedChart]:
    """An A4 page: captions at their x (share of the page width), the figure drawn by
    `draw`, a source line under it; read back with the chart reader."""
    plt.rcParams["pdf.fonttype"] = 42
    plt.rcParams["font.size"] = 9
    fig = plt.figure(figsize=(8.27, 11.69))
    for x, caption in captions.items():
        fig.text(x, 0.9, caption, fontsize=10)
    draw(fig)
    fig.text(0.1, 0.36, "Source : Cour des comptes", fontsize=8)
    fig.savefig(path)
    plt.close(fig)
    return extract_charts(path)


def _points(chart: ExtractedChart) -> dict[str | None, list[tuple[str, float]]]:
    return {s.name: [(p.category, round(p.value, 1)) for p in s.points] for s in chart.series}


def _close(got: list[tuple[str, float]], expected: list[tuple[str, float]], span: float):
    """Same categories in order, values within 1 % of the axis range."""
    assert [c for c, _ in got] == [c for c, _ in expected]
    for (_, value), (_, want) in zip(got, expected, strict=True):
        assert abs(value - want) <= 0.01 * span


# --- two value axes -----------------------------------------------------------------------


def _bars_and_line(fig, *, right_ticks: bool = True, line_on_left: bool = False) -> None:
    ax = fig.add_axes((0.15, 0.5, 0.7, 0.35))
    ax.bar(range(4), COSTS, color="#1f4e79", label="Coût")
    ax.set_ylim(0, 40)
    ax.set_yticks([0, 10, 20, 30, 40])
    ax.set_xticks(range(4), YEARS)
    other = ax.twinx()
    other.plot(range(4), USERS, color="#c00000", marker="o", label="Utilisateurs")
    other.set_ylim(0, 500)
    other.set_yticks([0, 100, 200, 300, 400, 500] if right_ticks else [])
    fig.legend(loc="lower center", bbox_to_anchor=(0.5, 0.4), ncol=2, frameon=False)


def test_bars_and_a_line_are_each_read_on_their_own_axis(tmp_path):
    [chart] = _page(
        tmp_path / "combined.pdf",
        _bars_and_line,
        {0.1: "Graphique n° 1 : Coût et utilisateurs (en M€)"},
    )
    assert chart.kind == "bar_line"
    points = _points(chart)
    _close(points["Coût"], list(zip(YEARS, COSTS, strict=True)), 40)
    _close(points["Utilisateurs"], list(zip(YEARS, USERS, strict=True)), 500)
    by_name = {s.name: s for s in chart.series}
    assert not by_name["Coût"].secondary_axis
    assert by_name["Utilisateurs"].secondary_axis


def test_a_series_on_the_secondary_axis_does_not_take_the_caption_unit(tmp_path):
    [chart] = _page(
        tmp_path / "combined.pdf",
        _bars_and_line,
        {0.1: "Graphique n° 1 : Coût et utilisateurs (en M€)"},
    )
    mentions = chart_mentions(chart, 0)
    units = {(series.name, m.unit) for (series, _), m in zip(chart.points(), mentions, strict=True)}
    # The costs are in the caption's M€; the users, read on the right axis, are a count.
    assert units == {("Coût", "EUR"), ("Utilisateurs", "count")}
    costs = [
        m.value for (s, _), m in zip(chart.points(), mentions, strict=True) if s.name == "Coût"
    ]
    assert [round(v / 1e6) for v in costs] == [round(c) for c in COSTS]


def test_a_value_axis_on_the_right_only(tmp_path):
    def draw(fig):
        ax = fig.add_axes((0.15, 0.5, 0.7, 0.35))
        ax.bar(range(4), COSTS, color="#1f4e79")
        ax.set_ylim(0, 40)
        ax.yaxis.tick_right()
        ax.set_xticks(range(4), YEARS)

    [chart] = _page(tmp_path / "right.pdf", draw, {0.1: "Graphique n° 1 : Coût (en M€)"})
    assert chart.kind == "bar_vertical"
    _close(_points(chart)[None], list(zip(YEARS, COSTS, strict=True)), 40)


def test_the_same_axis_printed_on_both_sides_is_one_axis(tmp_path):
    def draw(fig):
        ax = fig.add_axes((0.15, 0.5, 0.7, 0.35))
        ax.bar(range(4), COSTS, color="#1f4e79")
        ax.set_ylim(0, 40)
        ax.tick_params(axis="y", labelright=True)
        ax.set_xticks(range(4), YEARS)

    [chart] = _page(tmp_path / "mirror.pdf", draw, {0.1: "Graphique n° 1 : Coût (en M€)"})
    assert chart.kind == "bar_vertical"
    _close(_points(chart)[None], list(zip(YEARS, COSTS, strict=True)), 40)


def test_two_lines_on_two_axes_give_no_point_rather_than_a_guess(tmp_path):
    [chart] = _page(
        tmp_path / "lines.pdf",
        lambda fig: _two_lines(fig, coloured_ticks=False),
        {0.1: "Graphique n° 1 : Coût (en M€)"},
    )
    assert chart.caption == "Graphique n° 1 : Coût (en M€)"
    assert chart.points() == []
    assert chart.status.startswith("not_extracted: two value axes")


def _two_lines(fig, *, coloured_ticks: bool) -> None:
    ax = fig.add_axes((0.15, 0.5, 0.7, 0.35))
    ax.plot(range(4), COSTS, color="#1f4e79", marker="o")
    ax.set_ylim(0, 40)
    ax.set_xticks(range(4), YEARS)
    other = ax.twinx()
    other.plot(range(4), USERS, color="#c00000", marker="o")
    other.set_ylim(0, 500)
    if coloured_ticks:
        ax.tick_params(axis="y", labelcolor="#1f4e79")
        other.tick_params(axis="y", labelcolor="#c00000")


def test_lines_on_two_axes_read_on_the_axis_printed_in_their_colour(tmp_path):
    [chart] = _page(
        tmp_path / "lines.pdf",
        lambda fig: _two_lines(fig, coloured_ticks=True),
        {0.1: "Graphique n° 1 : Coût (en M€)"},
    )
    assert chart.kind == "line"
    left, right = sorted(chart.series, key=lambda s: s.secondary_axis)
    _close([(p.category, p.value) for p in left.points], list(zip(YEARS, COSTS, strict=True)), 40)
    _close([(p.category, p.value) for p in right.points], list(zip(YEARS, USERS, strict=True)), 500)


def test_bars_on_the_right_axis_when_its_labels_wear_their_colour(tmp_path):
    def draw(fig):
        ax = fig.add_axes((0.15, 0.5, 0.7, 0.35))
        ax.plot(range(4), COSTS, color="#c00000", marker="o", zorder=3)
        ax.set_ylim(0, 40)
        ax.set_xticks(range(4), YEARS)
        ax.tick_params(axis="y", labelcolor="#c00000")
        other = ax.twinx()
        other.bar(range(4), USERS, color="#1f4e79", zorder=1)
        other.set_ylim(0, 500)
        other.tick_params(axis="y", labelcolor="#1f4e79")

    [chart] = _page(tmp_path / "swapped.pdf", draw, {0.1: "Graphique n° 1 : Coût (en M€)"})
    assert chart.kind == "bar_line"
    points = {s.secondary_axis: [(p.category, p.value) for p in s.points] for s in chart.series}
    _close(points[False], list(zip(YEARS, COSTS, strict=True)), 40)  # the line, on the left
    _close(points[True], list(zip(YEARS, USERS, strict=True)), 500)  # the bars, on the right


def _combined_page(path: Path) -> None:
    """Bars on a left axis (0 to 40) and a line on a right axis (0 to 500) drawn with
    reportlab as an office suite draws them: each marker painted twice (its fill, then
    its outline), a marker inside the bar under it where the line runs lower."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 770, "Graphique n° 6 : Coût et utilisateurs (en M€)")
    base, top, left, right = 500.0, 740.0, 110.0, 450.0
    pdf.setFont("Helvetica", 8)
    for i in range(5):
        y = base + (top - base) * i / 4
        pdf.setStrokeColorRGB(0.55, 0.55, 0.55)
        pdf.line(left, y, right, y)
        pdf.drawRightString(left - 6, y - 3, str(10 * i))
    for i in range(6):
        pdf.drawString(right + 6, base + (top - base) * i / 5 - 3, str(100 * i))
    centres = [left + 42.5 + 85 * i for i in range(4)]
    pdf.setFillColorRGB(0.31, 0.5, 0.74)
    for centre, cost in zip(centres, COSTS, strict=True):
        pdf.rect(centre - 20, base, 40, (top - base) * cost / 40, stroke=0, fill=1)
    vertices = [
        (centre, base + (top - base) * users / 500)
        for centre, users in zip(centres, USERS, strict=True)
    ]
    pdf.setStrokeColorRGB(0.75, 0.29, 0.28)
    pdf.setFillColorRGB(0.75, 0.29, 0.28)
    line = pdf.beginPath()
    line.moveTo(*vertices[0])
    for vertex in vertices[1:]:
        line.lineTo(*vertex)
    pdf.drawPath(line, stroke=1, fill=0)
    for x, y in vertices:
        pdf.circle(x, y, 2.5, stroke=0, fill=1)
        pdf.circle(x, y, 2.5, stroke=1, fill=0)
    pdf.setFillColorRGB(0, 0, 0)
    for centre, year in zip(centres, YEARS, strict=True):
        pdf.drawCentredString(centre, base - 12, year)
    pdf.drawString(72, 460, "Source : Dinum")
    pdf.showPage()
    pdf.save()


def test_a_line_marker_inside_a_bar_leaves_the_bar_a_bar(tmp_path):
    path = tmp_path / "combined.pdf"
    _combined_page(path)
    [chart] = extract_charts(path)
    assert chart.kind == "bar_line"
    bars, line = (
        [(p.category, p.value) for p in series.points]
        for series in sorted(chart.series, key=lambda s: s.secondary_axis)
    )
    _close(bars, list(zip(YEARS, COSTS, strict=True)), 40)
    _close(line, list(zip(YEARS, USERS, strict=True)), 500)


def _legend_page(path: Path, swatch: tuple[float, float]) -> None:
    """Grouped bars (Tchap, Resana) with 8-point tick labels and a legend under them whose
    names are set in 10 points beside swatches of the given width and height."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 770, "Graphique n° 7 : Comptes ouverts (en milliers)")
    base, top, left = 560.0, 720.0, 120.0
    pdf.setFont("Helvetica", 8)
    for tick in range(0, 41, 10):
        y = base + (top - base) * tick / 40
        pdf.setStrokeColorRGB(0.8, 0.8, 0.8)
        pdf.line(left, y, left + 320, y)
        pdf.drawRightString(left - 5, y - 3, str(tick))
    colours = ((0.12, 0.31, 0.47), (0.88, 0.48, 0.22))
    for i, year in enumerate(YEARS):
        centre = left + 40 + 80 * i
        for k, values in enumerate((COSTS, MONTH_VALUES)):
            pdf.setFillColorRGB(*colours[k])
            height = (top - base) * values[i] / 40
            pdf.rect(centre - 24 + 24 * k, base, 24, height, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.drawCentredString(centre, base - 12, year)
    width, height = swatch
    x = 180.0
    for colour, name in zip(colours, ("Tchap", "Resana"), strict=True):
        pdf.setFillColorRGB(*colour)
        pdf.rect(x, base - 38, width, height, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(x + width + 4, base - 38 + height / 2 - 3.5, name)
        x += width + 90
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, 480, "Source : Dinum")
    pdf.showPage()
    pdf.save()


def test_a_legend_swatch_sized_to_its_larger_name_names_its_series(tmp_path):
    path = tmp_path / "legend.pdf"
    _legend_page(path, swatch=(23.0, 6.0))  # as LibreOffice draws them
    [chart] = extract_charts(path)
    points = _points(chart)
    _close(points["Tchap"], list(zip(YEARS, COSTS, strict=True)), 40)
    _close(points["Resana"], list(zip(YEARS, MONTH_VALUES, strict=True)), 40)


def test_a_patch_floating_off_the_baseline_is_no_bar(tmp_path):
    path = tmp_path / "legend.pdf"
    _legend_page(path, swatch=(60.0, 14.0))  # too big for a swatch: unnamed series
    [chart] = extract_charts(path)
    got = sorted(((p.category, round(p.value, 1)) for _, p in chart.points()))
    want = sorted(
        (year, value)
        for values in (COSTS, MONTH_VALUES)
        for year, value in zip(YEARS, values, strict=True)
    )
    assert [c for c, _ in got] == [c for c, _ in want]
    assert all(abs(a - b) <= 0.4 for (_, a), (_, b) in zip(got, want, strict=True))


# --- charts that cannot be read ----------------------------------------------------------


def _radar_page(path: Path, *, segments: bool) -> None:
    """A radar chart of five axes drawn with reportlab: spokes, rings labelled 0 to 5 up
    the vertical spoke (a column of numbers, as a value axis has), and the data outline,
    as one closed path or one segment per side (as office suites draw it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 760, "Graphique n° 3 : Maturité numérique par axe (en points)")
    cx, cy, radius = 300.0, 560.0, 150.0

    def at(axis: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 + 2 * math.pi * axis / 5
        return cx + radius * value / 5 * math.cos(angle), cy + radius * value / 5 * math.sin(angle)

    pdf.setStrokeColorRGB(0.7, 0.7, 0.7)
    for axis in range(5):
        pdf.line(cx, cy, *at(axis, 5))
    for ring in range(1, 6):
        outline = pdf.beginPath()
        outline.moveTo(*at(0, ring))
        for axis in range(1, 5):
            outline.lineTo(*at(axis, ring))
        outline.close()
        pdf.drawPath(outline, stroke=1, fill=0)
    pdf.setFont("Helvetica", 8)
    for ring in range(6):
        pdf.drawRightString(cx - 4, cy + radius * ring / 5 - 3, str(ring))
    for axis, name in enumerate(("Usages", "Données", "Sécurité", "Compétences", "Achats")):
        x, y = at(axis, 5.6)
        pdf.drawCentredString(x, y, name)
    values = (3, 4, 2, 5, 3)
    corners = [at(axis, v) for axis, v in enumerate(values)]
    pdf.setStrokeColorRGB(0.75, 0.1, 0.1)
    pdf.setLineWidth(1.5)
    if segments:
        for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
            pdf.line(*a, *b)
    else:
        outline = pdf.beginPath()
        outline.moveTo(*corners[0])
        for corner in corners[1:]:
            outline.lineTo(*corner)
        outline.close()
        pdf.drawPath(outline, stroke=1, fill=0)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, 360, "Source : enquête de la Cour")
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize("segments", [False, True])
def test_a_radar_chart_lands_with_its_caption_and_no_point(tmp_path, segments):
    path = tmp_path / "radar.pdf"
    _radar_page(path, segments=segments)
    [chart] = extract_charts(path)
    assert chart.caption == "Graphique n° 3 : Maturité numérique par axe (en points)"
    assert chart.source_line == "Source : enquête de la Cour"
    assert chart.points() == []
    assert chart.status.startswith("not_extracted: radar chart")


def test_a_matplotlib_radar_gives_no_point(tmp_path):
    def draw(fig):
        ax = fig.add_axes((0.25, 0.45, 0.5, 0.4), polar=True)
        angles = [2 * math.pi * i / 5 for i in range(5)]
        ax.plot(angles + angles[:1], [3, 4, 2, 5, 3, 3], color="#c00000")
        ax.set_xticks(angles, ["Usages", "Données", "Sécurité", "Compétences", "Achats"])
        ax.set_theta_offset(math.pi / 2)
        ax.set_rlabel_position(0)  # ring labels up the vertical spoke
        ax.set_rticks([1, 2, 3, 4, 5])

    [chart] = _page(tmp_path / "radar.pdf", draw, {0.1: "Graphique n° 3 : Maturité (en points)"})
    assert chart.caption == "Graphique n° 3 : Maturité (en points)"
    assert chart.points() == []
    assert chart.status.startswith("not_extracted")


def test_graphics_that_are_no_chart_land_with_their_caption_and_why(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "arrows.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 760, "Graphique n° 5 : Parcours d'un agent (en étapes)")
    for i in range(4):  # circles joined by curved arrows: a process, no marks nor axis
        pdf.circle(120 + 110 * i, 650, 30, stroke=1, fill=0)
        pdf.drawCentredString(120 + 110 * i, 646, f"Étape {i + 1}")
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, 580, "Source : Dinum")
    pdf.showPage()
    pdf.save()
    [chart] = extract_charts(path)
    assert chart.caption == "Graphique n° 5 : Parcours d'un agent (en étapes)"
    assert chart.points() == []
    assert chart.status.startswith("not_extracted")


# --- category labels at an angle -----------------------------------------------------------

MONTHS = ["janv. 2023", "févr. 2023", "mars 2023", "avr. 2023"]
MONTH_VALUES = [12.0, 25.0, 18.0, 31.0]


def _turned_labels_page(path: Path, angle: float, reversed_glyphs: bool) -> None:
    """Bars under a caption, their category names turned by `angle` degrees and hanging
    from the bar's position; each name drawn glyph by glyph, from its last glyph back
    to its first when reversed_glyphs (as some producers place glyphs)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 770, "Graphique n° 2 : Demandes traitées par mois (en milliers)")
    base, top, left = 560.0, 720.0, 120.0
    pdf.setFont("Helvetica", 8)
    for tick in range(0, 41, 10):
        y = base + (top - base) * tick / 40
        pdf.setStrokeColorRGB(0.8, 0.8, 0.8)
        pdf.line(left, y, left + 320, y)
        pdf.drawRightString(left - 5, y - 3, str(tick))
    rad = math.radians(angle)
    for i, (name, value) in enumerate(zip(MONTHS, MONTH_VALUES, strict=True)):
        centre = left + 40 + 80 * i
        pdf.setFillColorRGB(0.2, 0.35, 0.55)
        pdf.rect(centre - 15, base, 30, (top - base) * value / 40, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        # The name ends (turned upwards) or starts (turned downwards) under the bar.
        width = stringWidth(name, "Helvetica", 8)
        start = -width if angle > 0 else 0.0
        glyphs = []
        for k, glyph in enumerate(name):
            offset = start + stringWidth(name[:k], "Helvetica", 8)
            glyphs.append(
                (glyph, centre + offset * math.cos(rad), base - 6 + offset * math.sin(rad))
            )
        for glyph, x, y in reversed(glyphs) if reversed_glyphs else glyphs:
            pdf.saveState()
            pdf.translate(x, y)
            pdf.rotate(angle)
            pdf.drawString(0, 0, glyph)
            pdf.restoreState()
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, 440, "Source : Dinum")
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize("angle", [45, 90, -45, -90])
@pytest.mark.parametrize("reversed_glyphs", [False, True])
def test_turned_labels_read_in_their_text_direction(tmp_path, angle, reversed_glyphs):
    path = tmp_path / "turned.pdf"
    _turned_labels_page(path, angle, reversed_glyphs)
    [chart] = extract_charts(path)
    _close(_points(chart)[None], list(zip(MONTHS, MONTH_VALUES, strict=True)), 40)


# --- category labels wrapped over lines ------------------------------------------------------

CHANNELS = [("Accueil\nphysique", 14.0), ("Courriel", 22.0), ("Accueil\ntéléphonique", 9.0)]


def _wrapped_labels_page(path: Path, align: str) -> None:
    """Bars whose names are wrapped over two lines where too long for their slot, the
    one-line names set on the first line (align "top"), between the two ("middle", as
    office suites centre them) or on the second ("bottom")."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 770, "Graphique n° 4 : Demandes par canal (en milliers)")
    base, top, left = 560.0, 720.0, 120.0
    pdf.setFont("Helvetica", 8)
    for tick in range(0, 26, 5):
        y = base + (top - base) * tick / 25
        pdf.setStrokeColorRGB(0.8, 0.8, 0.8)
        pdf.line(left, y, left + 300, y)
        pdf.drawRightString(left - 5, y - 3, str(tick))
    shift = {"top": 0.0, "middle": 5.0, "bottom": 10.0}[align]
    for i, (name, value) in enumerate(CHANNELS):
        centre = left + 50 + 100 * i
        pdf.setFillColorRGB(0.2, 0.35, 0.55)
        pdf.rect(centre - 20, base, 40, (top - base) * value / 25, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        lines = name.split("\n")
        first = base - 12 - (shift if len(lines) == 1 else 0.0)
        for k, line in enumerate(lines):
            pdf.drawCentredString(centre, first - 10 * k, line)
    pdf.drawString(72, 500, "Source : Dinum")
    pdf.showPage()
    pdf.save()


@pytest.mark.parametrize("align", ["top", "middle", "bottom"])
def test_names_wrapped_over_two_lines_are_read_whole(tmp_path, align):
    path = tmp_path / "wrapped.pdf"
    _wrapped_labels_page(path, align)
    [chart] = extract_charts(path)
    expected = [(name.replace("\n", " "), value) for name, value in CHANNELS]
    _close(_points(chart)[None], expected, 25)


# --- several charts on a page ----------------------------------------------------------------

GRID = {
    # caption position (x, y as shares of the page) -> (categories, values, axis top)
    (0.08, 0.9): (["Nord", "Sud", "Est"], [12.0, 30.0, 21.0], 40),
    (0.55, 0.9): (["Tchap", "Resana"], [450.0, 120.0], 500),
    (0.08, 0.6): (["2021", "2022", "2023", "2024"], [3.5, 4.0, 6.5, 7.0], 8),
    (0.55, 0.6): (["Paris", "Lyon", "Lille"], [70.0, 55.0, 85.0], 100),
}


def test_four_charts_on_a_page_each_with_its_caption_and_axis(tmp_path):
    captions = {
        position: f"Graphique n° {n} : Série {n} (en %)" for n, position in enumerate(GRID, 1)
    }
    plt.rcParams["pdf.fonttype"] = 42
    plt.rcParams["font.size"] = 9
    fig = plt.figure(figsize=(8.27, 11.69))
    for (x, y), (names, values, top) in GRID.items():
        fig.text(x, y, captions[(x, y)], fontsize=10)
        ax = fig.add_axes((x + 0.06, y - 0.23, 0.32, 0.2))
        if names[0].isdigit():
            ax.plot(range(len(names)), values, color="#c00000", marker="o")
        else:
            ax.bar(range(len(names)), values, color="#1f4e79")
        ax.set_ylim(0, top)
        ax.set_xticks(range(len(names)), names)
        fig.text(x, y - 0.27, "Source : Dinum", fontsize=8)
    path = tmp_path / "grid.pdf"
    fig.savefig(path)
    plt.close(fig)
    charts = extract_charts(path)
    assert [c.caption for c in charts] == list(captions.values())
    for chart, (names, values, top) in zip(charts, GRID.values(), strict=True):
        assert chart.source_line == "Source : Dinum"
        _close(_points(chart)[None], list(zip(names, values, strict=True)), top)
