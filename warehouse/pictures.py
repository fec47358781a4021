"""Pictures of the warehouse for readers of the report: charts of its facts drawn with
matplotlib, and one HTML page (warehouse.facts_page) that shows them beside every fact.

No Dagster here: the `reports/pictures` asset only calls `render_pictures`. The warehouse is
opened read-only and closed before anything is drawn (DuckDB has one writer: a picture must
never hold up a build). A chart never mixes units: each panel is one metric, so one unit.
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb
import matplotlib
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from warehouse import facts_page
from warehouse.facts_page import write_facts_page

# Every fact with the labels a reader needs; the page lists them in this order.
FACTS_QUERY = """
SELECT f.fact_key, f.report_id, f.domain, f.subject,
       coalesce(s.label, f.subject) AS subject_label, s.kind AS subject_kind,
       f.metric, coalesce(m.label, f.metric) AS metric_label,
       coalesce(m.unit_description, f.unit) AS unit_description,
       f.segment, f.value, f.unit, f.qualifier, f.period_start, f.period_end,
       f.source_kind, f.page, f.evidence
FROM marts.facts f
LEFT JOIN marts.dim_subjects s USING (subject)
LEFT JOIN marts.dim_metrics m USING (metric)
ORDER BY f.domain, f.metric, f.subject, f.segment NULLS FIRST, f.period_end NULLS FIRST,
         f.report_id
"""
REPORTS_QUERY = "SELECT report_id, title, published_on FROM marts.dim_reports ORDER BY report_id"

PRODUCT = "product"  # the `kind` of dim_subjects whose facts the per-product charts show
STAFF_UNIT = "FTE"
QUALIFIER_SIGNS = {"exact": "", "approx": "≈ ", "below": "< ", "above": "> ", "at_most": "≤ "}
PANEL_COLUMNS = 3
DPI = 100
# What the pictures in a folder were drawn from (see _fingerprint), written beside them.
FINGERPRINT_NAME = ".pictures.sha256"


@dataclass(frozen=True)
class Picture:
    name: str  # file stem under the reports folder
    title: str
    path: Path

    def markdown(self) -> str:
        """The picture inline, as Markdown (the Dagster UI shows it with the asset)."""
        encoded = base64.b64encode(self.path.read_bytes()).decode("ascii")
        return f"![{self.title}](data:image/png;base64,{encoded})"


@dataclass(frozen=True)
class Rendered:
    pictures: list[Picture]
    page: Path
    fact_count: int
    drawn: bool  # false when the folder already held the pictures of these facts


def read_facts(warehouse: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every fact with its subject's and metric's labels, and the reports, read-only."""
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        facts = conn.execute(FACTS_QUERY).df()
        reports = conn.execute(REPORTS_QUERY).df()
    return facts, reports


def render_pictures(warehouse: Path, out_dir: Path) -> Rendered:
    """Draw the charts of the warehouse's facts and the page that shows them, in out_dir.

    Every chart is written on every drawing (a chart with no fact to show says so), so no
    picture of an earlier warehouse lingers beside the new ones. Pictures drawn from the same
    facts and reports by the same code are kept as they are: drawing takes seconds, and a
    run that re-extracts the reports mostly leaves the facts unchanged.
    """
    facts, reports = read_facts(warehouse)
    out_dir.mkdir(parents=True, exist_ok=True)
    pictures = [Picture(name, title, out_dir / f"{name}.png") for name, title, _, _ in CHARTS]
    page = page_path(out_dir)
    fingerprint = _fingerprint(facts, reports)
    stamp = out_dir / FINGERPRINT_NAME
    drawn_files = [picture.path for picture in pictures] + [page]
    if all(path.exists() for path in drawn_files) and _read_stamp(stamp) == fingerprint:
        return Rendered(pictures, page, len(facts), drawn=False)
    # Until every file is replaced, the folder holds the pictures of no fingerprint.
    stamp.unlink(missing_ok=True)
    label_reports = reports["report_id"].nunique() > 1
    for picture, (_, title, select, draw) in zip(pictures, CHARTS, strict=True):
        figure = _chart(select(facts), title, draw, label_reports)
        _replace(
            picture.path,
            lambda target, figure=figure: figure.savefig(target, format="png", dpi=DPI),
        )
    _replace(page, lambda target: write_facts_page(target, facts, reports, pictures))
    _replace(stamp, lambda target: target.write_text(fingerprint, encoding="ascii"))
    return Rendered(pictures, page, len(facts), drawn=True)


