"""Painted paths of a page (rects, lines, curves) with the colours a reader sees."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from extract.pdf.colors import Color, is_white, to_rgb
from extract.pdf.geometry import Boxed

# Two points closer than this (PDF points) are one point: a polyline drawn back to its
# start is a closed outline.
_SAME_POINT = 0.5
# A Bézier segment is followed through this many chords to measure the area it bounds:
# a quarter circle so cut is short of its true area by under 0.1 %.
_BEZIER_STEPS = 24


@dataclass(frozen=True)
class Shape(Boxed):
    """A painted path: kind is "rect", "line" (two points) or "curve" (polyline/bezier)."""

    kind: str
    x0: float
    top: float
    x1: float
    bottom: float
    fill: Color | None  # None when the path is not filled
    stroke: Color | None  # None when the path is not stroked
    pts: tuple[tuple[float, float], ...] = ()
    area: float = 0.0  # of a curve: the area its outline encloses, Bézier arcs followed

    @property
    def color(self) -> Color | None:
        """The colour a reader sees: the fill of filled shapes, else the stroke."""
        return self.fill if self.fill is not None else self.stroke

    def is_closed(self) -> bool:
        return len(self.pts) > 2 and _same_point(self.pts[0], self.pts[-1])


def _same_point(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= _SAME_POINT and abs(a[1] - b[1]) <= _SAME_POINT


def _cubic(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
) -> list[tuple[float, float]]:
    """Points along a cubic Bézier segment, its start left out."""
    points = []
    for i in range(1, _BEZIER_STEPS + 1):
        t = i / _BEZIER_STEPS
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
        points.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return points


def _shoelace(points: list[tuple[float, float]]) -> float:
    return (
        sum(
            x0 * y1 - x1 * y0
            for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def path_area(path: list[tuple]) -> float:
    """The area a path's subpaths enclose (pdfplumber's path operators, arcs followed).

    A pie slice's share is its area's: vertices alone cut the arcs short, by a third for
    a quarter circle drawn as one Bézier segment. Subpaths turning the other way (the
    hole of a ring) are taken off.
    """
    total = 0.0
    outline: list[tuple[float, float]] = []
    for op in path:
        if op[0] == "m":
            total += _shoelace(outline) if len(outline) > 2 else 0.0
            outline = [tuple(op[1])]
        elif op[0] == "l" and outline:
            outline.append(tuple(op[1]))
        elif op[0] == "c" and outline:
            outline += _cubic(outline[-1], op[1], op[2], op[3])
    total += _shoelace(outline) if len(outline) > 2 else 0.0
    return abs(total)


def read_shapes(page: Any) -> list[Shape]:
    """Every rect, line and curve of a pdfplumber page, white paint included."""
    shapes: list[Shape] = []
    for kind, objs in (("rect", page.rects), ("line", page.lines), ("curve", page.curves)):
        for obj in objs:
            fill = to_rgb(obj.get("non_stroking_color")) if obj.get("fill") else None
            stroke = to_rgb(obj.get("stroking_color")) if obj.get("stroke") else None
            if obj.get("fill") and fill is None:
                fill = (0.0, 0.0, 0.0)  # the PDF default fill colour is black
            if obj.get("stroke") and stroke is None:
                stroke = (0.0, 0.0, 0.0)
            pts = tuple((float(x), float(y)) for x, y in obj.get("pts") or ())
            filled_curve = kind == "curve" and obj.get("fill")
            area = path_area(obj.get("path") or []) if filled_curve else 0.0
            shapes.append(
                Shape(
                    kind,
                    float(obj["x0"]),
                    float(obj["top"]),
                    float(obj["x1"]),
                    float(obj["bottom"]),
                    fill,
                    stroke,
                    pts,
                    area,
                )
            )
    return shapes


def visible(shapes: list[Shape]) -> list[Shape]:
    """Shapes with white paint removed, and those left painting nothing dropped (figure
    and axes backgrounds)."""
    result = []
    for shape in shapes:
        fill = None if is_white(shape.fill) else shape.fill
        stroke = None if is_white(shape.stroke) else shape.stroke
        if fill is None and stroke is None:
            continue
        result.append(replace(shape, fill=fill, stroke=stroke))
    return result
