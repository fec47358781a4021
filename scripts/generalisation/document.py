"""The text of a report as blocks, independent of any producer, and how its markup prints.

A document is a list of blocks, each a tuple whose first item is its kind (the shipped
reconstruction's format, `scripts/reconstruction_content.py`, extended):

- ("title", text), ("chapter", label, title), ("h1" | "h2" | "h3", text), ("p", text)
- ("table", spec): spec has number, title, header (rows of cells; a cell may be
  (text, colspan, rowspan) or None under a span), rows, source, and optionally notes (lines
  printed under the table)
- ("chart", spec): vertical bars; spec has number, title, bars [(label, value)], axis_max,
  tick_step, decimals, source, and optionally labels (the printed value of each bar)
  or a pie: spec has number, title, slices [(label or None, percent)], source
- ("reco", (label, text)): a recommendation box
- ("box", title, [paragraph, ...]): an "encadré"
- ("list", intro, [item, ...]): a paragraph followed by bullet items

Markup inside strings: `~` is a no-break space; `[^key]` calls the footnote `key`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

NBSP = "\u00a0"
FOOTNOTE_CALL = re.compile(r"\[\^(\w+)\]")
_YEAR_AFTER_SPACE = re.compile(r" (?=(?:19|20)\d\d\b)")

Block = tuple


@dataclass(frozen=True)
class Document:
    """One wording of the report: its blocks and the text of its footnotes."""

    name: str
    blocks: list[Block]
    footnotes: dict[str, str] = field(default_factory=dict)
    title: str = (
        "Le pilotage de la transformation numérique de l’État par la direction "
        "interministérielle du numérique"
    )


def plain(text: str) -> str:
    """The printed string: no-break spaces resolved, footnote calls dropped, years kept whole."""
    return _YEAR_AFTER_SPACE.sub(NBSP, FOOTNOTE_CALL.sub("", text).replace("~", NBSP))


def split_calls(text: str) -> list[tuple[str, str | None]]:
    """`text` as (printed run, footnote key called right after it or None)."""
    parts: list[tuple[str, str | None]] = []
    position = 0
    for match in FOOTNOTE_CALL.finditer(text):
        parts.append((plain(text[position : match.start()]), match.group(1)))
        position = match.end()
    parts.append((plain(text[position:]), None))
    return parts


def block_texts(block: Block) -> list[str]:
    """Every markup string of a block that may call a footnote."""
    kind = block[0]
    if kind == "p":
        return [block[1]]
    if kind == "reco":
        return [block[1][1]]
    if kind == "box":
        return list(block[2])
    if kind == "list":
        return [block[1], *block[2]]
    if kind in ("table", "chart"):
        return [*block[1].get("notes", []), block[1].get("source", "")]
    return []


def footnote_numbers(document: Document) -> dict[str, int]:
    """Footnote keys numbered in order of first call."""
    numbers: dict[str, int] = {}
    for block in document.blocks:
        for text in block_texts(block):
            for key in FOOTNOTE_CALL.findall(text):
                numbers.setdefault(key, len(numbers) + 1)
    return numbers


def cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, tuple):
        return plain(cell[0])
    return plain(str(cell))


def cell_span(cell: object) -> tuple[int, int]:
    """(colspan, rowspan) of a header cell."""
    return (cell[1], cell[2]) if isinstance(cell, tuple) else (1, 1)


def column_count(spec: dict) -> int:
    """Columns of a table, from its widest header row (spans counted)."""
    return max(
        sum(cell_span(cell)[0] if cell is not None else 1 for cell in row) for row in spec["header"]
    )


def fr_number(value: float, decimals: int = 0) -> str:
    """French format with a no-break space between thousands: `22 043`, `52,8`."""
    return f"{value:,.{decimals}f}".replace(",", NBSP).replace(".", ",")


# Pie slices in order (the last, grey, for a remainder the report does not name).
SLICE_COLORS = ("#1f4e79", "#e07b39", "#6aa84f", "#999999")


def pie_slices(spec: dict) -> list[tuple[str | None, float, float, float, str]]:
    """Each slice of a pie as (label, percent, start, sweep, colour): angles in radians,
    clockwise from twelve o'clock."""
    total = sum(value for _, value in spec["slices"])
    result, start = [], 0.0
    for i, (label, value) in enumerate(spec["slices"]):
        sweep = math.tau * value / total
        result.append((label, value, start, sweep, SLICE_COLORS[i % len(SLICE_COLORS)]))
        start += sweep
    return result


def bar_labels(spec: dict) -> list[str]:
    """The value printed above each bar of a chart."""
    if "labels" in spec:
        return [plain(label) for label in spec["labels"]]
    return [
        fr_number(value, spec["decimals"] if value != int(value) else 0)
        for _, value in spec["bars"]
    ]
