"""Numbers of tables and charts as mentions, like numbers of prose.

A table cell or a chart point is read in a context the classifier can search as it searches
a sentence: the caption stands for the sentence, and the row labels and column header of a
cell (the series and category of a point) stand for the clause around the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.records import ExtractedChart, ExtractedTable, NumericMention, TableCell
from extract.text.numbers import ParsedQuantity, parse_quantity, unit_from_note
from extract.text.periods import PeriodMention, find_periods, parse_period

# Where a table or chart announces its unit: "(en M€)", "(ETP)", "en millions d'euros".
_UNIT_NOTE_RE = re.compile(r"\(([^()]*)\)|\ben\s+[^,;:()]+$", re.IGNORECASE)
_LETTERS_RE = re.compile(r"[^\W\d_]", re.UNICODE)
# Letters a value cell may carry besides its number ("n.d." excluded): a footnote mark, "e".
MAX_LETTERS_IN_VALUE_CELL = 2


def _unit_note(texts: Iterable[str | None]) -> str | None:
    """The first unit note among `texts`, most specific first."""
    for text in texts:
        if not text:
            continue
        for match in _UNIT_NOTE_RE.finditer(text):
            note = match.group(1) if match.group(1) is not None else match.group(0)
            if unit_from_note(note):
                return note
    return None


def _period(candidates: Iterable[str | None], caption: str | None) -> PeriodMention | None:
    """The period a label names outright, else the only period the caption names."""
    for text in candidates:
        if text:
            period = parse_period(text)
            if period and period.resolved:
                return period
    if caption:
        periods = [p for p in find_periods(caption) if p.resolved]
        if len({(p.period_start, p.period_end) for p in periods}) == 1:
            return periods[0]
    return None


def _value_of_cell(text: str, note: str | None) -> ParsedQuantity | None:
    """The quantity a cell holds, or None for a label ("Justice", "2021-2023", "n.d.")."""
    if not text.strip() or parse_period(text):
        return None
    quantity = parse_quantity(text, default_unit_note=note)
    if quantity is None:
        return None
    leftover = text.replace(quantity.raw_text, " ")
    return quantity if len(_LETTERS_RE.findall(leftover)) <= MAX_LETTERS_IN_VALUE_CELL else None


def _mention(
    *,
    page: int,
    source_kind: str,
    caption: str | None,
    labels: list[str],
    printed: str,
    quantity: ParsedQuantity,
    period: PeriodMention | None,
    table_index: int | None = None,
    chart_index: int | None = None,
) -> NumericMention:
    lead = f"{caption.rstrip(' .')}. " if caption else ""
    clause = " — ".join(label for label in labels if label)
    sentence = f"{lead}{clause} : {printed}" if clause else f"{lead}{printed}"
    number_start = len(sentence) - len(printed)
    return NumericMention(
        page=page,
        source_kind=source_kind,
        raw_text=printed,
        value=quantity.value,
        unit=quantity.unit,
        qualifier=quantity.qualifier,
        period_start=period.period_start if period else None,
        period_end=period.period_end if period else None,
        period_text=period.text if period else None,
        open_ended=period.open_ended if period else False,
        range_role=None,
        non_fact_kind=None,
        sentence=sentence,
        number_start=number_start,
        number_end=len(sentence),
        clause_start=len(lead),
        clause_end=len(sentence),
        table_index=table_index,
        chart_index=chart_index,
    )


def _column_header(table: ExtractedTable, col: int) -> str:
    covering = [
        c
        for c in table.cells
        if c.row < table.header_rows and c.col <= col < c.col + c.col_span and c.text.strip()
    ]
    return " ".join(c.text.strip() for c in sorted(covering, key=lambda c: c.row))


def table_mentions(table: ExtractedTable, table_index: int) -> list[NumericMention]:
    """One mention per value cell of the table body."""
    rows: dict[int, list[TableCell]] = {}
    for cell in table.cells:
        if cell.row >= table.header_rows and not cell.is_header:
            rows.setdefault(cell.row, []).append(cell)
    mentions = []
    for row in sorted(rows):
        cells = sorted(rows[row], key=lambda c: c.col)
        values: list[tuple[TableCell, ParsedQuantity, str]] = []
        labels: list[str] = []
        for cell in cells:
            header = _column_header(table, cell.col)
            note = _unit_note([header, table.unit_note, table.caption])
            quantity = _value_of_cell(cell.text, note)
            if quantity is None:
                labels.append(" ".join(cell.text.split()))
            else:
                values.append((cell, quantity, header))
        for cell, quantity, header in values:
            row_note = _unit_note(labels)
            if row_note and not quantity.explicit_unit:
                quantity = parse_quantity(cell.text, default_unit_note=row_note) or quantity
            mentions.append(
                _mention(
                    page=table.page,
                    source_kind="table",
                    caption=table.caption,
                    labels=[*labels, header],
                    printed=" ".join(cell.text.split()),
                    quantity=quantity,
                    period=_period([*labels, header], table.caption),
                    table_index=table_index,
                )
            )
    return mentions


def _printed_value(value: float) -> str:
    """The value as a French report prints it: "22 043", "52,8"."""
    rounded = round(value, 6)
    whole = rounded == int(rounded)
    text = f"{int(rounded):,}" if whole else f"{rounded:,.6f}".rstrip("0")
    return text.replace(",", "\u00a0").replace(".", ",")


def chart_mentions(chart: ExtractedChart, chart_index: int) -> list[NumericMention]:
    """One mention per point of a chart read from its drawing or labels."""
    note = _unit_note([chart.unit, chart.caption]) or chart.unit
    mentions = []
    for series in chart.series:
        for point in series.points:
            printed = _printed_value(point.value)
            quantity = parse_quantity(printed, default_unit_note=note)
            if quantity is None:
                continue
            mentions.append(
                _mention(
                    page=chart.page,
                    source_kind="chart",
                    caption=chart.caption,
                    labels=[series.name or "", point.category],
                    printed=printed,
                    quantity=quantity,
                    period=_period([point.category, series.name], chart.caption),
                    chart_index=chart_index,
                )
            )
    return mentions
