"""Reading a vector chart's marks back into series of (category, value) points.

Input is what lies inside one chart's region: words and painted shapes. The reading goes
from the least to the most ambiguous element:

1. shapes are sorted into rules (axes, ticks, gridlines), frames, bars, polylines and
   line markers;
2. the legend (a small swatch followed by a name) maps colours to series names;
3. the bars' shape gives the orientation, and the value axis is calibrated on the side
   it implies (years under bars are category labels, never a value axis);
4. printed values are matched to the end of their bar or to their line vertex;
5. what text remains on the category side names the categories.

Every distance threshold is a multiple of the chart's font size ("em"), because charts
are drawn at any scale but their labels stay readable, so text size sets the scale.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from statistics import median

from extract.charts.axes import Axis, find_value_axes, parse_tick, parse_value_label
from extract.charts.primitives import Phrase, font_size, phrases
from extract.pdf.colors import Color
from extract.pdf.geometry import union
from extract.pdf.shapes import Shape
from extract.pdf.words import group_lines
from extract.records import BBox, ChartPoint, ChartSeries

# A stroke or rect this thin (in em) is a rule (axis, tick, gridline), not a mark.
_HAIRLINE_EM = 0.12
# Legend swatches are at most this big (em): matplotlib draws 2 x 0.7 em patches,
# reportlab 1 x 1 em squares; line handles are up to 3 em long.
_SWATCH_LONG_EM = 2.5
_SWATCH_SHORT_EM = 1.5
_LINE_HANDLE_EM = 3.5
# The legend name starts within this distance (em) right of its swatch.
_SWATCH_TEXT_GAP_EM = 1.6
# Line markers are small symbols drawn on the line's vertices.
_MARKER_EM = 1.5
# Printed values sit just beyond the bar end (or just inside it) or next to the vertex.
_LABEL_BAR_GAP_EM = 1.5
_LABEL_VERTEX_EM = 2.0
# Continuation lines of a wrapped category label follow with less than this gap (em).
_WRAP_GAP_EM = 0.6
# Two page coordinates closer than this (points) are the same edge: producers write
# coordinates with two decimals or better, and no mark is thinner than a point.
_SAME_EDGE = 1.0
# A radar chart has at least this many spokes (fewer axes make no web); a spoke is
# slanted when both its direction's components exceed this sine.
_RADAR_SPOKES = 3
_SLANT = 0.1
# A bar stands on the zero line as the axis's fit places it to within this share of the
# font size (tick labels are snapped to their ticks to a fraction of a point).
_GROUND_EM = 0.3
# Labels disagreeing with the geometry by more than this share of the axis range are
# not about the mark they sit on (a share printed on an absolute axis, a misplaced
# label): the geometry is kept and the discrepancy recorded.
_LABEL_TRUST = 0.05


@dataclass
class Reading:
    """What was read from one chart region."""

    kind: str
    series: list[ChartSeries]
    axis: Axis | None
    plot_bbox: BBox | None
    bbox: BBox | None  # marks and every label that belongs to the chart
    used: list[Phrase] = field(default_factory=list)  # phrases given a role
    status: str = "extracted"
    unit: str | None = None  # the unit of the values whatever the caption says (pie shares)


@dataclass
class _Bar:
    shape: Shape
    vertical: bool

    # Extents along the category direction (c) and the value direction (v), in page
    # coordinates: x and y for vertical bars, y and x for horizontal ones.
    @property
    def c0(self) -> float:
        return self.shape.x0 if self.vertical else self.shape.top

    @property
    def c1(self) -> float:
        return self.shape.x1 if self.vertical else self.shape.bottom

    @property
    def v0(self) -> float:
        return self.shape.top if self.vertical else self.shape.x0

    @property
    def v1(self) -> float:
        return self.shape.bottom if self.vertical else self.shape.x1

    @property
    def cc(self) -> float:
        return (self.c0 + self.c1) / 2


@dataclass
class _Mark:
    """One data point before naming: its series key, category anchor and values."""

    color: Color | None
    anchor: int  # index of its category
    geometry: float | None
    bbox: BBox
    axis: Axis | None  # the value axis geometry was read on
    label: float | None = None
    qualifier: str = "exact"  # of the printed label: "> 75" is "above"


def _is_rule(shape: Shape, em: float) -> bool:
    if shape.kind == "curve" and len(shape.pts) > 2:
        return False  # a polyline, even a flat one, is data
    return min(shape.width, shape.height) <= _HAIRLINE_EM * em


def _contains(outer: Shape, inner: Shape) -> bool:
    return (
        outer is not inner
        and outer.x0 <= inner.x0 + 0.1
        and outer.top <= inner.top + 0.1
        and outer.x1 >= inner.x1 - 0.1
        and outer.bottom >= inner.bottom - 0.1
    )


def _frames(shapes: Sequence[Shape], em: float, vertices: set[tuple[int, int]]) -> set[int]:
    """Backgrounds and boxes: closed shapes that hold two or more other shapes.

    A line's markers do not count: a bar under a line holds the marker of the vertex
    over it, which some producers paint twice (fill, then outline).
    """
    solids = [s for s in shapes if not _is_rule(s, em) and not _is_marker(s, vertices, em)]
    # Only a box at least two ems wide and high can hold two marks or legend entries;
    # testing those alone keeps pages with thousands of small paths (maps) fast.
    boxes = [
        s
        for s in solids
        if (s.kind == "rect" or s.is_closed()) and min(s.width, s.height) >= 2 * em
    ]
    frames = set()
    for box in boxes:
        held = (o for o in solids if _contains(box, o))
        if next(held, None) is not None and next(held, None) is not None:
            frames.add(id(box))
    return frames


def _legend(
    shapes: Sequence[Shape], texts: Sequence[Phrase], mark_colors: set[Color], em: float
) -> tuple[dict[Color, str], list[Shape], list[Phrase]]:
    """Colour -> series name, from swatches that have a name just to their right.

    A swatch is sized to its name, which office suites set larger than the tick labels:
    its bounds scale with the larger of the two.
    """
    entries: list[tuple[Shape, Phrase]] = []
    for shape in sorted(shapes, key=lambda s: (s.top, s.x0)):
        if shape.color is None or shape.color not in mark_colors:
            continue
        right = [
            t
            for t in texts
            if 0 <= t.x0 - shape.x1 <= _SWATCH_TEXT_GAP_EM * max(em, t.size)
            and t.top <= shape.yc <= t.bottom
        ]
        if not right:
            continue
        name = min(right, key=lambda t: t.x0)
        scale = max(em, name.size)
        small_patch = (
            shape.kind == "rect"
            and max(shape.width, shape.height) <= _SWATCH_LONG_EM * scale
            and min(shape.width, shape.height) <= _SWATCH_SHORT_EM * scale
        )
        line_handle = (
            shape.kind in ("line", "curve")
            and shape.height <= _HAIRLINE_EM * em
            and shape.width <= _LINE_HANDLE_EM * scale
        )
        if small_patch or line_handle:
            entries.append((shape, name))
    # A number right of a small patch is usually the value printed after a short bar.
    # Numbers name series ("2022", "2023") only as a set of same-sized swatches of
    # distinct colours, which a chart's bars are not.
    numeric = [(s, t) for s, t in entries if parse_tick(t.text) is not None]
    named = [(s, t) for s, t in entries if parse_tick(t.text) is None]
    sizes = {(round(s.width), round(s.height)) for s, _ in numeric}
    if len(numeric) >= 2 and len({s.color for s, _ in numeric}) == len(numeric) and len(sizes) == 1:
        named += numeric
    names: dict[Color, str] = {}
    swatches: list[Shape] = []
    used: list[Phrase] = []
    for shape, text in sorted(named, key=lambda e: (e[0].top, e[0].x0)):
        if shape.color is not None and shape.color not in names:
            names[shape.color] = text.text
            swatches.append(shape)
            used.append(text)
    return names, swatches, used


def _orientation(bars: Sequence[Shape]) -> bool:
    """True for vertical bars: they share a width, while their heights carry values."""

    def modal_count(sizes: list[float]) -> int:
        return Counter(round(s * 2) for s in sizes).most_common(1)[0][1]

    return modal_count([b.width for b in bars]) >= modal_count([b.height for b in bars])


def _baseline(bars: Sequence[_Bar]) -> float:
    """The edge most bars start from (the zero line, or the axis they are clipped to)."""
    edges = Counter(round(e * 2) / 2 for b in bars for e in (b.v0, b.v1))
    return edges.most_common(1)[0][0]


def _grounded(bars: list[_Bar], grounds: list[float], tolerance: float) -> list[_Bar]:
    """The bars standing on the ground line (within tolerance of one of its estimates),
    or stacked on a bar that does.

    A filled rect floating free of them (a legend swatch too big to be taken for one, a
    highlight box) is no bar: read as one, it would be a point of made-up value.
    """
    grounded = [
        b for b in bars if any(min(abs(b.v0 - g), abs(b.v1 - g)) <= tolerance for g in grounds)
    ]
    rest = [b for b in bars if not any(b is g for g in grounded)]
    while rest:
        resting = [b for b in rest if any(_rests_on(b, g) for g in grounded)]
        if not resting:
            break
        grounded += resting
        rest = [b for b in rest if not any(b is r for r in resting)]
    return [b for b in bars if any(b is g for g in grounded)]


def _rests_on(bar: _Bar, other: _Bar) -> bool:
    """Whether a bar starts where another ends, within its column (a stacked segment)."""
    overlap = min(bar.c1, other.c1) - max(bar.c0, other.c0)
    touching = min(abs(bar.v0 - other.v1), abs(bar.v1 - other.v0)) <= _SAME_EDGE
    return touching and overlap > _SAME_EDGE


def _clip_to_axis(bars: list[_Bar], axis: Axis) -> list[_Bar]:
    """Bars cut at the axis end facing zero, when the axis leaves zero out.

    Such bars are drawn from zero and clipped at the plot edge by a clipping path that
    pdfplumber does not report: the part beyond the last tick towards zero is hidden.
    """
    edge = axis.coord(axis.lo if axis.lo > 0 else axis.hi)
    towards_high = axis.coord(0.0) > edge  # zero lies at higher page coordinates
    clipped = []
    for bar in bars:
        if towards_high:
            v0, v1 = bar.v0, max(bar.v0, min(bar.v1, edge))
        else:
            v0, v1 = min(bar.v1, max(bar.v0, edge)), bar.v1
        edges = {"top": v0, "bottom": v1} if bar.vertical else {"x0": v0, "x1": v1}
        clipped.append(_Bar(replace(bar.shape, **edges), bar.vertical))
    return clipped


def _group_columns(bars: list[_Bar]) -> list[list[_Bar]]:
    """Bars overlapping along the category direction: one column, or one stack."""
    columns: list[list[_Bar]] = []
    for bar in sorted(bars, key=lambda b: b.cc):
        last = columns[-1] if columns else None
        if last and bar.c0 < min(b.c1 for b in last) - _SAME_EDGE:
            last.append(bar)
        else:
            columns.append([bar])
    return columns


def _group_categories(columns: list[list[_Bar]], single_series: bool) -> list[list[list[_Bar]]]:
    """Adjacent columns of different series form one category (grouped bars).

    Within a group the columns touch or nearly do; between groups the gap is wider. A
    series appears once per group, so a colour seen again starts a new group.
    """
    if single_series or len(columns) < 2:
        return [[c] for c in columns]
    gaps = [b[0].c0 - max(x.c1 for x in a) for a, b in zip(columns, columns[1:], strict=False)]
    width = median(max(x.c1 for x in c) - min(x.c0 for x in c) for c in columns)
    tight = min(gaps) + 0.25 * width
    groups = [[columns[0]]]
    for gap, column in zip(gaps, columns[1:], strict=True):
        colors = {b.shape.color for c in groups[-1] for b in c}
        if gap <= tight and not colors & {b.shape.color for b in column}:
            groups[-1].append(column)
        else:
            groups.append([column])
    return groups


def _bar_marks(categories: list[list[list[_Bar]]], axis: Axis | None, zero: float) -> list[_Mark]:
    """One mark per bar or stacked segment, with its own (not cumulative) value."""
    marks: list[_Mark] = []
    for index, group in enumerate(categories):
        for column in group:
            for bar in column:
                # The near end faces the zero line; a segment whose near end rests on
                # another segment's far end is stacked and worth the difference.
                near, far = sorted((bar.v0, bar.v1), key=lambda v: abs(v - zero))
                stacked = any(
                    o is not bar
                    and abs(max((o.v0, o.v1), key=lambda v: abs(v - zero)) - near) <= _SAME_EDGE
                    for o in column
                )
                # A bar on its own is read at its far end: its near end is the zero line
                # or, on an axis not starting at zero, the plot edge that clips it.
                geometry = None
                if axis is not None:
                    geometry = axis.value(far) - (axis.value(near) if stacked else 0.0)
                marks.append(_Mark(bar.shape.color, index, geometry, bar.shape.bbox, axis))
    return marks


def _assign_labels(labels: Sequence[Phrase], marks: list[_Mark], distance) -> list[Phrase]:
    """Printed values matched one-to-one to marks, closest pairs first.

    A number that disagrees with the mark's geometry by more than _LABEL_TRUST of the
    axis range is not that mark's value (a year under a bar, a stack's total): it stays
    free for the category labels.
    """
    reads = {li: read for li, label in enumerate(labels) if (read := parse_value_label(label.text))}

    def agrees(value: float, mark: _Mark) -> bool:
        if mark.axis is None or mark.geometry is None or mark.axis.span <= 0:
            return True
        return abs(value - mark.geometry) / mark.axis.span <= _LABEL_TRUST

    pairs = sorted(
        (d, li, mi)
        for li, (value, _) in reads.items()
        for mi, mark in enumerate(marks)
        if (d := distance(labels[li], mark)) is not None and agrees(value, mark)
    )
    used_labels: set[int] = set()
    used: list[Phrase] = []
    for _, li, mi in pairs:
        if li in used_labels or marks[mi].label is not None:
            continue
        marks[mi].label, marks[mi].qualifier = reads[li]
        used_labels.add(li)
        used.append(labels[li])
    return used


def _bar_label_distance(vertical: bool, zero: float, em: float):
    def distance(label: Phrase, mark: _Mark) -> float | None:
        x0, top, x1, bottom = mark.bbox
        if x0 - 1 <= label.xc <= x1 + 1 and top - 1 <= label.yc <= bottom + 1:
            return -1.0  # printed inside its bar or segment
        c0, c1, v0, v1 = (x0, x1, top, bottom) if vertical else (top, bottom, x0, x1)
        lc = label.xc if vertical else label.yc
        if not c0 - 0.25 * em <= lc <= c1 + 0.25 * em:
            return None
        near_lo = abs(v0 - zero) < abs(v1 - zero)  # bar grows towards higher coordinates
        lv0, lv1 = (label.top, label.bottom) if vertical else (label.x0, label.x1)
        gap = lv0 - v1 if near_lo else v0 - lv1
        return gap if -0.5 * em <= gap <= _LABEL_BAR_GAP_EM * em else None

    return distance


def _vertex_label_distance(em: float):
    def distance(label: Phrase, mark: _Mark) -> float | None:
        x = (mark.bbox[0] + mark.bbox[2]) / 2
        y = (mark.bbox[1] + mark.bbox[3]) / 2
        d = ((label.xc - x) ** 2 + (label.yc - y) ** 2) ** 0.5
        return d if d <= _LABEL_VERTEX_EM * em else None

    return distance


def _category_names(
    words: Sequence[Phrase], anchors: list[float], vertical: bool, em: float
) -> tuple[list[str], list[Phrase]]:
    """The label of each category anchor, and the words read for them.

    Words are attached to the nearest anchor rather than split on spaces, so "janv. 2022"
    stays whole and a label wrapped on two lines is read in order.
    """
    if not anchors:
        return [], []
    spacing = (
        median(b - a for a, b in zip(anchors, anchors[1:], strict=False))
        if len(anchors) > 1
        else 6 * em
    )

    def nearest(word: Phrase) -> int | None:
        pos = word.xc if vertical else word.yc
        index = min(range(len(anchors)), key=lambda i: abs(anchors[i] - pos))
        return index if abs(anchors[index] - pos) <= spacing / 2 else None

    chosen: list[Phrase] = []
    if vertical:
        rows = [[w for w in row if nearest(w) is not None] for row in group_lines(words)]
        rows = [r for r in rows if r]
        if rows:
            # The row naming most categories, then the lines wrapped with it: below it,
            # and above it when short names are set level with a wrapped name's last line.

            def wrapped(upper: list[Phrase], lower: list[Phrase]) -> bool:
                gap = min(w.top for w in lower) - max(w.bottom for w in upper)
                return gap <= _WRAP_GAP_EM * em

            coverage = [len({nearest(w) for w in r}) for r in rows]
            first = last = coverage.index(max(coverage))
            while last + 1 < len(rows) and wrapped(rows[last], rows[last + 1]):
                last += 1
            while first > 0 and wrapped(rows[first - 1], rows[first]):
                first -= 1
            chosen = [w for row in rows[first : last + 1] for w in row]
    else:
        # Names beside horizontal bars are set flat: text turned there is an axis title.
        chosen = [w for w in words if w.upright and nearest(w) is not None]
    names: list[list[Phrase]] = [[] for _ in anchors]
    for word in chosen:
        index = nearest(word)
        if index is not None:
            names[index].append(word)
    result = []
    for i, parts in enumerate(names):
        lines = group_lines(parts)
        text = " ".join(w.text for line in lines for w in line)
        result.append(text or f"#{i + 1}")  # unnamed: its rank along the axis
    return result, chosen


def _cluster_positions(values: list[float], tol: float) -> list[float]:
    clusters: list[list[float]] = []
    for v in sorted(values):
        if clusters and v - clusters[-1][-1] <= tol:
            clusters[-1].append(v)
        else:
            clusters.append([v])
    return [sum(c) / len(c) for c in clusters]


def _round(value: float, axis: Axis | None) -> float:
    """Geometry read to a thousandth of the axis range: finer digits are drawing noise."""
    if axis is None or axis.span <= 0:
        return value
    step = 10 ** (len(str(int(axis.span))) - 4)
    return round(round(value / step) * step, 10)


def _series(
    marks: list[_Mark],
    categories: list[str],
    legend: dict[Color, str],
    secondary: Axis | None,
    order: list[Color | None],
) -> list[ChartSeries]:
    by_color: dict[Color | None, list[ChartPoint]] = {}
    on_secondary: set[Color | None] = set()
    for mark in sorted(marks, key=lambda m: m.anchor):
        span = mark.axis.span if mark.axis else None
        discrepancy = None
        if mark.label is not None:
            value, source = mark.label, "label"
            if mark.geometry is not None and span:
                discrepancy = round(abs(mark.label - mark.geometry) / span, 6)
        elif mark.geometry is not None:
            value, source = _round(mark.geometry, mark.axis), "geometry"
        else:
            continue  # neither printed nor measurable: no value to report
        if secondary is not None and mark.axis is secondary:
            on_secondary.add(mark.color)
        by_color.setdefault(mark.color, []).append(
            ChartPoint(
                category=categories[mark.anchor],
                value=value,
                source=source,
                discrepancy=discrepancy,
                bbox=mark.bbox,
                qualifier=mark.qualifier if source == "label" else "exact",
            )
        )
    legend_order = list(legend)
    keys = sorted(
        by_color,
        key=lambda c: (legend_order.index(c) if c in legend else len(legend), order.index(c)),
    )
    return [
        ChartSeries(
            name=legend.get(c) if c is not None else None,
            points=by_color[c],
            secondary_axis=c in on_secondary,
            unit=secondary.unit if secondary is not None and c in on_secondary else None,
        )
        for c in keys
    ]


@dataclass
class _Parts:
    """A region's shapes sorted by role."""

    rules: list[Shape]  # axes, ticks, gridlines
    bars: list[Shape]
    polylines: list[Shape]
    swatches: list[Shape]
    legend: dict[Color, str]
    legend_texts: list[Phrase]


