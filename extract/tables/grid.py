"""Build the cell grid of one table region from text alignment and ruling lines.

Rows come from horizontal rules (bands) and text lines; columns come from the vertical gaps
that stay empty across the body rows (a vertical rule in a gap pins the separator). Header
text crossing a separator becomes a spanning cell. Shading never enters: only rules do.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extract.pdf.rules import MOST_OF_WIDTH, Rule
from extract.pdf.words import Word
from extract.records import BBox, ExtractedTable, TableCell
from extract.tables.layout import Chunk, PageLayout, TextLine, is_numeric, text_lines
from extract.text.numbers import is_qualifier_wording

# Empty vertical band narrower than this (x font size) is not a column gap unless a vertical
# rule runs in it: two spaces' worth is the least a typesetter leaves between columns.
MIN_COL_GAP = 0.5
# A chunk belongs to a column it overlaps by more than this (x font size) or by half its own
# width; centred header text that bleeds a little past its column is not a span.
SPAN_OVERLAP = 1.0
# A horizontal rule separates two text lines only if it lies between them with this much
# tolerance (x font size) for rules drawn touching the glyphs.
RULE_TOL = 0.25
# Lines of one row of wrapped cells are set solid: less than this (x font size) from the
# bottom of one to the top of the next, or overlapping when the cells are centred vertically
# at different heights. Rows of a table stand further apart, by their padding.
SOLID_GAP = 0.4

# A table whose tightest line pitch is under this share of its row pitch shows two pitches:
# the leading of wrapped cells and the spacing of rows.
TWO_PITCHES = 0.85

# Lines of text closer than this share of their height are set solid, as the lines of one
# cell (a paragraph's lines stand further apart).
SET_SOLID = 0.2

_YEAR = re.compile(r"^(19|20)\d\d$")
# The end of a line of a figure cut inside a group of thousands, and the digits that open
# the next line.
_CUT_GROUP = re.compile(r"\d[ \u00a0\u202f](\d{1,2})$")
_LEADING_DIGITS = re.compile(r"\d+")
# The end of a line of a year cut by a cell too narrow for it ("nov. 202" / "3"): the
# first one to three digits of a year, standing as a word of their own.
_CUT_YEAR = re.compile(r"(?:^|\s)((?:1|2)\d{0,2})$")


@dataclass
class _Row:
    lines: list[TextLine]
    # Lines of header cells set vertically centred over this row and the next one.
    spanning: list[TextLine] = field(default_factory=list)
    # Header lines running into each other, each column's pieces one wrapped cell: every
    # piece belongs to the column its centre stands in (a wide one reaches into the next).
    stacked: bool = False


def header_like(text: str) -> bool:
    """Text that may sit in a header: anything but a figure (years are headers)."""
    return not is_numeric(text) or bool(_YEAR.match(text.strip()))


def has_figure(line: TextLine) -> bool:
    """Does the line hold a figure (a chunk that is no header text)?"""
    return any(not header_like(c.text) for c in line.chunks)


def words_in(layout: PageLayout, bbox: BBox) -> list[Word]:
    x0, top, x1, bottom = bbox
    return [
        w
        for w in layout.words
        if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom
    ]


def build_grid(layout: PageLayout, bbox: BBox) -> ExtractedTable | None:
    """Grid the words inside `bbox`; None when there is no text at all."""
    font = layout.font_size
    words = words_in(layout, bbox)
    if not words:
        return None
    x0, top, x1, bottom = bbox
    vrules = [
        r
        for r in layout.vrules
        if x0 - font <= r.pos <= x1 + font and r.end > top and r.start < bottom
    ]
    hrules = [
        r
        for r in layout.hrules
        if top - font <= r.pos <= bottom + font and r.end > x0 and r.start < x1
    ]
    lines = text_lines(words, vrules, font)

    n_head = _without_trailing_qualifiers(lines, _header_lines(lines, hrules, (x0, x1), font))
    _split_run_together_headers(lines[:n_head], lines[n_head:])
    edges = _column_edges(lines[n_head:] or lines, vrules, (x0, x1), font)
    edges = _lone_columns_joined(edges, lines[:n_head], lines[n_head:], vrules, font)
    _header_spans(lines[:n_head], edges, hrules, (x0, x1), font)
    _header_over_its_figures(lines[:n_head], lines[n_head:], edges, font)
    rows = _rows(lines, hrules, edges, n_head, font)
    rows = _centred_header_cells(rows, n_head, lines, edges, font)
    rows = _centred_row_labels(rows, lines[n_head:], hrules, edges, font)
    cells = _ruled_spans(_cells(rows, edges, font), edges, vrules, font)
    n_cols = len(edges) - 1
    header_rows = _header_rows(rows)
    cells = [
        TableCell(
            row=c.row,
            col=c.col,
            text=c.text,
            row_span=c.row_span,
            col_span=c.col_span,
            is_header=c.row < header_rows,
            bbox=c.bbox,
        )
        for c in cells
    ]
    return ExtractedTable(
        page=layout.number,
        bbox=_grid_bbox(bbox, words, hrules, vrules),
        cells=cells,
        n_rows=len(rows),
        n_cols=n_cols,
        header_rows=header_rows,
    )


def _header_lines(
    lines: list[TextLine], hrules: list[Rule], span: tuple[float, float], font: float
) -> int:
    """Leading lines without figures, when figures follow: the header zone.

    Without other evidence the zone is at most half the lines (a text table whose first
    figure comes late must not be all header). The one rule across the table above the
    first line of figures closes the header there, whatever its height: that is the rule
    under a header set on several lines (a spanning title over sub-headers), not one of the
    rules of a grid, and the lines under it belong to the first row (its cells wrapped
    around its figures). Without such a rule, a rule right above the first line of figures
    that runs over its figures only (leaving out the column of row labels) closes the
    header too.
    """
    for i, line in enumerate(lines):
        if has_figure(line):
            if i > 1 and all(_stacked(a, b) for a, b in zip(lines[:i], lines[1:i], strict=False)):
                return i  # header cells of several heights centred on one row: one block
            ruled = [
                j
                for j in range(1, i + 1)
                if _rule_across(lines[j - 1], lines[j], hrules, span, font)
            ]
            if len(ruled) == 1 and (ruled[0] < i or i > len(lines) // 2):
                return ruled[0]
            if i > len(lines) // 2 and (
                (not ruled and _rule_over_figures(lines[i - 1], line, hrules, font))
                or _one_row_set_apart(lines[: i + 1], font)
            ):
                return i
            return _header_closed_by_rule(lines, i, hrules, span, font)
    return 1 if len(lines) > 2 else 0


def _without_trailing_qualifiers(lines: list[TextLine], n_head: int) -> int:
    """The header zone less the lines of qualifiers only at its foot ("environ", "plus de"):
    they hold no figure, yet they are the first lines of the body's cells, wrapped above
    the figures they qualify."""
    while n_head and all(is_qualifier_wording(c.text) for c in lines[n_head - 1].chunks):
        n_head -= 1
    return n_head


def _header_closed_by_rule(
    lines: list[TextLine],
    first_figures: int,
    hrules: list[Rule],
    span: tuple[float, float],
    font: float,
) -> int:
    """How many lines above the first line of figures are header: at most half the lines.

    A rule across the table among them closes the header when what follows it stays left of
    the figures: a row label wrapped above its figure ("Autorisations" / "79" / "(AE)").
    Lines past the half that carry the header's words on (each cell in lower case or in
    parentheses: "Autorisations" / "d'engagement" / "(AE)") are header too, as in a table of
    one or two rows.
    """
    limit = min(first_figures, len(lines) // 2)
    while limit < first_figures and _carries_header_on([lines[limit]]):
        limit += 1
    figures = [c for c in lines[first_figures].chunks if not header_like(c.text)]
    left_of_figures = min(c.x0 for c in figures)
    for j in range(limit, 0, -1):
        if _rule_across(lines[j - 1], lines[j], hrules, span, font) and all(
            ln.x1 < left_of_figures for ln in lines[j:first_figures]
        ):
            return j
    return limit


def _one_row_set_apart(lines: list[TextLine], font: float) -> bool:
    """Are all lines but the last set solid, as one row, and further from the last line?

    A header row of wrapped cells centred at different heights (a transposed table, its
    periods or products as columns) is many text lines over a body of one or two rows.
    """
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
    inner, last = gaps[:-1], gaps[-1]
    return bool(inner) and max(inner) < min(SOLID_GAP * font, last)


def _rule_across(
    upper: TextLine, lower: TextLine, hrules: list[Rule], span: tuple[float, float], font: float
) -> bool:
    """Is there a rule over most of the table's width between two text lines?"""
    tol = RULE_TOL * font
    width = span[1] - span[0]
    return any(
        upper.bottom - tol <= r.pos <= lower.top + tol
        and min(r.end, span[1]) - max(r.start, span[0]) >= MOST_OF_WIDTH * width
        for r in hrules
    )


