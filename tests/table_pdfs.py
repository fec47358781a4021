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


def two_row_header_table(p: Page, top: float = 100) -> None:
    """A captioned table whose header runs over two rows, ruled like a report's tables.

    Row 1: a row label vertically centred over both header rows, and a title spanning the
    two value columns; row 2: the value columns' sub-headers. Header text is centred in its
    column, body figures are right-aligned, so header words and figures do not line up.
    """
    size = 8.5
    x = [106.0, 290.0, 390.0, 489.0]  # cell edges
    p.text(124, top, "Tableau n° 7 : Dossiers traites par service", size=9)
    t = top + 15

    def centred(x0: float, x1: float, y: float, s: str) -> None:
        p.c.setFont(FONT, size)
        p.c.drawCentredString((x0 + x1) / 2, HEIGHT - y - size * 0.8, s)

    p.line(x[0], t, x[-1], t, width=0.8)
    centred(x[1], x[3], t + 6, "Dossiers de l'annee")
    p.line(x[1], t + 18, x[3], t + 18)  # under the spanning title only
    centred(x[0], x[1], t + 14, "Service")  # centred over both header rows
    centred(x[1], x[2], t + 23, "recus")
    centred(x[2], x[3], t + 23, "clos")
    head_bottom = t + 34.5
    p.line(x[0], head_bottom, x[-1], head_bottom, width=0.6)
    body = [["Accueil des usagers", "20", "20"], ["Controle", "11", "0"], ["Archives", "7", "5"]]
    for i, (label, a, b) in enumerate(body):
        y = head_bottom + 5 + i * 16.5
        p.text(x[0] + 5, y, label, size=size)
        p.text(x[2] - 5, y, a, size=size, right=True)
        p.text(x[3] - 5, y, b, size=size, right=True)
    p.line(x[0], head_bottom + len(body) * 16.5, x[-1], head_bottom + len(body) * 16.5, width=0.8)


# A justified paragraph, line by line (the last line is not stretched). Its first words are
# about as wide, so the stretched spaces after them line up: a "column gap" down the text.
JUSTIFIED = [
    "Pourtant, le nombre des usagers du service a fortement recule depuis",
    "novembre, et la direction n'a pas encore mesure les effets de cette",
    "tendance, dont les causes restent mal connues (graphique n° 3). En mars",
    "dernier, le service comptait encore plusieurs milliers d'usagers actifs.",
    "Depuis, il en a perdu plus de la moitie.",
]


def justified_paragraph(p: Page, x0: float, top: float, lines: Sequence[str] = JUSTIFIED) -> float:
    """Justified body text from x0, every space of a line (but the last) stretched by the
    same amount to a common right margin, chosen so that spaces are at least 0.9 em wide, as
    in a report's justified text that does not hyphenate. Returns the right margin."""
    size = 10.0
    p.c.setFont(FONT, size)
    words = [line.split() for line in lines]
    widths = [sum(p.c.stringWidth(w, FONT, size) for w in ws) for ws in words]
    x1 = x0 + max(w + 0.9 * size * (len(ws) - 1) for w, ws in zip(widths, words, strict=True))
    space = p.c.stringWidth(" ", FONT, size)
    for i, (ws, width) in enumerate(zip(words, widths, strict=True)):
        last = i == len(words) - 1
        gap = space if last else (x1 - x0 - width) / (len(ws) - 1)
        x = x0
        for w in ws:
            p.c.drawString(x, HEIGHT - top - i * 14 - size * 0.8, w)
            x += p.c.stringWidth(w, FONT, size) + gap
    return x1


def bar_chart(p: Page, x0: float, top: float, x1: float, bottom: float) -> None:
    """A small bar chart: title, axis labels, two bars with their value labels."""
    p.text(x0 + 20, top, "Graphique n° 3 : Usagers uniques mensuels", size=9)
    axis_x = x0 + 30
    for i, label in enumerate(["25 000", "20 000", "15 000", "10 000", "5 000", "0"]):
        y = top + 20 + i * (bottom - top - 40) / 5
        p.text(axis_x - 3, y - 3, label, size=7.5, right=True)
        p.line(axis_x, y, x1, y, width=0.3)
    base = top + 20 + (bottom - top - 40)
    for k, (label, value, height) in enumerate([("mars", "22 043", 0.88), ("dec.", "8 015", 0.32)]):
        bx = axis_x + 40 + k * (x1 - axis_x) / 2
        h = height * (bottom - top - 40)
        p.fill(bx, base - h, bx + 40, base, grey=0.4)
        p.text(bx + 20, base - h - 11, value, size=7.5)
        p.text(bx + 5, base + 4, label, size=7.5)


CONTENTS = [
    ("Introduction", 3, 0),
    ("Chapitre I - Des moyens en hausse, une strategie instable", 4, 0),
    ("I - Une organisation en mutation rapide", 4, 1),
    ("II - Une strategie interrompue sans avoir ete evaluee", 6, 1),
    ("Chapitre II - Une offre de services couteuse", 8, 0),
    ("I - Une offre onereuse pour les finances publiques", 8, 1),
    ("II - Une offre peu connue et peu utilisee", 10, 1),
    ("Conclusion", 14, 0),
]


def contents_page(p: Page, leaders: bool = False) -> None:
    """A table of contents: one heading a line, its page number at the right margin.

    With `leaders`, headings lose their section numbers and run on with dotted leaders."""
    p.text(255, 70, "Sommaire", size=15)
    for i, (title, page, level) in enumerate(CONTENTS):
        y = 117 + i * 21
        x0 = 71 + 17 * level
        if leaders:
            title = _with_leaders(title.split(" - ", 1)[-1], x0, p)
        p.text(x0, y, title, size=10)
        p.text(524, y, str(page), size=10, right=True)


def _with_leaders(title: str, x0: float, p: Page) -> str:
    """The title run on with dotted leaders up to just before the page numbers."""
    width = p.c.stringWidth(title + " ", FONT, 10)
    dots = int((505 - x0 - width) / p.c.stringWidth(".", FONT, 10))
    return title + " " + "." * dots
