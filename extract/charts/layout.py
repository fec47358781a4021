"""Finding charts on a page: caption above, source below, graphics and labels between.

In the Cour des comptes house style a chart is announced by a caption line
"Graphique n° N : titre (en unité)" above it and closed by a "Source : ..." line below
it. The region between them holds the chart's graphics and labels. Charts without a
caption are found as clusters of graphics that read as a chart (marks plus a value axis).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from extract.charts.marks import Reading, read_chart
from extract.charts.pies import read_pie
from extract.charts.primitives import (
    Phrase,
    as_rect,
    holding,
    is_slanted,
    merge,
    slanted_labels,
    untangle,
)
from extract.pdf import PageModel
from extract.pdf.captions import ANY_CAPTION_RE, CHART_CAPTION_RE, SOURCE_RE
from extract.pdf.colors import Color, to_rgb
from extract.pdf.columns import GUTTER_MIN_EM, ColumnBlock
from extract.pdf.geometry import inside, union
from extract.pdf.shapes import Shape, visible
from extract.pdf.words import group_lines
from extract.records import BBox, ExtractedChart

_UNIT_WORD = (
    r"(?:millions?|milliards?|milliers?|M€|Md€|Mds€|k€|€|%|euros?|ETP|jours?|mois|"
    r"ann[ée]es?|heures?|nombre|points?|pts?)(?=\W|$)"
)
# A caption's unit note is read ignoring case: some house styles set captions in
# capitals ("(EN %)").
_UNIT_PATTERNS = (
    re.compile(r"\(\s*en\s+([^()]+?)\s*\)", re.IGNORECASE),  # "(en millions de messages)"
    re.compile(rf"\(\s*({_UNIT_WORD}[^()]*?)\s*\)\s*$", re.IGNORECASE),  # "(M€)"
    re.compile(rf"\ben\s+({_UNIT_WORD}.*?)\s*$", re.IGNORECASE),  # "... en M€"
    re.compile(rf"^({_UNIT_WORD}.*?)\s*$"),  # an axis title: "millions de messages"
)
# Caption continuation lines follow at less than this gap (em): the leading of one
# paragraph, not the space before a chart.
_LINE_GAP_EM = 0.6
# Without a source line, graphics further apart than this (em) from the chart above
# are something else; the labels under a chart take up to this much room below it.
_CLUSTER_GAP_EM = 3.0
_LABEL_MARGIN_EM = 3.0
# Graphics sharing less than this (points) of their x extent only touch: a table's
# adjacent cell rules, not a gridline across a chart.
_TOUCH = 1.0
# A raster image smaller than this (em, both sides) is an icon or a logo, not a chart.
_MIN_IMAGE_EM = 8.0
# Margins (em) around a caption-less cluster of graphics where its labels can sit: tick
# labels and category names on the left, category names and legend below.
_FREE_MARGINS_EM = (8.0, 1.0, 4.0, 4.0)


@dataclass
class ChartFinding:
    """A chart with the page region it occupies (caption and source included)."""

    chart: ExtractedChart
    region: BBox


@dataclass
class _Line:
    words: list[Phrase]

    @property
    def text(self) -> str:
        return merge(self.words).text

    @property
    def box(self) -> BBox:
        return merge(self.words).bbox

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def bottom(self) -> float:
        return self.box[3]


def unit_from_text(text: str, axis_title: bool = False) -> str | None:
    """The unit stated in a caption ("(en %)") or, with axis_title, an axis title."""
    patterns = _UNIT_PATTERNS if axis_title else _UNIT_PATTERNS[:3]
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group(1).strip()
    return None


def _block(lines: list[_Line], start: int, graphics_top: float, em: float) -> list[_Line]:
    """A caption or source line with its continuation lines (same font, tight leading)."""
    first = lines[start]
    block = [first]
    font = (first.words[0].fontname, round(first.words[0].size, 1))
    for line in lines[start + 1 :]:
        word = line.words[0]
        beside = line.top < block[-1].bottom - _LINE_GAP_EM * em
        if beside or line.box[0] >= first.box[2] or line.box[2] <= first.box[0]:
            continue  # text of another column, on the same line or beside the block
        if (
            line.top - block[-1].bottom > _LINE_GAP_EM * em
            or (word.fontname, round(word.size, 1)) != font
            or line.bottom > graphics_top
            or ANY_CAPTION_RE.match(line.text)
            or SOURCE_RE.match(line.text)
        ):
            break
        block.append(line)
    return block


def _text(block: Sequence[_Line]) -> str:
    return " ".join(line.text for line in block)


def _caption_number(caption: str | None) -> int | None:
    match = CHART_CAPTION_RE.match(caption) if caption else None
    return int(match["number"]) if match else None


def _chart(
    page_number: int,
    reading: Reading | None,
    caption: str | None,
    unit: str | None,
    source: str | None,
    fallback_box: BBox,
    leftovers: Sequence[Phrase],
) -> ExtractedChart:
    number = _caption_number(caption)
    if reading is None:
        return ExtractedChart(
            page=page_number,
            bbox=fallback_box,
            kind="unknown",
            series=[],
            caption=caption,
            number=number,
            unit=unit,
            source_line=source,
            status="not_extracted: no bars nor lines found",
        )
    unit = reading.unit or unit
    if unit is None:
        used = {id(p) for p in reading.used}
        titles = [p.text for p in leftovers if id(p) not in used]
        unit = next((u for t in titles if (u := unit_from_text(t, axis_title=True))), None)
    if unit is None and reading.axis is not None:
        unit = reading.axis.unit
    return ExtractedChart(
        page=page_number,
        bbox=reading.bbox or fallback_box,
        kind=reading.kind,
        series=reading.series,
        caption=caption,
        number=number,
        unit=unit,
        source_line=source,
        status=reading.status,
        plot_bbox=reading.plot_bbox,
    )


def _lines_of(words: Sequence[Phrase]) -> list[_Line]:
    return [_Line(line) for line in group_lines(words)]


def _runs(line: _Line) -> list[_Line]:
    """A line cut at gaps as wide as a gutter: the text of one column each."""
    runs = [[line.words[0]]]
    for prev, word in zip(line.words, line.words[1:], strict=False):
        if word.x0 - prev.x1 >= GUTTER_MIN_EM * max(prev.size, word.size):
            runs.append([word])
        else:
            runs[-1].append(word)
    return [_Line(run) for run in runs]


def _leftover_phrases(words: Sequence[Phrase]) -> list[Phrase]:
    return [merge(line.words) for line in _lines_of(words)]


@dataclass
class _Page:
    """What chart finding needs of a page."""

    number: int
    box: BBox
    words: list[Phrase]
    shapes: list[Shape]
    lines: list[_Line]  # cut at column gutters, in reading order
    images: list[BBox]
    em: float
    columns: list[ColumnBlock]
    chars: list[dict[str, Any]]  # in drawing order

    def words_in(self, words: Sequence[Phrase], box: BBox) -> list[Phrase]:
        """The words inside box, labels drawn over each other told apart."""
        chars = [
            c for c in self.chars if inside((c["x0"], c["top"], c["x1"], c["bottom"]), box, 0.5)
        ]
        inner = [w for w in words if inside(w.bbox, box, tol=0.5)]
        slanted = [c for c in chars if is_slanted(c)]
        if not slanted:
            return untangle(inner, chars)
        flat = [c for c in chars if not is_slanted(c)]
        # Words of glyphs set at an angle are fragments ("x", "u", "ntr"): their labels
        # are read whole from the glyphs instead.
        return untangle(holding(inner, flat), flat) + slanted_labels(slanted)

    def glyphs_in(self, box: BBox) -> list[tuple[BBox, Color | None]]:
        """The boxes of the glyphs inside box, with the colour they are printed in."""
        boxes = ((c["x0"], c["top"], c["x1"], c["bottom"], c) for c in self.chars)
        return [
            ((x0, top, x1, bottom), to_rgb(char.get("non_stroking_color")))
            for x0, top, x1, bottom, char in boxes
            if inside((x0, top, x1, bottom), box, 0.5)
        ]

    def column_span(self, box: BBox) -> tuple[float, float]:
        """The x range of the column holding box: the page's width outside columns."""
        middle = (box[1] + box[3]) / 2
        for block in self.columns:
            if block.top <= middle <= block.bottom:
                edges = (self.box[0], *block.gutters, self.box[2])
                column = block.column_of(box[0], box[2])
                return edges[column], edges[column + 1]
        return self.box[0], self.box[2]