def _column_edges(
    body: list[TextLine], vrules: list[Rule], span: tuple[float, float], font: float
) -> list[float]:
    """Column edges from gaps left empty by every multi-chunk body line, and by the lines of
    a row label wrapped around its row's one line (left of every chunk of those lines)."""
    multi = [ln for ln in body if len(ln.chunks) >= 2] or body
    left = min(c.x0 for ln in multi for c in ln.chunks) - MIN_COL_GAP * font
    labels = [ln for ln in body if len(ln.chunks) == 1 and ln.x1 < left]
    intervals = sorted((c.x0, c.x1) for ln in [*multi, *labels] for c in ln.chunks)
    body_top = min(ln.top for ln in multi)
    body_bottom = max(ln.bottom for ln in multi)
    edges = [span[0]]
    reach = intervals[0][1]
    for a, b in intervals[1:]:
        if a > reach:
            in_gap = [
                r
                for r in vrules
                if reach <= r.pos <= a and min(r.end, body_bottom) - max(r.start, body_top) > 0
            ]
            if in_gap:
                mid = (reach + a) / 2
                edges.append(min(in_gap, key=lambda r: abs(r.pos - mid)).pos)
            elif a - reach >= MIN_COL_GAP * font:
                edges.append((reach + a) / 2)
        reach = max(reach, b)
    edges.append(span[1])
    return edges