def _is_marker(shape: Shape, vertices: set[tuple[int, int]], em: float) -> bool:
    """Whether a shape is a line marker: a small symbol centred on a vertex, to within a
    point."""
    if max(shape.width, shape.height) > _MARKER_EM * em:
        return False
    return any(
        (round(shape.xc) + dx, round(shape.yc) + dy) in vertices
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
    )


def _sort_shapes(shapes: Sequence[Shape], texts: Sequence[Phrase], em: float) -> _Parts:
    paths = [s for s in shapes if s.kind in ("curve", "line") and len(s.pts) >= 2]
    vertices = {
        (round(x), round(y))
        for s in paths
        if not s.is_closed() and not _is_rule(s, em)
        for x, y in s.pts
    }
    frames = _frames(shapes, em, vertices)
    rules = [s for s in shapes if _is_rule(s, em)]
    solids = [s for s in shapes if not _is_rule(s, em) and id(s) not in frames]
    colors: set[Color] = {s.fill for s in solids if s.kind == "rect" and s.fill is not None}
    colors |= {s.stroke for s in solids if s.stroke is not None}
    legend, swatches, legend_texts = _legend(shapes, texts, colors, em)
    swatch_ids = {id(s) for s in swatches}
    solids = [s for s in solids if id(s) not in swatch_ids]
    open_paths = [
        s for s in solids if s.kind in ("curve", "line") and len(s.pts) >= 2 and not s.is_closed()
    ]
    polylines = [s for s in _joined(open_paths) if max(s.width, s.height) > _MARKER_EM * em]
    grid = {(round(x), round(y)) for p in polylines for x, y in p.pts}
    bars = [
        s for s in solids if s.kind == "rect" and s.fill is not None and not _is_marker(s, grid, em)
    ]
    return _Parts(rules, bars, polylines, swatches, legend, legend_texts)


