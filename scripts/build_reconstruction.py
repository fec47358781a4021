"""Build the reconstruction of the Cour des comptes report on the DINUM (July 2024).

The original PDF is not available to the project; this script lays out, with reportlab, a
reconstruction of its key pages from the published figures (content in
`reconstruction_content.py`). The build is reproducible: reportlab's invariant mode fixes
the creation date and document id, so two builds give the same bytes.

Usage:
    python scripts/build_reconstruction.py                      # data/raw/...pdf + manifest
    python scripts/build_reconstruction.py --output /tmp/x.pdf  # another path, no manifest
    python scripts/build_reconstruction.py --no-chart-values --output /tmp/geom.pdf
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
import sys
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1

from reportlab.graphics.shapes import Drawing, Line, Rect, String, Wedge  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: E402
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
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reconstruction_content as content  # noqa: E402

from warehouse.manifest import write_manifest_row  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "data" / "raw" / "dinum_pilotage_2024_reconstruction.pdf"
DEFAULT_MANIFEST = ROOT / "data" / "raw" / "manifest.csv"

NBSP = "\u00a0"
PAGE_W, PAGE_H = A4
MARGIN_X = 2.5 * cm
TOP_Y = PAGE_H - 2.3 * cm  # top of the text frame
FOOTER_Y = 1.3 * cm  # baseline of the page number
FRAME_BOTTOM = 2.2 * cm  # bottom of the frame when the page has no footnote
TEXT_W = PAGE_W - 2 * MARGIN_X

BAR_COLOR = colors.Color(0.122, 0.306, 0.475)  # Cour blue, also used by the tests
GRID_COLOR = colors.Color(0.82, 0.82, 0.82)
# Pie slices in order, the unnamed remainder last, in grey.
SLICE_COLORS = (
    BAR_COLOR,
    colors.Color(0.878, 0.482, 0.224),
    colors.Color(0.416, 0.659, 0.310),
    colors.Color(0.6, 0.6, 0.6),
)
HEADER_FILL = colors.Color(0.9, 0.92, 0.95)
RECO_FILL = colors.Color(0.93, 0.95, 0.98)


# --------------------------------------------------------------------------- fonts
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_FILES = {
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
    "Sans-Oblique": "DejaVuSans-Oblique.ttf",
    "Sans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


def register_fonts() -> dict[str, str]:
    """DejaVu when the system has it, else the standard Times/Helvetica (WinAnsi)."""
    if all((DEJAVU_DIR / f).exists() for f in DEJAVU_FILES.values()):
        for key, fname in DEJAVU_FILES.items():
            pdfmetrics.registerFont(TTFont(f"DejaVu{key}", str(DEJAVU_DIR / fname)))
        pdfmetrics.registerFontFamily(
            "DejaVuSerif",
            normal="DejaVuSerif",
            bold="DejaVuSerif-Bold",
            italic="DejaVuSerif-Italic",
            boldItalic="DejaVuSerif-BoldItalic",
        )
        pdfmetrics.registerFontFamily(
            "DejaVuSans",
            normal="DejaVuSans",
            bold="DejaVuSans-Bold",
            italic="DejaVuSans-Oblique",
            boldItalic="DejaVuSans-BoldOblique",
        )
        return {
            "serif": "DejaVuSerif",
            "serif_bold": "DejaVuSerif-Bold",
            "serif_italic": "DejaVuSerif-Italic",
            "sans": "DejaVuSans",
            "sans_bold": "DejaVuSans-Bold",
        }
    return {
        "serif": "Times-Roman",
        "serif_bold": "Times-Bold",
        "serif_italic": "Times-Italic",
        "sans": "Helvetica",
        "sans_bold": "Helvetica-Bold",
    }


FONTS = register_fonts()


def make_styles() -> dict[str, ParagraphStyle]:
    f = FONTS
    return {
        "body": ParagraphStyle(
            "body",
            fontName=f["serif"],
            fontSize=10,
            leading=14,
            alignment=TA_JUSTIFY,
            firstLineIndent=0.6 * cm,
            spaceAfter=6,
        ),
        "chapter_label": ParagraphStyle(
            "chapter_label",
            fontName=f["sans_bold"],
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=4,
        ),
        "chapter_title": ParagraphStyle(
            "chapter_title",
            fontName=f["sans_bold"],
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            spaceAfter=14,
        ),
        "title": ParagraphStyle(
            "title",
            fontName=f["sans_bold"],
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceAfter=16,
        ),
        "h1": ParagraphStyle(
            "h1",
            fontName=f["sans_bold"],
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=6,
            textColor=colors.Color(0.1, 0.2, 0.4),
        ),
        "h2": ParagraphStyle(
            "h2",
            fontName=f["sans_bold"],
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=5,
            leftIndent=0.4 * cm,
        ),
        "h3": ParagraphStyle(
            "h3",
            fontName=f["serif_italic"],
            fontSize=10.5,
            leading=14,
            spaceBefore=4,
            spaceAfter=4,
            leftIndent=0.8 * cm,
        ),
        "caption": ParagraphStyle(
            "caption",
            fontName=f["sans_bold"],
            fontSize=9,
            leading=12,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=5,
        ),
        "source": ParagraphStyle(
            "source",
            fontName=f["serif_italic"],
            fontSize=8,
            leading=10,
            alignment=TA_LEFT,
            spaceBefore=3,
            spaceAfter=10,
        ),
        "cell": ParagraphStyle("cell", fontName=f["sans"], fontSize=8.5, leading=10.5),
        "cell_num": ParagraphStyle(
            "cell_num",
            fontName=f["sans"],
            fontSize=8.5,
            leading=10.5,
            alignment=TA_RIGHT,
        ),
        "cell_head": ParagraphStyle(
            "cell_head",
            fontName=f["sans_bold"],
            fontSize=8.5,
            leading=10.5,
            alignment=TA_CENTER,
        ),
        "reco": ParagraphStyle(
            "reco",
            fontName=f["sans"],
            fontSize=9.5,
            leading=13,
            alignment=TA_JUSTIFY,
        ),
        "footnote": ParagraphStyle(
            "footnote",
            fontName=f["serif"],
            fontSize=7.5,
            leading=9.5,
            alignment=TA_JUSTIFY,
        ),
        "toc": ParagraphStyle("toc", fontName=f["serif"], fontSize=10, leading=13),
        "toc_chapter": ParagraphStyle(
            "toc_chapter",
            fontName=f["sans_bold"],
            fontSize=10,
            leading=13,
        ),
        "toc_num": ParagraphStyle(
            "toc_num",
            fontName=f["serif"],
            fontSize=10,
            leading=13,
            alignment=TA_RIGHT,
        ),
    }


STYLES = make_styles()


# --------------------------------------------------------------------------- text markup
FOOTNOTE_CALL = re.compile(r"\[\^(\w+)\]")


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


YEAR_AFTER_SPACE = re.compile(r" (?=(?:19|20)\d\d\b)")


def tie_years(text: str) -> str:
    """A year never starts a line: `En 2022`, `fin 2023`, `janvier 2022` stay together."""
    return YEAR_AFTER_SPACE.sub(NBSP, text)


def plain(text: str) -> str:
    """Content string -> printed string (`~` is a no-break space; no footnote calls)."""
    return tie_years(FOOTNOTE_CALL.sub("", text).replace("~", NBSP))


def markup(text: str, numbers: dict[str, int]) -> str:
    """Content string -> reportlab paragraph markup, footnote calls as raised small digits."""
    out = tie_years(escape(text).replace("~", NBSP))

    def call(m: re.Match[str]) -> str:
        return f'<super rise="3.5" size="6.5">{numbers[m.group(1)]}</super>'

    return FOOTNOTE_CALL.sub(call, out)


def fr_number(value: float, decimals: int = 0) -> str:
    """French format: `22 043` (no-break space), `52,8`."""
    text = f"{value:,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return text


# --------------------------------------------------------------------------- tables
def build_table(spec: dict) -> list[Flowable]:
    n_cols = len(spec["col_widths"])
    data: list[list] = []
    span_cmds: list[tuple] = []
    header_rows = spec["header"]
    for r, row in enumerate(header_rows):
        cells: list = []
        for c, cell in enumerate(row):
            if cell is None:
                cells.append("")
                continue
            if isinstance(cell, tuple):
                text, colspan, rowspan = cell
                if colspan > 1 or rowspan > 1:
                    span_cmds.append(("SPAN", (c, r), (c + colspan - 1, r + rowspan - 1)))
            else:
                text = cell
            cells.append(Paragraph(escape(plain(text)), STYLES["cell_head"]))
        cells += [""] * (n_cols - len(cells))
        data.append(cells)
    indent_rows = set(spec.get("indent_rows", []))
    for i, row in enumerate(spec["rows"]):
        cells = []
        for c, text in enumerate(row):
            is_num = c == n_cols - 1 or re.fullmatch(r"[\d\s,\u00a0]+", text) is not None
            style = STYLES["cell_num"] if is_num and c > 0 else STYLES["cell"]
            label = escape(plain(text))
            if i in indent_rows and c == 0:
                label = f"<i>{label}</i>"
                style = ParagraphStyle("indent", parent=style, leftIndent=0.5 * cm)
            cells.append(Paragraph(label, style))
        data.append(cells)
    nh = len(header_rows)
    table = Table(
        data,
        colWidths=[w * cm for w in spec["col_widths"]],
        hAlign="CENTER",
        repeatRows=nh,
    )
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, nh - 1), HEADER_FILL),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.6, colors.black),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    if nh > 1:
        # the spanning header cell gets a short rule under it, as in the printed reports
        for cmd in span_cmds:
            (c0, r0), (c1, r1) = cmd[1], cmd[2]
            if c1 > c0 and r1 == r0:
                style.append(("LINEBELOW", (c0, r0), (c1, r0), 0.4, colors.black))
    table.setStyle(TableStyle(style + span_cmds))
    caption = Paragraph(
        escape(plain(f"Tableau n°~{spec['number']}~: {spec['title']}")), STYLES["caption"]
    )
    source = Paragraph(escape(plain(spec["source"])), STYLES["source"])
    return [KeepTogether([caption, table, source])]


# --------------------------------------------------------------------------- charts
def build_pie(spec: dict, show_values: bool) -> Drawing:
    """A pie drawn with vector wedges, clockwise from twelve o'clock: each slice named
    beside it, its share printed on it."""
    width, height = TEXT_W, 6.4 * cm
    cx, cy, radius = width / 2, height / 2, 2.5 * cm
    f = FONTS
    d = Drawing(width, height)
    total = sum(value for _, value in spec["slices"])
    angle = 90.0  # reportlab counts degrees anticlockwise from three o'clock
    for (label, value), color in zip(spec["slices"], SLICE_COLORS, strict=False):
        sweep = 360.0 * value / total
        d.add(
            Wedge(
                cx,
                cy,
                radius,
                angle - sweep,
                angle,
                fillColor=color,
                strokeColor=colors.white,
                strokeWidth=0.8,
            )
        )
        middle = math.radians(angle - sweep / 2)
        if label:
            lx, ly = cx + (radius + 10) * math.cos(middle), cy + (radius + 10) * math.sin(middle)
            anchor = (
                "start"
                if math.cos(middle) > 0.1
                else "end"
                if math.cos(middle) < -0.1
                else "middle"
            )
            d.add(String(lx, ly - 2.8, label, fontName=f["sans"], fontSize=7.5, textAnchor=anchor))
        if show_values:
            vx, vy = cx + 0.65 * radius * math.cos(middle), cy + 0.65 * radius * math.sin(middle)
            d.add(
                String(
                    vx,
                    vy - 2.8,
                    f"{fr_number(value)}{NBSP}%",
                    fontName=f["sans_bold"],
                    fontSize=7.5,
                    textAnchor="middle",
                    fillColor=colors.white,
                )
            )
        angle -= sweep
    return d


def build_chart(spec: dict, show_values: bool) -> list[Flowable]:
    """A chart drawn with vector shapes: a pie of wedges, or vertical bars (rectangles,
    axis, ticks, grid lines)."""
    if "slices" in spec:
        return _captioned(spec, build_pie(spec, show_values))
    width, height = TEXT_W, 7.2 * cm
    x0, y0 = 2.0 * cm, 1.1 * cm  # plot origin (axis corner)
    x1 = width - 0.5 * cm
    plot_h = height - y0 - 0.9 * cm
    axis_max, step = spec["axis_max"], spec["tick_step"]
    f = FONTS
    d = Drawing(width, height)

    def y_of(v: float) -> float:
        return y0 + plot_h * v / axis_max

    n_ticks = int(round(axis_max / step))
    for i in range(n_ticks + 1):
        v = i * step
        y = y_of(v)
        if i > 0:
            d.add(Line(x0, y, x1, y, strokeColor=GRID_COLOR, strokeWidth=0.4))
        d.add(Line(x0 - 4, y, x0, y, strokeColor=colors.black, strokeWidth=0.6))
        d.add(
            String(
                x0 - 6, y - 2.8, fr_number(v), fontName=f["sans"], fontSize=7.5, textAnchor="end"
            )
        )
    bars = spec["bars"]
    slot = (x1 - x0) / len(bars)
    bar_w = min(slot * 0.55, 2.2 * cm)
    for i, (label, value) in enumerate(bars):
        cx = x0 + slot * (i + 0.5)
        d.add(
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
        d.add(String(cx, y0 - 12, label, fontName=f["sans"], fontSize=7.5, textAnchor="middle"))
        if show_values:
            dec = spec["decimals"] if value != int(value) else 0
            d.add(
                String(
                    cx,
                    y_of(value) + 3.5,
                    fr_number(value, dec),
                    fontName=f["sans_bold"],
                    fontSize=7.5,
                    textAnchor="middle",
                )
            )
    d.add(Line(x0, y0, x0, y_of(axis_max), strokeColor=colors.black, strokeWidth=0.6))
    d.add(Line(x0, y0, x1, y0, strokeColor=colors.black, strokeWidth=0.6))
    return _captioned(spec, d)


def _captioned(spec: dict, d: Drawing) -> list[Flowable]:
    """The drawing between its caption and its source line, kept on one page."""
    d.hAlign = "CENTER"
    caption = Paragraph(
        escape(plain(f"Graphique n°~{spec['number']}~: {spec['title']}")), STYLES["caption"]
    )
    source = Paragraph(escape(plain(spec["source"])), STYLES["source"])
    return [KeepTogether([caption, d, source])]


# --------------------------------------------------------------------------- boxes
def build_reco(reco: tuple[str, str], numbers: dict[str, int]) -> list[Flowable]:
    label, text = reco
    para = Paragraph(f"<b>{escape(plain(label))}</b> {markup(text, numbers)}", STYLES["reco"])
    box = Table([[para]], colWidths=[TEXT_W - 1 * cm], hAlign="CENTER")
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.Color(0.1, 0.2, 0.4)),
                ("BACKGROUND", (0, 0), (-1, -1), RECO_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    return [Spacer(1, 6), box, Spacer(1, 8)]


# --------------------------------------------------------------------------- pages
def footnote_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for page in content.PAGES:
        for block in page:
            texts = [block[1]] if block[0] == "p" else []
            if block[0] == "reco":
                texts = [block[1][1]]
            for text in texts:
                for key in FOOTNOTE_CALL.findall(text):
                    numbers.setdefault(key, len(numbers) + 1)
    return numbers


def page_footnotes(page: list[tuple], numbers: dict[str, int]) -> list[tuple[int, str]]:
    notes: list[tuple[int, str]] = []
    for block in page:
        text = block[1] if block[0] == "p" else (block[1][1] if block[0] == "reco" else "")
        for key in FOOTNOTE_CALL.findall(text):
            notes.append((numbers[key], content.FOOTNOTES[key]))
    return notes


def footnote_paragraphs(notes: list[tuple[int, str]]) -> list[Paragraph]:
    return [Paragraph(f"{n}{NBSP}{escape(plain(text))}", STYLES["footnote"]) for n, text in notes]


def footnote_height(paras: list[Paragraph]) -> float:
    if not paras:
        return 0.0
    return 8 + sum(p.wrap(TEXT_W, PAGE_H)[1] + 2 for p in paras)


def heading_entries() -> list[tuple[str, str, int]]:
    """(kind, text, page number) for the table of contents; content starts on page 3."""
    entries = []
    for i, page in enumerate(content.PAGES):
        for block in page:
            if block[0] == "title":
                entries.append(("chapter", block[1], i + 3))
            elif block[0] == "chapter":
                entries.append(("chapter", f"{block[1]} – {block[2]}", i + 3))
            elif block[0] == "h1":
                entries.append(("h1", block[1], i + 3))
    return entries


def toc_flowables() -> list[Flowable]:
    rows = []
    for kind, text, page in heading_entries():
        style = STYLES["toc_chapter"] if kind == "chapter" else STYLES["toc"]
        indent = 0 if kind == "chapter" else 0.6 * cm
        p = Paragraph(escape(plain(text)), ParagraphStyle("t", parent=style, leftIndent=indent))
        rows.append([p, Paragraph(str(page), STYLES["toc_num"])])
    table = Table(rows, colWidths=[TEXT_W - 1.5 * cm, 1.5 * cm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Paragraph("Sommaire", STYLES["title"]), Spacer(1, 10), table]


def cover_flowables() -> list[Flowable]:
    c = content.COVER
    f = FONTS
    big = ParagraphStyle(
        "cover_inst",
        fontName=f["sans_bold"],
        fontSize=22,
        leading=28,
        alignment=TA_CENTER,
        textColor=colors.Color(0.1, 0.2, 0.4),
    )
    kind = ParagraphStyle(
        "cover_kind", fontName=f["sans"], fontSize=12, leading=16, alignment=TA_CENTER
    )
    title = ParagraphStyle(
        "cover_title", fontName=f["sans_bold"], fontSize=18, leading=24, alignment=TA_CENTER
    )
    small = ParagraphStyle(
        "cover_small", fontName=f["sans"], fontSize=11, leading=15, alignment=TA_CENTER
    )
    notice = ParagraphStyle(
        "cover_notice",
        fontName=f["serif_italic"],
        fontSize=8.5,
        leading=11.5,
        alignment=TA_CENTER,
        textColor=colors.Color(0.3, 0.3, 0.3),
    )
    return [
        Spacer(1, 2.5 * cm),
        Paragraph(escape(c["institution"]), big),
        Spacer(1, 3.2 * cm),
        Paragraph(escape(c["kind"]), kind),
        Spacer(1, 1.0 * cm),
        Paragraph(escape(plain(c["title"])), title),
        Spacer(1, 1.2 * cm),
        Paragraph(escape(c["subtitle"]), small),
        Spacer(1, 0.4 * cm),
        Paragraph(escape(c["date"]), small),
        Spacer(1, 6.5 * cm),
        Paragraph(escape(plain(c["notice"])), notice),
    ]


def block_flowables(block: tuple, numbers: dict[str, int], show_values: bool) -> list[Flowable]:
    kind = block[0]
    if kind == "p":
        return [Paragraph(markup(block[1], numbers), STYLES["body"])]
    if kind == "title":
        return [Paragraph(escape(plain(block[1])), STYLES["title"])]
    if kind == "chapter":
        return [
            Paragraph(escape(plain(block[1])), STYLES["chapter_label"]),
            Paragraph(escape(plain(block[2])), STYLES["chapter_title"]),
        ]
    if kind in ("h1", "h2", "h3"):
        return [Paragraph(escape(plain(block[1])), STYLES[kind])]
    if kind == "table":
        return build_table(block[1])
    if kind == "chart":
        return build_chart(block[1], show_values)
    if kind == "reco":
        return build_reco(block[1], numbers)
    raise ValueError(f"unknown block kind {kind!r}")


def draw_page_furniture(canv, page_no: int, notes: list[Paragraph]) -> None:
    canv.saveState()
    if page_no > 1:
        f = FONTS
        canv.setFont(f["sans_bold"], 7.5)
        canv.drawString(MARGIN_X, PAGE_H - 1.45 * cm, "COUR DES COMPTES")
        canv.setFont(f["sans"], 7)
        canv.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 1.45 * cm, content.SHORT_TITLE)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_X, PAGE_H - 1.6 * cm, PAGE_W - MARGIN_X, PAGE_H - 1.6 * cm)
        canv.setFont(f["serif"], 9)
        canv.drawCentredString(PAGE_W / 2, FOOTER_Y, str(page_no))
    if notes:
        y = FRAME_BOTTOM - 0.3 * cm + footnote_height(notes)
        canv.setLineWidth(0.4)
        canv.line(MARGIN_X, y - 2, MARGIN_X + 4 * cm, y - 2)
        y -= 6
        for para in notes:
            _, h = para.wrap(TEXT_W, PAGE_H)
            para.drawOn(canv, MARGIN_X, y - h)
            y -= h + 2
    canv.restoreState()


def build_story(show_values: bool) -> tuple[list[PageTemplate], list[Flowable], int]:
    numbers = footnote_numbers()
    all_pages: list[tuple[str, list[Flowable], list[tuple[int, str]]]] = [
        ("cover", cover_flowables(), []),
        ("toc", toc_flowables(), []),
    ]
    for page in content.PAGES:
        flows: list[Flowable] = []
        for block in page:
            flows += block_flowables(block, numbers, show_values)
        all_pages.append(("content", flows, page_footnotes(page, numbers)))

    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    for i, (_, flows, notes) in enumerate(all_pages):
        page_no = i + 1
        note_paras = footnote_paragraphs(notes)
        bottom = FRAME_BOTTOM + footnote_height(note_paras)
        frame = Frame(
            MARGIN_X,
            bottom,
            TEXT_W,
            TOP_Y - bottom,
            id=f"f{page_no}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

        def on_page(canv, _doc, page_no=page_no, note_paras=note_paras):
            draw_page_furniture(canv, page_no, note_paras)

        templates.append(PageTemplate(id=f"p{page_no}", frames=[frame], onPage=on_page))
        story += flows
        if page_no < len(all_pages):
            story += [NextPageTemplate(f"p{page_no + 1}"), PageBreak()]
    return templates, story, len(all_pages)


class ReconstructionDoc(BaseDocTemplate):
    def __init__(self, filename: str, **kw):
        super().__init__(filename, pagesize=A4, invariant=1, **kw)
        self.pages_built = 0

    def afterPage(self):
        self.pages_built = self.page


def build_pdf(output: Path, show_values: bool = True) -> str:
    output.parent.mkdir(parents=True, exist_ok=True)
    templates, story, expected_pages = build_story(show_values)
    doc = ReconstructionDoc(
        str(output),
        title=plain(content.TITLE),
        author="Cour des comptes (reconstitution)",
        subject="Reconstitution partielle du rapport public thématique de juillet 2024",
        creator="scripts/build_reconstruction.py",
        producer="reportlab",
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=PAGE_H - TOP_Y,
        bottomMargin=FRAME_BOTTOM,
    )
    doc.addPageTemplates(templates)
    doc.build(story)
    if doc.pages_built != expected_pages:
        raise RuntimeError(
            f"layout overflow: {doc.pages_built} pages built, {expected_pages} designed; "
            "a designed page does not fit on one sheet"
        )
    return hashlib.sha256(output.read_bytes()).hexdigest()


def update_manifest(manifest: Path, pdf: Path, sha256: str) -> None:
    write_manifest_row(
        manifest,
        {
            "report_id": content.REPORT_ID,
            "title": plain(content.TITLE),
            "publisher": content.PUBLISHER,
            "published_on": content.PUBLISHED_ON,
            "source_url": content.SOURCE_URL,
            "sha256": sha256,
            "file_name": pdf.name,
        },
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the PDF (default: %(default)s)",
    )
    parser.add_argument(
        "--no-chart-values",
        action="store_true",
        help="omit the values printed above the bars (geometry-only variant)",
    )
    parser.add_argument(
        "--manifest",
        type=Path,
        default=None,
        help="manifest to update; by default data/raw/manifest.csv, and only "
        "when building the default output with chart values",
    )
    args = parser.parse_args(argv)
    output = args.output.resolve()
    sha = build_pdf(output, show_values=not args.no_chart_values)
    manifest = args.manifest
    if manifest is None and output == DEFAULT_OUTPUT.resolve() and not args.no_chart_values:
        manifest = DEFAULT_MANIFEST
    if manifest is not None:
        update_manifest(manifest, output, sha)
    print(f"{output} sha256={sha}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