def _lone_columns_joined(
    edges: list[float], head: list[TextLine], body: list[TextLine], vrules: list[Rule], font: float
) -> list[float]:
    """Join a column without header text to its neighbour when no body line fills both.

    A cell set apart from the others of its column (a left-aligned "n.d." among centred
    figures) leaves a gap they do not, and makes a column of its own. Headed by nothing and
    never on a line beside the neighbour's cells, it is part of the neighbour's column.
    """
    if not head:
        return edges
    edges = list(edges)

    def filled(col: int, lines: list[TextLine]) -> set[int]:
        return {
            k
            for k, line in enumerate(lines)
            for c in line.chunks
            if _column_at(_mid(c), edges) == col
        }

    i = 1
    while i < len(edges) - 1:
        pinned = any(abs(r.pos - edges[i]) <= RULE_TOL * font for r in vrules)
        left, right = i - 1, i
        headed = [bool(filled(col, head)) for col in (left, right)]
        if not pinned and not all(headed) and not filled(left, body) & filled(right, body):
            del edges[i]
            continue
        i += 1
    return edges


def _columns_of(chunk: Chunk, edges: list[float], font: float) -> tuple[int, int]:
    """First and last column a chunk occupies."""
    if chunk.cols is not None:
        return chunk.cols
    width = chunk.x1 - chunk.x0
    cols = []
    for i in range(len(edges) - 1):
        overlap = min(chunk.x1, edges[i + 1]) - max(chunk.x0, edges[i])
        if overlap > min(SPAN_OVERLAP * font, 0.5 * width):
            cols.append(i)
    mid = (chunk.x0 + chunk.x1) / 2
    own = sum(1 for e in edges[1:-1] if e < mid)
    if not cols:  # outside the edges: nearest column
        return own, own
    first, last = cols[0], cols[-1]
    if first < last and abs(mid - (edges[own] + edges[own + 1]) / 2) < abs(
        mid - (edges[first] + edges[last + 1]) / 2
    ):
        # Centred on its own column, it bleeds into a neighbour (a header wider than the
        # figures under it): a title spanning columns is centred over them.
        return own, own
    return first, last


def _occupied(line: TextLine, edges: list[float], font: float) -> set[int]:
    cols: set[int] = set()
    for chunk in line.chunks:
        a, b = _columns_of(chunk, edges, font)
        cols.update(range(a, b + 1))
    return cols


def _spans(line: TextLine, edges: list[float], font: float) -> bool:
    return any(a != b for a, b in (_columns_of(c, edges, font) for c in line.chunks))


def _rows(
    lines: list[TextLine], hrules: list[Rule], edges: list[float], n_head: int, font: float
) -> list[_Row]:
    """Group text lines into rows: rule-bounded bands, wrapped cells, wrapped headers."""
    tol = RULE_TOL * font
    bands: list[list[int]] = []
    for i, line in enumerate(lines):
        if i and not _ruled_between(lines[i - 1], line, hrules, tol):
            bands[-1].append(i)
        else:
            bands.append([i])
    # Rules part the body row by row when no band of the body holds two lines of figures:
    # then the lines of a band are one row, however its wrapped text begins.
    body_bands = [b for b in bands if b[0] >= n_head]
    ruled_rows = len(body_bands) >= 2 and all(
        sum(1 for i in band if has_figure(lines[i])) <= 1 for band in body_bands
    )
    spacing = _Spacing.of(lines, font)
    # Header lines that run into each other are one row of cells centred at different
    # heights when each column's pieces are the lines of one cell (see _wrapped_in_place).
    stacked_header = _wrapped_in_place(lines[:n_head], edges, font)
    rows: list[_Row] = []
    for band in bands:
        band_lines = [lines[i] for i in band]
        is_header = band[-1] < n_head
        full = sum(1 for ln in band_lines if len(_occupied(ln, edges, font)) >= 2)
        # Figures on two lines of a band are two rows unless rules part the body row by row
        # (a cell too narrow for its figure wraps it): a label wrapped around its figure
        # ("Autorisations" / "79" / "(AE)") leaves one line full.
        figure_lines = sum(1 for ln in band_lines if has_figure(ln))
        if len(band_lines) == 1 or (
            len(bands) > 1
            and (
                (full <= 1 and (figure_lines <= 1 or len(body_bands) >= 2))
                or (is_header and not any(_spans(ln, edges, font) for ln in band_lines))
            )
        ):
            stacked = (
                is_header
                and stacked_header
                and len(band_lines) > 1
                and all(_stacked(a, b) for a, b in zip(band_lines, band_lines[1:], strict=False))
            )
            rows.append(_Row(band_lines, stacked=stacked))
            continue
        for k, line in enumerate(band_lines):
            in_header = band[k] < n_head
            if k and in_header and stacked_header and _stacked(rows[-1].lines[-1], line):
                rows[-1].lines.append(line)
                rows[-1].stacked = True
            elif k and _continues(rows[-1], line, edges, font, in_header, ruled_rows, spacing):
                rows[-1].lines.append(line)
            else:
                rows.append(_Row([line]))
    return rows