def _joined(paths: Sequence[Shape]) -> list[Shape]:
    """Open paths of one colour meeting end to end, joined into one polyline.

    Some producers draw a line series as one segment per pair of points: read apart,
    every inner vertex would be a point twice. Chains are found by their end point, so
    that a map's thousands of paths are joined in one pass.
    """
    # Drawn left to right, as a series runs along its categories.
    forward = [s if s.pts[0][0] <= s.pts[-1][0] else replace(s, pts=s.pts[::-1]) for s in paths]
    chains: list[Shape] = []
    open_ends: dict[tuple[Color | None, int, int], int] = {}  # chain end -> chain index
    for path in sorted(forward, key=lambda s: s.pts[0][0]):
        sx, sy = path.pts[0]
        index = next(
            (
                i
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                if (i := open_ends.get((path.stroke, round(sx) + dx, round(sy) + dy))) is not None
                and abs(chains[i].pts[-1][0] - sx) <= _SAME_EDGE
                and abs(chains[i].pts[-1][1] - sy) <= _SAME_EDGE
            ),
            None,
        )
        if index is None:
            index = len(chains)
            chains.append(path)
        else:
            chain = chains[index]
            end = (chain.stroke, round(chain.pts[-1][0]), round(chain.pts[-1][1]))
            if open_ends.get(end) == index:
                del open_ends[end]
            x0, top, x1, bottom = union([chain.bbox, path.bbox])
            edges = {"x0": x0, "top": top, "x1": x1, "bottom": bottom}
            chains[index] = replace(chain, kind="curve", pts=chain.pts + path.pts[1:], **edges)
        ex, ey = chains[index].pts[-1]
        open_ends[(path.stroke, round(ex), round(ey))] = index
    return chains


