"""Page content reduced to what chart reading needs: phrases of text and coloured shapes.

pdfplumber hands out words, rects, lines and curves with loosely typed attributes (colours
as floats, tuples or lists; points in the PDF frame). This module turns them into two small
immutable types in pdfplumber's top-left frame, so the rest of the chart code never touches
raw pdfplumber dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from extract.records import BBox

Color = tuple[float, float, float]

# A component at or above this level is indistinguishable from paper white when printed.
_WHITE_LEVEL = 0.97
# Words on one line whose gap is at most this many font sizes belong to one label: a
# space is 0.25-0.32 em in the usual fonts, while two distinct labels set that close
# would be unreadable.
_PHRASE_GAP_EM = 0.45
# Digits' middle above the baseline, in em (digit height 0.70-0.73 em).
_DIGIT_MIDDLE_EM = 0.36
# Pieces of text closer than this share of the font size touch: no space between them.
_TOUCH_EM = 0.1
# Two words are on the same line when their tops differ by less than this share of the
# font size (glyph boxes of one line share their top in pdfplumber, up to rounding).
_SAME_LINE_EM = 0.3


@dataclass(frozen=True)
class Phrase:
    """Text on one line: a word, or neighbouring words that read as one label."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    fontname: str = ""
    baseline: float | None = None  # y of the glyphs' baseline, when known

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def digit_yc(self) -> float:
        """Where the eye sees the middle of the text's digits.

        Digits stand on the baseline and are 0.7-0.73 em high in common fonts, so their
        middle is 0.36 em above it. Producers centre tick labels on this, while the
        glyph box depends on the font's ascent and descent (off by up to 0.35 em).
        """
        if self.baseline is None:
            return self.yc
        return self.baseline - _DIGIT_MIDDLE_EM * self.size

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True)
class Shape:
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

    @property
    def color(self) -> Color | None:
        """The colour a reader sees: the fill of filled shapes, else the stroke."""
        return self.fill if self.fill is not None else self.stroke

    def is_closed(self) -> bool:
        return len(self.pts) > 2 and _close(self.pts[0], self.pts[-1])


def _close(a: tuple[float, float], b: tuple[float, float], tol: float = 0.5) -> bool:
    return abs(a[0] - b[0]) <= tol and abs(a[1] - b[1]) <= tol


def to_rgb(value: Any) -> Color | None:
    """Normalise a pdfplumber colour (gray float, RGB or CMYK sequence) to rounded RGB."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, int | float):
        comps: Sequence[float] = (float(value),)
    else:
        try:
            comps = [float(v) for v in value]
        except (TypeError, ValueError):  # pattern colour spaces carry names, not numbers
            return None
    if len(comps) == 1:
        rgb = (comps[0], comps[0], comps[0])
    elif len(comps) == 3:
        rgb = (comps[0], comps[1], comps[2])
    elif len(comps) == 4:
        c, m, y, k = comps
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    return (round(rgb[0], 3), round(rgb[1], 3), round(rgb[2], 3))


def is_white(color: Color | None) -> bool:
    return color is not None and min(color) >= _WHITE_LEVEL


def union(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding all boxes (there must be at least one)."""
    boxes = list(boxes)
    if not boxes:
        raise ValueError("union of no boxes")
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def inside(box: BBox, region: BBox, tol: float = 0.0) -> bool:
    return (
        box[0] >= region[0] - tol
        and box[1] >= region[1] - tol
        and box[2] <= region[2] + tol
        and box[3] <= region[3] + tol
    )


def page_shapes(page: Any) -> list[Shape]:
    """Visible rects, lines and curves of a page (white-on-white paint is dropped)."""
    shapes: list[Shape] = []
    for kind, objs in (("rect", page.rects), ("line", page.lines), ("curve", page.curves)):
        for obj in objs:
            fill = to_rgb(obj.get("non_stroking_color")) if obj.get("fill") else None
            stroke = to_rgb(obj.get("stroking_color")) if obj.get("stroke") else None
            if obj.get("fill") and fill is None:
                fill = (0.0, 0.0, 0.0)  # the PDF default fill colour is black
            if obj.get("stroke") and stroke is None:
                stroke = (0.0, 0.0, 0.0)
            if is_white(fill):
                fill = None
            if is_white(stroke):
                stroke = None
            if fill is None and stroke is None:
                continue  # paints nothing a reader can see (figure and axes backgrounds)
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


def page_words(page: Any) -> list[Phrase]:
    """Upright words of a page, each as a one-word Phrase."""
    # Not split on font names: producers switch font subsets inside a word ("M€").
    words = page.extract_words(extra_attrs=["size", "upright"], return_chars=True)
    return [
        Phrase(
            w["text"],
            float(w["x0"]),
            float(w["top"]),
            float(w["x1"]),
            float(w["bottom"]),
            float(w["size"]),
            w["chars"][0]["fontname"],
            _baseline(w["chars"][0]),
        )
        for w in words
        if w["upright"]
    ]


def _baseline(char: dict[str, Any]) -> float | None:
    """A char's baseline in the top-left frame, from its text matrix."""
    matrix = char.get("matrix")
    if not matrix:
        return None
    # top is measured from y1 in the same frame as the matrix's translation.
    return float(char["top"]) + float(char["y1"]) - float(matrix[5])


def group_lines(words: Iterable[Phrase]) -> list[list[Phrase]]:
    """Words grouped into text lines (top to bottom), each line sorted left to right."""
    lines: list[list[Phrase]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        for line in lines:
            ref = line[0]
            if abs(word.top - ref.top) <= _SAME_LINE_EM * max(word.size, ref.size):
                line.append(word)
                break
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    lines.sort(key=lambda ln: min(w.top for w in ln))
    return lines


def merge(words: Sequence[Phrase]) -> Phrase:
    """One phrase from words of one line, in reading order."""
    ordered = sorted(words, key=lambda w: w.x0)
    text = ordered[0].text
    for prev, word in zip(ordered, ordered[1:], strict=False):
        # Pieces that touch are one word split by a font change, not two words.
        touching = word.x0 - prev.x1 <= _TOUCH_EM * word.size
        text += ("" if touching else " ") + word.text
    return Phrase(
        text,
        min(w.x0 for w in ordered),
        min(w.top for w in ordered),
        max(w.x1 for w in ordered),
        max(w.bottom for w in ordered),
        max(w.size for w in ordered),
        ordered[0].fontname,
        ordered[0].baseline,
    )


def phrases(words: Iterable[Phrase]) -> list[Phrase]:
    """Words merged into labels: neighbours on a line closer than a wide space."""
    result: list[Phrase] = []
    for line in group_lines(words):
        run = [line[0]]
        for word in line[1:]:
            if word.x0 - run[-1].x1 <= _PHRASE_GAP_EM * max(word.size, run[-1].size):
                run.append(word)
            else:
                result.append(merge(run))
                run = [word]
        result.append(merge(run))
    return result


def font_size(words: Sequence[Phrase], default: float = 10.0) -> float:
    """Typical font size of some text; every relative threshold is scaled by it."""
    return median(w.size for w in words) if words else default
