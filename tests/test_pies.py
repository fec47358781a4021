"""Pies and donuts read from their slices (issue #10), on slices drawn here.

The corpus (tests/chart_corpus.py) holds pies by four producers; these tests pin the
reading down on hand-made slices: Bézier arcs measured whole, shares from areas whatever
slice is pulled out, labels matched by direction and legends by colour, printed values
winning unless their slice belies them.
"""

from __future__ import annotations

import math

import pytest

from extract.charts.pies import read_pie
from extract.charts.primitives import Phrase
from extract.pdf.shapes import Shape, path_area

BLUE, ORANGE, GREEN = (0.12, 0.31, 0.47), (0.88, 0.48, 0.22), (0.42, 0.66, 0.31)
CENTRE, RADIUS = (200.0, 200.0), 60.0


def _point(centre: tuple[float, float], radius: float, angle: float) -> tuple[float, float]:
    """Clockwise from twelve o'clock, y growing downwards as on a page."""
    return centre[0] + radius * math.sin(angle), centre[1] - radius * math.cos(angle)


def _arc(centre, radius: float, start: float, end: float) -> list[tuple]:
    """Bézier segments of at most a quarter turn, as producers write arcs."""
    ops = []
    steps = max(1, math.ceil(abs(end - start) / (math.pi / 2)))
    step = (end - start) / steps
    k = 4 / 3 * math.tan(step / 4)
    for i in range(steps):
        a, b = start + i * step, start + (i + 1) * step
        p0, p3 = _point(centre, radius, a), _point(centre, radius, b)
        # Tangent of a clockwise turn on the page: (cos, sin) scaled by the radius.
        p1 = (p0[0] + k * radius * math.cos(a), p0[1] + k * radius * math.sin(a))
        p2 = (p3[0] - k * radius * math.cos(b), p3[1] - k * radius * math.sin(b))
        ops.append(("c", p1, p2, p3))
    return ops


def _shape(path: list[tuple], colour) -> Shape:
    pts = [op[-1] for op in path if op[0] in "mlc"]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    for op in path:
        if op[0] == "c":
            xs += [op[1][0], op[2][0]]
            ys += [op[1][1], op[2][1]]
    return Shape(
        "curve", min(xs), min(ys), max(xs), max(ys), colour, None, tuple(pts), path_area(path)
    )


def _slice(start: float, end: float, colour, offset: float = 0.0, hole: float = 0.0) -> Shape:
    """A slice from start to end (fractions of a turn), pulled out by offset points."""
    a, b = start * math.tau, end * math.tau
    centre = _point(CENTRE, offset, (a + b) / 2)
    if hole:
        path = [("m", _point(centre, RADIUS, a))] + _arc(centre, RADIUS, a, b)
        path += [("l", _point(centre, hole, b))] + _arc(centre, hole, b, a) + [("h",)]
    else:
        path = [("m", centre), ("l", _point(centre, RADIUS, a))]
        path += _arc(centre, RADIUS, a, b) + [("h",)]
    return _shape(path, colour)


def _word(text: str, x: float, y: float, size: float = 9.0) -> Phrase:
    return Phrase(text, x, y - size / 2, x + 0.55 * size * len(text), y + size / 2, size)


def _beside(text: str, start: float, end: float, distance: float = RADIUS + 20) -> Phrase:
    """A label set at the middle of a slice, centred on its direction."""
    x, y = _point(CENTRE, distance, (start + end) / 2 * math.tau)
    half = 0.55 * 9 * len(text) / 2
    return _word(text, x - half, y)


SHARES = ((0.0, 0.5, BLUE), (0.5, 0.8, ORANGE), (0.8, 1.0, GREEN))


def test_path_area_follows_bezier_arcs():
    circle = [("m", _point(CENTRE, 50, 0))] + _arc(CENTRE, 50, 0, math.tau) + [("h",)]
    assert path_area(circle) == pytest.approx(math.pi * 50**2, rel=1e-3)
    hole = [("m", _point(CENTRE, 20, 0))] + _arc(CENTRE, 20, 0, -math.tau) + [("h",)]
    assert path_area(circle + hole) == pytest.approx(math.pi * (50**2 - 20**2), rel=1e-3)


@pytest.mark.parametrize("pulled", [None, 0, 1, 2])
def test_shares_come_from_areas_whatever_slice_is_pulled_out(pulled):
    names = ("Tchap", "Resana", "Osmose")
    shapes = [
        _slice(start, end, colour, offset=12.0 if i == pulled else 0.0)
        for i, (start, end, colour) in enumerate(SHARES)
    ]
    words = [_beside(n, s, e) for n, (s, e, _) in zip(names, SHARES, strict=True)]
    reading = read_pie(words, shapes)
    assert reading is not None and reading.kind == "pie" and reading.unit == "%"
    got = {p.category: (p.value, p.source) for p in reading.series[0].points}
    assert got == {
        "Tchap": (50.0, "geometry"),
        "Resana": (30.0, "geometry"),
        "Osmose": (20.0, "geometry"),
    }


