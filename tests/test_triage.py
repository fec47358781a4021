"""Triage: pages of prose are read by the fast backend (pypdfium2), and read as pdfplumber
reads them; pages that may hold a table or a figure, or that the fast backend cannot read
as pdfplumber would, go to pdfplumber."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.pdf import PageModel, read_page
from extract.pdf.prose import read_prose
from extract.text import mentions_on_page

# The fast backend reads glyph widths in thousandths of an em, rounded: positions drift by
# a thousandth of the size per char along a line, under half a point on an A4 line.
POSITION_TOLERANCE = 0.5

# A TrueType font reportlab ships, embedded in the file as producers of reports do.
FONT = "Vera"
pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))

PROSE = [
    "La direction comptait 210 agents à la fin de l'année 2023, dont une",
    "majorité de contractuels ; son budget atteignait 9,3 M€ en 2023, en",
    "hausse de 12 % sur les trois derniers exercices selon la direction.",
]


def _header_and_footer(pdf: canvas.Canvas) -> None:
    """A running header over a rule, and a page number: the house style of every page."""
    pdf.setFont(FONT, 7)
    pdf.drawString(72, 805, "COUR DES COMPTES")
    pdf.drawString(380, 805, "RAPPORT PUBLIC")
    pdf.setLineWidth(0.4)
    pdf.line(72, 800, 523, 800)
    pdf.setFont(FONT, 9)
    pdf.drawString(297, 30, "7")


def _prose_page(pdf: canvas.Canvas) -> None:
    """Two paragraphs, one with a raised footnote call, and the footnote at the foot."""
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    for i, line in enumerate(PROSE):
        pdf.drawString(72, 740 - 14 * i, line)
    pdf.drawString(72, 680, "Le produit le mieux doté compte 13 ETP")
    pdf.setFont(FONT, 6)
    pdf.drawString(
        72 + pdf.stringWidth("Le produit le mieux doté compte 13 ETP", FONT, 10), 684, "4"
    )
    pdf.setFont(FONT, 8)
    pdf.drawString(72, 90, "4 Selon les données transmises par la direction en 2024.")


def _write(path: Path, *pages: Callable[[canvas.Canvas], None]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for draw in pages:
        draw(pdf)
        pdf.showPage()
    pdf.save()
    return path


def _models(path: Path, number: int = 1) -> tuple[PageModel, PageModel]:
    """The page read with triage, and read by pdfplumber alone."""
    with (
        pdfplumber.open(path) as pdf,
        pypdfium2.PdfDocument(str(path)) as fast_document,
    ):
        page = pdf.pages[number - 1]
        triaged = read_page(page, fast_document)
        page.close()
        page = pdf.pages[number - 1]
        full = read_page(page)
        page.close()
    return triaged, full


def test_a_page_of_prose_is_read_fast_as_pdfplumber_reads_it(tmp_path):
    fast, full = _models(_write(tmp_path / "prose.pdf", _prose_page))
    assert (fast.backend, full.backend) == ("pdfium", "pdfplumber")
    assert fast.text == full.text
    assert fast.em == full.em
    assert [w.text for w in fast.words] == [w.text for w in full.words]
    assert len(fast.chars) == len(full.chars)
    theirs = list(full.chars)
    for mine in fast.chars:
        # Its twin: the same glyph of the same font, nearest in place.
        twin = min(
            (c for c in theirs if (c["text"], _font(c)) == (mine["text"], _font(mine))),
            key=lambda c: abs(c["x0"] - mine["x0"]) + abs(c["top"] - mine["top"]),
        )
        theirs.remove(twin)
        for key in ("x0", "x1", "top", "bottom", "size"):
            assert mine[key] == pytest.approx(twin[key], abs=POSITION_TOLERANCE)


def _font(char: dict) -> str:
    """A font's name without the subset tag pdfplumber keeps ("ABCDEF+Vera")."""
    return char["fontname"].split("+")[-1]


def test_prose_of_a_page_read_fast_keeps_calls_notes_and_page_number(tmp_path):
    fast, full = _models(_write(tmp_path / "prose.pdf", _prose_page))
    fast_prose, full_prose = read_prose(fast), read_prose(full)
    assert fast_prose.body.text == full_prose.body.text
    assert fast_prose.body.calls == full_prose.body.calls != []
    assert fast_prose.footnotes.text == full_prose.footnotes.text
    assert [n.text.text for n in fast_prose.page_numbers] == ["7"]
    mentions = [(m.raw_text, m.value) for m in mentions_on_page(fast)]
    assert mentions == [(m.raw_text, m.value) for m in mentions_on_page(full)]
    assert ("9,3 M€", 9_300_000.0) in mentions