def _rule_over_figures(upper: TextLine, lower: TextLine, hrules: list[Rule], font: float) -> bool:
    """Is there a rule between two text lines running over every figure of the lower one?"""
    tol = RULE_TOL * font
    figures = [c for c in lower.chunks if not header_like(c.text)]
    left, right = min(c.x0 for c in figures), max(c.x1 for c in figures)
    return any(
        upper.bottom - tol <= r.pos <= lower.top + tol
        and r.start <= left + font
        and r.end >= right - font
        for r in hrules
    )


def _wrapped_in_place(head: list[TextLine], edges: list[float], font: float) -> bool:
    """Are the header's pieces in each column lines of one cell, wrapped in place?

    The lines of a wrapped cell share their centre (centred text), left or right edge. A
    title over sub-headers does not: "2022" centred over "AE" and "CP" is another row.
    """
    by_column: dict[int, list[Chunk]] = {}
    for line in head:
        for chunk in line.chunks:
            if chunk.cols is not None and chunk.cols[0] != chunk.cols[1]:
                return False
            by_column.setdefault(_column_at(_mid(chunk), edges), []).append(chunk)
    tol = font / 2
    return all(
        abs(_mid(a) - _mid(b)) <= tol or abs(a.x0 - b.x0) <= tol or abs(a.x1 - b.x1) <= tol
        for chunks in by_column.values()
        for a, b in zip(chunks, chunks[1:], strict=False)
    )


def _stacked(upper: TextLine, lower: TextLine) -> bool:
    """Is `lower` set solid under `upper` (running into it, or all but touching it)?"""
    return lower.top - upper.bottom <= SET_SOLID * (upper.bottom - upper.top)


@dataclass
class _Spacing:
    """The two pitches of a table's lines, when it shows two: wrapped lines of a cell come
    at the font's leading, rows further apart by the cells' padding."""

    leading: float | None = None
    row_pitch: float | None = None

    @classmethod
    def of(cls, lines: list[TextLine], font: float) -> _Spacing:
        pairs = list(zip(lines, lines[1:], strict=False))
        # Lines closer than half an em are pieces of one line (a superscript, a subscript).
        pitches = [b.top - a.top for a, b in pairs if b.top - a.top > 0.5 * font]
        # A line of figures starts a row (cells set at their top): the pitch into it is a
        # row's, whatever the line above it is (a row, or the last line of a wrapped cell).
        row_pitches = [b.top - a.top for a, b in pairs if has_figure(b)]
        if not pitches or len(row_pitches) < 2:
            return cls()
        leading, row_pitch = min(pitches), statistics.median(row_pitches)
        if leading > TWO_PITCHES * row_pitch:
            return cls()
        return cls(leading, row_pitch)

    def tight(self, upper: TextLine, lower: TextLine) -> bool | None:
        """Are two lines set at the leading (True), at the row pitch (False), or unknown?"""
        if self.leading is None or self.row_pitch is None:
            return None
        return lower.top - upper.top <= (self.leading + self.row_pitch) / 2


def _ruled_between(upper: TextLine, lower: TextLine, hrules: list[Rule], tol: float) -> bool:
    lo, hi = upper.bottom - tol, lower.top + tol
    left, right = min(upper.x0, lower.x0), max(upper.x1, lower.x1)
    return any(lo <= r.pos <= hi and r.end > left and r.start < right for r in hrules)


def _continues(
    row: _Row,
    line: TextLine,
    edges: list[float],
    font: float,
    line_in_header: bool,
    ruled_rows: bool,
    spacing: _Spacing,
) -> bool:
    """Is `line` the wrapped continuation of the cells of `row` (no rule between them)?

    A line under cells holding only a qualifier carries their figures on. Otherwise it
    must hold no figure and fill only columns the row fills (the row's other cells are
    empty at its height). Then, in the body, rules parting every row join it to its row;
    else a table set at two pitches says whether it comes at the leading of a wrapped cell;
    else its text must read as a continuation (lower case, an opening bracket, a line
    ending on a hyphen or a comma above it).
    """
    prev = row.lines[-1]
    if not line_in_header and _completes_qualifiers(row, line, edges):
        return True
    if has_figure(line) or all(is_qualifier_wording(c.text) for c in line.chunks):
        return False  # a line of qualifiers opens the cells of the figures under it
    cols = _occupied(line, edges, font)
    prev_cols = set().union(*(_occupied(ln, edges, font) for ln in row.lines))
    if _spans(line, edges, font) or _spans(prev, edges, font):
        return False
    if not cols <= prev_cols:
        return False
    tight = spacing.tight(prev, line)
    if line_in_header:
        # Wrapped header text: both lines are headers and sit in the same columns.
        return tight is not False
    if ruled_rows:
        return True
    if tight is not None:
        return tight
    first = line.chunks[0].text
    return first[:1].islower() or first.startswith("(") or prev.text.rstrip().endswith(("-", ","))


