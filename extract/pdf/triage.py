"""Triage: whether a page read by the fast backend holds only prose, or needs layout work.

The fast backend (`extract.pdf.pdfium`) already refuses pages that draw anything outside
the running header and footer bands. Among the pages of text alone, those that announce
a table or a figure (a numbered caption, a "Source :" line) or set text in a grid (runs
of text or figures a gutter apart on one line, as in a table without rules) go to
pdfplumber and the table and chart readers all the same: in doubt, the full path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extract.pdf.captions import ANY_CAPTION_RE, CHART_CAPTION_RE, SOURCE_RE, TABLE_CAPTION_RE
from extract.pdf.columns import GUTTER_MIN_EM
from extract.pdf.margins import in_footer, in_header

Char = dict[str, Any]

# Lines and words as prose reads them (`prose.BASELINE_TOLERANCE`, `prose.WORD_GAP`; prose
# reads the page model this module helps build, so it cannot be imported here): chars of
# one line share their baseline to within this share of the body em, and a horizontal gap
# above this share of the char size is a space between words.
_SAME_BASELINE_EM = 0.2
_WORD_GAP = 0.2


def needs_layout(chars: Sequence[Char], height: float, em: float) -> bool:
    """Whether a page of text alone may hold a table, a figure's parts or its caption."""
    for line in _lines(chars, em):
        top, bottom = min(c["top"] for c in line), max(c["bottom"] for c in line)
        if in_header(bottom, height) or in_footer(top, height):
            continue  # running headers and footers set their parts a gutter apart
        if _announces_figure(line) or _grid_like(line, em):
            return True
    return False


def _lines(chars: Sequence[Char], em: float) -> list[list[Char]]:
    """Chars grouped by baseline, each line left to right, spaces included."""
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c["bottom"], c["x0"])):
        if lines and abs(char["bottom"] - lines[-1][-1]["bottom"]) <= _SAME_BASELINE_EM * em:
            lines[-1].append(char)
        else:
            lines.append([char])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return [line for line in lines if any(c["text"].strip() for c in line)]


def _text(line: list[Char]) -> str:
    pieces: list[str] = []
    previous: Char | None = None
    for char in line:
        if previous is not None and char["x0"] - previous["x1"] > _WORD_GAP * char["size"]:
            pieces.append(" ")
        pieces.append(char["text"])
        previous = char
    return "".join(pieces)


def _announces_figure(line: list[Char]) -> bool:
    text = _text(line).strip()
    return any(
        pattern.match(text)
        for pattern in (ANY_CAPTION_RE, CHART_CAPTION_RE, TABLE_CAPTION_RE, SOURCE_RE)
    )


def _gaps(line: list[Char], em: float) -> list[tuple[Char, Char]]:
    """Pairs of visible chars a gutter's width apart with no space char between them.

    A space char in a gap is a word space, however wide justification makes it.
    """
    gaps = []
    previous: Char | None = None
    for char in line:
        if not char["text"].strip():
            previous = None
            continue
        if previous is not None and char["x0"] - previous["x1"] >= GUTTER_MIN_EM * em:
            gaps.append((previous, char))
        previous = char
    return gaps


def _grid_like(line: list[Char], em: float) -> bool:
    """Cells rather than columns of prose: three runs or more, or a figure at a gap."""
    gaps = _gaps(line, em)
    return len(gaps) >= 2 or any(a["text"].isdigit() or b["text"].isdigit() for a, b in gaps)
