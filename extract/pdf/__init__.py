"""The page model: a PDF page read once into chars, words, lines, shapes and rules.

`read_page(page)` builds a `PageModel` from a pdfplumber page; tables, charts and prose
read the model. Geometry (`geometry`), colours (`colors`), rules (`rules`) and the one
definition of a text line (`words.group_lines`) live here.
"""

from extract.pdf.page import PageModel, read_page

__all__ = ["PageModel", "read_page"]
