"""Command line of the table reader, in the benchmark's prediction format.

    python -m extract.tables PDF_DIR OUT_DIR

writes one `<stem>.json` per PDF: per-page tables, a table joined across pages left split.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pdfplumber

from extract.pdf import read_page
from extract.records import ExtractedTable
from extract.tables.stitch import find_tables


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
            try:
                tables.extend(_benchmark_entry(t) for t in find_tables(read_page(page)))
            finally:
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
