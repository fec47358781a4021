"""Boxes in pdfplumber's frame: (x0, top, x1, bottom) in PDF points, origin top-left.

pdfplumber's `utils` already merges boxes; what it lacks is a strict overlap test (its
`get_bbox_overlap` counts boxes that only touch) and containment with a tolerance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pdfplumber.utils import merge_bboxes

from extract.records import BBox


def union(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding all boxes (there must be at least one)."""
    boxes = list(boxes)
    if not boxes:
        raise ValueError("union of no boxes")
    return merge_bboxes(boxes)


def overlaps(a: BBox, b: BBox) -> bool:
    """Whether two boxes share some area (boxes that only touch do not)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(box: BBox, region: BBox, tol: float = 0.0) -> bool:
    """Whether box lies within region, widened by tol on every side."""
    return (
        box[0] >= region[0] - tol
        and box[1] >= region[1] - tol
        and box[2] <= region[2] + tol
        and box[3] <= region[3] + tol
    )


def centre_in_any(box: BBox, regions: Sequence[BBox]) -> bool:
    """Whether the centre of box falls in one of the regions (edges included)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in regions)


class Boxed:
    """Derived measures of a record with x0, top, x1 and bottom (words, shapes)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

