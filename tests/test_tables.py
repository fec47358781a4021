"""Table finder and grid builder on small PDFs made with reportlab (see table_pdfs.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest

from extract.pdf import read_page
from extract.tables import extract_tables, find_tables
from extract.tables.cli import main
from tests.table_pdfs import (
    BODY,
    EDGES,
    FONT,
    HEADER,
    ROW_H,
    SIZE,
    TEXT_X,
    Page,
    bar_chart,
    contents_page,
    justified_paragraph,
    make_pdf,
    two_row_header_table,
)

TABLE = [HEADER, *BODY]


def _tables(path: Path, page_no: int = 1):
    with pdfplumber.open(path) as pdf:
        page = read_page(pdf.pages[page_no - 1])
    return find_tables(page)


def _texts(table) -> list[list[str]]:
    return [[v or "" for v in row] for row in table.rows()]


def _only_table(path: Path):
    tables = _tables(path)
    assert len(tables) == 1, [_texts(t) for t in tables]
    return tables[0]


def _grid_lines(p: Page, tops: list[float]) -> None:
    for y in tops:
        p.line(EDGES[0], y, EDGES[-1], y)
    for x in EDGES:
        p.line(x, tops[0], x, tops[-1])


def test_fully_ruled_table(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        _grid_lines(p, p.rows(TEXT_X, below + 30, TABLE))
        p.paragraph(below + 30 + 6 * ROW_H + 20)

    table = _only_table(make_pdf(tmp_path / "ruled.pdf", draw))
    assert _texts(table) == TABLE
    assert table.header_rows == 1
    assert all(c.is_header == (c.row == 0) for c in table.cells)


def test_thin_filled_rect_rules_that_do_not_meet(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        tops = p.rows(TEXT_X, 100, TABLE)
        gap = 1.5  # the rules stop short of each other at every crossing
        for y in tops:
            for x0, x1 in zip(EDGES, EDGES[1:], strict=False):
                p.fill(x0 + gap, y - 0.3, x1 - gap, y + 0.3)
        for x in EDGES:
            for y0, y1 in zip(tops, tops[1:], strict=False):
                p.fill(x - 0.3, y0 + gap, x + 0.3, y1 - gap)

    assert _texts(_only_table(make_pdf(tmp_path / "rects.pdf", draw))) == TABLE


def test_horizontal_rules_only(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        tops = p.rows(TEXT_X, below + 30, TABLE)
        for y in (tops[0], tops[1], tops[-1]):  # header rule, rule under header, bottom rule
            p.line(EDGES[0], y, EDGES[-1], y)
        p.paragraph(tops[-1] + 20)

    table = _only_table(make_pdf(tmp_path / "hrules.pdf", draw))
    assert _texts(table) == TABLE
    assert table.header_rows == 1


def test_rules_only_in_header(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        tops = p.rows(TEXT_X, 120, TABLE)
        p.line(EDGES[0], tops[0], EDGES[-1], tops[0])
        p.line(EDGES[0], tops[1], EDGES[-1], tops[1])
        for x in EDGES:  # vertical rules in the header band only
            p.line(x, tops[0], x, tops[1])
        p.paragraph(tops[-1] + 25)

    table = _only_table(make_pdf(tmp_path / "header_rules.pdf", draw))
    assert _texts(table) == TABLE


def test_no_rules_text_alignment(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        tops = p.rows(TEXT_X, below + 24, TABLE)
        p.paragraph(tops[-1] + 24)

    table = _only_table(make_pdf(tmp_path / "norules.pdf", draw))
    assert _texts(table) == TABLE
    assert table.bbox[1] > 110  # the paragraph above is not in the table


def test_shaded_backgrounds_do_not_make_columns(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        tops = [120 + i * ROW_H for i in range(len(TABLE) + 1)]
        p.fill(EDGES[0], tops[0], EDGES[-1], tops[1], grey=0.8)  # header band
        for i in range(2, len(TABLE), 2):  # zebra rows
            p.fill(EDGES[0], tops[i], EDGES[-1], tops[i + 1], grey=0.9)
        p.fill(EDGES[0] + 20, tops[3], 230, tops[4], grey=0.7)  # a shaded cell, offset
        p.rows(TEXT_X, 120, TABLE)
        for y in (tops[0], tops[-1]):
            p.line(EDGES[0], y, EDGES[-1], y)

    table = _only_table(make_pdf(tmp_path / "shaded.pdf", draw))
    assert table.n_cols == 4
    assert _texts(table) == TABLE


def test_spanning_header_cell(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.text(250, 100, "Exercice budgetaire")  # centred over columns 2022 and 2023
        tops = p.rows(TEXT_X, 100 + ROW_H, TABLE)
        p.line(EDGES[0], 96, EDGES[-1], 96)
        p.line(EDGES[1] + 4, tops[0] - 1, EDGES[3] - 4, tops[0] - 1)  # under the span only
        p.line(EDGES[0], tops[1], EDGES[-1], tops[1])
        p.line(EDGES[0], tops[-1], EDGES[-1], tops[-1])

    table = _only_table(make_pdf(tmp_path / "span.pdf", draw))
    span = next(c for c in table.cells if c.text == "Exercice budgetaire")
    assert (span.row, span.col, span.col_span, span.row_span) == (0, 1, 2, 1)
    rows = table.rows()
    assert rows[0] == ["", "Exercice budgetaire", None, ""]
    assert [v or "" for v in rows[1]] == HEADER
    assert table.header_rows == 2


def test_boxed_paragraph_is_not_a_table(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.box(55, 90, 540, 160)
        p.text(65, 96, "Recommandation n° 3")
        p.paragraph(112, lines=3, x0=65)
        p.paragraph(200)

    assert _tables(make_pdf(tmp_path / "boxed.pdf", draw)) == []


def test_single_column_list_is_not_a_table(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.paragraph(80, lines=2)
        for i, item in enumerate(
            [
                "renforcer le pilotage des effectifs du programme",
                "fiabiliser les donnees de gestion des agents",
                "publier un rapport annuel de performance detaille",
                "simplifier les circuits de validation budgetaire",
            ]
        ):
            p.text(70, 120 + i * 14, "•")
            p.text(84, 120 + i * 14, item)
        p.paragraph(190, lines=2)

    assert _tables(make_pdf(tmp_path / "list.pdf", draw)) == []


def test_list_of_short_items_is_not_a_table(tmp_path: Path) -> None:
    # Short items behind dashes, and the paragraph after the list starting where the dashes
    # stand: its first line reads as one more row.
    def draw(p: Page) -> None:
        p.paragraph(80, lines=2, x0=62)
        for i, item in enumerate(
            ["trois sites ;", "neuf agences ;", "douze guichets ;", "40 bornes."]
        ):
            p.text(62, 110 + i * 13, "–")
            p.text(80, 111 + i * 13, item)
        p.paragraph(110 + 4 * 13, lines=3, x0=62)

    assert _tables(make_pdf(tmp_path / "short_list.pdf", draw)) == []


def test_caption_unit_and_source_are_attached_not_gridded(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        below = p.paragraph(70)
        p.text(62, below + 20, "Tableau n° 2 : Effectifs par produit (en ETP)", size=10)
        tops = p.rows(TEXT_X, below + 42, TABLE)
        for y in (tops[0], tops[1], tops[-1]):
            p.line(EDGES[0], y, EDGES[-1], y)
        p.text(62, tops[-1] + 5, "Source : Cour des comptes", size=8)
        p.paragraph(tops[-1] + 30)

    table = _only_table(make_pdf(tmp_path / "caption.pdf", draw))
    assert table.caption == "Tableau n° 2 : Effectifs par produit (en ETP)"
    assert table.number == 2
    assert table.unit_note == "en ETP"
    assert table.source_line == "Source : Cour des comptes"
    assert _texts(table) == TABLE


def test_unit_note_line_under_caption(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.text(62, 80, "Tableau 4 : Depenses par mission", size=10)
        p.text(380, 96, "En millions d'euros", size=8)
        tops = p.rows(TEXT_X, 112, TABLE)
        for y in (tops[0], tops[1], tops[-1]):
            p.line(EDGES[0], y, EDGES[-1], y)

    table = _only_table(make_pdf(tmp_path / "unit.pdf", draw))
    assert (table.number, table.unit_note) == (4, "En millions d'euros")
    assert _texts(table) == TABLE


def _split_table_pdf(path: Path, repeat_header: bool) -> Path:
    more = [["Action sociale", "75", "80", "6,7 %"], ["Gestion", "640", "610", "-4,7 %"]]

    def first(p: Page) -> None:
        below = p.paragraph(70, lines=20)
        p.text(62, below + 20, "Tableau n° 5 : Charges par branche", size=10)
        tops = p.rows(TEXT_X, below + 40, TABLE)
        for y in (tops[0], tops[1], tops[-1]):
            p.line(EDGES[0], y, EDGES[-1], y)
        p.text(62, 800, "12", size=8)  # folio in the bottom margin

    def second(p: Page) -> None:
        rows = [HEADER, *more] if repeat_header else more
        tops = p.rows(TEXT_X, 70, rows)
        p.line(EDGES[0], tops[0], EDGES[-1], tops[0])
        if repeat_header:
            p.line(EDGES[0], tops[1], EDGES[-1], tops[1])
        p.line(EDGES[0], tops[-1], EDGES[-1], tops[-1])
        p.text(62, tops[-1] + 5, "Source : Cour des comptes", size=8)
        p.paragraph(tops[-1] + 40)

    return make_pdf(path, first, second)


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_split_across_pages_is_joined(tmp_path: Path, repeat_header: bool) -> None:
    tables = extract_tables(_split_table_pdf(tmp_path / "split.pdf", repeat_header))
    assert len(tables) == 1
    table = tables[0]
    assert table.page == 1 and table.continued_on == [2]
    assert table.number == 5
    assert table.source_line == "Source : Cour des comptes"
    texts = _texts(table)
    assert texts[: len(TABLE)] == TABLE
    assert [r[0] for r in texts[len(TABLE) :]] == ["Action sociale", "Gestion"]


def test_separate_tables_on_consecutive_pages_are_not_joined(tmp_path: Path) -> None:
    def page(number: int):
        def draw(p: Page) -> None:
            p.text(62, 70, f"Tableau {number} : Charges", size=10)
            tops = p.rows(TEXT_X, 90, TABLE)
            for y in (tops[0], tops[1], tops[-1]):
                p.line(EDGES[0], y, EDGES[-1], y)
            p.paragraph(tops[-1] + 30, lines=30)

        return draw

    tables = extract_tables(make_pdf(tmp_path / "two.pdf", page(1), page(2)))
    assert [(t.page, t.number, t.continued_on) for t in tables] == [(1, 1, []), (2, 2, [])]


def test_cli_writes_benchmark_format(tmp_path: Path) -> None:
    pdf_dir = tmp_path / "pdfs"
    pdf_dir.mkdir()
    _split_table_pdf(pdf_dir / "doc.pdf", repeat_header=True)
    assert main([str(pdf_dir), str(tmp_path / "out")]) == 0
    data = json.loads((tmp_path / "out" / "doc.json").read_text(encoding="utf-8"))
    assert data["seconds"] > 0
    # The benchmark scores per page: the joined table is written as its two page parts.
    assert [t["page"] for t in data["tables"]] == [1, 2]
    assert data["tables"][0]["rows"] == TABLE
    assert len(data["tables"][0]["bbox"]) == 4


def test_two_row_header_follows_the_body_columns(tmp_path: Path) -> None:
    table = _only_table(make_pdf(tmp_path / "two_row_header.pdf", two_row_header_table))
    assert table.n_cols == 3
    assert table.header_rows == 2
    assert _texts(table) == [
        ["Service", "Dossiers de l'annee", ""],
        ["", "recus", "clos"],
        ["Accueil des usagers", "20", "20"],
        ["Controle", "11", "0"],
        ["Archives", "7", "5"],
    ]
    spans = {c.text: (c.row, c.col, c.row_span, c.col_span) for c in table.cells}
    assert spans["Dossiers de l'annee"] == (0, 1, 1, 2)
    assert spans["Service"] == (0, 0, 2, 1)  # centred over both header rows
    assert all(c.is_header == (c.row < 2) for c in table.cells)


@pytest.mark.parametrize("beside", [False, True])
def test_justified_prose_near_a_chart_is_not_a_table(tmp_path: Path, beside: bool) -> None:
    def draw(p: Page) -> None:
        p.paragraph(70)
        right = justified_paragraph(p, 71, 130)
        if beside:  # the chart to the right of the paragraph, on the same lines
            bar_chart(p, right + 15, 120, right + 120, 300)
        else:
            bar_chart(p, 100, 210, 480, 390)

    assert _tables(make_pdf(tmp_path / "prose.pdf", draw)) == []


@pytest.mark.parametrize("leaders", [False, True])
def test_table_of_contents_is_not_a_table(tmp_path: Path, leaders: bool) -> None:
    def draw(p: Page) -> None:
        contents_page(p, leaders)

    assert _tables(make_pdf(tmp_path / "contents.pdf", draw)) == []


def test_uncaptioned_table_of_rising_counts_is_kept(tmp_path: Path) -> None:
    rows = [["Niveau", "Nombre"], ["Axes", "2"], ["Missions", "8"], ["Programmes", "35"]]

    def draw(p: Page) -> None:
        tops = p.rows([70, 300], 100, rows)
        for y in (tops[0], tops[1], tops[-1]):
            p.line(EDGES[0], y, 320, y)

    assert _texts(_only_table(make_pdf(tmp_path / "counts.pdf", draw))) == rows


@pytest.mark.parametrize("ruled", [True, False])
def test_figures_after_a_sign_are_body_not_header(tmp_path: Path, ruled: bool) -> None:
    rows = [
        ["Outil", "2022", "2023", "Evolution"],
        ["Messagerie", "> 75 %", "< 3 000", "> 4,8 %"],
        ["Agenda", "< 40 %", "< 1 002", "< 2,2 %"],
        ["Annuaire", "61 %", "12 M€", "-1,7 %"],
        ["Visio", "52 %", "9 M€", "3,1 %"],
        ["Stockage", "47 %", "8 M€", "1,2 %"],
    ]

    def draw(p: Page) -> None:
        tops = p.rows(TEXT_X, 120, rows)
        if ruled:
            for y in (tops[0], tops[1], tops[-1]):
                p.line(EDGES[0], y, EDGES[-1], y)
        p.paragraph(tops[-1] + 25)

    table = _only_table(make_pdf(tmp_path / "signs.pdf", draw))
    assert _texts(table) == rows
    assert table.header_rows == 1


def test_caption_of_a_table_in_one_column_of_two(tmp_path: Path) -> None:
    """The other column's prose, at the caption's height, is not the caption's."""
    right = [
        "Le service a engage en 2024 une revue",
        "de ses depenses de maintenance, pour",
        "un montant de 1 850 milliers d'euros et",
        "un calendrier revu a la fin de 2025.",
        "La Cour recommande de la poursuivre.",
        "Elle en suivra la mise en oeuvre.",
        "Les services ont ete consultes.",
        "Les reponses figurent en annexe.",
    ]
    rows = [["Service", "Agents"], ["Accueil", "12"], ["Archives", "7"], ["Controle", "31"]]

    def draw(p: Page) -> None:
        p.text(56, 100, "Tableau n° 3 : Effectifs des services", size=9)
        p.text(56, 112, "de la direction en 2023", size=9)
        tops = p.rows([60, 250], 130, rows)
        for y in (tops[0], tops[1], tops[-1]):
            p.line(56, y, 270, y)
        for i, line in enumerate(right):
            p.text(320, 100 + i * 12, line, size=9)

    table = _only_table(make_pdf(tmp_path / "two_columns.pdf", draw))
    assert table.caption == "Tableau n° 3 : Effectifs des services de la direction en 2023"
    assert _texts(table) == rows


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_continued_in_the_next_column_is_joined(tmp_path: Path, repeat_header: bool) -> None:
    """A part captioned "(suite)" at the top of the right column continues the table at the
    bottom of the left one, though it comes first in reading order."""
    head = ["Service", "Agents"]
    first = [["Accueil", "12"], ["Archives", "7"], ["Controle", "31"]]
    more = [["Courrier", "4"], ["Standard", "9"], ["Guichet", "15"]]

    def table(p: Page, x0: float, top: float, caption: str, rows: list[list[str]]) -> None:
        p.text(x0, top, caption, size=9)
        tops = p.rows([x0 + 4, x0 + 190], top + 18, rows)
        for y in (tops[0], tops[1], tops[-1]):
            p.line(x0, y, x0 + 210, y)

    def draw(p: Page) -> None:
        for i in range(30):
            p.text(56, 80 + i * 12, "Texte du rapport sur la colonne de gauche.", size=9)
        table(p, 56, 470, "Tableau n° 4 : Effectifs par service", [head, *first])
        table(
            p,
            320,
            80,
            "Tableau n° 4 : Effectifs par service (suite)",
            [head, *more] if repeat_header else more,
        )
        for i in range(30):
            p.text(320, 200 + i * 12, "Texte du rapport sur la colonne de droite.", size=9)

    tables = extract_tables(make_pdf(tmp_path / "columns.pdf", draw))
    assert len(tables) == 1, [_texts(t) for t in tables]
    assert _texts(tables[0]) == [head, *first, *more]
    assert tables[0].continued_on == []


