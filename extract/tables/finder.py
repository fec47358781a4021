"""Find table regions on a page: from ruling lines, and from columns of aligned text.

Two kinds of seeds:
* ruled: rules that touch each other (a grid, a frame), and stacks of horizontal rules of
  similar extent with no prose between them (header rule, rule under header, bottom rule);
* aligned text: runs of consecutive lines split into two or more chunks by wide gaps.
A seed open at the bottom or top (no rule closing it there) grows by the adjacent lines that
continue its columns, so a table ruled only in its header keeps its body. Every region is then
gridded and kept only if the grid looks like a table (several columns filled on several
rows, not a boxed paragraph, not a list of bullets).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

from extract.pdf.rules import MOST_OF_WIDTH, Rule
from extract.records import BBox, ExtractedTable, TableCell
from extract.tables.captions import has_caption, is_annotation
from extract.tables.grid import build_grid, has_figure
from extract.tables.layout import LEADERS, PageLayout, TextLine, is_leader, is_numeric

# Rules meet when their ends come within this distance (x font size).
TOUCH = 0.5
# A line of a single chunk wider than this share of a region is prose, not a table row.
PROSE_WIDTH = 0.6
# Lines of one text table are at most this far apart (x font size), baseline to baseline gap;
# a blank line of body text is about 1.2 em, a paragraph break or a table's edge is more.
MAX_LINE_GAP = 1.6
# Lines of text closer than this (x font size) are set solid, as the lines of one cell: the
# lines of a paragraph stand further apart, and a table further from what comes before it.
TOUCHING_LINES = 0.2
# A one-chunk line overlapping the height of a line of cells next to it by more than this
# (x font size) is set across that row: a label centred beside wrapped cells.
SET_ACROSS = 0.1
# Rows of one table set in groups leave at most this much blank space between two groups
# (x font size): more than between rows, less than between a table and the next block.
MAX_GROUP_GAP = 3.0
# A header row set this much further below a row of figures than the table's line pitch, in
# other columns, starts another table.
NEW_TABLE_PITCH = 1.1
# A table found from text alone needs this many lines with two or more chunks: two aligned
# lines happen in prose layouts (headers, signatures); three rarely do by chance.
MIN_TEXT_ROWS = 3
# A cell wraps onto at most this many lines below its row's first line; a longer run of
# one-chunk lines is text after the table.
MAX_WRAPPED_LINES = 2
# Cells of real tables are short; a grid whose median cell holds more words is prose set in
# columns (a two-column layout, a boxed list of paragraphs).
MAX_MEDIAN_WORDS = 7
# A region holding this many drawn curves (series lines, pie slices) is a chart, not a table:
# tables draw straight rules only, and at most a few rounded corners.
MAX_CURVES = 3
_FIGURE = re.compile(r"^\s*(Figure|Fig\.|Graph|Chart|Graphique|Graphe|Schéma)\b", re.IGNORECASE)
# List markers: a "table" whose first column holds only these is a bullet or numbered list.
_MARKERS = {"•", "-", "–", "—", "*", "o", "▪", "■", "►", "·", "\uf0b7", "\uf0a7"}
# Prose set as a grid: when at least this share of the rows carry a sentence on from one cell
# into the next (a cell ending mid-sentence, the next starting in lower case), and the cells
# stand no further apart than this (x font size), the "columns" are the word spaces of
# justified text. Justification stretches a space to about one em, two in a narrow column;
# table columns are set further apart than that and rarely read as one sentence.
PROSE_FLOW_SHARE = 0.5
PROSE_MAX_GAP = 2.0
# A clause of this many words after a figure makes the figure the start of a sentence.
FIGURE_CLAUSE_WORDS = 5
# A table of contents is not a data table: no caption, a last column of page numbers (small
# integers that never decrease) and, before it, headings only (no figures) of which at least
# this share start with a section marker ("Chapitre II –", "I -", "2.1", "A.") or run on
# with dotted leaders.
CONTENTS_MIN_HEADINGS = 0.5
MAX_PAGE_NUMBER = 9999
_SECTION = re.compile(
    r"^\s*(?:(?:chapitre|chapter|partie|part|titre|section|annexe|annex|appendix)\b"
    r"|[IVXLC]+\s*[-–—.)]|\d+(?:\.\d+)*\s*[-–—.)]?\s+\S|[A-Z]\s*[-–—.)]\s)",
    re.IGNORECASE,
)


def find_regions(layout: PageLayout) -> list[ExtractedTable]:
    """All tables of one page, gridded, in reading order (top to bottom)."""
    tables: list[ExtractedTable] = []
    for bbox in _ruled_seeds(layout):
        _accept(layout, _grow(layout, bbox, tables), True, tables)
    # Text seeds are looked for in what the ruled tables left: a line that runs from a ruled
    # table into its neighbour (a chart, another table) must not glue them together.
    for bbox in _text_seeds(layout, [t.bbox for t in tables]):
        _accept(layout, _grow(layout, bbox, tables), False, tables)
    return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))


def _accept(layout: PageLayout, bbox: BBox, ruled: bool, tables: list[ExtractedTable]) -> None:
    """Grid a region and keep it if it is a table not already found."""
    if any(_overlap(bbox, t.bbox) > 0.5 * min(_area(bbox), _area(t.bbox)) for t in tables):
        return
    curves = sum(1 for g in layout.graphics if _overlap(g, bbox) > 0.5 * _area(g))
    if curves >= MAX_CURVES:
        return
    table = build_grid(layout, bbox)
    if (
        table is not None
        and _looks_like_table(table, ruled or has_caption(bbox, layout))
        and not _reads_as_prose(table, layout.font_size)
        and not _is_contents(table, layout)
    ):
        tables.append(_without_leaders(table))


def _without_leaders(table: ExtractedTable) -> ExtractedTable:
    """Leader dots join a label to its figures; they are not part of the label."""
    cells = [
        replace(c, text=" ".join(w for w in LEADERS.sub(" ", c.text).split() if not is_leader(w)))
        for c in table.cells
    ]
    return replace(table, cells=cells)


def _area(b: BBox) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _overlap(a: BBox, b: BBox) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _is_prose(line: TextLine, width: float) -> bool:
    return len(line.chunks) == 1 and line.x1 - line.x0 > PROSE_WIDTH * width


def _ruled_seeds(layout: PageLayout) -> list[BBox]:
    """Bounding boxes of groups of connected rules."""
    font = layout.font_size
    touch = TOUCH * font
    rules = layout.hrules + layout.vrules
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    nh = len(layout.hrules)
    for i, h in enumerate(layout.hrules):
        for j, v in enumerate(layout.vrules):
            if (
                h.start - touch <= v.pos <= h.end + touch
                and v.start - touch <= h.pos <= v.end + touch
            ):
                union(i, nh + j)
    # Stacked horizontal rules of similar extent (header rule, rule under the header, bottom
    # rule), with only table-like lines between them and no grid or vertical rule in between
    # (that would be another structure). Rules tied to vertical rules belong to a grid or a
    # frame and are not stacked; shorter rules in between (under a spanning header) are fine.
    tied_groups = {find(nh + j) for j in range(len(layout.vrules))}
    tied = [h for i, h in enumerate(layout.hrules) if find(i) in tied_groups]
    free = sorted(
        (i for i in range(nh) if find(i) not in tied_groups), key=lambda i: layout.hrules[i].pos
    )
    for k, a in enumerate(free):
        hi = layout.hrules[a]
        for b in free[k + 1 :]:
            hj = layout.hrules[b]
            shared = min(hi.end, hj.end) - max(hi.start, hj.start)
            if shared >= 0.8 * max(hi.length, hj.length):
                break
        else:
            continue
        if any(
            hi.pos < r.pos < hj.pos and r.end > hi.start and r.start < hi.end for r in tied
        ) or any(
            r.start < hj.pos and r.end > hi.pos and hi.start < r.pos < hi.end for r in layout.vrules
        ):
            continue
        between = [
            ln
            for ln in layout.lines
            if hi.pos < ln.top and ln.bottom < hj.pos and ln.x1 > hi.start and ln.x0 < hi.end
        ]
        if not any(_is_prose(ln, hi.length) or is_annotation(ln.text) for ln in between):
            union(a, b)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    seeds = []
    for group in groups.values():
        hs = [r for r in group if r.orient == "h"]
        vs = [r for r in group if r.orient == "v"]
        if len(hs) + len(vs) < 2 or not hs:
            continue
        x0 = min([r.start for r in hs] + [r.pos for r in vs])
        x1 = max([r.end for r in hs] + [r.pos for r in vs])
        top = min([r.pos for r in hs] + [r.start for r in vs])
        bottom = max([r.pos for r in hs] + [r.end for r in vs])
        if x1 - x0 < 4 * font:  # a tick or a glyph drawn with strokes
            continue
        seeds.append((x0, top, x1, bottom))
    return seeds


def _outside(line: TextLine, taken: list[BBox]) -> TextLine:
    """The part of a line that lies outside the given regions."""
    chunks = [
        c
        for c in line.chunks
        if not any(
            b[0] <= (c.x0 + c.x1) / 2 <= b[2] and b[1] <= (c.top + c.bottom) / 2 <= b[3]
            for b in taken
        )
    ]
    if len(chunks) == len(line.chunks):
        return line
    return TextLine([w for c in chunks for w in c.words], chunks)


def _text_seeds(layout: PageLayout, taken: list[BBox]) -> list[BBox]:
    """Runs of consecutive multi-chunk lines, outside the regions already taken."""
    font = layout.font_size
    seeds = []
    run: list[TextLine] = []

    def close() -> None:
        multi = [ln for ln in run if len(ln.chunks) >= 2]
        if len(multi) >= 2:
            bbox = (
                min(ln.x0 for ln in run),
                min(ln.top for ln in run),
                max(ln.x1 for ln in run),
                max(ln.bottom for ln in run),
            )
            # Under a table caption, a header and one row of figures make a table.
            if len(multi) >= MIN_TEXT_ROWS or has_caption(bbox, layout):
                seeds.append(bbox)
        run.clear()

    def wraps_on(line: TextLine) -> bool:
        """Can this one-chunk line be a cell of the run wrapped onto another line?"""
        singles = 0
        for previous in reversed(run):
            if len(previous.chunks) >= 2:
                break
            singles += 1
        width = max(ln.x1 for ln in run) - min(ln.x0 for ln in run)
        return (
            singles < MAX_WRAPPED_LINES
            and all(w.upright for w in line.words)  # sideways letters are a chart's titles
            and line.x0 >= min(ln.x0 for ln in run) - font
            and not _is_prose(line, width)
        )

    lines = [ln for ln in (_outside(ln, taken) for ln in layout.lines) if ln.chunks]
    for k, line in enumerate(lines):
        if run:
            far = line.top - run[-1].bottom > MAX_LINE_GAP * font
            if (far and not _next_group(run[-1], line, font)) or _new_table(run, line, font):
                close()
        beside = [ln for ln in (run[-1:] + lines[k + 1 : k + 2]) if len(ln.chunks) >= 2]
        if is_annotation(line.text) or (
            len(line.chunks) < 2
            and run
            and not (
                wraps_on(line)
                or _wraps_a_cell(line, run, font)
                or _set_across(line, beside, font, width=max(ln.x1 for ln in run) - run[0].x0)
            )
        ):
            close()
            continue
        if len(line.chunks) >= 2 or run:
            run.append(line)
    close()
    return seeds


def _set_across(line: TextLine, beside: list[TextLine], font: float, width: float) -> bool:
    """Is a one-chunk line set across the height of a row of cells next to it? A label
    centred on a row whose other cells wrap ("Indicateur" beside "Utilisateurs" / "actifs",
    "1er" / "trimestre 2022" beside one line of figures) starts below the top of the line
    before it, or ends below the top of the line after it: no paragraph is set that tight."""
    overlap = SET_ACROSS * font
    return not _is_prose(line, width) and any(
        min(line.bottom, other.bottom) - max(line.top, other.top) > overlap for other in beside
    )


def _wraps_a_cell(line: TextLine, run: list[TextLine], font: float) -> bool:
    """Whether a one-chunk line carries on a cell of the run's lines: it starts in lower
    case under one of their cells ("Ministère de" / "l'éducation" / "nationale")."""
    return line.text[:1].islower() and any(
        chunk.x0 - font <= line.x0 and line.x1 <= chunk.x1 + font
        for ln in run
        if len(ln.chunks) >= 2
        for chunk in ln.chunks
    )


def _aligned(a: TextLine, b: TextLine, font: float) -> bool:
    """Cells in the same places: as many chunks, each starting or ending where the other's does."""
    return len(a.chunks) == len(b.chunks) and all(
        abs(p.x0 - q.x0) <= font or abs(p.x1 - q.x1) <= font
        for p, q in zip(a.chunks, b.chunks, strict=True)
    )


