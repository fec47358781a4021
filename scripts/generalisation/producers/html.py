"""A document as one HTML page (CSS for the layout, inline SVG for charts)."""

from __future__ import annotations

import math
from html import escape

from scripts.generalisation.document import (
    NBSP,
    Document,
    bar_labels,
    cell_span,
    cell_text,
    footnote_numbers,
    fr_number,
    pie_slices,
    plain,
    split_calls,
)
from scripts.generalisation.layouts import Layout, caption, lines_under, shaped_tables

FAMILIES = {"serif": "'DejaVu Serif', serif", "sans": "'DejaVu Sans', sans-serif"}
RULES = {
    "ruled": "table{border-collapse:collapse} td,th{border:0.6pt solid #000}",
    "header": "table{border-collapse:collapse} thead tr:first-child th{border-top:0.8pt solid #000}"
    " thead tr:last-child th{border-bottom:0.6pt solid #000}"
    " tbody tr:last-child td{border-bottom:0.8pt solid #000}",
    "none": "table{border-collapse:collapse}",
}


def _style(layout: Layout) -> str:
    return (
        f"@page{{size:A4;margin:2cm}} body{{font-family:{FAMILIES[layout.font]};"
        f"font-size:{layout.size}pt;line-height:1.35}}"
        f" main{{column-count:{layout.columns};column-gap:0.8cm}}"
        " p{text-align:justify;margin:0 0 0.5em}"
        " h1,h2,h3,h4{break-after:avoid;margin:0.8em 0 0.4em}"
        " figure{break-inside:avoid;margin:0.6em 0}"
        " figcaption{font-weight:bold;text-align:center;font-size:0.9em;margin-bottom:0.3em}"
        " .small{font-size:0.8em;font-style:italic}"
        " table{width:100%;font-size:0.85em} td,th{padding:2pt 4pt} td+td{text-align:right}"
        " aside{border:0.8pt solid #345;background:#eef1f8;padding:4pt 8pt;margin:0.6em 0;"
        "break-inside:avoid} .notes{font-size:0.75em;border-top:0.5pt solid #000;"
        "width:40%;padding-top:2pt} .notes p{width:250%}"
        f" {RULES[layout.table_rules]}"
    )


class _Writer:
    def __init__(self, document: Document, layout: Layout) -> None:
        self.document = document
        self.layout = layout
        self.numbers = footnote_numbers(document)
        self.pending: list[int] = []

    def text(self, markup: str) -> str:
        out = []
        for run, key in split_calls(markup):
            out.append(escape(run, quote=False))
            if key is not None and self.layout.footnotes:
                number = self.numbers[key]
                out.append(f"<sup>{number}</sup>")
                if number not in self.pending:
                    self.pending.append(number)
        return "".join(out)

    def notes(self) -> str:
        if not self.pending:
            return ""
        texts = {n: self.document.footnotes[k] for k, n in self.numbers.items()}
        lines = "".join(
            f"<p>{n}\u00a0{escape(plain(texts[n]), quote=False)}</p>" for n in self.pending
        )
        self.pending = []
        return f'<div class="notes">{lines}</div>'

    def block(self, block: tuple) -> str:
        kind = block[0]
        if kind == "p":
            return f"<p>{self.text(block[1])}</p>"
        if kind == "title":
            return f"<h1>{escape(plain(block[1]))}</h1>"
        if kind == "chapter":
            return self.notes() + f"<h2>{escape(plain(f'{block[1]} – {block[2]}'))}</h2>"
        if kind in ("h1", "h2", "h3"):
            return f"<h{int(kind[1]) + 1}>{escape(plain(block[1]))}</h{int(kind[1]) + 1}>"
        if kind == "table":
            return "".join(self.table(spec) for spec in shaped_tables(block[1], self.layout))
        if kind == "chart":
            return self.chart(block[1])
        if kind == "reco":
            label, text = block[1]
            return f"<aside><p><b>{escape(plain(label))}</b> {self.text(text)}</p></aside>"
        if kind == "box":
            paragraphs = "".join(f"<p>{self.text(t)}</p>" for t in block[2])
            return f"<aside><p><b>{escape(plain(block[1]))}</b></p>{paragraphs}</aside>"
        if kind == "list":
            items = "".join(f"<li>{self.text(t)}</li>" for t in block[2])
            return f"<p>{self.text(block[1])}</p><ul>{items}</ul>"
        raise ValueError(f"unknown block kind {kind!r}")

    def table(self, spec: dict) -> str:
        head = ""
        for row in spec["header"]:
            cells = ""
            for cell in row:
                if cell is None:
                    continue
                colspan, rowspan = cell_span(cell)
                cells += (
                    f'<th colspan="{colspan}" rowspan="{rowspan}">{escape(cell_text(cell))}</th>'
                )
            head += f"<tr>{cells}</tr>"
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(cell_text(c))}</td>" for c in row) + "</tr>"
            for row in spec["rows"]
        )
        under = "".join(f'<p class="small">{self.text(line)}</p>' for line in lines_under(spec))
        return (
            f"<figure><figcaption>{escape(caption('Tableau', spec))}</figcaption>"
            f"<table><thead>{head}</thead><tbody>{body}</tbody></table>{under}</figure>"
        )

    def chart(self, spec: dict) -> str:
        source = f'<p class="small">{self.text(spec["source"])}</p>' if spec.get("source") else ""
        return (
            f"<figure><figcaption>{escape(caption('Graphique', spec))}</figcaption>"
            f"{chart_svg(spec)}{source}</figure>"
        )


