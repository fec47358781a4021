"""Tables of a report PDF: find them page by page, grid them, join those split across pages.

Public API:
* `find_tables(page)`: the tables of one pdfplumber page;
* `extract_tables(pdf_path)`: the tables of a whole document, continued tables joined.
* `TableStitcher`: the same, page by page, for a caller reading each page for more.

Command line (benchmark prediction format, one `<stem>.json` per PDF):
    python -m extract.tables PDF_DIR OUT_DIR
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pdfplumber
from pdfplumber.page import Page

from extract.records import BBox, ExtractedTable, TableCell, boxes_overlap
from extract.table_captions import attach_annotations
from extract.table_finder import find_regions
from extract.table_layout import PageLayout, read_layout

# A table runs on to the next page when nothing but the page's margins (running header,
# footer, footnotes) separates it from the page break: at most this many text lines.
MAX_LINES_AT_BREAK = 3
# Running headers and footers live in this share of the page height at the top and bottom.
MARGIN_SHARE = 0.1


def find_tables(page: Page) -> list[ExtractedTable]:
    """Tables of one page, with captions, unit notes and source lines attached."""
    layout = read_layout(page)
    tables = find_regions(layout)
    for table in tables:
        attach_annotations(table, layout)
    return tables


class TableStitcher:
    """Reads a document's pages in order and joins a table continued on the next page.

    Lets a caller that reads each page for other things too (charts, prose) find tables in
    the same pass; `tables` holds the document's tables so far.
    """

    def __init__(self) -> None:
        self.tables: list[ExtractedTable] = []
        # The last table seen, the layout of the page it ended on and its part on that page.
        self._carry: tuple[ExtractedTable, PageLayout, ExtractedTable] | None = None

    def add_page(self, page: Page, exclude: Sequence[BBox] = ()) -> list[ExtractedTable]:
        """The tables drawn on `page`, with their bboxes on it.

        A part continuing the previous page's table is returned as drawn here, and joined
        into that table in `tables`. Regions in `exclude` (charts read elsewhere) hold no table.
        """
        layout = read_layout(page)
        found = [
            t
            for t in find_regions(layout)
            if not any(boxes_overlap(t.bbox, box) for box in exclude)
        ]
        for table in found:
            attach_annotations(table, layout)
        on_page = list(found)
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
        return on_page


def extract_tables(pdf_path: str | Path) -> list[ExtractedTable]:
    """Tables of a whole document; a table continued on the next page comes back as one."""
    stitcher = TableStitcher()
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            stitcher.add_page(page)
            page.close()
    return stitcher.tables


def _lines_between(layout: PageLayout, top: float, bottom: float) -> int:
    """Text lines between two heights, not counting running headers and footers."""
    margin = MARGIN_SHARE * layout.height
    return sum(
        1
        for ln in layout.lines
        if ln.top >= top
        and ln.bottom <= bottom
        and margin < ln.top
        and ln.bottom < layout.height - margin
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


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _join(base: ExtractedTable, part: ExtractedTable) -> None:
    """Append `part` (next page) to `base`, dropping a repeated header."""
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
                cell.row + offset,
                cell.col,
                cell.text,
                cell.row_span,
                cell.col_span,
                False,
                cell.bbox,
            )
        )
    base.n_rows += part.n_rows - skip
    base.continued_on.append(part.page)
    if base.source_line is None:
        base.source_line = part.source_line


def _benchmark_entry(table: ExtractedTable) -> dict:
    """A table in the benchmark's prediction format (spans listed exactly)."""
    spans = [
        [c.row, c.col, c.row + c.row_span - 1, c.col + c.col_span - 1]
        for c in table.cells
        if c.row_span > 1 or c.col_span > 1
    ]
    entry: dict = {
        "page": table.page,
        "bbox": [round(v, 2) for v in table.bbox],
        "rows": [[v if v is not None else "" for v in row] for row in table.rows()],
    }
    if spans:
        entry["spans"] = spans
    return entry


def predict_document(pdf_path: Path) -> dict:
    """Per-page tables of one PDF in the benchmark's format (a joined table stays split)."""
    start = time.perf_counter()
    tables = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            tables.extend(_benchmark_entry(t) for t in find_tables(page))
            page.close()
    return {"tables": tables, "seconds": time.perf_counter() - start}


def predict_dir(pdf_dir: Path, out_dir: Path) -> list[Path]:
    """Write `<stem>.json` for every PDF of `pdf_dir` into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for pdf_path in sorted(pdf_dir.glob("*.pdf")):
        result = predict_document(pdf_path)
        target = out_dir / f"{pdf_path.stem}.json"
        target.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extract tables from PDFs (benchmark format).")
    parser.add_argument("pdf_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    written = predict_dir(args.pdf_dir, args.out_dir)
    print(f"{len(written)} prediction files written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