def _read_page(page: PageModel) -> _Page:
    words = [w for w in page.words if w.upright]
    em = page.em
    # The page model's lines, cut at column gutters and at gaps as wide (two captions
    # side by side): a caption must not be read on with the text beside it.
    upright_lines = ([w for w in line if w.upright] for line in page.lines)
    lines = [run for line in upright_lines if line for run in _runs(_Line(line))]
    return _Page(
        page.number,
        page.box,
        words,
        [as_rect(s) for s in visible(page.shapes)],
        lines,
        [b for b in page.images if min(b[2] - b[0], b[3] - b[1]) >= _MIN_IMAGE_EM * em],
        em,
        page.columns,
        page.chars,
    )


def find_chart_findings(page: PageModel) -> list[ChartFinding]:
    """Every chart of a page, captioned or not, with the region it occupies."""
    content = _read_page(page)
    stoppers = [ln for ln in content.lines if ANY_CAPTION_RE.match(ln.text)]
    captions = [ln for ln in content.lines if CHART_CAPTION_RE.match(ln.text)]
    findings = [_captioned(content, line, stoppers, captions) for line in captions]
    findings += _uncaptioned(content, [f.region for f in findings])
    findings.sort(key=lambda f: (f.region[1], f.region[0]))
    return findings


def _chart_span(
    content: _Page, caption_line: _Line, captions: Sequence[_Line]
) -> tuple[float, float]:
    """The x range of the chart under a caption: the caption's column, widened to the
    chart's graphics when they reach over a gutter.

    On a page set in columns the chart stands in its caption's column: the prose of the
    other column is neither its caption, nor its labels, nor hidden by it. The chart's
    graphics are those hanging under the caption in its column, and what crosses them
    (a gridline reaching over a gutter seen where there is none); the graphics of the
    other column (a table run over the gutter) stay out. Charts set side by side share
    the width at the start of each caption, as each caption starts over its chart.
    """
    floor, ceiling = content.box[0], content.box[2]
    for mate in captions:
        beside = mate.top < caption_line.bottom and caption_line.top < mate.bottom
        if beside and mate.box[2] <= caption_line.box[0]:
            floor = max(floor, caption_line.box[0])
        elif beside and mate.box[0] >= caption_line.box[2]:
            ceiling = min(ceiling, mate.box[0])
    lo, hi = content.column_span(caption_line.box)
    lo, hi = max(lo, floor), min(hi, ceiling)
    under = [s for s in content.shapes if s.top >= caption_line.bottom]
    core = _top_cluster([s for s in under if _centred_in(s.bbox, lo, hi)], content.em)
    if not core:
        return lo, hi
    left, right = min(s.x0 for s in core), max(s.x1 for s in core)
    crossing = [
        s
        for s in under
        if min(s.x1, right) - max(s.x0, left) > _TOUCH and _centred_in(s.bbox, floor, ceiling)
    ]
    graphics = _top_cluster(core + crossing, content.em)
    lo = max(floor, min([lo] + [s.x0 for s in graphics]))
    hi = min(ceiling, max([hi] + [s.x1 for s in graphics]))
    return lo, hi


