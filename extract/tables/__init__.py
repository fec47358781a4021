"""Tables of a report PDF: found page by page, gridded, joined across page breaks.

`find_tables(page)` reads one page; `TableStitcher` reads a document page by page and joins
a table continued on the next page; `extract_tables(pdf)` does that for a whole file. The
command line (`python -m extract.tables`) lives in `cli.py`.
"""

from extract.tables.stitch import TableStitcher, extract_tables, find_tables

__all__ = ["TableStitcher", "extract_tables", "find_tables"]
