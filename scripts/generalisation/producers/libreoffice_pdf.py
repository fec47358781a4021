"""Documents as a flat ODT (word-processor XML) exported to PDF by LibreOffice.

Footnotes are native notes, two columns a section with two columns, charts vector (SVG)
pictures embedded in the document, as a chart pasted from another program would be.
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from scripts.generalisation.document import (
    Document,
    cell_span,
    cell_text,
    column_count,
    footnote_numbers,
    plain,
    split_calls,
)
from scripts.generalisation.layouts import Layout, caption, lines_under, shaped_tables
from scripts.generalisation.producers.html import chart_svg
from scripts.pdf_printers import ODF_XMLNS, convert_with_libreoffice, soffice_binary

FONTS = {"serif": "DejaVu Serif", "sans": "DejaVu Sans"}
BORDER = "0.5pt solid #000000"


def missing() -> str | None:
    return None if soffice_binary() else "libreoffice not installed (make corpus-deps)"


def _x(text: str) -> str:
    return escape(text)


def _text_width(layout: Layout) -> float:
    """Width of a column of text, in cm (A4, 2.2 cm margins, 0.8 cm gutter)."""
    return (21.0 - 4.4 - 0.8 * (layout.columns - 1)) / layout.columns


def _cell_styles(rules: str) -> dict[str, str]:
    """table-cell style name -> border properties, for the header, body and last rows."""
    if rules == "ruled":
        return {name: f'fo:border="{BORDER}"' for name in ("CellHead", "CellBody", "CellLast")}
    if rules == "header":
        return {
            "CellHead": f'fo:border-top="{BORDER}" fo:border-bottom="{BORDER}" '
            'fo:border-left="none" fo:border-right="none"',
            "CellBody": 'fo:border="none"',
            "CellLast": f'fo:border-bottom="{BORDER}" fo:border-top="none" fo:border-left="none" '
            'fo:border-right="none"',
        }
    return {name: 'fo:border="none"' for name in ("CellHead", "CellBody", "CellLast")}


def _styles(layout: Layout) -> str:
    font = FONTS[layout.font]
    size = layout.size
    cells = "".join(
        f'<style:style style:name="{name}" style:family="table-cell">'
        f'<style:table-cell-properties fo:padding="0.06cm" {props}/></style:style>'
        for name, props in _cell_styles(layout.table_rules).items()
    )
    headings = "".join(
        f'<style:style style:name="{name}" style:family="paragraph">'
        f'<style:paragraph-properties fo:margin-top="{size * 0.9:.1f}pt" '
        f'fo:margin-bottom="{size * 0.5:.1f}pt" fo:keep-with-next="always"/>'
        f'<style:text-properties fo:font-size="{size + bump:.1f}pt" fo:font-weight="bold"/>'
        "</style:style>"
        for name, bump in (("Title", 5), ("Chapter", 3), ("H1", 1.5), ("H2", 0.5), ("H3", 0))
    )
    return (
        f'<office:font-face-decls><style:font-face style:name="{font}" '
        f"svg:font-family=\"'{font}'\"/></office:font-face-decls>"
        '<office:styles><style:default-style style:family="paragraph">'
        f'<style:text-properties style:font-name="{font}" fo:font-size="{size}pt" '
        'fo:language="fr" fo:country="FR"/></style:default-style>'
        '<style:style style:name="Footnote" style:family="paragraph">'
        f'<style:text-properties fo:font-size="{size - 2.5}pt"/></style:style>'
        "</office:styles><office:automatic-styles>"
        '<style:page-layout style:name="Page"><style:page-layout-properties '
        'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.8cm" '
        'fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>'
        "<style:footer-style/></style:page-layout>"
        '<style:style style:name="Columns" style:family="section"><style:section-properties>'
        f'<style:columns fo:column-count="{layout.columns}" fo:column-gap="0.8cm"/>'
        "</style:section-properties></style:style>"
        '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties '
        f'fo:text-align="justify" fo:margin-bottom="{size * 0.5:.1f}pt"/></style:style>'
        '<style:style style:name="Caption" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="center" fo:margin-top="6pt" fo:margin-bottom="3pt" '
        'fo:keep-with-next="always"/>'
        f'<style:text-properties fo:font-weight="bold" fo:font-size="{size - 1}pt"/>'
        "</style:style>"
        '<style:style style:name="Small" style:family="paragraph"><style:paragraph-properties '
        'fo:margin-bottom="8pt"/><style:text-properties fo:font-style="italic" '
        f'fo:font-size="{size - 2}pt"/></style:style>'
        '<style:style style:name="Cell" style:family="paragraph">'
        f'<style:text-properties fo:font-size="{size - 1.5}pt"/></style:style>'
        '<style:style style:name="CellNumber" style:family="paragraph" '
        'style:parent-style-name="Cell"><style:paragraph-properties fo:text-align="end"/>'
        f'<style:text-properties fo:font-size="{size - 1.5}pt"/></style:style>'
        '<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="center"/></style:style>'
        '<style:style style:name="Box" style:family="paragraph"><style:paragraph-properties '
        f'fo:border="0.8pt solid #334466" fo:padding="0.15cm" fo:background-color="#eef1f8" '
        'fo:margin-bottom="6pt"/></style:style>'
        '<style:style style:name="Bold" style:family="text"><style:text-properties '
        'fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Table" style:family="table"><style:table-properties '
        f'style:width="{_text_width(layout):.2f}cm" table:align="center"/></style:style>'
        '<style:style style:name="ChartFrame" style:family="graphic"><style:graphic-properties '
        'style:wrap="none" style:vertical-pos="top" style:horizontal-pos="center" '
        'style:horizontal-rel="paragraph"/></style:style>'
        f"{cells}{headings}</office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard" '
        'style:page-layout-name="Page"><style:header><text:p text:style-name="Small">'
        "COUR DES COMPTES</text:p></style:header><style:footer>"
        '<text:p text:style-name="Center"><text:page-number text:select-page="current"/>'
        "</text:p></style:footer></style:master-page></office:master-styles>"
    )


class _Writer:
    def __init__(self, document: Document, layout: Layout) -> None:
        self.document = document
        self.layout = layout
        self.numbers = footnote_numbers(document)
        self.noted: set[str] = set()

    def text(self, markup: str) -> str:
        out = []
        for run, key in split_calls(markup):
            out.append(_x(run))
            if key is not None and self.layout.footnotes:
                number = self.numbers[key]
                if key in self.noted:
                    out.append(f'<text:span text:style-name="Bold">{number}</text:span>')
                    continue
                self.noted.add(key)
                note = _x(plain(self.document.footnotes[key]))
                out.append(
                    f'<text:note text:id="ftn{number}" text:note-class="footnote">'
                    f"<text:note-citation>{number}</text:note-citation><text:note-body>"
                    f'<text:p text:style-name="Footnote">{note}</text:p>'
                    "</text:note-body></text:note>"
                )
        return "".join(out)

    def paragraph(self, markup: str, style: str = "Body") -> str:
        return f'<text:p text:style-name="{style}">{self.text(markup)}</text:p>'

    def block(self, block: tuple) -> str:
        kind = block[0]
        if kind == "p":
            return self.paragraph(block[1])
        headings = {"title": "Title", "h1": "H1", "h2": "H2", "h3": "H3"}
        if kind in headings:
            return f'<text:p text:style-name="{headings[kind]}">{_x(plain(block[1]))}</text:p>'
        if kind == "chapter":
            return (
                f'<text:p text:style-name="Chapter">{_x(plain(f"{block[1]} – {block[2]}"))}'
                "</text:p>"
            )
        if kind == "table":
            return "".join(self.table(spec) for spec in shaped_tables(block[1], self.layout))
        if kind == "chart":
            return self.chart(block[1])
        if kind == "reco":
            label, text = block[1]
            return (
                f'<text:p text:style-name="Box"><text:span text:style-name="Bold">'
                f"{_x(plain(label))}</text:span> {self.text(text)}</text:p>"
            )
        if kind == "box":
            lines = "<text:line-break/>".join(self.text(t) for t in block[2])
            return (
                f'<text:p text:style-name="Box"><text:span text:style-name="Bold">'
                f"{_x(plain(block[1]))}</text:span><text:line-break/>{lines}</text:p>"
            )
        if kind == "list":
            items = "".join(
                f"<text:list-item>{self.paragraph(t)}</text:list-item>" for t in block[2]
            )
            return self.paragraph(block[1]) + f"<text:list>{items}</text:list>"
        raise ValueError(f"unknown block kind {kind!r}")

    def table(self, spec: dict) -> str:
        n_cols = column_count(spec)
        head = ""
        for row in spec["header"]:
            cells = ""
            for cell in row:
                if cell is None:
                    cells += "<table:covered-table-cell/>"
                    continue
                colspan, rowspan = cell_span(cell)
                cells += (
                    f'<table:table-cell table:style-name="CellHead" office:value-type="string" '
                    f'table:number-columns-spanned="{colspan}" '
                    f'table:number-rows-spanned="{rowspan}">'
                    f'<text:p text:style-name="Center">{_x(cell_text(cell))}</text:p>'
                    "</table:table-cell>" + "<table:covered-table-cell/>" * (colspan - 1)
                )
            head += f"<table:table-row>{cells}</table:table-row>"
        body = ""
        for r, row in enumerate(spec["rows"]):
            style = "CellLast" if r == len(spec["rows"]) - 1 else "CellBody"
            body += (
                "<table:table-row>"
                + "".join(
                    f'<table:table-cell table:style-name="{style}" office:value-type="string">'
                    f'<text:p text:style-name="{"CellNumber" if c else "Cell"}">'
                    f"{_x(cell_text(text))}</text:p></table:table-cell>"
                    for c, text in enumerate(row)
                )
                + "</table:table-row>"
            )
        under = "".join(
            f'<text:p text:style-name="Small">{self.text(line)}</text:p>'
            for line in lines_under(spec)
        )
        return (
            f'<text:p text:style-name="Caption">{_x(caption("Tableau", spec))}</text:p>'
            f'<table:table table:name="Tableau{spec["number"]}_{id(spec)}" '
            'table:style-name="Table">'
            f'<table:table-column table:number-columns-repeated="{n_cols}"/>'
            f"<table:table-header-rows>{head}</table:table-header-rows>{body}</table:table>"
            f"{under}"
        )

    def chart(self, spec: dict) -> str:
        width = _text_width(self.layout)
        svg = chart_svg(spec).replace('width="100%"', 'width="440" height="200"')
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        source = (
            f'<text:p text:style-name="Small">{self.text(spec["source"])}</text:p>'
            if spec.get("source")
            else ""
        )
        return (
            f'<text:p text:style-name="Caption">{_x(caption("Graphique", spec))}</text:p>'
            '<text:p text:style-name="Center"><draw:frame draw:style-name="ChartFrame" '
            f'text:anchor-type="as-char" svg:width="{width:.2f}cm" '
            f'svg:height="{width * 200 / 440:.2f}cm"><draw:image draw:mime-type="image/svg+xml">'
            f"<office:binary-data>{data}</office:binary-data></draw:image></draw:frame></text:p>"
            f"{source}"
        )


def to_fodt(document: Document, layout: Layout) -> str:
    writer = _Writer(document, layout)
    body = "".join(writer.block(block) for block in document.blocks)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document {ODF_XMLNS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        f"{_styles(layout)}<office:body><office:text>"
        '<text:section text:style-name="Columns" text:name="Corps">'
        f"{body}</text:section></office:text></office:body></office:document>"
    )


def render(document: Document, layout: Layout, pdf: Path) -> None:
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="corpus-libreoffice-") as tmp:
        source = Path(tmp) / f"{pdf.stem}.fodt"
        source.write_text(to_fodt(document, layout), encoding="utf-8")
        convert_with_libreoffice([source], Path(tmp), timeout=180)
        shutil.move(Path(tmp) / f"{pdf.stem}.pdf", pdf)
