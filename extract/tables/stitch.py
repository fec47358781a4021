"""Tables of a report PDF: find them page by page, grid them, join those split across pages.

Public API:
* `find_tables(page)`: the tables of one page model (`extract.pdf.PageModel`);
* `extract_tables(pdf_path)`: the tables of a whole document, continued tables joined.
* `TableStitcher`: the same, page by page, for a caller reading each page for more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pdfplumber

from extract.pdf import PageModel, read_page
from extract.pdf.geometry import overlaps
from extract.pdf.margins import in_footer, in_header
from extract.records import BBox, ExtractedTable, TableCell
from extract.tables.captions import attach_annotations
from extract.tables.finder import find_regions
from extract.tables.layout import PageLayout, read_layout

# A table runs on to the next page when nothing but the page's margins (running header,
# footer, footnotes) separates it from the page break: at most this many text lines.
MAX_LINES_AT_BREAK = 3


def find_page_tables(
    page: PageModel, exclude: Sequence[BBox] = ()
) -> tuple[PageLayout, list[ExtractedTable]]:
    """The layout of a page and its tables, outside `exclude`, with their annotations."""
    layout = read_layout(page)
    found = [
        t for t in find_regions(layout) if not any(overlaps(t.bbox, box) for box in exclude)
    ]
    for table in found:
        attach_annotations(table, layout)
    return layout, found


def find_tables(page: PageModel) -> list[ExtractedTable]:
    """Tables of one page, with captions, unit notes and source lines attached."""
    return find_page_tables(page)[1]


class TableStitcher:
    """Reads a document's pages in order and joins a table continued on the next page.

    Lets a caller that reads each page for other things too (charts, prose) find tables in
    the same pass; `tables` holds the document's tables so far.
    """

    def __init__(self) -> None:
        self.tables: list[ExtractedTable] = []
        # The last table seen, the layout of the page it ended on and its part on that page.
        self._carry: tuple[ExtractedTable, PageLayout, ExtractedTable] | None = None

    def add_page(self, page: PageModel, exclude: Sequence[BBox] = ()) -> list[ExtractedTable]:
        """The tables drawn on `page`, with their bboxes on it.

        A part continuing the previous page's table is returned as drawn here, and joined
        into that table in `tables`. Regions in `exclude` (charts read elsewhere) hold no table.
        """
        layout, found = find_page_tables(page, exclude)
        self.add_tables(layout, found)
        return found

    def add_tables(self, layout: PageLayout, found: list[ExtractedTable]) -> None:
        """Join the tables `find_page_tables` found on the next page, the way `add_page` does.

        The page's own tables can so be found in another process; this step, which needs the
        pages before, runs in page order.
        """
        found = self._join_continued(found)
        carry = self._carry
        if carry and found and _continues(carry[1], carry[2], layout, found[0]):
            part = found.pop(0)
            _join(carry[0], part)
            self._carry = (carry[0], layout, part)
        elif not found:
            self._carry = None
        self.tables.extend(found)
        if found:
            self._carry = (found[-1], layout, found[-1])

    def _join_continued(self, found: list[ExtractedTable]) -> list[ExtractedTable]:
        """Join the tables of a page captioned as a continuation ("Tableau n° 4 (suite)").

        A continuation joins the table of its number and columns just before it: one of
        this page (the next column of a page set in columns) or the last table found before
        the page. The parts come in reading order, top first; on a page in columns, a part
        at the top of the next column may come before the start of its table at the bottom
        of the first, so the starts are placed first.
        """
        starts = [t for t in found if not _is_continuation(t)]
        kept: list[ExtractedTable] = []
        for table in found:
            if not _is_continuation(table):
                kept.append(table)
                continue
            candidates = [*self.tables[-1:], *starts]
            base = next(
                (
                    b
                    for b in reversed(candidates)
                    if b.number == table.number
                    and b.n_cols == table.n_cols
                    and (b.page, b.bbox[0]) <= (table.page, table.bbox[0])
                ),
                None,
            )
            if base is None:
                kept.append(table)
            else:
                _join(base, table)
        return kept


def extract_tables(pdf_path: str | Path) -> list[ExtractedTable]:
    """Tables of a whole document; a table continued on the next page comes back as one."""
    stitcher = TableStitcher()
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            try:
                stitcher.add_page(read_page(page))
            finally:
                page.close()
    return stitcher.tables


def _lines_between(layout: PageLayout, top: float, bottom: float) -> int:
    """Text lines between two heights, not counting running headers and footers."""
    return sum(
        1
        for ln in layout.lines
        if ln.top >= top
        and ln.bottom <= bottom
        and not in_header(ln.bottom, layout.height)
        and not in_footer(ln.top, layout.height)
    )


def _continues(
    prev_layout: PageLayout, last: ExtractedTable, layout: PageLayout, first: ExtractedTable
) -> bool:
    """Does `first` (top of this page) continue `last` (bottom of the previous page)?"""
    if layout.number != prev_layout.number + 1 or first.n_cols != last.n_cols:
        return False
    if first.caption and first.number != last.number:
        return False
    tail = _lines_between(prev_layout, last.bbox[3] + 1, prev_layout.height)
    head = _lines_between(layout, 0, first.bbox[1] - 1)
    return tail <= MAX_LINES_AT_BREAK and head <= MAX_LINES_AT_BREAK


# A caption's mark that its table continues one shown before: "(suite)", "(suite et fin)".
_CONTINUATION = re.compile(
    r"\(\s*(?:suite(?:\s+et\s+fin)?|fin|continued|cont\.?)\s*\)", re.IGNORECASE
)


def _is_continuation(table: ExtractedTable) -> bool:
    return bool(table.caption and table.number is not None and _CONTINUATION.search(table.caption))


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _join(base: ExtractedTable, part: ExtractedTable) -> None:
    """Append `part` (next page or column) to `base`, dropping a repeated header."""
    base_head = [[_norm(v or "") for v in row] for row in base.rows()[: base.header_rows]]
    part_rows = part.rows()
    skip = 0
    if (
        base_head
        and [[_norm(v or "") for v in row] for row in part_rows[: len(base_head)]] == base_head
    ):
        skip = len(base_head)
    offset = base.n_rows - skip
    for cell in part.cells:
        if cell.row < skip:
            continue
        base.cells.append(
            TableCell(
                row=cell.row + offset,
                col=cell.col,
                text=cell.text,
                row_span=cell.row_span,
                col_span=cell.col_span,
                bbox=cell.bbox,
            )
        )
    base.n_rows += part.n_rows - skip
    if part.page != base.page and part.page not in base.continued_on:
        base.continued_on.append(part.page)
    if base.source_line is None:
        base.source_line = part.source_line