def _pitch(lines: list[TextLine]) -> float | None:
    """The usual distance from one line of a block to the next (tops), if it has two lines."""
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)]
    return statistics.median(pitches) if pitches else None


def _next_group(above: TextLine, line: TextLine, font: float) -> bool:
    """A row of figures after a blank space, in the columns of the row of figures above it:
    the next group of rows of the same table."""
    return (
        line.top - above.bottom <= MAX_GROUP_GAP * font
        and has_figure(above)
        and has_figure(line)
        and _aligned(above, line, font)
    )


def _new_table(block: list[TextLine], line: TextLine, font: float) -> bool:
    """A header row (cells, no figure) set apart below the block's last row of figures, in
    other columns: the first row of another table."""
    above = block[-1]
    if (
        len(line.chunks) < 2
        or not has_figure(above)
        or has_figure(line)
        or _aligned(above, line, font)
    ):
        return False
    pitch = _pitch(block)
    return pitch is not None and line.top - above.top > NEW_TABLE_PITCH * pitch


def _closed(layout: PageLayout, bbox: BBox, y: float) -> bool:
    """Is there a rule across most of the region at height y?"""
    width = bbox[2] - bbox[0]
    tol = 0.5 * layout.font_size
    return any(
        abs(r.pos - y) <= tol
        and min(r.end, bbox[2]) - max(r.start, bbox[0]) > MOST_OF_WIDTH * width
        for r in layout.hrules
    )


