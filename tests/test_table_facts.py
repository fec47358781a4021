"""Table cells as facts: what a cell's figure means, from the cell, its labels and the table.

Tables are built here as records (the grid the finder would give), so that each test states
the one thing a cell's reading depends on; tests/test_tables.py covers finding and gridding.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extract.observations import table_mentions
from extract.records import ExtractedTable, NumericMention, TableCell
from extract.tables import extract_tables
from tests.table_pdfs import Page, make_pdf


def _table(
    rows: list[list[str]],
    *,
    header_rows: int = 1,
    caption: str | None = "Tableau n° 1 : Activite des services en 2023",
    unit_note: str | None = None,
) -> ExtractedTable:
    cells = [
        TableCell(row=r, col=c, text=text, is_header=r < header_rows)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text
    ]
    return ExtractedTable(
        page=1,
        bbox=(50.0, 100.0, 500.0, 300.0),
        cells=cells,
        n_rows=len(rows),
        n_cols=max(len(row) for row in rows),
        header_rows=header_rows,
        caption=caption,
        number=1,
        unit_note=unit_note,
    )


def _by_cell(mentions: list[NumericMention]) -> dict[tuple[int, int], NumericMention]:
    return {(m.row_index, m.col_index): m for m in mentions}


def test_signs_before_a_figure_are_its_qualifier() -> None:
    table = _table(
        [
            ["Service", "Demandes"],
            ["Accueil", "≈ 54 %"],
            ["Archives", "< 10"],
            ["Controle", "> 3 000"],
            ["Courrier", "≤ 12"],
            ["Guichet", "environ 8"],
            ["Standard", "41"],
        ]
    )
    qualifiers = {
        key: (m.value, m.qualifier) for key, m in _by_cell(table_mentions(table, 0)).items()
    }
    assert qualifiers == {
        (1, 1): (54.0, "approx"),
        (2, 1): (10.0, "below"),
        (3, 1): (3000.0, "above"),
        (4, 1): (12.0, "at_most"),
        (5, 1): (8.0, "approx"),
        (6, 1): (41.0, "exact"),
    }


def test_a_sign_inside_a_label_qualifies_nothing() -> None:
    table = _table([["Service", "Demandes"], ["Accueil < Archives", "12"]])
    (mention,) = table_mentions(table, 0)
    assert (mention.value, mention.qualifier) == (12.0, "exact")


def test_cells_that_give_no_figure_are_skipped() -> None:
    table = _table(
        [
            ["Service", "2022", "2023"],
            ["Accueil", "n.d.", "12"],
            ["Archives", "-", "–"],
            ["Controle", "—", "nd"],
            ["Courrier", "", "ND"],
        ]
    )
    assert [(m.row_index, m.col_index, m.value) for m in table_mentions(table, 0)] == [(1, 2, 12.0)]


def test_period_of_a_year_column() -> None:
    table = _table([["Service", "2022", "2023"], ["Accueil", "11", "12"]], caption=None)
    periods = {m.col_index: (m.period_start, m.period_end) for m in table_mentions(table, 0)}
    assert periods == {
        1: (date(2022, 1, 1), date(2022, 12, 31)),
        2: (date(2023, 1, 1), date(2023, 12, 31)),
    }


def test_a_column_headed_by_a_unit_alone_gives_its_unit_and_scale() -> None:
    table = _table(
        [["Service", "ETP", "M€", "Part (%)"], ["Accueil", "4", "9,3", "12"]], caption=None
    )
    units = {m.col_index: (m.value, m.unit) for m in table_mentions(table, 0)}
    assert units == {1: (4.0, "FTE"), 2: (9300000.0, "EUR"), 3: (12.0, "percent")}


def test_scale_of_the_caption_applies_to_bare_figures_only() -> None:
    table = _table(
        [["Poste", "Montant"], ["Maintenance", "5 000"], ["Licence", "300 €"]],
        caption="Tableau n° 2 : Couts du service (en milliers d'euros)",
        unit_note="en milliers d'euros",
    )
    values = {m.row_index: (m.value, m.unit) for m in table_mentions(table, 0)}
    assert values == {1: (5000000.0, "EUR"), 2: (300.0, "EUR")}


def test_period_named_within_a_label() -> None:
    table = _table(
        [["Indicateur", "Annee 2023", "Exercice 2022"], ["Demandes", "12", "11"]],
        caption="Tableau n° 3 : Activite du service",
    )
    periods = {m.col_index: (m.period_start, m.period_end) for m in table_mentions(table, 0)}
    assert periods == {
        1: (date(2023, 1, 1), date(2023, 12, 31)),
        2: (date(2022, 1, 1), date(2022, 12, 31)),
    }


def test_labels_naming_two_periods_leave_the_cell_without_one() -> None:
    table = _table(
        [["Indicateur", "Annee 2023"], ["Demandes depuis 2019", "12"]],
        caption="Tableau n° 3 : Activite du service en 2021",
    )
    (mention,) = table_mentions(table, 0)
    assert (mention.period_start, mention.period_end) == (None, None)


def test_a_row_of_periods_gives_each_column_its_period() -> None:
    """A transposed table sets the periods of its columns in a body row: the figures under
    them take the period of their column, not the caption's."""
    table = _table(
        [
            ["Poste", "Realisation", "Maintenance", "Cout total"],
            ["Periode", "à fin 2021", "2022", "2019-2021"],
            ["Montant", "9 300", "5 000", "15 000"],
            ["Part du service", "60 %", "40 %", "-"],
        ],
        caption="Tableau n° 4 : Couts des services en 2023",
    )
    periods = {
        (m.row_index, m.col_index): (m.period_start, m.period_end)
        for m in table_mentions(table, 0)
    }
    assert periods == {
        (2, 1): (None, date(2021, 12, 31)),
        (2, 2): (date(2022, 1, 1), date(2022, 12, 31)),
        (2, 3): (date(2019, 1, 1), date(2021, 12, 31)),
        (3, 1): (None, date(2021, 12, 31)),
        (3, 2): (date(2022, 1, 1), date(2022, 12, 31)),
    }


