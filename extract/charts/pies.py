"""Pies and donuts read back from their slices.

A slice is a filled path bounded by arcs (Bézier segments or many short chords). The
slices of one pie lie together and fill most of a disc; each one's share is its area's,
which holds for a ring's slices and for a slice pulled out of the pie alike. A slice's
direction from the pie's centre tells which label is its own: the text printed on or
beside it ("Tchap", "45 %", "Tchap 45 %", "1,2 M€"), or the legend entry whose swatch has
its fill colour. A printed value wins over the geometry, as on bars; the share read from
the angle is kept to check it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.charts.axes import parse_value_label, tick_unit
from extract.charts.marks import Reading
from extract.charts.primitives import Phrase, font_size, phrases
from extract.pdf.geometry import union
from extract.pdf.shapes import Shape
from extract.records import BBox, ChartPoint, ChartSeries

# A pie is at least this wide (em of its labels): smaller round marks are line markers.
_MIN_DIAMETER_EM = 4.0
# Slices of one pie touch or stand this close (em): a pulled-out slice included.
_SLICE_GAP_EM = 1.5
# The slices fill this share of the disc their outermost vertex spans: a full pie all of
# it, a ring with a hole of 0.6 of its radius 64 %, less when a slice is pulled out.
_DISC_FILL = (0.45, 1.05)
# A pie's box is about as high as wide.
_MAX_ASPECT = 1.35
# Two fills closer than this (per channel) are one colour.
_SAME_COLOUR = 0.03
# Slice vertices this close to the centre (share of the radius) are the apex or the
# offset apex of a pulled-out slice, not its arc.
_APEX_SHARE = 0.35
# A legend swatch is at most this wide (em: a line-chart handle is two), its text starts
# within this distance (em).
_SWATCH_EM = 2.5
_SWATCH_TEXT_EM = 2.0
# Labels of a pie stand within this many radii of its centre (plus a margin in em).
_LABEL_RADII = 1.7
_LABEL_MARGIN_EM = 4.0
# A leader line starts on the rim (shares of the radius), runs out at least this share of
# the radius and ends this close (em) to its label.
_RIM = (0.8, 1.15)
_LEADER_MIN = 0.1
_LEADER_TEXT_EM = 1.0
# The lines of a wrapped name follow at most this far (em) under one another, their
# middles at most this far apart.
_WRAP_LEADING_EM = 0.5
_WRAP_SHIFT_EM = 1.5
# A label this far (radians) outside a slice's angle is not its label.
_LABEL_SLACK = math.radians(25)
# A printed value whose share is further than this (share of the pie) from its slice's
# is another slice's label.
_LABEL_TOLERANCE = 0.03
# Printed percentages summing within this of 100 are shares of the whole.
_PERCENT_TOTAL_SLACK = 1.5
# "Tchap 45 %", "Tchap : 45 %", "Tchap (45 %)": a name and its value in one label.
_NAME_VALUE_RE = re.compile(
    r"^(?P<name>.*?[^\W\d_].*?)[\s:;(]+"
    r"(?P<value>[<>≈~]?\s*-?\d{1,3}(?:[\s\u00a0\u202f]\d{3})*(?:,\d+)?\s*\S*?)\)?$"
)


@dataclass
class _Slice:
    shape: Shape
    share: float  # of the pie's area, in percent
    start: float  # clockwise from twelve o'clock, radians
    extent: float

    @property
    def middle(self) -> float:
        return (self.start + self.extent / 2) % math.tau

    def distance(self, angle: float) -> float:
        """How far angle lies outside the slice (0 inside), radians."""
        offset = (angle - self.start) % math.tau
        if offset <= self.extent:
            return 0.0
        return min(offset - self.extent, math.tau - offset)


@dataclass
class _Label:
    phrase: Phrase
    name: str | None
    value: tuple[float, str] | None  # (number, qualifier)
    unit: str | None
    angle: float


def _same_colour(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> bool:
    if a is None or b is None:
        return False
    return all(abs(x - y) <= _SAME_COLOUR for x, y in zip(a, b, strict=True))


def _angle(centre: tuple[float, float], point: tuple[float, float]) -> float:
    """Clockwise from twelve o'clock on the page (y grows downwards), in [0, 2π)."""
    return math.atan2(point[0] - centre[0], centre[1] - point[1]) % math.tau


