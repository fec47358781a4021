"""A page's chars read by pypdfium2, in pdfplumber's char dicts: the fast text backend.

pdfplumber builds its chars in Python, object by object (most of extraction's cost);
PDFium reads them in C. A char here carries what pdfplumber's does and the readers use:
its text, box (advance width by font size, descent below the baseline, as pdfminer
computes them), size, font name, text matrix and page, so that words, lines, columns and
prose read both alike.

Only plain horizontal text in embedded fonts is read: `read_pdfium_page` returns None (the
caller then reads the page with pdfplumber) for anything this reader cannot render as
pdfplumber would: a rotated or offset page, text set sideways or stretched, a font the
file does not embed, a ligature, a char without a Unicode value, a text object PDFium
leaves out of its text, or a drawing outside the running header and footer bands.

PDFium also drops, inside one text object, a glyph printed again within 7 % of the size of
the same glyph a few chars before (pdfplumber reads both): PDFium's interface does not say
how many chars a text object holds, so such a page is not told apart. Producers that set
text bold by printing it twice print the whole text object twice, which is detected.

PDFium keeps glyph widths in whole thousandths of an em where pdfminer reads the file's
fractions: boxes drift from pdfplumber's by up to a thousandth of the size per char along
a line (under half a point across an A4 page).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c

from extract.pdf.margins import in_footer, in_header

Char = dict[str, Any]

# Matrix entries closer than this are equal: producers write 1 as 0.99999 or 1.00001.
_SAME = 1e-6
# Unicode values pdfminer renders differently ("(cid:n)", or nothing): a page holding one
# is read by pdfplumber.
_NO_UNICODE = {0, 0xFFFE, 0xFFFF}
# What PDFium adds to its text between words and lines (a space, a line break).
_GENERATED = {0x20, 0x0D, 0x0A}


@dataclass(frozen=True)
class PdfiumPage:
    """What the fast backend read of one page: chars, and the size pdfplumber reports."""

    width: float
    height: float
    chars: list[Char]


@dataclass(frozen=True)
class _TextObject:
    matrix: tuple[float, float, float, float]  # a, b, c, d of the text rendering matrix
    font: Any
    font_key: int  # the font's address: text objects share their font
    font_size: float  # as set by Tf
    fontname: str
    descent: float  # below the baseline, in points at font_size (negative)


def read_pdfium_page(
    document: pypdfium2.PdfDocument, index: int, initial_doctop: float
) -> PdfiumPage | None:
    """Chars of page `index` (0-based) as pdfplumber would read them; None when in doubt."""
    page = document[index]
    try:
        geometry = _plain_geometry(page)
        if geometry is None:
            return None
        width, height = geometry
        text_objects = _text_objects_of_plain_page(page, height)
        if text_objects is None:
            return None
        text_page = page.get_textpage()
        try:
            read = _chars(text_page.raw, height, index + 1, initial_doctop)
        finally:
            text_page.close()
        if read is None:
            return None
        chars, read_objects = read
        # PDFium leaves out of its text a text object that prints no ink (a lone space set
        # after a bullet or a heading's number, often putting a space of its own making in
        # its place) and one that repeats one of the five before it in about the same place
        # (a line set bold by printing it twice); pdfplumber reads their chars. A page
        # holding a text object none of the chars read comes from is read by pdfplumber.
        if not text_objects <= read_objects:
            return None
        return PdfiumPage(width, height, chars)
    finally:
        page.close()


def _plain_geometry(page: pypdfium2.PdfPage) -> tuple[float, float] | None:
    """(width, height) of an unrotated page whose crop box is its media box at the origin.

    pdfplumber measures from the media box and PDFium from the crop box: the two agree on
    such a page, the common case.
    """
    if pdfium_c.FPDFPage_GetRotation(page.raw) != 0:
        return None
    media = page.get_mediabox()
    if page.get_cropbox() != media or media[0] != 0 or media[1] != 0:
        return None
    return float(media[2]), float(media[3])


def _text_objects_of_plain_page(page: pypdfium2.PdfPage, height: float) -> set[int] | None:
    """The addresses of the page's text objects, when it draws nothing but text, and paths
    in the header and footer bands; None otherwise.

    Images, shadings and form XObjects (which may hold anything) fail; so does a path in
    the body of the page, where tables and charts are drawn.
    """
    text_objects: set[int] = set()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for position in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, position)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            text_objects.add(ctypes.addressof(obj.contents))
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            return None
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return None
        # Bounds in PDF space, origin bottom-left: the band tests take tops and bottoms.
        if not (in_header(height - bottom.value, height) or in_footer(height - top.value, height)):
            return None
    return text_objects


def _chars(
    text_page: Any, height: float, page_number: int, initial_doctop: float
) -> tuple[list[Char], set[int]] | None:
    """The page's chars, and the addresses of the text objects they come from."""
    codes = _codes(text_page)
    objects: dict[int, _TextObject | None] = {}
    widths: dict[tuple[int, float, int], float] = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    chars: list[Char] = []
    for index, code in enumerate(codes):
        # Spaces and line breaks PDFium adds between words and lines print nothing.
        if code in _GENERATED and pdfium_c.FPDFText_IsGenerated(text_page, index):
            continue
        if code in _NO_UNICODE or 0xD800 <= code <= 0xDFFF:
            return None
        if pdfium_c.FPDFText_HasUnicodeMapError(text_page, index):
            return None
        handle = pdfium_c.FPDFText_GetTextObject(text_page, index)
        key = ctypes.addressof(handle.contents) if handle else 0
        if key not in objects:
            objects[key] = _text_object(text_page, index, handle) if handle else None
        obj = objects[key]
        if obj is None:
            return None
        scale = obj.matrix[0]
        width_key = (obj.font_key, obj.font_size, code)
        if width_key not in widths:
            advance = ctypes.c_float()
            if not pdfium_c.FPDFFont_GetGlyphWidth(obj.font, code, obj.font_size, advance):
                return None
            widths[width_key] = advance.value
        width = widths[width_key] * scale
        pdfium_c.FPDFText_GetCharOrigin(text_page, index, x, y)
        if chars and chars[-1]["matrix"][4:] == (x.value, y.value):
            # One glyph printing several chars (a ligature): pdfminer reads it as one.
            return None
        size = obj.font_size * scale
        y0 = y.value + obj.descent * scale
        y1 = y0 + size
        top = height - y1
        chars.append(
            {
                "object_type": "char",
                "page_number": page_number,
                "text": chr(code),
                "fontname": obj.fontname,
                "size": size,
                "upright": True,
                "matrix": (*obj.matrix, x.value, y.value),
                "x0": x.value,
                "x1": x.value + width,
                "y0": y0,
                "y1": y1,
                "top": top,
                "bottom": height - y0,
                "doctop": initial_doctop + top,
                "width": width,
                "height": size,
            }
        )
    return chars, set(objects)


