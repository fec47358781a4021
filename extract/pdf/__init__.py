"""The page model: a PDF page read once into chars, words, lines, shapes and rules.

`read_page(page)` builds a `PageModel` from a pdfplumber page; tables, charts and prose
read the model, never the pdfplumber page. One module per concept:

- `page`: the model and its reading (body em, words, lines, shapes, rules, columns);
- `words`: words and the one definition of a text line of words (`group_lines`);
- `columns`: column blocks and reading order;
- `shapes`, `colors`, `rules`: painted paths, what reads as white, ruling lines;
- `geometry`: box helpers on top of `pdfplumber.utils`;
- `margins`: the running header and footer bands;
- `captions`: caption and source-line patterns of figures and tables;
- `prose`: chars laid out into paragraphs, footnotes and page numbers.
"""

from extract.pdf.page import PageModel, read_page

__all__ = ["PageModel", "read_page"]