def _fingerprint(facts: pd.DataFrame, reports: pd.DataFrame) -> str:
    """What the pictures depend on: the facts, the reports, the drawing code, matplotlib."""
    digest = hashlib.sha256()
    for frame in (facts, reports):
        digest.update(frame.to_csv(index=False).encode("utf-8"))
    for module in (__file__, facts_page.__file__):
        digest.update(Path(module).read_bytes())
    digest.update(matplotlib.__version__.encode("ascii"))
    return digest.hexdigest()


def _read_stamp(stamp: Path) -> str | None:
    try:
        return stamp.read_text(encoding="ascii")
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def page_path(out_dir: Path) -> Path:
    """The HTML page of the pictures in out_dir."""
    return out_dir / "index.html"


def _replace(path: Path, write: Callable[[Path], None]) -> None:
    # Written aside then renamed: a reader never opens half a file.
    partial = path.with_name(f".{path.name}.partial")
    write(partial)
    os.replace(partial, path)


# Which facts each chart shows: by the kind of their subject, their domain and their unit.


def _product_costs(facts: pd.DataFrame) -> pd.DataFrame:
    products = facts[facts["subject_kind"] == PRODUCT]
    return products[(products["domain"] == "cost") & (products["unit"] != STAFF_UNIT)]


def _product_staff(facts: pd.DataFrame) -> pd.DataFrame:
    return facts[(facts["subject_kind"] == PRODUCT) & (facts["unit"] == STAFF_UNIT)]


def _product_usage(facts: pd.DataFrame) -> pd.DataFrame:
    usage = facts[(facts["subject_kind"] == PRODUCT) & (facts["domain"] == "usage")]
    return usage[usage["period_end"].notna()]


def _indicators(facts: pd.DataFrame) -> pd.DataFrame:
    return facts[facts["domain"] == "indicator"]


# Drawing: one panel per metric, bars per subject (and segment, period), or points in time.


def period_text(start: date | None, end: date | None) -> str:
    """`2023`, `Jan 2022`, `until 2023-12-31`, `2021-06-01 to 2023-12-31`, or ''."""
    start, end = _date(start), _date(end)
    if end is None:
        return f"from {start.isoformat()}" if start else ""
    if start is None:
        return f"until {end.isoformat()}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    one_month = (start.year, start.month) == (end.year, end.month)
    if one_month and start.day == 1 and (end + timedelta(days=1)).day == 1:
        return start.strftime("%b %Y")
    return f"{start.isoformat()} to {end.isoformat()}"


def value_text(value: float, qualifier: str) -> str:
    """The value as a reader says it, with its qualifier's sign: `> 13`, `≈ 4.8 M`, `52.8`."""
    sign = QUALIFIER_SIGNS.get(qualifier, f"{qualifier} ")
    magnitude = abs(value)
    for threshold, divisor, suffix in ((1e9, 1e9, " bn"), (1e6, 1e6, " M"), (1e4, 1e3, " k")):
        if magnitude >= threshold:
            return f"{sign}{value / divisor:.4g}{suffix}"
    return f"{sign}{value:.6g}"


AXIS_NUMBERS = FuncFormatter(lambda value, _: value_text(value, "exact"))


def _date(value: object) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _bar_label(row: pd.Series, label_reports: bool) -> str:
    parts = [row["subject_label"]]
    if isinstance(row["segment"], str):
        parts.append(f"· {row['segment']}")
    period = period_text(row["period_start"], row["period_end"])
    if period:
        parts.append(f"({period})")
    if label_reports:
        parts.append(f"[{row['report_id']}]")
    return " ".join(parts)