def test_ring_slices_give_their_shares():
    shapes = [_slice(s, e, c, hole=30.0) for s, e, c in SHARES]
    words = [_beside(n, s, e) for n, (s, e, _) in zip(("A1", "B2", "C3"), SHARES, strict=True)]
    # Names with digits stay names: only a number standing alone, or after a name, is a value.
    got = {p.category: p.value for p in read_pie(words, shapes).series[0].points}
    assert got == {"A1": 50.0, "B2": 30.0, "C3": 20.0}


def test_printed_amounts_win_and_a_label_may_hold_name_and_value():
    shapes = [_slice(s, e, c) for s, e, c in SHARES]
    texts = ("Développement 4,5 M€", "Hébergement 2,7 M€", "Support 1,8 M€")
    words = [_beside(t, s, e) for t, (s, e, _) in zip(texts, SHARES, strict=True)]
    reading = read_pie(words, shapes)
    got = {p.category: (p.value, p.source) for p in reading.series[0].points}
    assert got == {
        "Développement": (4.5, "label"),
        "Hébergement": (2.7, "label"),
        "Support": (1.8, "label"),
    }
    assert all(p.discrepancy is not None and p.discrepancy < 0.01 for p in reading.series[0].points)
    assert reading.unit is None  # amounts: the caption says in what


def test_legend_is_matched_by_colour_not_by_order():
    shapes = [_slice(s, e, c) for s, e, c in SHARES]
    words = []
    # Legend on the right, listed in another order than the slices, text after the swatch.
    for row, (name, colour) in enumerate((("Osmose", GREEN), ("Tchap", BLUE), ("Resana", ORANGE))):
        y = 170 + 16 * row
        shapes.append(Shape("rect", 300, y - 4, 308, y + 4, colour, None))
        words.append(_word(name, 312, y))
    got = {p.category: p.value for p in read_pie(words, shapes).series[0].points}
    assert got == {"Tchap": 50.0, "Resana": 30.0, "Osmose": 20.0}


def test_a_label_its_slice_belies_is_not_its_value():
    shapes = [_slice(s, e, c) for s, e, c in SHARES]
    names = [_beside(n, s, e) for n, (s, e, _) in zip(("A", "B", "C"), SHARES, strict=True)]
    # "70 %" printed inside a slice of a fifth: not this slice's value.
    values = [
        _beside(v, s, e, RADIUS / 2)
        for v, (s, e, _) in zip(("50 %", "30 %", "70 %"), SHARES, strict=True)
    ]
    got = {
        p.category: (p.value, p.source) for p in read_pie(names + values, shapes).series[0].points
    }
    assert got == {"A": (50.0, "label"), "B": (30.0, "label"), "C": (20.0, "geometry")}


def test_slices_nothing_names_give_no_point_and_round_markers_no_pie():
    shapes = [_slice(s, e, c) for s, e, c in SHARES]
    assert read_pie([_word("Source : Dinum", 100, 400)], shapes) is None
    markers = []
    for i in range(3):
        centre = (100.0 + 40 * i, 200.0)
        path = [("m", _point(centre, 3, 0))] + _arc(centre, 3, 0, math.tau) + [("h",)]
        markers.append(_shape(path, BLUE))
    assert read_pie([_word("2022", 100, 220)], markers) is None


def test_leader_lines_lead_labels_set_away_from_their_slices():
    shapes = [_slice(s, e, c) for s, e, c in SHARES]
    # Names stacked in a column on the right: two of them lie in the first slice's
    # direction and reach their own slices by a leader line from the rim.
    words = [_word("Tchap", 320, 200), _word("Osmose", 320, 130), _word("Resana", 320, 270)]
    for name, (start, end, _) in (("Osmose", SHARES[2]), ("Resana", SHARES[1])):
        rim = _point(CENTRE, RADIUS + 2, (start + end) / 2 * math.tau)
        label = next(w for w in words if w.text == name)
        end_point = (label.x0 - 3, (label.top + label.bottom) / 2)
        xs, ys = (rim[0], end_point[0]), (rim[1], end_point[1])
        shapes.append(
            Shape("line", min(xs), min(ys), max(xs), max(ys), None, (0, 0, 0), (rim, end_point))
        )
    got = {p.category: p.value for p in read_pie(words, shapes).series[0].points}
    assert got == {"Tchap": 50.0, "Resana": 30.0, "Osmose": 20.0}