def _bar_items(parts: _Parts, vertical: bool) -> list[_Bar]:
    """The bars, with those too thin to be told from rules (values near zero) recovered
    by the colour and the thickness they share with the other bars."""
    items = [_Bar(b, vertical) for b in parts.bars]
    if not items:
        return items
    thickness = median(b.c1 - b.c0 for b in items)
    colors = {b.fill for b in parts.bars}
    for rule in parts.rules:
        if rule.kind == "rect" and rule.fill in colors:
            item = _Bar(rule, vertical)
            if abs((item.c1 - item.c0) - thickness) <= 0.15 * thickness:
                items.append(item)
    return items


def _bar_kind(columns: list[list[_Bar]], categories: list[list[list[_Bar]]], vertical: bool) -> str:
    if any(len(c) > 1 for c in columns):
        return "bar_stacked"
    if any(len(g) > 1 for g in categories):
        return "bar_grouped"
    return "bar_vertical" if vertical else "bar_horizontal"


def _line_marks(
    polylines: list[Shape], axis: Axis | None, by_color: dict[Color | None, Axis]
) -> tuple[list[_Mark], list[float]]:
    """One mark per vertex; the categories are the vertices' x positions."""
    anchors = _cluster_positions([x for p in polylines for x, _ in p.pts], _SAME_EDGE)
    return _vertex_marks(polylines, axis, anchors, float("inf"), by_color), anchors