def _is_slice(shape: Shape) -> bool:
    """A filled path that is no rectangle (those are rects by now): an arc, a polygon."""
    return shape.kind == "curve" and shape.fill is not None and shape.area > 0


def _clusters(shapes: Sequence[Shape], gap: float) -> list[list[Shape]]:
    groups: list[list[Shape]] = []
    for shape in sorted(shapes, key=lambda s: (s.top, s.x0)):
        near = [
            g
            for g in groups
            if any(
                s.x0 - gap <= shape.x1
                and shape.x0 - gap <= s.x1
                and s.top - gap <= shape.bottom
                and shape.top - gap <= s.bottom
                for s in g
            )
        ]
        merged = [shape] + [s for g in near for s in g]
        groups = [g for g in groups if all(g is not n for n in near)] + [merged]
    return groups


def _is_pie(group: Sequence[Shape], em: float) -> bool:
    box = union(s.bbox for s in group)
    width, height = box[2] - box[0], box[3] - box[1]
    if len(group) < 2 or min(width, height) < _MIN_DIAMETER_EM * em:
        return False
    if max(width, height) > _MAX_ASPECT * min(width, height):
        return False
    # The radius from the vertices: the box of arcs drawn as Bézier segments may stop
    # short of the circle, between two vertices.
    centre = _centre(group)
    radius = max(math.dist(centre, p) for s in group for p in s.pts)
    disc = math.pi * radius**2
    return _DISC_FILL[0] <= sum(s.area for s in group) / disc <= _DISC_FILL[1]


def _centre(group: Sequence[Shape]) -> tuple[float, float]:
    """The apex three slices or more share; else (a ring, a pie of two slices) the middle
    of the slices' box. Neighbouring slices share the ends of their common edge too."""
    best, count = None, 2
    for shape in group:
        for point in shape.pts:
            sharing = sum(
                any(math.dist(point, q) <= 1.0 for q in other.pts)
                for other in group
                if other is not shape
            )
            if sharing + 1 > count:
                best, count = point, sharing + 1
    if best is not None:
        return best
    box = union(s.bbox for s in group)
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def _slices(group: Sequence[Shape]) -> tuple[list[_Slice], tuple[float, float], float]:
    centre = _centre(group)
    radius = max(math.dist(centre, p) for s in group for p in s.pts)
    total = sum(s.area for s in group)
    slices = []
    for shape in group:
        share = 100 * shape.area / total
        extent = math.tau * shape.area / total
        angles = sorted(
            _angle(centre, p) for p in shape.pts if math.dist(centre, p) > _APEX_SHARE * radius
        )
        if not angles:
            continue
        gaps = [
            ((angles[(i + 1) % len(angles)] - a) % math.tau or math.tau, i)
            for i, a in enumerate(angles)
        ]
        # The gap outside the slice: the widest one, unless the slice's area tells which
        # (a slice over half the pie drawn with few vertices leaves equal gaps).
        fitting = [g for g in gaps if abs(math.tau - g[0] - extent) <= math.radians(10)]
        gap, i = max(fitting or gaps)
        start = angles[(i + 1) % len(angles)]
        slices.append(_Slice(shape, share, start, math.tau - gap if fitting else extent))
    return slices, centre, radius