def _draw_bars(ax: Axes, rows: pd.DataFrame, label_reports: bool) -> None:
    labels = [_bar_label(row, label_reports) for _, row in rows.iterrows()]
    positions = range(len(rows))
    bars = ax.barh(positions, rows["value"], color="#3a6ea5")
    ax.set_yticks(list(positions), labels, fontsize=8)
    ax.invert_yaxis()
    ax.bar_label(
        bars,
        [value_text(v, q) for v, q in zip(rows["value"], rows["qualifier"], strict=True)],
        padding=3,
        fontsize=8,
    )
    ax.margins(x=0.25)
    ax.xaxis.set_major_formatter(AXIS_NUMBERS)


def _draw_usage(ax: Axes, rows: pd.DataFrame, label_reports: bool) -> None:
    """A line through time when one product has the metric at several periods, else bars."""
    periods = rows.groupby(["subject", "segment", "report_id"], dropna=False)["period_end"]
    if periods.nunique().max() > 1:
        _draw_over_time(ax, rows, label_reports)
    else:
        _draw_bars(ax, rows, label_reports)


def _draw_over_time(ax: Axes, rows: pd.DataFrame, label_reports: bool) -> None:
    """A point per figure at the middle of its period, a bar across the period it covers."""
    series_keys = (
        ["subject_label", "segment", "report_id"]
        if label_reports
        else [
            "subject_label",
            "segment",
        ]
    )
    for key, series in rows.groupby(series_keys, dropna=False, sort=True):
        subject, segment = key[0], key[1]
        name = subject if not isinstance(segment, str) else f"{subject} · {segment}"
        if label_reports:
            name += f" [{key[2]}]"
        ends = [mdates.date2num(_date(end)) for end in series["period_end"]]
        starts = [
            mdates.date2num(_date(start)) if _date(start) else end
            for start, end in zip(series["period_start"], ends, strict=True)
        ]
        middles = [(s + e) / 2 for s, e in zip(starts, ends, strict=True)]
        spread = [
            [m - s for m, s in zip(middles, starts, strict=True)],
            [e - m for m, e in zip(middles, ends, strict=True)],
        ]
        ax.errorbar(middles, series["value"], xerr=spread, marker="o", capsize=3, label=name)
        for middle, value, qualifier in zip(
            middles, series["value"], series["qualifier"], strict=True
        ):
            ax.annotate(
                value_text(value, qualifier),
                (middle, value),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
            )
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    ax.tick_params(axis="x", labelsize=8, labelrotation=30)
    ax.set_ylim(bottom=min(0, rows["value"].min()), top=max(rows["value"].max(), 0) * 1.25 or 1)
    ax.yaxis.set_major_formatter(AXIS_NUMBERS)
    ax.legend(fontsize=7, loc="best")


def _chart(
    facts: pd.DataFrame,
    title: str,
    draw: Draw,
    label_reports: bool,
) -> Figure:
    metrics = list(dict.fromkeys(facts["metric"]))
    if not metrics:
        figure = Figure(figsize=(6, 1.5))
        figure.text(0.5, 0.5, f"{title}: no fact of this kind in the warehouse.", ha="center")
        return figure
    columns = min(PANEL_COLUMNS, len(metrics))
    rows = math.ceil(len(metrics) / columns)
    tallest = facts.groupby("metric").size().max()
    figure = Figure(figsize=(6 * columns, rows * (1.6 + 0.32 * tallest)), layout="constrained")
    figure.suptitle(title, fontsize=13)
    for index, metric in enumerate(metrics):
        ax = figure.add_subplot(rows, columns, index + 1)
        panel = facts[facts["metric"] == metric]
        first = panel.iloc[0]
        ax.set_title(f"{first['metric_label']}\n({first['unit_description']})", fontsize=9)
        draw(ax, panel, label_reports)
    return figure


Select = Callable[[pd.DataFrame], pd.DataFrame]
Draw = Callable[[Axes, pd.DataFrame, bool], None]
# name, title, which facts, how they are drawn
CHARTS: list[tuple[str, str, Select, Draw]] = [
    ("costs_per_product", "Costs per product", _product_costs, _draw_bars),
    ("staff_per_product", "Staff per product", _product_staff, _draw_bars),
    ("usage_over_time", "Usage of the products over time", _product_usage, _draw_usage),
    ("indicators", "Indicators", _indicators, _draw_bars),
]
