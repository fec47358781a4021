"""Value axes: French tick labels read as numbers and fitted to their positions.

A value axis is a run of numeric tick labels along one side of the plot (a column for a
vertical axis, a row for a horizontal one) whose values are a linear function of their
position. The fit maps any coordinate along the axis to a value in the axis's own units
("4,8" on an axis in millions reads 4.8).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from extract.charts.primitives import Phrase
from extract.pdf.words import group_lines
from extract.text.numbers import SIGN_QUALIFIERS, SPACES, parse_quantity, qualifier_before

# A French number: "1 000" (any space kind, or a dot, between groups of three), "2,5",
# "-3", "−3" (matplotlib prints U+2212), optionally followed by a unit as printed on axes.
_NUMBER_RE = re.compile(
    rf"""^(?P<sign>[-+\u2212\u2013])?[{SPACES}]*
    (?P<num>\d{{1,3}}(?:[{SPACES}.]\d{{3}})+(?:,\d+)?|\d+(?:[,.]\d+)?|[,.]\d+)
    [{SPACES}]*(?P<unit>%|M€|Md€|Mds€|k€|€|Md|M|k|pts?)?$""",
    re.VERBOSE,
)
# The words before a value label's number: "environ 3", "plus de 10".
_WORDED_VALUE_RE = re.compile(r"^(?P<words>[^\W\d_][^\d\u2212+-]*?)\s*(?P<number>[-+\u2212]?\d.*)$")
# Tick labels must lie on the fitted line within this share of the font size: label
# boxes are placed to a fraction of a point, a misread label is off by a whole step.
_FIT_TOLERANCE_EM = 0.3
# A tick mark or gridline is taken as the exact position of a label when it is within
# this share of the font size of the label's digits (read to about 0.05 em, while ticks
# are 1.5 em apart or more).
_SNAP_EM = 0.5
# Snapped labels agree on their offset to within a point; others are outliers.
_SNAP_AGREEMENT = 1.0
# Aligned labels share an edge to within this share of the font size.
_ALIGN_EM = 0.3
# A secondary axis spans at least this share of the primary's length along the plot.
_SECONDARY_OVERLAP = 0.5
# Two axes giving the same values to within this share of the range are one axis printed
# on both sides of the plot.
_MIRROR_TOLERANCE = 0.005
# An axis needs three labelled ticks: two points always fit a line, three test it.
_MIN_TICKS = 3


def parse_tick(text: str) -> float | None:
    """A tick or value label as a number in its own units ("4,8" on an axis in millions
    reads 4.8), or None when the label is not a number alone."""
    match = _NUMBER_RE.match(text.strip())
    if match is None:
        return None
    number = match["num"]
    # Plotting libraries print "0.5"; prose parsing reads only the French "0,5".
    if "," not in number and not re.fullmatch(r"\d{1,3}(\.\d{3})+", number):
        number = number.replace(".", ",")
    quantity = parse_quantity(f"{match['sign'] or ''}{number} {match['unit'] or ''}")
    return None if quantity is None else float(Decimal(str(quantity.value)) / quantity.scale)


def parse_value_label(text: str) -> tuple[float, str] | None:
    """A value label as (number, qualifier), or None when it is not a value alone.

    A chart prints a value it rounds or bounds with a sign or a word before the number,
    as prose does: "> 75" reads (75, "above"), "≈ 54" and "environ 3" read "approx". The
    wordings are the prose's (`extract.text.numbers`); a plain number is "exact".
    """
    text = text.strip()
    value = parse_tick(text)
    if value is not None:
        return value, "exact"
    qualifier = SIGN_QUALIFIERS.get(text[:1])
    if qualifier is not None:
        value = parse_tick(text[1:])
        return (value, qualifier) if value is not None else None
    match = _WORDED_VALUE_RE.match(text)
    if match is None:
        return None
    qualifier = qualifier_before(text, match.start("number"))
    value = parse_tick(match["number"])
    return (value, qualifier) if value is not None and qualifier != "exact" else None


def tick_unit(text: str) -> str | None:
    """The unit printed after a tick label's number ("%" for "10 %"), if any."""
    match = _NUMBER_RE.match(text.strip())
    return match["unit"] if match else None


@dataclass(frozen=True)
class Axis:
    """A linear value axis: value = intercept + slope * coordinate."""

    vertical: bool  # values read along y (vertical bars, lines) or along x
    slope: float
    intercept: float
    lo: float  # smallest and largest tick values
    hi: float
    ticks: tuple[Phrase, ...]
    unit: str | None  # unit printed on every tick label, e.g. "%"

    def value(self, coord: float) -> float:
        return self.intercept + self.slope * coord

    def coord(self, value: float) -> float:
        return (value - self.intercept) / self.slope

    @property
    def span(self) -> float:
        return self.hi - self.lo