def test_header_wider_than_its_column_stays_a_cell_of_its_own(tmp_path: Path) -> None:
    """A long header set over narrow figures reaches into the column before it: it is still
    the header of its own column, not one cell with its neighbour's header."""
    head = ["Outil", "Alpha", "Visioconference interministerielle"]
    body = [["Janvier", "12", "n.d."], ["Fevrier", "n.d.", "15"], ["Mars", "9", "21"]]

    def draw(p: Page) -> None:
        p.text(60, 120, head[0])
        p.text(230, 120, head[1], right=True)
        p.text(250, 120, head[2])
        for i, (label, a, b) in enumerate(body):
            y = 120 + (i + 1) * ROW_H
            p.text(60, y, label)
            p.text(230, y, a, right=True)
            p.text(330, y, b, right=True)
        for y in (117, 117 + ROW_H, 117 + 4 * ROW_H):
            p.line(56, y, 420, y)
        p.paragraph(200)

    table = _only_table(make_pdf(tmp_path / "wide_header.pdf", draw))
    assert _texts(table) == [head, *body]


def test_header_line_left_above_a_ruled_table_is_not_caption(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.text(62, 80, "Tableau n° 6 : Charges par branche", size=10)
        p.text(62, 94, "et par exercice", size=10)
        p.text(70, 108, "Branche")
        p.text(260, 108, "Exercice", right=True)
        tops = p.rows(TEXT_X, 124, TABLE)
        for y in (tops[0], tops[1], tops[-1]):
            p.line(EDGES[0], y, EDGES[-1], y)
        p.paragraph(tops[-1] + 30)

    tables = _tables(make_pdf(tmp_path / "header_above.pdf", draw))
    assert [t.caption for t in tables] == ["Tableau n° 6 : Charges par branche et par exercice"]


def test_row_label_wrapped_around_its_figures_is_one_row(tmp_path: Path) -> None:
    """Cells centred vertically: a two-line label sits above and below its row's figures."""

    def draw(p: Page) -> None:
        p.text(70, 120, "Poste")
        p.text(260, 120, "2022", right=True)
        p.text(340, 120, "2023", right=True)
        p.text(70, 140, "Accueil")
        p.text(260, 140, "12", right=True)
        p.text(340, 140, "14", right=True)
        p.text(70, 156, "Maintenance des")
        p.text(260, 163, "5 600", right=True)
        p.text(340, 163, "1 850", right=True)
        p.text(70, 170, "applications (estimee)")
        p.text(70, 190, "Archives")
        p.text(260, 190, "7", right=True)
        p.text(340, 190, "9", right=True)
        for y in (117, 133, 203):
            p.line(62, y, 350, y)
        p.paragraph(230)

    table = _only_table(make_pdf(tmp_path / "centred.pdf", draw))
    assert _texts(table) == [
        ["Poste", "2022", "2023"],
        ["Accueil", "12", "14"],
        ["Maintenance des applications (estimee)", "5 600", "1 850"],
        ["Archives", "7", "9"],
    ]


def test_a_word_wrapped_on_its_hyphen_joins_without_space(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.text(70, 120, "Poste")
        p.text(200, 120, "Periode", right=True)
        p.text(300, 120, "Montant", right=True)
        p.text(70, 140, "Realisation")
        p.text(200, 140, "2021-", right=True)
        p.text(300, 140, "5 600", right=True)
        p.text(200, 151, "2023", right=True)
        p.text(70, 170, "Sous-")
        p.text(300, 170, "7 450", right=True)
        p.text(70, 181, "total")
        p.text(70, 200, "Licences")
        p.text(200, 200, "2024", right=True)
        p.text(300, 200, "1 850", right=True)
        for y in (117, 133, 163, 193, 213):
            p.line(62, y, 310, y)
        p.paragraph(240)

    table = _only_table(make_pdf(tmp_path / "hyphen.pdf", draw))
    assert [row[:2] for row in _texts(table)] == [
        ["Poste", "Periode"],
        ["Realisation", "2021-2023"],
        ["Sous-total", ""],
        ["Licences", "2024"],
    ]


def test_a_label_wrapped_around_its_figure_leaves_the_next_row_its_own(tmp_path: Path) -> None:
    """Unruled body rows: a two-line label centred on its figure, then a one-line row. The
    two figures on two lines are two rows, not one cell reading "79 138"."""

    def draw(p: Page) -> None:
        p.text(70, 120, "Nature des credits")
        p.text(300, 120, "Montant", right=True)
        p.line(62, 133, 310, 133)
        p.text(70, 140, "Autorisations d'engagement")
        p.text(300, 144.7, "79", right=True)
        p.text(70, 149.4, "(AE)")
        p.text(70, 164.8, "Credits de paiement (CP)")
        p.text(300, 164.8, "138", right=True)
        for y in (117, 177):
            p.line(62, y, 310, y)
        p.paragraph(210)

    table = _only_table(make_pdf(tmp_path / "wrapped_label.pdf", draw))
    assert _texts(table) == [
        ["Nature des credits", "Montant"],
        ["Autorisations d'engagement (AE)", "79"],
        ["Credits de paiement (CP)", "138"],
    ]


def test_a_rule_over_the_figure_columns_closes_a_tall_header(tmp_path: Path) -> None:
    """A title over two sub-headers and a row label between them, ruled under the figure
    columns only, over two body rows: the sub-headers are header, not a row of the body
    whose words would cut the figure columns."""

    def draw(p: Page) -> None:
        p.line(62, 97, 330, 97)
        p.text(200, 100, "Jeux de donnees prioritaires")
        p.text(90, 107, "Ministere")
        p.text(215, 114, "prevus")
        p.text(275, 114, "ouverts")
        p.line(190, 124, 330, 124)
        p.text(70, 130, "Education nationale")
        p.text(250, 130, "20", right=True)
        p.text(325, 130, "20", right=True)
        p.text(70, 144, "Justice")
        p.text(250, 144, "11", right=True)
        p.text(325, 144, "0", right=True)
        p.line(62, 157, 330, 157)
        p.paragraph(190)

    table = _only_table(make_pdf(tmp_path / "figure_rule.pdf", draw))
    assert table.n_cols == 3
    assert _texts(table)[-2:] == [["Education nationale", "20", "20"], ["Justice", "11", "0"]]
    header = {c.text: c.col for c in table.cells if c.is_header}
    assert (header["prevus"], header["ouverts"]) == (1, 2)


def _header_cols(table) -> dict[str, int]:
    return {c.text: c.col for c in table.cells if c.is_header}


def test_a_transposed_table_of_one_row_under_a_wrapped_header(tmp_path: Path) -> None:
    """Unruled: headers wrapped on two lines ("Autorisations" / "d'engagement", one of them
    reaching over the label column), then a single row of figures."""

    def draw(p: Page) -> None:
        p.text(66, 300, "Categorie de credits", size=10)
        p.text(200, 300, "Autorisations", size=10)
        p.text(290, 300, "Credits de", size=10)
        p.text(531, 300, "dont titre 2 (masse salariale)", size=10, right=True)
        p.text(190, 313, "d'engagement", size=10)
        p.text(292, 313, "paiement", size=10)
        p.text(64, 329, "Montant (en millions", size=10)
        p.text(267, 329, "79,0", size=10, right=True)
        p.text(333, 329, "138,0", size=10, right=True)
        p.text(531, 329, "16,0", size=10, right=True)
        p.text(64, 340, "d'euros)", size=10)
        p.paragraph(380)

    table = _only_table(make_pdf(tmp_path / "one_row.pdf", draw))
    assert _texts(table) == [
        ["Categorie de credits", "Autorisations d'engagement", "Credits de paiement"]
        + ["dont titre 2 (masse salariale)"],
        ["Montant (en millions d'euros)", "79,0", "138,0", "16,0"],
    ]


@pytest.mark.parametrize("centred", [False, True])
def test_a_header_wrapped_over_lines_heads_the_figures_under_it(
    tmp_path: Path, centred: bool
) -> None:
    """A header wrapped on three lines beside one-line headers, or on two lines centred on
    them; the widest header stands over its column's figures and into the next column."""
    tops = [457, 469] if centred else [167, 180, 193]
    words = ["Ministere de", "l'education nationale"] if centred else ["Ministere de"]
    words += [] if centred else ["l'education", "nationale"]
    one_line = 463 if centred else 167

    def draw(p: Page) -> None:
        for top, text in zip(tops, words, strict=True):
            p.text(245, top, text, size=10)
        p.text(116, one_line, "Ministere", size=10)
        p.text(400, one_line, "Ministere de la justice (DAG)", size=10)
        body = one_line + (24 if centred else 42)
        rows = [("Jeux prevus", "20", "11"), ("Jeux ouverts", "20", "0")]
        for i, (label, a, b) in enumerate(rows):
            p.text(64, body + 15 * i, label, size=10)
            p.text(322, body + 15 * i, a, size=10, right=True)
            p.text(531, body + 15 * i, b, size=10, right=True)
        p.paragraph(body + 60)

    table = _only_table(make_pdf(tmp_path / "wrapped_header.pdf", draw))
    assert _texts(table)[-2:] == [["Jeux prevus", "20", "11"], ["Jeux ouverts", "20", "0"]]
    header = _header_cols(table)
    assert header["Ministere de la justice (DAG)"] == 2
    assert {header[w] for w in header if w.startswith(("Ministere de", "l'education"))} - {2} == {1}


def test_a_page_number_under_a_table_at_the_foot_is_no_row(tmp_path: Path) -> None:
    def draw(p: Page) -> None:
        p.paragraph(660)
        p.text(70, 720, "Poste")
        p.text(260, 720, "2022", right=True)
        p.text(340, 720, "2023", right=True)
        for i, (label, a, b) in enumerate([("Accueil", "12", "14"), ("Archives", "7", "9")]):
            p.text(70, 738 + 14 * i, label)
            p.text(260, 738 + 14 * i, a, right=True)
            p.text(340, 738 + 14 * i, b, right=True)
        p.text(296, 765, "3")

    table = _only_table(make_pdf(tmp_path / "foot.pdf", draw))
    assert _texts(table) == [
        ["Poste", "2022", "2023"],
        ["Accueil", "12", "14"],
        ["Archives", "7", "9"],
    ]


def test_header_cells_run_together_are_parted_over_their_wrapped_ends(tmp_path: Path) -> None:
    """Narrow header cells nearly touching read as one chunk; the ends of their wrapped texts
    on the next line stand apart, one under each capitalised word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def draw(p: Page) -> None:
        x = 160.0
        for word, end in [("Webconfe", "rence"), ("Webina", "ire"), ("Audioco", "nference")]:
            p.text(x, 120, word)
            p.text(x, 133, end)
            x += stringWidth(word, FONT, SIZE) + 3  # 3 pt apart: one chunk on the first line
        p.text(70, 120, "Produit")
        p.text(400, 120, "AgentConnect")
        p.text(70, 150, "Effectifs")
        for right, value in [(180, "4"), (210, "3"), (265, "0,5"), (455, "5")]:
            p.text(right, 150, value, right=True)
        p.paragraph(190)

    table = _only_table(make_pdf(tmp_path / "run_together.pdf", draw))
    header = _header_cols(table)
    assert [header["Webconfe rence"], header["Webina ire"], header["Audioco nference"]] == [1, 2, 3]


def test_header_of_wrapped_cells_centred_over_one_row_of_figures(tmp_path: Path) -> None:
    """A transposed table: its header cells wrap on one to three lines, each centred
    vertically, so their lines interleave; one row of figures follows, no rule."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 3 : Effectifs par service (en ETP)")
        p.text(70, 136, "Service")
        for x, lines in (
            (250, ["Accueil", "des", "usagers"]),
            (320, ["Archives", "centrales"]),
            (390, ["Courrier"]),
            (460, ["Controle", "interne"]),
        ):
            top = 136 - 5 * (len(lines) - 1)
            for k, text in enumerate(lines):
                p.text(x, top + 10 * k, text, right=True)
        p.text(70, 164, "Agents")
        for x, value in ((250, "12"), (320, "4,5"), (390, "> 7"), (460, "3")):
            p.text(x, 164, value, right=True)
        p.paragraph(200)

    table = _only_table(make_pdf(tmp_path / "transposed.pdf", draw))
    assert table.header_rows == 1
    assert _texts(table) == [
        ["Service", "Accueil des usagers", "Archives centrales", "Courrier", "Controle interne"],
        ["Agents", "12", "4,5", "> 7", "3"],
    ]


def test_figures_of_adjacent_cells_set_close_stay_apart(tmp_path: Path) -> None:
    """Narrow columns: right-aligned figures stand closer than the usual column gap."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 5 : Effectifs par service (en ETP)")
        right = [200.0, 231.5, 262.0]
        rows = [
            ("Service", ["2021", "2022", "2023"]),
            ("Accueil", ["> 13", "> 25,5", "< 30"]),
            ("Archives", ["12 %", "8 %", "9,5 %"]),
            ("Courrier", ["< 4", "6", "7"]),
        ]
        for r, (label, figures) in enumerate(rows):
            p.text(70, 120 + 14 * r, label)
            for x, figure in zip(right, figures, strict=True):
                p.text(x, 120 + 14 * r, figure, right=True)
        p.paragraph(200)

    table = _only_table(make_pdf(tmp_path / "close_figures.pdf", draw))
    assert _texts(table)[1:] == [
        ["Accueil", "> 13", "> 25,5", "< 30"],
        ["Archives", "12 %", "8 %", "9,5 %"],
        ["Courrier", "< 4", "6", "7"],
    ]


@pytest.mark.parametrize("captioned", [True, False])
def test_a_captioned_header_over_one_row_of_figures_is_a_table(
    tmp_path: Path, captioned: bool
) -> None:
    """Two aligned lines are a table under a table caption, and nothing without one."""

    def draw(p: Page) -> None:
        p.paragraph(60)
        if captioned:
            p.text(70, 110, "Tableau n° 2 : Taux d'equipement des agents en 2022")
        p.text(70, 130, "Equipement")
        p.text(70, 146, "Taux d'equipement")
        for x, head, figure in (
            (260, "Portable", "72 %"),
            (340, "Fixe", "54 %"),
            (420, "Tablette", "10 %"),
        ):
            p.text(x, 130, head, right=True)
            p.text(x, 146, figure, right=True)
        p.paragraph(180)

    tables = _tables(make_pdf(tmp_path / "one_row.pdf", draw))
    expected = [
        ["Equipement", "Portable", "Fixe", "Tablette"],
        ["Taux d'equipement", "72 %", "54 %", "10 %"],
    ]
    assert [_texts(t) for t in tables] == ([expected] if captioned else [])


def test_cells_wrapped_around_the_figures_of_the_first_row_stay_in_that_row(
    tmp_path: Path,
) -> None:
    """Cells centred vertically: the label and the period of the first row wrap one line
    above and one below its figures, right under the rule that closes the header."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 4 : Couts des services (en milliers d'euros)")
        p.text(70, 120, "Nature du cout")
        p.text(220, 120, "Periode", right=True)
        p.text(300, 120, "Montant", right=True)
        p.line(62, 116, 310, 116)
        p.line(62, 133, 310, 133)
        p.text(70, 137, "Cout cumule de")
        p.text(220, 137, "2021-", right=True)
        p.text(300, 143, "9 300", right=True)
        p.text(70, 149, "deploiement")
        p.text(220, 149, "2023", right=True)
        p.text(70, 166, "Cout annuel")
        p.text(220, 166, "2024", right=True)
        p.text(300, 166, "5 000", right=True)
        p.line(62, 180, 310, 180)
        p.paragraph(210)

    table = _only_table(make_pdf(tmp_path / "wrapped_first_row.pdf", draw))
    assert table.header_rows == 1
    assert _texts(table) == [
        ["Nature du cout", "Periode", "Montant"],
        ["Cout cumule de deploiement", "2021-2023", "9 300"],
        ["Cout annuel", "2024", "5 000"],
    ]


