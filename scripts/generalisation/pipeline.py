"""Run the pipeline on a folder of PDFs through its command line, and read its marts.

Only the stable interface is used: the environment variables of `warehouse/settings.py`,
`python -m orchestration.materialize_all`, and the columns of the fact marts.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from warehouse.manifest import MANIFEST_COLUMNS

REPO_ROOT = Path(__file__).resolve().parents[2]
FACT_MARTS = ("fct_costs", "fct_usage", "fct_indicators")
PUBLISHED_ON = "2024-07-15"


@dataclass(frozen=True)
class MartRow:
    report_id: str
    subject: str
    metric: str
    segment: str
    value: float
    unit: str
    qualifier: str
    period_start: date | None
    period_end: date | None
    source_kind: str
    page: int | None
    evidence: str


def write_manifest(raw_dir: Path) -> None:
    """A manifest row per PDF of `raw_dir` (report_id = file stem), published 2024-07-15."""
    with (raw_dir / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for pdf in sorted(raw_dir.glob("*.pdf")):
            writer.writerow(
                {
                    "report_id": pdf.stem,
                    "title": pdf.stem,
                    "publisher": "Cour des comptes",
                    "published_on": PUBLISHED_ON,
                    "source_url": "",
                    "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest(),
                    "file_name": pdf.name,
                }
            )


def run_pipeline(raw_dir: Path, work_dir: Path, python: str = sys.executable) -> Path:
    """Materialise every asset on `raw_dir` into a warehouse of `work_dir`; return its path.

    Raises CalledProcessError with the command's output when the run fails.
    """
    warehouse = work_dir / "warehouse" / "dinum.duckdb"
    dagster_home = work_dir / "dagster_home"
    dagster_home.mkdir(parents=True, exist_ok=True)
    # the instance settings `make run` uses (runs one at a time, no telemetry)
    shutil.copyfile(REPO_ROOT / "orchestration" / "dagster.yaml", dagster_home / "dagster.yaml")
    env = {
        **os.environ,
        "DINUM_RAW_DIR": str(raw_dir),
        "DINUM_WAREHOUSE": str(warehouse),
        # The raw layer too: the repository's own must not receive the corpus' reports.
        "DINUM_RAW_LAYER": str(work_dir / "raw_layer"),
        "DAGSTER_HOME": str(dagster_home),
        "PATH": f"{Path(python).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    subprocess.run(
        [python, "-m", "orchestration.materialize_all"],
        cwd=REPO_ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return warehouse


def read_facts(warehouse: Path) -> list[MartRow]:
    """Every row of the three fact marts."""
    rows: list[MartRow] = []
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        for mart in FACT_MARTS:
            for record in conn.execute(
                f"""SELECT report_id, subject, metric, coalesce(segment, ''), value, unit,
                           qualifier, period_start, period_end, source_kind, page, evidence
                    FROM marts.{mart}"""
            ).fetchall():
                rows.append(MartRow(*record[:4], float(record[4]), *record[5:]))
    return rows
