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


# Rows 16 pt apart, wrapped lines of a cell 10.5 pt apart: the table shows two pitches.
ROW_PITCH = 16.0
LEADING = 10.5


def _pitched_table(
    p: Page,
    top: float,
    rows: list[tuple[list[str], list[str]]],
    leading: float = LEADING,
    row_pitch: float = ROW_PITCH,
) -> float:
    """Rows of (label, two figures, remark); wrapped lines ("label|remark") below each."""
    y = top
    for cells, wrapped in rows:
        for x, text, right in (
            (60, cells[0], False),
            (300, cells[1], True),
            (370, cells[2], True),
            (390, cells[3], False),
        ):
            if text:
                p.text(x, y, text, right=right)
        for k, line in enumerate(wrapped, start=1):
            label, remark = (line.split("|") + [""])[:2]
            if label:
                p.text(60, y + k * leading, label)
            if remark:
                p.text(390, y + k * leading, remark)
        y += row_pitch + len(wrapped) * leading
    return y


PITCHED = [
    (["Organisme", "2022", "2023", "Remarques"], []),
    (
        ["Direction du numerique et", "47 440", "64 463", "Hausse liee aux"],
        ["Mission Etalab|Recrutements"],
    ),
    (["Agence nationale des titres", "58 036", "76 828", "Stable"], []),
    (["Depenses de fonctionnement", "", "", ""], []),
    (
        ["Centre de Services", "70 250", "38 849", "Stable"],
        ["Informatiques relatifs aux", "Ressources Humaines"],
    ),
    (["Operateur national", "5 831", "46 131", "Stable"], []),
]