def test_a_figure_cut_inside_a_group_of_thousands_is_read_whole(tmp_path: Path) -> None:
    """A cell too narrow for its figure breaks it between digits; two figures stacked in
    one cell are not glued together."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 7 : Couts des services")
        cells = [
            (["Poste"], ["Periode"], ["Montant"]),
            (["Realisation"], ["2021"], ["9 30", "0"]),
            (["Licences"], ["2023"], ["4 80", "0 00", "0"]),
            (["Maintenance"], ["2024"], ["12", "15"]),
        ]
        top = 116.0
        for row in cells:
            height = 4 + 11 * max(len(lines) for lines in row)
            p.line(62, top, 320, top)
            for (x, right), lines in zip(((70, False), (220, True), (300, True)), row, strict=True):
                for k, text in enumerate(lines):
                    p.text(x, top + 3 + 11 * k, text, right=right)
            top += height
        p.line(62, top, 320, top)
        p.paragraph(top + 30)

    table = _only_table(make_pdf(tmp_path / "cut_figure.pdf", draw))
    assert [row[2] for row in _texts(table)] == ["Montant", "9 300", "4 800 000", "12 15"]


def test_a_header_wider_than_its_figures_stays_over_its_own_column(tmp_path: Path) -> None:
    """A wrapped header centred over a narrow column of figures bleeds into the gap of the
    column beside it: it is that column's header, not a title spanning both."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 6 : Couts du service")

        def centred(x: float, top: float, s: str) -> None:
            p.c.setFont("Helvetica", 9)
            p.c.drawCentredString(x, 842 - top - 7.2, s)

        p.line(62, 116, 380, 116)
        centred(318, 120, "Montant annuel estime (en")
        p.text(70, 125, "Poste")
        p.text(250, 125, "Periode", right=True)
        centred(318, 130, "milliers d'euros)")
        p.line(62, 143, 380, 143)
        rows = [("Realisation", "2021", "5 600"), ("Maintenance", "2024", "1 850")]
        for r, (label, period, amount) in enumerate([*rows, ("Licences", "2023", "950")]):
            p.text(70, 148 + 14 * r, label)
            p.text(250, 148 + 14 * r, period, right=True)
            p.text(330, 148 + 14 * r, amount, right=True)
        p.line(62, 190, 380, 190)
        p.paragraph(220)

    table = _only_table(make_pdf(tmp_path / "wide_header.pdf", draw))
    assert [c.col_span for c in table.cells if c.is_header] == [1, 1, 1]
    assert _texts(table)[0] == ["Poste", "Periode", "Montant annuel estime (en milliers d'euros)"]