def _vertex_marks(
    polylines: list[Shape],
    axis: Axis | None,
    anchors: list[float],
    reach: float,
    by_color: dict[Color | None, Axis],
) -> list[_Mark]:
    """One mark per vertex attached to the category anchor within reach of it; a vertex
    between categories (a line drawn past the first and last bar) names none. A line is
    read on the axis its colour names, if any, else on the one given."""
    marks = []
    for line in polylines:
        line_axis = by_color.get(line.stroke, axis)
        for x, y in line.pts:
            anchor = min(range(len(anchors)), key=lambda i: abs(anchors[i] - x))
            if abs(anchors[anchor] - x) > reach:
                continue
            geometry = line_axis.value(y) if line_axis else None
            marks.append(_Mark(line.stroke, anchor, geometry, (x, y, x, y), line_axis))
    return marks


def _axes_by_color(
    primary: Axis,
    secondary: Axis,
    glyphs: Sequence[tuple[BBox, Color | None]],
    series_colors: set[Color | None],
) -> dict[Color | None, Axis]:
    """The axis of each series colour, when tick labels printed in a series' colour say
    it (charts with two axes often colour each axis like its series); empty when they
    do not.

    When one axis's colour is a series' and the other's none, the other series are on the
    other axis; when both are, every series must wear one of the two colours.
    """
    colors = {id(a): _tick_color(a, glyphs) for a in (primary, secondary)}
    own = {
        c: a
        for a in (primary, secondary)
        for c in series_colors
        if c is not None and c == colors[id(a)]
    }
    if not own or colors[id(primary)] == colors[id(secondary)]:
        return {}
    axes = {id(a) for a in own.values()}
    if len(axes) == 2:
        return own if series_colors <= own.keys() else {}
    other = secondary if id(primary) in axes else primary
    return {c: own.get(c, other) for c in series_colors}


