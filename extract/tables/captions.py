"""Captions, unit notes and source lines around a table: kept out of the grid, attached to it."""

from __future__ import annotations

import re

from extract.pdf.captions import SOURCE_RE, TABLE_CAPTION_RE
from extract.pdf.words import LINE_PITCH_EM
from extract.records import BBox, ExtractedTable
from extract.tables.layout import PageLayout, TextLine

_UNIT_WORDS = (
    r"(?:M€|Md€|k€|€|%|ETP|euros?|EUR|millions?|milliers|milliards?|thousands?|billions?"
    r"|pourcentage|nombre|jours|mois|percent(?:age)?)"
)
UNIT = re.compile(r"^\s*\(?\s*(?:en|in|unit[ée]?s?\s*:)\s*" + _UNIT_WORDS, re.IGNORECASE)
_UNIT_IN_CAPTION = re.compile(r"\(\s*((?:en|in)\s+" + _UNIT_WORDS + r"[^)]*)\)", re.IGNORECASE)

# A legend under a table: "Note :", "Lecture :", "Champ :", or a key to the signs and
# abbreviations of the cells: an entry for a sign cells use ("≈ : environ", "- : sans
# objet", "n.d. : non disponible", "* : ..."), or two entries or more "sign : meaning" of any
# short sign (at most five characters, a meaning in words, no figure).
_KEY_ENTRY = r"[^\s:;]{1,5}\s*:\s*[^\d:;]+?"
LEGEND = re.compile(
    r"^\s*(?:(?:notes?|nota|lecture|champ|guide de lecture)\s*:"
    r"|(?:[≈~<>≤≥*+\-–—]|n\.\s*[dcs]\.?|ns|nc|nd|s\.o\.?)\s*:"
    rf"|{_KEY_ENTRY}(?:\s*[;,]\s*{_KEY_ENTRY})+\s*\.?\s*$)",
    re.IGNORECASE,
)

# How far from the table a caption, unit note or source line may sit, in text lines: a caption
# can run over two lines and have a unit note between it and the table.
CAPTION_REACH = 4.0
SOURCE_REACH = 4.0


def is_annotation(text: str) -> bool:
    """A line that belongs around a table, never inside its grid."""
    return bool(
        TABLE_CAPTION_RE.match(text)
        or SOURCE_RE.match(text)
        or UNIT.match(text)
        or LEGEND.match(text)
    )


def _around(bbox: BBox, layout: PageLayout) -> tuple[list[TextLine], list[TextLine]]:
    """Lines within caption reach above a region and within source reach below it.

    Only the chunks of a line over the region count: on a page set in columns, a line of
    the page runs on into the next column (its prose, another table's caption), which says
    nothing about this table.
    """
    x0, top, x1, bottom = bbox
    reach = layout.font_size * LINE_PITCH_EM
    near = [
        part for ln in layout.lines if (part := _part_over(ln, x0 - reach, x1 + reach)) is not None
    ]
    above = [ln for ln in near if top - CAPTION_REACH * reach <= ln.bottom <= top + 1]
    below = [ln for ln in near if bottom - 1 <= ln.top <= bottom + SOURCE_REACH * reach]
    return above, below


def _part_over(line: TextLine, x0: float, x1: float) -> TextLine | None:
    """The chunks of `line` that overlap x0..x1, as a line; None when none does."""
    chunks = [c for c in line.chunks if c.x1 > x0 and c.x0 < x1]
    if len(chunks) == len(line.chunks):
        return line
    if not chunks:
        return None
    return TextLine([w for c in chunks for w in c.words], chunks)


def has_caption(bbox: BBox, layout: PageLayout) -> bool:
    """Is there a table caption line just above the region?"""
    return any(TABLE_CAPTION_RE.match(ln.text) for ln in _around(bbox, layout)[0])


def attach_annotations(table: ExtractedTable, layout: PageLayout) -> None:
    """Fill caption, number, unit_note and source_line from the lines around the table."""
    above, below = _around(table.bbox, layout)
    for i, line in enumerate(above):
        match = TABLE_CAPTION_RE.match(line.text)
        if match:
            table.caption = _caption_text(line, above[i + 1 :])
            table.number = int(match.group(1))
    for line in above + below:
        if table.unit_note is None and UNIT.match(line.text):
            table.unit_note = line.text.strip().strip("()").strip()
        if table.source_line is None and SOURCE_RE.match(line.text) and line in below:
            table.source_line = line.text.strip()
    if table.unit_note is None and table.caption:
        unit = _UNIT_IN_CAPTION.search(table.caption)
        if unit:
            table.unit_note = unit.group(1).strip()


def _caption_text(first: TextLine, following: list[TextLine]) -> str:
    """The caption line plus the lines that continue it (not a unit note, not a line set in
    chunks apart like a table row: header lines the table region left above it)."""
    parts = [first.text.strip()]
    for line in following:
        if (
            is_annotation(line.text)
            or len(line.chunks) > 1
            or line.top - first.bottom > 2.5 * (first.bottom - first.top)
        ):
            break
        parts.append(line.text.strip())
        first = line
    return " ".join(parts)