def pie_svg(spec: dict) -> str:
    """A pie as SVG: a path per slice, its name beside it, its share on it."""
    width, height, cx, cy, radius = 440.0, 200.0, 220.0, 100.0, 80.0
    parts = []

    def at(r: float, angle: float) -> tuple[float, float]:
        return cx + r * math.sin(angle), cy - r * math.cos(angle)

    for label, value, start, sweep, colour in pie_slices(spec):
        (x0, y0), (x1, y1) = at(radius, start), at(radius, start + sweep)
        large = 1 if sweep > math.pi else 0
        parts.append(
            f'<path d="M {cx} {cy} L {x0:.2f} {y0:.2f} A {radius} {radius} 0 {large} 1 '
            f'{x1:.2f} {y1:.2f} Z" fill="{colour}" stroke="#fff"/>'
        )
        middle = start + sweep / 2
        vx, vy = at(0.65 * radius, middle)
        parts.append(
            f'<text x="{vx:.2f}" y="{vy + 3:.2f}" text-anchor="middle" font-size="8" '
            f'font-weight="bold" fill="#fff">{fr_number(value)}{NBSP}%</text>'
        )
        if label:
            lx, ly = at(radius + 8, middle)
            anchor = (
                "start"
                if math.sin(middle) > 0.1
                else "end"
                if math.sin(middle) < -0.1
                else "middle"
            )
            parts.append(
                f'<text x="{lx:.2f}" y="{ly + 3:.2f}" text-anchor="{anchor}" '
                f'font-size="8">{escape(plain(label))}</text>'
            )
    return (
        f'<svg viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans">{"".join(parts)}</svg>'
    )


def chart_svg(spec: dict) -> str:
    """A vertical bar chart as SVG: grid, axis labels, bars, the printed value of each bar;
    or a pie."""
    if "slices" in spec:
        return pie_svg(spec)
    width, height, x0, y0, top = 440.0, 200.0, 50.0, 170.0, 20.0
    plot_h = y0 - top
    axis_max, step = spec["axis_max"], spec["tick_step"]

    def y_of(value: float) -> float:
        return y0 - plot_h * value / axis_max

    parts = []
    for i in range(int(round(axis_max / step)) + 1):
        y = y_of(i * step)
        parts.append(
            f'<line x1="{x0 - 3}" y1="{y:.2f}" x2="{width}" y2="{y:.2f}" '
            'stroke="#ccc" stroke-width="0.6"/>'
        )
        parts.append(
            f'<text x="{x0 - 6}" y="{y + 3:.2f}" text-anchor="end" '
            f'font-size="8">{fr_number(i * step)}</text>'
        )
    slot = (width - x0) / len(spec["bars"])
    for i, ((label, value), printed) in enumerate(zip(spec["bars"], bar_labels(spec), strict=True)):
        cx = x0 + slot * (i + 0.5)
        bar_w = slot * 0.55
        parts.append(
            f'<rect x="{cx - bar_w / 2:.2f}" y="{y_of(value):.2f}" '
            f'width="{bar_w:.2f}" height="{y0 - y_of(value):.2f}" fill="#33598c"/>'
        )
        parts.append(
            f'<text x="{cx:.2f}" y="{y0 + 12}" text-anchor="middle" '
            f'font-size="8">{escape(plain(label))}</text>'
        )
        parts.append(
            f'<text x="{cx:.2f}" y="{y_of(value) - 3:.2f}" text-anchor="middle" '
            f'font-size="8" font-weight="bold">{escape(printed)}</text>'
        )
    parts.append(f'<line x1="{x0}" y1="{y0}" x2="{width}" y2="{y0}" stroke="#000"/>')
    parts.append(f'<line x1="{x0}" y1="{y0}" x2="{x0}" y2="{top}" stroke="#000"/>')
    return (
        f'<svg viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans">{"".join(parts)}</svg>'
    )


def to_html(document: Document, layout: Layout) -> str:
    writer = _Writer(document, layout)
    body = []
    for block in document.blocks:
        body.append(writer.block(block))
        if layout.columns == 1:
            body.append(writer.notes())
    body.append(writer.notes())
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{escape(plain(document.title))}</title><style>{_style(layout)}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>"
    )