def _captioned(pdf: canvas.Canvas) -> None:
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    pdf.drawString(72, 740, PROSE[0])
    pdf.drawString(72, 700, "Tableau n° 2 : effectifs de la direction")


def _ruled(pdf: canvas.Canvas) -> None:
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    pdf.drawString(72, 740, PROSE[0])
    pdf.line(72, 720, 523, 720)


def _grid(pdf: canvas.Canvas) -> None:
    """Label and figure cells a gutter apart, with no rule and no caption."""
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    for i, (label, value) in enumerate([("Agents", "210"), ("Budget", "9,3"), ("ETP", "13")]):
        pdf.drawString(72, 740 - 14 * i, label)
        pdf.drawRightString(300, 740 - 14 * i, value)


def _sideways(pdf: canvas.Canvas) -> None:
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    pdf.drawString(72, 740, PROSE[0])
    pdf.saveState()
    pdf.translate(60, 500)
    pdf.rotate(90)
    pdf.drawString(0, 0, "En millions d'euros")
    pdf.restoreState()


def _picture(pdf: canvas.Canvas) -> None:
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    pdf.drawString(72, 740, PROSE[0])
    pdf.drawInlineImage(_one_pixel(), 72, 600, width=40, height=40)


def _one_pixel():
    from PIL import Image

    return Image.new("RGB", (1, 1), (200, 30, 30))


def _standard_font(pdf: canvas.Canvas) -> None:
    """Prose in a standard font the file does not embed (pdfminer has its own metrics)."""
    _header_and_footer(pdf)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 740, PROSE[1])


@pytest.mark.parametrize("draw", [_captioned, _ruled, _grid, _sideways, _picture, _standard_font])
def test_pages_that_may_hold_a_table_or_a_figure_go_to_pdfplumber(tmp_path, draw):
    triaged, full = _models(_write(tmp_path / "layout.pdf", draw))
    assert triaged.backend == "pdfplumber"
    assert triaged == full


def test_each_page_of_a_document_is_triaged_on_its_own(tmp_path):
    path = _write(tmp_path / "mixed.pdf", _prose_page, _ruled, _prose_page)
    backends = [_models(path, number)[0].backend for number in (1, 2, 3)]
    assert backends == ["pdfium", "pdfplumber", "pdfium"]


def test_triage_reads_lines_and_words_as_prose_does():
    from extract.pdf import prose, triage

    assert (triage._SAME_BASELINE_EM, triage._WORD_GAP) == (
        prose.BASELINE_TOLERANCE,
        prose.WORD_GAP,
    )


def _list_items(pdf: canvas.Canvas) -> None:
    """Bullets and a heading's number each followed by a space set as a text object of its
    own, the item's text set apart at an indent. PDFium leaves out of its text a text object
    that prints no ink (a lone space) and puts a space of its own making in its place."""
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    for i, (label, line) in enumerate([("5.1.3.", "Les effectifs"), *(("•", p) for p in PROSE)]):
        y = 740 - 14 * i
        pdf.drawString(72, y, label)
        pdf.drawString(72 + pdf.stringWidth(label, FONT, 10), y, " ")
        pdf.drawString(100, y, line)


def _overprinted(pdf: canvas.Canvas) -> None:
    """A line set bold by printing it twice a fraction of a point apart, as some producers
    do: PDFium leaves the second text object out of its text, pdfplumber reads both."""
    _header_and_footer(pdf)
    pdf.setFont(FONT, 10)
    pdf.drawString(72, 740, PROSE[0])
    pdf.drawString(72.2, 740, PROSE[0])
    pdf.drawString(72, 726, PROSE[1])


@pytest.mark.parametrize("draw", [_list_items, _overprinted])
def test_a_text_object_pdfium_leaves_out_of_its_text_is_read_as_pdfplumber_reads_it(
    tmp_path, draw
):
    triaged, full = _models(_write(tmp_path / "dropped.pdf", draw))
    assert sorted(c["text"] for c in triaged.chars) == sorted(c["text"] for c in full.chars)
    assert triaged.text == full.text
    assert [w.text for w in triaged.words] == [w.text for w in full.words]
