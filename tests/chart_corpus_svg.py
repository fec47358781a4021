"""Charts of the corpus as inline SVG in an HTML page, printed to PDF by headless Chromium.

Browsers write every mark as a filled path (no `re` rectangles), arcs as Bézier curves and
text in the system's sans-serif font; rotated labels are glyphs set at an angle. Pages
follow the house style: caption above, source below; `pages` lays one or two charts a page.
"""

from __future__ import annotations

import math
import tempfile
from html import escape
from pathlib import Path

from scripts.pdf_printers import chromium_binary, print_with_chromium
from tests.chart_corpus import PALETTE, PROSE, SOURCE, ChartSpec, pie_label, tick_text, value_text

WIDTH, HEIGHT = 460, 270
# The plot area of bar and line charts; the right margin leaves room for a right axis.
LEFT, TOP, RIGHT, BOTTOM = 70, 15, 400, 185


def missing() -> str | None:
    if chromium_binary():
        return None
    return "chromium not installed (make corpus-deps): SVG charts skipped"


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11, **extra) -> str:
    attrs = " ".join(f'{k.replace("_", "-")}="{v}"' for k, v in extra.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" {attrs}>'
        f"{escape(text)}</text>"
    )


def _ticks(axis: tuple[float, float, float]) -> list[float]:
    lo, hi, step = axis
    return [lo + i * step for i in range(round((hi - lo) / step) + 1)]


def _category_label(spec: ChartSpec, x: float, y: float, text: str) -> str:
    """A category label under the plot: level, turned 45° or 90°, or over two lines."""
    if spec.rotate:
        return _text(x, y + 4, text, "end", transform=f"rotate(-{spec.rotate} {x:.1f} {y + 4:.1f})")
    lines = text.split("\n")
    return "".join(_text(x, y + 10 + 13 * i, line) for i, line in enumerate(lines))


def _legend(spec: ChartSpec, kinds: list[str]) -> str:
    parts = []
    x = LEFT
    y = HEIGHT - 12
    for color, series, kind in zip(PALETTE, spec.series, kinds, strict=False):
        if kind == "line":
            parts.append(
                f'<line x1="{x}" y1="{y - 4}" x2="{x + 14}" y2="{y - 4}" stroke="{color}" '
                'stroke-width="2"/>'
            )
        else:
            parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{color}"/>')
        parts.append(_text(x + 16, y, series.name or "", "start"))
        x += 30 + 7 * len(series.name or "")
    return "".join(parts)