def _grow(layout: PageLayout, bbox: BBox, tables: list[ExtractedTable]) -> BBox:
    """Extend a region over adjacent lines that continue its columns, on open sides."""
    font = layout.font_size
    x0, top, x1, bottom = bbox
    width = x1 - x0
    inside = [ln for ln in layout.lines if ln.top >= top - 1 and ln.bottom <= bottom + 1]
    pitches = [b.top - a.top for a, b in zip(inside, inside[1:], strict=False)]
    gap_limit = MAX_LINE_GAP * font
    if pitches:
        gap_limit = max(gap_limit, 0.8 * statistics.median(pitches))

    def fits(ln: TextLine) -> bool:
        box = (ln.x0, ln.top, ln.x1, ln.bottom)
        return (
            ln.x0 >= x0 - 2 * font
            and ln.x1 <= x1 + 2 * font
            and not is_annotation(ln.text)
            and not _is_prose(ln, width)
            and not any(_overlap(box, t.bbox) > 0 for t in tables)
        )

    candidates = [ln for ln in layout.lines if ln.x1 > x0 and ln.x0 < x1]
    # A line across an edge of the region is in it: a header cell wrapped on two lines,
    # centred beside one-line neighbours, starts above their line and ends below it.
    for ln in candidates:
        if (ln.top < top < ln.bottom or ln.top < bottom < ln.bottom) and fits(ln):
            top, bottom = min(top, ln.top), max(bottom, ln.bottom)
    if not _closed(layout, bbox, bottom):
        below = [ln for ln in candidates if ln.top > bottom - 1]
        edge = bottom
        taken = list(inside)
        pending: list[TextLine] = []
        for ln in below:
            far = ln.top - edge > gap_limit and not (taken and _next_group(taken[-1], ln, font))
            if far or not fits(ln) or (taken and _new_table(taken, ln, font)):
                break
            taken.append(ln)
            pending.append(ln)
            edge = ln.bottom
            if len(ln.chunks) >= 2:
                bottom = max(bottom, ln.bottom)
                pending.clear()
    if not _closed(layout, bbox, top):
        above = [ln for ln in reversed(candidates) if ln.top < top - 1]
        edge = top
        for ln in above:
            # A one-chunk line is taken only when it runs into the line under it: a header
            # cell set across two header rows (a label, a title over several columns), or
            # centred higher than its neighbours.
            touching = edge - ln.bottom <= TOUCHING_LINES * font
            one_chunk = len(ln.chunks) < 2
            if edge - ln.bottom > gap_limit or not fits(ln) or (one_chunk and not touching):
                break
            top = min(top, ln.top)
            edge = ln.top
    return (x0, top, x1, bottom)


