"""Documents laid out with reportlab: one or two frames per page, tables, vector charts."""

from __future__ import annotations

import math
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.graphics.shapes import Drawing, Line, Rect, String, Wedge  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from scripts.generalisation.document import (  # noqa: E402
    NBSP,
    Document,
    bar_labels,
    cell_span,
    cell_text,
    column_count,
    footnote_numbers,
    fr_number,
    pie_slices,
    plain,
    split_calls,
)
from scripts.generalisation.layouts import Layout, caption, lines_under, shaped_tables  # noqa: E402

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
}
BASE14 = {
    "serif": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "sans": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
}
MARGIN = 2.2 * cm
GUTTER = 0.8 * cm
BAR_COLOR = colors.Color(0.2, 0.35, 0.55)


def missing() -> str | None:
    return None


def _fonts(family: str) -> tuple[str, str, str]:
    """(regular, bold, italic) font names, DejaVu when installed (accents), else base 14."""
    files = FONT_FILES[family]
    if not all((DEJAVU / f).exists() for f in files):
        return BASE14[family]
    names = tuple(f.removesuffix(".ttf") for f in files)
    for name, file in zip(names, files, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(DEJAVU / file)))
    return names  # type: ignore[return-value]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Builder:
    def __init__(self, document: Document, layout: Layout, width: float) -> None:
        self.document = document
        self.layout = layout
        self.width = width
        self.numbers = footnote_numbers(document)
        self.pending_notes: list[int] = []
        regular, bold, italic = _fonts(layout.font)
        self.bold = bold
        self.regular = regular
        size = layout.size
        self.body = ParagraphStyle(
            "body",
            fontName=regular,
            fontSize=size,
            leading=size * 1.35,
            alignment=TA_JUSTIFY,
            spaceAfter=size * 0.6,
        )
        self.heading = {
            level: ParagraphStyle(
                level,
                fontName=bold,
                fontSize=size + bump,
                leading=(size + bump) * 1.3,
                spaceBefore=size * 0.8,
                spaceAfter=size * 0.5,
            )
            for level, bump in (("title", 5), ("chapter", 3), ("h1", 1.5), ("h2", 0.5), ("h3", 0))
        }
        self.caption = ParagraphStyle(
            "caption",
            fontName=bold,
            fontSize=size - 1,
            leading=(size - 1) * 1.3,
            alignment=TA_CENTER,
            spaceBefore=size * 0.5,
            spaceAfter=size * 0.4,
        )
        self.small = ParagraphStyle(
            "small",
            fontName=italic,
            fontSize=size - 2,
            leading=(size - 2) * 1.3,
            spaceAfter=size * 0.8,
        )
        self.cell = ParagraphStyle(
            "cell", fontName=regular, fontSize=size - 1.5, leading=(size - 1.5) * 1.25
        )
        self.cell_num = ParagraphStyle("cell_num", parent=self.cell, alignment=TA_RIGHT)
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell, fontName=bold, alignment=TA_CENTER
        )
        self.note = ParagraphStyle(
            "note", fontName=regular, fontSize=size - 2.5, leading=(size - 2.5) * 1.3
        )

    def markup(self, text: str) -> str:
        out = []
        for run, key in split_calls(text):
            out.append(_escape(run))
            if key is not None and self.layout.footnotes:
                number = self.numbers[key]
                out.append(f'<super rise="3" size="{self.layout.size * 0.65:.1f}">{number}</super>')
                if number not in self.pending_notes:
                    self.pending_notes.append(number)
        return "".join(out)

    def flush_notes(self) -> list[Flowable]:
        if not self.pending_notes:
            return []
        by_number = {n: self.document.footnotes[k] for k, n in self.numbers.items()}
        notes: list[Flowable] = [Spacer(1, 4)]
        notes += [
            Paragraph(f"{n}{NBSP}{_escape(plain(by_number[n]))}", self.note)
            for n in self.pending_notes
        ]
        self.pending_notes = []
        return [*notes, Spacer(1, 6)]

    def block(self, block: tuple) -> list[Flowable]:
        kind = block[0]
        if kind == "p":
            return [Paragraph(self.markup(block[1]), self.body)]
        if kind in ("title", "h1", "h2", "h3"):
            return [Paragraph(_escape(plain(block[1])), self.heading[kind])]
        if kind == "chapter":
            flows = self.flush_notes()
            return flows + [
                Paragraph(_escape(plain(f"{block[1]} – {block[2]}")), self.heading["chapter"])
            ]
        if kind == "table":
            return [f for spec in shaped_tables(block[1], self.layout) for f in self.table(spec)]
        if kind == "chart":
            return self.chart(block[1])
        if kind == "reco":
            label, text = block[1]
            return self.box([f"<b>{_escape(plain(label))}</b> {self.markup(text)}"])
        if kind == "box":
            return self.box(
                [f"<b>{_escape(plain(block[1]))}</b>", *(self.markup(t) for t in block[2])]
            )
        if kind == "list":
            item_style = ParagraphStyle("item", parent=self.body, leftIndent=14)
            items = [Paragraph(self.markup(t), item_style, bulletText="–") for t in block[2]]
            return [Paragraph(self.markup(block[1]), self.body), *items]
        raise ValueError(f"unknown block kind {kind!r}")

    def box(self, paragraphs: list[str]) -> list[Flowable]:
        inner = [Paragraph(p, self.body) for p in paragraphs]
        table = Table([[inner]], colWidths=[self.width - 0.6 * cm])
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, colors.Color(0.2, 0.3, 0.5)),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.94, 0.95, 0.98)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 7),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return [Spacer(1, 4), table, Spacer(1, 8)]

    def table(self, spec: dict) -> list[Flowable]:
        header = spec["header"]
        n_cols = column_count(spec)
        data: list[list] = []
        spans: list[tuple] = []
        for r, row in enumerate(header):
            cells: list = []
            for c, cell in enumerate(row):
                colspan, rowspan = cell_span(cell)
                if colspan > 1 or rowspan > 1:
                    spans.append(("SPAN", (c, r), (c + colspan - 1, r + rowspan - 1)))
                cells.append(Paragraph(_escape(cell_text(cell)), self.cell_head))
                cells += [""] * (colspan - 1)
            data.append((cells + [""] * n_cols)[:n_cols])
        for row in spec["rows"]:
            data.append(
                [
                    Paragraph(_escape(cell_text(text)), self.cell_num if c else self.cell)
                    for c, text in enumerate(row)
                ]
            )
        first = self.width * (0.42 if n_cols > 2 else 0.6)
        widths = [first] + [(self.width - first) / (n_cols - 1)] * (n_cols - 1)
        nh = len(header)
        table = Table(data, colWidths=widths, repeatRows=nh)
        style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]
        if self.layout.table_rules == "ruled":
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        elif self.layout.table_rules == "header":
            style += [
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.5, colors.black),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
            ]
        table.setStyle(TableStyle(style))
        flows: list[Flowable] = [Paragraph(_escape(caption("Tableau", spec)), self.caption), table]
        flows += [Paragraph(self.markup(line), self.small) for line in lines_under(spec)]
        return [KeepTogether(flows)]

    def pie(self, spec: dict) -> Drawing:
        """Wedges clockwise from twelve o'clock, each named beside it, its share on it."""
        width, height = self.width, 6.0 * cm
        cx, cy, radius = width / 2, height / 2, 2.2 * cm
        size = max(self.layout.size - 3, 6)
        drawing = Drawing(width, height)
        for label, value, start, sweep, colour in pie_slices(spec):
            # reportlab counts degrees anticlockwise from three o'clock.
            end_deg = 90 - math.degrees(start)
            drawing.add(
                Wedge(
                    cx,
                    cy,
                    radius,
                    end_deg - math.degrees(sweep),
                    end_deg,
                    fillColor=colors.HexColor(colour),
                    strokeColor=colors.white,
                )
            )
            middle = start + sweep / 2
            dx, dy = math.sin(middle), math.cos(middle)
            drawing.add(
                String(
                    cx + 0.65 * radius * dx,
                    cy + 0.65 * radius * dy - 2.5,
                    f"{fr_number(value)}{NBSP}%",
                    fontName=self.bold,
                    fontSize=size,
                    textAnchor="middle",
                    fillColor=colors.white,
                )
            )
            if label:
                anchor = "start" if dx > 0.1 else "end" if dx < -0.1 else "middle"
                drawing.add(
                    String(
                        cx + (radius + 8) * dx,
                        cy + (radius + 8) * dy - 2.5,
                        plain(label),
                        fontName=self.regular,
                        fontSize=size,
                        textAnchor=anchor,
                    )
                )
        return drawing

    def chart(self, spec: dict) -> list[Flowable]:
        if "slices" in spec:
            flows: list[Flowable] = [
                Paragraph(_escape(caption("Graphique", spec)), self.caption),
                self.pie(spec),
            ]
            if spec.get("source"):
                flows.append(Paragraph(self.markup(spec["source"]), self.small))
            return [KeepTogether(flows)]
        width, height = self.width, 6.5 * cm
        x0, y0, x1 = 1.6 * cm, 1.0 * cm, width - 0.3 * cm
        plot_h = height - y0 - 0.8 * cm
        axis_max, step = spec["axis_max"], spec["tick_step"]
        size = max(self.layout.size - 3, 6)
        drawing = Drawing(width, height)

        def y_of(value: float) -> float:
            return y0 + plot_h * value / axis_max

        for i in range(int(round(axis_max / step)) + 1):
            y = y_of(i * step)
            drawing.add(Line(x0 - 3, y, x1, y, strokeColor=colors.Color(0.8, 0.8, 0.8)))
            drawing.add(
                String(
                    x0 - 5,
                    y - 2.5,
                    fr_number(i * step),
                    fontName=self.regular,
                    fontSize=size,
                    textAnchor="end",
                )
            )
        slot = (x1 - x0) / len(spec["bars"])
        for i, ((label, value), printed) in enumerate(
            zip(spec["bars"], bar_labels(spec), strict=True)
        ):
            cx = x0 + slot * (i + 0.5)
            bar_w = slot * 0.55
            drawing.add(
                Rect(
                    cx - bar_w / 2,
                    y0,
                    bar_w,
                    y_of(value) - y0,
                    fillColor=BAR_COLOR,
                    strokeColor=None,
                    strokeWidth=0,
                )
            )
            drawing.add(
                String(
                    cx,
                    y0 - 10,
                    plain(label),
                    fontName=self.regular,
                    fontSize=size,
                    textAnchor="middle",
                )
            )
            drawing.add(
                String(
                    cx,
                    y_of(value) + 3,
                    printed,
                    fontName=self.bold,
                    fontSize=size,
                    textAnchor="middle",
                )
            )
        drawing.add(Line(x0, y0, x0, y_of(axis_max), strokeColor=colors.black))
        drawing.add(Line(x0, y0, x1, y0, strokeColor=colors.black))
        flows: list[Flowable] = [
            Paragraph(_escape(caption("Graphique", spec)), self.caption),
            drawing,
        ]
        if spec.get("source"):
            flows.append(Paragraph(self.markup(spec["source"]), self.small))
        return [KeepTogether(flows)]