def _completes_qualifiers(row: _Row, line: TextLine, edges: list[float]) -> bool:
    """Does each chunk of `line` stand under a cell of `row` that so far holds only a
    qualifier ("environ" / "13 %")? A qualifier cannot end a cell: the figure it qualifies
    was wrapped onto the next line."""
    so_far: dict[int, str] = {}
    for upper in row.lines:
        for chunk in upper.chunks:
            so_far[_column_at(_mid(chunk), edges)] = chunk.text
    return bool(line.chunks) and all(
        is_qualifier_wording(so_far.get(_column_at(_mid(c), edges), "")) for c in line.chunks
    )


def _line_columns(line: TextLine, edges: list[float], font: float) -> list[tuple[int, int]]:
    """The columns of each chunk of a line, chunks of one line kept in columns of their own.

    Chunks of one line are apart by a wide gap: they are different cells. When a chunk
    wider than its column (a header over narrow figures) reaches into its neighbour's, each
    of the two keeps the column its centre stands in, rather than both making one cell.
    """
    cols = [_columns_of(chunk, edges, font) for chunk in line.chunks]
    for i in range(len(cols) - 1):
        (a0, b0), (a1, b1) = cols[i], cols[i + 1]
        if a1 > b0:
            continue
        own = [_column_at(_mid(c), edges) for c in (line.chunks[i], line.chunks[i + 1])]
        if own[0] < own[1]:
            cols[i], cols[i + 1] = (min(a0, own[0]), own[0]), (own[1], max(b1, own[1]))
    return cols


def _column_at(x: float, edges: list[float]) -> int:
    return sum(1 for e in edges[1:-1] if e < x)


def _cells(rows: list[_Row], edges: list[float], font: float) -> list[TableCell]:
    cells: list[TableCell] = []
    for r, row in enumerate(rows):
        placed: list[tuple[int, int, list[tuple[int, Chunk]]]] = []
        # Lines of cells spanning two rows come last in reading order (order >= len(lines)).
        for order, line in enumerate(row.lines + row.spanning):
            columns = _line_columns(line, edges, font)
            if row.stacked:
                columns = [c.cols or (_column_at(_mid(c), edges),) * 2 for c in line.chunks]
            for chunk, (a, b) in zip(line.chunks, columns, strict=True):
                placed.append((a, b, [(order, chunk)]))
        # Chunks of one row whose column ranges overlap make one cell (a span or a wrap).
        placed.sort(key=lambda p: (p[0], p[1]))
        groups: list[tuple[int, int, list[tuple[int, Chunk]]]] = []
        for a, b, members in placed:
            if groups and a <= groups[-1][1]:
                ga, gb, gm = groups[-1]
                groups[-1] = (ga, max(gb, b), gm + members)
            else:
                groups.append((a, b, members))
        for a, b, members in groups:
            members.sort(key=lambda m: (m[0], m[1].x0))
            chunks = [m[1] for m in members]
            bbox = (
                min(c.x0 for c in chunks),
                min(c.top for c in chunks),
                max(c.x1 for c in chunks),
                max(c.bottom for c in chunks),
            )
            text = _joined([(m[0], m[1].text) for m in members])
            row_span = 2 if all(m[0] >= len(row.lines) for m in members) else 1
            cells.append(
                TableCell(row=r, col=a, text=text, row_span=row_span, col_span=b - a + 1, bbox=bbox)
            )
    return cells


def _joined(pieces: list[tuple[int, str]]) -> str:
    """The text of a cell from its chunks (line order, text), in reading order.

    A line of a cell ending on a hyphen after a letter or digit carries its word on to the
    next line ("2021-" / "2023", "Sous-" / "total"): the two join without a space. So does
    a figure cut inside a group of thousands by a cell too narrow for it ("9 30" / "0",
    "4 80" / "0 00" / "0"): a group of one or two digits after a space only completes when
    the next line's leading digits make it three. So does a year cut the same way ("nov.
    202" / "3"): a word of at most three digits completed into a year by the next line's
    digits when these stand alone or before a word, not before more figures.
    """
    text = ""
    previous_line = None
    for line, piece in pieces:
        cut_group = _CUT_GROUP.search(text)
        leading = _LEADING_DIGITS.match(piece)
        carried = (
            previous_line is not None
            and line != previous_line
            and len(text) > 1
            and (
                (text.endswith("-") and text[-2].isalnum())
                or (
                    cut_group is not None
                    and leading is not None
                    and len(cut_group.group(1)) + len(leading.group(0)) == 3
                )
            )
        )
        carried = carried or (
            previous_line is not None and line != previous_line and _completes_year(text, piece)
        )
        text = f"{text}{piece}" if carried or not text else f"{text} {piece}"
        previous_line = line
    return text


def _completes_year(text: str, piece: str) -> bool:
    """Do the digits opening `piece` complete a year cut at the end of `text`?"""
    cut = _CUT_YEAR.search(text)
    leading = _LEADING_DIGITS.match(piece)
    if cut is None or leading is None or _CUT_GROUP.search(text):
        return False
    rest = piece[leading.end() :].split()
    return bool(_YEAR.match(cut.group(1) + leading.group(0))) and not (
        rest and _LEADING_DIGITS.match(rest[0])
    )