def _looks_like_table(table: ExtractedTable, framed: bool) -> bool:
    """Framed: ruled or captioned, so that a header over one row of figures is a table."""
    rows = table.rows()
    filled_rows = sum(1 for row in rows if sum(1 for v in row if v) >= 2)
    # A transposed table of one row of figures under a header wrapped on several lines has
    # two rows, from the three aligned lines its seed needed.
    one_row_of_figures = filled_rows == 2 and any(
        sum(1 for v in row if v and is_numeric(v)) >= 2 for row in rows[table.header_rows :]
    )
    if table.n_cols < 2 or (
        filled_rows < (2 if framed else MIN_TEXT_ROWS) and not one_row_of_figures
    ):
        return False
    if any(_FIGURE.match(c.text) for c in table.cells if c.row == 0):
        return False  # a figure's title inside the region: chart labels, not a table
    first_col = [row[0] for row in rows if row[0]]
    if (
        table.n_cols == 2
        and first_col
        and all(
            v.strip() in _MARKERS or (len(v) <= 4 and v.rstrip(".)").lstrip("(").isalnum())
            for v in first_col
        )
        and any(len((row[1] or "").split()) > 6 for row in rows)
    ):
        return False  # bullets or numbers followed by sentences: a list
    if table.n_cols == 2 and _bulleted(rows):
        return False  # short items behind bullets: a list, whatever their length
    words = [len(c.text.split()) for c in table.cells if c.text]
    return statistics.median(words) <= MAX_MEDIAN_WORDS


