"""A long report in the house style, of any page count, for timing extraction at scale.

The pages reuse the reconstruction's layout (`build_reconstruction.py`: fonts, running
header, page number, ruled tables, vector bar charts) and its content: prose full of
figures on every page, a ruled table every `TABLE_EVERY` pages and a chart every
`CHART_EVERY`. Each page is filled from measured heights, so the PDF has exactly the pages
asked for; reportlab's invariant mode makes two builds of one size the same bytes.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_reconstruction as builder  # noqa: E402
import reconstruction_content as content  # noqa: E402

TABLE_EVERY = 5
CHART_EVERY = 10
# Share of the frame that prose may fill: reportlab adds leading and paragraph spacing in
# ways a flowable's own height does not show, and a page that overflows adds a page.
FILL = 0.92

_BLOCKS = [block for page in content.PAGES for block in page]
PROSE = [block for block in _BLOCKS if block[0] == "p"]
TABLES = [block[1] for block in _BLOCKS if block[0] == "table"]
CHARTS = [block[1] for block in _BLOCKS if block[0] == "chart"]
FRAME_HEIGHT = builder.TOP_Y - builder.FRAME_BOTTOM


def _height(flowable: Flowable) -> float:
    # KeepTogether reports no height of its own (it forces a split): its parts have one.
    if isinstance(flowable, KeepTogether):
        return sum(_height(part) for part in flowable._content)
    _, height = flowable.wrap(builder.TEXT_W, FRAME_HEIGHT)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _figures(page_no: int, tables: Iterator[dict], charts: Iterator[dict]) -> list[Flowable]:
    # Running numbers, as in a real report: a repeated number could read as a continuation.
    flowables: list[Flowable] = []
    if page_no % TABLE_EVERY == 0:
        spec = next(tables)
        flowables += builder.build_table(spec)
    if page_no % CHART_EVERY == 0:
        spec = next(charts)
        flowables += builder.build_chart(spec, show_values=True)
    return flowables


def _numbered(specs: list[dict]) -> Iterator[dict]:
    for number, spec in enumerate(itertools.cycle(specs), start=1):
        yield {**spec, "number": number}


def build_long_report(output: Path, pages: int) -> None:
    """Write a `pages`-page report to `output`; raises if the layout gave another count."""
    output.parent.mkdir(parents=True, exist_ok=True)
    numbers = builder.footnote_numbers()
    prose = itertools.cycle(PROSE)
    tables, charts = _numbered(TABLES), _numbered(CHARTS)
    story: list[Flowable] = []
    for page_no in range(1, pages + 1):
        flowables = _figures(page_no, tables, charts)
        used = sum(map(_height, flowables))
        while True:
            paragraph = builder.block_flowables(next(prose), numbers, show_values=True)[0]
            height = _height(paragraph)
            if used + height > FILL * FRAME_HEIGHT:
                break
            flowables.append(paragraph)
            used += height
        story += flowables
        if page_no < pages:
            story.append(PageBreak())
    frame = Frame(
        builder.MARGIN_X,
        builder.FRAME_BOTTOM,
        builder.TEXT_W,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def furniture(canv, _doc) -> None:
        builder.draw_page_furniture(canv, canv.getPageNumber(), [])

    doc = BaseDocTemplate(str(output), pagesize=A4, invariant=1, title="Rapport long (banc)")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=furniture)])
    doc.build(story)
    if doc.page != pages:
        raise RuntimeError(f"layout gave {doc.page} pages, {pages} asked for")
