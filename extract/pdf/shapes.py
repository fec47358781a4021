"""Painted paths of a page (rects, lines, curves) with the colours a reader sees."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from extract.pdf.colors import Color, is_white, to_rgb
from extract.pdf.geometry import Boxed

# Two points closer than this (PDF points) are one point: a polyline drawn back to its
# start is a closed outline.
_SAME_POINT = 0.5


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

    @property
    def color(self) -> Color | None:
        """The colour a reader sees: the fill of filled shapes, else the stroke."""
        return self.fill if self.fill is not None else self.stroke

    def is_closed(self) -> bool:
        return len(self.pts) > 2 and _same_point(self.pts[0], self.pts[-1])


def _same_point(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= _SAME_POINT and abs(a[1] - b[1]) <= _SAME_POINT


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