@pytest.mark.parametrize("rule_under_header", [True, False])
def test_a_qualifier_wrapped_above_its_figure_stays_in_its_cell(
    tmp_path: Path, rule_under_header: bool
) -> None:
    """Unruled body, cells centred vertically: narrow cells wrap "environ" / "13 %" one line
    above and one below the one-line cells of their row. The qualifier is the figure's, not a
    row of its own nor the end of a header (read alone, the figure would pass for exact)."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 3 : Parts des connexions")
        p.line(62, 112, 420, 112)
        for x, text in ((70, "Service"), (250, "Portail"), (330, "Osmose"), (400, "Resana")):
            p.text(x, 116, text, right=x > 70)
        if rule_under_header:
            p.line(62, 128, 420, 128)
        p.text(330, 132, "environ", right=True)
        p.text(400, 132, "environ", right=True)
        p.text(70, 138, "Part des connexions")
        p.text(250, 138, "66 %", right=True)
        p.text(330, 144, "13 %", right=True)
        p.text(400, 144, "12 %", right=True)
        p.text(70, 160, "Nombre de services")
        for x, figure in ((250, "4"), (330, "2"), (400, "3")):
            p.text(x, 160, figure, right=True)
        p.line(62, 172, 420, 172)
        p.paragraph(200)

    table = _only_table(make_pdf(tmp_path / "wrapped_qualifier.pdf", draw))
    assert _texts(table)[1:] == [
        ["Part des connexions", "66 %", "environ 13 %", "environ 12 %"],
        ["Nombre de services", "4", "2", "3"],
    ]


def test_a_figure_wrapped_under_its_qualifier_joins_its_cell(tmp_path: Path) -> None:
    """Cells set at the top: a narrow cell wraps "environ" / "13 %" while its neighbours
    hold one line each."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 3 : Parts des connexions")
        p.line(62, 112, 420, 112)
        for x, text in ((70, "Service"), (250, "Portail"), (330, "Osmose"), (400, "Resana")):
            p.text(x, 116, text, right=x > 70)
        p.line(62, 128, 420, 128)
        p.text(70, 132, "Part des connexions")
        p.text(250, 132, "66 %", right=True)
        p.text(330, 132, "environ", right=True)
        p.text(330, 143, "13 %", right=True)
        p.text(400, 132, "12 %", right=True)
        p.text(70, 156, "Nombre de services")
        for x, figure in ((250, "4"), (330, "2"), (400, "3")):
            p.text(x, 156, figure, right=True)
        p.line(62, 168, 420, 168)
        p.paragraph(200)

    table = _only_table(make_pdf(tmp_path / "figure_under_qualifier.pdf", draw))
    assert _texts(table)[1:] == [
        ["Part des connexions", "66 %", "environ 13 %", "12 %"],
        ["Nombre de services", "4", "2", "3"],
    ]


