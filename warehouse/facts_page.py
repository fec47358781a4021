"""The one HTML page of the pictures: the charts inline and every fact with its page and
evidence. It holds everything it shows (images as base64), so it opens from disk, offline,
and can be mailed as one file.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import pandas as pd

STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; }
img { max-width: 100%; border: 1px solid #ddd; margin-bottom: 1.5em; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; position: sticky; top: 0; }
td.number { text-align: right; white-space: nowrap; }
"""
FACT_COLUMNS = [
    ("report", "report_id"),
    ("domain", "domain"),
    ("subject", "subject_label"),
    ("metric", "metric_label"),
    ("segment", "segment"),
    ("qualifier", "qualifier"),
    ("value", "value"),
    ("unit", "unit"),
    ("period start", "period_start"),
    ("period end", "period_end"),
    ("read from", "source_kind"),
    ("page", "page"),
    ("evidence", "evidence"),
]
NUMBER_COLUMNS = {"value", "page"}


class Image(Protocol):
    title: str
    path: Path


def write_facts_page(
    target: Path, facts: pd.DataFrame, reports: pd.DataFrame, images: Iterable[Image]
) -> None:
    """Write the page: the reports, the images, then a table of every fact."""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Facts of the Dinum report warehouse</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Facts of the Dinum report warehouse</h1>",
        _reports_list(reports, facts),
    ]
    for image in images:
        encoded = base64.b64encode(image.path.read_bytes()).decode("ascii")
        parts += [
            f"<h2>{html.escape(image.title)}</h2>",
            f'<img alt="{html.escape(image.title)}" src="data:image/png;base64,{encoded}">',
        ]
    parts += [f"<h2>Every fact ({len(facts)})</h2>", _facts_table(facts), "</body></html>"]
    target.write_text("\n".join(parts) + "\n", encoding="utf-8")


def _reports_list(reports: pd.DataFrame, facts: pd.DataFrame) -> str:
    if reports.empty:
        return "<p>No report in the warehouse.</p>"
    per_report = facts.groupby("report_id").size()
    items = []
    for report in reports.itertuples():
        title = report.title if isinstance(report.title, str) else report.report_id
        published_on = cell_text(report.published_on)
        published = f", published {published_on}" if published_on else ""
        count = int(per_report.get(report.report_id, 0))
        items.append(
            f"<li>{html.escape(title)} (<code>{html.escape(report.report_id)}</code>"
            f"{html.escape(published)}): {count} facts</li>"
        )
    return "<p>Reports:</p><ul>" + "".join(items) + "</ul>"


def cell_text(value: object) -> str:
    """A cell as a reader wants it: whole numbers without `.0`, nothing for a null."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.10g}"
    return str(value)


def _facts_table(facts: pd.DataFrame) -> str:
    header = "".join(f"<th>{html.escape(title)}</th>" for title, _ in FACT_COLUMNS)
    rows = []
    for fact in facts.to_dict("records"):
        cells = "".join(
            f'<td class="number">{html.escape(cell_text(fact[column]))}</td>'
            if column in NUMBER_COLUMNS
            else f"<td>{html.escape(cell_text(fact[column]))}</td>"
            for _, column in FACT_COLUMNS
        )
        rows.append(f'<tr id="{html.escape(fact["fact_key"])}">{cells}</tr>')
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