def _codes(text_page: Any) -> list[int]:
    """The Unicode value of each char of the text page, read in one call."""
    count = pdfium_c.FPDFText_CountChars(text_page)
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(text_page, 0, count, buffer)
    if written == count + 1:
        return list(buffer[:count])
    # A page whose text does not map one unit to one char: asked char by char.
    return [pdfium_c.FPDFText_GetUnicode(text_page, index) for index in range(count)]


def _text_object(text_page: Any, index: int, handle: Any) -> _TextObject | None:
    """The font and matrix of a char's text object; None when it is not set upright and
    unstretched (pdfplumber's box of such a char is not the one computed here)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(text_page, index, matrix):
        return None
    a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
    if abs(b) > _SAME or abs(c) > _SAME or a <= 0 or abs(a - d) > _SAME * max(a, 1.0):
        return None
    font_size = ctypes.c_float()
    if not pdfium_c.FPDFTextObj_GetFontSize(handle, font_size):
        return None
    font = pdfium_c.FPDFTextObj_GetFont(handle)
    # A standard font the file does not embed: pdfminer takes its widths and descent from
    # metrics of its own, which are not PDFium's (no width at all for some glyphs).
    if not font or not pdfium_c.FPDFFont_GetIsEmbedded(font):
        return None
    descent = ctypes.c_float()
    if not pdfium_c.FPDFFont_GetDescent(font, font_size.value, descent):
        return None
    return _TextObject(
        (a, b, c, d),
        font,
        ctypes.addressof(font.contents),
        font_size.value,
        _font_name(font),
        descent.value,
    )


def _font_name(font: Any) -> str:
    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    if length <= 0:
        return ""
    buffer = ctypes.create_string_buffer(length)
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
    return buffer.value.decode("utf-8", errors="replace")