def test_a_year_cut_by_a_narrow_header_cell_is_read_whole(tmp_path: Path) -> None:
    """A header cell too narrow for its date breaks the year between digits ("nov. 202" /
    "3"): the cell reads "nov. 2023" and stays a header; a short number on the line above
    another figure is not completed into a year."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 4 : Activite mensuelle des services")
        cells = [
            (["Service"], ["janv. 2022"], ["nov. 202", "3"], ["Zone 1"]),
            (["Accueil"], ["18 500"], ["8 000"], ["999"]),
            (["Courrier"], ["2 100"], ["1 900"], ["12"]),
            (["Archives"], ["300"], ["450"], ["7"]),
        ]
        top = 116.0
        for row in cells:
            height = 4 + 11 * max(len(lines) for lines in row)
            p.line(62, top, 420, top)
            for (x, right), lines in zip(
                ((70, False), (250, True), (320, True), (400, True)), row, strict=True
            ):
                for k, text in enumerate(lines):
                    p.text(x, top + 3 + 11 * k, text, right=right)
            top += height
        p.line(62, top, 420, top)
        p.paragraph(top + 30)

    table = _only_table(make_pdf(tmp_path / "cut_year.pdf", draw))
    assert table.header_rows == 1
    assert _texts(table)[0] == ["Service", "janv. 2022", "nov. 2023", "Zone 1"]
    assert [row[2] for row in _texts(table)[1:]] == ["8 000", "1 900", "450"]


def test_the_key_to_the_signs_under_a_table_is_no_row(tmp_path: Path) -> None:
    """The line under an unruled table that explains its signs ("≈ : environ ; n.d. : non
    disponible") is annotation, however close it is set: not a row, not part of a cell."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 2 : Demandes par service")
        tops = p.rows(
            [70, 330, 480],
            116,
            [["Service", "2022", "2023"], ["Accueil", "n.d.", "> 54"], ["Archives", "12", "< 10"]],
        )
        p.text(70, tops[-1], "> : plus de ; n.d. : non disponible.", size=8)
        p.paragraph(tops[-1] + 40)

    table = _only_table(make_pdf(tmp_path / "key.pdf", draw))
    assert _texts(table) == [
        ["Service", "2022", "2023"],
        ["Accueil", "n.d.", "> 54"],
        ["Archives", "12", "< 10"],
    ]


def test_header_cells_run_together_are_parted_over_their_figures(tmp_path: Path) -> None:
    """Header cells of one line set nearly touching read as one chunk ("Resana Osmose"):
    with nothing under them in the header, each capitalised word standing over a figure of
    its own starts a cell."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 3 : Equipes des outils")
        p.text(70, 120, "Outil")
        p.text(200, 120, "Tchap")
        p.text(246, 120, "Resana")
        # "Osmose" starts 4 pt after "Resana" ends: closer than a chunk gap.
        p.text(246 + p.c.stringWidth("Resana", "Helvetica", 9) + 4, 120, "Osmose")
        p.text(70, 136, "ETP")
        for x, figure in ((222, "13"), (270, "2"), (310, "6")):
            p.text(x, 136, figure, right=True)
        p.text(70, 150, "Agents")
        for x, figure in ((222, "40"), (270, "7"), (310, "9")):
            p.text(x, 150, figure, right=True)
        p.paragraph(190)

    table = _only_table(make_pdf(tmp_path / "run_together.pdf", draw))
    assert _texts(table)[:2] == [["Outil", "Tchap", "Resana", "Osmose"], ["ETP", "13", "2", "6"]]


@pytest.mark.parametrize(
    "legend",
    [
        "n.d. : donnee non disponible aupres de la DINUM",
        "- : sans objet pour la direction",
        "* : estimation communiquee par la DINUM",
        "Note : chiffres arrondis par la DINUM",
    ],
)
def test_legend_line_under_an_unruled_table_stays_out_of_its_grid(
    tmp_path: Path, legend: str
) -> None:
    # A line that explains the table's signs names who gave the figures: read as a row (its
    # label run on with the last row's), it would hand that name to the last row's figures.
    def draw(p: Page) -> None:
        below = p.paragraph(80)
        tops = p.rows(TEXT_X, below + 24, TABLE)
        p.text(TEXT_X[0], tops[-1] + 2, legend, size=8)
        p.paragraph(tops[-1] + 40)

    table = _only_table(make_pdf(tmp_path / "legend.pdf", draw))
    assert _texts(table) == TABLE


def test_labels_centred_beside_wrapped_cells_keep_their_table(tmp_path: Path) -> None:
    """An unruled table whose labels are centred on rows of wrapped cells: a one-line label
    sits between the two lines of its neighbours ("Indicateur" beside "Utilisateurs" /
    "actifs"), a wrapped label around the one line of figures of its row ("1er" / "trimestre
    2022", "Taux de non-" / "utilisation"). Each stays a cell of its row and column."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 5 : Utilisateurs des services")
        for x, lines in ((200, ["Utilisateurs", "actifs"]), (330, ["Part des", "externes"])):
            for k, text in enumerate(lines):
                p.text(x, 120 + 13 * k, text)
        p.text(70, 126.5, "Indicateur")
        p.text(70, 150, "1er")
        p.text(70, 163, "trimestre 2022")
        p.text(250, 156.5, "100 000", right=True)
        p.text(380, 156.5, "n.d.", right=True)
        p.text(70, 180, "Annee 2023")
        p.text(250, 180, "190 000", right=True)
        p.text(380, 180, "3,3 %", right=True)
        p.paragraph(220)
        p.text(70, 300, "Tableau n° 6 : Taux de non-utilisation des services")
        for x, name in ((180, "Resana"), (320, "Tchap")):
            p.text(x, 326.5, name)
        p.text(240, 320, "Audioconference de")
        p.text(240, 333, "l'Etat")
        p.text(70, 326.5, "Outil")
        p.text(70, 351, "Taux de non-")
        p.text(70, 364, "utilisation")
        for x, figure in ((215, "75 %"), (300, "61 %"), (350, "52,8 %")):
            p.text(x, 357.5, figure, right=True)
        p.paragraph(400)

    users, rates = _tables(make_pdf(tmp_path / "centred_labels.pdf", draw))
    assert _texts(users) == [
        ["Indicateur", "Utilisateurs actifs", "Part des externes"],
        ["1er trimestre 2022", "100 000", "n.d."],
        ["Annee 2023", "190 000", "3,3 %"],
    ]
    assert _texts(rates) == [
        ["Outil", "Resana", "Audioconference de l'Etat", "Tchap"],
        ["Taux de non-utilisation", "75 %", "61 %", "52,8 %"],
    ]


def test_header_cells_run_together_over_lines_run_together_too(tmp_path: Path) -> None:
    """Narrow header cells run together on every line of a wrapped header ("Webconf Webinai
    Audioc Agent" over "érence", "re de", "onfére Conn" over "nce de", "ect"): the lower
    lines are parted first, so that the line above finds each of its words over a cell."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 2 : Equipes des produits")
        words = ["Webconf", "Webinai", "Audioc", "Agent"]
        x = 135.0
        starts = []
        for word in words:
            starts.append(x)
            x += p.c.stringWidth(word + " ", "Helvetica", 9)
        p.text(70, 120, "Produit")
        p.text(135, 120, " ".join(words))
        p.text(starts[0] + 3, 133, "erence")
        p.text(starts[1] + 3, 133, "re de")
        p.text(starts[2] + 3, 133, "onfere Conn")
        p.text(starts[0] + 1, 146, "de l'Etat")
        p.text(starts[1] + 1, 146, "l'Etat")
        p.text(starts[2], 146, "nce de")
        p.text(starts[3] + 8, 146, "ect")
        p.text(starts[2] + 2, 159, "l'Etat")
        p.text(70, 176, "ETP")
        for start, figure in zip(starts, ["4", "3", "0,5", "5"], strict=True):
            p.text(start + 20, 176, figure, right=True)
        p.text(70, 190, "Agents")
        for start, figure in zip(starts, ["9", "8", "7", "6"], strict=True):
            p.text(start + 20, 190, figure, right=True)
        p.paragraph(230)

    table = _only_table(make_pdf(tmp_path / "run_together_lines.pdf", draw))
    header = [c.text for c in sorted(table.cells, key=lambda c: c.col) if c.is_header]
    assert header == [
        "Produit",
        "Webconf erence de l'Etat",
        "Webinai re de l'Etat",
        "Audioc onfere nce de l'Etat",
        "Agent Conn ect",
    ]


def test_wrapped_ends_of_two_header_cells_run_together_are_parted(tmp_path: Path) -> None:
    """The second lines of two narrow header cells set nearly touching read as one chunk
    ("realisation maintenance" under "Cout de" and "Cout de"): no header sets one cell
    under two, so each word goes to the cell it stands under."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 4 : Couts des produits (en M€)")
        p.text(70, 120, "Nature")
        p.text(200, 120, "Cout de")
        p.text(262, 120, "Cout de")
        width = p.c.stringWidth("realisation ", "Helvetica", 9)
        p.text(200, 133, "realisation maintenance")
        p.text(200 + width, 146, "(estimation)")
        p.text(70, 162, "Periode")
        p.text(240, 162, "2021-2023", right=True)
        p.text(300, 162, "2024", right=True)
        p.text(70, 176, "Montant")
        p.text(240, 176, "5,6", right=True)
        p.text(300, 176, "1,85", right=True)
        p.paragraph(220)

    table = _only_table(make_pdf(tmp_path / "wrapped_ends.pdf", draw))
    assert _texts(table)[0] == ["Nature", "Cout de realisation", "Cout de maintenance (estimation)"]
