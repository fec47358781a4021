"""Page layouts a producer applies to a document, and the table shapes they call for."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.generalisation.document import plain


@dataclass(frozen=True)
class Layout:
    """How a document is laid out; every producer honours every field.

    table_rules: "ruled" (every cell), "header" (rules only above and under the header and
    under the last row) or "none". table_shape: "plain", "transposed" (rows become columns
    when the table has a single header row) or "split" (the rows cut in two tables, the
    second captioned "(suite)" with its header repeated).
    """

    name: str
    columns: int = 1
    font: str = "serif"
    size: float = 10.0
    table_rules: str = "header"
    table_shape: str = "plain"
    footnotes: bool = True


LAYOUTS = {
    layout.name: layout
    for layout in (
        Layout("one_col_serif", columns=1, font="serif", size=10.5, table_rules="ruled"),
        Layout(
            "two_col_sans",
            columns=2,
            font="sans",
            size=9.0,
            table_rules="header",
            table_shape="split",
        ),
        Layout(
            "one_col_transposed",
            columns=1,
            font="sans",
            size=11.0,
            table_rules="none",
            table_shape="transposed",
            footnotes=False,
        ),
    )
}


def _transposable(spec: dict) -> bool:
    return len(spec["header"]) == 1 and all(not isinstance(c, tuple) for c in spec["header"][0])


def shaped_tables(spec: dict, layout: Layout) -> list[dict]:
    """The table(s) to print for `spec` under `layout`."""
    if layout.table_shape == "transposed" and _transposable(spec):
        grid = [list(spec["header"][0]), *spec["rows"]]
        columns = [list(column) for column in zip(*grid, strict=True)]
        return [{**spec, "header": [columns[0]], "rows": columns[1:]}]
    if layout.table_shape == "split" and len(spec["rows"]) >= 3:
        half = (len(spec["rows"]) + 1) // 2
        first = {**spec, "rows": spec["rows"][:half], "source": "", "notes": []}
        second = {**spec, "rows": spec["rows"][half:], "title": f"{spec['title']} (suite)"}
        return [first, second]
    return [spec]


def caption(kind: str, spec: dict) -> str:
    """`Tableau n° 3 : title` / `Graphique n° 1 : title`, printed."""
    return plain(f"{kind} n°~{spec['number']}~: {spec['title']}")


def lines_under(spec: dict) -> list[str]:
    """What is printed under a table: its notes, then its source line, the empty ones left out."""
    return [line for line in [*spec.get("notes", []), spec.get("source", "")] if line]
