"""Draw the cases as PDFs with three producers: reportlab, Chromium (HTML) and LibreOffice.

reportlab knows where it puts each table, so its documents carry table regions; the HTML
producers lay the page out themselves, and their tables are matched by content only.
"""

from __future__ import annotations

import html
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from scripts.table_devset.cases import Case, NumberedParagraphs, TableBlock
from scripts.table_devset.spec import TableSpec

MARGIN = 60.0
BODY = 10.0
LEADING = 12.5
MONO = 9.0
# Room kept around leader dots and between the columns of a text table (characters).
TEXT_COL_GAP = 4


def text_table_lines(table: TableSpec) -> list[str]:
    """A table typed in a monospaced font: dash rules, leader dots after each body label."""
    grid = table.grid()
    label_width = max(len(row[0].text) if row[0] else 0 for row in grid) + TEXT_COL_GAP
    widths = [
        max(len(row[c].text) if row[c] else 0 for row in grid) + TEXT_COL_GAP
        for c in range(1, table.n_cols)
    ]
    rule = "-" * (label_width + 1 + sum(widths))
    lines = [rule]
    for r, row in enumerate(grid):
        label = row[0].text if row[0] else ""
        if r >= table.header_rows:
            label = f"{label} ".ljust(label_width, ".")
        else:
            label = label.ljust(label_width)
        figures = "".join(
            (cell.text if cell else "").rjust(width)
            for cell, width in zip(row[1:], widths, strict=True)
        )
        lines.append(f"{label} {figures}")
        if r == table.header_rows - 1 or r == table.n_rows - 2:
            lines.append(rule)
    lines.append(rule)
    return lines


# --------------------------------------------------------------------------------------------
# reportlab


def _reportlab_table(block: TableBlock, width: float) -> Table:
    table = block.table
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    head = ParagraphStyle("head", fontName="Helvetica", fontSize=9, leading=11, alignment=1)
    covered = table.covered()
    data: list[list[object]] = []
    for r, row in enumerate(table.grid()):
        values: list[object] = []
        for c, cell in enumerate(row):
            text = cell.text if cell and (r, c) not in covered else ""
            if r < table.header_rows and c > 0 and text:
                values.append(Paragraph(html.escape(text), head))
            elif any(ch.isalpha() for ch in text):
                values.append(Paragraph(html.escape(text), style))
            else:
                values.append(text)
        data.append(values)
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
        ("ALIGN", (1, 0), (-1, -1), block.align.upper()),
        ("ALIGN", (1, 0), (-1, table.header_rows - 1), "CENTER"),
        ("VALIGN", (0, 0), (-1, table.header_rows - 1), "MIDDLE"),
        ("VALIGN", (0, table.header_rows), (-1, -1), block.valign.upper()),
    ]
    for cell in table.cells:
        if cell.row_span > 1 or cell.col_span > 1:
            end = (cell.col + cell.col_span - 1, cell.row + cell.row_span - 1)
            commands.append(("SPAN", (cell.col, cell.row), end))
            if block.style == "booktabs" and cell.col_span > 1:
                commands.append(("LINEBELOW", (cell.col, cell.row), end, 0.5, "black"))
    for row in block.spaced_rows:
        commands.append(("TOPPADDING", (0, row), (-1, row), 14))
    if block.style == "grid":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
    elif block.style == "booktabs":
        commands += [
            ("LINEABOVE", (0, 0), (-1, 0), 1.0, "black"),
            ("LINEBELOW", (0, table.header_rows - 1), (-1, table.header_rows - 1), 0.5, "black"),
            ("LINEBELOW", (0, -1), (-1, -1), 1.0, "black"),
        ]
    return Table(data, colWidths=[w * width for w in block.widths], style=TableStyle(commands))


def draw_reportlab(case: Case, path: Path) -> None:
    """The case drawn with reportlab; each table's region recorded in its spec."""
    page_w, page_h = A4
    width = page_w - 2 * MARGIN
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    y = page_h - MARGIN
    gap = 0.6 * LEADING if case.tight else 1.5 * LEADING

    def text_line(s: str, font: str = "Helvetica", size: float = BODY, x: float = MARGIN) -> None:
        nonlocal y
        canvas.setFont(font, size)
        canvas.drawString(x, y - size, s)
        y -= LEADING

    for block in case.blocks:
        if isinstance(block, str):
            for line in simpleSplit(block, "Helvetica", BODY, width):
                text_line(line)
        elif isinstance(block, NumberedParagraphs):
            for number, paragraph in enumerate(block.paragraphs, start=block.first):
                canvas.setFont("Helvetica-Bold", BODY)
                canvas.drawString(MARGIN, y - BODY, str(number))
                for line in simpleSplit(paragraph, "Helvetica", BODY, width - 30):
                    text_line(line, x=MARGIN + 30)
                y -= 0.5 * LEADING
        elif isinstance(block, list):  # key figures: figures aligned right, then a sentence
            for figure, sentence in block:
                canvas.setFont("Helvetica-Bold", BODY)
                canvas.drawRightString(MARGIN + 50, y - BODY, figure)
                text_line(sentence, x=MARGIN + 60)
        else:
            if block.caption:
                text_line(block.caption, "Helvetica-Bold")
                y -= 0.3 * LEADING
            if block.style == "text":
                lines = text_table_lines(block.table)
                top = y
                for line in lines:
                    canvas.setFont("Courier", MONO)
                    canvas.drawString(MARGIN, y - MONO, line)
                    y -= 1.2 * MONO
                right = MARGIN + max(len(s) for s in lines) * 0.6 * MONO
                block.table.region = (MARGIN, y, right, top)
            else:
                table = _reportlab_table(block, width)
                w, h = table.wrapOn(canvas, width, y)
                table.drawOn(canvas, MARGIN, y - h)
                block.table.region = (MARGIN, y - h, MARGIN + w, y)
                y -= h
        y -= gap
    canvas.showPage()
    canvas.save()


