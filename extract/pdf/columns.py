"""Reading order: where a page sets its text in columns, and in which order to read it.

A column layout shows as a gutter: a vertical band that no word crosses, with text on
both sides of it on many consecutive lines. Such a band holds a block of columns, read
column by column (left column top to bottom, then the next); text outside any block
(titles across the page, running footers) is read in its place from top to bottom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.pdf.words import Word

# A gutter is at least this wide (em): wider than the widest space of justified prose
# (about 0.7 em), so that no line of one column is taken for two.
GUTTER_MIN_EM = 1.0
# Text stands on both sides of a gutter on at least this many lines: a label beside a
# figure or a table row or two side by side are not columns.
MIN_SIDE_BY_SIDE_LINES = 3
# A column of prose is at least this wide (em), some thirty characters: the page numbers
# of a table of contents or the figures of a list of values beside their labels are not.
MIN_COLUMN_WIDTH_EM = 12.0
# A line fills a column when its text there is at least this share of the column's width:
# every line of prose but a paragraph's last one does.
FILLED = 0.5


@dataclass(frozen=True)
class ColumnBlock:
    """A band of the page whose text is set in columns split at the gutters' x."""

    top: float
    bottom: float
    gutters: tuple[float, ...]  # left to right
    # Lines with text on both sides of each gutter: ragged line ends leave narrower clear
    # bands beside the real gutter, and the best-supported band wins over them.
    support: tuple[int, ...] = ()

    def column_of(self, x0: float, x1: float) -> int:
        """The column (0 = leftmost) of something spanning x0..x1."""
        centre = (x0 + x1) / 2
        return sum(1 for gutter in self.gutters if centre > gutter)


def find_column_blocks(
    lines: Sequence[Sequence[Word]], em: float, every_run: bool = False
) -> list[ColumnBlock]:
    """The column blocks of a page, top to bottom, from its text lines (top to bottom).

    A gutter may run through several bands of lines apart (columns above and below a
    table wider than its column). With `every_run` each band is a block; without it only
    the best-supported one is, which is what the table and chart readers are set for.
    """
    found: list[ColumnBlock] = []
    min_width = MIN_COLUMN_WIDTH_EM * em
    for line in lines:
        for i in range(1, len(line)):
            left, right = line[i - 1], line[i]
            # A gutter shows on a line of two full columns at least: a column's width of
            # text on both sides of a gap wider than any space.
            if (
                right.x0 - left.x1 < GUTTER_MIN_EM * em
                or _run_widths(line, (left.x1 + right.x0) / 2, em) < (min_width, min_width)
                or any(_holds_gutter(b, left, right) for b in found)
            ):
                continue
            blocks = _blocks_at((left.x1 + right.x0) / 2, lines, em)
            if not every_run:
                blocks = sorted(blocks, key=lambda b: b.support)[-1:]
            found.extend(blocks)
    return _merge_overlapping(found, min_width)


def _holds_gutter(block: ColumnBlock, left: Word, right: Word) -> bool:
    """Whether the gap between two words is a gutter of the block already found."""
    return block.top <= left.top <= block.bottom and any(
        left.x1 <= g <= right.x0 for g in block.gutters
    )


def _blocks_at(x: float, lines: Sequence[Sequence[Word]], em: float) -> list[ColumnBlock]:
    """The blocks whose gutter runs through x: each run of consecutive lines no word crosses
    at x with lines side by side there often enough.

    A page may hold several such runs apart (columns above and below a figure or a table
    set across the page, or wider than its column): each is a block of its own. The gutter
    is the band between the right edge of a run's left column and the left edge of its
    right one.
    """
    runs: list[tuple[list[Sequence[Word]], int]] = []
    run: list[Sequence[Word]] = []
    count = 0
    for line in [*lines, []]:
        if line and not any(w.x0 < x < w.x1 for w in line):
            run.append(line)
            count += _side_by_side(line, x, em)
            continue
        if count >= MIN_SIDE_BY_SIDE_LINES:
            runs.append((run, count))
        run, count = [], 0
    return [block for run, count in runs if (block := _run_block(run, count, x, em))]


