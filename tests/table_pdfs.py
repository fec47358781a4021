"""Small PDFs made with reportlab for the table tests.

Coordinates given to these helpers are in pdfplumber's frame (origin top-left), so that the
tests read like what the extractor sees. Pages are A4 portrait.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
FONT = "Helvetica"
SIZE = 9.0
ROW_H = 14.0

PROSE = (
    "La Cour a examine la gestion des effectifs et des credits du programme sur la periode "
    "sous revue, en lien avec les administrations concernees et les operateurs."
)


class Page:
    """Drawing helpers on one reportlab page, in a top-left frame."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas

    def text(self, x: float, top: float, s: str, size: float = SIZE, right: bool = False) -> None:
        self.c.setFont(FONT, size)
        baseline = HEIGHT - top - size * 0.8
        if right:
            self.c.drawRightString(x, baseline, s)
        else:
            self.c.drawString(x, baseline, s)

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, HEIGHT - y0, x1, HEIGHT - y1)

    def fill(self, x0: float, top: float, x1: float, bottom: float, grey: float = 0.0) -> None:
        self.c.setFillGray(grey)
        self.c.rect(x0, HEIGHT - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
        self.c.setFillGray(0)

    def box(self, x0: float, top: float, x1: float, bottom: float) -> None:
        self.c.setLineWidth(0.7)
        self.c.rect(x0, HEIGHT - bottom, x1 - x0, bottom - top, stroke=1, fill=0)

    def paragraph(self, top: float, lines: int = 3, x0: float = 60) -> float:
        """Body text from `top`; returns the height below it."""
        for i in range(lines):
            self.text(x0, top + i * 12, PROSE[: 95 - 3 * i])
        return top + lines * 12

    def rows(
        self, x_cols: Sequence[float], top: float, rows: Sequence[Sequence[str]]
    ) -> list[float]:
        """Write rows of cells; column 0 left-aligned at x_cols[0], the others right-aligned
        at x_cols[i]. Returns the top of every row plus the bottom of the last one."""
        tops = []
        for r, row in enumerate(rows):
            y = top + r * ROW_H
            tops.append(y)
            for c, value in enumerate(row):
                if not value:
                    continue
                if c == 0:
                    self.text(x_cols[0], y + 3, value)
                else:
                    self.text(x_cols[c], y + 3, value, right=True)
        tops.append(top + len(rows) * ROW_H)
        return tops


def make_pdf(path: Path, *pages: Callable[[Page], None]) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for draw in pages:
        draw(Page(canvas))
        canvas.showPage()
    canvas.save()
    return path


HEADER = ["Produit", "2022", "2023", "Evolution"]
BODY = [
    ["Assurance maladie", "1 250", "1 310", "4,8 %"],
    ["Retraites", "980", "1 002", "2,2 %"],
    ["Famille", "412", "405", "-1,7 %"],
    ["Recouvrement", "3 100", "3 050", "-1,6 %"],
]
# Left edge of column 0, then right edges of the figure columns; the cell edges in between.
TEXT_X = [70, 260, 340, 430]
EDGES = [62, 200, 270, 350, 440]