# --------------------------------------------------------------------------------------------
# HTML, printed by Chromium or converted by LibreOffice

_CSS = """
@page { size: A4; margin: 2cm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
td, th { padding: 2pt 4pt; font-size: 9pt; text-align: right; }
td:first-child, th:first-child { text-align: left; }
th { text-align: center; font-weight: bold; }
table.grid td, table.grid th { border: 0.5pt solid black; }
table.booktabs { border-top: 1pt solid black; border-bottom: 1pt solid black; }
table.booktabs tr.lasthead th { border-bottom: 0.5pt solid black; }
table.booktabs th.group { border-bottom: 0.5pt solid black; }
p.caption { font-weight: bold; margin: 0.8em 0 0.2em 0; }
div.tight table { margin: 0.2em 0; }
div.tight p.caption { margin: 0.2em 0; }
pre { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 8.5pt; }
table.figures { width: auto; }
table.numbered td { vertical-align: top; padding: 0 0 6pt 0; }
table.figures td { padding: 1pt 6pt 1pt 0; border: none; }
table.figures td:first-child { text-align: right; font-weight: bold; }
table.figures td + td { text-align: left; }
"""


def _html_table(block: TableBlock) -> str:
    """The table in HTML attributes as well as CSS: LibreOffice's import reads only those."""
    table = block.table
    covered = table.covered()
    frame = {
        "grid": ' border="1"',
        "booktabs": ' frame="hsides" rules="groups"',
    }.get(block.style, "")
    widths = "".join(f'<col width="{100 * w:.0f}%">' for w in block.widths)
    out = [
        f'<table class="{block.style}"{frame} cellspacing="0" cellpadding="3" width="100%">'
        f"<colgroup>{widths}</colgroup>"
    ]
    for r, row in enumerate(table.grid()):
        head = r < table.header_rows
        if r == 0:
            out.append("<thead>")
        if r == table.header_rows:
            out.append("</thead><tbody>")
        classes = ' class="lasthead"' if r == table.header_rows - 1 else ""
        if r in block.spaced_rows:
            classes = ' class="spaced"'
        out.append(f"<tr{classes}>")
        for c, cell in enumerate(row):
            if (r, c) in covered:
                continue
            tag = "th" if head else "td"
            align = "left" if c == 0 else ("center" if head else block.align)
            valign = "middle" if head else block.valign
            attrs = f' align="{align}" valign="{valign}"'
            if cell and cell.col_span > 1:
                attrs += f' colspan="{cell.col_span}" class="group"'
            if cell and cell.row_span > 1:
                attrs += f' rowspan="{cell.row_span}"'
            # A blank line opens the cells of a spaced row (LibreOffice reads no CSS padding).
            space = "<br>" if r in block.spaced_rows else ""
            text = html.escape(cell.text if cell else "")
            out.append(f"<{tag}{attrs}>{space}{text}</{tag}>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def case_html(case: Case) -> str:
    body = []
    for block in case.blocks:
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block)}</p>")
        elif isinstance(block, NumberedParagraphs):
            rows = "".join(
                f'<tr><td valign="top" width="6%"><b>{n}</b></td><td>{html.escape(text)}</td></tr>'
                for n, text in enumerate(block.paragraphs, start=block.first)
            )
            body.append(f'<table class="numbered" width="100%" cellspacing="0">{rows}</table>')
        elif isinstance(block, list):
            rows = "".join(
                f'<tr><td align="right"><b>{html.escape(f)}</b></td><td>{html.escape(s)}</td></tr>'
                for f, s in block
            )
            body.append(f'<table class="figures" cellspacing="0">{rows}</table>')
        else:
            if block.caption:
                body.append(f'<p class="caption">{html.escape(block.caption)}</p>')
            if block.style == "text":
                body.append(
                    f"<pre>{html.escape(chr(10).join(text_table_lines(block.table)))}</pre>"
                )
            else:
                body.append(_html_table(block))
    wrapper = '<div class="tight">' if case.tight else "<div>"
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_CSS}</style></head>'
        f"<body>{wrapper}{''.join(body)}</div></body></html>"
    )


