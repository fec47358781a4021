"""A page read once, by pdfplumber or by the fast backend, into what every reader needs.

Tables, charts and prose all read this model, never the pdfplumber page: the page is
parsed once, and every ratio that decides what a line, a rule or the body size is lives
in this package.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pypdfium2
from pdfplumber.utils import chars_to_textmap

from extract.pdf.columns import ColumnBlock, column_id, find_column_blocks, reading_key
from extract.pdf.geometry import union
from extract.pdf.pdfium import read_pdfium_page
from extract.pdf.rules import Rule, find_rules
from extract.pdf.shapes import Shape, read_shapes
from extract.pdf.triage import needs_layout
from extract.pdf.words import Word, group_lines, read_words
from extract.records import BBox

Char = dict[str, Any]

# The body em of a page with no text: a common body size, so that em-relative thresholds
# stay sensible on a page of graphics alone.
DEFAULT_EM = 10.0


@dataclass(frozen=True)
class PageModel:
    """One page: its text as chars, words and lines, its drawing as shapes and rules."""

    number: int  # 1-based
    page_count: int  # pages in the document
    width: float
    height: float
    em: float  # the body font size (the most common one): relative thresholds scale by it
    chars: list[Char]  # pdfplumber's char dicts
    words: list[Word]
    columns: list[ColumnBlock]  # bands of the page set in columns, top to bottom
    lines: list[list[Word]]  # text lines in reading order, cut at column gutters
    shapes: list[Shape]  # every painted path, white paint included
    hrules: list[Rule]
    vrules: list[Rule]
    images: list[BBox]
    layout_bbox: BBox  # the page's bbox as pdfplumber lays its text out
    # Which reader filled the model: "pdfium" (a page of prose, read fast) or "pdfplumber";
    # no reader of the model needs to know, a benchmark counting pages does.
    backend: str = "pdfplumber"

    @property
    def box(self) -> BBox:
        return (0.0, 0.0, self.width, self.height)

    @cached_property
    def text(self) -> str:
        """pdfplumber's plain-text rendering of the page (`Page.extract_text()`)."""
        return chars_to_textmap(
            self.chars,
            layout_bbox=self.layout_bbox,
            layout_width=self.width,
            layout_height=self.height,
        ).as_string


def read_page(page: Any, fast_document: pypdfium2.PdfDocument | None = None) -> PageModel:
    """The model of one pdfplumber page; the caller still closes the page.

    With `fast_document` (the same file open in pypdfium2), a page of prose is read by the
    fast backend and pdfplumber never parses it; a page triage finds in need of layout
    work (drawings, captions, grids of text) or that the fast backend cannot read as
    pdfplumber would is read by pdfplumber.
    """
    fast = (
        read_pdfium_page(fast_document, page.page_number - 1, page.initial_doctop)
        if fast_document is not None
        else None
    )
    if fast is not None:
        chars = [_without_ligature(c) for c in fast.chars]
        em = _body_em(chars)
        if needs_layout(chars, fast.height, em):
            fast = None
    if fast is None:
        chars = [_without_ligature(c) for c in page.chars]
        em = _body_em(chars)
    words = read_words(chars, em)
    page_lines = group_lines(words)
    columns = find_column_blocks(page_lines, em)
    # A page read fast holds no table or figure (triage): its drawing, rules in the header
    # and footer bands at most, is left out of the model.
    shapes = read_shapes(page) if fast is None else []
    hrules, vrules = find_rules(shapes, em)
    return PageModel(
        number=page.page_number,
        page_count=len(page.pdf.pages),
        width=float(page.width),
        height=float(page.height),
        em=em,
        chars=chars,
        words=words,
        columns=columns,
        lines=_reading_order(page_lines, columns),
        shapes=shapes,
        hrules=hrules,
        vrules=vrules,
        images=[
            (float(i["x0"]), float(i["top"]), float(i["x1"]), float(i["bottom"]))
            for i in (page.images if fast is None else ())
        ],
        layout_bbox=tuple(float(v) for v in page.bbox),
        backend="pdfplumber" if fast is None else "pdfium",
    )


def _body_em(chars: list[Char]) -> float:
    sizes = Counter(round(c["size"], 1) for c in chars if c["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else DEFAULT_EM


# Typographic ligatures some producers print as one glyph ("ﬁn 2023"): every reader
# matches words, so the model reads them as their letters.
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


def _without_ligature(char: Char) -> Char:
    text = char["text"]
    return {**char, "text": LIGATURES[text]} if text in LIGATURES else char


def _reading_order(lines: list[list[Word]], columns: list[ColumnBlock]) -> list[list[Word]]:
    """Lines cut at column gutters, in reading order (column by column in a block)."""
    if not columns:
        return lines
    pieces: list[list[Word]] = []
    for line in lines:
        by_column: dict[tuple[int, int], list[Word]] = {}
        for word in line:
            by_column.setdefault(column_id(columns, *word.bbox), []).append(word)
        pieces.extend(by_column.values())
    return sorted(pieces, key=lambda piece: reading_key(columns, *union(w.bbox for w in piece)))