def test_period_of_the_caption_when_no_label_names_one() -> None:
    table = _table([["Service", "Agents"], ["Accueil", "12"]])
    (mention,) = table_mentions(table, 0)
    assert (mention.period_start, mention.period_end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_header_row_of_one_cell_is_a_title_over_every_column() -> None:
    table = _table(
        [["Service public - 2021", ""], ["Composante", "Nombre"], ["Guichets", "6"]],
        header_rows=2,
        caption="Tableau n° 4 : Le service a son lancement",
    )
    (mention,) = table_mentions(table, 0)
    assert "Service public - 2021 Nombre" in mention.sentence
    assert (mention.period_start, mention.period_end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_the_tail_of_a_wrapped_label_gives_no_unit() -> None:
    """A label "d'euros)" lost its scale on the line above: no unit, rather than a wrong one."""
    table = _table([["Poste", "d'euros)"], ["Maintenance", "5 600"]], caption=None)
    (mention,) = table_mentions(table, 0)
    assert (mention.value, mention.unit) == (5600.0, "count")


def test_a_cell_holding_two_figures_gives_neither() -> None:
    """Two columns set too close are read as one cell: neither figure has its own labels."""
    table = _table(
        [
            ["Service", "Alpha", "Beta Gamma"],
            ["Taux", "61 %", "53 % 52,8 %"],
            ["Periode", "2021-2023", "12"],
        ],
        caption=None,
    )
    found = {(m.row_index, m.col_index): m.value for m in table_mentions(table, 0)}
    assert found == {(1, 1): 61.0, (2, 2): 12.0}


def test_a_lone_header_piece_over_one_column_is_no_title() -> None:
    """ "2021-" left alone on the header's first line is the start of a wrapped header."""
    table = _table(
        [["", "2021-", ""], ["Poste", "Periode", "Montant"], ["Realisation", "", "5 600"]],
        header_rows=1,
        caption=None,
    )
    (mention,) = table_mentions(table, 0)
    assert (mention.period_start, mention.period_end) == (None, None)


def test_a_year_after_an_unread_ordinal_gives_no_period(tmp_path: Path) -> None:
    """A narrow header cell cuts "trimestre" in two: the year alone would be the wrong period."""

    def draw(p: Page) -> None:
        p.text(70, 100, "Tableau n° 4 : Usagers du service")
        p.text(70, 126, "Indicateur")
        p.text(262, 120, "1er trimestr", right=True)
        p.text(258, 130, "e 2022", right=True)
        p.text(340, 126, "Annee 2023", right=True)
        p.text(70, 146, "Usagers actifs")
        p.text(262, 146, "12 000", right=True)
        p.text(340, 146, "14 500", right=True)
        p.text(70, 160, "Demandes traitees")
        p.text(262, 160, "3 100", right=True)
        p.text(340, 160, "3 050", right=True)
        p.text(70, 174, "Agents formes")
        p.text(262, 174, "210", right=True)
        p.text(340, 174, "260", right=True)
        p.line(62, 116, 350, 116)
        p.line(62, 141, 350, 141)
        p.line(62, 186, 350, 186)
        p.paragraph(220)

    (table,) = extract_tables(make_pdf(tmp_path / "cut_quarter.pdf", draw))
    periods = {m.col_index: (m.period_start, m.period_end) for m in table_mentions(table, 0)}
    assert periods == {1: (None, None), 2: (date(2023, 1, 1), date(2023, 12, 31))}
