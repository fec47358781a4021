"""Materialisation metadata shown in the Dagster UI: row count and a preview of the rows."""

import dagster as dg
import pandas as pd

PREVIEW_ROWS = 5
PREVIEW_CELL_CHARS = 80


def _shorten(value: object) -> object:
    if isinstance(value, str) and len(value) > PREVIEW_CELL_CHARS:
        return value[:PREVIEW_CELL_CHARS] + "…"
    return value


def table_metadata(frame: pd.DataFrame, row_count: int) -> dict[str, dg.MetadataValue]:
    """`row_count`, and the first rows of `frame` as a Markdown table."""
    shown = frame.head(PREVIEW_ROWS).map(_shorten)
    preview = shown.to_markdown(index=False) if len(shown) else "_no rows_"
    return {"row_count": dg.MetadataValue.int(row_count), "preview": dg.MetadataValue.md(preview)}
