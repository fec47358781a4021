"""The page model: one reading of a page that tables, charts and prose share."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.charts import find_charts
from extract.pdf import read_page
from extract.pdf.geometry import centre_in_any, inside, overlaps, union
from extract.pdf.margins import in_footer, in_header
from extract.pdf.words import Word, group_lines
from extract.tables import find_tables
from extract.text import mentions_on_page
from tests.pdf_fixtures import write_other_wordings_report

LEFT = [
    "La direction comptait 210 agents",
    "à la fin de l'année 2023, dont",
    "une majorité de contractuels.",
]
RIGHT = [
    "Son budget atteignait 9,3 M€",
    "en 2023, en hausse marquée",
    "sur les trois derniers exercices.",
]


def _two_columns(path: Path) -> None:
    """A title across the page, then two columns of prose, then a page number."""
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, 780, "Titre de la page")
    pdf.setFont("Helvetica", 10)
    for i, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        pdf.drawString(72, 740 - 14 * i, left)
        pdf.drawString(320, 740 - 14 * i, right)
    pdf.drawString(297, 30, "5")
    pdf.save()


def _model(path: Path, number: int = 1):
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[number - 1]
        try:
            return read_page(page)
        finally:
            page.close()


def _line_texts(page) -> list[str]:
    return [" ".join(w.text for w in line) for line in page.lines]


def test_two_columns_read_column_by_column(tmp_path):
    path = tmp_path / "columns.pdf"
    _two_columns(path)
    page = _model(path)
    assert len(page.columns) == 1 and len(page.columns[0].gutters) == 1
    assert 72 < page.columns[0].gutters[0] < 320
    assert _line_texts(page) == ["Titre de la page", *LEFT, *RIGHT, "5"]


def test_prose_sentences_keep_to_their_column(tmp_path):
    path = tmp_path / "columns.pdf"
    _two_columns(path)
    mentions = mentions_on_page(_model(path))
    agents = next(m for m in mentions if m.raw_text == "210")
    assert agents.sentence == " ".join(LEFT)
    budget = next(m for m in mentions if m.raw_text == "9,3 M€")
    assert budget.sentence == " ".join(RIGHT)
    assert next(m for m in mentions if m.raw_text == "5").non_fact_kind == "page_number"


def test_one_column_page_and_a_table_have_no_columns(tmp_path):
    path = tmp_path / "report.pdf"
    write_other_wordings_report(path)
    page = _model(path)
    assert page.columns == []
    assert _line_texts(page)[0].startswith("Tableau n° 4")


def test_the_model_outlives_the_pdfplumber_page(tmp_path):
    """Readers need nothing of the pdfplumber page once the model is read."""
    path = tmp_path / "report.pdf"
    write_other_wordings_report(path)
    page = _model(path)
    assert page.number == 1 and page.page_count == 1
    assert [t.number for t in find_tables(page)] == [4]
    assert find_charts(page) == []
    assert any(m.raw_text == "4,8 millions" for m in mentions_on_page(page))
    assert "Crédits de paiement" in page.text
    assert page.hrules and page.em == 11.0  # the prose size outnumbers the table's


def _word(text: str, x0: float, top: float, size: float = 10.0) -> Word:
    return Word(text, x0, top, x0 + 6 * len(text), top + size, size)


def test_one_line_definition_for_every_reader():
    # A smaller word set on the same line joins it; the next line, one pitch down, does not.
    words = [_word("b", 60, 100.5, 8.0), _word("a", 10, 100), _word("c", 10, 114)]
    assert [[w.text for w in line] for line in group_lines(words)] == [["a", "b"], ["c"]]


def test_geometry_helpers():
    assert union([(0, 0, 1, 1), (2, -1, 3, 0.5)]) == (0, -1, 3, 1)
    assert overlaps((0, 0, 2, 2), (1, 1, 3, 3))
    assert not overlaps((0, 0, 1, 1), (1, 0, 2, 1))  # touching is not overlapping
    assert inside((1, 1, 2, 2), (0, 0, 2, 2)) and inside((0, 0, 2.4, 2), (0, 0, 2, 2), tol=0.5)
    assert centre_in_any((0, 0, 2, 2), [(0.5, 0.5, 1, 1)])


def test_margin_bands():
    assert in_header(50, 842) and not in_header(80, 842)
    assert in_footer(800, 842) and not in_footer(780, 842)