def _run_block(
    run: Sequence[Sequence[Word]], count: int, x: float, em: float
) -> ColumnBlock | None:
    """The block of a run of lines split at x, if both sides are columns of prose."""
    # Columns are measured by the text next to the gap, up to the next gap as wide: the
    # cells of a table set in one column of a page stand beside the other column too, but
    # a number cell is no column of prose.
    # Each column is filled on several lines of the block (one may run on below the other):
    # a table's header over its label and number columns is as wide as two columns, its
    # number cells never are.
    runs = [_run_widths(line, x, em) for line in run]
    widths = (max(r[0] for r in runs), max(r[1] for r in runs))
    filled = [sum(1 for r in runs if r[side] >= FILLED * widths[side]) for side in (0, 1)]
    if min(widths) < MIN_COLUMN_WIDTH_EM * em or min(filled) < MIN_SIDE_BY_SIDE_LINES:
        return None
    words = [w for line in run for w in line]
    left_edge = max(w.x1 for w in words if w.x1 <= x)
    right_edge = min(w.x0 for w in words if w.x0 >= x)
    return ColumnBlock(
        min(w.top for w in words),
        max(w.bottom for w in words),
        (round((left_edge + right_edge) / 2, 2),),
        (count,),
    )


def _run_widths(line: Sequence[Word], x: float, em: float) -> tuple[float, float]:
    """Widths of the text just left and just right of x: the words reached from x without
    crossing a gap as wide as a gutter (0.0 where there is none)."""
    left = sorted((w for w in line if w.x1 <= x), key=lambda w: w.x1, reverse=True)
    right = sorted((w for w in line if w.x0 >= x), key=lambda w: w.x0)
    gap = GUTTER_MIN_EM * em

    def width(words: list[Word], reversed_order: bool) -> float:
        if not words:
            return 0.0
        edge, far = (words[0].x1, words[0].x0) if reversed_order else (words[0].x0, words[0].x1)
        for word in words[1:]:
            if reversed_order:
                if far - word.x1 >= gap:
                    break
                far = min(far, word.x0)
            else:
                if word.x0 - far >= gap:
                    break
                far = max(far, word.x1)
        return abs(edge - far)

    return width(left, True), width(right, False)


def _side_by_side(line: Sequence[Word], x: float, em: float) -> bool:
    """Whether a line has text on both sides of x, a gutter's width apart."""
    left = [w.x1 for w in line if w.x1 <= x]
    right = [w.x0 for w in line if w.x0 >= x]
    return bool(left and right) and min(right) - max(left) >= GUTTER_MIN_EM * em


def _merge_overlapping(blocks: list[ColumnBlock], min_width: float) -> list[ColumnBlock]:
    """Blocks sharing some height become one block (three columns, or one gutter seen twice).

    Gutters closer than a column's width are one gutter: the best-supported one is kept,
    so that short lines of a ragged column do not cut it in two.
    """
    groups: list[list[ColumnBlock]] = []
    for block in sorted(blocks, key=lambda b: b.top):
        if groups and block.top < max(b.bottom for b in groups[-1]):
            groups[-1].append(block)
        else:
            groups.append([block])
    return [_merged(group, min_width) for group in groups]


def _merged(group: list[ColumnBlock], min_width: float) -> ColumnBlock:
    candidates = sorted(
        ((s, g) for b in group for g, s in zip(b.gutters, b.support, strict=True)), reverse=True
    )
    kept: list[tuple[float, int]] = []
    for support, gutter in candidates:
        if all(abs(gutter - other) >= min_width for other, _ in kept):
            kept.append((gutter, support))
    kept.sort()
    return ColumnBlock(
        min(b.top for b in group),
        max(b.bottom for b in group),
        tuple(g for g, _ in kept),
        tuple(s for _, s in kept),
    )


def reading_key(
    blocks: Sequence[ColumnBlock], x0: float, top: float, x1: float, bottom: float
) -> tuple[float, int, float]:
    """Sort key putting text in reading order: column by column inside a block."""
    middle = (top + bottom) / 2
    for block in blocks:
        if block.top <= middle <= block.bottom:
            return (block.top, block.column_of(x0, x1), top)
    return (top, 0, top)


def column_id(
    blocks: Sequence[ColumnBlock], x0: float, top: float, x1: float, bottom: float
) -> tuple[int, int]:
    """(block, column) holding a box; (-1, 0) outside every block."""
    middle = (top + bottom) / 2
    for index, block in enumerate(blocks):
        if block.top <= middle <= block.bottom:
            return (index, block.column_of(x0, x1))
    return (-1, 0)