def _centred_header_cells(
    rows: list[_Row], n_head: int, lines: list[TextLine], edges: list[float], font: float
) -> list[_Row]:
    """Fold header lines set between two header rows into cells spanning both rows.

    A header cell centred vertically over a two-row header (a row label beside a spanning
    title and its sub-headers) is read as one or more text lines of their own between the
    two rows. When such lines only fill columns left empty by the rows just above and below
    them, and have no room of their own between those rows (less than one and a half of
    their height between them), they are cells spanning both rows, not rows. The largest
    such group is taken, so that a label wrapped on two lines stays one cell.
    """
    head = {id(ln) for ln in lines[:n_head]}

    def cols(group: list[_Row]) -> set[int]:
        return set().union(*(_occupied(ln, edges, font) for r in group for ln in r.lines))

    out = list(rows)
    k = 1
    while k + 1 < len(out):
        above = out[k - 1]
        if not above.spanning and all(id(ln) in head for ln in above.lines):
            last = k
            while last + 1 < len(out) and all(id(ln) in head for ln in out[last + 1].lines):
                last += 1
            # out[k:j] between above and out[j]; the largest group first.
            for j in range(last, k, -1):
                group, below = out[k:j], out[j]
                if any(r.spanning for r in group):
                    continue
                group_lines = [ln for r in group for ln in r.lines]
                height = max(ln.bottom for ln in group_lines) - min(ln.top for ln in group_lines)
                room = min(ln.top for ln in below.lines) - max(ln.bottom for ln in above.lines)
                if not cols(group) & (cols([above]) | cols([below])) and room < 1.5 * height:
                    above.spanning.extend(group_lines)
                    del out[k:j]
                    break
        k += 1
    return out


def _centred_row_labels(
    rows: list[_Row], body: list[TextLine], hrules: list[Rule], edges: list[float], font: float
) -> list[_Row]:
    """Join the cells of a row wrapped around the figures of that row.

    A row whose cells are centred vertically sets a cell wrapped on two lines one above and
    one below its one-line cells ("Cout annuel de" / figures / "maintenance", or a period
    "2021-" / "2023" beside a label and a figure): three rows of text, one row of the table.
    A line of text cells only, followed by a line with a figure in the other columns, then
    by a line in the columns of the first that carries each of its cells on (lower case, an
    opening bracket, or after a hyphen), make one row when no rule parts them. So do a line
    of qualifiers only ("environ", "plus de"), a line with figures in other columns, and a
    line of figures in the qualifiers' columns: figures wrapped under their qualifier.
    """
    tol = RULE_TOL * font
    in_body = {id(ln) for ln in body}

    def text_only(row: _Row) -> set[int]:
        """The columns of a row of text cells in the body, else none."""
        if not all(
            id(ln) in in_body and all(header_like(c.text) for c in ln.chunks) for ln in row.lines
        ):
            return set()
        return set().union(*(_occupied(ln, edges, font) for ln in row.lines))

    def figures_beside(row: _Row, taken: set[int]) -> bool:
        return all(
            id(ln) in in_body and not _occupied(ln, edges, font) & taken for ln in row.lines
        ) and any(not header_like(c.text) for ln in row.lines for c in ln.chunks)

    def qualifiers_only(row: _Row) -> bool:
        return all(is_qualifier_wording(c.text) for ln in row.lines for c in ln.chunks)

    def figures_in(row: _Row) -> set[int]:
        """The columns of a row of figures only in the body, else none."""
        if not all(
            id(ln) in in_body and not any(header_like(c.text) for c in ln.chunks)
            for ln in row.lines
        ):
            return set()
        return set().union(*(_occupied(ln, edges, font) for ln in row.lines))

    def carried_on(upper: _Row, lower: _Row) -> bool:
        ends = {_columns_of(c, edges, font)[0]: c.text for ln in upper.lines for c in ln.chunks}
        return all(
            _carries_label_on(c.text) or ends.get(_columns_of(c, edges, font)[0], "").endswith("-")
            for c in lower.lines[0].chunks
        )

    out: list[_Row] = []
    k = 0
    while k < len(rows):
        group = rows[k : k + 3]
        columns = text_only(group[0]) if len(group) == 3 else set()
        if (
            columns
            and not any(r.spanning for r in group)
            and figures_beside(group[1], columns)
            and (
                (text_only(group[2]) == columns and carried_on(group[0], group[2]))
                or (qualifiers_only(group[0]) and figures_in(group[2]) == columns)
            )
            and not any(
                _ruled_between(a.lines[-1], b.lines[0], hrules, tol)
                for a, b in zip(group, group[1:], strict=False)
            )
        ):
            out.append(_Row([ln for r in group for ln in r.lines]))
            k += 3
            continue
        out.append(rows[k])
        k += 1
    return out


def _carries_label_on(text: str) -> bool:
    return text[:1].islower() or text.startswith("(")


