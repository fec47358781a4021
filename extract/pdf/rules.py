"""Ruling lines: the thin horizontal and vertical strokes that frame tables and plots.

Producers draw a rule as a line, as a hairline rect (filled or stroked), as the edges of a
stroked box or as a straight path; all of them end up here as one `Rule` per visible
segment, collinear pieces joined.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from extract.pdf.colors import is_white
from extract.pdf.shapes import Shape

# A rule is a drawn object much thinner than text: at most this share of the body em thick.
# Shading (cell backgrounds) is at least a text line tall, so it never passes; hairlines
# drawn as 0.5 pt filled rects do.
RULE_MAX_THICKNESS_EM = 0.35
# Segments on the same axis closer than this (em) are one rule: PDF producers draw a rule
# as several abutting pieces, or as the two edges of a thin rect.
RULE_JOIN_EM = 0.3
# A rule "across" a table or region covers at least this share of its width: rules that
# close a table run its full width give or take the margins of the outer cells, while a
# rule under a spanning header covers only the columns it groups.
MOST_OF_WIDTH = 0.8


@dataclass(frozen=True)
class Rule:
    """A horizontal ('h': at y=pos from start to end in x) or vertical ('v') ruling line."""

    orient: str
    pos: float
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


def find_rules(shapes: Sequence[Shape], em: float) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical rules among a page's shapes, collinear pieces joined."""
    thin = RULE_MAX_THICKNESS_EM * em
    hsegs: list[Rule] = []
    vsegs: list[Rule] = []

    def add(x0: float, top: float, x1: float, bottom: float) -> None:
        if bottom - top <= thin and x1 - x0 > thin:
            hsegs.append(Rule("h", (top + bottom) / 2, x0, x1))
        elif x1 - x0 <= thin and bottom - top > thin:
            vsegs.append(Rule("v", (x0 + x1) / 2, top, bottom))

    for shape in shapes:
        x0, top, x1, bottom = shape.bbox
        if shape.kind == "line":
            if not is_white(shape.stroke):
                add(x0, top, x1, bottom)
        elif shape.kind == "rect":
            if min(x1 - x0, bottom - top) <= thin:
                # A filled or stroked hairline rect: a rule, unless painted white.
                if not is_white(shape.color):
                    add(x0, top, x1, bottom)
            elif shape.stroke is not None and not is_white(shape.stroke):
                # A stroked box: its four edges are rules. Fill-only boxes are shading and
                # give no edges (shaded cells must not create columns).
                add(x0, top, x1, top)
                add(x0, bottom, x1, bottom)
                add(x0, top, x0, bottom)
                add(x1, top, x1, bottom)
        elif shape.fill is not None or shape.stroke is not None:
            # Curves made of straight axis-parallel strokes are rules drawn as paths.
            add(x0, top, x1, bottom)
    join = RULE_JOIN_EM * em
    return _merge(hsegs, join), _merge(vsegs, join)


def _merge(segs: list[Rule], join: float) -> list[Rule]:
    """Merge collinear segments that touch or overlap (within `join`)."""
    # Cluster by position first, then merge overlapping intervals inside each cluster.
    clusters: list[list[Rule]] = []
    for seg in sorted(segs, key=lambda s: s.pos):
        if clusters and seg.pos - clusters[-1][-1].pos <= join:
            clusters[-1].append(seg)
        else:
            clusters.append([seg])
    merged: list[Rule] = []
    for cluster in clusters:
        pos = statistics.fmean(s.pos for s in cluster)
        start = end = None
        for seg in sorted(cluster, key=lambda s: s.start):
            if start is not None and seg.start <= end + join:
                end = max(end, seg.end)
                continue
            if start is not None:
                merged.append(Rule(seg.orient, pos, start, end))
            start, end = seg.start, seg.end
        merged.append(Rule(cluster[0].orient, pos, start, end))
    return merged