def _captioned(
    content: _Page, caption_line: _Line, stoppers: Sequence[_Line], captions: Sequence[_Line]
) -> ChartFinding:
    """The chart under a caption line: down to its source line, else down to the end of
    the graphics hanging from the caption."""
    em, page_bottom = content.em, content.box[3]
    lo, hi = _chart_span(content, caption_line, captions)
    # Lines regrouped within the chart's span (whole across a gutter seen where there is
    # none), cut where a gutter truly runs: beside a chart wider than its column.
    span_words = [w for w in content.words if _centred_in(w.bbox, lo, hi)]
    lines = [run for line in _lines_of(span_words) for run in _runs(line)]
    shapes = [s for s in content.shapes if _centred_in(s.bbox, lo, hi)]
    first_word = caption_line.words[0]
    start = next(i for i, ln in enumerate(lines) if any(w is first_word for w in ln.words))
    below = [s.top for s in shapes if s.top >= lines[start].bottom]
    caption_block = _block(lines, start, min(below, default=page_bottom), em)
    band_top = caption_block[-1].bottom
    band_bottom = min(
        [ln.top for ln in stoppers if ln.top > band_top and _centred_in(ln.box, lo, hi)]
        + [page_bottom]
    )
    source_block: list[_Line] = []
    for j, line in enumerate(lines):
        if band_top < line.top < band_bottom and SOURCE_RE.match(line.text):
            source_block = _block(lines, j, page_bottom, em)
            band_bottom = line.top
            break
    band_shapes = _shapes_in_band(shapes, band_top, band_bottom)
    if not source_block:
        band_shapes = _top_cluster(band_shapes, em)
        bottom = max((s.bottom for s in band_shapes), default=band_top)
        band_bottom = min(band_bottom, bottom + _LABEL_MARGIN_EM * em)
    band: BBox = (lo, band_top, hi, band_bottom)
    band_words = content.words_in(content.words, band)
    reading = read_pie(band_words, band_shapes) or read_chart(
        band_words, band_shapes, content.glyphs_in(band)
    )
    caption = _text(caption_block)
    unit = unit_from_text(caption)
    source = _text(source_block) if source_block else None
    band_images = [b for b in content.images if inside(b, band, tol=1.0)]
    if (reading is None or not reading.series) and band_images:
        chart = ExtractedChart(
            page=content.number,
            bbox=union(band_images),
            kind="raster",
            series=[],
            caption=caption,
            number=_caption_number(caption),
            unit=unit,
            source_line=source,
            status="not_extracted: raster image",
        )
    else:
        boxes = [s.bbox for s in band_shapes] + [w.bbox for w in band_words]
        fallback = union(boxes) if boxes else band
        leftovers = _leftover_phrases(band_words)
        chart = _chart(content.number, reading, caption, unit, source, fallback, leftovers)
    boxes = [caption_block[0].box, caption_block[-1].box, chart.bbox]
    boxes += [ln.box for ln in source_block]
    return ChartFinding(chart, union(boxes))