def _fit(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """Least-squares (intercept, slope) of ys against xs."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    return my - slope * mx, slope


def _candidate_runs(numeric: list[tuple[Phrase, float]], vertical: bool) -> list[list]:
    """Numeric labels grouped into columns (vertical axis) or rows (horizontal axis)."""
    if not vertical:
        by_phrase = {id(p): (p, v) for p, v in numeric}
        return [[by_phrase[id(p)] for p in line] for line in group_lines(p for p, _ in numeric)]
    # Columns: labels sharing their right edge, left edge or centre (axis labels are
    # aligned one of these ways; a year under the first bar is not).
    runs = []
    for edge in (lambda p: p.x1, lambda p: p.x0, lambda p: p.xc):
        columns: list[list[tuple[Phrase, float]]] = []
        for item in sorted(numeric, key=lambda pv: edge(pv[0])):
            last = columns[-1] if columns else None
            if last and edge(item[0]) - edge(last[-1][0]) <= _ALIGN_EM * item[0].size:
                last.append(item)
            else:
                columns.append([item])
        runs += columns
    return runs


def _linear_run(run: list[tuple[Phrase, float]], vertical: bool) -> list | None:
    """The run sorted along the axis if its values grow linearly the right way, else None."""
    if len(run) < _MIN_TICKS:
        return None
    # Values grow upwards on a vertical axis (y grows downwards) and rightwards otherwise.
    run = sorted(run, key=lambda pv: -pv[0].digit_yc if vertical else pv[0].xc)
    values = [v for _, v in run]
    if any(b <= a for a, b in zip(values, values[1:], strict=False)):
        return None
    coords = [p.digit_yc if vertical else p.xc for p, _ in run]
    intercept, slope = _fit(values, coords)
    size = median(p.size for p, _ in run)
    if any(
        abs(intercept + slope * v - c) > _FIT_TOLERANCE_EM * size
        for v, c in zip(values, coords, strict=True)
    ):
        return None
    return run


def _snapped_coords(run: list[tuple[Phrase, float]], vertical: bool, marks: Sequence[float]):
    """Label coordinates moved onto their tick marks or gridlines when these exist.

    Glyph boxes are not centred on the tick (fonts put ascent and descent unevenly), so
    the label centre is off by a constant amount. The tick marks give the exact position;
    their median offset corrects labels that have none.
    """
    centres = [p.digit_yc if vertical else p.xc for p, _ in run]
    offsets: list[float | None] = []
    for (phrase, _), centre in zip(run, centres, strict=True):
        near = [m for m in marks if abs(m - centre) <= _SNAP_EM * phrase.size]
        offsets.append(min(near, key=lambda m: abs(m - centre)) - centre if near else None)
    known = [o for o in offsets if o is not None]
    if not known:
        return centres
    typical = median(known)
    return [
        c + (o if o is not None and abs(o - typical) <= _SNAP_AGREEMENT else typical)
        for c, o in zip(centres, offsets, strict=True)
    ]


def find_value_axis(
    phrases: Sequence[Phrase],
    vertical: bool,
    tick_marks: Sequence[float],
    mark_extent: tuple[float, float] | None,
) -> Axis | None:
    """The value axis among the numeric labels, or None when no run of ticks fits."""
    return find_value_axes(phrases, vertical, tick_marks, mark_extent)[0]


def find_value_axes(
    phrases: Sequence[Phrase],
    vertical: bool,
    tick_marks: Sequence[float],
    mark_extent: tuple[float, float] | None,
) -> tuple[Axis | None, Axis | None]:
    """The value axis and, when the plot has another one on its far side, that secondary
    axis (a line over bars read on the right in other units).

    tick_marks are the coordinates of tick marks, gridlines and bar baselines across the
    axis direction; mark_extent is the span of the chart's marks across the axis
    direction: axis labels sit outside it, printed values inside. The primary axis is on
    the near side (left of a vertical axis, below a horizontal one) when there is one
    there, else wherever the ticks are (an axis on the right only).
    """
    numeric = [(p, v) for p in phrases if (v := parse_tick(p.text)) is not None]
    runs = [
        fitted
        for run in _candidate_runs(numeric, vertical)
        if (fitted := _linear_run(run, vertical)) is not None
    ]
    if not runs:
        return None, None

    def centre(run: list[tuple[Phrase, float]]) -> float:
        return median(p.xc if vertical else p.yc for p, _ in run)

    if mark_extent is None:
        return _axis(max(runs, key=len), vertical, tick_marks), None
    before = [r for r in runs if centre(r) <= mark_extent[0]]
    after = [r for r in runs if centre(r) >= mark_extent[1]]
    # The near side is left of a vertical axis, below a horizontal one (page y grows
    # downwards).
    near, far = (before, after) if vertical else (after, before)
    if not near and not far:
        return _axis(max(runs, key=len), vertical, tick_marks), None
    primary = _axis(max(near or far, key=len), vertical, tick_marks)
    secondary = _axis(max(far, key=len), vertical, tick_marks) if near and far else None
    if secondary is not None and not _distinct_scale(primary, secondary):
        secondary = None
    return primary, secondary


def _axis(run: list[tuple[Phrase, float]], vertical: bool, tick_marks: Sequence[float]) -> Axis:
    coords = _snapped_coords(run, vertical, tick_marks)
    values = [v for _, v in run]
    intercept, slope = _fit(coords, values)
    units = {tick_unit(p.text) for p, _ in run}
    return Axis(
        vertical=vertical,
        slope=slope,
        intercept=intercept,
        lo=values[0],
        hi=values[-1],
        ticks=tuple(p for p, _ in run),
        unit=units.pop() if len(units) == 1 else None,
    )


def _distinct_scale(primary: Axis, other: Axis) -> bool:
    """Whether a second run of ticks is an axis of its own: spanning the plot as the
    primary does (not a column of numbered legend entries), on another scale (not the
    primary repeated on the far side)."""
    a, b = sorted((primary.coord(primary.lo), primary.coord(primary.hi)))
    c, d = sorted((other.coord(other.lo), other.coord(other.hi)))
    if min(b, d) - max(a, c) < _SECONDARY_OVERLAP * (b - a):
        return False
    return any(
        abs(primary.value(x) - other.value(x)) > _MIRROR_TOLERANCE * primary.span for x in (a, b)
    )
