"""Numbers of tables and charts as mentions, like numbers of prose.

A table cell or a chart point is read in a context the classifier can search as it searches
a sentence: the caption stands for the sentence, and the row labels and column header of a
cell (the series and category of a point) stand for the clause around the number.

Each mention keys the cell (table, row, column) or point (chart, point) it came from. A unit
note ("en milliers d'euros") applies as data: its scale multiplies the number read, and a
chart point's value is taken as read, never printed as text and parsed back.

A table cell's figure takes its qualifier from a sign before it ("≈ 54 %", "< 10") or a
wording ("environ 8"), its unit from a note, a unit label or the caption, and its period
from its row and column labels before the caption. A cell without a figure ("n.d.", "-") or
holding two (columns the grid could not part) gives no mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from extract.records import (
    ChartPoint,
    ExtractedChart,
    ExtractedTable,
    NumericMention,
    TableCell,
)
from extract.text.numbers import (
    SIGN_QUALIFIERS,
    UNIT_COUNT,
    ParsedQuantity,
    UnitScale,
    find_quantities,
    fold,
    parse_quantity,
    unit_from_note,
)
from extract.text.periods import ORDINALS, PeriodMention, find_periods, parse_period

# Where a table or chart announces its unit: "(en M€)", "(ETP)", "en millions d'euros".
_UNIT_NOTE_RE = re.compile(r"\(([^()]*)\)|\ben\s+[^,;:()]+$", re.IGNORECASE)
_LETTERS_RE = re.compile(r"[^\W\d_]", re.UNICODE)
# Letters a value cell may carry besides its number ("n.d." excluded): a footnote mark, "e".
MAX_LETTERS_IN_VALUE_CELL = 2
# Words of a label that names a unit alone: "ETP", "M€", "milliers d'euros".
MAX_UNIT_LABEL_WORDS = 3
# How the tail of a wrapped label starts: a preposition the line above left open.
_FRAGMENT_RE = re.compile(r"^\s*(?:d['’]|de\s|des\s|du\s)", re.IGNORECASE)
# Words a qualifier may take before a cell's figure: "un peu plus de 75 %".
MAX_QUALIFIER_WORDS = 4
# Words before a year within a label that may hold an ordinal naming a part of that year
# ("1er trim. 2022", a word cut by a narrow cell: "1er trimestr e 2022").
ORDINAL_REACH_WORDS = 3


def _unit_note(texts: Iterable[str | None]) -> UnitScale | None:
    """The unit and scale of the first unit note among `texts`, most specific first."""
    for text in texts:
        if not text:
            continue
        for match in _UNIT_NOTE_RE.finditer(text):
            note = match.group(1) if match.group(1) is not None else match.group(0)
            if unit_scale := unit_from_note(note):
                return unit_scale
        # A label that is a unit and nothing else: a column headed "ETP", "M€", "%". Not the
        # tail of a label wrapped over lines ("d'euros)"): its scale stayed on the line above.
        if (
            len(text.split()) <= MAX_UNIT_LABEL_WORDS
            and not _FRAGMENT_RE.match(text)
            and text.count("(") == text.count(")")
            and (unit_scale := unit_from_note(text))
        ):
            return unit_scale
    return None


def _scaled(value: float, unit_scale: UnitScale) -> float:
    # Through Decimal, so that 9,3 in millions is 9300000 and not 9300000.000000002.
    return float(Decimal(str(value)) * unit_scale.scale)


def _in_note_unit(quantity: ParsedQuantity, unit_scale: UnitScale | None) -> ParsedQuantity:
    """A bare number read in the unit a note announces; a printed unit wins over the note."""
    if quantity.explicit_unit or unit_scale is None:
        return quantity
    return replace(
        quantity,
        value=_scaled(quantity.value, unit_scale),
        unit=unit_scale.unit,
        scale=unit_scale.scale,
    )


def _period(candidates: Iterable[str | None], caption: str | None) -> PeriodMention | None:
    """The period a label names outright ("2023", "à fin 2023"), else the only period the
    labels name within their words ("Année 2023", "Progression 2022-2023"), else the only
    period the caption names. Labels naming different periods leave the cell without one:
    the caption cannot tell which applies."""
    labels = [text for text in candidates if text]
    for text in labels:
        period = parse_period(text)
        if period and period.resolved:
            return period
    within = {
        (p.period_start, p.period_end): p
        for text in labels
        for p in find_periods(text)
        if p.resolved and not _part_of_year_unread(text, p)
    }
    if len(within) > 1:
        return None
    if within:
        return next(iter(within.values()))
    if caption:
        periods = [p for p in find_periods(caption) if p.resolved]
        if len({(p.period_start, p.period_end) for p in periods}) == 1:
            return periods[0]
    return None


def _part_of_year_unread(label: str, period: PeriodMention) -> bool:
    """Does an ordinal the period did not take in stand just before it ("1er trim. 2022")?

    The label then names a quarter, a semester or a week of the year that the period reader
    could not read; the whole year would be a wrong period.
    """
    before = label[: period.start].split()[-ORDINAL_REACH_WORDS:]
    return any(fold(word) in ORDINALS for word in before)


def _value_of_cell(text: str) -> ParsedQuantity | None:
    """The quantity printed in a cell that is not a period, or None for a label ("Justice",
    "n.d.")."""
    if not text.strip():
        return None
    quantity = parse_quantity(text)
    if quantity is None:
        return None
    leftover = text.replace(quantity.raw_text, " ")
    if quantity.qualifier != "exact" and len(text[: quantity.start].split()) <= MAX_QUALIFIER_WORDS:
        # "environ 8", "plus de 75 %": the words before the figure are its qualifier.
        leftover = text[quantity.end :]
    if len(_LETTERS_RE.findall(leftover)) > MAX_LETTERS_IN_VALUE_CELL:
        return None
    return _with_sign_qualifier(text, quantity)


def _holds_several_figures(text: str) -> bool:
    """Two figures in a cell that is not a period ("53 % 52,8 %"), not the two ends of a
    range."""
    return sum(1 for q in find_quantities(text) if q.range_role is None) > 1


def _with_sign_qualifier(text: str, quantity: ParsedQuantity) -> ParsedQuantity:
    """A cell whose figure follows a sign alone ("≈ 54 %") is qualified by that sign."""
    sign = text[: quantity.start].strip()
    if quantity.qualifier != "exact" or sign not in SIGN_QUALIFIERS:
        return quantity
    return replace(quantity, qualifier=SIGN_QUALIFIERS[sign])


def _mention(
    *,
    page: int,
    source_kind: str,
    caption: str | None,
    labels: list[str],
    printed: str,
    value: float,
    unit: str,
    qualifier: str,
    period: PeriodMention | None,
    value_source: str = "printed",
    table_index: int | None = None,
    row_index: int | None = None,
    col_index: int | None = None,
    chart_index: int | None = None,
    point_index: int | None = None,
) -> NumericMention:
    lead = f"{caption.rstrip(' .')}. " if caption else ""
    clause = " — ".join(label for label in labels if label)
    sentence = f"{lead}{clause} : {printed}" if clause else f"{lead}{printed}"
    number_start = len(sentence) - len(printed)
    return NumericMention(
        page=page,
        source_kind=source_kind,
        raw_text=printed,
        value=value,
        unit=unit,
        qualifier=qualifier,
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
        value_source=value_source,
        table_index=table_index,
        row_index=row_index,
        col_index=col_index,
        chart_index=chart_index,
        point_index=point_index,
    )


def _column_header(table: ExtractedTable, col: int) -> str:
    """The header cells over a column, top first.

    A header row of one cell set from the first column, with header rows under it, is a
    title over every column ("Effectifs 2023" above "Service | Agents"), however narrow it
    was set; one cell elsewhere is a piece of a wrapped header, over its own column only.
    """
    header = [c for c in table.cells if c.row < table.header_rows and c.text.strip()]
    cells_in_row: dict[int, int] = {}
    for cell in header:
        cells_in_row[cell.row] = cells_in_row.get(cell.row, 0) + 1

    def is_title(cell: TableCell) -> bool:
        return (
            cells_in_row[cell.row] == 1
            and cell.col == 0
            and cell.row < table.header_rows - 1
            and table.n_cols > 1
        )

    covering = [c for c in header if c.col <= col < c.col + c.col_span or is_title(c)]
    return " ".join(c.text.strip() for c in sorted(covering, key=lambda c: c.row))


def _period_row(rows: dict[int, list[TableCell]]) -> dict[int, str]:
    """The periods of the columns when a body row gives them: a row whose cells are all
    periods but its label ("Période | à fin 2023 | 2023"), as a transposed table sets the
    column of periods of its source. Column -> period text; empty when no row or several do.
    """
    found = []
    for cells in rows.values():
        periods = {c.col: " ".join(c.text.split()) for c in cells if parse_period(c.text)}
        others = [c for c in cells if c.col not in periods and c.text.strip()]
        if len(periods) >= 2 and len(others) <= 1 and all(c.col < min(periods) for c in others):
            found.append(periods)
    return found[0] if len(found) == 1 else {}


def table_mentions(table: ExtractedTable, table_index: int) -> list[NumericMention]:
    """One mention per value cell of the table body."""
    rows: dict[int, list[TableCell]] = {}
    for cell in table.cells:
        if cell.row >= table.header_rows and not cell.is_header:
            rows.setdefault(cell.row, []).append(cell)
    headers = {col: _column_header(table, col) for col in range(table.n_cols)}
    column_periods = _period_row(rows)
    mentions = []
    for row in sorted(rows):
        cells = sorted(rows[row], key=lambda c: c.col)
        values: list[tuple[TableCell, ParsedQuantity, str]] = []
        labels: list[str] = []
        for cell in cells:
            # "2021-2023" is a label, one period, not a range of figures.
            is_period = parse_period(cell.text) is not None
            if not is_period and _holds_several_figures(cell.text):
                continue  # two cells the grid could not part: neither figure has its labels
            quantity = None if is_period else _value_of_cell(cell.text)
            if quantity is None:
                labels.append(" ".join(cell.text.split()))
            else:
                values.append((cell, quantity, headers[cell.col]))
        row_note = _unit_note(labels)
        for cell, quantity, header in values:
            note = row_note or _unit_note([header, table.unit_note, table.caption])
            quantity = _in_note_unit(quantity, note)
            column_labels = [header, column_periods.get(cell.col, "")]
            mentions.append(
                _mention(
                    page=table.page,
                    source_kind="table",
                    caption=table.caption,
                    labels=[*labels, *column_labels],
                    printed=" ".join(cell.text.split()),
                    value=quantity.value,
                    unit=quantity.unit,
                    qualifier=quantity.qualifier,
                    period=_period([*labels, *column_labels], table.caption),
                    table_index=table_index,
                    row_index=cell.row,
                    col_index=cell.col,
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
    """One mention per point of a chart, with the value read and the chart's unit and scale.

    The number in the mention's sentence is the value as the report would print it; a value
    read from the drawing was never printed, which `value_source` says.
    """
    chart_scale = _unit_note([chart.unit, chart.caption]) or unit_from_note(chart.unit)
    mentions = []
    for point_index, (series, point) in enumerate(chart.points()):
        unit_scale = chart_scale
        if series.secondary_axis:
            unit_scale = _unit_note([series.unit]) or unit_from_note(series.unit)
        mentions.append(
            _mention(
                page=chart.page,
                source_kind="chart",
                caption=chart.caption,
                labels=[series.name or "", point.category],
                printed=_printed_value(point.value),
                value=_scaled(point.value, unit_scale) if unit_scale else point.value,
                unit=unit_scale.unit if unit_scale else UNIT_COUNT,
                qualifier=point.qualifier,
                period=_period([point.category, series.name], chart.caption),
                value_source=_value_source(point),
                chart_index=chart_index,
                point_index=point_index,
            )
        )
    return mentions


def _value_source(point: ChartPoint) -> str:
    return "geometry" if point.source == "geometry" else "printed"