def _legend(
    texts: Sequence[Phrase], shapes: Sequence[Shape], slices: Sequence[_Slice], em: float
) -> dict[int, Phrase]:
    """Legend entries by slice index: a small swatch of the slice's fill, its text beside."""
    entries: dict[int, Phrase] = {}
    wedges = {id(s.shape) for s in slices}
    for swatch in shapes:
        if id(swatch) in wedges or swatch.fill is None:
            continue
        if max(swatch.width, swatch.height) > _SWATCH_EM * em:
            continue
        owners = [i for i, s in enumerate(slices) if _same_colour(s.shape.fill, swatch.fill)]
        if len(owners) != 1 or owners[0] in entries:
            continue
        middle = (swatch.top + swatch.bottom) / 2
        beside = [
            t
            for t in texts
            if t.top <= middle <= t.bottom
            and (
                0 <= t.x0 - swatch.x1 <= _SWATCH_TEXT_EM * em
                or 0 <= swatch.x0 - t.x1 <= _SWATCH_TEXT_EM * em
            )
        ]
        if beside:
            entries[owners[0]] = min(beside, key=lambda t: abs((t.top + t.bottom) / 2 - middle))
    return entries


def _stacked(texts: Sequence[Phrase], em: float) -> list[Phrase]:
    """A name wrapped over lines read whole: lines of words set under one another."""
    result: list[Phrase] = []
    for text in sorted(texts, key=lambda t: t.top):
        above = [
            r
            for r in result
            if 0 <= text.top - r.bottom <= _WRAP_LEADING_EM * em
            and abs((r.x0 + r.x1) / 2 - (text.x0 + text.x1) / 2) <= _WRAP_SHIFT_EM * em
            and parse_value_label(r.text) is None
            and parse_value_label(text.text) is None
        ]
        if above:
            head = above[0]
            joined = Phrase(
                f"{head.text} {text.text}",
                min(head.x0, text.x0),
                head.top,
                max(head.x1, text.x1),
                text.bottom,
                head.size,
                head.fontname,
                text.baseline,
            )
            result = [r for r in result if r is not head] + [joined]
        else:
            result.append(text)
    return result


def _leaders(
    shapes: Sequence[Shape], centre: tuple[float, float], radius: float
) -> list[tuple[float, tuple[float, float]]]:
    """Leader lines: a stroke from the pie's rim out to a label, as (the angle where it
    leaves the pie, its outer end)."""
    leaders = []
    for shape in shapes:
        if shape.fill is not None or shape.stroke is None or len(shape.pts) < 2:
            continue
        ends = sorted((shape.pts[0], shape.pts[-1]), key=lambda p: math.dist(centre, p))
        inner, outer = (math.dist(centre, p) for p in ends)
        on_rim = _RIM[0] * radius <= inner <= _RIM[1] * radius
        if on_rim and outer - inner >= _LEADER_MIN * radius:
            leaders.append((_angle(centre, ends[0]), ends[1]))
    return leaders


def _leads_to(end: tuple[float, float], phrase: Phrase, em: float) -> bool:
    reach = _LEADER_TEXT_EM * em
    return (
        phrase.x0 - reach <= end[0] <= phrase.x1 + reach
        and phrase.top - reach <= end[1] <= phrase.bottom + reach
    )


def _label(
    phrase: Phrase,
    centre: tuple[float, float],
    leaders: Sequence[tuple[float, tuple[float, float]]],
    em: float,
) -> _Label:
    """A label's name and value, and the direction it points to: where its leader line
    leaves the pie, else its own."""
    angle = _angle(centre, ((phrase.x0 + phrase.x1) / 2, (phrase.top + phrase.bottom) / 2))
    led = [rim_angle for rim_angle, end in leaders if _leads_to(end, phrase, em)]
    angle = led[0] if led else angle
    text = phrase.text.strip()
    value = parse_value_label(text)
    if value is not None:
        return _Label(phrase, None, value, tick_unit(text), angle)
    match = _NAME_VALUE_RE.match(text)
    if match and (value := parse_value_label(match["value"].strip())) is not None:
        name = match["name"].strip(" :;(")
        return _Label(phrase, name, value, tick_unit(match["value"].strip()), angle)
    return _Label(phrase, text, None, None, angle)