def _centred_in(box: BBox, lo: float, hi: float) -> bool:
    return lo <= (box[0] + box[2]) / 2 <= hi


def _shapes_in_band(shapes: Sequence[Shape], top: float, bottom: float) -> list[Shape]:
    """Shapes inside a horizontal band; rects crossing it are cut to it.

    Producers draw a bar from zero and let a clipping path hide what falls outside the
    plot (an axis starting at 50); pdfplumber reports the whole rect, so its hidden
    part is cut off here, and at the axis end once the axis is known.
    """
    result = []
    for shape in shapes:
        if top - 1 <= shape.top and shape.bottom <= bottom + 1:
            result.append(shape)
        elif shape.kind == "rect" and shape.top < bottom and shape.bottom > top:
            result.append(replace(shape, top=max(shape.top, top), bottom=min(shape.bottom, bottom)))
    return result


def _top_cluster(shapes: Sequence[Shape], em: float) -> list[Shape]:
    """The shapes hanging together from the top of a region (the chart under a caption)."""
    cluster: list[Shape] = []
    bottom = None
    for shape in sorted(shapes, key=lambda s: s.top):
        if bottom is not None and shape.top > bottom + _CLUSTER_GAP_EM * em:
            break
        cluster.append(shape)
        bottom = shape.bottom if bottom is None else max(bottom, shape.bottom)
    return cluster


def _clusters(shapes: Sequence[Shape], gap: float) -> list[list[Shape]]:
    """Shapes grouped by proximity: boxes closer than gap join one cluster."""
    clusters: list[tuple[BBox, list[Shape]]] = []
    for shape in sorted(shapes, key=lambda s: (s.top, s.x0)):
        box = shape.bbox
        members = [shape]
        keep = []
        for cbox, cshapes in clusters:
            if (
                cbox[0] - gap <= box[2]
                and box[0] - gap <= cbox[2]
                and cbox[1] - gap <= box[3]
                and box[1] - gap <= cbox[3]
            ):
                box = union([box, cbox])
                members += cshapes
            else:
                keep.append((cbox, cshapes))
        clusters = keep + [(box, members)]
    return [members for _, members in clusters]


def _uncaptioned(content: _Page, taken: Sequence[BBox]) -> list[ChartFinding]:
    """Charts without a caption: clusters of graphics with marks and a value axis."""
    em = content.em
    free_shapes = [s for s in content.shapes if not any(inside(s.bbox, r, 1.0) for r in taken)]
    free_words = [w for w in content.words if not any(inside(w.bbox, r, 1.0) for r in taken)]
    findings = []
    for cluster in _clusters(free_shapes, _CLUSTER_GAP_EM * em):
        box = union(s.bbox for s in cluster)
        left, up, right, down = (m * em for m in _FREE_MARGINS_EM)
        area = (box[0] - left, box[1] - up, box[2] + right, box[3] + down)
        area_words = content.words_in(free_words, area)
        reading = read_chart(area_words, cluster, content.glyphs_in(area))
        if (
            reading is None
            or reading.axis is None
            or sum(len(s.points) for s in reading.series) < 2
        ):
            continue
        bottom = (reading.bbox or box)[3]
        source_lines = [
            ln
            for ln in content.lines
            if SOURCE_RE.match(ln.text) and 0 <= ln.top - bottom <= _LABEL_MARGIN_EM * em
        ]
        source = source_lines[0].text if source_lines else None
        leftovers = _leftover_phrases(area_words)
        chart = _chart(content.number, reading, None, None, source, box, leftovers)
        region = union([chart.bbox] + [ln.box for ln in source_lines[:1]])
        findings.append(ChartFinding(chart, region))
    return findings
