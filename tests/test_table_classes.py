"""Failure classes of the table finder beyond the benchmark it was first measured on, each
on a small PDF drawn here: tables typed as text, wrapped cells, spanning headers, detection."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from extract.pdf import read_page
from extract.tables import find_tables
from tests.table_pdfs import HEIGHT, PROSE, Page, make_pdf

MONO = 9.0


def _tables(path: Path):
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        try:
            return find_tables(read_page(page))
        finally:
            page.close()


def _texts(table) -> list[list[str]]:
    return [[v or "" for v in row] for row in table.rows()]


def _typed(p: Page, top: float, lines: list[str]) -> None:
    p.c.setFont("Courier", MONO)
    for i, line in enumerate(lines):
        p.c.drawString(60, HEIGHT - top - i * 1.2 * MONO - MONO, line)


TYPED_TABLE = [
    "-" * 52,
    "Service                         2022      2023",
    "-" * 52,
    "Personnel ..................   12 400    13 050",
    "Hosting and network ........    3 210     2 980",
    "Licences ...................      870       910",
    "-" * 52,
    "Total ......................   16 480    16 940",
    "-" * 52,
]


def test_table_typed_in_a_monospaced_font_with_dash_rules_and_leaders(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        _typed(p, below + 20, TYPED_TABLE)
        p.paragraph(below + 40 + len(TYPED_TABLE) * 1.2 * MONO)

    tables = _tables(make_pdf(tmp_path / "typed.pdf", draw))
    assert len(tables) == 1
    assert _texts(tables[0]) == [
        ["Service", "2022", "2023"],
        ["Personnel", "12 400", "13 050"],
        ["Hosting and network", "3 210", "2 980"],
        ["Licences", "870", "910"],
        ["Total", "16 480", "16 940"],
    ]


def test_dashes_and_dots_in_prose_stay_text(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.paragraph(80)
        p.text(60, 130, "Les montants restent stables --- voir plus loin ... " + PROSE[:40])
        p.paragraph(150)

    assert _tables(make_pdf(tmp_path / "prose.pdf", draw)) == []


def _unruled_wrapped(p: Page, top: float, continuation: list[str]) -> float:
    """A table without rules whose third row's label wraps onto the given lines."""
    rows = [
        (["Poste", "2022", "2023"], []),
        (["Personnel", "12 400", "13 050"], []),
        (["Hosting", "3 210", "2 980"], []),
        (["Accompagnement des projets", "870", "910"], continuation),
        (["Licences", "450", "470"], []),
    ]
    y = top
    for cells, more in rows:
        p.text(60, y, cells[0])
        p.text(330, y, cells[1], right=True)
        p.text(420, y, cells[2], right=True)
        for line in more:
            y += 11
            p.text(60, y, line)
        y += 15
    return y


def test_label_wrapped_on_three_lines_in_the_last_row_before_prose(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        y = _unruled_wrapped(p, below + 20, [])
        p.text(60, y, "Travaux de modernisation des")
        p.text(330, y, "1 100", right=True)
        p.text(420, y, "1 240", right=True)
        p.text(60, y + 11, "systemes et de leurs")
        p.text(60, y + 22, "interfaces")
        p.paragraph(y + 36)

    tables = _tables(make_pdf(tmp_path / "wrapped_last.pdf", draw))
    assert len(tables) == 1
    assert _texts(tables[0])[-1] == [
        "Travaux de modernisation des systemes et de leurs interfaces",
        "1 100",
        "1 240",
    ]
