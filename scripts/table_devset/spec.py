"""Tables with known structure, and their ground truth in the ICDAR 2013 format.

A `TableSpec` is what a producer draws and what the scorer reads back: cells with their
row, column and spans (0-based, inclusive ends in the XML, as the ICDAR files give them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1


@dataclass
class TableSpec:
    cells: list[Cell]
    header_rows: int = 1
    # Region in PDF points, bottom-left origin (x1, y1, x2, y2), when the producer knows it.
    region: tuple[float, float, float, float] | None = None

    @property
    def n_rows(self) -> int:
        return max(c.row + c.row_span for c in self.cells)

    @property
    def n_cols(self) -> int:
        return max(c.col + c.col_span for c in self.cells)

    def grid(self) -> list[list[Cell | None]]:
        """Every position of the table, a spanning cell at its top-left position only."""
        rows: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            rows[cell.row][cell.col] = cell
        return rows

    def covered(self) -> set[tuple[int, int]]:
        """Positions covered by a spanning cell other than its top-left one."""
        return {
            (r, c)
            for cell in self.cells
            for r in range(cell.row, cell.row + cell.row_span)
            for c in range(cell.col, cell.col + cell.col_span)
            if (r, c) != (cell.row, cell.col)
        }


def table_from_rows(rows: list[list[str]], header_rows: int = 1) -> TableSpec:
    """A table without spans from its rows of texts ("" for an empty cell)."""
    cells = [Cell(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return TableSpec(cells, header_rows)


@dataclass
class DocumentSpec:
    """One generated PDF: its name and the tables it holds (all on page 1)."""

    name: str
    tables: list[TableSpec] = field(default_factory=list)


def write_ground_truth(doc: DocumentSpec, folder: Path) -> None:
    """`<name>-str.xml`, and `<name>-reg.xml` when every table's region is known."""
    structure = [f"<document filename={quoteattr(doc.name + '.pdf')}>"]
    regions = [f"<document filename={quoteattr(doc.name + '.pdf')}>"]
    for number, table in enumerate(doc.tables, start=1):
        structure.append(f'<table id="{number}"><region id="1" page="1">')
        for k, cell in enumerate(table.cells, start=1):
            if not cell.text.strip():
                continue
            structure.append(
                f'<cell id="{k}" start-row="{cell.row}" start-col="{cell.col}"'
                f' end-row="{cell.row + cell.row_span - 1}"'
                f' end-col="{cell.col + cell.col_span - 1}">'
                f"<content>{escape(cell.text)}</content></cell>"
            )
        structure.append("</region></table>")
        if table.region is not None:
            x1, y1, x2, y2 = (f"{v:.2f}" for v in table.region)
            regions.append(
                f'<table id="{number}"><region id="1" page="1">'
                f'<bounding-box x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/></region></table>'
            )
    structure.append("</document>")
    regions.append("</document>")
    (folder / f"{doc.name}-str.xml").write_text("\n".join(structure), encoding="utf-8")
    if all(t.region is not None for t in doc.tables):
        (folder / f"{doc.name}-reg.xml").write_text("\n".join(regions), encoding="utf-8")
