"""A report of tables for the pipeline test: what a table's cells, labels and caption make
of its figures once the dbt models have read them (tests/test_pipeline.py).

Each table states one reading, on figures and words of its own:
* a table that names one subject in one column only ("Part de Resana"), beside the amounts
  of the subject its caption names: the amounts are the caption subject's;
* a transposed table whose narrow header cells break the products' names inside words over
  lines ("Webi" / "naire de" / "l'État"): the names are still read; a broken label that
  spells no name of the vocabulary gives no subject;
* a sentence that takes up a table's caption ("Ces crédits ...") after it.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

_HEIGHT = A4[1]


class _Page:
    """Text and rules in a top-left frame, 9 pt Helvetica."""

    def __init__(self, pdf: canvas.Canvas) -> None:
        self.pdf = pdf

    def text(
        self,
        x: float,
        top: float,
        s: str,
        *,
        right: bool = False,
        centred: bool = False,
        bold: bool = False,
    ) -> None:
        self.pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        if s[:1].isdigit():
            s = s.replace(" ", "\u00a0")  # a figure's groups of thousands stay together
        draw = self.pdf.drawString
        if right or centred:
            draw = self.pdf.drawRightString if right else self.pdf.drawCentredString
        draw(x, _HEIGHT - top - 7.2, s)

    def rule(self, x0: float, x1: float, top: float) -> None:
        self.pdf.setLineWidth(0.5)
        self.pdf.line(x0, _HEIGHT - top, x1, _HEIGHT - top)


def _credits_table(p: _Page) -> None:
    p.text(72, 70, "Tableau n° 1 : Crédits de la DINUM en 2019 (en milliers d’euros)", bold=True)
    p.rule(72, 420, 86)
    p.text(76, 90, "Nature des crédits")
    p.text(416, 90, "Montant", right=True)
    p.rule(72, 420, 104)
    p.text(76, 108, "Crédits de paiement")
    p.text(416, 108, "45 000", right=True)
    p.rule(72, 420, 122)
    p.pdf.setFont("Helvetica", 10)
    p.pdf.drawString(
        72, _HEIGHT - 150, "Ces crédits ont été multipliés par trois entre 2016 et 2019."
    )


def _suite_costs_table(p: _Page) -> None:
    p.text(72, 190, "Tableau n° 2 : Coûts de la suite numérique (en milliers d’euros)", bold=True)
    p.rule(72, 500, 206)
    for x, label, right in (
        (76, "Nature du coût", False),
        (290, "Période", True),
        (390, "Montant", True),
        (496, "Part de Resana", True),
    ):
        p.text(x, 210, label, right=right)
    p.rule(72, 500, 224)
    p.text(76, 228, "Coût annuel de maintenance")
    p.text(290, 228, "2021", right=True)
    p.text(390, 228, "4 000", right=True)
    p.text(496, 228, "30 %", right=True)
    p.rule(72, 500, 242)


def _broken_names_table(p: _Page) -> None:
    """Columns 60 pt wide: the names break inside words, the lines of a cell 10 pt apart."""
    p.text(72, 290, "Tableau n° 3 : Équipes des outils (en équivalents temps plein)", bold=True)
    p.rule(72, 330, 306)
    p.text(76, 310, "Outil")
    for lines, centre in (
        (["Webi", "naire de", "l’État"], 180),
        (["Osmo", "se"], 240),
        (["Plane", "tarium"], 300),
    ):
        for k, line in enumerate(lines):
            p.text(centre, 310 + 10 * k, line, centred=True)
    p.rule(72, 330, 342)
    p.text(76, 346, "ETP")
    for centre, figure in ((180, "2"), (240, "6"), (300, "9")):
        p.text(centre, 346, figure, centred=True)
    p.rule(72, 330, 360)


def write_table_readings_report(path: Path) -> None:
    """One page, three tables (module docstring)."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page = _Page(pdf)
    _credits_table(page)
    _suite_costs_table(page)
    _broken_names_table(page)
    pdf.setFont("Helvetica", 9)
    pdf.drawString(297, 40, "1")
    pdf.save()