def _xy_chart(spec: ChartSpec) -> str:
    """Bars (vertical, horizontal, grouped, stacked), lines, or bars with a right-hand line."""
    parts = []
    horizontal = spec.horizontal
    lo, hi, _ = spec.axis
    length = (RIGHT - LEFT) if horizontal else (BOTTOM - TOP)

    def pos(value: float, axis: tuple[float, float, float]) -> float:
        share = (value - axis[0]) / (axis[1] - axis[0])
        return LEFT + share * length if horizontal else BOTTOM - share * length

    for tick in _ticks(spec.axis):
        p = pos(tick, spec.axis)
        if horizontal:
            if spec.grid:
                parts.append(f'<line x1="{p}" y1="{TOP}" x2="{p}" y2="{BOTTOM}" stroke="#c8c8c8"/>')
            parts.append(_text(p, BOTTOM + 14, tick_text(spec, tick)))
        else:
            if spec.grid:
                parts.append(f'<line x1="{LEFT}" y1="{p}" x2="{RIGHT}" y2="{p}" stroke="#c8c8c8"/>')
            parts.append(_text(LEFT - 6, p + 4, tick_text(spec, tick), "end"))
    if spec.axis2 is not None:
        for tick in _ticks(spec.axis2):
            p = pos(tick, spec.axis2)
            parts.append(_text(RIGHT + 6, p + 4, tick_text(spec, tick, fmt=spec.fmt2), "start"))
    n_cat = len(spec.categories)
    band = ((BOTTOM - TOP) if horizontal else (RIGHT - LEFT)) / n_cat
    bar_series = [s for s in spec.series if not (spec.kind == "line" or s.right)]
    kinds = ["line" if (spec.kind == "line" or s.right) else "bar" for s in spec.series]
    stacked = spec.kind == "bar_stacked"
    width = band * 0.6 / (1 if stacked else max(1, len(bar_series)))
    zero = pos(max(lo, min(0, hi)), spec.axis)
    for c, category in enumerate(spec.categories):
        start = (TOP if horizontal else LEFT) + c * band
        centre = start + band / 2
        if horizontal:
            lines = category.split("\n")
            for i, line in enumerate(lines):
                parts.append(
                    _text(LEFT - 6, centre + 4 + 13 * (i - (len(lines) - 1) / 2), line, "end")
                )
        else:
            parts.append(_category_label(spec, centre, BOTTOM, category))
        base = lo if lo > 0 else 0.0
        for i, (color, series) in enumerate(zip(PALETTE, spec.series, strict=False)):
            if kinds[i] == "line":
                continue
            value = series.values[c]
            offset = 0 if stacked else (i - (len(bar_series) - 1) / 2) * width
            a, b = (
                (pos(base, spec.axis), pos(base + value, spec.axis))
                if stacked
                else (
                    zero,
                    pos(value, spec.axis),
                )
            )
            across = centre + offset - width / 2
            if horizontal:
                box = (min(a, b), across, abs(b - a), width)
            else:
                box = (across, min(a, b), width, abs(b - a))
            parts.append(
                f'<rect x="{box[0]:.2f}" y="{box[1]:.2f}" width="{box[2]:.2f}" '
                f'height="{box[3]:.2f}" fill="{color}"/>'
            )
            if spec.printed:
                label = value_text(spec, value)
                if stacked and horizontal:
                    parts.append(_text((a + b) / 2, centre + offset + 4, label, fill="white"))
                elif stacked:
                    parts.append(_text(centre, (a + b) / 2 + 4, label, fill="white"))
                elif horizontal:
                    parts.append(_text(b + 4, centre + offset + 4, label, "start"))
                else:
                    parts.append(_text(centre + offset, b - 4, label))
            if stacked:
                base += value
    for i, (color, series) in enumerate(zip(PALETTE, spec.series, strict=False)):
        if kinds[i] != "line":
            continue
        axis = spec.axis2 if series.right and spec.axis2 else spec.axis
        points = [(LEFT + (c + 0.5) * band, pos(v, axis)) for c, v in enumerate(series.values)]
        path = " ".join(f"{x:.2f},{y:.2f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in points:
            if spec.markers:
                parts.append(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="3" fill="{color}"/>')
        if spec.printed:
            for (x, y), v in zip(points, series.values, strict=True):
                parts.append(_text(x, y - 7, value_text(spec, v), size=9))
    parts.append(
        f'<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" stroke="#000"/>'
        if not horizontal
        else f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{BOTTOM}" stroke="#000"/>'
    )
    if spec.series[0].name is not None:
        parts.append(_legend(spec, kinds))
    return "".join(parts)


def _arc_point(cx: float, cy: float, r: float, angle: float) -> tuple[float, float]:
    """A point of a circle, angle in degrees clockwise from twelve o'clock."""
    rad = math.radians(angle)
    return cx + r * math.sin(rad), cy - r * math.cos(rad)


def _pie_chart(spec: ChartSpec) -> str:
    """Slices clockwise from twelve o'clock; a donut has a hole of half the radius."""
    parts = []
    values = spec.series[0].values
    total = sum(values)
    cx, cy, r = (170 if spec.legend == "right" else WIDTH / 2), 130, 95
    inner = r * 0.5 if spec.donut else 0.0
    angle = 0.0
    for i, (category, value) in enumerate(zip(spec.categories, values, strict=True)):
        sweep = 360 * value / total
        mid = angle + sweep / 2
        dx, dy = _arc_point(0, 0, 12, mid) if spec.explode == i else (0.0, 0.0)
        x0, y0 = _arc_point(cx + dx, cy + dy, r, angle)
        x1, y1 = _arc_point(cx + dx, cy + dy, r, angle + sweep)
        large = 1 if sweep > 180 else 0
        if inner:
            ix0, iy0 = _arc_point(cx + dx, cy + dy, inner, angle + sweep)
            ix1, iy1 = _arc_point(cx + dx, cy + dy, inner, angle)
            d = (
                f"M {x0:.2f} {y0:.2f} A {r} {r} 0 {large} 1 {x1:.2f} {y1:.2f} "
                f"L {ix0:.2f} {iy0:.2f} A {inner} {inner} 0 {large} 0 {ix1:.2f} {iy1:.2f} Z"
            )
        else:
            d = (
                f"M {cx + dx:.2f} {cy + dy:.2f} L {x0:.2f} {y0:.2f} "
                f"A {r} {r} 0 {large} 1 {x1:.2f} {y1:.2f} Z"
            )
        color = PALETTE[i % len(PALETTE)] if i < len(PALETTE) else "#7f7f7f"
        parts.append(f'<path d="{d}" fill="{color}" stroke="#ffffff" stroke-width="1"/>')
        if spec.printed:
            lx, ly = _arc_point(cx + dx, cy + dy, (r + inner) / 2 if inner else r * 0.62, mid)
            parts.append(_text(lx, ly + 4, pie_label(spec, value), fill="white", size=10))
        if spec.legend == "slices":
            lx, ly = _arc_point(cx + dx, cy + dy, r + 10, mid)
            anchor = (
                "start"
                if math.sin(math.radians(mid)) > 0.05
                else ("end" if math.sin(math.radians(mid)) < -0.05 else "middle")
            )
            parts.append(_text(lx, ly + 4, category, anchor))
        angle += sweep
    if spec.legend == "right":
        for i, category in enumerate(spec.categories):
            y = 70 + 20 * i
            color = PALETTE[i] if i < len(PALETTE) else "#7f7f7f"
            parts.append(f'<rect x="310" y="{y - 9}" width="10" height="10" fill="{color}"/>')
            parts.append(_text(326, y, category, "start"))
    return "".join(parts)


def _figure(spec: ChartSpec, width: int) -> str:
    body = _pie_chart(spec) if spec.kind == "pie" else _xy_chart(spec)
    caption = f'<p class="caption">{escape(spec.caption)}</p>' if spec.caption else ""
    return (
        f'<div class="figure">{caption}'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{HEIGHT * width / WIDTH:.0f}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'font-family="sans-serif">{body}</svg>'
        f'<p class="source">{escape(SOURCE)}</p></div>'
    )


def to_html(pages: list[tuple[ChartSpec, ...]]) -> str:
    style = (
        "@page { size: A4; margin: 2cm; } body { font-family: sans-serif; font-size: 10pt; }"
        ".page { page-break-after: always; } .row { display: flex; gap: 24px; }"
        ".caption { font-weight: bold; margin: 18px 0 6px; } .source { font-style: italic;"
        " font-size: 8pt; margin: 4px 0 14px; }"
    )
    html = [f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><style>{style}</style>"]
    html.append("</head><body>")
    for specs in pages:
        html.append('<div class="page">')
        html.append("".join(f"<p>{escape(line)}</p>" for line in PROSE))
        width = 620 if len(specs) == 1 else 300
        html.append('<div class="row">' + "".join(_figure(s, width) for s in specs) + "</div>")
        html.append("</div>")
    html.append("</body></html>")
    return "".join(html)


def render(pages: list[tuple[ChartSpec, ...]], pdf: Path) -> None:
    """Print the pages to pdf: page i of the list is page i + 1 of the file."""
    with tempfile.TemporaryDirectory(prefix="chart-corpus-chromium-") as tmp:
        page = Path(tmp) / "charts.html"
        page.write_text(to_html(pages), encoding="utf-8")
        print_with_chromium(page, pdf)