def _is_marker(text: str) -> bool:
    text = text.strip()
    # a bullet drawn from a symbol font (Symbol, Wingdings) reads as a private-use character
    return text in _MARKERS or (len(text) == 1 and "\ue000" <= text <= "\uf8ff")


def _bulleted(rows: list[list[str | None]]) -> bool:
    """A first column of bullets only, bar the lines of prose around the list that stand
    alone in their row (the line after it starts where the bullets stand)."""
    marked = [row for row in rows if row[0] and _is_marker(row[0])]
    return len(marked) >= 2 and all(row in marked or not any(row[1:]) for row in rows)


def _row_cells(table: ExtractedTable) -> list[list[TableCell]]:
    """Non-empty cells of every row, left to right."""
    rows: list[list[TableCell]] = [[] for _ in range(table.n_rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if cell.text.strip():
            rows[cell.row].append(cell)
    return rows


def _runs_on(left: str, right: str) -> bool:
    """Does `right` carry on the sentence `left` leaves open?

    Also a figure followed by a clause in lower case: key figures set as a list of sentences
    ("12 500 | agents used the service at least once in the year"), the figures aligned.
    """
    left, right = left.strip(), right.strip()
    if not (left and right and right[0].islower()):
        return False
    return (
        left[-1].isalpha()
        or left[-1] in ",-"
        or (is_numeric(left) and len(right.split()) >= FIGURE_CLAUSE_WORDS)
    )


def _reads_as_prose(table: ExtractedTable, font: float) -> bool:
    """Justified prose cut at its widest word spaces: sentences flow across the cells."""
    rows = _row_cells(table)
    gaps = [
        b.bbox[0] - a.bbox[2]
        for row in rows
        for a, b in zip(row, row[1:], strict=False)
        if a.bbox and b.bbox
    ]
    if not gaps or statistics.median(gaps) > PROSE_MAX_GAP * font:
        return False
    flowing = 0
    previous: TableCell | None = None  # last cell of the row above: text wraps across rows
    for row in rows:
        seq = ([previous] if previous else []) + row
        flowing += any(_runs_on(a.text, b.text) for a, b in zip(seq, seq[1:], strict=False))
        previous = row[-1] if row else None
    return flowing >= PROSE_FLOW_SHARE * len(rows)


def _is_contents(table: ExtractedTable, layout: PageLayout) -> bool:
    """A table of contents: headings followed by non-decreasing page numbers."""
    if has_caption(table.bbox, layout):
        return False
    pages: list[int] = []
    entries: list[str] = []
    for row in _row_cells(table):
        if not row:
            continue
        last = row[-1]
        text = last.text.strip()
        if last.col + last.col_span == table.n_cols and text.isdigit():
            pages.append(int(text))
            row = row[:-1]
        if any(is_numeric(c.text) for c in row):
            return False  # figures in the text: a data table
        if row:
            entries.append(" ".join(c.text for c in row))
    if (
        len(pages) < MIN_TEXT_ROWS
        or len(pages) < 0.5 * table.n_rows
        or any(b < a for a, b in zip(pages, pages[1:], strict=False))
        or not 0 < pages[0] <= pages[-1] <= MAX_PAGE_NUMBER
    ):
        return False
    headings = sum(1 for e in entries if _SECTION.match(e) or LEADERS.search(e))
    return headings >= CONTENTS_MIN_HEADINGS * len(entries)