def _match(labels: Sequence[_Label], slices: Sequence[_Slice]) -> dict[int, _Label]:
    """Each slice its nearest label by direction, one label a slice."""
    pairs = sorted(
        (
            s.distance(label.angle),
            abs((label.angle - s.middle + math.pi) % math.tau - math.pi),
            i,
            j,
        )
        for i, s in enumerate(slices)
        for j, label in enumerate(labels)
    )
    matched: dict[int, _Label] = {}
    used: set[int] = set()
    for outside, _, i, j in pairs:
        if outside > _LABEL_SLACK or i in matched or j in used:
            continue
        matched[i] = labels[j]
        used.add(j)
    return matched


def read_pie(words: Sequence[Phrase], shapes: Sequence[Shape]) -> Reading | None:
    """The pie or donut of a chart region, or None when it holds none."""
    em = font_size(words)
    candidates = [s for s in shapes if _is_slice(s)]
    pies = [g for g in _clusters(candidates, _SLICE_GAP_EM * em) if _is_pie(g, em)]
    if not pies:
        return None
    group = max(pies, key=lambda g: sum(s.area for s in g))
    slices, centre, radius = _slices(group)
    if len(slices) < 2:
        return None
    slices.sort(key=lambda s: s.middle)
    texts = phrases(words)
    legend = _legend(texts, shapes, slices, em)
    legend_ids = {id(t) for t in legend.values()}
    reach = _LABEL_RADII * radius + _LABEL_MARGIN_EM * em
    leaders = _leaders(shapes, centre, radius)
    near = [
        t
        for t in texts
        if id(t) not in legend_ids
        and (
            math.dist(centre, ((t.x0 + t.x1) / 2, (t.top + t.bottom) / 2)) <= reach
            or any(_leads_to(end, t, em) for _, end in leaders)
        )
    ]
    labels = [_label(t, centre, leaders, em) for t in _stacked(near, em)]
    names = _match([lb for lb in labels if lb.name is not None], slices)
    values = _match([lb for lb in labels if lb.value is not None], slices)
    printed = {i: label.value for i, label in values.items() if label.value is not None}
    percent = bool(printed) and (
        all(values[i].unit == "%" for i in printed)
        or (
            len(printed) == len(slices)
            and abs(sum(v[0] for v in printed.values()) - 100) <= _PERCENT_TOTAL_SLACK
        )
    )
    # Printed units per percent of the pie: amounts scale to shares, percentages are shares.
    printed_share = sum(slices[i].share for i in printed)
    scale = 1.0 if percent else sum(v[0] for v in printed.values()) / (printed_share or 1.0)
    points = []
    used: list[Phrase] = list(legend.values())
    for i, piece in enumerate(slices):
        name = legend[i].text if i in legend else (names[i].name if i in names else None)
        if not name:
            continue  # a slice nothing names: no category to give its value
        if i in names:
            used.append(names[i].phrase)
        discrepancy = abs(printed[i][0] / scale - piece.share) / 100 if i in printed else None
        if i in printed and discrepancy is not None and discrepancy <= _LABEL_TOLERANCE:
            number, qualifier = printed[i]
            used.append(values[i].phrase)
            points.append(
                ChartPoint(
                    category=name,
                    value=number,
                    source="label",
                    discrepancy=discrepancy,
                    bbox=piece.shape.bbox,
                    qualifier=qualifier,
                )
            )
        elif not printed or percent:
            # Amounts printed on the other slices: a share would not be one of them; a
            # label the slice's angle belies belongs to another slice.
            points.append(
                ChartPoint(
                    category=name,
                    value=round(piece.share, 1),
                    source="geometry",
                    bbox=piece.shape.bbox,
                )
            )
    if not points:
        return None
    pie_box: BBox = union(s.bbox for s in group)
    return Reading(
        kind="pie",
        series=[ChartSeries(name=None, points=points)],
        axis=None,
        plot_bbox=pie_box,
        bbox=union([pie_box] + [p.bbox for p in used]),
        used=used,
        unit="%" if percent or not printed else None,
    )