def test_capitalised_continuation_at_the_leading_joins_its_row(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        p.paragraph(_pitched_table(p, below + 20, PITCHED) + 10)

    tables = _tables(make_pdf(tmp_path / "pitched.pdf", draw))
    assert len(tables) == 1
    assert _texts(tables[0]) == [
        ["Organisme", "2022", "2023", "Remarques"],
        [
            "Direction du numerique et Mission Etalab",
            "47 440",
            "64 463",
            "Hausse liee aux Recrutements",
        ],
        ["Agence nationale des titres", "58 036", "76 828", "Stable"],
        # A label alone at the row pitch is a row of its own (a section), not wrapped text.
        ["Depenses de fonctionnement", "", "", ""],
        [
            "Centre de Services Informatiques relatifs aux Ressources Humaines",
            "70 250",
            "38 849",
            "Stable",
        ],
        ["Operateur national", "5 831", "46 131", "Stable"],
    ]


def test_rules_between_rows_join_the_wrapped_lines_of_a_row(tmp_path: Path) -> None:
    pitch = 12.0  # the same for rows and wrapped lines: only the rules tell them apart

    def draw(p: Page) -> None:
        below = p.paragraph(80)
        y = below + 20
        p.line(55, y - 2, 480, y - 2)
        for row in (r for r in PITCHED if r[0][1]):  # every band holds a line of figures
            y = _pitched_table(p, y, [row], leading=pitch, row_pitch=pitch)
            p.line(55, y - 2, 480, y - 2)
        p.paragraph(y + 20)

    tables = _tables(make_pdf(tmp_path / "ruled_rows.pdf", draw))
    assert len(tables) == 1
    assert _texts(tables[0])[1] == [
        "Direction du numerique et Mission Etalab",
        "47 440",
        "64 463",
        "Hausse liee aux Recrutements",
    ]


def test_key_figures_in_sentences_are_not_a_table(tmp_path: Path) -> None:
    figures = [
        ("20 601", "agents se sont connectes au service au moins une fois dans l'annee"),
        ("28 729", "reunions ont ete organisees chaque mois en moyenne, soit une hausse"),
        ("40 484", "projets ont ete accompagnes depuis la creation du fonds d'investissement"),
    ]

    def draw(p: Page) -> None:
        below = p.paragraph(80)
        for k, (figure, sentence) in enumerate(figures):
            p.text(110, below + 20 + 13 * k, figure, right=True)
            p.text(120, below + 20 + 13 * k, sentence)
        p.paragraph(below + 70)

    assert _tables(make_pdf(tmp_path / "key_figures.pdf", draw)) == []


def test_unruled_header_set_across_two_rows_gives_spans(tmp_path: Path) -> None:
    years = ["2020", "2021", "2022", "2023"]
    right = [250, 320, 390, 460]

    def draw(p: Page) -> None:
        below = p.paragraph(80)
        top = below + 24
        p.text(
            346 - p.c.stringWidth("Repartition par annee", "Helvetica", 9) / 2,
            top,
            "Repartition par annee",
        )
        # The title centred over the years; the label centred on both header rows, so that
        # its line runs into both.
        p.text(60, top + 7, "Poste")
        for x, year in zip(right, years, strict=True):
            p.text(x, top + 14, year, right=True)
        for r, label in enumerate(["Personnel", "Hosting", "Licences", "Formation"]):
            p.text(60, top + 30 + 14 * r, label)
            for k, x in enumerate(right):
                p.text(
                    x,
                    top + 30 + 14 * r,
                    f"{(r + 2) * (k + 3) * 111:,}".replace(",", " "),
                    right=True,
                )
        p.paragraph(top + 100)

    tables = _tables(make_pdf(tmp_path / "unruled_header.pdf", draw))
    assert len(tables) == 1
    table = tables[0]
    title = next(c for c in table.cells if c.text == "Repartition par annee")
    assert (title.row, title.col, title.col_span) == (0, 1, 4)
    assert _texts(table)[1][1:] == years
    assert any(c.text == "Poste" and c.col == 0 and c.row == 0 for c in table.cells)


def _figure_rows(p: Page, top: float, labels: list[str], pitch: float = 14.0) -> float:
    for r, label in enumerate(labels):
        p.text(60, top + pitch * r, label)
        for k, x in enumerate((300, 380, 460)):
            p.text(x, top + pitch * r, f"{(r + 3) * (k + 7) * 97:,}".replace(",", " "), right=True)
    return top + pitch * len(labels)


def test_rows_in_groups_set_apart_stay_one_table(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        top = below + 20
        for x, head in ((60, "Poste"), (300, "2021"), (380, "2022"), (460, "2023")):
            p.text(x, top, head, right=x > 60)
        y = _figure_rows(p, top + 14, ["Personnel", "Hosting", "Licences"])
        y = _figure_rows(p, y + 12, ["Formation", "Conseil"])  # a blank line between groups
        p.paragraph(y + 20)

    tables = _tables(make_pdf(tmp_path / "groups.pdf", draw))
    assert len(tables) == 1
    assert [row[0] for row in _texts(tables[0])] == [
        "Poste",
        "Personnel",
        "Hosting",
        "Licences",
        "Formation",
        "Conseil",
    ]


def test_a_header_in_other_columns_below_figures_starts_another_table(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        top = below + 20
        for x, head in ((60, "Poste"), (300, "2021"), (380, "2022"), (460, "2023")):
            p.text(x, top, head, right=x > 60)
        y = _figure_rows(p, top + 14, ["Personnel", "Hosting", "Licences"])
        # The next table, a little further down, with columns of its own.
        for x, head in ((60, "Service"), (250, "Agents"), (330, "Remarques")):
            p.text(x, y + 6, head, right=x == 250)
        for r, (label, count, remark) in enumerate(
            [
                ("Messagerie", "120", "Stable"),
                ("Visio", "85", "En hausse"),
                ("Partage", "40", "Stable"),
            ]
        ):
            p.text(60, y + 20 + 14 * r, label)
            p.text(250, y + 20 + 14 * r, count, right=True)
            p.text(330, y + 20 + 14 * r, remark)
        p.paragraph(y + 80)

    tables = _tables(make_pdf(tmp_path / "adjacent.pdf", draw))
    assert [_texts(t)[0][0] for t in tables] == ["Poste", "Service"]
    assert [t.n_rows for t in tables] == [4, 4]


def test_header_cells_wrapped_to_different_heights_make_one_row(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        top = below + 20
        # Centred on one header row: three lines, two lines and one line of text.
        for k, line in enumerate(["Credits ouverts", "en loi de", "finances"]):
            p.text(300 - p.c.stringWidth(line, "Helvetica", 9) / 2, top + 10.5 * k, line)
        for k, line in enumerate(["Credits", "consommes"]):
            p.text(380 - p.c.stringWidth(line, "Helvetica", 9) / 2, top + 5 + 10.5 * k, line)
        p.text(60, top + 10.5, "Poste")
        p.text(460 - p.c.stringWidth("Taux", "Helvetica", 9) / 2, top + 10.5, "Taux")
        p.paragraph(_figure_rows(p, top + 40, ["Personnel", "Hosting", "Licences", "Conseil"]) + 20)

    tables = _tables(make_pdf(tmp_path / "wrapped_header.pdf", draw))
    assert len(tables) == 1
    assert _texts(tables[0])[0] == [
        "Poste",
        "Credits ouverts en loi de finances",
        "Credits consommes",
        "Taux",
    ]


def test_a_cell_set_apart_in_its_column_makes_no_column_of_its_own(tmp_path: Path) -> None:
    rows = [
        ("Personnel", "12 400", "+4 %"),
        ("Hosting", "3 210", "n.d."),
        ("Licences", "870", "-2 %"),
    ]

    def draw(p: Page) -> None:
        below = p.paragraph(80)
        top = below + 20
        for x, head in ((60, "Poste"), (300, "2023"), (400, "Evolution")):
            p.text(x, top, head, right=x == 300)
        for r, (label, amount, change) in enumerate(rows):
            y = top + 14 * (r + 1)
            p.text(60, y, label)
            p.text(300, y, amount, right=True)
            # Changes centred under their header, except the note set at the column's left.
            x = 360 if change == "n.d." else 420 - p.c.stringWidth(change, "Helvetica", 9) / 2
            p.text(x, y, change)
        p.paragraph(top + 80)

    tables = _tables(make_pdf(tmp_path / "apart.pdf", draw))
    assert len(tables) == 1
    assert _texts(tables[0]) == [
        ["Poste", "2023", "Evolution"],
        ["Personnel", "12 400", "+4 %"],
        ["Hosting", "3 210", "n.d."],
        ["Licences", "870", "-2 %"],
    ]