def _ruled_spans(
    cells: list[TableCell], edges: list[float], vrules: list[Rule], font: float
) -> list[TableCell]:
    """Widen a cell to the vertical rules that box it, over empty neighbours.

    A merged cell of a ruled table ("Finland" over Female / Male / Total) is narrower than
    the columns it heads; the rules on its left and right tell its real extent. Only rows
    crossed by an inner vertical rule are considered, so an outer frame alone widens nothing.
    """
    tol = RULE_TOL * font
    inner = range(1, len(edges) - 1)
    out: list[TableCell] = []
    by_row: dict[int, list[TableCell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    for row_cells in by_row.values():
        used = {c for cell in row_cells for c in range(cell.col, cell.col + cell.col_span)}
        for cell in row_cells:
            if cell.bbox is None:
                out.append(cell)
                continue
            mid = (cell.bbox[1] + cell.bbox[3]) / 2
            ruled = {
                i
                for i in inner
                if any(abs(r.pos - edges[i]) <= 2 * tol and r.start <= mid <= r.end for r in vrules)
            }
            if not ruled:
                out.append(cell)
                continue
            first, last = cell.col, cell.col + cell.col_span - 1
            while first > 0 and first not in ruled and first - 1 not in used:
                first -= 1
            while last < len(edges) - 2 and last + 1 not in ruled and last + 1 not in used:
                last += 1
            if (first > 0 and first not in ruled) or (
                last < len(edges) - 2 and last + 1 not in ruled
            ):
                out.append(cell)  # not boxed by rules on both sides
                continue
            used.update(range(first, last + 1))
            out.append(
                TableCell(
                    row=cell.row,
                    col=first,
                    text=cell.text,
                    row_span=cell.row_span,
                    col_span=last - first + 1,
                    is_header=cell.is_header,
                    bbox=cell.bbox,
                )
            )
    return sorted(out, key=lambda c: (c.row, c.col))


def _header_spans(
    head: list[TextLine],
    edges: list[float],
    hrules: list[Rule],
    span: tuple[float, float],
    font: float,
) -> None:
    """Widen a header chunk over the sub-headers it stands for (sets `chunk.cols`).

    Columns come from the body, and a title over two sub-headers may be narrower than the
    gap it is centred on, so its extent alone can put it in one column. It heads the
    sub-headers below it (the first header text under it in each column), in adjacent
    columns free of the other chunks at its height, when it is centred over them (its centre
    within one font size of the midpoint of the outer sub-headers' centres) or when a rule
    shorter than the table (a spanner rule) runs under it over their centres.
    """
    width = span[1] - span[0]
    for k, line in enumerate(head):
        for chunk in line.chunks:
            own = _columns_of(chunk, edges, font)
            centre = (chunk.x0 + chunk.x1) / 2
            # Columns taken at its height: by its line, and by the lines of cells centred
            # at other heights that overlap it (a title has its columns to itself).
            others: set[int] = set()
            for c in (c for ln in head for c in ln.chunks):
                if c is not chunk and c.top < chunk.bottom and chunk.top < c.bottom:
                    a, b = _columns_of(c, edges, font)
                    others.update(range(a, b + 1))
            below: dict[int, Chunk] = {}
            for sub_line in head[k + 1 :]:
                for sub in sub_line.chunks:
                    a, b = _columns_of(sub, edges, font)
                    if a == b and sub.top >= chunk.bottom - RULE_TOL * font:
                        below.setdefault(a, sub)
            spanners = [
                h
                for h in hrules
                if chunk.bottom - RULE_TOL * font <= h.pos
                and h.start - font <= centre <= h.end + font
                and h.end - h.start < MOST_OF_WIDTH * width
            ]
            best = own
            for first in sorted(below):
                last = first
                while last + 1 in below:
                    last += 1
                    cols = set(range(first, last + 1))
                    if cols & others or not (first <= own[0] and own[1] <= last):
                        continue
                    a, b = _mid(below[first]), _mid(below[last])
                    top = min(below[c].top for c in cols)
                    centred = abs(centre - (a + b) / 2) <= font
                    ruled = any(
                        h.pos <= top + RULE_TOL * font and h.start - font <= a and b <= h.end + font
                        for h in spanners
                    )
                    if (centred or ruled) and last - first > best[1] - best[0]:
                        best = (first, last)
            if best != own:
                chunk.cols = best


def _split_run_together_headers(head: list[TextLine], body: list[TextLine]) -> None:
    """Part header cells of narrow columns that one chunk ran together.

    Cells set nearly touching read as one chunk ("Webconfére Webinaire Audioco") over the
    separate ends of their wrapped texts on the next line ("nce de l'État", "de l'État",
    "nférenc"), or over the figures of their columns ("AgentConnect Tchap" over "5" and
    "> 13"). When each capitalised word of the chunk stands over another chunk of the next
    header line, each starts a cell of its own: the chunk is cut before it. A chunk with
    nothing under it in the header (no title over sub-headers) is cut so over the body's
    first line of figures.
    """
    figures = next((ln for ln in body if has_figure(ln)), None)
    # Lower lines first: their cells parted, the line above finds each of its words over one.
    for k in reversed(range(len(head))):
        upper = head[k]
        parted: list[Chunk] = []
        for chunk in upper.chunks:
            below = head[k + 1 : k + 2]
            if figures is not None and not any(
                _below(word, ln.chunks) for ln in head[k + 1 :] for word in chunk.words
            ):
                below = [figures]
            parted.extend(_parted_over(chunk, below[0]) if below else [chunk])
        upper.chunks = parted
    for upper, lower in zip(head, head[1:], strict=False):
        lower.chunks = [part for chunk in lower.chunks for part in _parted_under(chunk, upper)]


def _parted_under(chunk: Chunk, upper: TextLine) -> list[Chunk]:
    """`chunk` cut where its words pass from under one chunk of `upper` to under another:
    the wrapped ends of two cells run together ("réalisation maintenance" under "Coût de"
    and "Coût de"). No header sets one cell under two cells of the line above it."""
    above = [_below(word, upper.chunks) for word in chunk.words]
    if None in above or len({id(c) for c in above}) < 2:
        return [chunk]
    parts: list[Chunk] = []
    for word, cell in zip(chunk.words, above, strict=True):
        if parts and _below(parts[-1].words[-1], upper.chunks) is cell:
            parts[-1].words.append(word)
        else:
            parts.append(Chunk([word]))
    return parts


def _parted_over(chunk: Chunk, lower: TextLine) -> list[Chunk]:
    """`chunk` cut before each capitalised word when they stand over distinct chunks of
    `lower`; else `chunk` whole."""
    starts = [i for i, word in enumerate(chunk.words) if i == 0 or word.text[:1].isupper()]
    cells = [_below(chunk.words[i], lower.chunks) for i in starts]
    if len(starts) < 2 or None in cells or len({id(c) for c in cells}) < len(cells):
        return [chunk]
    ends = [*starts[1:], len(chunk.words)]
    return [Chunk(chunk.words[a:b]) for a, b in zip(starts, ends, strict=True)]


def _below(word: Word, chunks: list[Chunk]) -> Chunk | None:
    """The chunk of `chunks` a word overlaps most, if any."""
    overlaps = [(min(word.x1, c.x1) - max(word.x0, c.x0), i) for i, c in enumerate(chunks)]
    best = max(overlaps, default=(0.0, -1))
    return chunks[best[1]] if best[0] > 0 else None


def _header_over_its_figures(
    head: list[TextLine], body: list[TextLine], edges: list[float], font: float
) -> None:
    """Keep a header chunk reaching into a neighbour column to the column of the figures
    under it (sets `chunk.cols`).

    A header centred over right-aligned figures is wider than the gap-made column it heads
    ("Ministère de la justice" over "11"): when the figures under it are all in one of the
    columns it reaches, and no sub-headers under it make it a title over several, it heads
    that column alone.
    """
    figures = [c for ln in body for c in ln.chunks if not header_like(c.text)]
    for k, line in enumerate(head):
        for chunk in line.chunks:
            first, last = _columns_of(chunk, edges, font)
            if chunk.cols is not None or first == last:
                continue
            subheaded = {
                _column_at(_mid(sub), edges)
                for sub_line in head[k + 1 :]
                for sub in sub_line.chunks
                if sub.x1 > chunk.x0 and sub.x0 < chunk.x1
            }
            under = {
                _column_at(_mid(f), edges) for f in figures if f.x1 > chunk.x0 and f.x0 < chunk.x1
            }
            if len(subheaded) < 2 and len(under) == 1 and first <= min(under) <= last:
                chunk.cols = (min(under), min(under))


def _mid(chunk: Chunk) -> float:
    return (chunk.x0 + chunk.x1) / 2


def _header_rows(rows: list[_Row]) -> int:
    """Leading rows without figures when figures follow (at most half the table, and the
    rows past it that carry the header's words on, as `_header_closed_by_rule` says)."""
    for i, row in enumerate(rows):
        if any(_is_figure_of(row, k, c) for k, ln in enumerate(row.lines) for c in ln.chunks):
            limit = min(i, len(rows) // 2)
            while limit < i and _carries_header_on(rows[limit].lines):
                limit += 1
            return limit
    return 1 if len(rows) > 2 else 0


def _is_figure_of(row: _Row, k: int, chunk: Chunk) -> bool:
    """Is `chunk` of line `k` of `row` a figure, not the end of a year cut by its cell on
    the line above ("nov. 202" / "3")?"""
    if header_like(chunk.text):
        return False
    return not (
        k
        and any(
            above.x0 < chunk.x1 and chunk.x0 < above.x1 and _completes_year(above.text, chunk.text)
            for above in row.lines[k - 1].chunks
        )
    )


def _carries_header_on(lines: list[TextLine]) -> bool:
    return all(_carries_label_on(c.text) for ln in lines for c in ln.chunks)


def _grid_bbox(bbox: BBox, words: list[Word], hrules: list[Rule], vrules: list[Rule]) -> BBox:
    """The table's extent: its text, widened to the rules that frame it."""
    x0 = min(w.x0 for w in words)
    x1 = max(w.x1 for w in words)
    top = min(w.top for w in words)
    bottom = max(w.bottom for w in words)
    for r in hrules:
        x0, x1 = min(x0, max(r.start, bbox[0])), max(x1, min(r.end, bbox[2]))
        top, bottom = min(top, max(r.pos, bbox[1])), max(bottom, min(r.pos, bbox[3]))
    for r in vrules:
        x0, x1 = min(x0, max(r.pos, bbox[0])), max(x1, min(r.pos, bbox[2]))
    return (x0, top, x1, bottom)