def _tick_color(axis: Axis, glyphs: Sequence[tuple[BBox, Color | None]]) -> Color | None:
    """The one colour an axis's tick labels are printed in, or None."""
    colors = {
        color
        for box, color in glyphs
        for tick in axis.ticks
        if tick.x0 <= (box[0] + box[2]) / 2 <= tick.x1
        and tick.top <= (box[1] + box[3]) / 2 <= tick.bottom
    }
    return colors.pop() if len(colors) == 1 else None


def _combined_axes(primary: Axis, secondary: Axis, baseline: float, em: float) -> tuple[Axis, Axis]:
    """The axes of a chart of bars with a line: (the bars', the line's).

    The bars stand on the zero of their axis; when both axes put zero there, or neither
    does, the bars are on the primary axis, as office suites and plotting libraries draw
    a combined chart (the line on the secondary axis).
    """

    def rests_on(axis: Axis) -> bool:
        return axis.lo <= 0 <= axis.hi and abs(axis.coord(0.0) - baseline) <= 0.5 * em

    if rests_on(secondary) and not rests_on(primary):
        return secondary, primary
    return primary, secondary


def read_chart(
    words: Sequence[Phrase],
    shapes: Sequence[Shape],
    glyphs: Sequence[tuple[BBox, Color | None]] = (),
) -> Reading | None:
    """Read the series of a chart region, or None when it holds no bars nor lines.

    glyphs are the region's characters with their colour: tick labels printed in a
    series' colour tell which value axis measures it.
    """
    em = font_size(words)
    if _is_radar(shapes):
        box = union(s.bbox for s in shapes)
        status = "not_extracted: radar chart, values along its spokes are not read"
        return Reading("radar", [], None, box, box, status=status)
    texts = phrases(words)
    parts = _sort_shapes(shapes, texts, em)
    if not parts.bars and not parts.polylines:
        return None
    # Line charts read values along y; bars tell their own orientation.
    vertical = _orientation(parts.bars) if parts.bars else True
    bar_items = _bar_items(parts, vertical)
    baseline = _baseline(bar_items) if bar_items else None

    # The value axis: tick marks, gridlines and the bars' baseline pin its labels down.
    legend_ids = {id(t) for t in parts.legend_texts}
    free = [t for t in texts if id(t) not in legend_ids]
    across = [
        (r.top + r.bottom) / 2 if vertical else (r.x0 + r.x1) / 2
        for r in parts.rules
        if (r.width > r.height) == vertical
    ]
    if baseline is not None:
        across.append(baseline)
    mark_boxes = [b.shape.bbox for b in bar_items] + [p.bbox for p in parts.polylines]
    extent_box = union(mark_boxes)
    extent = (extent_box[0], extent_box[2]) if vertical else (extent_box[1], extent_box[3])
    axis, secondary = find_value_axes(free, vertical, across, extent)
    # Which series each axis measures: told by the colour of its tick labels when it is
    # a series' colour, else only for bars with a line.
    by_color: dict[Color | None, Axis] = {}
    if axis is not None and secondary is not None:
        series_colors = {b.shape.color for b in bar_items} | {p.stroke for p in parts.polylines}
        by_color = _axes_by_color(axis, secondary, glyphs, series_colors)
    bar_colors = {b.shape.color for b in bar_items}
    unmatched = secondary is not None and not (
        (bar_items and parts.polylines) or (by_color and not bar_items)
    )
    primary, line_axis = axis, axis
    if secondary is not None and bar_items and parts.polylines:
        assert primary is not None and baseline is not None
        if by_color and len({id(by_color[c]) for c in bar_colors}) == 1:
            axis = by_color[next(iter(bar_colors))]
            line_axis = secondary if axis is primary else primary
        else:
            axis, line_axis = _combined_axes(primary, secondary, baseline, em)
    if axis is not None and bar_items and not axis.lo <= 0 <= axis.hi:
        bar_items = _clip_to_axis(bar_items, axis)
        baseline = _baseline(bar_items)
    if 2 * sum(_holds_words(b.shape, words) for b in bar_items) > len(bar_items):
        return None  # boxes holding text: a diagram or a table, not bars
    if unmatched:
        status = "not_extracted: two value axes, no telling which series each measures"
        return Reading("unknown", [], None, extent_box, extent_box, status=status)
    if bar_items:
        assert baseline is not None
        # The zero line too when the axis shows it: stacked segments share many edges, so
        # the commonest one need not be where the stacks stand.
        grounds = [baseline]
        if axis is not None and axis.lo <= 0 <= axis.hi:
            grounds.append(axis.coord(0.0))
        bar_items = _grounded(bar_items, grounds, max(_SAME_EDGE, _GROUND_EM * em))
        if not bar_items:
            if not parts.polylines:
                return None
            baseline = None
    tick_ids = {id(t) for a in (axis, secondary) if a for t in a.ticks}
    free = [t for t in free if id(t) not in tick_ids]

    status = "extracted"
    numeric = [t for t in free if parse_value_label(t.text) is not None]
    if bar_items:
        assert baseline is not None
        zero = axis.coord(0.0) if axis else baseline
        columns = _group_columns(bar_items)
        distinct = {b.shape.color for b in bar_items}
        single = len(distinct) == 1 or (not parts.legend and len(distinct) == len(bar_items))
        categories = _group_categories(columns, single)
        marks = _bar_marks(categories, axis, zero)
        if single and not parts.legend:
            for mark in marks:
                mark.color = None  # one unnamed series, whatever its colours
        anchors = [
            (min(b.c0 for c in g for b in c) + max(b.c1 for c in g for b in c)) / 2
            for g in categories
        ]
        kind = _bar_kind(columns, categories, vertical)
        value_labels = _assign_labels(numeric, marks, _bar_label_distance(vertical, zero, em))
        if parts.polylines and secondary is not None:
            reach = _half_spacing(anchors, em)
            line_marks = _vertex_marks(parts.polylines, line_axis, anchors, reach, by_color)
            taken = {id(t) for t in value_labels}
            rest = [t for t in numeric if id(t) not in taken]
            value_labels += _assign_labels(rest, line_marks, _vertex_label_distance(em))
            marks += line_marks
            kind = "bar_line"
        elif parts.polylines:
            # A line over bars with no axis of its own may read on an axis whose ticks
            # were not found: not read rather than read on the bars' axis.
            status = "extracted: bars only, line series over the bars not read"
    else:
        marks, anchors = _line_marks(parts.polylines, axis, by_color)
        kind = "line"
        if axis is not None:
            # Numbers below the lowest tick are the category axis's (years), not values.
            numeric = [t for t in numeric if t.top < axis.coord(axis.lo)]
        value_labels = _assign_labels(numeric, marks, _vertex_label_distance(em))
    label_ids = {id(t) for t in value_labels}
    free = [t for t in free if id(t) not in label_ids]

    # Category names lie beyond the category axis: below the bars' baseline (or the plot
    # bottom for lines), left of horizontal bars' baseline.
    free_words = [w for w in words if _free_word(w, free)]
    if baseline is not None and vertical:
        side = [w for w in free_words if w.yc > baseline]
    elif baseline is not None:
        side = [w for w in free_words if w.xc < baseline]
    else:
        floor = max(y for p in parts.polylines for _, y in p.pts)
        if axis is not None:
            floor = max(floor, axis.coord(axis.lo))
        side = [w for w in free_words if w.top > floor - 0.5 * em]
    names, category_words = _category_names(side, anchors, vertical, em)

    if axis is None and not value_labels:
        return Reading(
            "unknown",
            [],
            None,
            extent_box,
            extent_box,
            status="not_extracted: no value axis nor printed values",
        )
    order = [m.color for m in sorted(marks, key=lambda m: m.anchor)]
    series = _series(marks, names, parts.legend, secondary, order)
    axes = [a for a in (axis, secondary) if a is not None]
    plot = union(mark_boxes + [_axis_box(a, extent_box) for a in axes])
    used = parts.legend_texts + [t for a in axes for t in a.ticks] + value_labels
    boxes = mark_boxes + [s.bbox for s in parts.swatches] + [t.bbox for t in used]
    boxes += [w.bbox for w in category_words]
    return Reading(kind, series, axis, plot, union(boxes), used + category_words, status)


