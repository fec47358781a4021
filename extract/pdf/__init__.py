"""The page model: a PDF page read once into chars, words, lines, shapes and rules.

`read_page(page, fast_document)` builds a `PageModel` from a pdfplumber page, or from the
same page in pypdfium2 when it holds prose alone; tables, charts and prose read the model,
never the PDF. One module per concept:

- `page`: the model and its reading (body em, words, lines, shapes, rules, columns);
- `pdfium`: the fast backend, pypdfium2's chars as pdfplumber's char dicts;
- `triage`: which pages need layout work (and pdfplumber), which are prose alone;
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