def render(document: Document, layout: Layout, pdf: Path) -> None:
    page_w, page_h = A4
    columns = layout.columns
    column_w = (page_w - 2 * MARGIN - GUTTER * (columns - 1)) / columns
    frames = [
        Frame(
            MARGIN + i * (column_w + GUTTER),
            MARGIN,
            column_w,
            page_h - 2 * MARGIN - 0.4 * cm,
            id=f"column{i}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for i in range(columns)
    ]
    builder = _Builder(document, layout, column_w)
    regular, bold, _ = _fonts(layout.font)

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(bold, 7)
        canvas.drawString(MARGIN, page_h - MARGIN + 0.3 * cm, "COUR DES COMPTES")
        canvas.setFont(regular, 8)
        canvas.drawCentredString(page_w / 2, MARGIN - 0.8 * cm, str(doc.page))
        canvas.restoreState()

    # one column: a note right after the paragraph calling it; two: at the end of the chapter
    story: list[Flowable] = []
    for block in document.blocks:
        story += builder.block(block)
        if columns == 1:
            story += builder.flush_notes()
    story += builder.flush_notes()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(pdf),
        pagesize=A4,
        invariant=1,
        title=plain(document.title),
        author="Cour des comptes (corpus)",
        creator="reportlab",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=furniture)])
    doc.build(story)