def _half_spacing(anchors: list[float], em: float) -> float:
    """Half the distance between neighbouring categories: what a mark may stray from
    its own."""
    if len(anchors) < 2:
        return 3 * em
    return median(b - a for a, b in zip(anchors, anchors[1:], strict=False)) / 2


def _is_radar(shapes: Sequence[Shape]) -> bool:
    """Whether the graphics hold a radar chart's spokes: three or more straight lines of
    one colour and one length, from one centre in different directions, some slanted.

    Read as a line chart, a radar's outline would give values at made-up categories
    (a column of ring labels reads as a value axis): it is recognised and left unread.
    Line series drawn segment by segment meet at a vertex too, but in their own colours
    and with segments of any length.
    """
    spokes: dict[tuple, list[tuple[float, float, float]]] = {}
    for shape in shapes:
        if shape.kind != "line" or len(shape.pts) != 2 or shape.fill is not None:
            continue
        (ax, ay), (bx, by) = shape.pts
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        if length <= _SAME_EDGE:
            continue
        for (cx, cy), (ox, oy) in (((ax, ay), (bx, by)), ((bx, by), (ax, ay))):
            key = (round(cx), round(cy), shape.stroke)
            spokes.setdefault(key, []).append(((ox - cx) / length, (oy - cy) / length, length))
    for rays in spokes.values():
        directions = {(round(dx, 1), round(dy, 1)) for dx, dy, _ in rays}
        lengths = [length for _, _, length in rays]
        slanted = any(abs(dx) > _SLANT and abs(dy) > _SLANT for dx, dy, _ in rays)
        if (
            len(directions) >= _RADAR_SPOKES
            and slanted
            and max(lengths) - min(lengths) <= _SAME_EDGE
        ):
            return True
    return False


def _holds_words(box: Shape, words: Sequence[Phrase]) -> bool:
    """Whether a filled box holds words, as table cells and diagram boxes do.

    Bars carry at most their printed value, a number; a category name may overlap a bar
    now and then, but not most of them.
    """
    return any(
        box.x0 <= w.xc <= box.x1 and box.top <= w.yc <= box.bottom and parse_tick(w.text) is None
        for w in words
    )


def _free_word(word: Phrase, free: Sequence[Phrase]) -> bool:
    """Whether a word belongs to a phrase not yet given a role."""
    return any(
        p.x0 - 0.1 <= word.xc <= p.x1 + 0.1 and p.top - 0.1 <= word.yc <= p.bottom + 0.1
        for p in free
    )


def _axis_box(axis: Axis, marks: BBox) -> BBox:
    """The plot rectangle spanned by the axis's ticks across the marks."""
    a, b = sorted((axis.coord(axis.lo), axis.coord(axis.hi)))
    if axis.vertical:
        return (marks[0], a, marks[2], b)
    return (a, marks[1], b, marks[3])
