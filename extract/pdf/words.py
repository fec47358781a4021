"""Words of a page and the text lines they form."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from pdfplumber.utils import extract_words

from extract.pdf.geometry import Boxed

# Digits' middle above the baseline, in em (digit height 0.70-0.73 em).
_DIGIT_MIDDLE_EM = 0.36
# Chars further apart than this share of their size start a new word: a space is 0.25-0.3
# em, kerning and font-subset changes inside a word stay well under it.
WORD_SPLIT_EM = 0.15
# Chars whose tops differ by more than this share of the body em are on different lines.
WORD_SAME_LINE_EM = 0.3
# Two items are on one text line when their vertical extents overlap by at least this share
# of the smaller height: glyph boxes of one line nearly coincide, while consecutive lines
# of prose overlap by less than a third at the tightest leading.
LINE_OVERLAP = 0.5
# Baselines of consecutive lines are this many em apart in common leading (1.2 to 1.5 em):
# the unit of "a few lines away".
LINE_PITCH_EM = 1.4
# Only this many of the latest lines can still receive an item met in top order: lines
# further up end above it.
_OPEN_LINES = 4


@dataclass(frozen=True)
class Word(Boxed):
    """Text set on one line: a word, or neighbouring words read as one label."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    fontname: str = ""
    baseline: float | None = None  # y of the glyphs' baseline, when known
    upright: bool = True  # False for text set sideways (rotated axis titles)

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



class Spanning(Protocol):
    @property
    def top(self) -> float: ...

    @property
    def bottom(self) -> float: ...

    @property
    def x0(self) -> float: ...


S = TypeVar("S", bound=Spanning)


def read_words(chars: Sequence[dict[str, Any]], em: float) -> list[Word]:
    """Words of a page's chars, in pdfplumber's order."""
    # Not split on font names: producers switch font subsets inside a word ("M€").
    raw = extract_words(
        list(chars),
        x_tolerance_ratio=WORD_SPLIT_EM,
        y_tolerance=WORD_SAME_LINE_EM * em,
        keep_blank_chars=False,
        use_text_flow=False,
        extra_attrs=["size", "upright"],
        return_chars=True,
    )
    return [
        Word(
            w["text"],
            float(w["x0"]),
            float(w["top"]),
            float(w["x1"]),
            float(w["bottom"]),
            float(w["size"]),
            w["chars"][0]["fontname"],
            _baseline(w["chars"][0]),
            bool(w["upright"]),
        )
        for w in raw
        if w["x1"] > w["x0"] and w["bottom"] > w["top"]
    ]


def _baseline(char: dict[str, Any]) -> float | None:
    """A char's baseline in the top-left frame, from its text matrix."""
    matrix = char.get("matrix")
    if not matrix:
        return None
    # top is measured from y1 in the same frame as the matrix's translation.
    return float(char["top"]) + float(char["y1"]) - float(matrix[5])


def group_lines(items: Iterable[S]) -> list[list[S]]:
    """Items grouped into text lines, top to bottom, each line sorted left to right.

    An item joins a line its vertical extent overlaps by LINE_OVERLAP of the smaller height.
    """
    lines: list[tuple[list[S], list[float]]] = []  # members, [top, bottom]
    for item in sorted(items, key=lambda w: (w.top, w.x0)):
        height = item.bottom - item.top
        target = None
        for members, span in reversed(lines[-_OPEN_LINES:]):
            overlap = min(span[1], item.bottom) - max(span[0], item.top)
            if overlap >= LINE_OVERLAP * min(height, span[1] - span[0]):
                target = (members, span)
                break
        if target is None:
            lines.append(([item], [item.top, item.bottom]))
        else:
            target[0].append(item)
            target[1][0] = min(target[1][0], item.top)
            target[1][1] = max(target[1][1], item.bottom)
    result = [sorted(members, key=lambda w: w.x0) for members, _ in lines]
    result.sort(key=lambda ln: min(w.top for w in ln))
    return result
